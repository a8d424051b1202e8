/*
 * Kennisbank: fill in the Kwaliteitskader in the browser.
 *
 * Progressive enhancement of the printable whole-kader form (and the preparation form):
 * without JavaScript the page stays a blank form to print. With it, every indicator gets a
 * status choice and text fields, the header and the Plan van aanpak become editable, work is
 * kept in this browser (localStorage) while typing, and "Opslaan als bestand" writes an
 * assessment file in the format that `kennisbank check` reads. Nothing is ever sent anywhere:
 * this script makes no network request.
 */
(function () {
  'use strict';

  var main = document.querySelector('main[data-fillable]');
  if (!main || !window.localStorage) { return; }

  var kind = main.getAttribute('data-fillable'); // "whole" or "preparation"
  var version = main.getAttribute('data-kader-version') || '';
  var storageKey = 'kennisbank:' + kind + ':' + version;

  var STATUSES = [
    { key: 'opOrde', word: 'op orde', label: 'Op orde', symbol: '●' },
    { key: 'inOntwikkeling', word: 'in ontwikkeling', label: 'In ontwikkeling', symbol: '▲' },
    { key: 'nietOpOrde', word: 'niet op orde', label: 'Niet op orde', symbol: '■' }
  ];
  var STATUS_WORDS = {
    'op orde': 'opOrde', 'groen': 'opOrde',
    'in ontwikkeling': 'inOntwikkeling', 'oranje': 'inOntwikkeling',
    'niet op orde': 'nietOpOrde', 'rood': 'nietOpOrde'
  };
  var ROLES = ['zorgorganisatie', 'woningcorporatie', 'gemeente', 'ervaringsdeskundige', 'belangenbehartiger', 'anders'];
  var PARTIES = ['zorgorganisatie', 'woningcorporatie', 'gemeente', 'anders'];

  var indicators = Array.prototype.map.call(main.querySelectorAll('.form-indicator[data-indicator]'), function (element) {
    return { id: element.getAttribute('data-indicator'), title: element.getAttribute('data-title') || '', element: element };
  });

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
    return {
      praktijk: '', regio: '', datum: '', gespreksleider: '', zichtbaarheid: 'unlisted', code: newCode(),
      namens: '', sessie: '', organisaties: [], indicators: {}, plan: []
    };
  }

  var state = load() || emptyState();

  function load() {
    try {
      var text = window.localStorage.getItem(storageKey);
      return text ? JSON.parse(text) : null;
    } catch (error) {
      return null;
    }
  }

  function save() {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(state));
    } catch (error) {
      announce('Uw werk kon niet in deze browser worden bewaard. Sla het op als bestand.');
    }
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

  var live = el('p', { 'class': 'fill-status', 'role': 'status', 'aria-live': 'polite' });
  function announce(message) { live.textContent = message; }

  // ---------------------------------------------------------------- the toolbar

  var fileInput = el('input', { type: 'file', accept: '.md,.markdown,.txt,text/markdown,text/plain', 'class': 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
  var toolbar = el('section', { 'class': 'fill-toolbar', 'aria-labelledby': 'kb-invullen' }, [
    el('h2', { id: 'kb-invullen', text: 'Invullen in de browser' }),
    el('p', { text: 'Wat u hier invult, blijft alleen in deze browser op deze computer bewaard, ook als u de pagina sluit. Er wordt niets verstuurd. Sla het resultaat op als bestand om het te delen of later verder te werken.' }),
    el('div', { 'class': 'fill-buttons' }, [
      button('Opslaan als bestand', download),
      button('Bestand openen', function () { fileInput.click(); }),
      button('Wis alles', clearAll)
    ]),
    fileInput,
    live
  ]);

  function button(text, action) {
    var node = el('button', { type: 'button', text: text });
    node.addEventListener('click', action);
    return node;
  }

  fileInput.addEventListener('change', function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      var parsed = parseAssessment(String(reader.result));
      state = parsed.state;
      save();
      render();
      announce('Bestand "' + file.name + '" geopend: ' + parsed.count + ' indicatoren ingelezen.' +
        (parsed.problems.length ? ' Let op: ' + parsed.problems.join(' ') : ''));
      fileInput.value = '';
    };
    reader.readAsText(file, 'utf-8');
  });

  function clearAll() {
    if (!window.confirm('Alles wat u op deze pagina hebt ingevuld, wordt gewist. Doorgaan?')) { return; }
    state = emptyState();
    save();
    render();
    announce('Alles is gewist. U kunt opnieuw beginnen.');
  }

  function download() {
    var text = toMarkdown(state);
    var blob = new Blob([text], { type: 'text/markdown;charset=utf-8' });
    var link = el('a', { href: URL.createObjectURL(blob), download: fileName(state) });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    announce('Het bestand "' + fileName(state) + '" is opgeslagen in uw downloads.');
  }

  // ---------------------------------------------------------------- header fields

  var headerSection = main.querySelector('.fill-in');
  var headerArea = el('div', { 'class': 'fill-header' });
  headerSection.querySelector('table').replaceWith(headerArea);

  function renderHeader() {
    headerArea.textContent = '';
    if (kind === 'preparation') {
      headerArea.appendChild(labelled('Voorbereiding, namens', select([''].concat(PARTIES), state.namens, function (value) { state.namens = value; })));
      headerArea.appendChild(labelled('Bijeenkomst (naam die alle deelnemers gebruiken, bijvoorbeeld duinmeer-2025)', textInput(state.sessie, function (value) { state.sessie = value; })));
    }
    headerArea.appendChild(labelled('Praktijk', textInput(state.praktijk, function (value) { state.praktijk = value; })));
    headerArea.appendChild(labelled('Gemeente of regio', textInput(state.regio, function (value) { state.regio = value; })));
    headerArea.appendChild(labelled('Datum bijeenkomst', textInput(state.datum, function (value) { state.datum = value; }, 'date')));
    if (kind === 'whole') {
      headerArea.appendChild(labelled('Gespreksleider', textInput(state.gespreksleider, function (value) { state.gespreksleider = value; })));
      headerArea.appendChild(labelled('Zichtbaarheid van de uitkomst', select(['unlisted', 'public'], state.zichtbaarheid, function (value) { state.zichtbaarheid = value; })));
    }
    var list = el('fieldset', { 'class': 'fill-organisations' }, [el('legend', { text: 'Aanwezige organisaties' })]);
    state.organisaties.forEach(function (organisation, index) {
      var row = el('div', { 'class': 'fill-row' }, [
        labelled('Naam', textInput(organisation.naam, function (value) { organisation.naam = value; })),
        labelled('Rol', select(ROLES, organisation.rol, function (value) { organisation.rol = value; })),
        button('Verwijder organisatie ' + (index + 1), function () { state.organisaties.splice(index, 1); save(); renderHeader(); })
      ]);
      list.appendChild(row);
    });
    list.appendChild(button('Organisatie toevoegen', function () {
      state.organisaties.push({ naam: '', rol: 'zorgorganisatie' });
      save();
      renderHeader();
      var inputs = list.parentNode.querySelectorAll('.fill-organisations input');
      if (inputs.length) { inputs[inputs.length - 1].focus(); }
    }));
    headerArea.appendChild(list);
  }

  // ---------------------------------------------------------------- indicators

  function indicatorState(id) {
    if (!state.indicators[id]) { state.indicators[id] = { status: '', reflectie: '', acties: '' }; }
    return state.indicators[id];
  }

  function enhanceIndicator(indicator) {
    var element = indicator.element;
    var scores = element.querySelector('.scores');
    var fieldset = el('fieldset', { 'class': 'fill-scores' }, [el('legend', { text: 'Kleurscore voor ' + indicator.id })]);
    var name = 'score-' + indicator.id;
    STATUSES.concat([{ key: '', label: 'Nog open', symbol: '○' }]).forEach(function (status) {
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
    scores.replaceWith(fieldset);
    var writes = element.querySelectorAll('.write');
    [['reflectie', 'Reflectie'], ['acties', 'Acties']].forEach(function (field, index) {
      var area = el('textarea', { rows: index === 0 ? '3' : '2' });
      area.addEventListener('input', function () { indicatorState(indicator.id)[field[0]] = area.value; save(); });
      var labelText = (writes[index] && writes[index].querySelector('.write-label')) ? writes[index].querySelector('.write-label').textContent : field[1];
      var wrapper = labelled(labelText + ' (' + indicator.id + ')', area);
      wrapper.setAttribute('data-field', field[0]);
      if (writes[index]) { writes[index].replaceWith(wrapper); } else { element.appendChild(wrapper); }
    });
  }

  function renderIndicators() {
    indicators.forEach(function (indicator) {
      var value = state.indicators[indicator.id] || { status: '', reflectie: '', acties: '' };
      var radios = indicator.element.querySelectorAll('.fill-scores input');
      Array.prototype.forEach.call(radios, function (radio) { radio.checked = radio.value === (value.status || ''); });
      indicator.element.querySelector('[data-field="reflectie"] textarea').value = value.reflectie || '';
      indicator.element.querySelector('[data-field="acties"] textarea').value = value.acties || '';
    });
  }

  // ---------------------------------------------------------------- plan van aanpak

  var planSection = el('section', { 'class': 'fill-plan', 'aria-labelledby': 'kb-plan-invullen' });
  function renderPlan() {
    planSection.textContent = '';
    planSection.appendChild(el('h2', { id: 'kb-plan-invullen', text: 'Plan van aanpak' }));
    planSection.appendChild(el('p', { text: 'Per actie: wat er moet gebeuren, wie, wanneer, met welk doel, en bij welke indicatoren (bijvoorbeeld P1.05, S.03).' }));
    state.plan.forEach(function (entry, index) {
      var fields = [['wat', 'Wat (actie)'], ['wie', 'Wie'], ['wanneer', 'Wanneer'], ['doel', 'Doel'], ['indicatoren', 'Indicatoren']];
      var row = el('fieldset', { 'class': 'fill-plan-row' }, [el('legend', { text: 'Actie ' + (index + 1) })]);
      fields.forEach(function (field) {
        row.appendChild(labelled(field[1], textInput(entry[field[0]], function (value) { entry[field[0]] = value; })));
      });
      row.appendChild(button('Verwijder actie ' + (index + 1), function () { state.plan.splice(index, 1); save(); renderPlan(); }));
      planSection.appendChild(row);
    });
    planSection.appendChild(button('Actie toevoegen', function () {
      state.plan.push({ wat: '', wie: '', wanneer: '', doel: '', indicatoren: '' });
      save();
      renderPlan();
      var rows = planSection.querySelectorAll('.fill-plan-row');
      rows[rows.length - 1].querySelector('input').focus();
    }));
  }

  // ---------------------------------------------------------------- the assessment file

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

  function fileName(current) {
    if (kind === 'preparation') {
      return 'voorbereiding-' + (slug(current.namens) || 'deelnemer') + '-' + (slug(current.sessie) || 'bijeenkomst') + '.md';
    }
    return 'zelfevaluatie-' + (slug(current.praktijk) || 'praktijk') + (current.datum ? '-' + current.datum : '') + '.md';
  }

  function toMarkdown(current) {
    var lines = ['---'];
    lines.push('praktijk: ' + yamlString(current.praktijk));
    if (current.regio) { lines.push('regio: ' + yamlString(current.regio)); }
    if (current.datum) { lines.push('datum: ' + current.datum); }
    lines.push('kader: ' + yamlString(version));
    var organisations = current.organisaties.filter(function (organisation) { return organisation.naam; });
    if (organisations.length) {
      lines.push('organisaties:');
      organisations.forEach(function (organisation) {
        lines.push('  - naam: ' + yamlString(organisation.naam));
        lines.push('    rol: ' + organisation.rol);
      });
    }
    if (kind === 'preparation') {
      lines.push('voorbereiding: true');
      if (current.namens) { lines.push('namens: ' + current.namens); }
      if (current.sessie) { lines.push('sessie: ' + yamlString(current.sessie)); }
      lines.push('zichtbaarheid: unlisted');
    } else {
      if (current.gespreksleider) { lines.push('gespreksleider: ' + yamlString(current.gespreksleider)); }
      lines.push('zichtbaarheid: ' + current.zichtbaarheid);
    }
    if (current.code) { lines.push('code: ' + current.code); }
    lines.push('---', '');
    indicators.forEach(function (indicator) {
      var value = current.indicators[indicator.id];
      if (!value || (!value.status && !value.reflectie && !value.acties)) { return; }
      lines.push('## ' + indicator.id + ' ' + indicator.title, '');
      var status = STATUSES.filter(function (item) { return item.key === value.status; })[0];
      if (status) { lines.push('**Kleurscore:** ' + status.word, ''); }
      if (value.reflectie && value.reflectie.trim()) { lines.push('### Reflectie', '', block(value.reflectie), ''); }
      if (value.acties && value.acties.trim()) { lines.push('### Acties', '', block(value.acties), ''); }
    });
    var plan = current.plan.filter(function (entry) { return entry.wat && entry.wat.trim(); });
    if (plan.length) {
      lines.push('## Plan van aanpak', '');
      plan.forEach(function (entry) {
        lines.push('### ' + entry.wat.replace(/\s+/g, ' ').trim(), '');
        [['Wie', 'wie'], ['Wanneer', 'wanneer'], ['Doel', 'doel'], ['Indicatoren', 'indicatoren']].forEach(function (field) {
          var text = (entry[field[1]] || '').replace(/\s+/g, ' ').trim();
          if (text) { lines.push('- **' + field[0] + ':** ' + text); }
        });
        lines.push('');
      });
    }
    return lines.join('\n').replace(/\n+$/, '') + '\n';
  }

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

  /** Reads an assessment file, hand-written or saved here, into the form's state. */
  function parseAssessment(text) {
    var result = emptyState();
    result.code = '';
    var problems = [];
    var count = 0;
    var lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
    var index = 0;
    if (lines[0] && lines[0].trim() === '---') {
      index = 1;
      var organisation = null;
      var inOrganisations = false;
      for (; index < lines.length && lines[index].trim() !== '---'; index++) {
        var line = lines[index];
        var item = /^\s*-\s*naam:\s*(.*)$/.exec(line);
        var role = /^\s+rol:\s*(.*)$/.exec(line);
        var pair = /^([a-z]+):\s*(.*)$/.exec(line);
        if (inOrganisations && item) {
          organisation = { naam: yamlValue(item[1]), rol: 'zorgorganisatie' };
          result.organisaties.push(organisation);
        } else if (inOrganisations && role && organisation) {
          organisation.rol = yamlValue(role[1]).toLowerCase();
        } else if (pair) {
          inOrganisations = pair[1] === 'organisaties';
          if (pair[1] in result && pair[1] !== 'organisaties' && pair[1] !== 'indicators' && pair[1] !== 'plan') {
            result[pair[1]] = yamlValue(pair[2]);
          }
        }
      }
      index += 1;
    }
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
      var score = /^\*\*Kleurscore:\*\*\s*(.*)$/.exec(body.trim());
      var planItem = /^\s*[-*]\s+\*\*(Wie|Wanneer|Doel|Indicatoren):\*\*\s*(.*)$/.exec(body);
      if (h2) {
        field = null;
        entry = null;
        inPlan = h2[1].trim().toLowerCase() === 'plan van aanpak';
        current = null;
        if (!inPlan) {
          var id = h2[1].trim().split(/\s+/)[0];
          if (indicators.some(function (indicator) { return indicator.id === id; })) {
            current = { status: '', reflectie: '', acties: '' };
            result.indicators[id] = current;
            count += 1;
          } else {
            problems.push('Onbekende indicator ' + id + ' overgeslagen.');
          }
        }
      } else if (h3 && inPlan) {
        entry = { wat: h3[1].trim(), wie: '', wanneer: '', doel: '', indicatoren: '' };
        result.plan.push(entry);
      } else if (h3 && current) {
        var name = h3[1].trim().toLowerCase();
        field = name === 'reflectie' ? 'reflectie' : (name === 'acties' ? 'acties' : null);
      } else if (score && current) {
        var word = score[1].trim().toLowerCase().replace(/\s+/g, ' ');
        if (STATUS_WORDS[word]) { current.status = STATUS_WORDS[word]; } else if (word !== 'open' && word !== '') {
          problems.push('Onbekende kleurscore "' + score[1].trim() + '" overgeslagen.');
        }
      } else if (planItem && entry) {
        entry[planItem[1].toLowerCase()] = planItem[2].trim();
      } else if (current && field) {
        if (body.trim() || current[field]) { append(current, field, body); }
      } else if (current && body.trim()) {
        append(current, 'reflectie', body);
      }
    }
    Object.keys(result.indicators).forEach(function (key) {
      var value = result.indicators[key];
      value.reflectie = (value.reflectie || '').trim();
      value.acties = (value.acties || '').trim();
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
