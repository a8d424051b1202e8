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
 * Where the words come from: this script holds no word of the file format and no interface
 * text. The build writes both into the page, as JSON in
 * <script type="application/json" id="kb-invuldata"> (a file next to the page could not be
 * read from file://), made by Sources/KennisbankRender/FillData.swift:
 *   format   AssessmentFormat.description (Sources/Kader/AssessmentFormat.swift): the
 *            front-matter keys, the organisation keys, the score label, the headings, the plan
 *            fields, the statuses with their words, the open words, the roles, the parties
 *            and the visibilities, all in the format's own (Dutch) words;
 *   symbols  the shape of each status, by status key;
 *   labels   the interface words: the `fill:` table of templates/strings/LANGUAGE.yml, texts
 *            with {name} placeholders;
 *   names    what the form shows for the statuses, roles, visibilities and plan fields, in the
 *            site's language (the file keeps the format's words).
 * The writer (toMarkdown) and the reader (parseAssessment) both use `format`.
 */
(function () {
  'use strict';

  var main = document.querySelector('main[data-fillable]');
  var data = readData();
  if (!main || !data || !window.localStorage) { return; }

  function readData() {
    var element = document.getElementById('kb-invuldata');
    try {
      return element ? JSON.parse(element.textContent) : null;
    } catch (error) {
      return null;
    }
  }

  var FORMAT = data.format;
  /** The file's word for each front-matter key, by the key's name: KEYS.practice, KEYS.date ... */
  var KEYS = FORMAT.keys;
  var LABELS = data.labels;
  var STATUSES = FORMAT.statuses;
  var NAMES = data.names;
  var ROLES = FORMAT.roles;
  var PARTIES = FORMAT.parties;
  var VISIBILITIES = FORMAT.visibilities;

  /** The front-matter values the form keeps as text, by their names in `KEYS`. */
  var HEADER_FIELDS = ['practice', 'region', 'date', 'facilitator', 'visibility', 'code', 'party', 'session', 'participant'];
  /** The labelled items of one plan action, by their names in `FORMAT.planFields`, in the file's order. */
  var PLAN_FIELDS = ['who', 'when', 'goal', 'indicators'];

  var kind = main.getAttribute('data-fillable'); // "whole" or "preparation"
  var version = main.getAttribute('data-kader-version') || '';
  var storageKey = 'kennisbank:' + kind + ':' + version;

  var indicators = Array.prototype.map.call(main.querySelectorAll('.form-indicator[data-indicator]'), function (element) {
    return { id: element.getAttribute('data-indicator'), title: element.getAttribute('data-title') || '', element: element };
  });

  // ---------------------------------------------------------------- the data in the page

  /**
   * The name `key` of an interface text that is looked up later with `say`. Every key of the
   * script is written in quotes as the first argument of `say` or `wordKey`: the build reads them and reports each
   * one the strings file lacks (Sources/KennisbankLoad/ScriptStrings.swift).
   */
  function wordKey(key) { return key; }

  /** The interface text `key`, with its {name} placeholders filled from `values`. */
  function say(key, values) {
    var text = LABELS[key];
    if (text === undefined) { return key; }
    if (typeof text === 'object' && values && 'count' in values) { text = values.count === 1 ? text.one : text.other; }
    return String(text).replace(/\{(\w+)\}/g, function (match, name) {
      return values && name in values ? String(values[name]) : match;
    });
  }

  /** Status key of every word a file may use for a status, in lower case. */
  var STATUS_OF_WORD = Object.create(null);
  STATUSES.forEach(function (status) {
    status.words.forEach(function (word) { STATUS_OF_WORD[word.toLowerCase()] = status.key; });
  });

  function statusByKey(key) {
    return STATUSES.filter(function (status) { return status.key === key; })[0];
  }

  /** The name in `KEYS` of a front-matter key as the file writes it. */
  var FIELD_OF_KEY = invert(KEYS);
  /** The name in `FORMAT.planFields` of a plan label as the file writes it. */
  var PLAN_FIELD_OF_LABEL = invert(FORMAT.planFields);

  function invert(table) {
    var result = Object.create(null);
    Object.keys(table).forEach(function (name) { result[table[name]] = name; });
    return result;
  }

  // ---------------------------------------------------------------- state

  function newCode() {
    var alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    var code = '';
    for (var i = 0; i < bytes.length; i++) { code += alphabet.charAt(bytes[i] % alphabet.length); }
    return code;
  }

  function emptyState() {
    var result = { organisations: [], indicators: {}, plan: [] };
    HEADER_FIELDS.forEach(function (name) { result[name] = ''; });
    result.visibility = FORMAT.defaultVisibility;
    // A preparation takes the session's code, which the participant types in (or which comes
    // with an opened file); left empty, saving makes a new one.
    result.code = kind === 'preparation' ? '' : newCode();
    return result;
  }

  function emptyIndicator() { return { status: '', reflection: '', actions: '' }; }

  function emptyPlanEntry() {
    var entry = { what: '' };
    PLAN_FIELDS.forEach(function (name) { entry[name] = ''; });
    return entry;
  }

  var state = load() || emptyState();

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

  /** Whether the work holds anything typed or chosen (the code and visibility are always set). */
  function hasContent(current) {
    var typed = HEADER_FIELDS.some(function (name) { return name !== 'code' && name !== 'visibility' && current[name]; });
    var scored = Object.keys(current.indicators).some(function (id) {
      var value = current.indicators[id];
      return value && (value.status || (value.reflection || '').trim() || (value.actions || '').trim());
    });
    return typed || scored || current.organisations.length > 0 || current.plan.length > 0;
  }

  /** Stored work in the layout of this script; work stored by its earlier version is carried over. */
  function fromStorage(stored) {
    if (!stored || typeof stored !== 'object') { return null; }
    return Array.isArray(stored.organisations) ? stored : fromFileWordLayout(stored);
  }

  /**
   * The earlier version of this script stored its state under the file's own words
   * (`praktijk`, `organisaties` with `naam` and `rol`, `reflectie`, plan items `wie` ...), and
   * the plan action as `wat`.
   */
  function fromFileWordLayout(old) {
    var result = emptyState();
    HEADER_FIELDS.forEach(function (name) {
      if (typeof old[KEYS[name]] === 'string') { result[name] = old[KEYS[name]]; }
    });
    (old[KEYS.organisations] || []).forEach(function (organisation) {
      result.organisations.push({ name: organisation[FORMAT.organisationName] || '',
                                  role: organisation[FORMAT.organisationRole] || ROLES[0] });
    });
    var reflection = FORMAT.reflectionHeading.toLowerCase();
    var actions = FORMAT.actionsHeading.toLowerCase();
    Object.keys(old.indicators || {}).forEach(function (id) {
      var value = old.indicators[id] || {};
      result.indicators[id] = { status: value.status || '', reflection: value[reflection] || '', actions: value[actions] || '' };
    });
    (old.plan || []).forEach(function (item) {
      var entry = emptyPlanEntry();
      entry.what = item.wat || '';
      PLAN_FIELDS.forEach(function (name) { entry[name] = item[FORMAT.planFields[name].toLowerCase()] || ''; });
      result.plan.push(entry);
    });
    return result;
  }

  // ---------------------------------------------------------------- small DOM helpers

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

  function button(text, action) {
    var node = el('button', { type: 'button', text: text });
    node.addEventListener('click', action);
    return node;
  }

  var live = el('p', { 'class': 'fill-status', 'role': 'status', 'aria-live': 'polite' });
  function announce(message) { live.textContent = message; }

  // ---------------------------------------------------------------- the bar and the toolbar

  var fileInput = el('input', { type: 'file', accept: '.md,.markdown,.txt,text/markdown,text/plain', 'class': 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
  var toolbar = el('section', { 'class': 'fill-toolbar fill-control', 'aria-labelledby': 'kb-invullen' }, [
    el('h2', { id: 'kb-invullen', text: say('toolbarTitle') }),
    el('p', { text: say('toolbarIntro') }),
    el('div', { 'class': 'fill-buttons' }, [button(say('clearAll'), clearAll)]),
    fileInput
  ]);

  /**
   * The bar that stays in view at the top while scrolling (position: sticky): save and open,
   * how many indicators have a status, the menu of the parts (the one in view marked with
   * aria-current) and the live region that reports what happened.
   */
  var progress = el('p', { 'class': 'fill-progress', id: 'kb-voortgang' });
  var menuList = el('ul', { id: 'kb-onderdelen-lijst' });
  var menuToggle = el('button', { type: 'button', 'class': 'fill-menu-toggle', 'aria-expanded': 'false', 'aria-controls': 'kb-onderdelen-lijst' });
  var menu = el('nav', { 'class': 'fill-menu', 'aria-label': say('menuLabel') }, [menuToggle, menuList]);
  var bar = el('div', { 'class': 'fill-bar fill-control' }, [
    el('div', { 'class': 'fill-bar-row' }, [
      el('div', { 'class': 'fill-buttons' }, [
        button(say('saveFile'), download),
        button(say('openFile'), function () { fileInput.click(); })
      ]),
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
      state = parsed.state;
      save();
      render();
      announce(say('opened', { name: file.name, count: parsed.count }) +
        (parsed.problems.length ? ' ' + say('problems', { problems: parsed.problems.join(' ') }) : ''));
    };
    reader.readAsText(file, 'utf-8');
  });

  function clearAll() {
    if (!window.confirm(say('clearConfirm'))) { return; }
    state = emptyState();
    save();
    render();
    announce(say('cleared'));
  }

  function download() {
    var problems = checks.map(function (check) { return { check: check, text: runCheck(check, true) }; })
      .filter(function (problem) { return problem.text; });
    if (problems.length) {
      // The site would refuse the file: say why at the fields, and write nothing.
      announce(say('notSaved', { problems: problems.map(function (problem) { return problem.text; }).join(' ') }));
      refusedSave = true;
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
    announce(say('saved', { name: fileName(state) }));
  }

  // ---------------------------------------------------------------- header fields

  var headerSection = main.querySelector('.fill-in');
  var headerArea = el('div', { 'class': 'fill-header fill-control' });
  var headerPaper = headerSection.querySelector('table');
  headerPaper.classList.add('kb-paper');
  headerPaper.after(headerArea);

  /** A text field labelled `labelText` for the header value `name`. */
  function headerInput(labelText, name, type) {
    return labelled(labelText, textInput(state[name], function (value) { state[name] = value; }, type));
  }

  /** A choice labelled `labelText` for the header value `name`. */
  function headerSelect(labelText, name, options, names) {
    return labelled(labelText, select(options, names, state[name], function (value) { state[name] = value; }));
  }

  /**
   * The header fields that a file the site accepts must have right (the practice, the date),
   * each with the message tied to it (aria-invalid, aria-describedby) while it is wrong.
   */
  var checks = [];

  function checked(wrapper, problemOf) {
    var input = wrapper.querySelector('input');
    var message = el('p', { 'class': 'fill-error', id: input.id + '-melding' });
    message.hidden = true;
    wrapper.appendChild(message);
    var check = { input: input, message: message, problemOf: problemOf };
    checks.push(check);
    ['input', 'change', 'blur'].forEach(function (type) { input.addEventListener(type, function () { runCheck(check, false); }); });
    runCheck(check, false);
    return wrapper;
  }

  /** Whether the live region says that the file was not saved (taken away once all is right). */
  var refusedSave = false;

  /** Shows or clears the message of `check`; gives it ('' when the field is right). */
  function runCheck(check, saving) {
    var problem = check.problemOf(check.input, saving);
    if (!problem && refusedSave && checks.every(function (other) { return other === check || other.message.hidden; })) {
      refusedSave = false;
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

  /** Whether `text` is a day that exists, written YYYY-MM-DD (as the site reads `datum:`). */
  function validDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) { return false; }
    var day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return day.getUTCFullYear() === Number(match[1]) && day.getUTCMonth() === Number(match[2]) - 1 && day.getUTCDate() === Number(match[3]);
  }

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

  /** A code the site accepts: lower-case letters and digits, at least `FORMAT.codeMinimumLength`. */
  function codeProblem() {
    var code = String(state.code || '');
    if (!code) { return ''; }
    return /^[a-z0-9]+$/.test(code) && code.length >= FORMAT.codeMinimumLength ? '' : say('codeInvalid', { minimum: FORMAT.codeMinimumLength });
  }

  function renderHeader() {
    headerArea.textContent = '';
    checks = [];
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
      headerArea.appendChild(headerSelect(say('visibility'), 'visibility', VISIBILITIES, NAMES.visibilities));
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
      radio.addEventListener('change', function () { indicatorState(indicator.id).status = status.key; save(); });
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
    scores.after(scoreFieldset(indicator));
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

  // ---------------------------------------------------------------- writing the assessment file

  function yamlString(value) {
    return '"' + String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n') + '"';
  }

  function slug(value) {
    return String(value).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }

  /** Text as Markdown that cannot start a heading of the file's structure. */
  // ------------------------------------------------------- the format's line rules

  /*
   * Which lines of a file's body are its structure: a copy of the site's rules in
   * Sources/Kader/AssessmentLines.swift and AssessmentLayout.swift (read there first), so that
   * this form reads every file the way the site does. The site also parses the body as Markdown
   * and refuses a file where that reading and these rules disagree, so every file the site
   * accepts reads the same here. Briefly: a code block (``` or ~~~) or raw HTML of kinds 1-5
   * (<script, <pre, <style, <textarea, <!--, <?, <!X, <![CDATA[) hides what is in it; a heading
   * is `#`...`######` in the first column; a label line is `**Kleurscore:**` (or a plan label),
   * after at most 3 spaces and a list marker (without one: only after an empty line or heading). The score is the label line directly under an
   * indicator's heading, a paragraph of its own; a label line anywhere else is an error, and so
   * is a block left open at the end.
   */
  var FORMAT_LABELS = [FORMAT.scoreLabel].concat(PLAN_FIELDS.map(function (name) { return FORMAT.planFields[name]; }));

  function indentOf(line) { return /^ */.exec(line)[0].length; }

  function isBlank(line) { return /^[ \t]*$/.test(line); }

  function headingOf(line) {
    var match = /^(#{1,6})([ \t].*)?$/.exec(line);
    if (!match) { return null; }
    var text = (match[2] || '').replace(/^[ \t]+|[ \t]+$/g, '');
    var closing = /(^|[ \t])#+$/.exec(text);
    if (closing) { text = text.slice(0, closing.index).replace(/[ \t]+$/, ''); }
    return { level: match[1].length, text: text };
  }

  function fenceOf(line) {
    var match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!match || (match[1].charAt(0) === '`' && match[2].indexOf('`') >= 0)) { return null; }
    return match[1];
  }

  function closesFence(line, fence) {
    var match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
    return Boolean(match) && match[1].charAt(0) === fence.charAt(0) && match[1].length >= fence.length;
  }

  function holdsEnd(lower, end) {
    if (end !== '</') { return lower.indexOf(end) >= 0; }
    return ['</script>', '</pre>', '</style>', '</textarea>'].some(function (tag) { return lower.indexOf(tag) >= 0; });
  }

  /** What ends the raw HTML of kinds 1-6 that `line` opens ('' for kind 6: an empty line), or null. */
  function htmlEndOf(line) {
    if (indentOf(line) > 3) { return null; }
    var lower = line.replace(/^ */, '').toLowerCase();
    if (lower.charAt(0) !== '<') { return null; }
    if (/^<(script|pre|style|textarea)([ \t>]|$)/.test(lower)) { return '</'; }
    if (lower.indexOf('<!--') === 0) { return '-->'; }
    if (lower.indexOf('<?') === 0) { return '?>'; }
    if (lower.indexOf('<![cdata[') === 0) { return ']]>'; }
    if (/^<![a-z]/.test(lower)) { return '>'; }
    var tag = /^<\/?([a-z0-9]+)([ \t>]|\/>|$)/.exec(lower);
    return tag && BLOCK_TAGS.indexOf(tag[1]) >= 0 ? '' : null;
  }

  /** The tags that open raw HTML of kind 6, which runs to the next empty line. */
  var BLOCK_TAGS = ('address article aside base basefont blockquote body caption center col colgroup dd details dialog ' +
    'dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe ' +
    'legend li link main menu menuitem nav noframes ol optgroup option p param section source summary table tbody td ' +
    'tfoot th thead title tr track ul').split(' ');

  function endsOnOwnLine(line, end) {
    var lower = line.replace(/^ */, '').toLowerCase();
    if (end === '-->') { return lower.indexOf('<!-->') === 0 || lower.indexOf('<!--->') === 0 || holdsEnd(lower.slice(4), end); }
    if (end === '?>') { return holdsEnd(lower.slice(2), end); }
    if (end === ']]>') { return holdsEnd(lower.slice(9), end); }
    if (end === '>') { return holdsEnd(lower.slice(2), end); }
    return holdsEnd(lower, end);
  }

  /** A label line: its label, the text after it and the (0-based) position of its `**`. */
  function labelOf(line) {
    var match = /^( {0,3}(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)?)\*\*([^*]+):\*\*([ \t].*)?$/.exec(line);
    if (!match || FORMAT_LABELS.indexOf(match[2]) < 0) { return null; }
    return { label: match[2], text: (match[3] || '').replace(/^[ \t]+|[ \t]+$/g, ''), at: match[1].length };
  }

  /** Whether a label line starts a paragraph or list item of its own (AssessmentLines.startsBlock). */
  function startsBlock(line, previous) {
    if (/^ {0,3}(?:[-*+]|[0-9]{1,9}[.)])[ \t]/.test(line)) { return true; }
    return !previous || previous.type === 'blank' || previous.type === 'heading';
  }

  /** The kind of each line ({type: blank|text|code|heading|label, ...}) and the block left open. */
  function scanLines(lines) {
    var kinds = [];
    var open = null;
    var blockHTML = {};
    lines.forEach(function (line, index) {
      if (open && open.closer === '') {
        kinds.push({ type: isBlank(line) ? 'blank' : 'code' });
        if (isBlank(line)) { open = null; } else { blockHTML[index] = true; }
        return;
      }
      if (open) {
        kinds.push({ type: 'code' });
        if (open.fence ? closesFence(line, open.closer) : holdsEnd(line.toLowerCase(), open.closer)) { open = null; }
        return;
      }
      var fence = fenceOf(line);
      var end = fence ? null : htmlEndOf(line);
      var heading = headingOf(line);
      var label = labelOf(line);
      if (isBlank(line)) {
        kinds.push({ type: 'blank' });
      } else if (fence) {
        kinds.push({ type: 'code' });
        open = { line: index, closer: fence, fence: true, indent: indentOf(line) };
      } else if (end !== null) {
        kinds.push({ type: 'code' });
        if (end === '' || !endsOnOwnLine(line, end)) { open = { line: index, closer: end, fence: false, indent: indentOf(line) }; }
      } else if (heading) {
        kinds.push({ type: 'heading', level: heading.level, text: heading.text });
      } else if (label && startsBlock(line, kinds[kinds.length - 1])) {
        kinds.push({ type: 'label', label: label.label, text: label.text, at: label.at });
      } else {
        kinds.push({ type: 'text' });
      }
    });
    return { kinds: kinds, open: open && open.closer !== '' ? open : null, blockHTML: blockHTML };
  }

  /**
   * The structure of a body by the rules: the lines whose label is read (`labelLines`, by index)
   * and the problems ({line, key, values}, keys of the `fill:` strings), as AssessmentLayout.
   */
  function layoutOf(scan) {
    var kinds = scan.kinds;
    var labelLines = {};
    var problems = [];
    var place = 'preamble';
    var id = '';
    var subheading = null;
    var hasText = false;
    var scoreLine = null;
    kinds.forEach(function (kind, index) {
      if (kind.type === 'blank') { return; }
      if (kind.type === 'heading') {
        if (kind.level === 2) {
          place = kind.text.toLowerCase() === FORMAT.planHeading.toLowerCase() ? 'plan' : 'indicator';
          id = kind.text.split(/\s+/)[0];
          subheading = null;
          hasText = false;
          scoreLine = null;
        } else if (place === 'indicator') {
          subheading = kind.text;
        } else if (kind.level === 3 && (place === 'plan' || place === 'action')) {
          place = 'action';
        }
        return;
      }
      if (kind.type === 'label') {
        var values = { line: index + 1, id: id, label: kind.label, heading: subheading, first: scoreLine };
        var next = kinds[index + 1];
        if (place === 'indicator' && kind.label === FORMAT.scoreLabel) {
          if (subheading !== null) { problems.push({ line: index, key: wordKey('scoreInSection'), values: values }); }
          else if (scoreLine !== null) { problems.push({ line: index, key: wordKey('secondScore'), values: values }); }
          else if (hasText) { problems.push({ line: index, key: wordKey('scoreNotFirst'), values: values }); }
          else if (next && next.type !== 'blank' && next.type !== 'heading') { problems.push({ line: index, key: wordKey('scoreNotAlone'), values: values }); }
          else { scoreLine = index; labelLines[index] = true; }
        } else if (place === 'action' && kind.label !== FORMAT.scoreLabel) {
          labelLines[index] = true;
        } else {
          problems.push({ line: index, key: kind.label === FORMAT.scoreLabel ? wordKey('scoreOutside') : wordKey('labelOutside'), values: values });
        }
      }
      hasText = true;
    });
    if (scan.open) {
      problems.push({ line: scan.open.line, key: scan.open.fence ? wordKey('unclosedCode') : wordKey('unclosedHTML'),
                      values: { closer: scan.open.closer === '</' ? '</…>' : scan.open.closer } });
    }
    return { labelLines: labelLines, problems: problems };
  }

  /** Text with a backslash before every ASCII punctuation character. */
  function escapeAll(text) { return text.replace(/[!-\/:-@\[-`{-~]/g, '\\$&'); }

  /**
   * A reflection or actions text as Markdown that renders as the text alone would and adds no
   * structure to the file: the same as the site's writer (AssessmentFile.block in
   * Sources/Kader/AssessmentFile.swift, read there why): a heading gets a space before it, a
   * label line is spelled `__Kleurscore:__`, a code block left open is closed, raw HTML left
   * open is written as one escaped paragraph.
   */
  function block(text) {
    var lines = String(text).replace(/\r\n?/g, '\n').split('\n');
    while (lines.length && isBlank(lines[0])) { lines.shift(); }
    while (lines.length && isBlank(lines[lines.length - 1])) { lines.pop(); }
    if (lines.length) { lines[lines.length - 1] = lines[lines.length - 1].replace(/\s+$/, ''); }
    var scan = scanLines(lines);
    function swapped(line, label) {
      return line.slice(0, label.at) + '__' + label.label + ':__' + line.slice(label.at + label.label.length + 5);
    }
    Object.keys(scan.blockHTML).forEach(function (key) {
      var line = lines[key];
      var end = htmlEndOf(line);
      if (headingOf(line)) { lines[key] = ' ' + line; }
      else if (fenceOf(line) || end) { lines[key] = '    ' + line; }
    });
    scan.kinds.forEach(function (kind, index) {
      if (kind.type === 'heading') { lines[index] = ' ' + lines[index]; }
      if (kind.type === 'label') { lines[index] = swapped(lines[index], kind); }
    });
    var open = scan.open;
    if (open && open.fence) {
      lines.push(new Array(open.indent + 1).join(' ') + open.closer);
    } else if (open) {
      var rest = lines.slice(open.line).map(function (line) { return line.trim(); })
        .filter(function (line) { return line; }).map(escapeAll);
      var before = open.line > 0 && !isBlank(lines[open.line - 1]) ? [''] : [];
      lines = lines.slice(0, open.line).concat(before, rest);
    }
    return lines.join('\n');
  }

  /** A line of text as the file's reader gives it back: what `block` changed, undone. */
  function unblock(line) {
    if (/^ #/.test(line) && headingOf(line.slice(1))) { return line.slice(1); }
    var match = /^( {0,3}(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)?)__([^_]+):__([ \t].*)?$/.exec(line);
    if (match && FORMAT_LABELS.indexOf(match[2]) >= 0) { return match[1] + '**' + match[2] + ':**' + (match[3] || ''); }
    return line.replace(/^( {0,3})\\#/, '$1#');
  }

  /**
   * A plan value (one line) as Markdown that reads back as typed, as AssessmentFile.planValue:
   * a backslash before what Markdown would read otherwise.
   */
  function planValue(text) {
    return oneLine(text).replace(/[\\*_`\[\]<>&#'"]|!(?=\[)|-{2,}|\.{3,}/g, function (match) {
      return match.replace(/./g, '\\$&');
    });
  }

  /** A plan value as written, with its backslash escapes undone. */
  function unescapeValue(text) { return text.replace(/\\([!-\/:-@\[-`{-~])/g, '$1'); }

  /** A line of the file's bold labels: `**Kleurscore:** op orde`, `**Wie:** ...`. */
  function boldLabel(label, text) { return '**' + label + ':** ' + text; }

  function oneLine(text) { return (text || '').replace(/\s+/g, ' ').trim(); }

  function fileName(current) {
    if (kind === 'preparation') {
      var participant = slug(current.participant || '');
      return say('preparationFile', { party: slug(current.party) || say('defaultParty'),
                                      participant: participant ? '-' + participant : '',
                                      session: slug(current.session) || say('defaultSession') });
    }
    return say('assessmentFile', { practice: slug(current.practice) || say('defaultPractice'),
                                   date: current.date ? '-' + current.date : '' });
  }

  function frontMatterLines(current) {
    var lines = ['---', KEYS.practice + ': ' + yamlString(current.practice)];
    if (current.region) { lines.push(KEYS.region + ': ' + yamlString(current.region)); }
    if (current.date) { lines.push(KEYS.date + ': ' + current.date); }
    lines.push(KEYS.kader + ': ' + yamlString(version));
    var organisations = current.organisations.filter(function (organisation) { return organisation.name; });
    if (organisations.length) {
      lines.push(KEYS.organisations + ':');
      organisations.forEach(function (organisation) {
        lines.push('  - ' + FORMAT.organisationName + ': ' + yamlString(organisation.name));
        lines.push('    ' + FORMAT.organisationRole + ': ' + organisation.role);
      });
    }
    if (kind === 'preparation') {
      lines.push(KEYS.preparation + ': true');
      if (current.party) { lines.push(KEYS.party + ': ' + current.party); }
      if (current.session) { lines.push(KEYS.session + ': ' + yamlString(current.session)); }
      if (String(current.participant || '').trim()) { lines.push(KEYS.participant + ': ' + yamlString(current.participant.trim())); }
      // A preparation is never public: it always has the default visibility, unlisted.
      lines.push(KEYS.visibility + ': ' + FORMAT.defaultVisibility);
    } else {
      if (current.facilitator) { lines.push(KEYS.facilitator + ': ' + yamlString(current.facilitator)); }
      lines.push(KEYS.visibility + ': ' + current.visibility);
    }
    if (current.code) { lines.push(KEYS.code + ': ' + current.code); }
    lines.push('---', '');
    return lines;
  }

  function indicatorLines(indicator, value) {
    if (!value || (!value.status && !value.reflection && !value.actions)) { return []; }
    var lines = ['## ' + indicator.id + ' ' + indicator.title, ''];
    var status = statusByKey(value.status);
    if (status) { lines.push(boldLabel(FORMAT.scoreLabel, status.word), ''); }
    if (value.reflection && value.reflection.trim()) { lines.push('### ' + FORMAT.reflectionHeading, '', block(value.reflection), ''); }
    if (value.actions && value.actions.trim()) { lines.push('### ' + FORMAT.actionsHeading, '', block(value.actions), ''); }
    return lines;
  }

  function planLines(plan) {
    var entries = plan.filter(function (entry) { return entry.what && entry.what.trim(); });
    if (!entries.length) { return []; }
    var lines = ['## ' + FORMAT.planHeading, ''];
    entries.forEach(function (entry) {
      lines.push('### ' + planValue(entry.what), '');
      PLAN_FIELDS.forEach(function (name) {
        var text = oneLine(entry[name]);
        if (text) { lines.push('- ' + boldLabel(FORMAT.planFields[name], planValue(text))); }
      });
      lines.push('');
    });
    return lines;
  }

  function toMarkdown(current) {
    var lines = frontMatterLines(current);
    indicators.forEach(function (indicator) {
      lines = lines.concat(indicatorLines(indicator, current.indicators[indicator.id]));
    });
    lines = lines.concat(planLines(current.plan));
    return lines.join('\n').replace(/\n+$/, '') + '\n';
  }

  // ---------------------------------------------------------------- reading an assessment file

  function yamlValue(raw) {
    var value = raw.trim();
    if (value.charAt(0) === '"' && value.charAt(value.length - 1) === '"') {
      return value.slice(1, -1).replace(/\\(["\\n])/g, function (match, character) { return character === 'n' ? '\n' : character; });
    }
    if (value.charAt(0) === "'" && value.charAt(value.length - 1) === "'") {
      return value.slice(1, -1).replace(/''/g, "'");
    }
    return value;
  }

  function escapeRegExp(text) { return String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

  var ORGANISATION_LINE = new RegExp('^\\s*-\\s*' + escapeRegExp(FORMAT.organisationName) + ':\\s*(.*)$');
  var ROLE_LINE = new RegExp('^\\s+' + escapeRegExp(FORMAT.organisationRole) + ':\\s*(.*)$');
  var SCORE_LINE = new RegExp('^\\*\\*' + escapeRegExp(FORMAT.scoreLabel) + ':\\*\\*\\s*(.*)$');
  var PLAN_ITEM_LINE = new RegExp('^\\s*[-*]\\s+\\*\\*(' + PLAN_FIELDS.map(function (name) {
    return escapeRegExp(FORMAT.planFields[name]);
  }).join('|') + '):\\*\\*\\s*(.*)$');

  /** Reads the front matter from `lines[0]` into `result`; returns the index of the first body line. */
  function readFrontMatter(lines, result) {
    if (!lines[0] || lines[0].trim() !== '---') { return 0; }
    var organisation = null;
    var inOrganisations = false;
    var index = 1;
    for (; index < lines.length && lines[index].trim() !== '---'; index++) {
      var line = lines[index];
      var item = ORGANISATION_LINE.exec(line);
      var role = ROLE_LINE.exec(line);
      var pair = /^([a-z]+):\s*(.*)$/.exec(line);
      if (inOrganisations && item) {
        organisation = { name: yamlValue(item[1]), role: ROLES[0] };
        result.organisations.push(organisation);
      } else if (inOrganisations && role && organisation) {
        organisation.role = yamlValue(role[1]).toLowerCase();
      } else if (pair) {
        inOrganisations = pair[1] === KEYS.organisations;
        var name = FIELD_OF_KEY[pair[1]];
        if (HEADER_FIELDS.indexOf(name) >= 0) { result[name] = yamlValue(pair[2]); }
      }
    }
    return index + 1;
  }

  /** The text field of an indicator that a `###` heading opens, or null. */
  function textFieldOfHeading(heading) {
    var name = heading.trim().toLowerCase();
    if (name === FORMAT.reflectionHeading.toLowerCase()) { return 'reflection'; }
    return name === FORMAT.actionsHeading.toLowerCase() ? 'actions' : null;
  }

  /** The status key of a score word, '' for an open word, or null for an unknown word. */
  function statusOfWord(written) {
    var word = written.trim().toLowerCase().replace(/\s+/g, ' ');
    if (STATUS_OF_WORD[word]) { return STATUS_OF_WORD[word]; }
    return FORMAT.openWords.indexOf(word) >= 0 ? '' : null;
  }

  /**
   * Reads an assessment file, hand-written or saved here, into the form's state, by the
   * format's line rules (`scanLines`, `layoutOf`). A file that breaks them is not read:
   * `errors` then says why, line by line, as the site would refuse it.
   */
  function parseAssessment(text) {
    var result = emptyState();
    result.code = '';
    var problems = [];
    var count = 0;
    var lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
    var start = readFrontMatter(lines, result);
    var body = lines.slice(start);
    var scan = scanLines(body);
    var layout = layoutOf(scan);
    if (layout.problems.length) {
      return { state: null, count: 0, problems: [], errors: layout.problems.map(function (problem) {
        problem.values.line = problem.line + start + 1;
        if (problem.values.first !== null) { problem.values.first += start + 1; }
        return say(problem.key, problem.values);
      }) };
    }
    var current = null;
    var field = null;
    var entry = null;
    var inPlan = false;
    function append(target, key, line) {
      var unescaped = unblock(line);
      target[key] = target[key] ? target[key] + '\n' + unescaped : unescaped;
    }
    scan.kinds.forEach(function (kind, index) {
      var line = body[index];
      if (kind.type === 'heading' && kind.level === 2) {
        entry = null;
        inPlan = kind.text.toLowerCase() === FORMAT.planHeading.toLowerCase();
        current = null;
        field = 'reflection';
        if (!inPlan) {
          var id = kind.text.split(/\s+/)[0];
          if (indicators.some(function (indicator) { return indicator.id === id; })) {
            current = emptyIndicator();
            result.indicators[id] = current;
            count += 1;
          } else {
            problems.push(say('unknownIndicator', { id: id }));
          }
        }
      } else if (kind.type === 'heading' && kind.level === 3 && inPlan) {
        entry = emptyPlanEntry();
        entry.what = unescapeValue(kind.text);
        result.plan.push(entry);
      } else if (kind.type === 'heading') {
        // `### Reflectie` and `### Acties` open a text; any other heading's text is not shown.
        field = kind.level === 3 && current ? textFieldOfHeading(kind.text) : null;
      } else if (layout.labelLines[index] && kind.label === FORMAT.scoreLabel && current) {
        var status = statusOfWord(kind.text);
        if (status === null) { problems.push(say('unknownStatus', { word: kind.text })); } else if (status) { current.status = status; }
      } else if (layout.labelLines[index] && entry) {
        entry[PLAN_FIELD_OF_LABEL[kind.label]] = unescapeValue(kind.text);
      } else if (current && field) {
        if (kind.type !== 'blank' || current[field]) { append(current, field, line); }
      }
    });
    Object.keys(result.indicators).forEach(function (key) {
      var value = result.indicators[key];
      value.reflection = (value.reflection || '').trim();
      value.actions = (value.actions || '').trim();
    });
    if (!result.code && kind !== 'preparation') { result.code = newCode(); }
    return { state: result, count: count, problems: problems, errors: [] };
  }

  // ---------------------------------------------------------------- start

  function render() {
    renderHeader();
    renderIndicators();
    renderPlan();
  }

  main.insertBefore(toolbar, main.firstChild);
  main.insertBefore(bar, main.firstChild);
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

  // For tests: the file text the page would save now.
  window.kennisbankAssessment = { toMarkdown: function () { return toMarkdown(state); }, parse: parseAssessment };
}());
