/*
 * Kennisbank: fill in the Kwaliteitskader in the browser.
 *
 * Progressive enhancement of the printable whole-kader form (and the preparation form):
 * without JavaScript the page stays a blank form to print. With it, every indicator gets a
 * status choice and text fields, the header and the Plan van aanpak become editable, work is
 * kept in this browser (localStorage) while typing, and "save" writes an assessment file in
 * the format that `kennisbank check` reads. Nothing is ever sent anywhere: this script makes
 * no network request.
 *
 * Made for a live meeting (issue 18; the look is templates/static/invullen.css): a bar that
 * stays in view with save, open, the progress and a menu of the parts (the part in view marked
 * aria-current), status tiles, text fields that grow, a question before a file replaces work,
 * rows that keep the focus when added or removed, the date and practice checked before saving;
 * and printing: the paper form while nothing is filled in, otherwise what was entered as text.
 *
 * The pieces it is made of, each in a file of its own and loaded before it: the page's data
 * and its interface words (kb-fill-data.js, which says where they come from), the elements
 * (kb-dom.js), the assessment file as data, written and read (kb-assessment-file.js) by the
 * format's line rules (kb-format-lines.js); on the joint form, the scores the participants
 * agreed on as suggestions (kb-suggestions.js) and the result (kb-result-summary.js,
 * kb-result-page.js, kb-result-view.js). This script holds no word of the file format and no
 * interface text.
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank || {};
  var main = document.querySelector('main[data-fillable]');
  var data = Kennisbank.fillData && Kennisbank.fillData();
  if (!main || !data || !window.localStorage) { return; }
  var say = data.say;

  var FORMAT = data.format;
  var STATUSES = FORMAT.statuses;
  var NAMES = data.names;
  var ROLES = FORMAT.roles;
  var PARTIES = FORMAT.parties;
  var VISIBILITIES = FORMAT.visibilities;

  var kind = main.getAttribute('data-fillable'); // "whole" or "preparation"
  var version = main.getAttribute('data-kader-version') || '';

  var indicators = Array.prototype.map.call(main.querySelectorAll('.form-indicator[data-indicator]'), function (element) {
    return { id: element.getAttribute('data-indicator'), title: element.getAttribute('data-title') || '', element: element };
  });

  var file = Kennisbank.assessmentFile(data, { kind: kind, version: version, indicators: indicators });
  var HEADER_FIELDS = file.HEADER_FIELDS, PLAN_FIELDS = file.PLAN_FIELDS;
  var newCode = file.newCode, emptyState = file.emptyState, emptyIndicator = file.emptyIndicator, emptyPlanEntry = file.emptyPlanEntry;
  var hasContent = file.hasContent, fromStorage = file.fromStorage, fileName = file.fileName, toMarkdown = file.toMarkdown;
  var parseAssessment = file.parse, oneLine = file.oneLine;
  var dom = Kennisbank.dom, uid = dom.uid, el = dom.el, labelled = dom.labelled, button = dom.button;

  // A preparation opened from a session's invitation link (kb-invitation.js): the details it
  // carries are fixed, and the work is kept under the session's code, apart from other sessions'.
  var invitation = kind === 'preparation' ? Kennisbank.invitation(data).read(window.location.hash) : null;
  var fixed = invitation && invitation.values ? invitation.values : {};
  var storageKey = 'kennisbank:' + kind + ':' + version + (fixed.code ? ':' + fixed.code : '');

  /** `current` with the invitation's details written over it. */
  function invited(current) {
    Object.keys(fixed).forEach(function (name) { current[name] = fixed[name]; });
    return current;
  }

  // ---------------------------------------------------------------- state

  var state = invited(load() || emptyState());

  // The joint form opened from the bundle page (`#bundel=<code>`): the session's details and the
  // agreed scores as suggestions (kb-suggestions.js). What to say about it waits for the page.
  var suggestions = kind === 'whole' ? Kennisbank.suggestions(data, version) : null;
  var bundled = suggestions ? suggestions.take(window.location.hash) : null;
  var startMessage = '';
  if (bundled && bundled.handoff) {
    var replaces = hasContent(state) && state.code !== bundled.handoff.details.code;
    if (!replaces || window.confirm(say('handoffConfirm'))) {
      state = suggestions.apply(bundled.handoff, state, emptyState());
      startMessage = say('handoffOpened', { count: Object.keys(suggestions.open(state)).length, participants: bundled.handoff.participants });
    } else {
      startMessage = say('handoffKept');
    }
  } else if (bundled) {
    startMessage = say(bundled.problem);
  }
  var controls = suggestions ? Kennisbank.suggestionControls(data, {
    suggestions: suggestions,
    state: function () { return state; },
    score: function (id, key) { indicatorState(id).status = key; },
    changed: function () { save(); renderIndicators(); },
    announce: announce
  }) : null;
  if (bundled) {
    // A reload must not take the handoff again (it is gone): the address loses its fragment.
    try { window.history.replaceState(null, '', window.location.href.split('#')[0]); } catch (error) { /* the address stays */ }
  }

  function load() {
    try {
      var text = window.localStorage.getItem(storageKey);
      return text ? fromStorage(JSON.parse(text)) : null;
    } catch (error) {
      return null;
    }
  }

  function save() {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(state));
    } catch (error) {
      announce(say('storageFailed'));
    }
    showProgress();
    schedulePrinted();
  }

  // ---------------------------------------------------------------- form controls

  function textInput(value, onChange, type) {
    var input = el('input', { type: type || 'text' });
    input.value = value || '';
    input.addEventListener('input', function () { onChange(input.value); save(); });
    return input;
  }

  /** A choice of `options` (the file's words), each shown by its name in `names`. */
  function select(options, names, value, onChange) {
    var control = el('select');
    options.forEach(function (option) {
      var item = el('option', { value: option, text: option ? names[option] || option : '' });
      if (option === value) { item.selected = true; }
      control.appendChild(item);
    });
    control.addEventListener('change', function () { onChange(control.value); save(); });
    return control;
  }

  var live = el('p', { 'class': 'fill-status', 'role': 'status', 'aria-live': 'polite' });
  /** Says `message` in the live region of what is shown: the form's bar, or the result's view. */
  function announce(message) {
    if (resultView && !resultView.element.hidden) { resultView.status(message); } else { live.textContent = message; }
  }

  // ---------------------------------------------------------------- the bar and the toolbar

  var fileInput = el('input', { type: 'file', accept: '.md,.markdown,.txt,text/markdown,text/plain', 'class': 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
  var nextStep = el('div', { 'class': 'fill-next-step', hidden: '' });
  var toolbar = el('section', { 'class': 'fill-toolbar fill-control', 'aria-labelledby': 'kb-invullen' }, [
    el('h2', { id: 'kb-invullen', text: say('toolbarTitle') }),
    el('p', { text: say('toolbarIntro') }),
    el('div', { 'class': 'fill-buttons' }, [button(say('clearAll'), clearAll)]),
    controls ? controls.note : document.createTextNode(''),
    nextStep,
    fileInput
  ]);

  /**
   * The bar that stays in view at the top while scrolling (position: sticky): save and open,
   * how many indicators have a status, the menu of the parts (the one in view marked with
   * aria-current) and the live region that reports what happened.
   */
  var progress = el('p', { 'class': 'fill-progress', id: 'kb-voortgang' });
  var resultButton = button(say('resultShow'), showResult);
  var menuList = el('ul', { id: 'kb-onderdelen-lijst' });
  var menuToggle = el('button', { type: 'button', 'class': 'fill-menu-toggle', 'aria-expanded': 'false', 'aria-controls': 'kb-onderdelen-lijst' });
  var menu = el('nav', { 'class': 'fill-menu', 'aria-label': say('menuLabel') }, [menuToggle, menuList]);
  var bar = el('div', { 'class': 'fill-bar fill-control' }, [
    el('div', { 'class': 'fill-bar-row' }, [
      el('div', { 'class': 'fill-buttons' }, [
        button(say('saveFile'), download),
        button(say('openFile'), function () { fileInput.click(); })
      ].concat(kind === 'whole' ? [resultButton] : [])),
      progress
    ]),
    menu,
    live
  ]);

  /** The parts of the form (and the plan on the whole-kader form), for the menu. */
  var parts = Array.prototype.map.call(main.querySelectorAll('.form-part'), function (section) {
    var heading = section.querySelector('h2');
    var ids = Array.prototype.map.call(section.querySelectorAll('.form-indicator[data-indicator]'), function (element) {
      return element.getAttribute('data-indicator');
    });
    return { element: section, target: heading.id, title: heading.textContent,
             short: ids.length ? ids[0].split('.')[0] : heading.textContent, ids: ids };
  });

  function menuItem(part) {
    part.count = el('span', { 'class': 'fill-menu-count' });
    part.link = el('a', { href: '#' + part.target }, [
      el('span', { 'class': 'fill-menu-id', text: part.short }), document.createTextNode(' '), part.count,
      el('span', { 'class': 'visually-hidden', text: ': ' + part.title })
    ]);
    part.link.addEventListener('click', function () { openMenu(false); });
    return el('li', {}, [part.link]);
  }

  function openMenu(open) {
    menu.classList.toggle('fill-menu-open', open);
    menuToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  menuToggle.addEventListener('click', function () { openMenu(!menu.classList.contains('fill-menu-open')); });

  /** "37 van 83 ingevuld": the indicators with a chosen status, in all and per part. */
  function showProgress() {
    var scored = function (id) { return Boolean(state.indicators[id] && state.indicators[id].status); };
    progress.textContent = say('progress', { done: indicators.filter(function (indicator) { return scored(indicator.id); }).length,
                                             total: indicators.length });
    parts.forEach(function (part) {
      if (part.ids.length) { part.count.textContent = say('partProgress', { done: part.ids.filter(scored).length, total: part.ids.length }); }
    });
  }

  /**
   * Marks the part in view as the current one: the last part that starts above a line a
   * quarter down the window below the bar (where a link of the menu brings its heading).
   */
  function showCurrentPart() {
    var below = bar.getBoundingClientRect().bottom;
    var edge = below + Math.max(48, (window.innerHeight - below) / 4);
    var current = null;
    parts.forEach(function (part) {
      if (part.element.getBoundingClientRect().top <= edge) { current = part; }
    });
    parts.forEach(function (part) {
      if (part === current) { part.link.setAttribute('aria-current', 'location'); } else { part.link.removeAttribute('aria-current'); }
    });
    menuToggle.textContent = current ? say('menuCurrent', { part: current.short }) : say('menuLabel');
    menuToggle.appendChild(el('span', { 'class': 'fill-menu-arrow', 'aria-hidden': 'true' }));
  }

  var scrollPending = false;
  function onScroll() {
    if (scrollPending) { return; }
    scrollPending = true;
    window.requestAnimationFrame(function () { scrollPending = false; showCurrentPart(); });
  }

  /** Room for the bar at the top, so that focused fields and headings scroll into view below it. */
  function measureBar() {
    document.documentElement.style.scrollPaddingTop = bar.offsetHeight + 18 + 'px';
  }

  fileInput.addEventListener('change', function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      var parsed = parseAssessment(String(reader.result));
      fileInput.value = '';
      if (parsed.errors.length) {
        // The site would refuse this file: say why, and keep what the form holds.
        announce(say('notOpened', { name: file.name, problems: parsed.errors.join(' ') }));
        return;
      }
      if (hasContent(state) && !window.confirm(say('openConfirm', { name: file.name }))) {
        announce(say('openCancelled', { name: file.name }));
        return;
      }
      state = invited(parsed.state);
      save();
      render();
      announce(say('opened', { name: file.name, count: parsed.count }) +
        (parsed.problems.length ? ' ' + say('problems', { problems: parsed.problems.join(' ') }) : ''));
    };
    reader.readAsText(file, 'utf-8');
  });

  function clearAll() {
    if (!window.confirm(say('clearConfirm'))) { return; }
    state = invited(emptyState());
    save();
    render();
    announce(say('cleared'));
  }

  function download() {
    var problems = checks.refusal();
    if (problems.length) {
      // The site would refuse the file: say why at the fields (shown again if the result was), and write nothing.
      if (main.hidden) { hideResult(); }
      announce(say('notSaved', { problems: problems.map(function (problem) { return problem.text; }).join(' ') }));
      problems[0].check.input.focus();
      return;
    }
    if (!state.code) {
      // No code of the session given: this file starts a new one (shown in its field).
      state.code = newCode();
      save();
      renderHeader();
    }
    var text = toMarkdown(state);
    var blob = new Blob([text], { type: 'text/markdown;charset=utf-8' });
    var link = el('a', { href: URL.createObjectURL(blob), download: fileName(state) });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    if (kind === 'preparation') {
      announce(say('savedPreparation', { name: fileName(state) }));
    } else {
      announce(say('saved', { name: fileName(state) }) + ' ' + say('nextStepSend', { name: fileName(state) }));
      resultView.nextStep(nextStep, state, 3);
      nextStep.hidden = false;
    }
  }

  // ---------------------------------------------------------------- header fields

  var headerSection = main.querySelector('.fill-in');
  var headerArea = el('div', { 'class': 'fill-header fill-control' });
  var headerPaper = headerSection.querySelector('table');
  headerPaper.classList.add('kb-paper');
  headerPaper.after(headerArea);

  /** A text field labelled `labelText` for the header value `name`. */
  function headerInput(labelText, name, type) {
    var input = textInput(state[name], function (value) { state[name] = value; }, type);
    if (fixed[name]) { input.readOnly = true; }
    return labelled(labelText, input);
  }

  /** A choice labelled `labelText` for the header value `name`. */
  function headerSelect(labelText, name, options, names) {
    return labelled(labelText, select(options, names, state[name], function (value) { state[name] = value; }));
  }

  /**
   * The header fields that a file the site accepts must have right (the practice, the date),
   * each with the message tied to it (aria-invalid, aria-describedby) while it is wrong.
   */
  var checks = Kennisbank.fieldChecks('fill-error', announce);

  function checked(wrapper, problemOf) {
    checks.run(checks.add(wrapper, problemOf), false);
    return wrapper;
  }

  var validDate = Kennisbank.isValidDate;

  function dateProblem(input, saving) {
    // A date field the browser cannot read (a day that does not exist, a part left out) is empty with `badInput`.
    if (input.validity && input.validity.badInput) { return say('dateInvalid'); }
    if (state.date && !validDate(state.date)) { return say('dateFromFile', { date: state.date }); }
    return !state.date && saving ? say('dateMissing') : '';
  }

  function practiceProblem(input, saving) {
    return !String(state.practice || '').trim() && saving ? say('practiceMissing') : '';
  }

  /** `deelnemer:` is one line of at most `FORMAT.participantMaximumLength` characters. */
  function participantProblem() {
    var length = Array.from(String(state.participant || '').trim()).length;
    return length > FORMAT.participantMaximumLength ? say('participantTooLong', { maximum: FORMAT.participantMaximumLength }) : '';
  }

  /**
   * A public self-evaluation needs someone to have read it for personal data (names above all,
   * which no program finds): the box, shown while the visibility is public, writes
   * `persoonsgegevens_gecontroleerd: true` (kb-assessment-file.js); saving public without it is refused.
   */
  function personalDataCheck(visibility) {
    var box = el('input', { type: 'checkbox', id: uid('personal-data') });
    box.checked = state.personalDataChecked === true;
    box.addEventListener('change', function () { state.personalDataChecked = box.checked; save(); });
    var field = checked(el('div', { 'class': 'fill-field fill-check' }, [
      el('label', {}, [box, document.createTextNode(' ' + say('personalDataChecked'))])
    ]), personalDataProblem);
    function show() { field.hidden = state.visibility !== FORMAT.publicVisibility; }
    visibility.addEventListener('change', show);
    show();
    return field;
  }

  function personalDataProblem(input, saving) {
    return saving && state.visibility === FORMAT.publicVisibility && state.personalDataChecked !== true ? say('personalDataNeeded') : '';
  }

  /** A code the site accepts: lower-case letters and digits, at least `FORMAT.codeMinimumLength`. */
  function codeProblem() {
    var code = String(state.code || '');
    if (!code) { return ''; }
    return Kennisbank.isSessionCode(FORMAT, code) ? '' : say('codeInvalid', { minimum: FORMAT.codeMinimumLength });
  }

  function renderHeader() {
    headerArea.textContent = '';
    checks.clear();
    if (fixed.code) {
      headerArea.appendChild(el('p', { 'class': 'fill-invited', text: say('invited', { session: fixed.session, practice: fixed.practice || '' }) }));
    } else if (invitation && invitation.problem) {
      headerArea.appendChild(el('p', { 'class': 'fill-invited', role: 'alert', text: say(invitation.problem) }));
    }
    if (kind === 'preparation') {
      headerArea.appendChild(headerSelect(say('party'), 'party', [''].concat(PARTIES), NAMES.roles));
      headerArea.appendChild(headerInput(say('session'), 'session'));
      headerArea.appendChild(checked(headerInput(say('participant'), 'participant'), participantProblem));
      headerArea.appendChild(checked(headerInput(say('sessionCode'), 'code'), codeProblem));
    }
    headerArea.appendChild(checked(headerInput(say('practice'), 'practice'), practiceProblem));
    headerArea.appendChild(headerInput(say('region'), 'region'));
    headerArea.appendChild(checked(headerInput(say('date'), 'date', 'date'), dateProblem));
    if (kind === 'whole') {
      headerArea.appendChild(headerInput(say('facilitator'), 'facilitator'));
      var visibility = headerSelect(say('visibility'), 'visibility', VISIBILITIES, NAMES.visibilities);
      headerArea.appendChild(visibility);
      headerArea.appendChild(personalDataCheck(visibility.querySelector('select')));
    }
    headerArea.appendChild(organisationList());
  }

  /**
   * After a row of a list was added or removed and the list drawn again: the focus goes to the
   * first field of row `index` (the new row, or the one that took the removed row's place; the
   * one before it when the last was removed), or to the add button when no row is left, and
   * the live region says `message`.
   */
  function focusRow(rows, index, addButton, message) {
    var row = rows[Math.min(index, rows.length - 1)];
    var target = row ? row.querySelector('input, select') : addButton;
    if (target) { target.focus(); }
    announce(message);
  }

  function organisationList() {
    var list = el('fieldset', { 'class': 'fill-organisations' }, [el('legend', { text: say('organisations') })]);
    function drawn(index, message) {
      renderHeader();
      focusRow(headerArea.querySelectorAll('.fill-organisations .fill-row'), index,
               headerArea.querySelector('.fill-organisations .fill-add'), message);
    }
    state.organisations.forEach(function (organisation, index) {
      list.appendChild(el('div', { 'class': 'fill-row' }, [
        labelled(say('organisationName'), textInput(organisation.name, function (value) { organisation.name = value; })),
        labelled(say('organisationRole'), select(ROLES, NAMES.roles, organisation.role, function (value) { organisation.role = value; })),
        button(say('removeOrganisation', { number: index + 1 }), function () {
          state.organisations.splice(index, 1);
          save();
          drawn(index, say('organisationRemoved', { number: index + 1 }));
        })
      ]));
    });
    var add = button(say('addOrganisation'), function () {
      state.organisations.push({ name: '', role: ROLES[0] });
      save();
      drawn(state.organisations.length - 1, say('organisationAdded', { number: state.organisations.length }));
    });
    add.classList.add('fill-add');
    list.appendChild(add);
    return list;
  }

  // ---------------------------------------------------------------- indicators

  function indicatorState(id) {
    if (!state.indicators[id]) { state.indicators[id] = emptyIndicator(); }
    return state.indicators[id];
  }

  /** The status choices of an indicator: each status with its shape, and "not scored yet". */
  function statusChoices() {
    return STATUSES.map(function (status) {
      return { key: status.key, label: NAMES.statuses[status.key], symbol: data.symbols[status.key] };
    }).concat([{ key: '', label: say('notScored'), symbol: say('openSymbol') }]);
  }

  function scoreFieldset(indicator) {
    var fieldset = el('fieldset', { 'class': 'fill-scores fill-control' }, [el('legend', { text: say('scoreFor', { id: indicator.id }) })]);
    var name = 'score-' + indicator.id;
    statusChoices().forEach(function (status) {
      var id = uid('score');
      var radio = el('input', { type: 'radio', name: name, id: id, value: status.key });
      radio.addEventListener('change', function () {
        indicatorState(indicator.id).status = status.key;
        if (controls) { controls.chosen(indicator.id); }
        save();
        showSuggestion(indicator);
        if (controls) { controls.showNote(); }
      });
      fieldset.appendChild(el('span', { 'class': 'fill-score' }, [
        radio,
        el('label', { 'for': id }, [
          el('span', { 'class': 'symbol symbol-' + (status.key || 'open'), 'aria-hidden': 'true', text: status.symbol }),
          document.createTextNode(' ' + status.label)
        ])
      ]));
    });
    return fieldset;
  }

  /**
   * A text field that grows with its text (CSS `field-sizing: content` where the browser has
   * it; its height set from the text otherwise), so nothing typed is hidden or cut off.
   */
  var sizesItself = window.CSS && CSS.supports && CSS.supports('field-sizing', 'content');
  function grow(area) {
    if (sizesItself) { area.style.setProperty('field-sizing', 'content'); return; }
    area.style.height = 'auto';
    area.style.height = area.scrollHeight + 2 + 'px';
  }

  /**
   * Adds the controls to an indicator of the paper form. The paper's score boxes and writing
   * lines stay in the page (class kb-paper): printed when nothing has been filled in, so that
   * Ctrl+P on an empty form prints the paper form.
   */
  function enhanceIndicator(indicator) {
    var element = indicator.element;
    var scores = element.querySelector('.scores');
    scores.classList.add('kb-paper');
    var fieldset = scoreFieldset(indicator);
    scores.after(fieldset);
    if (controls) {
      // Below the tiles, not among them: a row of its own in their grid would keep an empty column.
      indicator.suggestion = controls.line();
      fieldset.after(indicator.suggestion);
    }
    var writes = element.querySelectorAll('.write');
    indicator.labels = {};
    [['reflection', say('reflection')], ['actions', say('actions')]].forEach(function (field, index) {
      var area = el('textarea', { rows: index === 0 ? '3' : '2' });
      area.addEventListener('input', function () { indicatorState(indicator.id)[field[0]] = area.value; grow(area); save(); });
      var printed = writes[index] && writes[index].querySelector('.write-label');
      indicator.labels[field[0]] = printed ? printed.textContent : field[1];
      var wrapper = labelled(say('fieldFor', { label: indicator.labels[field[0]], id: indicator.id }), area);
      wrapper.setAttribute('data-field', field[0]);
      wrapper.classList.add('fill-control');
      if (writes[index]) {
        writes[index].classList.add('kb-paper');
        writes[index].after(wrapper);
      } else {
        element.appendChild(wrapper);
      }
    });
    indicator.printed = el('div', { 'class': 'fill-print' });
    element.appendChild(indicator.printed);
  }

  function renderIndicators() {
    indicators.forEach(function (indicator) {
      var value = state.indicators[indicator.id] || emptyIndicator();
      var radios = indicator.element.querySelectorAll('.fill-scores input');
      Array.prototype.forEach.call(radios, function (radio) { radio.checked = radio.value === (value.status || ''); });
      showSuggestion(indicator);
      ['reflection', 'actions'].forEach(function (field) {
        var area = indicator.element.querySelector('[data-field="' + field + '"] textarea');
        area.value = value[field] || '';
        grow(area);
      });
    });
  }

  // ---------------------------------------------------------------- plan van aanpak

  var planSection = el('section', { 'class': 'fill-plan', 'aria-labelledby': 'kb-plan-invullen' });
  var planPrinted = el('div', { 'class': 'fill-print' });

  /** The fields of a plan row with their labels: the action, then the file's own labels. */
  function planRowFields() {
    return [['what', say('planWhat')]].concat(PLAN_FIELDS.map(function (name) { return [name, NAMES.planFields[name]]; }));
  }

  function planRow(entry, index) {
    var row = el('fieldset', { 'class': 'fill-plan-row fill-control' }, [el('legend', { text: say('action', { number: index + 1 }) })]);
    planRowFields().forEach(function (field) {
      row.appendChild(labelled(field[1], textInput(entry[field[0]], function (value) { entry[field[0]] = value; })));
    });
    row.appendChild(button(say('removeAction', { number: index + 1 }), function () {
      state.plan.splice(index, 1);
      save();
      drawnPlan(index, say('actionRemoved', { number: index + 1 }));
    }));
    return row;
  }

  function drawnPlan(index, message) {
    renderPlan();
    focusRow(planSection.querySelectorAll('.fill-plan-row'), index, planSection.querySelector('.fill-add'), message);
  }

  function renderPlan() {
    planSection.textContent = '';
    planSection.appendChild(el('h2', { id: 'kb-plan-invullen', text: say('planTitle') }));
    planSection.appendChild(el('p', { 'class': 'fill-control', text: say('planIntro') }));
    state.plan.forEach(function (entry, index) { planSection.appendChild(planRow(entry, index)); });
    var add = button(say('addAction'), function () {
      state.plan.push(emptyPlanEntry());
      save();
      drawnPlan(state.plan.length - 1, say('actionAdded', { number: state.plan.length }));
    });
    add.classList.add('fill-add');
    planSection.appendChild(add);
    planSection.appendChild(planPrinted);
  }

  // ---------------------------------------------------------------- printing

  /*
   * What Ctrl+P prints (invullen.css, @media print): the paper form while nothing is filled in
   * (html.kb-blank); otherwise, instead of the controls, what was entered as text (the
   * .fill-print blocks made here): every header value, each indicator's status as its shape
   * and words ("Nog open" where none was chosen), the full text of each field with its line
   * breaks, and the plan as a table; the practice and the date head every printed page.
   */
  var pageHeader = el('style', { id: 'kb-print-page' });
  document.head.appendChild(pageHeader);

  /** A CSS string of `text`. */
  function cssString(text) {
    return '"' + String(text).replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]+/g, ' ') + '"';
  }

  /** A printed line "Label: value" of the header, as a row of the paper form's fields table. */
  function printedRow(label, value) {
    return el('tr', {}, [el('th', { scope: 'row', text: label }), el('td', { text: value })]);
  }

  function printHeader() {
    var rows = [];
    if (kind === 'preparation') {
      rows.push(printedRow(say('party'), state.party ? NAMES.roles[state.party] || state.party : ''));
      rows.push(printedRow(say('session'), state.session));
      rows.push(printedRow(say('participant'), state.participant));
      rows.push(printedRow(say('sessionCode'), state.code));
    }
    rows.push(printedRow(say('practice'), state.practice), printedRow(say('region'), state.region), printedRow(say('date'), state.date));
    if (kind === 'whole') {
      rows.push(printedRow(say('facilitator'), state.facilitator));
      rows.push(printedRow(say('visibility'), NAMES.visibilities[state.visibility] || state.visibility));
    }
    state.organisations.filter(function (organisation) { return organisation.name; }).forEach(function (organisation) {
      rows.push(printedRow(NAMES.roles[organisation.role] || organisation.role, organisation.name));
    });
    headerPrinted.textContent = '';
    headerPrinted.appendChild(el('table', { 'class': 'fields' }, rows));
  }
  var headerPrinted = el('div', { 'class': 'fill-print' });
  headerArea.after(headerPrinted);

  function printIndicator(indicator) {
    var value = state.indicators[indicator.id] || emptyIndicator();
    var choice = statusChoices().filter(function (status) { return status.key === (value.status || ''); })[0];
    var block = indicator.printed;
    block.textContent = '';
    block.appendChild(el('p', { 'class': 'fill-print-score' }, [
      el('span', { 'class': 'scores-label', text: say('scoreFor', { id: indicator.id }) + ':' }), document.createTextNode(' '),
      el('span', { 'class': 'symbol symbol-' + (choice.key || 'open'), text: choice.symbol }), document.createTextNode(' '),
      el('strong', { text: choice.label })
    ]));
    ['reflection', 'actions'].forEach(function (field) {
      var text = (value[field] || '').trim();
      if (!text) { return; }
      block.appendChild(el('p', { 'class': 'write-label', text: indicator.labels[field] }));
      block.appendChild(el('div', { 'class': 'fill-print-text', text: text }));
    });
  }

  function printPlan() {
    planPrinted.textContent = '';
    var entries = state.plan.filter(function (entry) { return planRowFields().some(function (field) { return oneLine(entry[field[0]]); }); });
    // Printed without actions, the plan's heading would stand alone on the last page.
    planSection.classList.toggle('fill-plan-empty', !entries.length);
    if (!entries.length) { return; }
    planPrinted.appendChild(el('table', { 'class': 'plan' }, [
      el('thead', {}, [el('tr', {}, planRowFields().map(function (field) { return el('th', { scope: 'col', text: field[1] }); }))]),
      el('tbody', {}, entries.map(function (entry) {
        return el('tr', {}, planRowFields().map(function (field) { return el('td', { text: entry[field[0]] || '' }); }));
      }))
    ]));
  }

  /** Brings every printed block up to date with the work (before printing, and shortly after each change). */
  function showPrinted() {
    printTimer = null;
    var blank = !hasContent(state);
    document.documentElement.classList.toggle('kb-blank', blank);
    // The paper's running header ("Praktijk: ____" left, "Datum: ____" right) with the values.
    var headerFont = '; font: 9pt "DejaVu Sans", Arial, sans-serif; color: #333; }';
    pageHeader.textContent = blank ? '' : '@page { @top-left { content: ' +
      cssString(say('practice') + ': ' + (state.practice || '')) + headerFont +
      ' @top-right { content: ' + cssString(say('date') + ': ' + (state.date || '')) + headerFont + ' }';
    printHeader();
    indicators.forEach(printIndicator);
    if (kind === 'whole') { printPlan(); }
  }

  var printTimer = null;
  function schedulePrinted() {
    if (printTimer === null) { printTimer = window.setTimeout(showPrinted, 150); }
  }
  window.addEventListener('beforeprint', function () {
    if (printTimer !== null) { window.clearTimeout(printTimer); }
    showPrinted();
  });

  // ---------------------------------------------------------------- start

  function render() {
    renderHeader();
    renderIndicators();
    renderPlan();
    if (controls) { controls.showNote(); }
  }

  // ---------------------------------------------------------------- suggestions and the result

  /** An indicator's suggestion, if it has one (kb-suggestion-controls.js). */
  function showSuggestion(indicator) { if (controls) { controls.mark(indicator); } }

  var resultView = Kennisbank.resultView(data, {
    state: function () { return state; },
    unconfirmed: function () { return controls ? controls.unconfirmed() : 0; },
    language: document.documentElement.lang,
    fileName: fileName,
    saveFile: download,
    close: hideResult
  });

  /** "Bekijk uitslag": the result instead of the form, until "Terug naar het formulier". */
  function showResult() {
    document.documentElement.classList.add('kb-result-open');
    formHead.hidden = true;
    main.hidden = true;
    resultView.show();
  }

  function hideResult() {
    resultView.hide();
    formHead.hidden = false;
    main.hidden = false;
    document.documentElement.classList.remove('kb-result-open');
    resultButton.focus();
  }
  var formHead = document.querySelector('.form-head');

  main.insertBefore(toolbar, main.firstChild);
  main.insertBefore(bar, main.firstChild);
  if (kind === 'whole') { main.after(resultView.element); }
  indicators.forEach(enhanceIndicator);
  if (kind === 'whole' && parts.length) {
    parts[parts.length - 1].element.after(planSection);
    parts.push({ element: planSection, target: 'kb-plan-invullen', title: say('planTitle'), short: say('planShort'), ids: [] });
  }
  parts.forEach(function (part) { menuList.appendChild(menuItem(part)); });
  document.documentElement.classList.add('kb-fillable');
  render();
  showProgress();
  showPrinted();
  measureBar();
  showCurrentPart();
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', function () { measureBar(); onScroll(); });
  if (window.ResizeObserver) { new ResizeObserver(measureBar).observe(bar); }
  if (bundled) { save(); }
  if (startMessage) { announce(startMessage); }

  // For tests: the file text the page would save now.
  window.kennisbankAssessment = { toMarkdown: function () { return toMarkdown(state); }, parse: parseAssessment,
    resultPage: function () { return Kennisbank.resultPage(data, state, Kennisbank.resultSummary(data, state), document.documentElement.lang); } };
}());
