#!/usr/bin/env python3
"""Accessibility check with axe-core 4.x in headless Chromium, on desktop and on a phone.

Usage: accessibility.py SITE_DIR [WIDTH ...] [--only "NAME;NAME"]

Serves SITE_DIR on a free loopback port and runs axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules
and best practices) on a page of every kind: home, a section, a knowledge page, the editor guide,
the kader overview and a part, the forms (whole kader blank and being filled in, a part, the Plan
van aanpak, the preparation), the assessments overview, a result page, a preparation overview,
search results, the book, the facilitator's session start page (refused at its fields, and
started with its invitation link), the bundle page with the shipped preparations opened, the
joint form started from it with its suggestions, the joint form's result view and the result
saved as one page, the preparation form opened from an invitation link, and the 404 page (also as a server answers it at a nested address, its
missing paths answered with 404.html); each at every WIDTH given (default: 1280 and 360 px),
or only the pages named after --only. The words it clicks and waits for come from the page, so
it checks a site in any language.
Prints every violation; exits non-zero when there is any, whatever its impact.
"""
import importlib.util
import json
import os
import sys
import tempfile
import time

from selenium.webdriver.common.by import By

from common import check, chromium, serve_with_not_found, wait_until


def axe_source():
    """axe-core 4.x as shipped, as a plain file, inside PyPI `axe-playwright-python` (installed
    by scripts/setup.sh --test without its Playwright dependency; found without importing it)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("accessibility: axe-playwright-python is not installed; run scripts/setup.sh --test")
    with open(os.path.join(spec.submodule_search_locations[0], "axe.min.js"), encoding="utf-8") as file:
        return file.read()


AXE = axe_source()
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


PAGES = [
    ("home", "index.html", None),
    ("section", "kernprincipes/index.html", None),
    ("principle", "kernprincipes/harm-reduction/index.html", None),
    ("editor guide", "over-deze-kennisbank/index.html", None),
    ("kader overview", "kader/index.html", None),
    ("kader part", "kader/p1/index.html", None),
    ("kader guide, with tables and callouts", "kader/gebruik/index.html", None),
    ("whole-kader form, blank", "kader/formulieren/kwaliteitskader.html", None),
    ("whole-kader form, being filled in", "kader/formulieren/kwaliteitskader.html", "fill"),
    ("part form", "kader/formulieren/p1.html", None),
    ("plan form", "kader/formulieren/plan-van-aanpak.html", None),
    ("preparation form", "kader/formulieren/voorbereiding.html", None),
    ("assessments overview", "zelfevaluaties/index.html", None),
    ("assessment result", "zelfevaluaties/housing-first-duinmeer-2026-03-10-q8v3m1x7k2d9/index.html", None),
    ("preparation overview", "zelfevaluaties/voorbereiding-duinmeer-2026-q8v3m1x7k2d9/index.html", None),
    ("search results", "zoeken/index.html?q=woning", "search"),
    ("book", "boek/index.html", None),
    ("not found", "404.html", None),
    # The 404 page as a web server answers it at a nested address, its links and style set by
    # its script (issue 18).
    ("not found, nested", "kader/p1/bestaat-niet/", None),
    # The practice side's result pages (issue 18): an earlier round, and one party's preparation.
    ("assessment result, earlier round", "zelfevaluaties/housing-first-duinmeer-2025-03-11/index.html", None),
    ("preparation of one party", "zelfevaluaties/voorbereiding-gemeente-duinmeer-2026-q8v3m1x7k2d9/index.html", None),
    # The bundle page with the shipped preparations opened, and the session's result file,
    # which it refuses with its reason.
    ("bundle page, files opened", "kader/formulieren/bundelen.html", "bundle"),
    # The joint form started from that bundle, its agreed scores as suggestions; its result
    # ("Bekijk uitslag") with the shipped result file opened; and that result saved as one page.
    ("preparation form from an invitation link",
     "kader/formulieren/voorbereiding.html#sessie=duinmeer-proef&code=k3x9abcdef12&praktijk=Housing%20First%20Proef"
     "&regio=Duinstreek&datum=2026-04-01", None),
    ("joint form with suggestions", "kader/formulieren/bundelen.html", "suggest"),
    ("joint form's result view", "kader/formulieren/kwaliteitskader.html", "result"),
    ("saved result page", "kader/formulieren/kwaliteitskader.html", "saved-result"),
    # The facilitator's session start page: refused with its messages at the fields, then started
    # (its summary, the invitation link, the e-mail text and its buttons).
    ("session start, refused", "kader/formulieren/sessie-starten.html", "start-refused"),
    ("session start, started", "kader/formulieren/sessie-starten.html", "start"),
]

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def shipped_preparations():
    """The shipped example's preparation files (those with `namens:`), and its result file."""
    folder = os.path.join(REPOSITORY, "content", "zelfevaluaties")
    names = sorted(name for name in os.listdir(folder) if name.endswith(".md")
                   and "\nnamens:" in open(os.path.join(folder, name), encoding="utf-8").read())
    return [os.path.join(folder, name) for name in names + ["duinmeer-2026.md"]]



def start_session(driver, complete):
    """On the session start page: a new session, its details filled in (`complete`) or left
    empty, and "Uitnodiging maken" pressed."""
    driver.execute_script("window.localStorage.clear()")
    driver.refresh()
    words = json.loads(driver.find_element(By.ID, "kb-invuldata").get_attribute("textContent"))["labels"]
    if complete:
        fields = driver.find_elements(By.CSS_SELECTOR, ".start-details input")
        fields[0].send_keys("Housing First <b>Proef</b>")
        fields[1].send_keys("Duinstreek")
        driver.execute_script("arguments[0].value = '2026-04-01'; arguments[0].dispatchEvent(new Event('input'))",
                              driver.find_element(By.CSS_SELECTOR, ".start-details input[type=date]"))
    driver.find_element(By.XPATH, "//button[text()='%s']" % words["startMake"]).click()
    if complete and not wait_until(lambda: driver.find_element(By.CSS_SELECTOR, ".start-summary").is_displayed()):
        sys.exit("accessibility: the session start page did not start a session")


def main():
    arguments = sys.argv[2:]
    only = None
    if "--only" in arguments:
        index = arguments.index("--only")
        only = set(arguments[index + 1].split(";"))
        arguments = arguments[:index] + arguments[index + 2:]
    site = os.path.abspath(sys.argv[1])
    widths = [int(width) for width in arguments] or [1280, 360]
    pages = [page for page in PAGES if only is None or page[0] in only]
    server, base = serve_with_not_found(site)
    driver = chromium()
    driver.set_script_timeout(180)
    counts = {}
    failed = False
    try:
        for width, (name, path, action) in [(width, page) for width in widths for page in pages]:
            driver.set_window_size(width, 900)
            name = "%s (%d px)" % (name, width)
            driver.get(base + path)
            if action == "fill":
                radio = driver.find_element(By.CSS_SELECTOR, '.form-indicator[data-indicator="P1.01"] input[value="opOrde"]')
                driver.find_element(By.CSS_SELECTOR, 'label[for="%s"]' % radio.get_attribute("id")).click()
                words = json.loads(driver.find_element(By.ID, "kb-invuldata").get_attribute("textContent"))["labels"]
                driver.find_element(By.XPATH, "//button[text()='%s']" % words["addAction"]).click()
                # The live-session parts (issue 18): an organisation added, an impossible date
                # with its message, the menu of the parts opened on a phone, a part current.
                driver.execute_script("arguments[0].click()", driver.find_element(By.XPATH, "//button[text()='%s']" % words["addOrganisation"]))
                date = driver.find_element(By.CSS_SELECTOR, ".fill-header input[type=date]")
                driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", date)
                date.click()
                date.send_keys("02302025")
                driver.find_element(By.TAG_NAME, "h1").click()
                toggle = driver.find_element(By.CSS_SELECTOR, ".fill-menu-toggle")
                if toggle.is_displayed():
                    toggle.click()
                driver.execute_script("document.querySelector('.form-indicator[data-indicator=\"P3.02\"]').scrollIntoView()")
                time.sleep(0.3)
            if action in ("bundle", "suggest"):
                files = shipped_preparations()
                driver.find_element(By.CSS_SELECTOR, "#kb-bundle input[type=file]").send_keys("\n".join(files))
                wait_until(lambda: len(driver.find_elements(By.CSS_SELECTOR, ".bundle-files li")) == len(files)
                           and driver.find_elements(By.CSS_SELECTOR, ".bundle-overview table"))
            if action == "suggest":
                words = json.loads(driver.find_element(By.ID, "kb-invuldata").get_attribute("textContent"))["labels"]
                # The joint form's earlier work (another page's) is cleared: it would be kept.
                driver.execute_script("localStorage.clear()")
                driver.execute_script("arguments[0].click()", driver.find_element(By.XPATH, "//button[text()='%s']" % words["bundleStart"]))
                check(wait_until(lambda: driver.find_elements(By.CSS_SELECTOR, ".fill-suggestion:not([hidden])")),
                      "%s: the joint form shows the suggestions" % name)
                driver.execute_script("document.querySelector('.fill-suggestion:not([hidden])').scrollIntoView({block: 'center'})")
            if action in ("result", "saved-result"):
                words = json.loads(driver.find_element(By.ID, "kb-invuldata").get_attribute("textContent"))["labels"]
                driver.execute_script("window.confirm = function () { return true; }")
                driver.find_element(By.CSS_SELECTOR, "main input[type=file]").send_keys(os.path.join(REPOSITORY, "content", "zelfevaluaties", "duinmeer-2026.md"))
                wait_until(lambda: driver.execute_script("return kennisbankAssessment.toMarkdown().indexOf('Kleurscore') > 0"))
                driver.execute_script("arguments[0].click()", driver.find_element(By.XPATH, "//button[text()='%s']" % words["resultShow"]))
                check(wait_until(lambda: driver.execute_script(
                    "var d = document.querySelector('.fill-result-frame').contentDocument;"
        " return d.readyState === 'complete' && d.querySelectorAll('.assessment-indicator').length")),
                      "%s: the result is shown" % name)
            if action == "saved-result":
                saved = os.path.join(tempfile.mkdtemp(), "uitslag.html")
                with open(saved, "w", encoding="utf-8") as file:
                    file.write(driver.execute_script("return kennisbankAssessment.resultPage()"))
                driver.get("file://" + saved)
            if action in ("start", "start-refused"):
                start_session(driver, action == "start")
            if action == "search":
                searching = driver.find_element(By.CSS_SELECTOR, "script[data-searching]").get_attribute("data-searching")
                wait_until(lambda: driver.find_element(By.ID, "kb-zoekstatus").text not in ("", searching))
            driver.execute_script(AXE)
            result = driver.execute_async_script(
                "var done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                ".then(function (r) { done({violations: r.violations}); }, function (e) { done({error: String(e)}); });", TAGS)
            if "error" in result:
                print("%s: axe failed: %s" % (name, result["error"]))
                failed = True
                continue
            for violation in result["violations"]:
                impact = violation.get("impact") or "unknown"
                counts[impact] = counts.get(impact, 0) + 1
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                print("%s: %s [%s] %s (%d nodes: %s)" % (name, impact, violation["id"], violation["help"], len(violation["nodes"]), targets))
                if os.environ.get("AXE_DETAILS"):
                    print(violation["nodes"][0])
                failed = True
            print("checked: %s" % name)
    finally:
        driver.quit()
        server.shutdown()
    print("violations by impact: %s" % (", ".join("%s %d" % item for item in sorted(counts.items())) or "none"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
