/*
 * Kennisbank: the joint form's suggestions on the page (what kb-suggestions.js took from the
 * bundle page): on an indicator, its suggested tile marked and a line under the tiles with a
 * button that confirms it; in the toolbar, how many are still to confirm, with a button that
 * confirms them all after a question. A confirmed suggestion becomes the indicator's score.
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank = window.Kennisbank || {};

  /**
   * The controls of `options.suggestions` (Kennisbank.suggestions) for the work `options.state()`:
   * `score(id, key)` sets a score, `changed()` saves and shows the work again, `announce(text)`
   * says what happened.
   */
  Kennisbank.suggestionControls = function (data, options) {
    var say = data.say;
    var dom = Kennisbank.dom, el = dom.el, button = dom.button;
    var suggestions = options.suggestions;
    var note = el('div', { 'class': 'fill-suggestions-note', hidden: '' });

    function take(id) {
      var work = options.state();
      var key = suggestions.open(work)[id];
      if (!key) { return; }
      options.score(id, key);
      delete work.suggestions[id];
    }

    /** The line under an indicator's tiles (made here, placed by the form), for `mark`. */
    function line() {
      return el('p', { 'class': 'fill-suggestion fill-control', id: dom.uid('suggestion'), hidden: '' });
    }

    /** Shows `indicator`'s suggestion, if it has one still to confirm, on its tile and its line. */
    function mark(indicator) {
      if (!indicator.suggestion) { return; }
      var key = suggestions.open(options.state())[indicator.id];
      Array.prototype.forEach.call(indicator.element.querySelectorAll('.fill-score'), function (tile) {
        var radio = tile.querySelector('input');
        tile.classList.toggle('fill-suggested', Boolean(key) && radio.value === key);
        if (key && radio.value === key) { radio.setAttribute('aria-describedby', indicator.suggestion.id); } else { radio.removeAttribute('aria-describedby'); }
      });
      indicator.suggestion.textContent = '';
      indicator.suggestion.hidden = !key;
      if (!key) { return; }
      indicator.suggestion.appendChild(el('span', { 'class': 'fill-suggestion-text' }, [
        el('strong', { text: say('suggestionLabel') }), document.createTextNode(' '),
        el('span', { 'class': 'symbol symbol-' + key, 'aria-hidden': 'true', text: data.symbols[key] }),
        document.createTextNode(' ' + data.names.statuses[key] + '. ' + say('suggestionWhy'))
      ]));
      indicator.suggestion.appendChild(document.createTextNode(' '));
      indicator.suggestion.appendChild(button(say('suggestionTake', { id: indicator.id }), function () {
        take(indicator.id);
        options.changed();
        showNote();
        var chosen = indicator.element.querySelector('.fill-scores input:checked');
        if (chosen) { chosen.focus(); }
        options.announce(say('suggestionTaken', { id: indicator.id, status: data.names.statuses[key] }));
      }));
    }

    /** How many suggestions are still to confirm, with a button that takes them all over. */
    function showNote() {
      var open = Object.keys(suggestions.open(options.state()));
      note.textContent = '';
      note.hidden = open.length === 0;
      if (!open.length) { return; }
      note.appendChild(el('p', { text: say('suggestionsOpen', { count: open.length }) }));
      note.appendChild(el('p', { text: say('suggestionsHow') }));
      note.appendChild(button(say('suggestionsTakeAll', { count: open.length }), function () {
        if (!window.confirm(say('suggestionsTakeAllConfirm', { count: open.length }))) { return; }
        open.forEach(take);
        options.changed();
        showNote();
        options.announce(say('suggestionsTaken', { count: open.length }));
      }));
    }

    /** Ends `id`'s suggestion: a score was chosen on its tiles. */
    function chosen(id) {
      var work = options.state();
      if (work.suggestions) { delete work.suggestions[id]; }
    }

    return { note: note, line: line, mark: mark, showNote: showNote, chosen: chosen,
      unconfirmed: function () { return Object.keys(suggestions.open(options.state())).length; } };
  };
}());
