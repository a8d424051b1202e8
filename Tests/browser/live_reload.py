#!/usr/bin/env python3
"""Browser test of live reload: opens PAGE_URL of a running `kennisbank serve`, changes the
title in SOURCE_FILE, and waits for the open page to show NEW_TITLE without being reloaded by
the test. Then the same for a page whose WebSocket opens only after the rebuild has finished
(a slow machine, a page that reconnects): it must reload too.
Usage: live_reload.py PAGE_URL SOURCE_FILE OLD_TITLE NEW_TITLE"""
import sys
import urllib.request

from selenium.webdriver.common.by import By

from common import PATIENCE, chromium, wait_until

# Holds every WebSocket of the page until the test calls window.kbOpenSockets().
HOLD_SOCKETS = """
(function () {
  var Real = window.WebSocket, pending = [];
  window.WebSocket = function (url) {
    var shim = {};
    pending.push(function () {
      var socket = new Real(url);
      socket.onmessage = function (event) { if (shim.onmessage) { shim.onmessage(event); } };
      socket.onclose = function (event) { if (shim.onclose) { shim.onclose(event); } };
    });
    return shim;
  };
  window.kbOpenSockets = function () { pending.splice(0).forEach(function (open) { open(); }); };
}());
"""


def heading(driver):
    try:
        return driver.find_element(By.TAG_NAME, "h1").text
    except Exception:
        return ""


def retitle(source, old, new):
    with open(source, encoding="utf-8") as handle:
        text = handle.read()
    with open(source, "w", encoding="utf-8") as handle:
        handle.write(text.replace("title: " + old, "title: " + new))


def served_page(url):
    with urllib.request.urlopen(url, timeout=PATIENCE) as answer:
        return answer.read().decode("utf-8")


def main():
    url, source, old, new = sys.argv[1:5]
    driver = chromium()
    try:
        driver.get(url)
        if not wait_until(lambda: heading(driver) == old):
            print("FAIL: the page shows %r, not %r" % (heading(driver), old))
            sys.exit(1)
        retitle(source, old, new)
        if not wait_until(lambda: heading(driver) == new):
            print("FAIL: the open page still does not show " + new)
            sys.exit(1)
        print("ok: the open page reloaded itself and shows " + new)

        later = new + " en later"
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOLD_SOCKETS})
        driver.get(url)
        if not wait_until(lambda: heading(driver) == new):
            print("FAIL: the page shows %r, not %r" % (heading(driver), new))
            sys.exit(1)
        retitle(source, new, later)
        if not wait_until(lambda: "<h1>%s</h1>" % later in served_page(url)):
            print("FAIL: the server never served " + later)
            sys.exit(1)
        driver.execute_script("window.kbOpenSockets();")
        if not wait_until(lambda: heading(driver) == later):
            print("FAIL: a page that connected after the rebuild still shows %r" % heading(driver))
            sys.exit(1)
        print("ok: a page that connected after the rebuild reloaded itself and shows " + later)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
