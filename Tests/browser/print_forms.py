"""Prints blank forms of a built site from headless Chromium, as Ctrl+P would (Chromium's own
print to PDF, CDP Page.printToPDF, with the page's own @page size and margins), so that the Swift
test can read the PDFs back with pdftotext and pdfinfo.

    python3 print_forms.py SITE_FOLDER OUTPUT_FOLDER FORM.html ...

Each form `kader/formulieren/FORM.html` of SITE_FOLDER is printed to OUTPUT_FOLDER/FORM.pdf."""
import os
import pathlib
import sys

from common import check, chromium, print_to_pdf


def main():
    site, output, forms = sys.argv[1], sys.argv[2], sys.argv[3:]
    driver = chromium()
    try:
        for form in forms:
            page = pathlib.Path(site, "kader", "formulieren", form).resolve()
            driver.get(page.as_uri())
            check(driver.find_element("css selector", "h1").text != "", form + " opened")
            pdf = os.path.join(output, form.replace(".html", ".pdf"))
            print_to_pdf(driver, pdf)
            check(os.path.getsize(pdf) > 1000, form + " printed to " + pdf)
    finally:
        driver.quit()


main()
