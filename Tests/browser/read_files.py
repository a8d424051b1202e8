#!/usr/bin/env python3
"""Browser test: the fillable form reads assessment files as the site does.

Usage: read_files.py SITE_DIR FILES_DIR

Opens the whole-kader form from the built site (file://) in headless Chromium and reads every
`*.md` file of FILES_DIR with the form's own reader (the page's `parseAssessment`, the same
code "Bestand openen" runs). Writes FILES_DIR/read.json: per file, what the form read (each
indicator's status key, reflection and actions, the plan rows) or the errors it gives instead.
The Swift test (BrowserTests) compares that with what the site's reader reads from the same
files. Then opens one file the site refuses through the file field, as a user would, and
checks that the form says it was not opened and keeps what it held. Exits non-zero on failure.
"""
import json
import os
import sys
import time

from selenium.webdriver.common.by import By

from common import check, chromium


def main():
    site, folder = sys.argv[1:3]
    url = "file://" + os.path.abspath(os.path.join(site, "kader/formulieren/kwaliteitskader.html"))
    driver = chromium()
    try:
        driver.get(url)
        results = {}
        names = sorted(name for name in os.listdir(folder) if name.endswith(".md"))
        for name in names:
            with open(os.path.join(folder, name), encoding="utf-8") as file:
                text = file.read()
            results[name] = driver.execute_script("""
                var parsed = window.kennisbankAssessment.parse(arguments[0]);
                if (!parsed.state) { return { errors: parsed.errors }; }
                return { errors: parsed.errors, indicators: parsed.state.indicators, plan: parsed.state.plan };
            """, text)
        with open(os.path.join(folder, "read.json"), "w", encoding="utf-8") as file:
            json.dump(results, file, ensure_ascii=False, indent=2)
        print(f"ok: the form read {len(names)} files")

        rejected = [name for name in names if results[name]["errors"]]
        check(bool(rejected), "at least one file is refused by the form")
        driver.execute_script("window.localStorage.clear()")
        driver.get(url)
        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(os.path.abspath(os.path.join(folder, rejected[0])))
        time.sleep(0.5)
        live = driver.find_element(By.CSS_SELECTOR, "[aria-live]").text
        check("niet geopend" in live and "Regel " in live, f"the form says it did not open {rejected[0]} ({live!r})")
        stored = driver.execute_script("return Object.keys(window.localStorage).map(function (k) { return window.localStorage.getItem(k); }).join('')")
        check("P1.0" not in stored, "the refused file left the form's stored work alone")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
