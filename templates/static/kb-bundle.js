/*
 * Kennisbank: the page where the facilitator bundles the participants' preparation files
 * (bundelen.html). The files are chosen or dropped here, in as many rounds as needed, and removed
 * one by one; each is read by the site's own format (kb-assessment-file.js). The page shows the
 * session's overview as the build makes it for published preparations: the order of
 * Sources/Kader/PreparationOverview.swift and the look of templates/preparation.mustache.
 * "Start het gezamenlijke formulier" hands the session and the statuses all participants agree
 * on to the joint form through localStorage. Nothing leaves the computer, and no text of a file
 * is ever read as HTML. It gets the format, the kader and its words as data (kb-fill-data.js).
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank;
  var root = document.getElementById('kb-bundle');
  var data = Kennisbank && Kennisbank.fillData && Kennisbank.fillData();
  if (!root || !data || !data.kader) { return; }

  var say = data.say;
  var el = Kennisbank.dom.el;
  var uid = Kennisbank.dom.uid;
  var FORMAT = data.format;
  var NAMES = data.names;
  /** The file's word for each front-matter key (`namens`, `sessie` ...), for the reasons a file is refused. */
  var KEYS = FORMAT.keys;
  var VERSION = data.kader.version;
  /** A preparation is a few dozen kilobytes; anything far larger is not one. */
  var MAXIMUM_MEGABYTES = 2;
  var MAXIMUM_BYTES = MAXIMUM_MEGABYTES * 1024 * 1024;

  /** The kader's indicators ({id, title, anchor}) in the kader's order. */
  var INDICATORS = [];
  data.kader.parts.forEach(function (part) {
    part.indicators.forEach(function (indicator) { INDICATORS.push(indicator); });
  });
  var file = Kennisbank.assessmentFile(data, { kind: 'preparation', version: VERSION, indicators: INDICATORS });

  /** Every file opened, in the order opened: {key, name, result (the parse) or reason (why it was not read)}. */
  var opened = [];
  var nextKey = 1;

  // ---------------------------------------------------------------- which files count

  /** Compares as Swift's String `<` does: by the Unicode scalars of the NFC forms. */
  function compareText(left, right) {
    var a = String(left).normalize('NFC');
    var b = String(right).normalize('NFC');
    var i = 0;
    var j = 0;
    while (i < a.length && j < b.length) {
      var x = a.codePointAt(i);
      var y = b.codePointAt(j);
      if (x !== y) { return x < y ? -1 : 1; }
      i += x > 0xFFFF ? 2 : 1;
      j += y > 0xFFFF ? 2 : 1;
    }
    return (a.length - i) === 0 ? ((b.length - j) === 0 ? 0 : -1) : 1;
  }

  /** The participant (`deelnemer:`) without spaces around it, '' when not given. */
  function participantOf(state) { return String(state.participant || '').trim(); }

  /** Why the site would refuse a file on its own (as `kennisbank check` does), or null. */
  function ownReason(entry) {
    if (entry.reason) { return entry.reason; }
    var result = entry.result;
    var problems = result.errors.concat(result.problems);
    if (problems.length) { return say('bundleNotRead', { problems: problems.join(' ') }); }
    var state = result.state;
    var party = String(state.party || '').toLowerCase();
    if (!party) { return say('bundleNotPreparation', { key: KEYS.party }); }
    if (FORMAT.roles.indexOf(party) < 0) { return say('bundleUnknownParty', { party: state.party, key: KEYS.party }); }
    if (result.version !== null && result.version !== VERSION) {
      return say('bundleOtherVersion', { version: result.version, expected: VERSION });
    }
    if (!state.session) { return say('bundleNoSession', { key: KEYS.session }); }
    if (!Kennisbank.isSessionCode(FORMAT, state.code)) { return say('bundleNoCode', { key: KEYS.code }); }
    var participant = participantOf(state);
    if (/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(participant) || Array.from(participant).length > FORMAT.participantMaximumLength) {
      return say('bundleParticipantInvalid', { maximum: FORMAT.participantMaximumLength, key: KEYS.participant });
    }
    if (!String(state.practice || '').trim()) { return say('bundleNoPractice', { key: KEYS.practice }); }
    if (!Kennisbank.isValidDate(state.date)) { return say('bundleNoDate', { key: KEYS.date }); }
    return null;
  }

  function sessionKey(state) { return state.code + '\n' + state.session; }

  /** A participant's column name: the party, with the participant when the file names one. */
  function partyWithParticipant(label, participant) {
    return participant ? say('bundleParticipant', { party: label, participant: participant }) : label;
  }

  /**
   * Every opened file with whether it counts (`preparation`) or why not (`reason`): a file the
   * site would refuse, one of another session than most of the others (the first opened wins a
   * tie), and a second file of the same party and participant (the first opened counts).
   */
  function classify() {
    var entries = opened.map(function (entry) {
      var reason = ownReason(entry);
      return { entry: entry, reason: reason, state: reason ? null : entry.result.state };
    });
    var votes = {};
    var session = null;
    entries.forEach(function (item) {
      if (!item.state) { return; }
      var key = sessionKey(item.state);
      votes[key] = (votes[key] || 0) + 1;
      if (session === null || votes[key] > votes[session]) { session = key; }
    });
    var first = entries.filter(function (item) { return item.state && sessionKey(item.state) === session; })[0];
    var seen = {};
    entries.forEach(function (item) {
      if (!item.state) { return; }
      var state = item.state;
      if (state.code !== first.state.code) {
        item.reason = say('bundleOtherCode', { code: state.code, expected: first.state.code });
      } else if (state.session !== first.state.session) {
        item.reason = say('bundleOtherSession', { session: state.session, expected: first.state.session });
      } else {
        var party = state.party.toLowerCase();
        var key = party + '/' + file.slug(participantOf(state));
        if (seen[key]) {
          item.reason = say('bundleDuplicate', { party: partyWithParticipant(NAMES.roles[party], participantOf(state)), other: seen[key] });
        } else {
          seen[key] = item.entry.name;
        }
      }
      if (item.reason) { item.state = null; }
    });
    return entries;
  }

  // ---------------------------------------------------------------- the overview

  /** The organisation's name alone when it starts with the party's word ("Gemeente Duinmeer"). */
  function withoutRepeatedName(column) {
    var name = column.name;
    if (!name || !column.label) { return column; }
    function fold(text) { return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
    var label = fold(column.label);
    for (var end = 1; end <= name.length; end++) {
      if (fold(name.slice(0, end)) === label && (end === name.length || name.charAt(end) === ' ')) {
        return { label: name, name: null, participant: column.participant };
      }
    }
    return column;
  }

  /** The overview of the counted files, as PreparationOverview.swift and `overviewValues` make it. */
  function overviewOf(preparations) {
    var roles = FORMAT.roles;
    var ordered = preparations.slice().sort(function (left, right) {
      var a = roles.indexOf(left.state.party.toLowerCase());
      var b = roles.indexOf(right.state.party.toLowerCase());
      if (a !== b) { return a - b; }
      var byParticipant = compareText(participantOf(left.state), participantOf(right.state));
      return byParticipant || compareText(left.name, right.name);
    });
    var columns = ordered.map(function (preparation) {
      var party = preparation.state.party.toLowerCase();
      var own = preparation.state.organisations.filter(function (organisation) { return organisation.role === party; })[0];
      return withoutRepeatedName({ label: NAMES.roles[party], name: own ? own.name : null,
                                   participant: participantOf(preparation.state) || null });
    });
    var rows = INDICATORS.map(function (indicator, index) {
      var statuses = ordered.map(function (preparation) {
        var value = preparation.state.indicators[indicator.id];
        return value && value.status ? value.status : null;
      });
      var chosen = statuses.filter(function (status, position) { return status && statuses.indexOf(status) === position; });
      var disagreement = chosen.length > 1;
      var attention = disagreement ? 0 : chosen.indexOf('nietOpOrde') >= 0 ? 1 : chosen.indexOf('inOntwikkeling') >= 0 ? 2 : 3;
      var notes = [];
      ordered.forEach(function (preparation) {
        var value = preparation.state.indicators[indicator.id];
        if (value && (value.reflection || value.actions)) {
          notes.push({ party: partyWithParticipant(NAMES.roles[preparation.state.party.toLowerCase()], participantOf(preparation.state)),
                       reflection: value.reflection, actions: value.actions });
        }
      });
      return { indicator: indicator, index: index, statuses: statuses, disagreement: disagreement, attention: attention, notes: notes };
    });
    // Within each level of attention, the kader's order.
    rows.sort(function (left, right) { return left.attention - right.attention || left.index - right.index; });
    return {
      preparations: ordered, columns: columns, rows: rows,
      disagreements: rows.filter(function (row) { return row.disagreement; }).length
    };
  }

  /**
   * A date of the file (YYYY-MM-DD) as the site's language writes it ("10 maart 2026"), by the
   * browser's calendar for the page's locale (its `og:locale`, `nl_NL`, from the strings file).
   */
  function shownDate(text) {
    var parts = text.split('-').map(Number);
    var locale = document.querySelector('meta[property="og:locale"]');
    try {
      return new Intl.DateTimeFormat(locale ? locale.getAttribute('content').replace('_', '-') : document.documentElement.lang,
                                     { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
        .format(new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])));
    } catch (error) {
      return text;
    }
  }

  /** A status as the generated pages show it (partials/status-label): shape and words. */
  function statusLabel(status) {
    if (!status) {
      return el('span', { 'class': 'status status-open' }, [
        el('span', { 'class': 'status-symbol', 'aria-hidden': 'true', text: say('openSymbol') }),
        document.createTextNode(' ' + say('notScored'))]);
    }
    return el('span', { 'class': 'status status-' + status }, [
      el('span', { 'class': 'status-symbol', 'aria-hidden': 'true', text: data.symbols[status] }),
      document.createTextNode(' ' + NAMES.statuses[status])]);
  }

  function attentionWord(attention) {
    return [say('bundleDisagreement'), say('bundleNietOpOrde'), say('bundleInOntwikkeling')][attention] || null;
  }

  function anchorOf(row) { return 'bundel-' + row.indicator.anchor; }

  function overviewTable(overview) {
    var head = el('tr', {}, [el('th', { scope: 'col', text: say('bundleIndicator') })]);
    overview.columns.forEach(function (column) {
      var cell = el('th', { scope: 'col', text: column.label });
      if (column.name) { cell.appendChild(document.createTextNode(' ')); cell.appendChild(el('span', { 'class': 'party-org', text: column.name })); }
      if (column.participant) { cell.appendChild(document.createTextNode(' ')); cell.appendChild(el('span', { 'class': 'party-participant', text: column.participant })); }
      head.appendChild(cell);
    });
    head.appendChild(el('th', { scope: 'col', text: say('bundleAttention') }));
    var body = el('tbody');
    overview.rows.forEach(function (row) {
      var title = [el('span', { 'class': 'indicator-id', text: row.indicator.id }), document.createTextNode(' ' + row.indicator.title)];
      var heading = el('th', { scope: 'row' }, row.notes.length ? [el('a', { href: '#' + anchorOf(row) }, title)] : title);
      var line = el('tr', row.disagreement ? { 'class': 'disagreement' } : {}, [heading]);
      row.statuses.forEach(function (status, position) {
        var column = overview.columns[position];
        line.appendChild(el('td', {}, [
          el('span', { 'class': 'cell-label', 'aria-hidden': 'true', text: partyWithParticipant(column.label, column.participant) }),
          document.createTextNode(' '), statusLabel(status)]));
      });
      var word = attentionWord(row.attention);
      line.appendChild(el('td', {}, word ? [
        el('span', { 'class': 'cell-label', 'aria-hidden': 'true', text: say('bundleAttention') }),
        document.createTextNode(' '), el('strong', { text: word })] : []));
      body.appendChild(line);
    });
    return el('table', { 'class': 'summary preparation-table card-table' }, [
      el('caption', { text: say('bundleCaption') }), el('thead', {}, [head]), body]);
  }

  function notesSection(overview) {
    var headingId = uid('toelichtingen');
    var section = el('section', { 'class': 'bundle-notes', 'aria-labelledby': headingId }, [
      el('h2', { id: headingId, text: say('bundleNotesTitle') })]);
    var any = false;
    overview.rows.forEach(function (row) {
      if (!row.notes.length) { return; }
      any = true;
      var titleId = 'kb-titel-' + anchorOf(row);
      var title = el('h3', { id: titleId }, [el('span', { 'class': 'indicator-id', text: row.indicator.id }),
                                             document.createTextNode(' ' + row.indicator.title)]);
      var word = attentionWord(row.attention);
      if (word) {
        title.appendChild(document.createTextNode(' '));
        title.appendChild(el('span', { 'class': 'attention-label', text: '(' + word + ')' }));
      }
      var side = el('div', { 'class': 'notes-side-by-side' });
      row.notes.forEach(function (note) {
        var box = el('div', { 'class': 'party-note' }, [el('h4', { text: note.party })]);
        if (note.reflection) { box.appendChild(el('p', { 'class': 'bundle-note-text', text: note.reflection })); }
        if (note.actions) {
          box.appendChild(el('p', { 'class': 'note-label', text: say('bundleActions') }));
          box.appendChild(el('p', { 'class': 'bundle-note-text', text: note.actions }));
        }
        side.appendChild(box);
      });
      section.appendChild(el('section', { 'class': 'preparation-notes', id: anchorOf(row), 'aria-labelledby': titleId }, [title, side]));
    });
    if (!any) { section.appendChild(el('p', { text: say('bundleNoNotes') })); }
    return section;
  }

  // ---------------------------------------------------------------- the handoff to the joint form

  /** The key under which the joint form finds this session's start (`kennisbank:bundle:<version>:<code>`). */
  function handoffKey(code) { return 'kennisbank:bundle:' + VERSION + ':' + code; }

  /**
   * What the joint form starts from: the session's details and the organisations of the
   * participants' own parties in the joint form's state, and per indicator the status every
   * participant chose when all chose one and the same.
   */
  function handoff(overview) {
    var first = overview.preparations[0].state;
    var state = Kennisbank.assessmentFile(data, { kind: 'whole', version: VERSION, indicators: INDICATORS }).emptyState();
    state.practice = first.practice;
    state.region = first.region;
    state.date = first.date;
    state.session = first.session;
    state.code = first.code;
    var seen = {};
    overview.preparations.forEach(function (preparation) {
      var party = preparation.state.party.toLowerCase();
      preparation.state.organisations.forEach(function (organisation) {
        var name = String(organisation.name || '').trim();
        var key = name + '\n' + organisation.role;
        if (!name || organisation.role !== party || seen[key]) { return; }
        seen[key] = true;
        state.organisations.push({ name: name, role: organisation.role });
      });
    });
    var suggestions = {};
    overview.rows.forEach(function (row) {
      var agreed = row.statuses[0];
      if (agreed && row.statuses.every(function (status) { return status === agreed; })) { suggestions[row.indicator.id] = agreed; }
    });
    return { state: state, suggestions: suggestions, participants: overview.preparations.length, made: new Date().toISOString() };
  }

  function startJointForm(overview) {
    var value = handoff(overview);
    try {
      window.localStorage.setItem(handoffKey(value.state.code), JSON.stringify(value));
    } catch (error) {
      announce(say('bundleStorageFailed'));
      return;
    }
    window.location.assign(root.getAttribute('data-whole-form') + '#bundel=' + encodeURIComponent(value.state.code));
  }

  // ---------------------------------------------------------------- the page

  var inputId = uid('files');
  var input = el('input', { type: 'file', id: inputId, multiple: 'multiple', accept: '.md,text/markdown' });
  var drop = el('div', { 'class': 'bundle-drop' }, [
    el('label', { 'for': inputId, text: say('bundleChoose') }), input,
    el('p', { 'class': 'bundle-drop-hint', text: say('bundleDrop') })]);
  var live = el('p', { 'class': 'bundle-status', role: 'status', 'aria-live': 'polite' });
  var filesHeadingId = uid('bestandenlijst');
  var list = el('ul', { 'class': 'bundle-files', 'aria-labelledby': filesHeadingId });
  var none = el('p', { 'class': 'bundle-none', text: say('bundleNoFiles') });
  var openHeadingId = uid('open');
  var overviewPlace = el('div', { 'class': 'bundle-result' });

  root.appendChild(el('section', { 'class': 'bundle-open', 'aria-labelledby': openHeadingId }, [
    el('h2', { id: openHeadingId, text: say('bundleOpenTitle') }),
    el('p', { text: say('bundleOpenIntro') }), drop, live,
    el('h3', { id: filesHeadingId, text: say('bundleFilesTitle') }), none, list]));
  root.appendChild(overviewPlace);

  function announce(text) {
    // A fresh text each time, so that a screen reader also reads a message said twice.
    live.textContent = '';
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function render() {
    var classified = classify();
    list.textContent = '';
    none.hidden = classified.length > 0;
    classified.forEach(function (item, position) {
      var state = item.state;
      var verdict = state
        ? el('span', { 'class': 'bundle-file-counts' }, [el('strong', { text: say('bundleCounts') }), document.createTextNode(' ' +
            partyWithParticipant(NAMES.roles[state.party.toLowerCase()], participantOf(state)))])
        : el('span', { 'class': 'bundle-file-refused' }, [el('strong', { text: say('bundleRefused') }), document.createTextNode(' ' + item.reason)]);
      var remove = el('button', { type: 'button', 'class': 'bundle-remove' }, [
        document.createTextNode(say('bundleRemove')), el('span', { 'class': 'visually-hidden', text: ' ' + item.entry.name })]);
      remove.addEventListener('click', function () { removeFile(position); });
      list.appendChild(el('li', { 'class': state ? 'bundle-file' : 'bundle-file bundle-file-out' }, [
        el('span', { 'class': 'bundle-file-name', text: item.entry.name }), verdict, remove]));
    });
    var counted = classified.filter(function (item) { return item.state; })
      .map(function (item) { return { name: item.entry.name, state: item.state }; });
    overviewPlace.textContent = '';
    if (!counted.length) { return classified; }
    var overview = overviewOf(counted);
    var first = overview.preparations[0].state;
    var titleId = uid('overview');
    var print = Kennisbank.dom.button(say('bundlePrint'), function () { window.print(); });
    var start = Kennisbank.dom.button(say('bundleStart'), function () { startJointForm(overview); });
    start.className = 'bundle-start';
    overviewPlace.appendChild(el('section', { 'class': 'bundle-overview', 'aria-labelledby': titleId }, [
      el('h2', { id: titleId, text: say('bundleOverviewTitle', { practice: first.practice, date: shownDate(first.date) }) }),
      el('p', { 'class': 'bundle-facts', text: say('bundleFacts', { count: overview.preparations.length, session: first.session, code: first.code }) }),
      el('div', { 'class': 'bundle-actions' }, [el('p', { text: say('bundleStartIntro') }), start, print]),
      el('p', { text: say('bundleOrder', { count: overview.disagreements, total: overview.rows.length }) }),
      overviewTable(overview)]));
    overviewPlace.appendChild(notesSection(overview));
    return classified;
  }

  function removeFile(position) {
    var name = opened[position].name;
    opened.splice(position, 1);
    render();
    var buttons = list.querySelectorAll('.bundle-remove');
    (buttons[Math.min(position, buttons.length - 1)] || input).focus();
    announce(say('bundleRemoved', { name: name }));
  }

  /** Reads the chosen or dropped files, then shows them all at once and says how many count. */
  function addFiles(chosen) {
    var files = Array.prototype.slice.call(chosen || []);
    if (!files.length) { return; }
    var waiting = files.length;
    var entries = files.map(function (one) { return { key: nextKey++, name: one.name, result: null, reason: null }; });
    function done() {
      waiting -= 1;
      if (waiting > 0) { return; }
      opened = opened.concat(entries);
      var classified = render();
      var added = classified.filter(function (item) { return entries.indexOf(item.entry) >= 0; });
      var counting = added.filter(function (item) { return item.state; }).length;
      announce(say('bundleOpened', { count: added.length, counting: counting, refused: added.length - counting }));
    }
    files.forEach(function (one, index) {
      var entry = entries[index];
      if (one.size > MAXIMUM_BYTES) {
        entry.reason = say('bundleTooLarge', { maximum: MAXIMUM_MEGABYTES });
        done();
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        try {
          entry.result = file.parse(String(reader.result));
        } catch (error) {
          entry.reason = say('bundleUnreadable');
        }
        done();
      };
      reader.onerror = function () { entry.reason = say('bundleUnreadable'); done(); };
      reader.readAsText(one, 'utf-8');
    });
  }

  input.addEventListener('change', function () {
    addFiles(input.files);
    input.value = '';
  });
  drop.addEventListener('dragover', function (event) {
    event.preventDefault();
    drop.classList.add('bundle-drop-over');
  });
  drop.addEventListener('dragleave', function () { drop.classList.remove('bundle-drop-over'); });
  drop.addEventListener('drop', function (event) {
    event.preventDefault();
    drop.classList.remove('bundle-drop-over');
    addFiles(event.dataTransfer && event.dataTransfer.files);
  });
  // A file dropped beside the zone is not opened by the browser in place of this page (which
  // would lose the files opened so far).
  document.addEventListener('dragover', function (event) { event.preventDefault(); });
  document.addEventListener('drop', function (event) { event.preventDefault(); });

  render();
}());
