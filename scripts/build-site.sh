#!/usr/bin/env bash
# Quick start, step 1: installs what is missing, builds the generator and builds the site
# from the shipped content into _site/. Extra arguments go to `kennisbank build`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product kennisbank
.build/release/kennisbank build "$@"
