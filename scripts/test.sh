#!/usr/bin/env bash
# Quick start, step 2: installs what the tests need and runs them all
# (unit tests, an end-to-end build of the shipped content, and the Nu HTML checker over it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
# Release build: it reuses the generator that scripts/build-site.sh built (only the tests are
# compiled), and the tests run on optimised code (about a third less CPU time than debug).
# The tests use no @testable import, so none is needed.
swift test -c release --disable-testable-imports "$@"
