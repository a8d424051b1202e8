#!/usr/bin/env python3
"""No page of the site wider than a phone.

Usage: phone.py SITE_DIR [WIDTH] [--screenshots DIR]

Serves SITE_DIR on a free loopback port (with its 404.html for missing paths) and opens EVERY
html page of it (pagefind's own files aside), the 404 page at a nested address and the search
page with results, in headless Chromium as a phone WIDTH px wide (default 320) and 740 px high, with the
page's viewport meta honoured. A page passes when `document.documentElement.scrollWidth` is at
most WIDTH; a page that fails is printed with its width and the element that sticks out furthest
(its CSS selector, its right edge, and its text), an element inside a region that scrolls or
clips sideways not counted, as that region keeps it in. With --screenshots each page is also
saved there as a PNG (the first screen).

Exits non-zero when any page is too wide.
"""
import os
import sys

from common import chromium, serve_with_not_found, wait_until

WIDEST = """
var width = arguments[0];
function clips(element) {
  for (var node = element.parentElement; node && node !== document.documentElement && node !== document.body; node = node.parentElement) {
    var overflow = getComputedStyle(node).overflowX;
    if (overflow !== 'visible') return true;
  }
  return false;
}
function selector(element) {
  var parts = [];
  for (var node = element; node && node.nodeType === 1 && node !== document.documentElement; node = node.parentElement) {
    var part = node.localName;
    if (node.id) { parts.unshift(part + '#' + node.id); break; }
    if (node.classList.length) part += '.' + Array.prototype.join.call(node.classList, '.');
    parts.unshift(part);
  }
  return parts.join(' > ');
}
var worst = null;
var elements = document.body.getElementsByTagName('*');
for (var i = 0; i < elements.length; i++) {
  var element = elements[i];
  var box = element.getBoundingClientRect();
  if (box.width === 0 || box.right <= width + 0.5 || clips(element)) continue;
  if (!worst || box.right > worst.right + 0.5) {
    worst = {right: Math.round(box.right), selector: selector(element), text: (element.textContent || '').trim().slice(0, 60)};
  }
}
// Text that runs out of its element (a long word) sticks out without its element doing so.
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
var range = document.createRange();
for (var text = walker.nextNode(); text; text = walker.nextNode()) {
  if (!text.parentElement || clips(text.parentElement) || getComputedStyle(text.parentElement).overflowX !== 'visible') continue;
  range.selectNodeContents(text);
  var rect = range.getBoundingClientRect();
  if (rect.width === 0 || rect.right <= width + 0.5) continue;
  if (!worst || rect.right > worst.right + 0.5) {
    worst = {right: Math.round(rect.right), selector: selector(text.parentElement) + ' (its text)', text: text.data.trim().slice(0, 60)};
  }
}
return {scrollWidth: document.documentElement.scrollWidth, widest: worst};
"""


# Addresses that are no file of the site: the 404 page as a server answers it at a nested
# address, and search results (long titles and excerpts).
EXTRA = ["kader/p1/bestaat-niet/", "zoeken/index.html?q=woning"]


def wait_for_results(driver):
    def done():
        status = driver.execute_script("var s = document.getElementById('kb-zoekstatus'); return s ? s.textContent : null;")
        searching = driver.execute_script("var s = document.querySelector('script[data-searching]'); return s ? s.dataset.searching : '';")
        return status not in ("", searching)
    wait_until(done)


def html_pages(site):
    pages = []
    for folder, folders, files in os.walk(site):
        folders[:] = sorted(name for name in folders if not (folder == site and name == "pagefind"))
        for name in sorted(files):
            if name.endswith(".html"):
                pages.append(os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/"))
    return sorted(pages)


def main():
    arguments = sys.argv[2:]
    shots = None
    if "--screenshots" in arguments:
        index = arguments.index("--screenshots")
        shots = arguments[index + 1]
        arguments = arguments[:index] + arguments[index + 2:]
        os.makedirs(shots, exist_ok=True)
    site = os.path.abspath(sys.argv[1])
    width = int(arguments[0]) if arguments else 320
    pages = html_pages(site) + EXTRA
    server, base = serve_with_not_found(site)
    driver = chromium()
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    failed = []
    try:
        for path in pages:
            driver.get(base + path)
            if "?q=" in path:
                wait_for_results(driver)
            measured = driver.execute_script(WIDEST, width)
            if shots:
                name = path.strip("/").replace("/", "_").replace("?", "_").replace(".html", "")
                driver.save_screenshot(os.path.join(shots, name + ".png"))
            if measured["scrollWidth"] <= width:
                continue
            widest = measured["widest"]
            why = ("%s reaches %d px (%r)" % (widest["selector"], widest["right"], widest["text"])) if widest else "no single element"
            line = "%s is %d px wide at %d px: %s" % (path, measured["scrollWidth"], width, why)
            failed.append(path)
            print("FAIL: " + line)
    finally:
        driver.quit()
        server.shutdown()
    print("checked %d pages at %d px: %d too wide" % (len(pages), width, len(failed)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
