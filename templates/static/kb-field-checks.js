/*
 * Kennisbank: the fields of a browser page that must be right before it makes anything (the
 * forms' practice and date, the start page's details): each with a message tied to it
 * (aria-invalid, aria-describedby) while it is wrong, checked as the user types; and a refusal
 * that checks them all, after which the status line is cleared once every field is right.
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank = window.Kennisbank || {};

  /**
   * The checked fields of one page: their messages get the class `messageClass`, and
   * `announce('')` clears the status line once the fields of a refusal are all right.
   */
  Kennisbank.fieldChecks = function (messageClass, announce) {
    var el = Kennisbank.dom.el;
    var checks = [];
    /** Whether the status line says that something was refused. */
    var refused = false;

    /** Shows or clears the message of `check`; gives it ('' when the field is right). `final`: the user asked to make it. */
    function run(check, final) {
      var problem = check.problemOf(check.input, final);
      if (!problem && refused && checks.every(function (other) { return other === check || other.message.hidden; })) {
        refused = false;
        announce('');
      }
      check.message.textContent = problem;
      check.message.hidden = !problem;
      if (problem) {
        check.input.setAttribute('aria-invalid', 'true');
        check.input.setAttribute('aria-describedby', check.message.id);
      } else {
        check.input.removeAttribute('aria-invalid');
        check.input.removeAttribute('aria-describedby');
      }
      return problem;
    }

    /** Checks the input in `wrapper` with `problemOf(input, final)`, its message below it. */
    function add(wrapper, problemOf) {
      var input = wrapper.querySelector('input');
      var message = el('p', { 'class': messageClass, id: input.id + '-melding' });
      message.hidden = true;
      wrapper.appendChild(message);
      var check = { input: input, message: message, problemOf: problemOf };
      checks.push(check);
      ['input', 'change', 'blur'].forEach(function (type) { input.addEventListener(type, function () { run(check, false); }); });
      return check;
    }

    /** Every field's problem as the user asks to make it ({check, text}); any one makes it a refusal. */
    function refusal() {
      var problems = checks.map(function (check) { return { check: check, text: run(check, true) }; })
        .filter(function (problem) { return problem.text; });
      if (problems.length) { refused = true; }
      return problems;
    }

    return {
      add: add, run: run, refusal: refusal,
      runAll: function () { checks.forEach(function (check) { run(check, false); }); },
      clear: function () { checks = []; }
    };
  };
}());
