#!/usr/bin/env python3
"""Browser test of the whole self-evaluation session, from invitation to shared result, as the
people at a practice go through it in the browser, on the site served over http.

Usage: journey.py SITE_DIR DOWNLOAD_DIR PROGRAM CONTENT_DIR

1. The facilitator starts a session on sessie-starten.html and takes its invitation link.
2. Four participants (two of the zorgorganisatie, each in a browser of their own: the storage
   is emptied between them) open the link, pick their party, give their name or role, score six
   indicators (three on which all agree, two on which they differ, one left open by one of them),
   one writes a reflection over two lines, and each saves the file and is told to send it.
3. The facilitator opens the four files on the bundle page: its overview puts the two
   disagreements first, then red, then orange; "Start het gezamenlijke formulier" opens the joint
   form with the session's details and the three agreed scores as suggestions.
4. In the joint form one suggestion is confirmed on its own and the other two all at once; the
   two disagreements get a score, a reflection over two lines and an action; a facilitator and an
   action of the plan are added, and the file is saved: the page says what happens next, with the
   result's address.
5. "Bekijk uitslag" shows the result, saved as one web page.
Then, outside the browser: the saved assessment passes `PROGRAM check` with 0 errors and 0
warnings in a copy of CONTENT_DIR; built there, its generated result page lies at the address the
form showed and agrees with the in-browser result on every count, list and text;
`assessment render`, run with a copy of PROGRAM in a temporary folder outside the project,
renders it. No page of the journey asked for anything outside the site. Prints one line per
check; exits non-zero on the first failure.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from common import check, chromium, serve, wait_until
from fill_in import (WORDS, button, choose, field, plan_rows, read_words, requests_made, text_field)
from result_facts import differences, result_facts

PRACTICE = "Housing First Duinmeer-Zuid"
REGION = "Duinmeer"
DATE = "2026-11-24"
START = "kader/formulieren/sessie-starten.html"
BUNDLE = "kader/formulieren/bundelen.html"
AGREED = {"P1.01": "opOrde", "P1.02": "nietOpOrde", "P1.03": "inOntwikkeling"}
# Each participant: party, name or role, and their scores of P1.01 to P1.06 (None: left open).
PARTICIPANTS = [
    ("zorgorganisatie", "Persoonlijk begeleider", ["opOrde", "nietOpOrde", "inOntwikkeling", "opOrde", "opOrde", "opOrde"]),
    ("zorgorganisatie", "Teamleider", ["opOrde", "nietOpOrde", "inOntwikkeling", "opOrde", "nietOpOrde", "opOrde"]),
    ("woningcorporatie", "Wijkconsulent", ["opOrde", "nietOpOrde", "inOntwikkeling", "inOntwikkeling", "opOrde", "opOrde"]),
    ("gemeente", "Beleidsadviseur", ["opOrde", "nietOpOrde", "inOntwikkeling", "opOrde", "opOrde", None]),
]
IDS = ["P1.01", "P1.02", "P1.03", "P1.04", "P1.05", "P1.06"]
JOINT = {"P1.04": ("inOntwikkeling", "Besproken in de bijeenkomst:\nwe kiezen samen voor oranje.", ""),
         "P1.05": ("nietOpOrde", "", "Casusoverleg plannen.\nDaarna opnieuw bespreken.")}
PLAN = {"what": "Spreiding over de wijken bespreken", "who": "Wijkconsulent", "when": "januari 2027",
        "goal": "Niet meer dan 20% per complex", "indicators": "P1.05, P1.04"}


def set_value(driver, control, value):
    """Sets a field's value as a date picker does, with its input and change events."""
    driver.execute_script("arguments[0].value = arguments[1];"
                          "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                          "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", control, value)


def new_download(downloads, before, suffix):
    """The name of the file that appeared in `downloads` since `before`, once it is complete."""
    found = wait_until(lambda: [name for name in set(os.listdir(downloads)) - before if name.endswith(suffix)])
    check(found, "a %s file was saved" % suffix)
    return os.path.join(downloads, found[0])


def live_text(driver):
    return " ".join(element.text for element in driver.find_elements(By.CSS_SELECTOR, ".fill-status") if element.is_displayed())


def start_session(driver, base):
    driver.get(base + START)
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    read_words(driver)
    field(driver, WORDS["practice"]).send_keys(PRACTICE)
    field(driver, WORDS["region"]).send_keys(REGION)
    set_value(driver, field(driver, WORDS["date"]), DATE)
    button(driver, WORDS["startMake"]).click()
    link = wait_until(lambda: driver.find_element(By.CSS_SELECTOR, ".start-link").get_attribute("value"))
    check(link and link.startswith(base + "kader/formulieren/voorbereiding.html#") and "?" not in link,
          "1. the facilitator starts the session and gets its invitation link")
    details = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link).fragment))
    return link, details


def prepare(driver, link, downloads, participant):
    party, name, scores = participant
    driver.execute_script("localStorage.clear()")  # another participant, another browser
    driver.get("about:blank")
    driver.get(link)
    read_words(driver)
    Select(field(driver, WORDS["party"])).select_by_value(party)
    field(driver, WORDS["participant"]).send_keys(name)
    for indicator_id, status in zip(IDS, scores):
        if status:
            choose(driver, indicator_id, status)
    if party == "woningcorporatie":
        text_field(driver, "P1.04", "reflection").send_keys("Nog niet overal gelukt.\nIn twee complexen wel.")
    before = set(os.listdir(downloads))
    button(driver, WORDS["saveFile"]).click()
    path = new_download(downloads, before, ".md")
    check(WORDS["savedPreparation"].split("{name}")[1].strip() in live_text(driver),
          "2. %s (%s) saves the preparation and is told to send it to the facilitator" % (name, party))
    return path


def bundle(driver, base, files):
    driver.get(base + BUNDLE)
    read_words(driver)
    driver.find_element(By.CSS_SELECTOR, "#kb-bundle input[type=file]").send_keys("\n".join(files))
    check(wait_until(lambda: len(driver.find_elements(By.CSS_SELECTOR, ".bundle-overview tbody tr")) == 83),
          "3. the bundle page shows the overview of the four preparations")
    order = [row.find_element(By.CSS_SELECTOR, ".indicator-id").text
             for row in driver.find_elements(By.CSS_SELECTOR, ".bundle-overview tbody tr")[:4]]
    check(order == ["P1.04", "P1.05", "P1.02", "P1.03"], "the disagreements come first, then red, then orange: %s" % order)
    heads = [" ".join(head.text.split()) for head in driver.find_elements(By.CSS_SELECTOR, ".bundle-overview thead th")]
    check(sum(1 for head in heads if "Persoonlijk begeleider" in head or "Teamleider" in head) == 2,
          "the two participants of the zorgorganisatie each have a column: %s" % heads)
    button(driver, WORDS["bundleStart"]).click()
    shown = wait_until(lambda: driver.find_elements(By.CSS_SELECTOR, ".fill-suggestion:not([hidden])"))
    suggested = sorted(element.find_element(By.XPATH, "ancestor::*[@data-indicator]").get_attribute("data-indicator")
                       for element in shown or [])
    check(suggested == sorted(AGREED), "the joint form shows the agreed scores as suggestions: %s" % suggested)


def hold_session(driver, downloads):
    read_words(driver)
    check(field(driver, WORDS["practice"]).get_attribute("value") == PRACTICE
          and field(driver, WORDS["date"]).get_attribute("value") == DATE,
          "4. the joint form has the session's practice and date")
    unconfirmed = driver.execute_script(
        "var read = kennisbankAssessment.parse(kennisbankAssessment.toMarkdown()).state.indicators;"
        "return arguments[0].map(function (id) { return read[id] ? read[id].status : ''; })", sorted(AGREED))
    check(unconfirmed == ["", "", ""], "before they are confirmed, the suggestions would be saved as open: %s" % unconfirmed)
    driver.execute_script("window.confirm = function () { return true; }")
    button(driver, WORDS["suggestionTake"].replace("{id}", "P1.01")).click()
    button(driver, WORDS["suggestionsTakeAll"]["other"].replace("{count}", "2")).click()
    check(wait_until(lambda: not driver.find_elements(By.CSS_SELECTOR, ".fill-suggestion:not([hidden])")),
          "one suggestion confirmed on its own, the other two at once")
    for indicator_id, (status, reflection, actions) in JOINT.items():
        choose(driver, indicator_id, status)
        if reflection:
            text_field(driver, indicator_id, "reflection").send_keys(reflection)
        if actions:
            text_field(driver, indicator_id, "actions").send_keys(actions)
    choose(driver, "P1.06", "opOrde")
    field(driver, WORDS["facilitator"]).send_keys("Bureau Kompas")
    button(driver, WORDS["addAction"]).click()
    for name, control in zip(["what", "who", "when", "goal", "indicators"], plan_rows(driver)[-1].find_elements(By.TAG_NAME, "input")):
        control.send_keys(PLAN[name])
    before = set(os.listdir(downloads))
    button(driver, WORDS["saveFile"]).click()
    path = new_download(downloads, before, ".md")
    step = wait_until(lambda: driver.find_element(By.CSS_SELECTOR, ".fill-toolbar .fill-next-step"))
    address = step.find_element(By.CSS_SELECTOR, ".fill-address").text
    check(step.is_displayed() and os.path.basename(path) in step.text, "the joint form is saved, and the page says what happens next")
    return path, address


def view_result(driver, downloads):
    driver.execute_script("arguments[0].click()", button(driver, WORDS["resultShow"]))
    check(wait_until(lambda: driver.execute_script(
        "var d = document.querySelector('.fill-result-frame').contentDocument;"
        " return d.readyState === 'complete' && d.querySelectorAll('.assessment-indicator').length")) == 83,
        "5. \"Bekijk uitslag\" shows the result")
    facts = result_facts(driver, ".fill-result-frame")
    before = set(os.listdir(downloads))
    button(driver, WORDS["resultSave"]).click()
    page = new_download(downloads, before, ".html")
    with open(page, encoding="utf-8") as file:
        check("<script" not in file.read().lower(), "the result is saved as one web page, without script")
    return facts


def run(command, cwd=None):
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


def main():
    site, downloads, program, content = (os.path.abspath(path) for path in sys.argv[1:5])
    repository = os.path.dirname(content)
    server = serve(site)
    base = "http://127.0.0.1:%d/" % server.server_address[1]
    driver = chromium(download_dir=downloads, network_log=True)
    work = tempfile.mkdtemp(prefix="kennisbank-journey-")
    try:
        link, details = start_session(driver, base)
        files = [prepare(driver, link, downloads, participant) for participant in PARTICIPANTS]
        codes = {re.search(r"^code: *(\S+)", open(path, encoding="utf-8").read(), re.M).group(1) for path in files}
        check(codes == {details["code"]}, "the four files carry the session's code")
        bundle(driver, base, files)
        assessment, address = hold_session(driver, downloads)
        shown = view_result(driver, downloads)
        outside = [url for url in requests_made(driver) if not url.startswith((base, "data:", "blob:", "about:"))]
        check(not outside, "no page of the journey asked for anything outside the site: %s" % outside[:3])
    finally:
        driver.quit()
        server.shutdown()

    try:
        # The editors' side: check, build and render the file received by e-mail.
        copied = os.path.join(work, "content")
        shutil.copytree(content, copied)
        shutil.copy(assessment, os.path.join(copied, "zelfevaluaties"))
        arguments = ["--content", copied, "--templates", os.path.join(repository, "templates"),
                     "--config", os.path.join(repository, "kennisbank.yml")]
        checked = run([program, "check"] + arguments)
        check(checked.returncode == 0 and re.search(r"^checked \d+ pages: 0 errors, 0 warnings", checked.stdout + checked.stderr, re.M),
              "the saved assessment passes kennisbank check with 0 errors and 0 warnings: %s" % (checked.stdout + checked.stderr)[-800:])
        built = os.path.join(work, "site")
        result = run([program, "build", "--no-pdf", "--no-search", "--output", built] + arguments)
        check(result.returncode == 0, "the site builds with it: %s" % result.stderr[-800:])
        page = os.path.join(built, address, "index.html")
        check(os.path.exists(page), "the generated result page lies at the address the form showed (%s)" % address)
        driver = chromium()
        try:
            driver.get("file://" + page)
            problems = differences(result_facts(driver), shown)
        finally:
            driver.quit()
        check(not problems, "the in-browser result and the generated page agree on every count, list and text: %s"
              % "; ".join(problems)[:2000])

        elsewhere = os.path.join(work, "elders", "bin")
        os.makedirs(elsewhere)
        moved = os.path.join(elsewhere, "kennisbank")
        shutil.copy(program, moved)
        mail = os.path.join(work, "Downloads")
        os.makedirs(mail)
        shutil.copy(assessment, mail)
        name = os.path.basename(assessment)
        rendered = run([moved, "assessment", "render", name, "-o", "uitslag.html"], cwd=mail)
        output = os.path.join(mail, "uitslag.html")
        check(rendered.returncode == 0 and os.path.exists(output) and PRACTICE in open(output, encoding="utf-8").read(),
              "assessment render, with the binary copied elsewhere and run in another folder, renders it: %s"
              % (rendered.stdout + rendered.stderr)[-800:])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
