/*
 * Kennisbank: the joint form started from the bundle page (bundelen.html, kb-bundle.js). That
 * page keeps the session's details and the scores all participants agreed on under
 * `kennisbank:bundle:<kader version>:<code>` in this browser and opens the joint form at
 * `#bundel=<code>`. Here that handoff is read (and removed), checked as untrusted data (only the
 * session's text fields, organisations of the format's roles, and statuses of the format for
 * indicators of the kader are taken), and turned into the form's work: the details filled in and
 * the agreed scores as suggestions, which stay suggestions until the meeting confirms them. An
 * unconfirmed suggestion is never written to the file: the indicator is saved as open.
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank = window.Kennisbank || {};

  /** The longest text taken over from a handoff (the same bound as an invitation link's values). */
  var LONGEST = 500;

  /** A key of the `fill:` words, named here and said by the form (the build checks it). */
  function wordKey(key) { return key; }

  Kennisbank.suggestions = function (data, version) {
    var FORMAT = data.format;
    var prefix = 'kennisbank:bundle:' + version + ':';
    var statusKeys = FORMAT.statuses.map(function (status) { return status.key; });
    var ids = Object.create(null);
    data.kader.parts.forEach(function (part) { part.indicators.forEach(function (indicator) { ids[indicator.id] = true; }); });

    function text(value) {
      return typeof value === 'string' && value.length <= LONGEST ? value : '';
    }

    /** The session's code in a `#bundel=<code>` fragment; null for any other fragment. */
    function codeIn(hash) {
      var match = /^#bundel=([^&]*)$/.exec(hash || '');
      if (!match) { return null; }
      try {
        return decodeURIComponent(match[1]);
      } catch (error) {
        return '';
      }
    }

    /**
     * The handoff the fragment `hash` names: `{handoff: {details, organisations, suggestions,
     * participants}}`, `{problem: KEY}` when it names one this browser does not hold (or one that
     * is broken), or null when the fragment names none.
     */
    function take(hash) {
      var code = codeIn(hash);
      if (code === null) { return null; }
      if (!Kennisbank.isSessionCode(FORMAT, code)) { return { problem: wordKey('handoffMissing') }; }
      var stored;
      try {
        stored = JSON.parse(window.localStorage.getItem(prefix + code) || 'null');
        window.localStorage.removeItem(prefix + code);
      } catch (error) {
        stored = null;
      }
      if (!stored || typeof stored !== 'object' || !stored.state || typeof stored.state !== 'object') {
        return { problem: wordKey('handoffMissing') };
      }
      var details = { code: code };
      ['practice', 'region', 'date', 'session'].forEach(function (name) { details[name] = text(stored.state[name]); });
      if (details.date && !Kennisbank.isValidDate(details.date)) { details.date = ''; }
      var organisations = (Array.isArray(stored.state.organisations) ? stored.state.organisations : []).filter(function (organisation) {
        return organisation && text(organisation.name).trim() && FORMAT.roles.indexOf(organisation.role) >= 0;
      }).map(function (organisation) { return { name: text(organisation.name).trim(), role: organisation.role }; });
      var suggestions = {};
      var given = stored.suggestions && typeof stored.suggestions === 'object' ? stored.suggestions : {};
      Object.keys(given).forEach(function (id) {
        if (ids[id] && statusKeys.indexOf(given[id]) >= 0) { suggestions[id] = given[id]; }
      });
      var participants = typeof stored.participants === 'number' && stored.participants > 0 ? Math.floor(stored.participants) : 0;
      return { handoff: { details: details, organisations: organisations, suggestions: suggestions, participants: participants } };
    }

    /**
     * The form's work for `handoff`: `current` when it is the same session's (its details kept,
     * suggestions added where it has no score yet), else `fresh` with the session's details.
     */
    function apply(handoff, current, fresh) {
      var work = current.code === handoff.details.code ? current : fresh;
      if (work === fresh) {
        Object.keys(handoff.details).forEach(function (name) { work[name] = handoff.details[name]; });
        work.organisations = handoff.organisations.slice();
      }
      work.suggestions = work.suggestions && typeof work.suggestions === 'object' ? work.suggestions : {};
      Object.keys(handoff.suggestions).forEach(function (id) {
        var scored = work.indicators[id] && work.indicators[id].status;
        if (!scored) { work.suggestions[id] = handoff.suggestions[id]; }
      });
      return work;
    }

    /** The suggestions of `work` still to confirm, by indicator (a score chosen ends one). */
    function open(work) {
      var result = {};
      var given = work.suggestions && typeof work.suggestions === 'object' ? work.suggestions : {};
      Object.keys(given).forEach(function (id) {
        var scored = work.indicators[id] && work.indicators[id].status;
        if (ids[id] && statusKeys.indexOf(given[id]) >= 0 && !scored) { result[id] = given[id]; }
      });
      return result;
    }

    return { take: take, apply: apply, open: open, codeIn: codeIn };
  };
}());
