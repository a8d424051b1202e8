#!/usr/bin/env python3
"""Keyboard-only walk in headless Chromium: on each page, Tab reaches every interactive element,
each shows a visible focus indicator, and the skip link works with Enter. The pages include those
of the session's journey: the session start page, the preparation form, the bundle page with the
shipped preparations, the joint form it starts (with its suggestions) and its result view.

With ANCHOR_SITE_DIR, also follows links to a heading whose anchor has letters with accents
(`#één-vraag-wat`, as GitHub makes it), written as such and percent-encoded, from a served
site and from a folder (file://): each must land on that heading.

Usage: keyboard.py SITE_DIR [ANCHOR_SITE_DIR]
"""
import json
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains

from common import check, chromium, serve, wait_until

# The joint form as the bundle page opens it (its suggestions, each with its button), and its
# result view ("Bekijk uitslag": its buttons and next steps; the result's own links are in a frame).
JOINT_FROM_BUNDLE = "kader/formulieren/kwaliteitskader.html (from the bundle)"
RESULT_VIEW = "kader/formulieren/kwaliteitskader.html (result view)"
# Each page with the window width it is walked at: the fill-in forms also on a phone, where the
# menu of the parts is closed behind its button, and the session start page.
PAGES = [("index.html", 1280), ("kernprincipes/harm-reduction/index.html", 1280), ("kader/p6/index.html", 1280),
         ("zelfevaluaties/housing-first-duinmeer-2025-03-11/index.html", 1280), ("kader/formulieren/voorbereiding.html", 1280),
         ("kader/formulieren/voorbereiding.html", 360), ("kader/formulieren/sessie-starten.html", 1280),
         ("kader/formulieren/sessie-starten.html", 360), ("kader/formulieren/bundelen.html", 1280),
         ("kader/formulieren/bundelen.html", 360), (JOINT_FROM_BUNDLE, 1280), (JOINT_FROM_BUNDLE, 360),
         (RESULT_VIEW, 1280)]
# The bundle page is walked with the shipped example's preparations opened (and its result file,
# which the page lists as refused): each file's remove button, the buttons and the table's links.
BUNDLE_PAGE = "kader/formulieren/bundelen.html"
SHIPPED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "content", "zelfevaluaties")

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


def open_shipped_preparations(driver):
    names = sorted(name for name in os.listdir(SHIPPED) if name.endswith(".md")
                   and "\nnamens:" in open(os.path.join(SHIPPED, name), encoding="utf-8").read()) + ["duinmeer-2026.md"]
    driver.find_element(By.CSS_SELECTOR, "#kb-bundle input[type=file]").send_keys(
        "\n".join(os.path.abspath(os.path.join(SHIPPED, name)) for name in names))
    check(wait_until(lambda: len(driver.find_elements(By.CSS_SELECTOR, ".bundle-files li")) == len(names)),
          "the bundle page opened the shipped preparations")


def start_joint_form(driver):
    """From the bundle page with the shipped preparations: the joint form with their suggestions."""
    words = json.loads(driver.find_element(By.ID, "kb-invuldata").get_attribute("textContent"))["labels"]
    driver.execute_script("localStorage.clear()")  # the joint form's earlier work would be kept
    start = driver.find_element(By.XPATH, "//button[text()='%s']" % words["bundleStart"])
    driver.execute_script("window.confirm = function () { return true; }; arguments[0].click()", start)
    check(wait_until(lambda: driver.find_elements(By.CSS_SELECTOR, ".fill-suggestion:not([hidden]) button")),
          "the joint form opened from the bundle with its suggestions")
    driver.execute_script("window.scrollTo(0, 0)")


def follow_anchor_links(driver, base, where):
    """Clicks each link of sectie/twee/ to een/ and checks the heading it lands on."""
    for text in ("als geschreven", "gecodeerd", "zoals MkDocs"):
        driver.get(base + "sectie/twee/index.html")
        driver.find_element(By.LINK_TEXT, text).click()
        target = driver.execute_script("var t = document.querySelector(':target'); return t ? t.id : null")
        check(target == "\u00e9\u00e9n-vraag-wat", "%s: the link '%s' lands on the heading #één-vraag-wat (got %r)" % (where, text, target))
    driver.get(base + "sectie/een/index.html")
    driver.find_element(By.LINK_TEXT, "Één vraag: wat?").click()
    target = driver.execute_script("var t = document.querySelector(':target'); return t ? t.id : null")
    check(target == "\u00e9\u00e9n-vraag-wat", "%s: the table of contents lands on #één-vraag-wat (got %r)" % (where, target))


def main():
    site = os.path.abspath(sys.argv[1])
    server = serve(site)
    base = "http://127.0.0.1:%d/" % server.server_address[1]
    driver = chromium()
    total = 0
    try:
        for page, window_width in PAGES:
            driver.set_window_size(window_width, 1600)
            driver.get(base + (BUNDLE_PAGE if page in (JOINT_FROM_BUNDLE, RESULT_VIEW) else page))
            if page in (BUNDLE_PAGE, JOINT_FROM_BUNDLE, RESULT_VIEW):
                open_shipped_preparations(driver)
            if page in (JOINT_FROM_BUNDLE, RESULT_VIEW):
                start_joint_form(driver)
            if page == RESULT_VIEW:
                words = json.loads(driver.find_element(By.ID, "kb-invuldata").get_attribute("textContent"))["labels"]
                driver.find_element(By.XPATH, "//button[text()='%s']" % words["resultShow"]).click()
                check(wait_until(lambda: driver.find_element(By.CSS_SELECTOR, ".fill-result").is_displayed()), "the result view is shown")
                driver.execute_script("window.scrollTo(0, 0); document.activeElement.blur()")
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
                if html in reached:
                    # Focus that came round again (past the end of the page, through the
                    # browser's own controls, where the page's :focus styles do not apply yet).
                    continue
                reached.append(html)
                if (style == "none" or width == "0px") and shadow == "none":
                    invisible.append(html)
            missing = [html for html in wanted if html not in reached]
            where = page if window_width == 1280 else "%s at %d px" % (page, window_width)
            check(not missing, "%s: Tab reaches all %d interactive elements (missing: %s)" % (where, len(wanted), missing[:3]))
            check(not invisible, "%s: every focused element shows a focus indicator (%s)" % (where, invisible[:3]))
            total += len(wanted)
        driver.set_window_size(1280, 1600)
        driver.get(base + "kernprincipes/harm-reduction/index.html")
        ActionChains(driver).send_keys(Keys.TAB).perform()
        check(driver.switch_to.active_element.get_attribute("class") == "skip-link", "the first Tab lands on the skip link")
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        check(driver.switch_to.active_element.get_attribute("id") == "kb-inhoud", "Enter on the skip link moves focus to the content")
        print("interactive elements walked: %d" % total)
        if len(sys.argv) > 2:
            anchors = os.path.abspath(sys.argv[2])
            follow_anchor_links(driver, "file://" + anchors + "/", "from a folder")
            anchor_server = serve(anchors)
            try:
                follow_anchor_links(driver, "http://127.0.0.1:%d/" % anchor_server.server_address[1], "served")
            finally:
                anchor_server.shutdown()
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
