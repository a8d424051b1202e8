"""The facts of a result page that a reader checks, read from its DOM in the browser, so that the
generated result page and the result the joint form shows ("Bekijk uitslag") can be compared
count for count and item for item: the heading, the facts list, per part the counts, the
aandachtspunten per part, the plan's actions with their indicators, and every indicator with its
status and its texts (white space collapsed: the generated page renders Markdown paragraphs, the
browser keeps line breaks)."""

FACTS_SCRIPT = """
var doc = arguments[0] ? document.querySelector(arguments[0]).contentDocument : document;
function text(node) { return node ? node.textContent.replace(/\\s+/g, ' ').trim() : ''; }
function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
var page = doc.querySelector('.assessment-page');
var facts = all(page, '.assessment-facts dt').map(function (term) { return [text(term), text(term.nextElementSibling)]; });
var summary = all(page, '.assessment-summary table.summary tbody tr').map(function (row) {
  return [text(row.querySelector('th')), all(row, 'td').map(function (cell) { return Number(text(cell).split(' ').pop()); })];
});
var attention = all(page, '.assessment-attention h3').map(function (heading) {
  var list = heading.nextElementSibling;
  return [text(heading), all(list, 'li').map(function (item) {
    return [text(item.querySelector('.indicator-id')), item.querySelector('.status').className];
  })];
});
var plan = all(page, '.assessment-plan tbody tr').map(function (row) {
  return [text(row.querySelector('td')), all(row, 'a').map(text)];
});
var indicators = all(page, '.assessment-indicator').map(function (block) {
  var texts = {};
  all(block, 'h5').forEach(function (heading) { texts[text(heading)] = text(heading.nextElementSibling); });
  return [text(block.querySelector('.indicator-id')), block.id, block.querySelector('.assessment-status .status').className, texts];
});
return { heading: text(page.querySelector('h1')), facts: facts, summary: summary, attention: attention, plan: plan,
         indicators: indicators };
"""


def result_facts(driver, frame=None):
    """The facts of the result page open in `driver`, or of the document in its frame that the
    CSS selector `frame` names."""
    return driver.execute_script(FACTS_SCRIPT, frame)


def differences(expected, actual, texts=True):
    """What differs between two results' facts, as readable lines (empty when they agree). With
    `texts` false, of each indicator's texts only which ones it has are compared (a file whose
    texts use Markdown shows them rendered on the generated page and as written in the browser)."""
    lines = []
    for key in ("heading", "facts", "summary", "attention", "plan"):
        if expected[key] != actual[key]:
            lines.append("%s: generated %r, in the browser %r" % (key, expected[key], actual[key]))
    if len(expected["indicators"]) != len(actual["indicators"]):
        lines.append("indicators: generated %d, in the browser %d" % (len(expected["indicators"]), len(actual["indicators"])))
    for generated, shown in zip(expected["indicators"], actual["indicators"]):
        if not texts:
            generated, shown = generated[:3] + [sorted(generated[3])], shown[:3] + [sorted(shown[3])]
        if generated != shown:
            lines.append("indicator %s: generated %r, in the browser %r" % (generated[0], generated, shown))
    return lines
