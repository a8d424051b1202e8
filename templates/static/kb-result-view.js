/*
 * Kennisbank: "Bekijk uitslag" on the joint form. The result of the work is shown in the page
 * as the self-contained page Kennisbank.resultPage makes (kb-result-page.js), in a frame that
 * runs no script; from there it prints on A4 and saves as one HTML file to e-mail. The view says
 * what happens next: the assessment file goes to the knowledge bank's editors, who publish the
 * result at the address shown (from the site's base_url, the assessments folder, and for a
 * result shared by link only, the session's code: Sources/KennisbankModel/AssessmentPages.swift).
 */
(function () {
  'use strict';

  var Kennisbank = window.Kennisbank = window.Kennisbank || {};

  /** The letters Sources/Basics/Slug.swift folds that do not decompose, and the apostrophes it drops. */
  var FOLDED = { 'ß': 'ss', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe', 'ø': 'o', 'Ø': 'o', 'ĳ': 'ij', 'Ĳ': 'ij', 'ł': 'l', 'Ł': 'l',
    'đ': 'd', 'Đ': 'd', "'": '', '’': '', '‘': '' };

  /** An address's slug as the site makes it (Slug.make): ASCII letters and digits, joined by hyphens. */
  function addressSlug(text) {
    return String(text).normalize('NFD').replace(/\p{Mn}/gu, '').replace(/[ßæÆœŒøØĳĲłŁđĐ'’‘]/g, function (letter) { return FOLDED[letter]; })
      .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }

  /**
   * The view of `options`: `state()` gives the work now, `language` the page's language,
   * `saveFile()` saves the assessment file (the form's own "Opslaan als bestand"),
   * `close()` returns to the form, `unconfirmed()` counts the suggestions still to confirm. `status(text)` says what happened, in the view's own live region.
   */
  Kennisbank.resultView = function (data, options) {
    var say = data.say;
    var dom = Kennisbank.dom, el = dom.el, button = dom.button;
    var published = data.published || { assessments: '' };

    var frame = el('iframe', { 'class': 'fill-result-frame', title: say('resultFrame'), sandbox: 'allow-same-origin allow-modals' });
    var nextStep = el('div', { 'class': 'fill-next-step' });
    var live = el('p', { 'class': 'fill-status', role: 'status', 'aria-live': 'polite' });
    var unconfirmed = el('p', { 'class': 'fill-unconfirmed', hidden: '' });
    var heading = el('h1', { id: 'kb-uitslag', tabindex: '-1', text: say('resultTitle') });
    var html = '';
    var current = null;

    // The view takes the place of the form's main element and heading, which are hidden meanwhile.
    var section = el('main', { 'class': 'fill-result fill-control', 'aria-labelledby': 'kb-uitslag', hidden: '' }, [
      heading,
      el('p', { text: say('resultIntro') }),
      el('div', { 'class': 'fill-buttons' }, [
        button(say('resultBack'), function () { options.close(); }),
        button(say('resultPrint'), print),
        button(say('resultSave'), saveHTML),
        button(say('saveFile'), function () { options.saveFile(); })
      ]),
      live,
      unconfirmed,
      nextStep,
      frame
    ]);

    /** The published address of the result of `state`, or its path in the site without base_url. */
    function address(state) {
      var slug = addressSlug(String(state.practice || '').trim() + ' ' + String(state.date || '').trim());
      if (state.visibility === 'unlisted' && state.code) { slug += '-' + addressSlug(state.code); }
      return (published.baseURL || '') + published.assessments + slug + '/';
    }

    /** What happens next with the result of `state`, into `target`, under a heading of `level` (2 or 3). */
    function showNextStep(target, state, level) {
      target.textContent = '';
      var where = address(state);
      var unlisted = state.visibility === 'unlisted';
      target.appendChild(el('h' + (level || 2), { text: say('nextStepTitle') }));
      target.appendChild(el('p', { text: say('nextStepSend', { name: options.fileName(state) }) }));
      target.appendChild(el('p', {}, [
        document.createTextNode(say(unlisted ? 'nextStepUnlisted' : 'nextStepPublic') + ' '),
        el('code', { 'class': 'fill-address', text: where })
      ]));
      if (!published.baseURL) { target.appendChild(el('p', { text: say('nextStepNoBase') })); }
      target.appendChild(el('p', { text: say('nextStepShare') }));
    }

    /** The frame as high as the page in it (measured in a low frame: a document is never lower than its frame). */
    function fitFrame() {
      var inner = frame.contentDocument;
      if (!inner || !inner.documentElement) { return; }
      frame.style.height = '150px';
      frame.style.height = inner.documentElement.scrollHeight + 'px';
    }
    frame.addEventListener('load', fitFrame);
    window.addEventListener('resize', function () { if (!section.hidden) { fitFrame(); } });

    function show() {
      current = options.state();
      html = Kennisbank.resultPage(data, current, Kennisbank.resultSummary(data, current), options.language);
      frame.srcdoc = html;
      showNextStep(nextStep, current);
      live.textContent = '';
      var waiting = options.unconfirmed ? options.unconfirmed() : 0;
      unconfirmed.hidden = !waiting;
      unconfirmed.textContent = waiting ? say('resultUnconfirmed', { count: waiting }) : '';
      section.hidden = false;
      heading.focus();
    }

    function hide() { section.hidden = true; }

    function print() {
      if (frame.contentWindow) { frame.contentWindow.focus(); frame.contentWindow.print(); }
    }

    /** The file name of the saved page: that of the assessment file, as a web page. */
    function htmlName() { return options.fileName(current).replace(/\.md$/, '') + '.html'; }

    function saveHTML() {
      var blob = new Blob([html], { type: 'text/html;charset=utf-8' });
      var link = el('a', { href: URL.createObjectURL(blob), download: htmlName() });
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      live.textContent = say('resultSaved', { name: htmlName() });
    }

    return { element: section, show: show, hide: hide, nextStep: showNextStep, address: address,
      status: function (message) { live.textContent = message; },
      html: function () { return html; } };
  };
}());
