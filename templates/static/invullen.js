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
 * Where the words come from: this script holds no word of the file format and no interface
 * text. The build writes both into the page, as JSON in
 * <script type="application/json" id="kb-invuldata"> (a file next to the page could not be
 * read from file://), made by Sources/KennisbankRender/FillData.swift:
 *   format   AssessmentFormat.description (Sources/Kader/AssessmentFormat.swift): the
 *            front-matter keys, the organisation keys, the score label, the headings, the plan
 *            fields, the statuses with their words and colours, the open words, the roles,
 *            the parties and the visibilities;
 *   symbols  the shape of each status, by status key;
 *   labels   the interface words: the `fill:` table of templates/strings/nl.yml, texts with
 *            {name} placeholders.
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
  var ROLES = FORMAT.roles.map(choiceKey);
  var PARTIES = FORMAT.parties.map(choiceKey);
  var VISIBILITIES = FORMAT.visibilities.map(choiceKey);

  /** The front-matter values the form keeps as text, by their names in `KEYS`. */
  var HEADER_FIELDS = ['practice', 'region', 'date', 'facilitator', 'visibility', 'code', 'party', 'session'];
  /** The labelled items of one plan action, by their names in `FORMAT.planFields`, in the file's order. */
  var PLAN_FIELDS = ['who', 'when', 'goal', 'indicators'];

  var kind = main.getAttribute('data-fillable'); // "whole" or "preparation"
  var version = main.getAttribute('data-kader-version') || '';
  var storageKey = 'kennisbank:' + kind + ':' + version;

  var indicators = Array.prototype.map.call(main.querySelectorAll('.form-indicator[data-indicator]'), function (element) {
    return { id: element.getAttribute('data-indicator'), title: element.getAttribute('data-title') || '', element: element };
  });

  // ---------------------------------------------------------------- the data in the page

  function choiceKey(choice) { return choice.key; }

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
    result.code = newCode();
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

  function select(options, value, onChange) {
    var control = el('select');
    options.forEach(function (option) {
      var item = el('option', { value: option, text: option });
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

  // ---------------------------------------------------------------- the toolbar

  var fileInput = el('input', { type: 'file', accept: '.md,.markdown,.txt,text/markdown,text/plain', 'class': 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
  var toolbar = el('section', { 'class': 'fill-toolbar', 'aria-labelledby': 'kb-invullen' }, [
    el('h2', { id: 'kb-invullen', text: say('toolbarTitle') }),
    el('p', { text: say('toolbarIntro') }),
    el('div', { 'class': 'fill-buttons' }, [
      button(say('saveFile'), download),
      button(say('openFile'), function () { fileInput.click(); }),
      button(say('clearAll'), clearAll)
    ]),
    fileInput,
    live
  ]);

  fileInput.addEventListener('change', function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      var parsed = parseAssessment(String(reader.result));
      state = parsed.state;
      save();
      render();
      announce(say('opened', { name: file.name, count: parsed.count }) +
        (parsed.problems.length ? ' ' + say('problems', { problems: parsed.problems.join(' ') }) : ''));
      fileInput.value = '';
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
  var headerArea = el('div', { 'class': 'fill-header' });
  headerSection.querySelector('table').replaceWith(headerArea);

  /** A labelled text field for the header value `name`. */
  function headerInput(labelKey, name, type) {
    return labelled(say(labelKey), textInput(state[name], function (value) { state[name] = value; }, type));
  }

  /** A labelled choice for the header value `name`. */
  function headerSelect(labelKey, name, options) {
    return labelled(say(labelKey), select(options, state[name], function (value) { state[name] = value; }));
  }

  function renderHeader() {
    headerArea.textContent = '';
    if (kind === 'preparation') {
      headerArea.appendChild(headerSelect('party', 'party', [''].concat(PARTIES)));
      headerArea.appendChild(headerInput('session', 'session'));
    }
    headerArea.appendChild(headerInput('practice', 'practice'));
    headerArea.appendChild(headerInput('region', 'region'));
    headerArea.appendChild(headerInput('date', 'date', 'date'));
    if (kind === 'whole') {
      headerArea.appendChild(headerInput('facilitator', 'facilitator'));
      headerArea.appendChild(headerSelect('visibility', 'visibility', VISIBILITIES));
    }
    headerArea.appendChild(organisationList());
  }

  function organisationList() {
    var list = el('fieldset', { 'class': 'fill-organisations' }, [el('legend', { text: say('organisations') })]);
    state.organisations.forEach(function (organisation, index) {
      list.appendChild(el('div', { 'class': 'fill-row' }, [
        labelled(say('organisationName'), textInput(organisation.name, function (value) { organisation.name = value; })),
        labelled(say('organisationRole'), select(ROLES, organisation.role, function (value) { organisation.role = value; })),
        button(say('removeOrganisation', { number: index + 1 }), function () { state.organisations.splice(index, 1); save(); renderHeader(); })
      ]));
    });
    list.appendChild(button(say('addOrganisation'), function () {
      state.organisations.push({ name: '', role: ROLES[0] });
      save();
      renderHeader();
      var inputs = headerArea.querySelectorAll('.fill-organisations input');
      if (inputs.length) { inputs[inputs.length - 1].focus(); }
    }));
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
      return { key: status.key, label: status.label, symbol: data.symbols[status.key] };
    }).concat([{ key: '', label: say('notScored'), symbol: say('openSymbol') }]);
  }

  function scoreFieldset(indicator) {
    var fieldset = el('fieldset', { 'class': 'fill-scores' }, [el('legend', { text: say('scoreFor', { id: indicator.id }) })]);
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

  function enhanceIndicator(indicator) {
    var element = indicator.element;
    element.querySelector('.scores').replaceWith(scoreFieldset(indicator));
    var writes = element.querySelectorAll('.write');
    [['reflection', say('reflection')], ['actions', say('actions')]].forEach(function (field, index) {
      var area = el('textarea', { rows: index === 0 ? '3' : '2' });
      area.addEventListener('input', function () { indicatorState(indicator.id)[field[0]] = area.value; save(); });
      var printed = writes[index] && writes[index].querySelector('.write-label');
      var wrapper = labelled(say('fieldFor', { label: printed ? printed.textContent : field[1], id: indicator.id }), area);
      wrapper.setAttribute('data-field', field[0]);
      if (writes[index]) { writes[index].replaceWith(wrapper); } else { element.appendChild(wrapper); }
    });
  }

  function renderIndicators() {
    indicators.forEach(function (indicator) {
      var value = state.indicators[indicator.id] || emptyIndicator();
      var radios = indicator.element.querySelectorAll('.fill-scores input');
      Array.prototype.forEach.call(radios, function (radio) { radio.checked = radio.value === (value.status || ''); });
      indicator.element.querySelector('[data-field="reflection"] textarea').value = value.reflection || '';
      indicator.element.querySelector('[data-field="actions"] textarea').value = value.actions || '';
    });
  }

  // ---------------------------------------------------------------- plan van aanpak

  var planSection = el('section', { 'class': 'fill-plan', 'aria-labelledby': 'kb-plan-invullen' });

  /** The fields of a plan row with their labels: the action, then the file's own labels. */
  function planRowFields() {
    return [['what', say('planWhat')]].concat(PLAN_FIELDS.map(function (name) { return [name, FORMAT.planFields[name]]; }));
  }

  function planRow(entry, index) {
    var row = el('fieldset', { 'class': 'fill-plan-row' }, [el('legend', { text: say('action', { number: index + 1 }) })]);
    planRowFields().forEach(function (field) {
      row.appendChild(labelled(field[1], textInput(entry[field[0]], function (value) { entry[field[0]] = value; })));
    });
    row.appendChild(button(say('removeAction', { number: index + 1 }), function () { state.plan.splice(index, 1); save(); renderPlan(); }));
    return row;
  }

  function renderPlan() {
    planSection.textContent = '';
    planSection.appendChild(el('h2', { id: 'kb-plan-invullen', text: say('planTitle') }));
    planSection.appendChild(el('p', { text: say('planIntro') }));
    state.plan.forEach(function (entry, index) { planSection.appendChild(planRow(entry, index)); });
    planSection.appendChild(button(say('addAction'), function () {
      state.plan.push(emptyPlanEntry());
      save();
      renderPlan();
      var rows = planSection.querySelectorAll('.fill-plan-row');
      rows[rows.length - 1].querySelector('input').focus();
    }));
  }

  // ---------------------------------------------------------------- writing the assessment file

  function yamlString(value) {
    return '"' + String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n') + '"';
  }

  function slug(value) {
    return String(value).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }

  /** Text as Markdown that cannot start a heading of the file's structure. */
  function block(text) {
    return String(text).replace(/\r\n?/g, '\n').split('\n').map(function (line) {
      return /^ {0,3}#/.test(line) ? line.replace('#', '\\#') : line;
    }).join('\n').trim();
  }

  /** A line of the file's bold labels: `**Kleurscore:** op orde`, `**Wie:** ...`. */
  function boldLabel(label, text) { return '**' + label + ':** ' + text; }

  function oneLine(text) { return (text || '').replace(/\s+/g, ' ').trim(); }

  function fileName(current) {
    if (kind === 'preparation') {
      return say('preparationFile', { party: slug(current.party) || say('defaultParty'),
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
      lines.push('### ' + oneLine(entry.what), '');
      PLAN_FIELDS.forEach(function (name) {
        var text = oneLine(entry[name]);
        if (text) { lines.push('- ' + boldLabel(FORMAT.planFields[name], text)); }
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

  /** Reads an assessment file, hand-written or saved here, into the form's state. */
  function parseAssessment(text) {
    var result = emptyState();
    result.code = '';
    var problems = [];
    var count = 0;
    var lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
    var index = readFrontMatter(lines, result);
    var current = null;
    var field = null;
    var entry = null;
    var inPlan = false;
    function append(target, key, line) {
      var unescaped = line.replace(/^( {0,3})\\#/, '$1#');
      target[key] = target[key] ? target[key] + '\n' + unescaped : unescaped;
    }
    for (; index < lines.length; index++) {
      var body = lines[index];
      var h2 = /^##\s+(.*)$/.exec(body);
      var h3 = /^###\s+(.*)$/.exec(body);
      var score = SCORE_LINE.exec(body.trim());
      var planItem = PLAN_ITEM_LINE.exec(body);
      if (h2) {
        field = null;
        entry = null;
        inPlan = h2[1].trim().toLowerCase() === FORMAT.planHeading.toLowerCase();
        current = null;
        if (!inPlan) {
          var id = h2[1].trim().split(/\s+/)[0];
          if (indicators.some(function (indicator) { return indicator.id === id; })) {
            current = emptyIndicator();
            result.indicators[id] = current;
            count += 1;
          } else {
            problems.push(say('unknownIndicator', { id: id }));
          }
        }
      } else if (h3 && inPlan) {
        entry = emptyPlanEntry();
        entry.what = h3[1].trim();
        result.plan.push(entry);
      } else if (h3 && current) {
        field = textFieldOfHeading(h3[1]);
      } else if (score && current) {
        var status = statusOfWord(score[1]);
        if (status === null) { problems.push(say('unknownStatus', { word: score[1].trim() })); } else if (status) { current.status = status; }
      } else if (planItem && entry) {
        entry[PLAN_FIELD_OF_LABEL[planItem[1]]] = planItem[2].trim();
      } else if (current && field) {
        if (body.trim() || current[field]) { append(current, field, body); }
      } else if (current && body.trim()) {
        append(current, 'reflection', body);
      }
    }
    Object.keys(result.indicators).forEach(function (key) {
      var value = result.indicators[key];
      value.reflection = (value.reflection || '').trim();
      value.actions = (value.actions || '').trim();
    });
    if (!result.code) { result.code = newCode(); }
    return { state: result, count: count, problems: problems };
  }

  // ---------------------------------------------------------------- start

  function render() {
    renderHeader();
    renderIndicators();
    renderPlan();
  }

  main.insertBefore(toolbar, main.firstChild);
  indicators.forEach(enhanceIndicator);
  var last = main.querySelectorAll('.form-part');
  if (kind === 'whole' && last.length) {
    last[last.length - 1].after(planSection);
  }
  document.documentElement.classList.add('kb-fillable');
  render();

  // For tests: the file text the page would save now.
  window.kennisbankAssessment = { toMarkdown: function () { return toMarkdown(state); }, parse: parseAssessment };
}());
