/*
 * Kennisbank: the page where the facilitator starts a session (sessie-starten.html). It gets
 * the format and its words as data (kb-fill-data.js).
 *
 * The facilitator fills in the practice, the region, the date and a name for the session (one
 * is proposed from the practice and the year); the page makes the session's code
 * (kb-assessment-file.js) and, on "Uitnodiging maken", the invitation for the participants:
 *   - the invitation link (kb-invitation.js): the preparation form's address with the details in
 *     its fragment. Its base is the form's published address (`data-preparation-address`, from
 *     `base_url`) when the site has one, else, served over http(s), the form's address resolved
 *     from this page's; opened from a folder (file://) there is no address a participant could
 *     open, so the page says so and saves a plain-text invitation to send instead;
 *   - a text for an e-mail (subject and body), with buttons that copy it and the link.
 * The started session is kept in this browser (localStorage), so a reload shows it again, until
 * "Nieuwe bijeenkomst". Nothing is sent anywhere: this script makes no network request. Every
 * text the user typed is shown as text, never as HTML.
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank || {};
  var root = document.getElementById('kb-session-start');
  var data = Kennisbank.fillData && Kennisbank.fillData();
  if (!root || !data) { return; }
  var say = data.say;
  var FORMAT = data.format;
  var dom = Kennisbank.dom, el = dom.el, labelled = dom.labelled, button = dom.button;
  var file = Kennisbank.assessmentFile(data, { kind: 'preparation', version: data.kader.version, indicators: [] });
  var invitation = Kennisbank.invitation(data);
  var storageKey = 'kennisbank:session:' + data.kader.version;

  // ---------------------------------------------------------------- the session as data

  /** practice, region, date, session, code; `named`: the session's name was typed, not proposed; `started`. */
  var state = load() || fresh();

  function fresh() {
    return { practice: '', region: '', date: '', session: '', named: false, code: file.newCode(), started: false };
  }

  function load() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(storageKey) || 'null');
      if (!stored || typeof stored !== 'object' || !Kennisbank.isSessionCode(FORMAT, String(stored.code || ''))) { return null; }
      var result = fresh();
      ['practice', 'region', 'date', 'session', 'code'].forEach(function (name) { result[name] = String(stored[name] || ''); });
      result.named = Boolean(stored.named);
      // A started session whose details the page would refuse (changed by hand) opens as a draft.
      result.started = Boolean(stored.started) && Boolean(result.practice.trim() && result.session.trim()) &&
        Kennisbank.isValidDate(result.date);
      return result;
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

  /** The session's name proposed from the practice and the year of the date (this year without one). */
  function proposedName() {
    var practice = file.slug(state.practice || '');
    if (!practice) { return ''; }
    var year = Kennisbank.isValidDate(state.date) ? state.date.slice(0, 4) : String(new Date().getFullYear());
    return practice + '-' + year;
  }

  /** The preparation form's address the invitation link starts with, or null (see the header). */
  function linkBase() {
    var published = root.getAttribute('data-preparation-address');
    if (published) { return published; }
    if (/^https?:$/.test(window.location.protocol)) {
      return new URL(root.getAttribute('data-preparation-form'), window.location.href).href.replace(/[?#].*$/, '');
    }
    return null;
  }

  function invitationLink() {
    var base = linkBase();
    return base ? base + '#' + invitation.fragment(state) : null;
  }

  /** The date as the site's language writes it ("1 april 2026"), or as typed when it is none. */
  function spokenDate(text) {
    if (!Kennisbank.isValidDate(text)) { return text; }
    var parts = text.split('-');
    try {
      return new Date(Date.UTC(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2])))
        .toLocaleDateString(document.documentElement.lang || undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    } catch (error) {
      return text;
    }
  }

  function mailText(link) {
    var date = spokenDate(state.date);
    var lines = [say('startMailSubject', { practice: state.practice, date: date }), '',
                 say('startMailGreeting'), '',
                 say('startMailMeeting', { practice: state.practice, date: date }), ''];
    if (link) {
      lines.push(say('startMailLink'), link);
    } else {
      lines.push(say('startMailFile', { code: state.code }));
    }
    lines.push('', say('startMailPrepare'), '', say('startMailReturn'), '', say('startMailClosing'));
    return lines.join('\n');
  }

  function invitationText() {
    var lines = [say('startFileTitle'), '',
                 say('startFileSession', { session: state.session }),
                 say('startFileCode', { code: state.code }),
                 say('startFilePractice', { practice: state.practice })];
    if (state.region) { lines.push(say('startFileRegion', { region: state.region })); }
    lines.push(say('startFileDate', { date: state.date }), '', say('startFileSteps'),
               say('startFileStepOpen'), say('startFileStepCode', { code: state.code, session: state.session }),
               say('startFileStepScore'), say('startFileStepReturn'));
    return lines.join('\r\n') + '\r\n';
  }

  function invitationFileName() {
    return say('startInvitationFile', { session: file.slug(state.session) || say('defaultSession') });
  }

  /** Saves `text` as the download `name`, as the forms save their files. */
  function download(name, text) {
    var blob = new Blob([text], { type: 'text/plain;charset=utf-8' });
    var link = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  // ---------------------------------------------------------------- the page's parts

  var live = el('p', { 'class': 'start-status', role: 'status', 'aria-live': 'polite' });
  function announce(message) { live.textContent = message; }

  /** Copies `text` (shown in `control`); without the clipboard, selects it and says to press Ctrl+C. */
  function copy(control, text, done) {
    function byHand() {
      control.focus();
      control.select();
      announce(say('startCopyByHand'));
    }
    if (!navigator.clipboard || !navigator.clipboard.writeText) { byHand(); return; }
    navigator.clipboard.writeText(text).then(function () { announce(say(done)); }, byHand);
  }

  // ---------------------------------------------------------------- the details

  var detailsSection = el('section', { 'class': 'start-details', 'aria-labelledby': 'kb-start-gegevens' });
  var checks = Kennisbank.fieldChecks('start-error', announce);

  /** A text field for the detail `name`, with a message tied to it while `problemOf` finds one. */
  function detailField(labelText, name, type, problemOf) {
    var input = el('input', { type: type || 'text' });
    input.value = state[name];
    var wrapper = labelled(labelText, input);
    input.addEventListener('input', function () {
      state[name] = input.value;
      if (name === 'session') { state.named = Boolean(input.value.trim()); }
      if ((name === 'practice' || name === 'date') && !state.named) {
        state.session = proposedName();
        sessionInput.value = state.session;
        checks.run(sessionCheck, false);
      }
      save();
    });
    if (problemOf) { wrapper.check = checks.add(wrapper, problemOf); }
    return wrapper;
  }

  /** A detail longer than an invitation link may carry (kb-invitation.js). */
  function tooLong(text) {
    return Array.from(text.replace(/\s+/g, ' ').trim()).length > invitation.longest ? say('startTooLong', { maximum: invitation.longest }) : '';
  }

  function practiceProblem(input, starting) {
    return tooLong(state.practice) || (!state.practice.trim() && starting ? say('startPracticeMissing') : '');
  }

  function regionProblem() { return tooLong(state.region); }

  function dateProblem(input, starting) {
    // A date field the browser cannot read (a day that does not exist, a part left out) is empty with `badInput`.
    if ((input.validity && input.validity.badInput) || (state.date && !Kennisbank.isValidDate(state.date))) { return say('dateInvalid'); }
    return !state.date && starting ? say('startDateMissing') : '';
  }

  function sessionProblem(input, starting) {
    return tooLong(state.session) || (!state.session.trim() && starting ? say('startSessionMissing') : '');
  }

  var practiceField = detailField(say('practice'), 'practice', 'text', practiceProblem);
  var regionField = detailField(say('region'), 'region', 'text', regionProblem);
  var dateField = detailField(say('date'), 'date', 'date', dateProblem);
  var sessionField = detailField(say('startSession'), 'session', 'text', sessionProblem);
  [practiceField, dateField, sessionField].forEach(function (wrapper) { wrapper.check.input.setAttribute('aria-required', 'true'); });
  var sessionInput = sessionField.querySelector('input');
  var sessionCheck = sessionField.check;

  var codeValue = el('span', { 'class': 'start-code-value', id: 'kb-start-code' });
  var codeBlock = el('div', { 'class': 'start-code' }, [
    el('p', {}, [el('span', { 'class': 'start-code-label', text: say('startCode') + ': ' }), codeValue]),
    el('p', { 'class': 'start-hint', text: say('startCodeHint') }),
    button(say('startNewCode'), function () {
      state.code = file.newCode();
      save();
      codeValue.textContent = state.code;
      announce(say('startNewCodeDone', { code: state.code }));
    })
  ]);

  detailsSection.appendChild(el('h2', { id: 'kb-start-gegevens', text: say('startDetailsTitle') }));
  detailsSection.appendChild(el('p', { text: say('startDetailsIntro') }));
  [practiceField, regionField, dateField, sessionField, codeBlock].forEach(function (part) { detailsSection.appendChild(part); });
  var makeButton = button(say('startMake'), start);
  makeButton.classList.add('start-main');
  detailsSection.appendChild(el('div', { 'class': 'start-buttons' }, [makeButton]));

  function start() {
    var found = checks.refusal();
    if (found.length) {
      announce(say('startRefused', { problems: found.map(function (problem) { return problem.text; }).join(' ') }));
      found[0].check.input.focus();
      return;
    }
    state.practice = state.practice.replace(/\s+/g, ' ').trim();
    state.region = state.region.replace(/\s+/g, ' ').trim();
    state.session = state.session.replace(/\s+/g, ' ').trim();
    state.started = true;
    save();
    render();
    summaryHeading.focus();
    announce(say('startStarted', { session: state.session }));
  }

  // ---------------------------------------------------------------- the started session

  var summaryHeading = el('h2', { id: 'kb-start-bijeenkomst', tabindex: '-1' });
  var summaryRows = el('tbody');
  var summarySection = el('section', { 'class': 'start-summary', 'aria-labelledby': 'kb-start-bijeenkomst' }, [
    summaryHeading,
    el('table', { 'class': 'start-fields' }, [summaryRows]),
    el('p', { 'class': 'start-hint', text: say('startSummaryKept') })
  ]);
  var invitationSection = el('section', { 'class': 'start-invitation', 'aria-labelledby': 'kb-start-uitnodiging' });
  var mailSection = el('section', { 'class': 'start-mail', 'aria-labelledby': 'kb-start-mail' });
  var againButton = button(say('startAgain'), function () {
    if (!window.confirm(say('startAgainConfirm'))) { return; }
    try { window.localStorage.removeItem(storageKey); } catch (error) { /* nothing kept */ }
    state = fresh();
    render();
    practiceField.querySelector('input').focus();
    announce(say('startAgainDone'));
  });
  var againBlock = el('div', { 'class': 'start-buttons start-again' }, [againButton]);

  function row(label, value) {
    return el('tr', {}, [el('th', { scope: 'row', text: label }), el('td', { text: value })]);
  }

  function renderStarted() {
    summaryHeading.textContent = say('startSummaryTitle', { session: state.session });
    summaryRows.textContent = '';
    [[say('startSessionName'), state.session], [say('startCode'), state.code], [say('practice'), state.practice],
     [say('region'), state.region], [say('date'), spokenDate(state.date)]].forEach(function (item) {
      summaryRows.appendChild(row(item[0], item[1]));
    });

    var link = invitationLink();
    invitationSection.textContent = '';
    invitationSection.appendChild(el('h2', { id: 'kb-start-uitnodiging', text: say('startInvitationTitle') }));
    if (link) {
      var linkInput = el('input', { type: 'text', readonly: 'readonly', 'class': 'start-link', spellcheck: 'false' });
      linkInput.value = link;
      invitationSection.appendChild(el('p', { text: say('startLinkIntro') }));
      invitationSection.appendChild(labelled(say('startLinkLabel'), linkInput));
      invitationSection.appendChild(el('p', { 'class': 'start-print start-link-printed', text: link }));
      invitationSection.appendChild(el('div', { 'class': 'start-buttons' }, [
        button(say('startCopyLink'), function () { copy(linkInput, link, 'startCopiedLink'); }),
        el('a', { href: link, 'class': 'start-try', text: say('startLinkTry') })
      ]));
    } else {
      invitationSection.appendChild(el('p', { 'class': 'notice start-no-link', text: say('startNoLink') }));
      invitationSection.appendChild(el('div', { 'class': 'start-buttons' }, [
        button(say('startSaveInvitation'), function () {
          var name = invitationFileName();
          download(name, invitationText());
          announce(say('startSavedInvitation', { name: name }));
        })
      ]));
    }

    var text = mailText(link);
    var area = el('textarea', { readonly: 'readonly', rows: String(text.split('\n').length + 1), 'class': 'start-mail-text' });
    area.value = text;
    mailSection.textContent = '';
    mailSection.appendChild(el('h2', { id: 'kb-start-mail', text: say('startMailTitle') }));
    mailSection.appendChild(el('p', { text: say('startMailIntro') }));
    mailSection.appendChild(labelled(say('startMailLabel'), area));
    mailSection.appendChild(el('div', { 'class': 'start-print start-mail-printed', text: text }));
    mailSection.appendChild(el('div', { 'class': 'start-buttons' }, [
      button(say('startCopyText'), function () { copy(area, text, 'startCopiedText'); })
    ]));
  }

  function render() {
    practiceField.querySelector('input').value = state.practice;
    regionField.querySelector('input').value = state.region;
    dateField.querySelector('input').value = state.date;
    sessionInput.value = state.session;
    codeValue.textContent = state.code;
    checks.runAll();
    detailsSection.hidden = state.started;
    [summarySection, invitationSection, mailSection, againBlock].forEach(function (part) { part.hidden = !state.started; });
    if (state.started) { renderStarted(); }
  }

  [detailsSection, live, summarySection, invitationSection, mailSection, againBlock].forEach(function (part) { root.appendChild(part); });
  render();
}());
