#!/usr/bin/env python3
"""Browser test of the whole-kader form as a facilitator uses it in a live meeting (issue 18),
in headless Chromium through selenium, from the built site (file://).

Usage: live_session.py SITE_DIR WORK_DIR

Checks, at a projector's 1280 x 720: screen text of at least 17 px; the bar that stays in view
after scrolling, with save, open, progress and the menu of the parts, whose current part follows
the scrolling and the menu's links; a focused field never under the bar; progress counting as
statuses are chosen; the chosen status filled and marked; text fields that grow with their text
inside their cards; adding and removing organisations and plan rows keeping the focus and saying
so; an impossible date marked at its field and refused on save; "Bestand openen" asking before
it replaces work (cancel keeps it, confirm replaces it); printing (Chromium's print to PDF, read
with pdftotext) an empty form as the paper form and a filled one with every entered text, the
chosen statuses, "Nog open" only where none was chosen and the practice and date on every page;
and the form at 320 px no wider than the window. Writes the PDFs and screenshots into WORK_DIR.
The words it looks for come from the form's own data. Prints one line per check; exits non-zero
on the first failure.
"""
import json
import os
import re
import subprocess
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains

from common import check, chromium, print_to_pdf, wait_until
from fill_in import button, choose, field, indicator, read_words, text_field, WORDS, STATUS_LABELS

# A long reflection with line breaks (40 lines) and multi-line actions.
LONG = "\n".join("Regel %d van de reflectie: wat we zagen en waarom het zo gaat." % number for number in range(1, 41))
ACTIONS = "Bellen met de corporatie\nVerslag rondsturen\nVolgende keer terugkoppelen"
SCORED = {"P1.01": "opOrde", "P2.03": "inOntwikkeling", "P5.02": "nietOpOrde", "K.04": "opOrde"}
PRACTICE = "Housing First Projectie"
DATE = "2025-05-20"


def say(key, **values):
    text = WORDS[key]
    for name, value in values.items():
        text = text.replace("{%s}" % name, str(value))
    return text


def bar_bottom(driver):
    return driver.execute_script("return document.querySelector('.fill-bar').getBoundingClientRect().bottom")


def current_part(driver):
    return driver.execute_script("var a = document.querySelector('.fill-menu a[aria-current]');"
                                 "return a ? a.querySelector('.fill-menu-id').textContent : null")


def scroll_to(driver, element, where="start"):
    driver.execute_script("arguments[0].scrollIntoView({block: arguments[1]})", element, where)
    time.sleep(0.3)


def live_text(driver):
    return driver.find_element(By.CSS_SELECTOR, ".fill-status").text


def print_pdf(driver, path):
    """Chromium's print to PDF (as Ctrl+P with "Save as PDF"), and the text of each page."""
    driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    print_to_pdf(driver, path)
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def words(text):
    return " ".join(text.split())


def check_screen_type(driver):
    small = driver.execute_script("""
      var out = [];
      var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      var node;
      while ((node = walker.nextNode())) {
        if (!node.textContent.trim()) { continue; }
        var parent = node.parentElement;
        if (!parent.getClientRects().length || parent.closest('.visually-hidden')) { continue; }
        var size = parseFloat(getComputedStyle(parent).fontSize);
        if (size < 17) { out.push(parent.tagName + '.' + parent.className + ' ' + size + 'px: ' + node.textContent.trim().slice(0, 30)); }
      }
      return out;""")
    check(not small, "every text on the screen is at least 17 px (%s)" % small[:3])


def check_bar_and_menu(driver):
    bar = driver.find_element(By.CSS_SELECTOR, ".fill-bar")
    for text in (WORDS["saveFile"], WORDS["openFile"]):
        check(bar.find_elements(By.XPATH, ".//button[text()='%s']" % text), "the bar holds the button '%s'" % text)
    check(words(driver.find_element(By.CSS_SELECTOR, ".fill-progress").text) == say("progress", done=0, total=83),
          "the bar says '%s'" % say("progress", done=0, total=83))
    links = driver.find_elements(By.CSS_SELECTOR, ".fill-menu a")
    shorts = [link.find_element(By.CSS_SELECTOR, ".fill-menu-id").text for link in links]
    check(shorts == ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "S", "K", WORDS["planShort"]],
          "the menu lists the ten parts and the plan (%s)" % shorts)
    for link in links:
        target = driver.find_element(By.ID, link.get_attribute("href").split("#", 1)[1])
        check(target.tag_name == "h2", "the menu's %s links to the heading '%s'" % (link.text.split()[0], target.text))

    scroll_to(driver, driver.find_element(By.ID, links[3].get_attribute("href").split("#", 1)[1]))
    driver.execute_script("window.scrollBy(0, 1500)")
    time.sleep(0.3)
    top = driver.execute_script("return document.querySelector('.fill-bar').getBoundingClientRect().top")
    check(abs(top) < 1 and driver.execute_script("return window.scrollY") > 5000,
          "after scrolling far down the bar is still at the top of the window (%s)" % top)
    check(current_part(driver) == "P4", "in Part 4 the menu marks P4 as current (%s)" % current_part(driver))
    scroll_to(driver, driver.find_element(By.CSS_SELECTOR, '.form-indicator[data-indicator="P7.02"]'), "center")
    check(current_part(driver) == "P7", "scrolled on to P7.02 the menu marks P7 (%s)" % current_part(driver))
    links[8].click()
    time.sleep(0.5)
    heading = driver.find_element(By.ID, links[8].get_attribute("href").split("#", 1)[1])
    check(current_part(driver) == "S", "after the menu's link S the menu marks S (%s)" % current_part(driver))
    top = heading.rect["y"] - driver.execute_script("return window.scrollY")
    check(top >= bar_bottom(driver) - 1, "the heading the menu leads to is below the bar (%s >= %s)" % (top, bar_bottom(driver)))

    # A field that Tab moves to is scrolled out from under the bar.
    area = text_field(driver, "P3.02", "reflection")
    before = indicator(driver, "P3.02").find_elements(By.CSS_SELECTOR, ".fill-scores input")[-1]
    driver.execute_script("arguments[0].focus({preventScroll: true});"
                          "window.scrollTo(0, window.scrollY + arguments[1].getBoundingClientRect().top - 30)", before, area)
    check(area.rect["y"] - driver.execute_script("return window.scrollY") < bar_bottom(driver), "the next field starts under the bar")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    time.sleep(0.3)
    focused_top = driver.execute_script("return document.activeElement.getBoundingClientRect().top")
    check(driver.switch_to.active_element == area and focused_top >= bar_bottom(driver),
          "Tab to it brings it out from under the bar (%s >= %s)" % (focused_top, bar_bottom(driver)))


def check_progress_and_status(driver):
    for number, (indicator_id, status) in enumerate(SCORED.items(), start=1):
        choose(driver, indicator_id, status)
        progress = words(driver.find_element(By.CSS_SELECTOR, ".fill-progress").text)
        check(progress == say("progress", done=number, total=83), "after choosing %s: '%s'" % (indicator_id, progress))
    choose(driver, "P5.02", None)
    progress = words(driver.find_element(By.CSS_SELECTOR, ".fill-progress").text)
    check(progress == say("progress", done=3, total=83), "'Nog open' for P5.02 counts it out again: '%s'" % progress)
    choose(driver, "P5.02", "nietOpOrde")
    count = driver.find_element(By.CSS_SELECTOR, '.fill-menu a[href="#%s"] .fill-menu-count' %
                                indicator(driver, "P1.01").find_element(By.XPATH, "ancestor::section").find_element(By.TAG_NAME, "h2").get_attribute("id")).text
    check(count == say("partProgress", done=1, total=23), "the menu's P1 says %s" % count)

    # The chosen tile is filled (dark, white words), with a thicker border than the others.
    styles = driver.execute_script("""
      return Array.from(arguments[0].querySelectorAll('.fill-score label')).map(function (label) {
        var s = getComputedStyle(label); return [label.textContent.trim(), s.backgroundColor, s.color, parseFloat(s.borderTopWidth)]; });""",
                                   indicator(driver, "P2.03"))
    chosen = [style for style in styles if style[0].endswith(STATUS_LABELS["inOntwikkeling"])][0]
    others = [style for style in styles if style is not chosen]
    check(chosen[2] == "rgb(255, 255, 255)" and chosen[1] != "rgb(255, 255, 255)" and all(chosen[3] > other[3] for other in others),
          "the chosen status is a filled tile with white words and a thicker border (%s)" % chosen)


def check_text_fields(driver):
    area = text_field(driver, "P2.03", "reflection")
    area.send_keys(LONG)
    text_field(driver, "P2.03", "actions").send_keys(ACTIONS)
    time.sleep(0.2)
    sizes = driver.execute_script("var a = arguments[0], card = a.closest('.form-indicator').getBoundingClientRect(), r = a.getBoundingClientRect();"
                                  "return [a.scrollHeight, a.clientHeight, r.left >= card.left, r.right <= card.right];", area)
    check(sizes[0] <= sizes[1] + 2, "the reflection field grew to its 40 lines (%s of %s px shown)" % (sizes[1], sizes[0]))
    check(sizes[2] and sizes[3], "the field stays inside its card")


def check_rows(driver):
    for number in (1, 2, 3):
        button(driver, WORDS["addOrganisation"]).click()
        rows = driver.find_elements(By.CSS_SELECTOR, ".fill-organisations .fill-row")
        active = driver.switch_to.active_element
        check(len(rows) == number and active == rows[-1].find_element(By.TAG_NAME, "input"),
              "after adding organisation %d the focus is on its name field" % number)
        check(live_text(driver) == say("organisationAdded", number=number), "the form says '%s'" % live_text(driver))
        active.send_keys("Organisatie %d" % number)
    rows = driver.find_elements(By.CSS_SELECTOR, ".fill-organisations .fill-row")
    rows[1].find_element(By.TAG_NAME, "button").click()
    rows = driver.find_elements(By.CSS_SELECTOR, ".fill-organisations .fill-row")
    active = driver.switch_to.active_element
    check(len(rows) == 2 and active == rows[1].find_element(By.TAG_NAME, "input") and active.get_attribute("value") == "Organisatie 3",
          "after removing organisation 2 the focus is on the one that took its place")
    check(live_text(driver) == say("organisationRemoved", number=2), "the form says '%s'" % live_text(driver))
    rows[1].find_element(By.TAG_NAME, "button").click()
    rows = driver.find_elements(By.CSS_SELECTOR, ".fill-organisations .fill-row")
    check(driver.switch_to.active_element == rows[0].find_element(By.TAG_NAME, "input"),
          "after removing the last organisation the focus is on the one before it")
    rows[0].find_element(By.TAG_NAME, "button").click()
    check(driver.switch_to.active_element.text == WORDS["addOrganisation"], "after removing the only one the focus is on the add button")
    button(driver, WORDS["addOrganisation"]).click()
    driver.switch_to.active_element.send_keys("Stichting Projectie")

    button(driver, WORDS["addAction"]).click()
    rows = driver.find_elements(By.CSS_SELECTOR, ".fill-plan-row")
    check(driver.switch_to.active_element == rows[-1].find_element(By.TAG_NAME, "input"),
          "after adding an action the focus is on its first field")
    check(live_text(driver) == say("actionAdded", number=1), "the form says '%s'" % live_text(driver))
    driver.switch_to.active_element.send_keys("Spreiding vastleggen")
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    check(not errors, "no script error while adding and removing rows (%s)" % errors[:1])


def check_date(driver, downloads):
    field(driver, WORDS["practice"]).send_keys(PRACTICE)
    date = field(driver, WORDS["date"])
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", date)
    date.click()
    # 30 February, in the order of the browser's date field (headless Chromium: month, day, year).
    date.send_keys("02302025")
    driver.find_element(By.TAG_NAME, "h1").click()
    message_id = date.get_attribute("aria-describedby")
    message = driver.find_element(By.ID, message_id) if message_id else None
    check(date.get_attribute("aria-invalid") == "true" and message is not None and message.is_displayed()
          and message.text == WORDS["dateInvalid"], "an impossible date is marked at its field: '%s'" % (message.text if message else None))
    before = set(os.listdir(downloads))
    button(driver, WORDS["saveFile"]).click()
    time.sleep(1)
    check(set(os.listdir(downloads)) == before, "saving with that date writes no file")
    check(live_text(driver).startswith(say("notSaved", problems="")) and WORDS["dateInvalid"] in live_text(driver),
          "and says why: '%s'" % live_text(driver))
    check(driver.switch_to.active_element == date, "and puts the focus on the date")
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", date, DATE)
    check(date.get_attribute("aria-invalid") is None and not driver.find_element(By.ID, message_id).is_displayed(),
          "a right date takes the message away")
    check(not live_text(driver).startswith(say("notSaved", problems="").strip()), "and the bar no longer says it was not saved")


def check_open_confirm(driver, work):
    other = os.path.join(work, "ander.md")
    with open(other, "w", encoding="utf-8") as file:
        file.write("---\npraktijk: Housing First Ander\ndatum: 2025-01-10\ncode: anderecode123\n---\n"
                   "## P1.05 Verspreid wonen\n\n**Kleurscore:** rood\n")
    for answer in ("dismiss", "accept"):
        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(other)
        alert = wait_until(lambda: driver.switch_to.alert)
        check(alert is not None, "opening a file over work asks first")
        check("ander.md" in alert.text, "opening a file over work asks first: '%s'" % alert.text)
        getattr(alert, answer)()
        time.sleep(0.3)
        practice = field(driver, WORDS["practice"]).get_attribute("value")
        if answer == "dismiss":
            check(practice == PRACTICE and live_text(driver) == say("openCancelled", name="ander.md"),
                  "Cancel keeps the work (%s) and says so" % practice)
        else:
            check(practice == "Housing First Ander", "OK replaces the work with the file (%s)" % practice)


def check_phone(driver, work):
    check_screen_type(driver)
    scroll_to(driver, indicator(driver, "P2.03"))
    driver.save_screenshot(os.path.join(work, "phone.png"))
    area = text_field(driver, "P2.03", "reflection")
    inside = driver.execute_script("var a = arguments[0].getBoundingClientRect(), c = arguments[0].closest('.form-indicator').getBoundingClientRect();"
                                   "return a.left >= c.left && a.right <= c.right && arguments[0].scrollHeight <= arguments[0].clientHeight + 2", area)
    check(inside, "on a phone the long reflection is inside its card and shown whole")
    toggle = driver.find_element(By.CSS_SELECTOR, ".fill-menu-toggle")
    check(toggle.is_displayed() and not driver.find_element(By.CSS_SELECTOR, ".fill-menu ul").is_displayed(),
          "on a phone the menu is closed behind its button")
    toggle.click()
    check(toggle.get_attribute("aria-expanded") == "true" and driver.find_element(By.CSS_SELECTOR, ".fill-menu ul").is_displayed(),
          "the button opens it")
    driver.save_screenshot(os.path.join(work, "phone-menu.png"))
    toggle.click()


def main():
    site, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    downloads = os.path.join(work, "downloads")
    os.makedirs(downloads, exist_ok=True)
    url = "file://" + os.path.join(site, "kader/formulieren/kwaliteitskader.html")
    driver = chromium(download_dir=downloads)
    try:
        driver.set_window_size(1280, 720)
        driver.get(url)
        read_words(driver)
        driver.save_screenshot(os.path.join(work, "projector-top.png"))
        check_screen_type(driver)

        pages = print_pdf(driver, os.path.join(work, "empty.pdf"))
        text = "\n".join(pages)
        paper = driver.execute_script("return Array.from(document.querySelectorAll('.kb-paper .write-label, .kb-paper .scores-label, .kb-paper th, table.kb-paper th'))"
                                      ".map(function (e) { return e.textContent.trim(); })")
        missing = [label for label in paper if words(label) not in words(text)]
        check(paper and not missing, "the empty form prints the paper form's %d labels, the Plan van aanpak's column heads among them (missing: %s)" % (len(paper), missing[:3]))
        check(WORDS["saveFile"] not in text and WORDS["notScored"] not in text and WORDS["addOrganisation"] not in text,
              "and none of the web form's buttons or 'Nog open'")

        check_bar_and_menu(driver)
        driver.save_screenshot(os.path.join(work, "projector-middle.png"))
        check_progress_and_status(driver)
        check_text_fields(driver)
        check_rows(driver)
        check_date(driver, downloads)
        field(driver, WORDS["region"]).send_keys("Proefstad")
        scroll_to(driver, text_field(driver, "P2.03", "actions"), "center")
        driver.save_screenshot(os.path.join(work, "projector-filled.png"))
        scroll_to(driver, driver.find_element(By.CSS_SELECTOR, ".fill-plan"))
        driver.save_screenshot(os.path.join(work, "projector-plan.png"))

        pages = print_pdf(driver, os.path.join(work, "filled.pdf"))
        text = "\n".join(pages)
        flat = words(text)
        missing = [line for line in (LONG + "\n" + ACTIONS).split("\n") if line not in text]
        check(not missing, "the filled form prints every line of the long reflection and the actions (missing: %s)" % missing[:2])
        for indicator_id, status in SCORED.items():
            line = words(say("scoreFor", id=indicator_id)) + ":"
            check(re.search(re.escape(line) + " . " + re.escape(STATUS_LABELS[status]), flat),
                  "%s prints its status '%s' with its shape" % (indicator_id, STATUS_LABELS[status]))
            check(not re.search(re.escape(line) + " . " + re.escape(WORDS["notScored"]), flat), "%s does not print 'Nog open'" % indicator_id)
        check(flat.count(WORDS["notScored"]) == 83 - len(SCORED), "'Nog open' is printed for the %d indicators without a status (%d)" % (83 - len(SCORED), flat.count(WORDS["notScored"])))
        check(WORDS["saveFile"] not in text and "Organisatie 3" not in text, "the buttons and removed rows are not printed")
        check("Stichting Projectie" in text and "Spreiding vastleggen" in text and "Proefstad" in text,
              "the organisation, the plan row and the region are printed")
        header = (words(WORDS["practice"]) + ": " + PRACTICE, words(WORDS["date"]) + ": " + DATE)
        without = [number for number, page in enumerate(pages, start=1) if not all(value in words(page) for value in header)]
        check(not without, "every printed page (%d) carries '%s' and '%s' (not: %s)" % (len(pages), header[0], header[1], without[:5]))
        blanks = [number for number, page in enumerate(pages, start=1) if "____" in page]
        check(not blanks, "and no blank line to write the practice or date on (pages: %s)" % blanks[:5])

        for width, name in ((320, "kwaliteitskader.html"), (360, "kwaliteitskader.html"), (320, "voorbereiding.html")):
            driver.set_window_size(width, 720)
            driver.get(os.path.dirname(url) + "/" + name)
            time.sleep(0.3)
            inner, scroll = driver.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
            check(scroll <= inner, "%s at %d px is no wider than the window (%d <= %d)" % (name, width, scroll, inner))
            if width == 360:
                check_phone(driver, work)
                check_open_confirm(driver, work)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
