#!/usr/bin/env python3
"""Browser test of the fillable kader form, in a real headless Chromium through selenium.

Usage: fill_in.py SITE_DIR DOWNLOAD_DIR HANDWRITTEN_FILE

Opens the whole-kader form from the built site (file://) and fills it in through the page, as a
user would: the header, organisations of several roles, indicators with each of the three
statuses and one left open, reflections and actions with line breaks and Markdown characters,
and two plan rows. Reloads and checks that everything is still there, saves the file (into
DOWNLOAD_DIR) and writes next to it `entered.json` with exactly what was entered (the Swift
test reads the saved file with the site's reader and compares). Then clears the form, opens the
saved file and finds every entered value again, opens HANDWRITTEN_FILE and checks its values,
carries over work stored by the script's earlier version, and checks that the page made no
network request. Prints one line per check; exits non-zero on the first failure. The words it
looks for (labels, buttons, the saved file's name) are read from the form's own data, so it
fills in the form of a site in any language.
"""
import json
import os
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from common import check, chromium, wait_until

# What the user enters. Statuses are the status keys of the radio buttons (None: "Nog open"),
# chosen by clicking the label with the status's words, as a user would.
ENTERED = {
    "practice": "Housing First Proef",
    "region": "Proefstad",
    "date": "2025-04-02",
    "facilitator": "Bureau \"Kompas\"",
    "visibility": "public",
    "organisations": [
        {"name": "Stichting Proef", "role": "zorgorganisatie"},
        {"name": "Woonstichting 'De Haven'", "role": "woningcorporatie"},
        {"name": "Gemeente Proefstad", "role": "gemeente"},
        {"name": "Cliëntenraad Proef", "role": "belangenbehartiger"},
    ],
    "indicators": {
        "P1.01": {"status": "opOrde",
                  "reflection": "Iedereen krijgt een woning.\nZie *het* verslag en `P1.02`.",
                  "actions": "Bellen met de corporatie\nVerslag rondsturen\nVolgende keer terugkoppelen"},
        "P2.03": {"status": "inOntwikkeling",
                  "reflection": "Regie blijft lastig bij crises.\n# geen kop\nVorige keer stond hier **Kleurscore:** groen, nu niet.",
                  "actions": "- Casusoverleg \"regie\" plannen\n- Draaiboek 'crisis' herzien * vóór de zomer"},
        "K.04": {"status": "nietOpOrde",
                 "reflection": "",
                 "actions": "Vragenlijst maken.\n\n## ook geen kop\n   # en dit ook niet\n`code` en **vet**"},
        "S.02": {"status": None,
                 "reflection": "Nog niet besproken; #later en 'morgen'.",
                 "actions": ""},
    },
    "plan": [
        {"what": "Tevredenheidsonderzoek", "who": "Teamleider", "when": "juni 2025",
         "goal": "Huurders \"gehoord\" weten", "indicators": "K.04"},
        {"what": "Casusoverleg over regie", "who": "Gespreksleider", "when": "mei 2025",
         "goal": "Afspraken bij crisis", "indicators": "P2.03, P1.01"},
    ],
}

# The interface words of the form (its `labels`), read from the page by `read_words`.
WORDS = {}
# The words on the radio buttons' labels, after the shape, by status key (None: open).
STATUS_LABELS = {}
PLAN_FIELDS = ["what", "who", "when", "goal", "indicators"]


def read_words(driver):
    """The form's interface words and the names it shows for the statuses, from its data."""
    data = json.loads(driver.find_element(By.ID, "kb-invuldata").get_attribute("textContent"))
    WORDS.update(data["labels"])
    STATUS_LABELS.update(data["names"]["statuses"])
    STATUS_LABELS[None] = WORDS["notScored"]


def saved_name():
    """The name the form gives the file of ENTERED (the slug of the practice and the date)."""
    return WORDS["assessmentFile"].replace("{practice}", "housing-first-proef").replace("{date}", "-" + ENTERED["date"])


def indicator(driver, indicator_id):
    return driver.find_element(By.CSS_SELECTOR, '.form-indicator[data-indicator="%s"]' % indicator_id)


def status_label(driver, indicator_id, status):
    labels = indicator(driver, indicator_id).find_elements(By.CSS_SELECTOR, ".fill-scores label")
    # The words after the shape (a narrow tile may wrap them over two lines).
    matching = [label for label in labels if " ".join(label.text.split()).split(" ", 1)[-1] == STATUS_LABELS[status]]
    return matching[0]


def choose(driver, indicator_id, status, keyboard=False):
    """Clicks the label of a status, or focuses its radio button and presses space."""
    label = status_label(driver, indicator_id, status)
    if keyboard:
        radio = driver.find_element(By.ID, label.get_attribute("for"))
        driver.execute_script("arguments[0].focus()", radio)
        radio.send_keys(Keys.SPACE)
    else:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
        label.click()


def chosen(driver, indicator_id):
    """The status whose radio button is checked (None for "Nog open"), or "none" when none is."""
    for status in STATUS_LABELS:
        label = status_label(driver, indicator_id, status)
        if driver.find_element(By.ID, label.get_attribute("for")).is_selected():
            return status
    return "none"


def text_field(driver, indicator_id, field):
    return indicator(driver, indicator_id).find_element(By.CSS_SELECTOR, '[data-field="%s"] textarea' % field)


def field(driver, label):
    """The control of the form field whose label reads `label` (found in one query: reading the
    text of every label one by one took 40 s on the whole-kader form)."""
    xpath = "//*[contains(concat(' ', normalize-space(@class), ' '), ' fill-field ')]//label[normalize-space(.)=%s]"
    found = driver.find_element(By.XPATH, xpath % xpath_literal(label))
    return driver.find_element(By.ID, found.get_attribute("for"))


def xpath_literal(text):
    """`text` as an XPath string literal (the labels here hold no double quote)."""
    assert '"' not in text
    return '"%s"' % text


def button(driver, text):
    """The button that reads `text`, scrolled to the middle of the window (Selenium's own
    scrolling would leave it below the bar that stays at the top, which would get the click)."""
    found = driver.find_element(By.XPATH, "//button[text()='%s']" % text)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", found)
    return found


def organisation_rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, ".fill-organisations .fill-row")


def plan_rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, ".fill-plan-row")


def fill_in(driver):
    field(driver, WORDS["practice"]).send_keys(ENTERED["practice"])
    field(driver, WORDS["region"]).send_keys(ENTERED["region"])
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                          field(driver, WORDS["date"]), ENTERED["date"])
    field(driver, WORDS["facilitator"]).send_keys(ENTERED["facilitator"])
    Select(field(driver, WORDS["visibility"])).select_by_value(ENTERED["visibility"])
    if ENTERED["visibility"] == "public":
        # A public self-evaluation is saved only once someone says it was read for personal data.
        box = driver.find_element(By.CSS_SELECTOR, ".fill-check input[type=checkbox]")
        check(box.is_displayed(), "the box for the personal-data check shows for a public self-evaluation")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
    for organisation in ENTERED["organisations"]:
        button(driver, WORDS["addOrganisation"]).click()
        row = organisation_rows(driver)[-1]
        row.find_element(By.TAG_NAME, "input").send_keys(organisation["name"])
        Select(row.find_element(By.TAG_NAME, "select")).select_by_value(organisation["role"])
    for number, (indicator_id, value) in enumerate(ENTERED["indicators"].items()):
        if value["status"] is None:
            choose(driver, indicator_id, "opOrde")  # chosen first, then left open after all
        choose(driver, indicator_id, value["status"], keyboard=number % 2 == 1)
        for name in ("reflection", "actions"):
            if value[name]:
                text_field(driver, indicator_id, name).send_keys(value[name])
    for entry in ENTERED["plan"]:
        button(driver, WORDS["addAction"]).click()
        inputs = plan_rows(driver)[-1].find_elements(By.TAG_NAME, "input")
        for name, control in zip(PLAN_FIELDS, inputs):
            control.send_keys(entry[name])


def form_values(driver):
    """Everything the form shows, in the shape of ENTERED."""
    values = {
        "practice": field(driver, WORDS["practice"]).get_attribute("value"),
        "region": field(driver, WORDS["region"]).get_attribute("value"),
        "date": field(driver, WORDS["date"]).get_attribute("value"),
        "facilitator": field(driver, WORDS["facilitator"]).get_attribute("value"),
        "visibility": field(driver, WORDS["visibility"]).get_attribute("value"),
        "organisations": [{"name": row.find_element(By.TAG_NAME, "input").get_attribute("value"),
                           "role": row.find_element(By.TAG_NAME, "select").get_attribute("value")}
                          for row in organisation_rows(driver)],
        "indicators": {indicator_id: {"status": chosen(driver, indicator_id),
                                      "reflection": text_field(driver, indicator_id, "reflection").get_attribute("value"),
                                      "actions": text_field(driver, indicator_id, "actions").get_attribute("value")}
                       for indicator_id in ENTERED["indicators"]},
        "plan": [dict(zip(PLAN_FIELDS, [control.get_attribute("value") for control in row.find_elements(By.TAG_NAME, "input")]))
                 for row in plan_rows(driver)],
    }
    return values


def check_values(driver, when):
    values = form_values(driver)
    for key in ENTERED:
        check(values[key] == ENTERED[key], "%s: the form holds the entered %s (%r)" % (when, key, values[key]))


def open_file(driver, path):
    driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(os.path.abspath(path))
    time.sleep(0.5)


def clear_all(driver):
    driver.execute_script("window.confirm = function () { return true; }")
    button(driver, WORDS["clearAll"]).click()


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
        read_words(driver)
        fill_in(driver)
        check_values(driver, "filled in")

        driver.refresh()
        check_values(driver, "after a reload")

        button(driver, WORDS["saveFile"]).click()
        target = os.path.join(downloads, saved_name())
        wait_until(lambda: os.path.exists(target))
        check(os.path.exists(target), "the file was downloaded as " + saved_name())
        with open(os.path.join(downloads, "entered.json"), "w", encoding="utf-8") as file:
            json.dump(ENTERED, file, ensure_ascii=False, indent=2)

        clear_all(driver)
        check(chosen(driver, "P1.01") is None and not organisation_rows(driver) and not plan_rows(driver),
              "Wis alles empties the form")
        open_file(driver, target)
        check_values(driver, "the saved file opened again")

        clear_all(driver)
        open_file(driver, handwritten)
        check(chosen(driver, "P1.05") == "inOntwikkeling", "the hand-written file's P1.05 is In ontwikkeling in the form")
        check("aandeel" in text_field(driver, "P1.05", "reflection").get_attribute("value"),
              "the hand-written reflection of P1.05 is in the form")
        check(field(driver, WORDS["practice"]).get_attribute("value") == "Housing First Handwerk",
              "the hand-written practice name is in the form")

        # Work stored by the script's earlier version, under the file's own words, is carried over.
        driver.execute_script("localStorage.setItem('kennisbank:whole:' + document.querySelector('main').getAttribute('data-kader-version'), arguments[0])",
                              json.dumps({"praktijk": "Oude opslag", "organisaties": [{"naam": "Stichting Oud", "rol": "gemeente"}],
                                          "indicators": {"P1.01": {"status": "nietOpOrde", "reflectie": "Oud", "acties": ""}},
                                          "plan": [{"wat": "Oude actie", "wie": "Iemand"}]}))
        driver.refresh()
        carried = form_values(driver)
        check(carried["practice"] == "Oude opslag" and carried["organisations"] == [{"name": "Stichting Oud", "role": "gemeente"}]
              and chosen(driver, "P1.01") == "nietOpOrde" and text_field(driver, "P1.01", "reflection").get_attribute("value") == "Oud"
              and carried["plan"][0]["what"] == "Oude actie" and carried["plan"][0]["who"] == "Iemand",
              "work stored by the earlier version of the script is carried over")

        requests = requests_made(driver)
        check(any(url.startswith("file:") for url in requests), "the network log records the page's own files")
        outside = [url for url in requests if not url.startswith(("file:", "data:", "blob:"))]
        check(outside == [], "the page made no network request (%s)" % ", ".join(outside))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
