#!/usr/bin/env python3
"""Browser test of the fillable kader form, in a real headless Chromium through selenium.

Usage: fill_in.py SITE_DIR DOWNLOAD_DIR HANDWRITTEN_FILE

Opens the whole-kader form from the built site (file://), fills in three indicators, a header
and a plan row, reloads and checks that everything is still there, saves the file (into
DOWNLOAD_DIR), clears the form, opens HANDWRITTEN_FILE and checks its values in the form, and
checks that the page made no network request. Prints one line per check; exits non-zero on
the first failure.
"""
import json
import os
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from common import check, chromium


def indicator(driver, indicator_id):
    return driver.find_element(By.CSS_SELECTOR, '.form-indicator[data-indicator="%s"]' % indicator_id)


def choose(driver, indicator_id, status):
    radio = indicator(driver, indicator_id).find_element(By.CSS_SELECTOR, 'input[value="%s"]' % status)
    # Keyboard: focus the radio and press space, as a keyboard user would.
    driver.execute_script("arguments[0].focus()", radio)
    radio.send_keys(Keys.SPACE)


def text_field(driver, indicator_id, field):
    return indicator(driver, indicator_id).find_element(By.CSS_SELECTOR, '[data-field="%s"] textarea' % field)


def field(driver, label):
    labels = [element for element in driver.find_elements(By.CSS_SELECTOR, ".fill-field label") if element.text == label]
    return driver.find_element(By.ID, labels[0].get_attribute("for"))


def requests_made(driver):
    """Every URL the page asked for, from Chromium's network log."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def main():
    site, downloads, handwritten = sys.argv[1:4]
    url = "file://" + os.path.abspath(os.path.join(site, "kader/formulieren/kwaliteitskader.html"))
    driver = chromium(download_dir=os.path.abspath(downloads), network_log=True)
    try:
        driver.get(url)
        check(driver.find_elements(By.ID, "kb-invullen"), "the form is fillable when JavaScript runs")
        field(driver, "Praktijk").send_keys("Housing First Proef")
        driver.execute_script("arguments[0].value = '2025-04-02'; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                              field(driver, "Datum bijeenkomst"))
        driver.find_element(By.XPATH, "//button[text()='Organisatie toevoegen']").click()
        field(driver, "Naam").send_keys("Stichting Proef")
        choose(driver, "P1.01", "opOrde")
        choose(driver, "P2.03", "inOntwikkeling")
        choose(driver, "K.04", "nietOpOrde")
        text_field(driver, "P2.03", "reflectie").send_keys("Regie blijft lastig bij crises.\n# geen kop")
        text_field(driver, "K.04", "acties").send_keys("- Vragenlijst maken")
        driver.find_element(By.XPATH, "//button[text()='Actie toevoegen']").click()
        row = driver.find_elements(By.CSS_SELECTOR, ".fill-plan-row")[-1]
        inputs = row.find_elements(By.TAG_NAME, "input")
        inputs[0].send_keys("Tevredenheidsonderzoek")
        inputs[1].send_keys("Teamleider")
        inputs[4].send_keys("K.04")

        driver.refresh()
        check(indicator(driver, "P1.01").find_element(By.CSS_SELECTOR, 'input[value="opOrde"]').is_selected(),
              "P1.01 is still Op orde after a reload")
        check(indicator(driver, "K.04").find_element(By.CSS_SELECTOR, 'input[value="nietOpOrde"]').is_selected(),
              "K.04 is still Niet op orde after a reload")
        check(text_field(driver, "P2.03", "reflectie").get_attribute("value").startswith("Regie blijft lastig"),
              "the reflection of P2.03 survived the reload")
        check(field(driver, "Praktijk").get_attribute("value") == "Housing First Proef", "the practice survived the reload")
        plan = driver.find_elements(By.CSS_SELECTOR, ".fill-plan-row")
        check(len(plan) == 1 and plan[0].find_element(By.TAG_NAME, "input").get_attribute("value") == "Tevredenheidsonderzoek",
              "the plan row survived the reload")

        driver.find_element(By.XPATH, "//button[text()='Opslaan als bestand']").click()
        target = os.path.join(downloads, "zelfevaluatie-housing-first-proef-2025-04-02.md")
        for _ in range(50):
            if os.path.exists(target):
                break
            time.sleep(0.1)
        check(os.path.exists(target), "the file was downloaded as " + os.path.basename(target))

        driver.execute_script("window.confirm = function () { return true; }")
        driver.find_element(By.XPATH, "//button[text()='Wis alles']").click()
        check(not indicator(driver, "P1.01").find_element(By.CSS_SELECTOR, 'input[value="opOrde"]').is_selected(),
              "Wis alles empties the form")

        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(os.path.abspath(handwritten))
        time.sleep(0.5)
        check(indicator(driver, "P1.05").find_element(By.CSS_SELECTOR, 'input[value="inOntwikkeling"]').is_selected(),
              "the hand-written file's P1.05 is In ontwikkeling in the form")
        check("aandeel" in text_field(driver, "P1.05", "reflectie").get_attribute("value"),
              "the hand-written reflection of P1.05 is in the form")
        check(field(driver, "Praktijk").get_attribute("value") == "Housing First Handwerk",
              "the hand-written practice name is in the form")

        requests = requests_made(driver)
        check(any(url.startswith("file:") for url in requests), "the network log records the page's own files")
        outside = [url for url in requests if not url.startswith(("file:", "data:", "blob:"))]
        check(outside == [], "the page made no network request (%s)" % ", ".join(outside))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
