#!/usr/bin/env python3
"""Browser test of search, in a real headless Chromium through selenium.

Usage: search.py SITE_DIR

Serves the parent folder of SITE_DIR on a free loopback port (so the site lives under a
subpath), types queries into the search field of the home page, and checks the results.
Prints one line per check; exits non-zero on the first failure.
"""
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from common import check, chromium, serve, wait_until


def results(driver):
    # After Enter the search page may still be loading: wait for its status line, then its results.
    def done():
        found = driver.find_elements(By.ID, "kb-zoekstatus")
        status = found[0].text if found else ""
        return "resultat" in status or "Geen" in status
    wait_until(done)
    return [link.get_attribute("href") for link in driver.find_elements(By.CSS_SELECTOR, "#kb-resultaten h2 a")]


def search_from_home(driver, home, query):
    driver.get(home)
    field = driver.find_element(By.ID, "kb-zoekveld")
    field.send_keys(query)
    field.send_keys(Keys.ENTER)
    return results(driver)


def main():
    site = os.path.abspath(sys.argv[1])
    server = serve(os.path.dirname(site))
    home = "http://127.0.0.1:%d/%s/index.html" % (server.server_address[1], os.path.basename(site))
    driver = chromium()
    try:
        found = search_from_home(driver, home, "harm reduction")
        check(any(url.endswith("/kernprincipes/harm-reduction/index.html") for url in found),
              "'harm reduction' finds the Harm reduction principle page")
        check(driver.find_elements(By.CSS_SELECTOR, "#kb-resultaten .search-excerpt mark"), "the excerpt marks the match")
        check(any(section.text == "Kernprincipes" for section in driver.find_elements(By.CSS_SELECTOR, ".search-section")),
              "results show their section")
        found = search_from_home(driver, home, "P6.02")
        check(any(url.endswith("/kader/p6/index.html") for url in found), "'P6.02' finds kader part 6")
        found = search_from_home(driver, home, "caseload")
        check(any(url.endswith("/kader/p6/index.html") for url in found), "'caseload' finds kader part 6")
        found = search_from_home(driver, home, "woningen")
        check(any(url.endswith("/kernprincipes/huisvesting-is-een-mensenrecht/index.html") for url in found),
              "'woningen' finds pages about 'woning' (Dutch stemming)")
        for query in ("Duinmeer", "voorbereiding", "formulier", "Pagina niet gevonden"):
            found = search_from_home(driver, home, query)
            leaked = [url for url in found if "q8v3m1x7k2d9" in url or "/formulieren/" in url or url.endswith("/404.html")]
            check(leaked == [], "'%s' finds no unlisted page, form or 404 page (%s)" % (query, ", ".join(leaked)))
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
