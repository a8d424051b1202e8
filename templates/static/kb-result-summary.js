/*
 * Kennisbank: what the result of a self-evaluation counts, from the work in the browser, by the
 * rules of the generated result page (Sources/Kader/AssessmentSummary.swift for the counts per
 * part and in total, Sources/KennisbankRender/AssessmentContexts.swift for the aandachtspunten
 * and the plan's indicators). Counts only: no average, grade or rank. The browser test
 * (Tests/browser/journey.py) proves that both give the same counts and lists.
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank = window.Kennisbank || {};

  /** The statuses a result lists under Aandachtspunten (orange and red). */
  var ATTENTION = ['inOntwikkeling', 'nietOpOrde'];

  /**
   * The result of `state` (the form's work: `indicators` by id with `status`, and `plan`) on
   * the kader of `data` (kb-fill-data.js): per part the count of each status and of the open
   * indicators, the totals, the aandachtspunten per part, and the plan with its indicators.
   */
  Kennisbank.resultSummary = function (data, state) {
    var keys = data.format.statuses.map(function (status) { return status.key; });
    var known = Object.create(null);
    function counts() {
      var result = { open: 0 };
      keys.forEach(function (key) { result[key] = 0; });
      return result;
    }
    function statusOf(id) {
      var value = state.indicators[id];
      return value && keys.indexOf(value.status) >= 0 ? value.status : '';
    }
    var total = counts();
    var parts = data.kader.parts.map(function (part) {
      var partCounts = counts();
      var attention = [];
      part.indicators.forEach(function (indicator) {
        known[indicator.id.toUpperCase()] = indicator;
        var status = statusOf(indicator.id);
        partCounts[status || 'open'] += 1;
        total[status || 'open'] += 1;
        if (ATTENTION.indexOf(status) >= 0) { attention.push({ indicator: indicator, status: status }); }
      });
      return { part: part, counts: partCounts, attention: attention };
    });
    // The plan's "Indicatoren" are split where the file's reader splits them (comma, semicolon,
    // white space); an ID the kader lacks is left out, as `kennisbank check` refuses it.
    // The plan holds the actions the file holds: those with a "Wat" (kb-assessment-file.js).
    var plan = (state.plan || []).filter(function (entry) { return String(entry.what || '').trim(); }).map(function (entry) {
      var ids = String(entry.indicators || '').split(/[,;\s]+/).filter(Boolean);
      return { entry: entry, indicators: ids.map(function (id) { return known[id.toUpperCase()]; }).filter(Boolean) };
    });
    var filled = keys.reduce(function (sum, key) { return sum + total[key]; }, 0);
    return { keys: keys, parts: parts, total: total, filled: filled, count: filled + total.open, plan: plan };
  };
}());
