#!/usr/bin/env python3
"""Browser test of the page where the facilitator starts a session (sessie-starten.html): its
details, its code and the invitation for the participants.

Usage: session_start.py SITE_DIR DOWNLOAD_DIR [BASE_URL_SITE_DIR]

From the built site (file://): starting without details, or with a date that does not exist, is
refused at the fields (aria-invalid, the message tied with aria-describedby, the focus on the
first problem), and a detail longer than a link may carry is marked while typing; the session's
name is proposed from the practice and the year, the code is one the site accepts and "Nieuwe
code" makes another; once started, the page says a link needs the published site and saves a
plain-text invitation (its session, code, practice, date and what to do); a practice name with
markup stays text; a reload shows the started session again.
Served over http: the invitation link is the preparation form's address resolved from the
page's, the details in its fragment and no query string; opened, it fills in and fixes the
preparation form's session, code, practice, region and date; the e-mail text carries the link;
"Kopieer link" says what happened, and without the clipboard "Kopieer tekst" selects the text
and says to press Ctrl+C; "Nieuwe bijeenkomst" starts over with a new code. Neither page makes a
network request outside the site. With BASE_URL_SITE_DIR (the site built with
`base_url: https://example.org/kennisbank/`), the link starts with the published address of the
preparation form, also from file://. Prints one line per check; exits non-zero on the first
failure. The Swift test (SessionStartBrowserTests) builds the base_url copy and runs this.
"""
import os
import re
import sys
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from common import check, chromium, serve, wait_until
from fill_in import WORDS, button, field, read_words, requests_made
from invitation import note

PRACTICE = "Housing First <b>Proef</b> & \"Zon\""
PROPOSED = "housing-first-b-proef-b-zon-2026"
REGION = "Duinstreek"
DATE = "2026-04-01"
PAGE = "kader/formulieren/sessie-starten.html"
PUBLISHED = "https://example.org/kennisbank/kader/formulieren/voorbereiding.html#"


def status(driver):
    return driver.find_element(By.CSS_SELECTOR, ".start-status").text


def shown_code(driver):
    return driver.find_element(By.CSS_SELECTOR, ".start-code-value").text


def summary(driver):
    """The started session's details as the page shows them ({} while none is started)."""
    rows = driver.find_elements(By.CSS_SELECTOR, ".start-summary:not([hidden]) tr")
    return {row.find_element(By.TAG_NAME, "th").text: row.find_element(By.TAG_NAME, "td").text for row in rows}


def set_date(driver, value):
    """Sets the date field as a date picker does (typing a date depends on the browser's locale)."""
    control = field(driver, WORDS["date"])
    driver.execute_script("arguments[0].value = arguments[1];"
                          "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                          "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", control, value)


def fill_details(driver, session=None):
    field(driver, WORDS["practice"]).send_keys(PRACTICE)
    field(driver, WORDS["region"]).send_keys(REGION)
    set_date(driver, DATE)
    if session:
        control = field(driver, WORDS["startSession"])
        control.clear()
        control.send_keys(session)


def start(driver):
    button(driver, WORDS["startMake"]).click()
    return wait_until(lambda: summary(driver), 10)


def outside_requests(driver, own):
    """The requests since the last look that went outside the site at `own`; checks that the log saw the site's own."""
    urls = requests_made(driver)
    check(any(url.startswith(own) for url in urls), "the network log records the page's own files")
    return [url for url in urls if not url.startswith(own + ("data:", "blob:"))]


def from_folder(driver, site, downloads):
    page = "file://" + os.path.abspath(os.path.join(site, PAGE))
    driver.get(page)
    read_words(driver)
    practice = field(driver, WORDS["practice"])
    code = shown_code(driver)
    check(re.fullmatch(r"[a-z0-9]{12,}", code) is not None, "the page shows a new session code the site accepts: %r" % code)
    button(driver, WORDS["startNewCode"]).click()
    check(shown_code(driver) not in ("", code) and status(driver) == WORDS["startNewCodeDone"].replace("{code}", shown_code(driver)),
          "\"Nieuwe code\" makes another code and says so")

    button(driver, WORDS["startMake"]).click()
    message_id = practice.get_attribute("aria-describedby")
    check(practice.get_attribute("aria-invalid") == "true" and message_id
          and driver.find_element(By.ID, message_id).text == WORDS["startPracticeMissing"],
          "starting without a practice is refused at its field")
    check(driver.switch_to.active_element == practice, "the focus goes to the first problem, the practice")
    check(WORDS["startPracticeMissing"] in status(driver) and not summary(driver), "the status says why, and nothing is started")

    region = field(driver, WORDS["region"])
    region.send_keys("x" * 501)
    check(region.get_attribute("aria-invalid") == "true"
          and driver.find_element(By.ID, region.get_attribute("aria-describedby")).text == WORDS["startTooLong"].replace("{maximum}", "500"),
          "a region longer than an invitation link may carry is marked while typing")
    region.send_keys(Keys.CONTROL + "a", Keys.DELETE)
    check(region.get_attribute("aria-invalid") is None, "and the mark goes once it is short enough")

    practice.send_keys(PRACTICE)
    region.send_keys(REGION)
    session = field(driver, WORDS["startSession"])
    check(session.get_attribute("value") == PROPOSED, "the session's name is proposed from the practice and the year: %r"
          % session.get_attribute("value"))
    date = field(driver, WORDS["date"])
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", date)
    date.click()
    date.send_keys("02302025")  # 30 February, as accessibility.py types an impossible date
    driver.find_element(By.TAG_NAME, "h1").click()  # closes the date picker
    button(driver, WORDS["startMake"]).click()
    check(date.get_attribute("aria-invalid") == "true" and driver.switch_to.active_element == date and not summary(driver),
          "an impossible date is refused at its field, which gets the focus")
    set_date(driver, DATE)
    check(session.get_attribute("value") == PROPOSED, "the proposal follows the date's year")
    check(status(driver) == "", "the refusal leaves the status line once every field is right")

    code = shown_code(driver)
    started = start(driver)
    check(started.get(WORDS["startCode"]) == code and started.get(WORDS["startSessionName"]) == PROPOSED
          and started.get(WORDS["practice"]) == PRACTICE, "the started session shows its name, code and practice: %s" % started)
    check(status(driver) == WORDS["startStarted"].replace("{session}", PROPOSED), "the status says the session has started")
    check(not driver.find_elements(By.CSS_SELECTOR, ".start-link"), "from a folder the page makes no link")
    check(driver.find_element(By.CSS_SELECTOR, ".start-no-link").text == WORDS["startNoLink"],
          "it says that a link needs the published site")
    check(not driver.find_elements(By.CSS_SELECTOR, "#kb-session-start b"), "the practice's markup is not made an element")
    mail = driver.find_element(By.CSS_SELECTOR, ".start-mail-text").get_attribute("value")
    check(PRACTICE in mail and code in mail and "#" not in mail, "the e-mail text names the practice and the code, and no link")

    button(driver, WORDS["startSaveInvitation"]).click()
    name = WORDS["startInvitationFile"].replace("{session}", PROPOSED)
    target = os.path.join(downloads, name)
    check(wait_until(lambda: os.path.exists(target)), "the invitation is saved as " + name)
    with open(target, encoding="utf-8") as file:
        saved = file.read()
    for word, values in (("startFileSession", {"session": PROPOSED}), ("startFileCode", {"code": code}),
                         ("startFilePractice", {"practice": PRACTICE}), ("startFileRegion", {"region": REGION}),
                         ("startFileDate", {"date": DATE}), ("startFileStepOpen", {}),
                         ("startFileStepCode", {"code": code, "session": PROPOSED}), ("startFileStepReturn", {})):
        line = WORDS[word]
        for key, value in values.items():
            line = line.replace("{%s}" % key, value)
        check(line in saved.splitlines(), "the invitation file carries: " + line)
    check(status(driver) == WORDS["startSavedInvitation"].replace("{name}", name), "the status says where the file went")

    driver.refresh()
    check(wait_until(lambda: summary(driver).get(WORDS["startCode"]) == code, 10), "a reload shows the started session again")
    outside = outside_requests(driver, ("file:",))
    check(outside == [], "from a folder the page made no network request (%s)" % ", ".join(outside))


def served(driver, site):
    server = serve(os.path.abspath(site))
    base = "http://127.0.0.1:%d/" % server.server_address[1]
    try:
        driver.get(base + PAGE)
        fill_details(driver, session="duinmeer-proef")
        code = shown_code(driver)
        check(start(driver).get(WORDS["startSessionName"]) == "duinmeer-proef", "a name typed over the proposal is kept")
        link = driver.find_element(By.CSS_SELECTOR, ".start-link").get_attribute("value")
        form = base + "kader/formulieren/voorbereiding.html"
        check(link.startswith(form + "#"), "served, the link is the preparation form's address with a fragment: %s" % link)
        check("?" not in link, "the link has no query string")
        details = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link).fragment))
        check(details == {"sessie": "duinmeer-proef", "code": code, "praktijk": PRACTICE, "regio": REGION, "datum": DATE},
              "the fragment holds the session's details: %s" % details)
        mail = driver.find_element(By.CSS_SELECTOR, ".start-mail-text").get_attribute("value")
        check(link in mail.splitlines() and WORDS["startMailReturn"] in mail,
              "the e-mail text carries the link and asks to send the saved file back")
        button(driver, WORDS["startCopyLink"]).click()
        check(wait_until(lambda: status(driver) in (WORDS["startCopiedLink"], WORDS["startCopyByHand"]), 10),
              "\"Kopieer link\" says what happened: %r" % status(driver))
        # A browser without the clipboard (or one that refuses it): the text is selected, and the page says to press Ctrl+C.
        driver.execute_script("Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})")
        button(driver, WORDS["startCopyText"]).click()
        selected = driver.execute_script("var e = document.activeElement; return e.value.slice(e.selectionStart, e.selectionEnd)")
        check(status(driver) == WORDS["startCopyByHand"] and selected == mail,
              "without the clipboard, \"Kopieer tekst\" selects the whole text and says to press Ctrl+C")

        driver.get(link)
        values = {name: field(driver, WORDS[name]) for name in ("session", "sessionCode", "practice", "region", "date")}
        shown = {name: control.get_attribute("value") for name, control in values.items()}
        check(shown == {"session": "duinmeer-proef", "sessionCode": code, "practice": PRACTICE, "region": REGION, "date": DATE},
              "the link fills in the preparation form: %s" % shown)
        check(all(control.get_attribute("readonly") is not None for control in values.values()), "and fixes those details")
        check(note(driver) is not None and PRACTICE in note(driver).text, "the form says it was invited, the practice as text")

        driver.get(base + PAGE)
        check(wait_until(lambda: summary(driver).get(WORDS["startCode"]) == code, 10), "back on the start page, the session is still there")
        driver.execute_script("window.confirm = function () { return true; }")
        button(driver, WORDS["startAgain"]).click()
        check(not summary(driver) and field(driver, WORDS["practice"]).get_attribute("value") == ""
              and shown_code(driver) not in ("", code), "\"Nieuwe bijeenkomst\" starts over with empty details and a new code")
        check(driver.switch_to.active_element == field(driver, WORDS["practice"]), "and puts the focus on the practice")
        driver.refresh()
        check(not summary(driver), "after a reload it stays a new session")
        outside = outside_requests(driver, (base,))
        check(outside == [], "served, the pages made no network request outside the site (%s)" % ", ".join(outside))
    finally:
        server.shutdown()


def published(driver, site):
    driver.get("file://" + os.path.abspath(os.path.join(site, PAGE)))
    # Pages from folders share their browser storage: the session started above is left behind.
    driver.execute_script("window.localStorage.clear()")
    driver.refresh()
    fill_details(driver)
    start(driver)
    link = driver.find_element(By.CSS_SELECTOR, ".start-link").get_attribute("value")
    check(link.startswith(PUBLISHED) and "?" not in link, "with base_url, the link starts with %s: %s" % (PUBLISHED, link))


def main():
    site, downloads = sys.argv[1:3]
    driver = chromium(download_dir=os.path.abspath(downloads), network_log=True)
    try:
        from_folder(driver, site, downloads)
        served(driver, site)
        if len(sys.argv) > 3:
            published(driver, sys.argv[3])
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
