#!/usr/bin/env python3
"""Browser test of the preparation form: two participants of one party, one session code.

Usage: prepare.py SITE_DIR DOWNLOAD_DIR

Opens the preparation form from the built site (file://). The first participant picks the
zorgorganisatie, gives the session, their name or role ("Naam of rol") and leaves the session's
code empty: saving makes a new code, shown in its field, and the file is named after the
participant. A code the site would refuse is caught at its field and nothing is saved. The
second participant, of the same party, types the first one's code and saves under their own
name. Opening the first file again fills in its participant and code. Prints one line per
check; exits non-zero on the first failure. The Swift test (BrowserTests) checks the saved
files with `kennisbank check`.
"""
import json
import os
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from common import check, chromium, wait_until
from fill_in import WORDS, button, choose, clear_all, field, open_file, read_words

SESSION = "proef-2026"
PARTICIPANTS = ["Persoonlijk begeleider", "Teamleider \"Noord\""]


def file_name(participant_slug):
    return WORDS["preparationFile"].replace("{party}", "zorgorganisatie").replace(
        "{participant}", "-" + participant_slug).replace("{session}", SESSION)


def set_value(driver, control, value):
    """Sets a field's value as typing would, with its input event (Selenium's clear() sends none)."""
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                          control, value)


def fill_in(driver, participant, code):
    Select(field(driver, WORDS["party"])).select_by_value("zorgorganisatie")
    field(driver, WORDS["session"]).send_keys(SESSION)
    field(driver, WORDS["participant"]).send_keys(participant)
    set_value(driver, field(driver, WORDS["sessionCode"]), code)
    field(driver, WORDS["practice"]).send_keys("Housing First Proef")
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                          field(driver, WORDS["date"]), "2026-03-10")
    choose(driver, "P1.01", "opOrde")


def save(driver, downloads, name):
    button(driver, WORDS["saveFile"]).click()
    target = os.path.join(downloads, name)
    wait_until(lambda: os.path.exists(target))
    check(os.path.exists(target), "the file was downloaded as " + name)
    with open(target, encoding="utf-8") as file:
        return file.read()


def main():
    site, downloads = sys.argv[1:3]
    url = "file://" + os.path.abspath(os.path.join(site, "kader/formulieren/voorbereiding.html"))
    driver = chromium(download_dir=os.path.abspath(downloads))
    try:
        driver.get(url)
        read_words(driver)
        clear_all(driver)
        check(field(driver, WORDS["sessionCode"]).get_attribute("value") == "", "a new preparation form has an empty session code")

        fill_in(driver, PARTICIPANTS[0], "ABC 123")
        button(driver, WORDS["saveFile"]).click()
        time.sleep(0.5)
        code_field = field(driver, WORDS["sessionCode"])
        check(code_field.get_attribute("aria-invalid") == "true", "a code the site refuses is marked at its field")
        check(not os.listdir(downloads), "saving with that code writes no file")

        set_value(driver, code_field, "")
        first = save(driver, downloads, file_name("persoonlijk-begeleider"))
        code = field(driver, WORDS["sessionCode"]).get_attribute("value")
        check(len(code) >= 10 and code.isalnum() and code == code.lower(), "saving without a code made one (%s) and shows it" % code)
        check("deelnemer: \"Persoonlijk begeleider\"" in first and ("code: " + code) in first,
              "the first file carries its participant and the new code")

        clear_all(driver)
        fill_in(driver, PARTICIPANTS[1], code)
        second = save(driver, downloads, file_name("teamleider-noord"))
        check("deelnemer: \"Teamleider \\\"Noord\\\"\"" in second and ("code: " + code) in second,
              "the second participant's file carries their name and the session's code")

        clear_all(driver)
        open_file(driver, os.path.join(downloads, file_name("persoonlijk-begeleider")))
        check(field(driver, WORDS["participant"]).get_attribute("value") == PARTICIPANTS[0]
              and field(driver, WORDS["sessionCode"]).get_attribute("value") == code,
              "opening the first file fills in its participant and code")
        with open(os.path.join(downloads, "code.json"), "w", encoding="utf-8") as file:
            json.dump({"code": code}, file)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
