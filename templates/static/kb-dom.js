/*
 * Kennisbank: small helpers that make the elements of the browser pages (no HTML is ever
 * parsed: every text is set as text).
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank = window.Kennisbank || {};

  var counter = 0;
  function uid(prefix) { counter += 1; return 'kb-' + prefix + '-' + counter; }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attributes[name]; } else { node.setAttribute(name, attributes[name]); }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function labelled(labelText, control) {
    var id = uid('veld');
    control.id = id;
    return el('div', { 'class': 'fill-field' }, [el('label', { 'for': id, text: labelText }), control]);
  }

  function button(text, action) {
    var node = el('button', { type: 'button', text: text });
    node.addEventListener('click', action);
    return node;
  }

  Kennisbank.dom = { uid: uid, el: el, labelled: labelled, button: button };
}());
