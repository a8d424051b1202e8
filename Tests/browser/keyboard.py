#!/usr/bin/env python3
"""Keyboard-only walk in headless Chromium: on each page, Tab reaches every interactive element,
each shows a visible focus indicator, and the skip link works with Enter.

Usage: keyboard.py SITE_DIR
"""
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains

from common import check, chromium, serve

PAGES = ["index.html", "kernprincipes/harm-reduction/index.html", "kader/p6/index.html",
         "zelfevaluaties/housing-first-duinmeer-2025-03-11/index.html", "kader/formulieren/voorbereiding.html"]

FOCUSABLE = """
return Array.from(document.querySelectorAll('a[href], button, input, select, textarea'))
  .filter(e => !e.disabled && e.getAttribute('tabindex') !== '-1' && e.offsetParent !== null && e.type !== 'hidden')
  .map(e => e.type === 'radio' ? 'radio group ' + e.name : e.outerHTML.slice(0, 80))
  .filter((value, index, all) => all.indexOf(value) === index);
"""

# Records, as each element gets the focus, its name and its focus style (read once per page
# after all Tab presses, instead of one round trip per press).
RECORD_FOCUS = """
window.kbFocus = [];
document.addEventListener('focusin', function (event) {
  var e = event.target, s = getComputedStyle(e);
  // Tab enters a radio group once; the arrow keys move inside it.
  var name = e.type === 'radio' ? 'radio group ' + e.name : e.outerHTML.slice(0, 80);
  window.kbFocus.push([name, s.outlineStyle, s.outlineWidth, s.boxShadow]);
}, true);
"""


def main():
    site = os.path.abspath(sys.argv[1])
    server = serve(site)
    base = "http://127.0.0.1:%d/" % server.server_address[1]
    driver = chromium()
    total = 0
    try:
        for page in PAGES:
            driver.get(base + page)
            wanted = driver.execute_script(FOCUSABLE)
            reached = []
            invisible = []
            # A freshly loaded page starts the Tab order at the top of the document.
            steps = driver.execute_script("return document.querySelectorAll('a[href], button, input, select, textarea').length")
            driver.execute_script(RECORD_FOCUS)
            pressed = 0
            while pressed < steps + 10:
                batch = min(50, steps + 10 - pressed)
                ActionChains(driver).send_keys(Keys.TAB * batch).perform()
                pressed += batch
            for html, style, width, shadow in driver.execute_script("return window.kbFocus"):
                if html.startswith("<body"):
                    continue
                if html not in reached:
                    reached.append(html)
                if (style == "none" or width == "0px") and shadow == "none":
                    invisible.append(html)
            missing = [html for html in wanted if html not in reached]
            check(not missing, "%s: Tab reaches all %d interactive elements (missing: %s)" % (page, len(wanted), missing[:3]))
            check(not invisible, "%s: every focused element shows a focus indicator (%s)" % (page, invisible[:3]))
            total += len(wanted)
        driver.get(base + "kernprincipes/harm-reduction/index.html")
        ActionChains(driver).send_keys(Keys.TAB).perform()
        check(driver.switch_to.active_element.get_attribute("class") == "skip-link", "the first Tab lands on the skip link")
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        check(driver.switch_to.active_element.get_attribute("id") == "kb-inhoud", "Enter on the skip link moves focus to the content")
        print("interactive elements walked: %d" % total)
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
