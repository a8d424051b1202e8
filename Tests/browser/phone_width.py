#!/usr/bin/env python3
"""The result, comparison and preparation pages on a 320 px phone.

Usage: phone_width.py SITE_DIR PAGE ... [--file STANDALONE.html]

Serves SITE_DIR and opens each PAGE (a path in it), and the self-contained result file given
after --file (from the disk), in headless Chromium 320 px wide: no page is wider than the window
(document.documentElement.scrollWidth <= 320); the tables became cards whose cells show their
column's name (`.cell-label`), while a screen reader still finds a table (the computed roles
of the cells and headers); at 1280 px the cells show no such names.
"""
import os
import sys

from selenium.webdriver.common.by import By

from common import check, chromium, serve


def main():
    arguments = sys.argv[2:]
    standalone = None
    if "--file" in arguments:
        index = arguments.index("--file")
        standalone = os.path.abspath(arguments[index + 1])
        arguments = arguments[:index] + arguments[index + 2:]
    server = serve(os.path.abspath(sys.argv[1]))
    base = "http://127.0.0.1:%d/" % server.server_address[1]
    addresses = [(path, base + path) for path in arguments]
    if standalone:
        addresses.append((os.path.basename(standalone), "file://" + standalone))
    driver = chromium()
    try:
        for name, address in addresses:
            driver.set_window_size(320, 800)
            driver.get(address)
            width = driver.execute_script("return document.documentElement.scrollWidth")
            check(width <= 320, "%s is %d px wide in a 320 px window" % (name, width))
            tables = driver.find_elements(By.CSS_SELECTOR, "table.card-table")
            check(len(tables) > 0, "%s has tables that become cards" % name)
            for table in tables:
                caption = table.find_element(By.TAG_NAME, "caption").text
                cells = table.find_elements(By.CSS_SELECTOR, "tbody td")
                labels = [cell.find_elements(By.CSS_SELECTOR, ".cell-label") for cell in cells]
                shown = [label[0].is_displayed() for label in labels if label]
                check(shown and all(shown), "%s: the cells of '%s' show their column's name" % (name, caption))
                check(table.aria_role == "table" and cells[0].aria_role == "cell"
                      and table.find_element(By.CSS_SELECTOR, "thead th").aria_role == "columnheader",
                      "%s: '%s' is still a table to a screen reader (%s, %s)" % (name, caption, table.aria_role, cells[0].aria_role))
            driver.set_window_size(1280, 800)
            labels = driver.find_elements(By.CSS_SELECTOR, "table.card-table .cell-label")
            check(not any(label.is_displayed() for label in labels), "%s at 1280 px: a table, without names in its cells" % name)
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
