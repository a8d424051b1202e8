"""Shared pieces of the browser tests: a headless Chromium and a quiet local web server."""
import functools
import http.server
import sys
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def chromium(download_dir=None, network_log=False):
    """Debian's Chromium, headless, through Debian's chromium-driver."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1600"):
        options.add_argument(argument)
    if download_dir:
        options.add_experimental_option("prefs", {"download.default_directory": download_dir,
                                                  "download.prompt_for_download": False})
    if network_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    if download_dir:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": download_dir})
    return driver


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    """Serves `folder` on a free loopback port in a background thread; returns the server."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def check(condition, message):
    """Prints `ok: message`, or `FAIL: message` and exits non-zero."""
    if not condition:
        print("FAIL: " + message)
        sys.exit(1)
    print("ok: " + message)
