#!/usr/bin/env python3
"""Browser test of the invitation link: a participant opens the preparation form from the link
the facilitator sent (the session's details in the fragment, never in a query string).

Usage: invitation.py SITE_DIR DOWNLOAD_DIR

From the built site (file://): the link fills in the session, its code, the practice, the region
and the date, and fixes them (read-only), with a note that says so; a practice name with markup
stays text. The participant picks a party, gives a name, scores one indicator and saves: the file
carries the link's details, and the page says to send it to the facilitator. A reload keeps the
work; a link of another session starts with empty work and gives the first session's work back
when opened again. A broken link (a code the site refuses, a detail of 10,000 characters) says
so and fixes nothing. Prints one line per check; exits non-zero on the first failure. The Swift
test (PreparationBrowserTests) reads the saved file with the site's reader.
"""
import os
import sys
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from common import check, chromium, wait_until
from fill_in import WORDS, button, choose, chosen, field, read_words

SESSION = "duinmeer-proef"
CODE = "k3x9abcdef12"
PRACTICE = "Housing First <b>Proef</b> & \"Zon\""
PRACTICE_WRITTEN = 'praktijk: "Housing First <b>Proef</b> & \\"Zon\\""'
NAME = "voorbereiding-gemeente-beleidsadviseur-duinmeer-proef.md"


def link(form, **details):
    return form + "#" + urllib.parse.urlencode(details)


def note(driver):
    found = driver.find_elements(By.CSS_SELECTOR, ".fill-invited")
    return found[0] if found else None


def main():
    site, downloads = sys.argv[1:3]
    form = "file://" + os.path.abspath(os.path.join(site, "kader/formulieren/voorbereiding.html"))
    invitation = link(form, sessie=SESSION, code=CODE, praktijk=PRACTICE, regio="Duinstreek", datum="2026-04-01")
    other = link(form, sessie="ander-2026", code="zzzz99998888", praktijk="Housing First Ander")
    driver = chromium(download_dir=os.path.abspath(downloads))
    try:
        driver.get(invitation)
        read_words(driver)
        values = {name: field(driver, WORDS[name]) for name in ("session", "sessionCode", "practice", "region", "date")}
        shown = {name: control.get_attribute("value") for name, control in values.items()}
        check(shown == {"session": SESSION, "sessionCode": CODE, "practice": PRACTICE, "region": "Duinstreek", "date": "2026-04-01"},
              "the link fills in the session's details: %s" % shown)
        check(all(control.get_attribute("readonly") is not None for control in values.values()), "the link's details are fixed")
        check(field(driver, WORDS["participant"]).get_attribute("readonly") is None, "the participant's own name stays free")
        text = note(driver).text if note(driver) else ""
        check(SESSION in text and "<b>Proef</b>" in text, "a note names the session and the practice as text: %r" % text)
        check(not driver.find_elements(By.CSS_SELECTOR, ".fill-header b, .fill-invited *"), "the practice's markup is not made an element")

        Select(field(driver, WORDS["party"])).select_by_value("gemeente")
        field(driver, WORDS["participant"]).send_keys("Beleidsadviseur")
        choose(driver, "P1.01", "inOntwikkeling")
        button(driver, WORDS["saveFile"]).click()
        target = os.path.join(downloads, NAME)
        check(wait_until(lambda: os.path.exists(target)), "the preparation was saved as " + NAME)
        with open(target, encoding="utf-8") as file:
            saved = file.read()
        for line in ('sessie: "%s"' % SESSION, "code: " + CODE, PRACTICE_WRITTEN, 'regio: "Duinstreek"', "datum: 2026-04-01",
                     "namens: gemeente", 'deelnemer: "Beleidsadviseur"'):
            check(line in saved, "the file carries " + line)
        status = driver.find_element(By.CSS_SELECTOR, ".fill-status").text
        check(status == WORDS["savedPreparation"].replace("{name}", NAME), "the page says to send the file to the facilitator: %r" % status)

        driver.refresh()
        check(field(driver, WORDS["participant"]).get_attribute("value") == "Beleidsadviseur" and chosen(driver, "P1.01") == "inOntwikkeling",
              "a reload keeps the work")
        driver.get(other)
        driver.refresh()
        check(field(driver, WORDS["participant"]).get_attribute("value") == "" and chosen(driver, "P1.01") is None
              and field(driver, WORDS["practice"]).get_attribute("value") == "Housing First Ander",
              "another session's link starts with its own, empty work")
        driver.get(invitation)
        driver.refresh()
        check(field(driver, WORDS["participant"]).get_attribute("value") == "Beleidsadviseur", "the first session's work is still there")

        for broken in (link(form, sessie=SESSION, code="ABC 123", praktijk="X"),
                       link(form, sessie=SESSION, code=CODE, praktijk="x" * 10000)):
            driver.get(broken)
            driver.refresh()
            shown = note(driver)
            check(shown is not None and shown.text == WORDS["invitationBroken"] and shown.get_attribute("role") == "alert",
                  "a broken link says so")
            check(field(driver, WORDS["session"]).get_attribute("readonly") is None, "a broken link fixes nothing")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
