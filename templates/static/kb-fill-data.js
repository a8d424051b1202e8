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
    data.say = function (key, values) {
      var text = data.labels[key];
      if (text === undefined) { return key; }
      if (typeof text === 'object' && values && 'count' in values) { text = values.count === 1 ? text.one : text.other; }
      return String(text).replace(/\{(\w+)\}/g, function (match, name) {
        return values && name in values ? String(values[name]) : match;
      });
    };
    return data;
  };
}());
