#!/usr/bin/env python3
"""Browser test of the bundle page (kader/formulieren/bundelen.html), where the facilitator opens
the participants' preparation files and sees them side by side.

Usage: bundle.py SITE_DIR DOWNLOAD_DIR KENNISBANK_PROGRAM

From the built site (file://), opens the shipped example's preparation files (content/zelfevaluaties,
the files with `namens:`) on the bundle page, in two rounds and in the reverse order of their
names, with the session's result file among them (refused: not a preparation), and checks that
the heading, the column heads, the order of the indicators, each participant's status (class and
words) and cell label, the attention, the notes side by side and the number of disagreements
equal those of the overview page the build made for that session (both pages' DOMs are read
here, row by row and cell by cell). Then writes four preparation files of a new session with a
fixed random seed (two for one party, some indicators open, some disagreeing) into a copy of the
content folder, builds that site with KENNISBANK_PROGRAM, and compares its overview with the
bundle page in the same way.

Also: a file dropped on the drop zone is opened; a second file of the same participant, a file
of another code, a 5 MB file and binary junk are refused, each with its reason, and change
nothing; a hostile file (script tags and `<img onerror>` in the practice, the participant, the
organisation and the reflection, a very long word) shows as text, with no dialog, no script run,
no script error, and the page still fits a 320 px window; removing a file takes it out again;
"Start het gezamenlijke formulier" stores exactly the statuses all participants agree on, the
session's details and organisations, and opens the joint form at `#bundel=<code>`; and the page
made no network request. Prints one line per check; exits non-zero on the first failure. The
words it looks for come from the page's own data.
"""
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

from selenium.webdriver.common.by import By

from common import check, chromium, wait_until
from fill_in import requests_made

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUNDLE_PAGE = "kader/formulieren/bundelen.html"
SHIPPED_OVERVIEW = "zelfevaluaties/voorbereiding-duinmeer-2026-q8v3m1x7k2d9/index.html"

# The statuses as preparation files write them, by status key (None: left open).
WRITTEN = {"opOrde": "op orde", "inOntwikkeling": "in ontwikkeling", "nietOpOrde": "niet op orde", None: "open"}

# The overview page's table, read the same way from the generated page and the bundle page:
# the column heads, and per row the indicator's ID, each participant's status (its class and
# its words) and the attention word; with the number of disagreements (rows so marked).
READ_TABLE = """
var table = document.querySelector(arguments[0] + ' table.preparation-table');
if (!table) { return null; }
function text(node) { return node ? node.textContent.replace(/\\s+/g, ' ').trim() : ''; }
var heads = Array.from(table.querySelectorAll('thead th')).map(text);
var rows = Array.from(table.querySelectorAll('tbody tr')).map(function (row) {
  var cells = Array.from(row.querySelectorAll('td'));
  return {
    id: text(row.querySelector('th .indicator-id')),
    title: text(row.querySelector('th')),
    disagreement: row.classList.contains('disagreement'),
    statuses: cells.slice(0, -1).map(function (cell) {
      var status = cell.querySelector('.status');
      return [status ? status.className : '', text(status), text(cell.querySelector('.cell-label'))];
    }),
    attention: text(cells[cells.length - 1].querySelector('strong'))
  };
});
var notes = Array.from(document.querySelectorAll(arguments[0] + ' .preparation-notes')).map(function (section) {
  return [text(section.querySelector('h3 .indicator-id')), Array.from(section.querySelectorAll('.party-note h4')).map(text)];
});
return {heads: heads, rows: rows, notes: notes};
"""


def read_table(driver, scope):
    return driver.execute_script(READ_TABLE, scope)


def disagreements(table):
    return sum(1 for row in table["rows"] if row["disagreement"])


def url_of(site, path):
    return "file://" + os.path.abspath(os.path.join(site, path))


def open_files(driver, paths):
    """Chooses `paths` in the page's file field (as a user does in the file dialog) and waits for
    the page to say it opened them."""
    before = len(driver.find_elements(By.CSS_SELECTOR, ".bundle-files li"))
    driver.find_element(By.CSS_SELECTOR, "#kb-bundle input[type=file]").send_keys("\n".join(os.path.abspath(p) for p in paths))
    wait_until(lambda: len(driver.find_elements(By.CSS_SELECTOR, ".bundle-files li")) == before + len(paths))
    time.sleep(0.2)


def listed(driver):
    """Each opened file as the page lists it: its name and what it says about it."""
    result = []
    for item in driver.find_elements(By.CSS_SELECTOR, ".bundle-files li"):
        name = item.find_element(By.CSS_SELECTOR, ".bundle-file-name").get_attribute("textContent")
        verdict = item.find_element(By.CSS_SELECTOR, ".bundle-file-counts, .bundle-file-refused")
        result.append((name, verdict.get_attribute("class"), verdict.get_attribute("textContent")))
    return result


def compare(driver, site, overview_path, preparations, extra, where):
    """Opens `preparations` (with the files `extra`, which must not count) on the bundle page in
    two rounds and compares its overview with the generated one at `overview_path`."""
    driver.get(url_of(site, overview_path))
    generated = read_table(driver, ".preparation-page")
    check(generated is not None and generated["rows"], "%s: the generated overview has its table" % where)
    heading = driver.find_element(By.TAG_NAME, "h1").text
    driver.get(url_of(site, BUNDLE_PAGE))
    # In the reverse order of their names, so that the page's own order is what is compared.
    backwards = sorted(preparations, reverse=True)
    half = len(backwards) // 2
    open_files(driver, backwards[:half] + extra)
    open_files(driver, backwards[half:])
    counted = [item for item in listed(driver) if item[1] == "bundle-file-counts"]
    check(len(counted) == len(preparations), "%s: the %d preparations count, the other files do not (%s)"
          % (where, len(preparations), [item[0] for item in counted]))
    bundled = read_table(driver, ".bundle-result")
    check(bundled is not None, "%s: the bundle page shows the overview" % where)
    shown = driver.find_element(By.CSS_SELECTOR, ".bundle-overview h2").text
    check(shown == heading, "%s: the overview is headed as the generated page: %r" % (where, shown))
    check(bundled["heads"] == generated["heads"], "%s: the column heads are the generated page's: %s" % (where, bundled["heads"]))
    check([row["id"] for row in bundled["rows"]] == [row["id"] for row in generated["rows"]],
          "%s: the indicators are in the generated page's order (%d rows)" % (where, len(bundled["rows"])))
    for mine, theirs in zip(bundled["rows"], generated["rows"]):
        if mine != theirs:
            check(False, "%s: row %s equals the generated page's: %s against %s" % (where, mine["id"], mine, theirs))
    check(True, "%s: every row, cell by cell (status, words, participant, attention), equals the generated page's" % where)
    check(disagreements(bundled) == disagreements(generated) and disagreements(bundled) > 0,
          "%s: the same %d disagreements" % (where, disagreements(generated)))
    count = driver.find_element(By.CSS_SELECTOR, ".bundle-overview").text
    check(" %d " % disagreements(generated) in count.replace("(", " "), "%s: the page says how many disagree" % where)
    check(bundled["notes"] == generated["notes"], "%s: the notes side by side are the generated page's, indicator by indicator" % where)
    return bundled


# ---------------------------------------------------------------- generated preparations

def preparation_text(party, participant, organisation, statuses, notes, code="r4nd0mc0de42", session="proef-bundel"):
    lines = ["---", "praktijk: Housing First Bundelproef", "regio: Proefstad", "datum: 2026-05-20", 'kader: "2025"',
             "organisaties:", '  - naam: "%s"' % organisation, "    rol: %s" % party,
             "voorbereiding: true", "namens: %s" % party, "sessie: %s" % session]
    if participant:
        lines.append('deelnemer: "%s"' % participant)
    lines += ["zichtbaarheid: unlisted", "code: %s" % code, "---", ""]
    for indicator, status in statuses.items():
        lines += ["## %s" % indicator, "", "**Kleurscore:** %s" % WRITTEN[status], ""]
        if indicator in notes:
            lines += ["### Reflectie", "", notes[indicator], ""]
    return "\n".join(lines)


def generated_preparations(indicators):
    """Four participants' files, with a fixed seed: two for the zorgorganisatie, one for the
    woningcorporatie, one for the gemeente; each indicator open with a chance of one in five."""
    generator = random.Random(20260520)
    people = [("zorgorganisatie", "Teamleider", "Stichting Proefhuis"), ("gemeente", None, "Gemeente Proefstad"),
              ("zorgorganisatie", "Ambulant begeleider", "Stichting Proefhuis"), ("woningcorporatie", None, "Woonstichting Proef")]
    choices = ["opOrde", "opOrde", "opOrde", "inOntwikkeling", "nietOpOrde", None]
    files = {}
    for number, (party, participant, organisation) in enumerate(people):
        statuses = {indicator: generator.choice(choices) for indicator in indicators}
        notes = {indicator: "Regel een van %s\nregel twee" % party for indicator in generator.sample(indicators, 5)}
        name = "bundelproef-%d-%s.md" % (number + 1, party)
        files[name] = preparation_text(party, participant, organisation, statuses, notes)
    return files


def build_site(program, content):
    output = tempfile.mkdtemp(prefix="kennisbank-bundle-site-")
    shutil.rmtree(output)
    result = subprocess.run([program, "build", "--content", content, "--templates", os.path.join(REPOSITORY, "templates"),
                             "--config", os.path.join(REPOSITORY, "kennisbank.yml"), "--output", output, "--no-pdf", "--no-search"],
                            capture_output=True, text=True)
    check(result.returncode == 0, "the site with the generated preparations builds (%s)" % (result.stdout + result.stderr).strip()[-300:])
    return output


# ---------------------------------------------------------------- hostile files

HOSTILE_PRACTICE = 'Housing First <script>alert("praktijk")</script><img src=x onerror="alert(1)">'
HOSTILE_REFLECTION = '<script>window.kbHacked = true; alert("reflectie")</script>\n<img src=x onerror="window.kbHacked = true">\n**vet** en <b>html</b>'


def hostile_text(code):
    return "\n".join([
        "---", 'praktijk: "%s"' % HOSTILE_PRACTICE.replace('"', '\\"'), "datum: 2026-03-10", 'kader: "2025"',
        "organisaties:", '  - naam: "<img src=x onerror=alert(2)> Stichting"', "    rol: ervaringsdeskundige",
        "voorbereiding: true", "namens: ervaringsdeskundige", 'deelnemer: "<script>alert(3)</script>"', "sessie: duinmeer-2026",
        "zichtbaarheid: unlisted", "code: %s" % code, "---", "",
        "## P1.01", "", "**Kleurscore:** rood", "", "### Reflectie", "", HOSTILE_REFLECTION, "",
        "### Acties", "", "<img src=x onerror=\"alert(4)\">", "Een" + "heelerglangwoord" * 40, ""])


def main():
    site, downloads, program = sys.argv[1:4]
    site = os.path.abspath(site)
    work = tempfile.mkdtemp(prefix="kennisbank-bundle-")
    driver = chromium(download_dir=os.path.abspath(downloads), network_log=True)
    try:
        driver.get(url_of(site, BUNDLE_PAGE))
        data = json.loads(driver.find_element(By.ID, "kb-invuldata").get_attribute("textContent"))
        words = data["labels"]
        indicators = [indicator["id"] for part in data["kader"]["parts"] for indicator in part["indicators"]]
        check(driver.find_element(By.CSS_SELECTOR, "label[for='%s']" % driver.find_element(By.CSS_SELECTOR, "#kb-bundle input[type=file]").get_attribute("id")).text
              == words["bundleChoose"], "the file field has a real label")
        field = driver.find_element(By.CSS_SELECTOR, "#kb-bundle input[type=file]")
        check(field.get_attribute("multiple") is not None and field.get_attribute("accept") == ".md,text/markdown",
              "the file field takes several Markdown files")

        shipped = sorted(path for path in glob.glob(os.path.join(REPOSITORY, "content/zelfevaluaties/*.md"))
                         if "\nnamens:" in open(path, encoding="utf-8").read())
        check(len(shipped) == 4, "the shipped example has four preparation files")
        result_file = os.path.join(REPOSITORY, "content/zelfevaluaties/duinmeer-2026.md")
        compare(driver, site, SHIPPED_OVERVIEW, shipped, [result_file], "shipped example")
        refused = [item for item in listed(driver) if item[0] == "duinmeer-2026.md"]
        check(refused and refused[0][1] == "bundle-file-refused" and words["bundleNotPreparation"].replace("{key}", data["format"]["keys"]["party"]) in refused[0][2],
              "the session's result file is listed as not a preparation, with the reason")

        # A file dropped on the drop zone is opened as a chosen one is (here a copy of a counted
        # file, so the page refuses it as that participant's second file).
        with open(shipped[2], encoding="utf-8") as source:
            driver.execute_script("""
                var transfer = new DataTransfer();
                transfer.items.add(new File([arguments[0]], 'gesleept.md', {type: 'text/markdown'}));
                document.querySelector('.bundle-drop').dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
            """, source.read())
        dropped = wait_until(lambda: [item for item in listed(driver) if item[0] == "gesleept.md"])
        check(dropped and dropped[0][1] == "bundle-file-refused" and os.path.basename(shipped[2]) in dropped[0][2],
              "a file dropped on the drop zone is opened (and refused as a second file of %s)" % os.path.basename(shipped[2]))
        names = [item[0] for item in listed(driver)]
        driver.find_elements(By.CSS_SELECTOR, ".bundle-remove")[names.index("gesleept.md")].click()
        check("gesleept.md" not in [item[0] for item in listed(driver)], "a file is removed by its own button")

        # A second file of the same participant, a file of another code, a 5 MB file, binary junk.
        other_code = os.path.join(work, "andere-code.md")
        with open(shipped[0], encoding="utf-8") as source, open(other_code, "w", encoding="utf-8") as target:
            text = source.read()
            target.write(text.replace("code: q8v3m1x7k2d9", "code: zzzz11112222").replace("namens: gemeente", "namens: anders"))
        duplicate = os.path.join(work, "nog-een-keer.md")
        shutil.copyfile(shipped[1], duplicate)
        large = os.path.join(work, "groot.md")
        with open(large, "w", encoding="utf-8") as target:
            target.write(hostile_text("q8v3m1x7k2d9").replace("### Acties", "x" * (5 * 1024 * 1024) + "\n\n### Acties"))
        junk = os.path.join(work, "rommel.md")
        with open(junk, "wb") as target:
            target.write(bytes(random.Random(7).randrange(256) for _ in range(20000)))
        before = read_table(driver, ".bundle-result")
        open_files(driver, [other_code, duplicate, large, junk])
        verdicts = {name: (kind, text) for name, kind, text in listed(driver)}
        check(verdicts["andere-code.md"][0] == "bundle-file-refused" and "zzzz11112222" in verdicts["andere-code.md"][1]
              and "q8v3m1x7k2d9" in verdicts["andere-code.md"][1], "a file of another code is refused, naming both codes: %r" % verdicts["andere-code.md"][1])
        check(verdicts["nog-een-keer.md"][0] == "bundle-file-refused" and os.path.basename(shipped[1]) in verdicts["nog-een-keer.md"][1],
              "a second file of the same party and participant is refused, naming the one that counts")
        check(verdicts["groot.md"][0] == "bundle-file-refused" and "2 MB" in verdicts["groot.md"][1], "a 5 MB file is refused for its size")
        check(verdicts["rommel.md"][0] == "bundle-file-refused", "binary junk is refused: %r" % verdicts["rommel.md"][1])
        check(read_table(driver, ".bundle-result") == before, "the refused files change nothing in the overview")

        # The hostile file counts (an ervaringsdeskundige of the session) and shows as text.
        hostile = os.path.join(work, "vijandig.md")
        with open(hostile, "w", encoding="utf-8") as target:
            target.write(hostile_text("q8v3m1x7k2d9"))
        open_files(driver, [hostile])
        time.sleep(0.5)
        try:
            alert = driver.switch_to.alert.text
        except Exception:
            alert = None
        check(alert is None, "no dialog opened (%r)" % alert)
        check(not driver.execute_script("return window.kbHacked === true"), "no script of the file ran")
        check(not driver.find_elements(By.CSS_SELECTOR, "#kb-bundle script, #kb-bundle img, #kb-bundle b"),
              "no element was made from the file's text")
        check(HOSTILE_REFLECTION in driver.execute_script(
            "return Array.from(document.querySelectorAll('.bundle-note-text')).map(function (e) { return e.textContent; }).join('\\n')"),
            "the hostile reflection shows as its text, line breaks kept")
        style = driver.execute_script("return getComputedStyle(document.querySelector('.bundle-note-text')).whiteSpace")
        check(style == "pre-line", "notes keep their line breaks (white-space: %s)" % style)
        heads = read_table(driver, ".bundle-result")["heads"]
        check("Ervaringsdeskundige <img src=x onerror=alert(2)> Stichting <script>alert(3)</script>" in heads,
              "the hostile organisation and participant show as text in the column head")
        driver.set_window_size(320, 900)
        width = wait_until(lambda: driver.execute_script("return document.documentElement.scrollWidth"))
        check(width <= 320, "with these files opened, the page is %d px wide in a 320 px window" % width)
        driver.set_window_size(1280, 1600)
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE" and ("kb-" in entry["message"] or "Uncaught" in entry["message"])]
        check(errors == [], "no script error on the page (%s)" % errors)

        # Removing the hostile file brings the shipped session's overview back.
        names = [item[0] for item in listed(driver)]
        driver.find_elements(By.CSS_SELECTOR, ".bundle-remove")[names.index("vijandig.md")].click()
        check(read_table(driver, ".bundle-result") == before, "removing a file takes it out of the overview")
        check(words["bundleRemoved"].replace("{name}", "vijandig.md") == wait_until(
            lambda: driver.find_element(By.CSS_SELECTOR, ".bundle-status").text), "the status line says which file was removed")

        # The generated session.
        content = os.path.join(work, "content")
        shutil.copytree(os.path.join(REPOSITORY, "content"), content)
        generated = generated_preparations(indicators)
        paths = []
        for name, text in generated.items():
            path = os.path.join(content, "zelfevaluaties", name)
            with open(path, "w", encoding="utf-8") as target:
                target.write(text)
            paths.append(path)
        built = build_site(program, content)
        overview = "zelfevaluaties/voorbereiding-proef-bundel-r4nd0mc0de42/index.html"
        check(os.path.exists(os.path.join(built, overview)), "the build made the generated session's overview")
        bundled = compare(driver, built, overview, paths, [], "generated session")

        # The handoff to the joint form.
        statuses = {}
        for text in generated.values():
            current = None
            for line in text.split("\n"):
                if line.startswith("## "):
                    current = line[3:]
                elif line.startswith("**Kleurscore:** "):
                    statuses.setdefault(current, []).append({v: k for k, v in WRITTEN.items()}[line[len("**Kleurscore:** "):]])
        agreed = {indicator: chosen[0] for indicator, chosen in statuses.items()
                  if len(chosen) == 4 and chosen[0] is not None and all(status == chosen[0] for status in chosen)}
        check(0 < len(agreed) < len(indicators), "the generated files agree on %d indicators" % len(agreed))
        start = driver.find_element(By.XPATH, "//button[text()='%s']" % words["bundleStart"])
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", start)
        start.click()
        wait_until(lambda: "kwaliteitskader.html" in driver.current_url)
        # The joint form takes the handoff (kb-suggestions.js): once, into its own work.
        shown = wait_until(lambda: driver.execute_script(
            "return document.querySelectorAll('.fill-suggestion:not([hidden])').length")) or 0
        check(driver.current_url.endswith("kader/formulieren/kwaliteitskader.html"),
              "the joint form opened, and its address no longer names the handoff: %s" % driver.current_url)
        check(driver.execute_script("return localStorage.getItem('kennisbank:bundle:2025:r4nd0mc0de42')") is None,
              "the handoff was taken once (it is no longer stored)")
        state = json.loads(driver.execute_script("return localStorage.getItem('kennisbank:whole:2025')"))
        check(state["suggestions"] == agreed, "the handoff's suggestions are exactly the agreed statuses (%d)" % len(agreed))
        check(shown == len(agreed), "the joint form shows each agreed status as a suggestion (%d)" % shown)
        check((state["practice"], state["region"], state["date"], state["session"], state["code"])
              == ("Housing First Bundelproef", "Proefstad", "2026-05-20", "proef-bundel", "r4nd0mc0de42"),
              "the handoff carries the session's details")
        check(state["organisations"] == [{"name": "Stichting Proefhuis", "role": "zorgorganisatie"},
                                         {"name": "Woonstichting Proef", "role": "woningcorporatie"},
                                         {"name": "Gemeente Proefstad", "role": "gemeente"}],
              "the handoff lists each party's organisation once: %s" % state["organisations"])
        check(all(not (value or {}).get("status") for value in state["indicators"].values()) and state["plan"] == [],
              "the joint form starts with nothing scored")
        saved = driver.execute_script("return kennisbankAssessment.toMarkdown()")
        check("**Kleurscore:** " + WRITTEN[next(iter(agreed.values()))] not in saved,
              "an unconfirmed suggestion is saved as open, never as a score")

        requests = requests_made(driver)
        outside = [url for url in requests if not url.startswith(("file:", "data:", "blob:"))]
        check(outside == [], "the page made no network request (%s)" % ", ".join(outside[:3]))
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
