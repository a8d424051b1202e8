#!/usr/bin/env python3
"""The 404 page at any depth, served by a plain web server.

Usage: not_found.py SITE_DIR [SCREENSHOT_DIR]

Serves the built site (without base_url) with a plain Python web server that answers its
404.html for every missing path, as nginx, Apache and GitHub Pages are set up to, at the server
root and below a subpath (/sub/). At nested missing addresses (/kader/p1/bestaat-niet/ and
deeper, an old section's /oude-sectie/pagina/, and the same below /sub/) it checks in headless Chromium that the answer is the
404 page with status 404, that the site's stylesheet applies (the header and the text have the
same computed style as on the home page) and that every link, the stylesheet, the icon and the
search form's action lead to a file that exists on the server (status 200) inside the site; the
skip link stays on the page. With script turned off the page at the root depth still has working
links, and at a nested depth its text is there to read.
"""
import os
import sys
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By

from common import check, chromium, serve_with_not_found

STYLE = """
var header = document.querySelector('.site-header'), main = document.querySelector('main');
if (!header || !main) return null;
var h = getComputedStyle(header), m = getComputedStyle(main), b = getComputedStyle(document.body);
return [h.backgroundColor, b.fontFamily, b.marginTop, m.display, getComputedStyle(document.querySelector('h1')).color].join(' | ');
"""

ADDRESSES = """
var found = [];
document.querySelectorAll('a[href], link[href], form[action], img[src], script[src]').forEach(function (element) {
  var attribute = element.hasAttribute('href') ? 'href' : element.hasAttribute('action') ? 'action' : 'src';
  found.push([element.localName + '[' + attribute + '=' + element.getAttribute(attribute) + ']', element[attribute], element.getAttribute(attribute)]);
});
return found;
"""


def status(url):
    try:
        with urllib.request.urlopen(url) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def check_page(driver, base, address, expected_style, title, shots):
    url = base + address
    expected = 200 if address == "404.html" else 404
    check(status(url) == expected, "%s answers %d" % (url, expected))
    driver.get(url)
    check(driver.find_element(By.TAG_NAME, "h1").text == title, "%s shows the 404 page (%r)" % (url, title))
    style = driver.execute_script(STYLE)
    check(style == expected_style, "%s has the site's style (%s)" % (url, style))
    page = url.split("#")[0]
    for name, resolved, written in driver.execute_script(ADDRESSES):
        if written.startswith("#"):
            check(resolved == page + written, "%s: %s stays on the page" % (url, name))
            continue
        check(resolved.startswith(base), "%s: %s leads into the site (%s)" % (url, name, resolved))
        check(status(resolved.split("#")[0]) == 200, "%s: %s leads to a file that exists (%s)" % (url, name, resolved))
    if shots:
        driver.save_screenshot(os.path.join(shots, "404-" + (base.rstrip("/").rsplit("/", 1)[-1] if "/sub/" in base else "root")
                                            + "-" + address.strip("/").replace("/", "_") + ".png"))


def main():
    site = os.path.abspath(sys.argv[1])
    shots = sys.argv[2] if len(sys.argv) > 2 else None
    if shots:
        os.makedirs(shots, exist_ok=True)
    driver = chromium()
    servers = []
    try:
        for subpath in ("", "sub"):
            server, base = serve_with_not_found(site, subpath)
            servers.append(server)
            driver.get(base + "index.html")
            expected = driver.execute_script(STYLE)
            driver.get(base + "404.html")
            title = driver.find_element(By.TAG_NAME, "h1").text
            for address in ("kader/p1/bestaat-niet/", "kader/p1/bestaat/niet/heel/diep.html", "kernprincipes/weg.html",
                            "bestaat-niet/", "oude-sectie/pagina/", "oud/map/index.html", "404.html"):
                check_page(driver, base, address, expected, title, shots)
        driver.quit()

        # Without script: readable, and at the root depth every link works.
        driver = chromium(script=False)
        server, base = serve_with_not_found(site)
        servers.append(server)
        driver.get(base + "kader/p1/bestaat-niet/")
        check(driver.find_element(By.TAG_NAME, "h1").text == title, "without script the nested 404 page's text is there")
        check(driver.find_element(By.CSS_SELECTOR, "link[rel=stylesheet]").get_attribute("href") == base + "kader/p1/bestaat-niet/assets/style.css",
              "without script its addresses stay as written (no script ran)")
        driver.get(base + "bestaat-niet.html")
        links = [element.get_attribute("href") for element in driver.find_elements(By.CSS_SELECTOR, "a[href]:not([href^='#'])")]
        broken = [link for link in links if status(link.split("#")[0]) != 200]
        check(links and not broken, "without script every link of the 404 page at the root depth works (%d links; broken: %s)" % (len(links), broken))
    finally:
        driver.quit()
        for server in servers:
            server.shutdown()


if __name__ == "__main__":
    main()
