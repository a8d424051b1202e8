#!/usr/bin/env python3
"""Browser test of live reload: opens PAGE_URL of a running `kennisbank serve`, changes the
title in SOURCE_FILE, and waits for the open page to show NEW_TITLE without being reloaded by
the test. Usage: live_reload.py PAGE_URL SOURCE_FILE OLD_TITLE NEW_TITLE"""
import sys
import time

from selenium.webdriver.common.by import By

from common import chromium


def main():
    url, source, old, new = sys.argv[1:5]
    driver = chromium()
    try:
        driver.get(url)
        shown = ""
        for _ in range(100):
            try:
                shown = driver.find_element(By.TAG_NAME, "h1").text
            except Exception:
                shown = ""
            if shown == old:
                break
            time.sleep(0.1)
        if shown != old:
            print("FAIL: the page shows %r, not %r" % (shown, old))
            sys.exit(1)
        time.sleep(1)  # let the page open its WebSocket
        with open(source, encoding="utf-8") as handle:
            text = handle.read()
        with open(source, "w", encoding="utf-8") as handle:
            handle.write(text.replace("title: " + old, "title: " + new))
        for _ in range(100):
            time.sleep(0.1)
            try:
                if driver.find_element(By.TAG_NAME, "h1").text == new:
                    print("ok: the open page reloaded itself and shows " + new)
                    return
            except Exception:
                pass
        print("FAIL: the open page still does not show " + new)
        sys.exit(1)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
