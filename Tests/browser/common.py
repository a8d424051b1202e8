"""Shared pieces of the browser tests: a headless Chromium and a quiet local web server."""
import base64
import functools
import http.server
import os
import sys
import tempfile
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def chromium(download_dir=None, network_log=False, script=True):
    """Debian's Chromium, headless, through Debian's chromium-driver (with `script=False`, one
    that runs no script of the pages)."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1600"):
        options.add_argument(argument)
    prefs = {}
    if download_dir:
        prefs.update({"download.default_directory": download_dir, "download.prompt_for_download": False})
    if not script:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    if prefs:
        options.add_experimental_option("prefs", prefs)
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


class NotFoundHandler(QuietHandler):
    """Answers the site's 404 page for anything missing, with status 404 and at the address asked
    for, as a plain web server set up for a static site does (nginx `error_page 404 /404.html`,
    Apache `ErrorDocument 404 /404.html`, GitHub Pages); folders without index.html are not listed."""
    not_found = None

    def list_directory(self, path):
        self.send_error(404)

    def send_error(self, code, message=None, explain=None):
        if code != 404 or not self.not_found:
            return super().send_error(code, message, explain)
        with open(self.not_found, "rb") as file:
            body = file.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class QuietServer(http.server.ThreadingHTTPServer):
    """Says nothing when the browser drops a connection it no longer needs."""
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve_with_not_found(site, subpath=""):
    """Serves the built `site` with its 404.html for missing paths, at the server root or below
    `subpath` (such as "sub": the site at /sub/, and a 404 for anything outside it too); returns
    the server and the site's address."""
    folder = site
    if subpath:
        folder = tempfile.mkdtemp(prefix="kennisbank-subpath-")
        os.symlink(site, os.path.join(folder, subpath))
    handler = type("SiteNotFoundHandler", (NotFoundHandler,), {"not_found": os.path.join(site, "404.html")})
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = "http://127.0.0.1:%d/%s" % (server.server_address[1], subpath + "/" if subpath else "")
    return server, base


def print_to_pdf(driver, path):
    """Chromium's print to PDF of the open page into `path`, as Ctrl+P with "Save as PDF" does:
    the options of its print dialog, with the page's own @page size and margins."""
    result = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    with open(path, "wb") as file:
        file.write(base64.b64decode(result["data"]))


PATIENCE = 60  # seconds: what a loaded CI machine may need for a download, a reload or a search


def wait_until(predicate, seconds=PATIENCE):
    """Polls `predicate` every 0.1 s until it returns something true (which it returns) or
    `seconds` pass (then None). Exceptions count as not yet."""
    deadline = time.time() + seconds
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception:
            pass
        if time.time() >= deadline:
            return None
        time.sleep(0.1)


def check(condition, message):
    """Prints `ok: message`, or `FAIL: message` and exits non-zero."""
    if not condition:
        print("FAIL: " + message)
        sys.exit(1)
    print("ok: " + message)
