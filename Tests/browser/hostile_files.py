#!/usr/bin/env python3
"""Hostile input for the browser pages of the session: the files participants send, the handoff
from the bundle page and the invitation link are untrusted. Each is refused or shown as text;
no script of it runs, no element is made from its text, no dialog opens, no script error, and
the page goes on working.

Usage: hostile_files.py SITE_DIR FIXTURES_DIR [ITERATIONS]

From the built site (file://):
- the fixtures (FIXTURES_DIR/*.md: script and markup in every field, a broken structure) and
  files made here (a 5 MB reflection, binary junk, a line of 1 MB) are opened in the
  preparation form, in the joint form (then "Bekijk uitslag") and on the bundle page;
- ITERATIONS (default 150) random mutations of the shipped files (seeded: bytes flipped, lines
  cut, doubled and swapped, markup and control characters put in) go through the files' reader
  (`Kennisbank.assessmentFile(...).parse`) on the form: it never throws, and what it accepts
  holds only the kader's indicators and the format's statuses;
- as many random handoffs (any JSON) through `Kennisbank.suggestions(...).take`, and random
  invitation fragments through `Kennisbank.invitation(...).read`: never a throw, and what they
  take holds only texts of at most 500 characters, the kader's indicators and the format's
  statuses and roles, and a code the site accepts.
fuzz/run.sh runs it with more iterations. Prints one line per check; exits non-zero on the first failure.
"""
import glob
import json
import os
import random
import sys
import tempfile

from selenium.webdriver.common.by import By

from common import check, chromium, wait_until
from fill_in import WORDS, button, read_words

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GUARD = """
window.kbRan = 0; window.kbDialogs = 0;
window.alert = window.confirm = window.prompt = function () { window.kbDialogs += 1; return true; };
"""
# What no hostile text may leave in the page: an element made from its markup.
INJECTED = "return document.querySelectorAll('img[src=x], svg[onload], iframe[src^=javascript], b[onmouseover], details[ontoggle], a[href^=javascript]').length"
MARKUP = ['<script>window.kbRan = 11</script>', '<img src=x onerror="window.kbRan = 12">', '"><svg onload="window.kbRan=13">',
          '\x00', '\u202e', '\r', '---', '## ', '**Kleurscore:** ', '&lt;', '{{x}}', '\ufeff', '\ud7ff']


def made_files(folder):
    """The files made here: a 5 MB reflection, binary junk and a line of 1 MB."""
    base = open(os.path.join(REPOSITORY, "content", "zelfevaluaties", "duinmeer-2026-voorbereiding-gemeente.md"), encoding="utf-8").read()
    files = {
        "huge-reflection.md": base.replace("**Kleurscore:** op orde\n", "**Kleurscore:** op orde\n\n" + "Heel lang. " * 480000 + "\n", 1),
        "long-line.md": base.replace("praktijk: Housing First Duinmeer", "praktijk: " + "x" * 1000000, 1),
    }
    paths = []
    for name, text in files.items():
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
        paths.append(path)
    junk = os.path.join(folder, "junk.md")
    with open(junk, "wb") as file:
        file.write(bytes(random.Random(7).randrange(256) for _ in range(200000)))
    return paths + [junk]


def clean(driver, where):
    check(driver.execute_script("return window.kbRan") == 0, "%s: no script of the file ran" % where)
    check(driver.execute_script(INJECTED) == 0, "%s: no element was made from the file's markup" % where)
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    check(not errors, "%s: no script error (%s)" % (where, errors[:2]))


def open_in_form(driver, form, path, whole):
    where = "%s in the %s" % (os.path.basename(path), "joint form" if whole else "preparation form")
    driver.get(form)
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    driver.execute_script(GUARD)
    driver.find_element(By.CSS_SELECTOR, "main input[type=file]").send_keys(path)
    check(wait_until(lambda: driver.find_element(By.CSS_SELECTOR, ".fill-status").text), "%s: the form says what it did" % where)
    if whole:
        button(driver, WORDS["resultShow"]).click()
        wait_until(lambda: driver.execute_script(
            "var d = document.querySelector('.fill-result-frame').contentDocument;"
        " return d.readyState === 'complete' && d.querySelectorAll('.assessment-indicator').length"))
        inside = driver.execute_script(
            "var doc = document.querySelector('.fill-result-frame').contentDocument;"
            "return [doc.querySelectorAll('script, img, svg:not(.status-bar), iframe').length, doc.defaultView.kbRan || 0]")
        check(inside == [0, 0], "%s: its result has no element made from the file's markup and ran nothing" % where)
        button(driver, WORDS["resultBack"]).click()
    clean(driver, where)
    check(driver.execute_script("return kennisbankAssessment.toMarkdown().length > 0"), "%s: the form still works" % where)


def open_in_bundle(driver, bundle, paths):
    driver.get(bundle)
    driver.execute_script(GUARD)
    driver.find_element(By.CSS_SELECTOR, "#kb-bundle input[type=file]").send_keys("\n".join(paths))
    check(wait_until(lambda: len(driver.find_elements(By.CSS_SELECTOR, ".bundle-files li")) == len(paths)),
          "the bundle page lists each hostile file")
    clean(driver, "the bundle page")


def mutate(rng, text):
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        choice = rng.randrange(6)
        index = rng.randrange(len(lines))
        if choice == 0:
            del lines[index]
        elif choice == 1:
            lines.insert(index, lines[rng.randrange(len(lines))])
        elif choice == 2:
            other = rng.randrange(len(lines))
            lines[index], lines[other] = lines[other], lines[index]
        elif choice == 3:
            line = lines[index]
            cut = rng.randint(0, len(line))
            lines[index] = line[:cut] + rng.choice(MARKUP) + line[cut:]
        elif choice == 4:
            lines[index] = lines[index][: rng.randint(0, len(lines[index]))]
        else:
            data = bytearray(lines[index].encode("utf-8"))
            if data:
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            lines[index] = data.decode("utf-8", "replace")
    return "\n".join(lines)


def random_json(rng, depth=0):
    kinds = ["null", "bool", "number", "string", "list", "object"] if depth < 3 else ["null", "number", "string"]
    kind = rng.choice(kinds)
    if kind == "null":
        return None
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "number":
        return rng.choice([0, -1, 1e308, 3.5, 2 ** 53, float("1e-9")])
    if kind == "string":
        return rng.choice(["", "opOrde", "P1.01", "gemeente", "x" * rng.choice([1, 499, 501, 5000]), rng.choice(MARKUP), "2026-02-31"])
    if kind == "list":
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(["state", "suggestions", "participants", "practice", "organisations", "name", "role", "P1.01", "date", "code",
                        "__proto__", "constructor"]): random_json(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def random_handoff(rng):
    handoff = {"state": random_json(rng), "suggestions": random_json(rng), "participants": random_json(rng)}
    if rng.random() < 0.5:
        handoff["state"] = {"practice": random_json(rng), "date": random_json(rng), "organisations": random_json(rng)}
    if rng.random() < 0.5:
        handoff["suggestions"] = {rng.choice(["P1.01", "P9.99", "__proto__", "x"]): rng.choice(["opOrde", "rood", None, 3]) for _ in range(3)}
    return handoff


def random_fragment(rng):
    keys = ["sessie", "code", "praktijk", "regio", "datum", "x", ""]
    parts = []
    for _ in range(rng.randint(0, 6)):
        value = rng.choice(["duinmeer", "k3x9abcdef12", "ABC", "%", "%E0%A4%A", "x" * rng.choice([3, 500, 501]), "2026-02-31",
                            "2026-03-10", rng.choice(MARKUP)])
        parts.append(rng.choice(keys) + rng.choice(["=", "", "=="]) + value)
    return "#" + "&".join(parts)


# The invariants of what the readers take, checked in the page. The inputs come as JSON text (a
# key such as `__proto__` must stay a key).
FUZZ = """
var texts = JSON.parse(arguments[0]), handoffs = JSON.parse(arguments[1]), fragments = JSON.parse(arguments[2]);
var data = Kennisbank.fillData();
var version = document.querySelector('main').getAttribute('data-kader-version');
var ids = {}; data.kader.parts.forEach(function (p) { p.indicators.forEach(function (i) { ids[i.id] = true; }); });
var indicators = Object.keys(ids).map(function (id) { return { id: id }; });
var statuses = data.format.statuses.map(function (s) { return s.key; });
var problems = [];
function fail(what, input, detail) { problems.push(what + ': ' + detail + ' for ' + JSON.stringify(input).slice(0, 300)); }
var reader = Kennisbank.assessmentFile(data, { kind: 'preparation', version: version, indicators: indicators });
var accepted = 0;
texts.forEach(function (text) {
  try {
    var read = reader.parse(text);
    if (read.state) {
      accepted += 1;
      Object.keys(read.state.indicators).forEach(function (id) {
        var status = read.state.indicators[id].status;
        if (!ids[id]) { fail('reader', text, 'an indicator the kader lacks: ' + id); }
        if (status && statuses.indexOf(status) < 0) { fail('reader', text, 'a status the format lacks: ' + status); }
      });
    }
  } catch (error) { fail('reader', text, 'threw ' + error); }
});
var suggestions = Kennisbank.suggestions(data, version);
handoffs.forEach(function (handoff) {
  try {
    localStorage.setItem('kennisbank:bundle:' + version + ':k3x9abcdef12', JSON.stringify(handoff));
    var taken = suggestions.take('#bundel=k3x9abcdef12');
    if (!taken) { fail('handoff', handoff, 'nothing taken'); return; }
    if (taken.problem) { return; }
    var h = taken.handoff;
    Object.keys(h.details).forEach(function (name) {
      if (typeof h.details[name] !== 'string' || h.details[name].length > 500) { fail('handoff', handoff, 'detail ' + name); }
    });
    h.organisations.forEach(function (o) {
      if (typeof o.name !== 'string' || data.format.roles.indexOf(o.role) < 0) { fail('handoff', handoff, 'organisation'); }
    });
    Object.keys(h.suggestions).forEach(function (id) {
      if (!ids[id] || statuses.indexOf(h.suggestions[id]) < 0) { fail('handoff', handoff, 'suggestion ' + id); }
    });
    if (localStorage.getItem('kennisbank:bundle:' + version + ':k3x9abcdef12') !== null) { fail('handoff', handoff, 'not removed'); }
  } catch (error) { fail('handoff', handoff, 'threw ' + error); }
});
var invitation = Kennisbank.invitation(data);
fragments.forEach(function (fragment) {
  try {
    var read = invitation.read(fragment);
    if (read && read.values) {
      Object.keys(read.values).forEach(function (name) {
        var value = read.values[name];
        if (typeof value !== 'string' || value.length > 500) { fail('invitation', fragment, 'value ' + name); }
      });
      if (read.values.code && !Kennisbank.isSessionCode(data.format, read.values.code)) { fail('invitation', fragment, 'code'); }
      if (read.values.date && !Kennisbank.isValidDate(read.values.date)) { fail('invitation', fragment, 'date'); }
    }
  } catch (error) { fail('invitation', fragment, 'threw ' + error); }
});
return { problems: problems, accepted: accepted };
"""


def main():
    site, fixtures = (os.path.abspath(path) for path in sys.argv[1:3])
    iterations = int(sys.argv[3]) if len(sys.argv) > 3 else 150
    forms = "file://" + os.path.join(site, "kader", "formulieren") + "/"
    folder = tempfile.mkdtemp(prefix="kennisbank-hostile-")
    paths = sorted(glob.glob(os.path.join(fixtures, "*.md")))
    paths = [path for path in paths if os.path.basename(path) != "README.md"] + made_files(folder)
    driver = chromium()
    try:
        driver.get(forms + "kwaliteitskader.html")
        read_words(driver)
        for path in paths:
            open_in_form(driver, forms + "voorbereiding.html", path, whole=False)
            open_in_form(driver, forms + "kwaliteitskader.html", path, whole=True)
        open_in_bundle(driver, forms + "bundelen.html", paths)

        rng = random.Random(19)
        shipped = [open(path, encoding="utf-8").read()
                   for path in sorted(glob.glob(os.path.join(REPOSITORY, "content", "zelfevaluaties", "*.md")))
                   if not path.endswith("_index.md")]
        texts = [mutate(rng, rng.choice(shipped)) for _ in range(iterations)]
        handoffs = [random_handoff(rng) for _ in range(iterations)]
        fragments = [random_fragment(rng) for _ in range(iterations)]
        driver.get(forms + "voorbereiding.html")
        driver.set_script_timeout(600)
        driver.execute_script(GUARD)
        result = driver.execute_script(FUZZ, json.dumps(texts), json.dumps(handoffs), json.dumps(fragments))
        check(not result["problems"], "%d mutated files, handoffs and invitation links: the readers never throw and take only "
              "what the format allows (%s)" % (iterations, "; ".join(result["problems"][:3])))
        check(0 < result["accepted"] < iterations, "some mutated files are read and some refused (%d read)" % result["accepted"])
        clean(driver, "after the random input")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
