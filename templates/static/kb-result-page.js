/*
 * Kennisbank: the result of a self-evaluation as one self-contained HTML page, made in the
 * browser from the work of the joint form: the facts of the generated result page
 * (templates/partials/assessment-body.mustache, with its classes, so the site's stylesheet
 * gives it the same look): the facts of the session, per part the counts with bars, the
 * aandachtspunten, the Plan van aanpak and every indicator with its reflection and actions.
 *
 * Every text of the work is set as text (`textContent`) and kept with its line breaks; the
 * page carries the site's stylesheet inside itself (data.styles, which the build writes into
 * the form's data), no script and no address outside itself, so it can be e-mailed and opened
 * anywhere. The counts come from Kennisbank.resultSummary (kb-result-summary.js).
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank = window.Kennisbank || {};
  var SVG = 'http://www.w3.org/2000/svg';

  /** The width of a bar, in the units of its SVG (as the generated page's bars). */
  var BAR_WIDTH = 600;
  /** The pattern over a status's segment (templates/partials/status-bar.mustache): its path and line width. */
  var PATTERNS = {
    inOntwikkeling: ['M-2 2L2-2M0 8L8 0M6 10L10 6', '2'],
    nietOpOrde: ['M0 0L8 8M8 0L0 8', '1.5']
  };

  /**
   * The page of `state` as HTML text, with `summary` = Kennisbank.resultSummary(data, state).
   * `language` is the page's language (`lang`).
   */
  Kennisbank.resultPage = function (data, state, summary, language) {
    var say = data.say;
    var el = Kennisbank.dom.el;
    var names = data.names;
    var openSymbol = say('openSymbol');

    function text(value) { return document.createTextNode(value); }
    function time(iso) { return el('time', { datetime: iso, text: data.date(iso) }); }
    function statusSymbol(key) { return key ? data.symbols[key] : openSymbol; }
    function statusName(key) { return key ? names.statuses[key] : say('notScored'); }

    /** The label of a status as the generated page shows it: its shape and its name. */
    function statusLabel(key) {
      return el('span', { 'class': 'status status-' + (key || 'open') }, [
        el('span', { 'class': 'status-symbol', 'aria-hidden': 'true', text: statusSymbol(key) }), text(' ' + statusName(key))
      ]);
    }

    var columns = summary.keys.concat(['open']);
    function column(key) { return key === 'open' ? '' : key; }

    function countsText(counts) {
      return columns.map(function (key) {
        return say('assessment.barCount', { count: counts[key], label: statusName(column(key)) });
      }).join(', ');
    }

    /** A bar of `counts`: a segment per status, as wide as its share, named in words. */
    function bar(counts, title, id) {
      var svg = document.createElementNS(SVG, 'svg');
      [['class', 'status-bar'], ['viewBox', '0 0 ' + BAR_WIDTH + ' 28'], ['width', String(BAR_WIDTH)], ['height', '28'],
        ['role', 'img'], ['aria-labelledby', id]].forEach(function (pair) { svg.setAttribute(pair[0], pair[1]); });
      var label = document.createElementNS(SVG, 'title');
      label.setAttribute('id', id);
      label.textContent = title + ': ' + countsText(counts);
      svg.appendChild(label);
      // The patterns of the generated page's bars: orange striped, red cross-hatched, so that
      // the statuses differ in greyscale too.
      var defs = document.createElementNS(SVG, 'defs');
      Object.keys(PATTERNS).forEach(function (key) {
        var pattern = document.createElementNS(SVG, 'pattern');
        [['id', id + '-' + key], ['width', '8'], ['height', '8'], ['patternUnits', 'userSpaceOnUse']].forEach(function (pair) {
          pattern.setAttribute(pair[0], pair[1]);
        });
        var path = document.createElementNS(SVG, 'path');
        [['d', PATTERNS[key][0]], ['stroke', '#ffffff'], ['stroke-width', PATTERNS[key][1]]].forEach(function (pair) { path.setAttribute(pair[0], pair[1]); });
        pattern.appendChild(path);
        defs.appendChild(pattern);
      });
      svg.appendChild(defs);
      var shown = columns.filter(function (key) { return counts[key] > 0; });
      var sum = Math.max(1, shown.reduce(function (total, key) { return total + counts[key]; }, 0));
      var x = 0;
      shown.forEach(function (key, position) {
        var width = position === shown.length - 1 ? BAR_WIDTH - x : Math.round(BAR_WIDTH * counts[key] / sum);
        var rect = document.createElementNS(SVG, 'rect');
        [['class', 'result-bar result-bar-' + key], ['x', String(x)], ['y', '0'], ['width', String(width)], ['height', '28'],
          ['stroke', '#1b1b1b'], ['stroke-width', '1']].forEach(function (pair) { rect.setAttribute(pair[0], pair[1]); });
        svg.appendChild(rect);
        if (PATTERNS[key]) {
          var overlay = document.createElementNS(SVG, 'rect');
          [['x', String(x)], ['y', '0'], ['width', String(width)], ['height', '28'], ['fill', 'url(#' + id + '-' + key + ')']].forEach(function (pair) {
            overlay.setAttribute(pair[0], pair[1]);
          });
          svg.appendChild(overlay);
        }
        x += width;
      });
      var words = el('p', { 'class': 'bar-counts result-counts', 'aria-hidden': 'true' });
      columns.forEach(function (key) {
        if (!counts[key]) { return; }
        words.appendChild(el('span', { 'class': 'bar-count' }, [
          el('span', { 'class': 'status-symbol status-' + key, text: statusSymbol(column(key)) }),
          text(' ' + counts[key] + ' ' + statusName(column(key)))
        ]));
        words.appendChild(text(' '));
      });
      return [svg, words];
    }

    function factsList() {
      var list = el('dl', { 'class': 'assessment-facts' });
      function fact(term, value) {
        if (!value) { return; }
        list.appendChild(el('dt', { text: term }));
        list.appendChild(el('dd', {}, [typeof value === 'string' ? text(value) : value]));
      }
      fact(say('assessment.facts.practice'), state.practice);
      fact(say('assessment.facts.region'), state.region);
      fact(say('assessment.facts.date'), time(state.date));
      data.format.roles.forEach(function (role) {
        var named = (state.organisations || []).filter(function (organisation) {
          return organisation.role === role && String(organisation.name || '').trim();
        });
        if (!named.length) { return; }
        var value = el('dd');
        named.forEach(function (organisation) {
          value.appendChild(el('span', { 'class': 'org', text: organisation.name.trim() }));
          value.appendChild(text(' '));
        });
        list.appendChild(el('dt', { text: names.roles[role] || role }));
        list.appendChild(value);
      });
      fact(say('assessment.facts.facilitator'), String(state.facilitator || '').trim());
      fact(say('assessment.facts.kader'), say('kader.title') + ', ' + say('kader.versionWord') + ' ' + data.kader.version);
      fact(say('assessment.facts.filled'), summary.filled + ' ' + say('assessment.facts.filledOf') + ' ' + summary.count + ' ' +
        say('assessment.facts.filledEnd'));
      return list;
    }

    function countCells(counts, cellTag) {
      return columns.map(function (key) {
        return el(cellTag || 'td', { 'class': 'number' }, [
          el('span', { 'class': 'cell-label', 'aria-hidden': 'true' }, [
            el('span', { 'class': 'status-symbol status-' + key, text: statusSymbol(column(key)) }), text(' ' + statusName(column(key)))
          ]),
          text(' ' + counts[key])
        ]);
      });
    }

    function summarySection() {
      var head = el('tr', {}, [el('th', { scope: 'col', text: say('assessment.partColumn') })].concat(columns.map(function (key) {
        return el('th', { scope: 'col', 'class': 'number' }, [
          el('span', { 'class': 'status-symbol status-' + key, 'aria-hidden': 'true', text: statusSymbol(column(key)) }),
          text(' ' + statusName(column(key)))
        ]);
      })));
      var body = el('tbody');
      summary.parts.forEach(function (entry) {
        body.appendChild(el('tr', {}, [el('th', { scope: 'row', text: entry.part.number + '. ' + entry.part.title })].concat(countCells(entry.counts))));
      });
      body.appendChild(el('tr', { 'class': 'total' }, [el('th', { scope: 'row', text: say('assessment.totalRow') })].concat(countCells(summary.total))));
      var bars = el('ul', { 'class': 'bars' });
      summary.parts.forEach(function (entry) {
        var title = say('assessment.partBar', { number: entry.part.number, title: entry.part.title });
        bars.appendChild(el('li', {}, [el('span', { 'class': 'bar-label', text: entry.part.number + '. ' + entry.part.title })]
          .concat(bar(entry.counts, title, 'kb-balk-' + entry.part.id.toLowerCase()))));
      });
      bars.appendChild(el('li', { 'class': 'bar-total' }, [el('span', { 'class': 'bar-label', text: say('assessment.allParts') })]
        .concat(bar(summary.total, say('assessment.allParts'), 'kb-balk-totaal'))));
      return el('section', { 'class': 'assessment-summary', 'aria-labelledby': 'kb-overzicht' }, [
        el('h2', { id: 'kb-overzicht', text: say('assessment.summary.title') }),
        el('p', { text: say('assessment.summary.intro') }),
        el('table', { 'class': 'summary card-table' }, [
          el('caption', { text: say('assessment.summary.caption') }), el('thead', {}, [head]), body
        ]),
        el('h3', { text: say('assessment.summary.barsTitle') }),
        bars
      ]);
    }

    function indicatorLink(indicator) {
      return el('a', { href: '#' + indicator.anchor }, [
        el('span', { 'class': 'indicator-id', text: indicator.id }), text(' ' + indicator.title)
      ]);
    }

    function attentionSection() {
      var section = el('section', { 'class': 'assessment-attention', 'aria-labelledby': 'kb-aandachtspunten' }, [
        el('h2', { id: 'kb-aandachtspunten', text: say('assessment.attention.title') })
      ]);
      var parts = summary.parts.filter(function (entry) { return entry.attention.length; });
      if (!parts.length) {
        section.appendChild(el('p', { text: say('assessment.attention.none') }));
        return section;
      }
      section.appendChild(el('p', { text: say('assessment.attention.intro') }));
      parts.forEach(function (entry) {
        section.appendChild(el('h3', { text: entry.part.number + '. ' + entry.part.title }));
        section.appendChild(el('ul', { 'class': 'attention' }, entry.attention.map(function (item) {
          return el('li', {}, [indicatorLink(item.indicator), text(' '), statusLabel(item.status)]);
        })));
      });
      return section;
    }

    function planSection() {
      if (!summary.plan.length) { return null; }
      // The plan's column heads, by the plan's field names.
      var label = { what: say('assessment.plan.what'), who: say('assessment.plan.who'), when: say('assessment.plan.when'),
        goal: say('assessment.plan.goal'), indicators: say('assessment.plan.indicators') };
      var fields = ['who', 'when', 'goal'];
      var head = el('tr', {}, ['what'].concat(fields, ['indicators']).map(function (name) {
        return el('th', { scope: 'col', text: label[name] });
      }));
      var rows = summary.plan.map(function (item) {
        var cells = [el('td', { 'class': 'card-title', text: item.entry.what.trim() })];
        fields.forEach(function (name) {
          cells.push(el('td', {}, [el('span', { 'class': 'cell-label', 'aria-hidden': 'true', text: label[name] }),
            text(' ' + String(item.entry[name] || '').trim())]));
        });
        var ids = el('td', {}, [el('span', { 'class': 'cell-label', 'aria-hidden': 'true', text: label.indicators }), text(' ')]);
        item.indicators.forEach(function (indicator) {
          ids.appendChild(el('a', { href: '#' + indicator.anchor, text: indicator.id }));
          ids.appendChild(text(' '));
        });
        cells.push(ids);
        return el('tr', {}, cells);
      });
      return el('section', { 'class': 'assessment-plan', 'aria-labelledby': 'kb-plan' }, [
        el('h2', { id: 'kb-plan', text: say('assessment.plan.title') }),
        el('table', { 'class': 'plan-table card-table' }, [
          el('caption', { text: say('assessment.plan.caption') }), el('thead', {}, [head]), el('tbody', {}, rows)
        ])
      ]);
    }

    function indicatorBlock(indicator) {
      var value = state.indicators[indicator.id] || {};
      var status = summary.keys.indexOf(value.status) >= 0 ? value.status : '';
      var block = el('article', { 'class': 'assessment-indicator', id: indicator.anchor, 'aria-labelledby': 'kb-titel-' + indicator.anchor }, [
        el('h4', { id: 'kb-titel-' + indicator.anchor }, [el('span', { 'class': 'indicator-id', text: indicator.id }), text(' ' + indicator.title)]),
        el('p', { 'class': 'assessment-status' }, [text(say('indicatorBlock.score') + ' '), statusLabel(status)])
      ]);
      [['reflection', say('indicatorBlock.reflection')], ['actions', say('indicatorBlock.actions')]].forEach(function (field) {
        var written = String(value[field[0]] || '').trim();
        if (!written) { return; }
        block.appendChild(el('h5', { text: field[1] }));
        block.appendChild(el('div', { 'class': 'prose result-text', text: written }));
      });
      return block;
    }

    function detailsSection() {
      return el('section', { 'class': 'assessment-details', 'aria-labelledby': 'kb-details' }, [
        el('h2', { id: 'kb-details', text: say('assessment.details.title') })
      ].concat(summary.parts.map(function (entry) {
        return el('section', { 'class': 'assessment-part', 'aria-labelledby': 'kb-deel-' + entry.part.id }, [
          el('h3', { id: 'kb-deel-' + entry.part.id, text: entry.part.number + '. ' + entry.part.title })
        ].concat(entry.part.indicators.map(indicatorBlock)));
      })));
    }

    var heading = say('assessment.title', { practice: String(state.practice || '').trim() });
    var article = el('article', { 'class': 'page assessment-page' }, [
      el('header', { 'class': 'page-header assessment-header' }, [
        el('p', { 'class': 'kader-version', text: say('kader.title') + ' · ' + say('kader.versionWord') + ' ' + data.kader.version }),
        el('h1', { text: heading }),
        el('p', { 'class': 'lead' }, [text(say('assessment.lead') + ' '), time(state.date)])
      ])
    ]);
    // Not the published page's notice (which says where the page is listed): this is a copy made
    // in the browser, before anything is published.
    article.appendChild(el('p', { 'class': 'notice' }, [
      el('strong', { text: say('resultCopyTitle') }), text(' ' + say('resultCopyText'))
    ]));
    [factsList(), summarySection(), attentionSection(), planSection(), detailsSection()].forEach(function (section) {
      if (section) { article.appendChild(section); }
    });

    var head = el('head', {}, [
      el('meta', { charset: 'utf-8' }),
      el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      el('meta', { name: 'robots', content: 'noindex' }),
      el('title', { text: heading + ' – ' + data.date(state.date) }),
      // The stylesheet inside the page; `</` could end the element early, as in InlineCSS.swift.
      el('style', { text: String(data.styles || '').replace(/<\//g, '<\\/') + RESULT_CSS })
    ]);
    var body = el('body', { 'class': 'standalone' }, [el('main', { id: 'kb-inhoud', 'class': 'layout' }, [article])]);
    var html = el('html', { lang: language || document.documentElement.lang }, [head, body]);
    return '<!DOCTYPE html>\n' + html.outerHTML + '\n';
  };

  /**
   * What the generated page's bars carry in their SVG and its texts get from Markdown, here:
   * each status's fill, the counts always in words, and the texts with their line breaks.
   */
  var RESULT_CSS = '\n.result-bar-opOrde { fill: #2e7d32; }' +
    '\n.result-bar-inOntwikkeling { fill: #a84f00; }' +
    '\n.result-bar-nietOpOrde { fill: #b3261e; }' +
    '\n.result-bar-open { fill: #eceff1; }' +
    '\n.result-counts { display: flex; flex-wrap: wrap; gap: 0 1rem; margin: 0.2rem 0 0; font-size: 0.95rem; }' +
    '\n.result-text { white-space: pre-line; }' +
    '\n@media print { .result-bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }\n';
}());
