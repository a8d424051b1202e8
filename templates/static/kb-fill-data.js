/*
 * Kennisbank: the data the build writes into a page for its scripts, as JSON in
 * <script type="application/json" id="kb-invuldata"> (a file next to the page could not be
 * read from file://), made by Sources/KennisbankRender/FillData.swift:
 *   format   AssessmentFormat.description (Sources/Kader/AssessmentFormat.swift): the
 *            front-matter keys, the organisation keys, the score label, the headings, the plan
 *            fields, the statuses with their words, the open words, the roles, the parties
 *            and the visibilities, all in the format's own (Dutch) words;
 *   symbols  the shape of each status, by status key;
 *   labels   the interface words: the `fill:` table of templates/strings/LANGUAGE.yml, texts
 *            with {name} placeholders;
 *   words    the tables the pages share with the scripts (ScriptStrings.sharedTables: the
 *            result page's `assessment`, `indicatorBlock`, `kader`, `dates`), named by their
 *            full key with a dot: say('assessment.summary.title');
 *   kader    the kader's version, and its parts with their indicators (id, title, anchor);
 *   styles   on a page that saves a self-contained copy of what it shows, the site's stylesheet;
 *   names    what the pages show for the statuses, roles, visibilities and plan fields, in the
 *            site's language (the file keeps the format's words).
 *
 * Every interface word a script shows is written in quotes as the first argument of `say` or
 * `wordKey` (`var say = data.say;`): the build reads the keys of every script and reports each
 * one the strings file lacks (Sources/KennisbankLoad/ScriptStrings.swift).
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank = window.Kennisbank || {};

  /** The page's data, with `say(key, values)`: the interface text `key`, its {name} placeholders filled. */
  Kennisbank.fillData = function () {
    var element = document.getElementById('kb-invuldata');
    var data;
    try {
      data = element ? JSON.parse(element.textContent) : null;
    } catch (error) {
      return null;
    }
    if (!data || !data.format || !data.labels) { return null; }
    function lookUp(key) {
      if (key.indexOf('.') < 0) { return data.labels[key]; }
      return key.split('.').reduce(function (table, name) {
        return table && typeof table === 'object' && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
      }, data.words || {});
    }
    data.say = function (key, values) {
      var text = lookUp(key);
      if (text === undefined) { return key; }
      if (typeof text === 'object' && values && 'count' in values) { text = values.count === 1 ? text.one : text.other; }
      return String(text).replace(/\{(\w+)\}/g, function (match, name) {
        return values && name in values ? String(values[name]) : match;
      });
    };
    /** A date of the form YYYY-MM-DD as the site writes it ("10 maart 2026"); other text as it is. */
    data.date = function (iso) {
      var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
      var months = lookUp('dates.months');
      if (!parts || !Array.isArray(months)) { return iso || ''; }
      return data.say('dates.format', { day: Number(parts[3]), month: months[Number(parts[2]) - 1], year: parts[1] });
    };
    return data;
  };
}());
