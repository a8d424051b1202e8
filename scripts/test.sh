#!/usr/bin/env bash
# Quick start, step 2: installs what the tests need and runs them all
# (unit tests, an end-to-end build of the shipped content, and the Nu HTML checker over it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
swift test "$@"
