/*
 * Kennisbank: the line rules of the assessment file format, for the scripts that read or write
 * assessment files in the browser (the form, the bundle of preparations, the result).
 *
 * Kennisbank.formatLines(format, planFields) gives the rules for `format` (the build's
 * AssessmentFormat.description, from the page's data) and the names of the plan fields in the
 * file's order. A copy of the site's rules in Sources/Kader/AssessmentLines.swift and
 * AssessmentLayout.swift; the site refuses every file where its Markdown reading and these
 * rules disagree.
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank = window.Kennisbank || {};

  /** The name `key` of an interface text that the caller looks up with `say` (see kb-fill-data.js). */
  function wordKey(key) { return key; }

  Kennisbank.formatLines = function (FORMAT, PLAN_FIELDS) {
    /*
     * Which lines of a file's body are its structure: a copy of the site's rules in
     * Sources/Kader/AssessmentLines.swift and AssessmentLayout.swift (read there first), so that
     * this form reads every file the way the site does. The site also parses the body as Markdown
     * and refuses a file where that reading and these rules disagree, so every file the site
     * accepts reads the same here. Briefly: a code block (``` or ~~~) or raw HTML of kinds 1-5
     * (<script, <pre, <style, <textarea, <!--, <?, <!X, <![CDATA[) hides what is in it; a heading
     * is `#`...`######` in the first column; a label line is `**Kleurscore:**` (or a plan label),
     * after at most 3 spaces and a list marker (without one: only after an empty line or heading). The score is the label line directly under an
     * indicator's heading, a paragraph of its own; a label line anywhere else is an error, and so
     * is a block left open at the end.
     */
    var FORMAT_LABELS = [FORMAT.scoreLabel].concat(PLAN_FIELDS.map(function (name) { return FORMAT.planFields[name]; }));

    function indentOf(line) { return /^ */.exec(line)[0].length; }

    function isBlank(line) { return /^[ \t]*$/.test(line); }

    function headingOf(line) {
      var match = /^(#{1,6})([ \t].*)?$/.exec(line);
      if (!match) { return null; }
      var text = (match[2] || '').replace(/^[ \t]+|[ \t]+$/g, '');
      var closing = /(^|[ \t])#+$/.exec(text);
      if (closing) { text = text.slice(0, closing.index).replace(/[ \t]+$/, ''); }
      return { level: match[1].length, text: text };
    }

    function fenceOf(line) {
      var match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      if (!match || (match[1].charAt(0) === '`' && match[2].indexOf('`') >= 0)) { return null; }
      return match[1];
    }

    function closesFence(line, fence) {
      var match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
      return Boolean(match) && match[1].charAt(0) === fence.charAt(0) && match[1].length >= fence.length;
    }

    function holdsEnd(lower, end) {
      if (end !== '</') { return lower.indexOf(end) >= 0; }
      return ['</script>', '</pre>', '</style>', '</textarea>'].some(function (tag) { return lower.indexOf(tag) >= 0; });
    }

    /** What ends the raw HTML of kinds 1-6 that `line` opens ('' for kind 6: an empty line), or null. */
    function htmlEndOf(line) {
      if (indentOf(line) > 3) { return null; }
      var lower = line.replace(/^ */, '').toLowerCase();
      if (lower.charAt(0) !== '<') { return null; }
      if (/^<(script|pre|style|textarea)([ \t>]|$)/.test(lower)) { return '</'; }
      if (lower.indexOf('<!--') === 0) { return '-->'; }
      if (lower.indexOf('<?') === 0) { return '?>'; }
      if (lower.indexOf('<![cdata[') === 0) { return ']]>'; }
      if (/^<![a-z]/.test(lower)) { return '>'; }
      var tag = /^<\/?([a-z0-9]+)([ \t>]|\/>|$)/.exec(lower);
      return tag && BLOCK_TAGS.indexOf(tag[1]) >= 0 ? '' : null;
    }

    /** The tags that open raw HTML of kind 6, which runs to the next empty line. */
    var BLOCK_TAGS = ('address article aside base basefont blockquote body caption center col colgroup dd details dialog ' +
      'dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe ' +
      'legend li link main menu menuitem nav noframes ol optgroup option p param section source summary table tbody td ' +
      'tfoot th thead title tr track ul').split(' ');

    function endsOnOwnLine(line, end) {
      var lower = line.replace(/^ */, '').toLowerCase();
      if (end === '-->') { return lower.indexOf('<!-->') === 0 || lower.indexOf('<!--->') === 0 || holdsEnd(lower.slice(4), end); }
      if (end === '?>') { return holdsEnd(lower.slice(2), end); }
      if (end === ']]>') { return holdsEnd(lower.slice(9), end); }
      if (end === '>') { return holdsEnd(lower.slice(2), end); }
      return holdsEnd(lower, end);
    }

    /** A label line: its label, the text after it and the (0-based) position of its `**`. */
    function labelOf(line) {
      var match = /^( {0,3}(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)?)\*\*([^*]+):\*\*([ \t].*)?$/.exec(line);
      if (!match || FORMAT_LABELS.indexOf(match[2]) < 0) { return null; }
      return { label: match[2], text: (match[3] || '').replace(/^[ \t]+|[ \t]+$/g, ''), at: match[1].length };
    }

    /** Whether a label line starts a paragraph or list item of its own (AssessmentLines.startsBlock). */
    function startsBlock(line, previous) {
      if (/^ {0,3}(?:[-*+]|[0-9]{1,9}[.)])[ \t]/.test(line)) { return true; }
      return !previous || previous.type === 'blank' || previous.type === 'heading';
    }

    /** The kind of each line ({type: blank|text|code|heading|label, ...}) and the block left open. */
    function scanLines(lines) {
      var kinds = [];
      var open = null;
      var blockHTML = {};
      lines.forEach(function (line, index) {
        if (open && open.closer === '') {
          kinds.push({ type: isBlank(line) ? 'blank' : 'code' });
          if (isBlank(line)) { open = null; } else { blockHTML[index] = true; }
          return;
        }
        if (open) {
          kinds.push({ type: 'code' });
          if (open.fence ? closesFence(line, open.closer) : holdsEnd(line.toLowerCase(), open.closer)) { open = null; }
          return;
        }
        var fence = fenceOf(line);
        var end = fence ? null : htmlEndOf(line);
        var heading = headingOf(line);
        var label = labelOf(line);
        if (isBlank(line)) {
          kinds.push({ type: 'blank' });
        } else if (fence) {
          kinds.push({ type: 'code' });
          open = { line: index, closer: fence, fence: true, indent: indentOf(line) };
        } else if (end !== null) {
          kinds.push({ type: 'code' });
          if (end === '' || !endsOnOwnLine(line, end)) { open = { line: index, closer: end, fence: false, indent: indentOf(line) }; }
        } else if (heading) {
          kinds.push({ type: 'heading', level: heading.level, text: heading.text });
        } else if (label && startsBlock(line, kinds[kinds.length - 1])) {
          kinds.push({ type: 'label', label: label.label, text: label.text, at: label.at });
        } else {
          kinds.push({ type: 'text' });
        }
      });
      return { kinds: kinds, open: open && open.closer !== '' ? open : null, blockHTML: blockHTML };
    }

    /**
     * The structure of a body by the rules: the lines whose label is read (`labelLines`, by index)
     * and the problems ({line, key, values}, keys of the `fill:` strings), as AssessmentLayout.
     */
    function layoutOf(scan) {
      var kinds = scan.kinds;
      var labelLines = {};
      var problems = [];
      var place = 'preamble';
      var id = '';
      var subheading = null;
      var hasText = false;
      var scoreLine = null;
      kinds.forEach(function (kind, index) {
        if (kind.type === 'blank') { return; }
        if (kind.type === 'heading') {
          if (kind.level === 2) {
            place = kind.text.toLowerCase() === FORMAT.planHeading.toLowerCase() ? 'plan' : 'indicator';
            id = kind.text.split(/\s+/)[0];
            subheading = null;
            hasText = false;
            scoreLine = null;
          } else if (place === 'indicator') {
            subheading = kind.text;
          } else if (kind.level === 3 && (place === 'plan' || place === 'action')) {
            place = 'action';
          }
          return;
        }
        if (kind.type === 'label') {
          var values = { line: index + 1, id: id, label: kind.label, heading: subheading, first: scoreLine };
          var next = kinds[index + 1];
          if (place === 'indicator' && kind.label === FORMAT.scoreLabel) {
            if (subheading !== null) { problems.push({ line: index, key: wordKey('scoreInSection'), values: values }); }
            else if (scoreLine !== null) { problems.push({ line: index, key: wordKey('secondScore'), values: values }); }
            else if (hasText) { problems.push({ line: index, key: wordKey('scoreNotFirst'), values: values }); }
            else if (next && next.type !== 'blank' && next.type !== 'heading') { problems.push({ line: index, key: wordKey('scoreNotAlone'), values: values }); }
            else { scoreLine = index; labelLines[index] = true; }
          } else if (place === 'action' && kind.label !== FORMAT.scoreLabel) {
            labelLines[index] = true;
          } else {
            problems.push({ line: index, key: kind.label === FORMAT.scoreLabel ? wordKey('scoreOutside') : wordKey('labelOutside'), values: values });
          }
        }
        hasText = true;
      });
      if (scan.open) {
        problems.push({ line: scan.open.line, key: scan.open.fence ? wordKey('unclosedCode') : wordKey('unclosedHTML'),
                        values: { closer: scan.open.closer === '</' ? '</…>' : scan.open.closer } });
      }
      return { labelLines: labelLines, problems: problems };
    }

    /** Text with a backslash before every ASCII punctuation character. */
    function escapeAll(text) { return text.replace(/[!-\/:-@\[-`{-~]/g, '\\$&'); }

    /**
     * A reflection or actions text as Markdown that renders as the text alone would and adds no
     * structure to the file: the same as the site's writer (AssessmentFile.block in
     * Sources/Kader/AssessmentFile.swift, read there why): a heading gets a space before it, a
     * label line is spelled `__Kleurscore:__`, a code block left open is closed, raw HTML left
     * open is written as one escaped paragraph.
     */
    function block(text) {
      var lines = String(text).replace(/\r\n?/g, '\n').split('\n');
      while (lines.length && isBlank(lines[0])) { lines.shift(); }
      while (lines.length && isBlank(lines[lines.length - 1])) { lines.pop(); }
      if (lines.length) { lines[lines.length - 1] = lines[lines.length - 1].replace(/\s+$/, ''); }
      var scan = scanLines(lines);
      function swapped(line, label) {
        return line.slice(0, label.at) + '__' + label.label + ':__' + line.slice(label.at + label.label.length + 5);
      }
      Object.keys(scan.blockHTML).forEach(function (key) {
        var line = lines[key];
        var end = htmlEndOf(line);
        if (headingOf(line)) { lines[key] = ' ' + line; }
        else if (fenceOf(line) || end) { lines[key] = '    ' + line; }
      });
      scan.kinds.forEach(function (kind, index) {
        if (kind.type === 'heading') { lines[index] = ' ' + lines[index]; }
        if (kind.type === 'label') { lines[index] = swapped(lines[index], kind); }
      });
      var open = scan.open;
      if (open && open.fence) {
        lines.push(new Array(open.indent + 1).join(' ') + open.closer);
      } else if (open) {
        var rest = lines.slice(open.line).map(function (line) { return line.trim(); })
          .filter(function (line) { return line; }).map(escapeAll);
        var before = open.line > 0 && !isBlank(lines[open.line - 1]) ? [''] : [];
        lines = lines.slice(0, open.line).concat(before, rest);
      }
      return lines.join('\n');
    }

    /** A line of text as the file's reader gives it back: what `block` changed, undone. */
    function unblock(line) {
      if (/^ #/.test(line) && headingOf(line.slice(1))) { return line.slice(1); }
      var match = /^( {0,3}(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)?)__([^_]+):__([ \t].*)?$/.exec(line);
      if (match && FORMAT_LABELS.indexOf(match[2]) >= 0) { return match[1] + '**' + match[2] + ':**' + (match[3] || ''); }
      return line.replace(/^( {0,3})\\#/, '$1#');
    }

    /**
     * A plan value (one line) as Markdown that reads back as typed, as AssessmentFile.planValue:
     * a backslash before what Markdown would read otherwise.
     */
    function planValue(text) {
      return oneLine(text).replace(/[\\*_`\[\]<>&#'"]|!(?=\[)|-{2,}|\.{3,}/g, function (match) {
        return match.replace(/./g, '\\$&');
      });
    }

    /** A plan value as written, with its backslash escapes undone. */
    function unescapeValue(text) { return text.replace(/\\([!-\/:-@\[-`{-~])/g, '$1'); }

    /** Text on one line, its runs of white space made one space. */
    function oneLine(text) { return (text || '').replace(/\s+/g, ' ').trim(); }

    return {
      isBlank: isBlank, headingOf: headingOf, labelOf: labelOf, scanLines: scanLines, layoutOf: layoutOf,
      block: block, unblock: unblock, planValue: planValue, unescapeValue: unescapeValue, oneLine: oneLine
    };
  };
}());
