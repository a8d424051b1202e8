#!/usr/bin/env python3
"""Browser test of "Bekijk uitslag" on the joint form: the result the browser shows agrees with
the generated result page, and the page it saves stands on its own.

Usage: result_view.py SITE_DIR DOWNLOAD_DIR CONTENT_DIR

From the built site (file://), for each shipped assessment (CONTENT_DIR/zelfevaluaties/*.md
without `namens:`): the joint form opens the file, "Bekijk uitslag" shows the result, and its
heading, facts, counts per part, aandachtspunten, plan and every indicator's status agree with
the generated result page of that file (of the texts, which ones each indicator has: the
shipped files write Markdown, which the generated page renders and the browser shows as
written). The saved web page carries its styles inside, no script, no address outside itself;
opened on its own it shows the same facts and asks for nothing outside its file; printed on A4
it keeps the practice, the counts in words and the texts. Work with markup and script in every
text shows that markup as text and runs nothing. Prints one line per check; exits non-zero on
the first failure.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

from selenium.webdriver.common.by import By

from common import check, chromium, print_to_pdf, wait_until
from fill_in import WORDS, button, field, open_file, read_words, requests_made, text_field
from result_facts import differences, result_facts

FRAME = ".fill-result-frame"
HOSTILE = '<script>window.kbRan = 1</script><img src=x onerror="window.kbRan = 2"> & "Zon"'


def generated_page(site, practice_heading, date):
    """The generated result page whose heading and date are those given."""
    for path in glob.glob(os.path.join(site, "zelfevaluaties", "*", "index.html")):
        with open(path, encoding="utf-8") as file:
            html = file.read()
        if "assessment-page" in html and 'datetime="%s"' % date in html and "<h1>%s</h1>" % practice_heading in html:
            return path
    return None


def show_result(driver):
    """Shows the result and waits until its frame's page is read to its end (a count taken while
    the frame still parses it would be short)."""
    # A script click: the button sits in the bar that stays in view, where a pointer click can
    # land on the bar while it is still laid out on a loaded machine.
    driver.execute_script("arguments[0].click()", button(driver, WORDS["resultShow"]))
    return wait_until(lambda: driver.execute_script(
        "var f = document.querySelector(arguments[0]); return f && f.contentDocument && "
        "f.contentDocument.readyState === 'complete' && f.contentDocument.querySelectorAll('.assessment-indicator').length", FRAME))


def fresh_form(driver, form):
    driver.get(form)
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    read_words(driver)
    driver.execute_script("window.confirm = function () { return true; }")


def main():
    site, downloads, content = (os.path.abspath(path) for path in sys.argv[1:4])
    form = "file://" + os.path.join(site, "kader/formulieren/kwaliteitskader.html")
    driver = chromium(download_dir=downloads, network_log=True)
    try:
        shipped = [path for path in sorted(glob.glob(os.path.join(content, "zelfevaluaties", "*.md")))
                   if not os.path.basename(path).startswith("_") and "\nnamens:" not in open(path, encoding="utf-8").read()]
        check(len(shipped) >= 2, "the shipped site has assessments to compare (%d)" % len(shipped))
        for source in shipped:
            fresh_form(driver, form)
            open_file(driver, source)
            practice = re.search(r"^praktijk: *\"?([^\"\n]+)", open(source, encoding="utf-8").read(), re.M).group(1)
            check(wait_until(lambda: practice in driver.execute_script("return kennisbankAssessment.toMarkdown()")),
                  "%s: the joint form opened the file" % os.path.basename(source))
            check(show_result(driver) == 83, "%s: the result shows every indicator" % os.path.basename(source))
            shown = result_facts(driver, FRAME)
            date = re.search(r"^datum: *(\S+)", open(source, encoding="utf-8").read(), re.M).group(1)
            page = generated_page(site, shown["heading"], date)
            check(page, "%s: the generated result page of the same practice and date exists" % os.path.basename(source))
            driver.get("file://" + page)
            problems = differences(result_facts(driver), shown, texts=False)
            check(not problems, "%s: the browser's result agrees with the generated page: %s"
                  % (os.path.basename(source), "; ".join(problems)[:2000]))

        # The last one's result, saved as one web page.
        fresh_form(driver, form)
        open_file(driver, shipped[-1])
        show_result(driver)
        expected = result_facts(driver, FRAME)
        before = set(os.listdir(downloads))
        button(driver, WORDS["resultSave"]).click()
        saved = wait_until(lambda: [name for name in set(os.listdir(downloads)) - before
                                    if name.endswith(".html") and not name.endswith(".crdownload")])
        check(saved, "the result is saved as a web page")
        path = os.path.join(downloads, saved[0])
        with open(path, encoding="utf-8") as file:
            html = file.read()
        check("<style>" in html and ".assessment-page" in html, "the saved page carries the site's styles inside itself")
        check("<script" not in html.lower() and "<link" not in html.lower() and "src=" not in html.lower(),
              "the saved page has no script and loads no file")
        check(not re.search(r"(href|src)=\"(https?:|//)", html) and "url(http" not in html,
              "the saved page points at no address outside itself")
        driver.get_log("performance")
        driver.get("file://" + path)
        check(not differences(expected, result_facts(driver)), "opened on its own, the saved page shows the same result")
        outside = [url for url in requests_made(driver) if not url.startswith("file://") and not url.startswith("data:")]
        check(not outside, "the saved page asks for nothing outside its file: %s" % outside)
        pdf = os.path.join(tempfile.mkdtemp(), "uitslag.pdf")
        print_to_pdf(driver, pdf)
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        check(re.search(r"Page size:.*\(A4\)", info), "the saved page prints on A4")
        printed = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        practice = re.search(r"^praktijk: *\"?([^\"\n]+)", open(shipped[-1], encoding="utf-8").read(), re.M).group(1)
        total_row = expected["summary"][-1][0]
        check(practice in printed and total_row in printed and expected["indicators"][-1][0] in printed,
              "printed, the result keeps the practice, the counts and every part down to the last indicator")

        # Markup and script in the work stay text.
        fresh_form(driver, form)
        field(driver, WORDS["practice"]).send_keys(HOSTILE)
        field(driver, WORDS["date"]).send_keys("2026-03-10")
        text_field(driver, "P1.01", "reflection").send_keys(HOSTILE + "\nTweede regel")
        show_result(driver)
        document = driver.execute_script("return document.querySelector(arguments[0]).contentDocument.documentElement.outerHTML", FRAME)
        check("<script>window" not in document and "<img" not in document, "markup typed in the form is not markup in the result")
        heading = driver.execute_script("return document.querySelector(arguments[0]).contentDocument.querySelector('h1').textContent", FRAME)
        check(HOSTILE in heading, "the practice with markup is shown as its text")
        reflection = driver.execute_script(
            "var doc = document.querySelector(arguments[0]).contentDocument;"
            "return doc.querySelector('#p1-01 .result-text').innerText", FRAME)
        check(reflection.splitlines()[-1] == "Tweede regel", "a typed line break stays a line break")
        check(driver.execute_script("return window.kbRan || document.querySelector(arguments[0]).contentWindow.kbRan || 0", FRAME) == 0,
              "no script of the work ran")
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        check(not errors, "no script error: %s" % errors)
        button(driver, WORDS["resultBack"]).click()
        check(driver.find_element(By.CSS_SELECTOR, "main.fillable").is_displayed(), "back to the form")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
