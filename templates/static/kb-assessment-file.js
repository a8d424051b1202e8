/*
 * Kennisbank: assessment files in the browser: the work of a form as data (its state), the
 * file written from it, and a file read back into it, by the format the build writes into the
 * page (kb-fill-data.js) and its line rules (kb-format-lines.js). The same format as
 * Sources/Kader/AssessmentFile.swift writes and the site reads.
 *
 * Kennisbank.assessmentFile(data, options): options.kind is "whole" (an assessment) or
 * "preparation", options.version the kader version, options.indicators the kader's
 * indicators ({id, title}) in the order the file lists them.
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank = window.Kennisbank || {};

  /** Whether `text` is a date the site reads (`YYYY-MM-DD`, a day that exists). */
  Kennisbank.isValidDate = function (text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) { return false; }
    var day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return day.getUTCFullYear() === Number(match[1]) && day.getUTCMonth() === Number(match[2]) - 1 && day.getUTCDate() === Number(match[3]);
  };

  /** Whether `code` is a session code the site accepts: lower-case letters and digits, at least `format.codeMinimumLength`. */
  Kennisbank.isSessionCode = function (format, code) {
    return /^[a-z0-9]+$/.test(code) && code.length >= format.codeMinimumLength;
  };

  Kennisbank.assessmentFile = function (data, options) {
    var say = data.say;
    var kind = options.kind;
    var version = options.version;
    var indicators = options.indicators;

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
    var HEADER_FIELDS = ['practice', 'region', 'date', 'facilitator', 'visibility', 'code', 'party', 'session', 'participant', 'publication'];
    /**
     * The yes-or-no front-matter values, kept as `true` or `false`: `personalDataChecked`
     * (written only for a public assessment, when the user ticked that they checked it for
     * personal data) and `example` (a fictional practice, kept as an opened file has it).
     */
    var FLAG_FIELDS = ['personalDataChecked', 'example'];
    var YES_WORDS = FORMAT.yesWords || ['true'];
    /** The labelled items of one plan action, by their names in `FORMAT.planFields`, in the file's order. */
    var PLAN_FIELDS = ['who', 'when', 'goal', 'indicators'];

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

    var lines = Kennisbank.formatLines(FORMAT, PLAN_FIELDS);
    var scanLines = lines.scanLines, layoutOf = lines.layoutOf, block = lines.block, unblock = lines.unblock;
    var planValue = lines.planValue, unescapeValue = lines.unescapeValue, oneLine = lines.oneLine;

    // ---------------------------------------------------------------- the work as data

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
      FLAG_FIELDS.forEach(function (name) { result[name] = false; });
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

    // ---------------------------------------------------------------- writing the assessment file

    function yamlString(value) {
      return '"' + String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n') + '"';
    }

    function slug(value) {
      return String(value).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
        .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    }

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
        // Said only when the user ticked it, and only where it counts: a public file.
        if (current.visibility === FORMAT.publicVisibility && current.personalDataChecked === true) {
          lines.push(KEYS.personalDataChecked + ': true');
        }
      }
      if (current.code) { lines.push(KEYS.code + ': ' + current.code); }
      if (current.example === true) { lines.push(KEYS.example + ': true'); }
      // Kept as the file said it (`publicatie: samenvatting`); the form has no field for it.
      if (kind !== 'preparation' && String(current.publication || '').trim()) { lines.push(KEYS.publication + ': ' + yamlString(current.publication.trim())); }
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

    /**
     * Reads the front matter from `lines[0]` into `result` (and the kader version the file names,
     * which is no part of the work, into `header.version`); returns the index of the first body line.
     */
    function readFrontMatter(lines, result, header) {
      if (!lines[0] || lines[0].trim() !== '---') { return 0; }
      var organisation = null;
      var inOrganisations = false;
      var index = 1;
      for (; index < lines.length && lines[index].trim() !== '---'; index++) {
        var line = lines[index];
        var item = ORGANISATION_LINE.exec(line);
        var role = ROLE_LINE.exec(line);
        var pair = /^([a-z_]+):\s*(.*)$/.exec(line);
        if (inOrganisations && item) {
          organisation = { name: yamlValue(item[1]), role: ROLES[0] };
          result.organisations.push(organisation);
        } else if (inOrganisations && role && organisation) {
          organisation.role = yamlValue(role[1]).toLowerCase();
        } else if (pair) {
          inOrganisations = pair[1] === KEYS.organisations;
          var name = FIELD_OF_KEY[pair[1]];
          if (HEADER_FIELDS.indexOf(name) >= 0) { result[name] = yamlValue(pair[2]); }
          if (FLAG_FIELDS.indexOf(name) >= 0) { result[name] = YES_WORDS.indexOf(yamlValue(pair[2]).toLowerCase()) >= 0; }
          if (pair[1] === KEYS.kader) { header.version = yamlValue(pair[2]); }
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
     * `errors` then says why, line by line, as the site would refuse it. `version` is the
     * kader version the file names (`kader:`), null when it names none.
     */
    function parseAssessment(text) {
      var result = emptyState();
      result.code = '';
      var problems = [];
      var count = 0;
      var header = { version: null };
      var lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
      var start = readFrontMatter(lines, result, header);
      var body = lines.slice(start);
      var scan = scanLines(body);
      var layout = layoutOf(scan);
      if (layout.problems.length) {
        return { state: null, count: 0, problems: [], version: header.version, errors: layout.problems.map(function (problem) {
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
      return { state: result, count: count, problems: problems, errors: [], version: header.version };
    }

    return {
      FORMAT: FORMAT, KEYS: KEYS, HEADER_FIELDS: HEADER_FIELDS, FLAG_FIELDS: FLAG_FIELDS, PLAN_FIELDS: PLAN_FIELDS,
      newCode: newCode, emptyState: emptyState, emptyIndicator: emptyIndicator, emptyPlanEntry: emptyPlanEntry,
      hasContent: hasContent, fromStorage: fromStorage, statusByKey: statusByKey, statusOfWord: statusOfWord,
      fileName: fileName, toMarkdown: toMarkdown, parse: parseAssessment, slug: slug, oneLine: oneLine
    };
  };
}());
