#!/usr/bin/env python3
"""Accessibility check with axe-core (PyPI axe-selenium-python) in headless Chromium.

Usage: accessibility.py SITE_DIR

Serves SITE_DIR on a free loopback port and runs axe-core on the pages people use most: home, a
principle page, a kader part, the whole-kader form (blank and being filled in), an assessment
result page, the preparation overview and search results. Prints every violation with its
impact; exits non-zero when any is serious or critical.
"""
import os
import sys
import time

import axe_selenium_python
from selenium.webdriver.common.by import By

from common import chromium, serve


# axe-core as shipped inside the axe-selenium-python package: nothing is downloaded.
AXE = open(os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js"),
           encoding="utf-8").read()


PAGES = [
    ("home", "index.html", None),
    ("principle", "kernprincipes/harm-reduction/index.html", None),
    ("kader part", "kader/p1/index.html", None),
    ("whole-kader form, blank", "kader/formulieren/kwaliteitskader.html", None),
    ("whole-kader form, being filled in", "kader/formulieren/kwaliteitskader.html", "fill"),
    ("assessment result", "zelfevaluaties/housing-first-duinmeer-2026-03-10-q8v3m1x7k2d9/index.html", None),
    ("preparation overview", "zelfevaluaties/voorbereiding-duinmeer-2026-q8v3m1x7k2d9/index.html", None),
    ("search results", "zoeken/index.html?q=woning", "search"),
    ("book", "boek/index.html", None),
]


def main():
    site = os.path.abspath(sys.argv[1])
    server = serve(site)
    base = "http://127.0.0.1:%d/" % server.server_address[1]
    driver = chromium()
    driver.set_script_timeout(180)
    counts = {}
    failed = False
    try:
        for name, path, action in PAGES:
            driver.get(base + path)
            if action == "fill":
                driver.find_element(By.CSS_SELECTOR, '.form-indicator[data-indicator="P1.01"] input[value="opOrde"]').click()
                driver.find_element(By.XPATH, "//button[text()='Actie toevoegen']").click()
            if action == "search":
                for _ in range(50):
                    if "resultat" in driver.find_element(By.ID, "kb-zoekstatus").text:
                        break
                    time.sleep(0.1)
            driver.execute_script(AXE)
            result = driver.execute_async_script(
                "var done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice']}})"
                ".then(function (r) { done({violations: r.violations}); }, function (e) { done({error: String(e)}); });")
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
                if impact in ("serious", "critical"):
                    failed = True
            print("checked: %s" % name)
    finally:
        driver.quit()
        server.shutdown()
    print("violations by impact: %s" % (", ".join("%s %d" % item for item in sorted(counts.items())) or "none"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
