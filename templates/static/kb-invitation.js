/*
 * Kennisbank: the invitation link of a session, read and made. The link is the preparation
 * form's address with the session's details in its fragment (never in its query string, which
 * reaches server logs and Referer headers): the format's own front-matter words as keys, from
 * the page's data (kb-fill-data.js), e.g. `voorbereiding.html#sessie=duinmeer-2026&code=…&praktijk=…`.
 *
 * Kennisbank.invitation(data):
 *   fields         the details a link carries, by their names in the format's keys;
 *   fragment(v)    the fragment (without `#`) for the details `v`;
 *   read(hash)     the details of `location.hash`: {values} when it holds a session and a
 *                  code the site accepts, {problem} (an interface word) when it is an
 *                  invitation that cannot be used, null when it is no invitation at all;
 *   longest        the most characters a detail may have (a longer one makes the link unusable).
 * The code and the date are judged by the format's rules in kb-assessment-file.js (loaded first).
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank = window.Kennisbank || {};

  /** The name `key` of an interface text that the caller looks up with `say` (see kb-fill-data.js). */
  function wordKey(key) { return key; }

  /** The longest detail a link may carry, in characters; a longer one makes the link unusable. */
  var LONGEST = 500;

  Kennisbank.invitation = function (data) {
    var FORMAT = data.format;
    var KEYS = FORMAT.keys;
    var fields = ['session', 'code', 'practice', 'region', 'date'];

    function fragment(values) {
      var params = new URLSearchParams();
      fields.forEach(function (name) {
        var value = String(values[name] || '').replace(/\s+/g, ' ').trim();
        if (value) { params.append(KEYS[name], value); }
      });
      return params.toString();
    }

    function read(hash) {
      var text = String(hash || '').replace(/^#/, '');
      if (!text) { return null; }
      var params;
      try { params = new URLSearchParams(text); } catch (error) { return null; }
      if (!params.has(KEYS.session) && !params.has(KEYS.code)) { return null; }
      var values = {};
      var tooLong = false;
      fields.forEach(function (name) {
        var value = (params.get(KEYS[name]) || '').replace(/\s+/g, ' ').trim();
        if (Array.from(value).length > LONGEST) { tooLong = true; }
        if (value) { values[name] = value; }
      });
      var code = values.code || '';
      if (tooLong || !values.session || !Kennisbank.isSessionCode(FORMAT, code)) { return { problem: wordKey('invitationBroken') }; }
      if (values.date && !Kennisbank.isValidDate(values.date)) { delete values.date; }
      return { values: values };
    }

    return { fields: fields, fragment: fragment, read: read, longest: LONGEST };
  };
}());
