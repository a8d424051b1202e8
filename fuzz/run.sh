#!/usr/bin/env bash
# Runs the libFuzzer targets for the readers of user files and for the whole build of a small
# project, each for a bounded time, and the browser's readers with seeded random input.
#   fuzz/run.sh [SECONDS_PER_TARGET]        (default 30; CI uses a few seconds each)
# Seeds come from the shipped content. A crash, hang (> 10 s per input) or broken invariant
# stops the run with the input saved as fuzz/artifacts/<target>/crash-...; turn each into a
# regression test in Tests/KennisbankTests/HostileInputTests.swift.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-30}
repo=$(cd .. && pwd)
work=${FUZZ_DIR:-/tmp/kennisbank-fuzz}

# SwiftPM's --sanitize links libFuzzer; -Xswiftc puts the coverage counters into every Swift module.
swift build -c release --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -Ev "ld.gold: warning|^\[" || true
test -x .build/release/fuzz-front-matter || { echo "fuzz: build failed" >&2; exit 1; }

# Seed corpora from the shipped content.
rm -rf "$work/seeds"
mkdir -p "$work/seeds"/{front-matter,indicators,assessment,spreadsheet,build,markdown}
find "$repo/content" -name '*.md' -not -path '*/kader/*' -not -path '*/zelfevaluaties/*' -exec cp {} "$work/seeds/front-matter/" \;
cp "$repo"/content/kader/*.md "$work/seeds/indicators/"
find "$repo/content/zelfevaluaties" -name '*.md' -not -name '_index.md' -exec cp {} "$work/seeds/assessment/" \;
# Hand-made seeds for what the shipped content does not show (issue 15: tricky structure, bad CSV).
cp "$repo"/fuzz/seeds/assessment/* "$work/seeds/assessment/"
cp "$repo"/fuzz/seeds/spreadsheet/* "$work/seeds/spreadsheet/"
# Knowledge pages with GitHub's extensions and other generators' syntax (issue 17).
cp "$repo"/fuzz/seeds/markdown/*.md "$work/seeds/front-matter/"
# Issue 17: front matter of other generators (order keys, aliases, extra, keys with no meaning here).
cp "$repo"/fuzz/seeds/front-matter/* "$work/seeds/front-matter/"
# Markdown on its own (issue 17): the shipped pages and hand-made tables in lists, quotes and headings.
find "$repo/content" -name '*.md' -not -path '*/zelfevaluaties/*' -exec cp {} "$work/seeds/markdown/" \;
cp "$repo"/fuzz/seeds/markdown/* "$work/seeds/markdown/"
(cd "$repo" && swift build -c release --product kennisbank >/dev/null && .build/release/kennisbank assessment template --csv -o "$work/seeds/spreadsheet/template.csv" >/dev/null)
python3 - "$work/seeds/spreadsheet" <<'PY'
import sys
folder = sys.argv[1]
lines = open(f"{folder}/template.csv", encoding="utf-8-sig").read().split("\r\n")
scores = ["groen", "oranje", "rood", "Op orde", ""]
out, n = [], 0
for line in lines:
    cells = line.split(";")
    if cells[0] == "Praktijk": cells[1] = "Housing First Zeedorp"
    elif cells[0].startswith("Datum"): cells[1] = "2026-03-14"
    elif cells[0] == "Organisatie": cells[1] = {"zorgorganisatie": "Zorg \"Oost\"", "woningcorporatie": "Woonstad", "gemeente": "Gemeente Zeedorp"}[cells[2]]
    elif len(cells) >= 7 and "." in cells[0]:
        cells[4] = scores[n % len(scores)]
        cells[5] = '"Eerste regel; met ""aanhalingstekens""\nen een tweede regel"' if n % 3 == 0 else ""
        n += 1
    out.append(";".join(cells))
open(f"{folder}/filled.csv", "w", encoding="utf-8-sig", newline="").write("\r\n".join(out))
PY

# Project archives for fuzz-build (see fuzz/Sources/FuzzSupport/FuzzProject.swift): the home
# page with each section of the shipped content, the kader with an assessment, and a page with
# a template of its own, and the kader in English with its strings file.
python3 - "$repo/content" "$repo/templates" "$work/seeds/build" <<'PY'
import os, sys
content, templates, out = sys.argv[1:4]
home = open(os.path.join(content, "_index.md"), encoding="utf-8").read()
def archive(name, files):
    text = home + "".join(">>> %s\n%s" % (path, body) for path, body in files)
    open(os.path.join(out, name), "w", encoding="utf-8").write(text)
for section in sorted(os.listdir(content)):
    folder = os.path.join(content, section)
    if not os.path.isdir(folder) or section in ("kader", "zelfevaluaties"):
        continue
    files = [("content/%s/%s" % (section, name), open(os.path.join(folder, name), encoding="utf-8").read())
             for name in sorted(os.listdir(folder)) if name.endswith(".md")]
    archive(section, files)
kader = [("content/kader/" + name, open(os.path.join(content, "kader", name), encoding="utf-8").read())
         for name in sorted(os.listdir(os.path.join(content, "kader"))) if name.endswith(".md")]
assessments = os.path.join(content, "zelfevaluaties")
first = sorted(name for name in os.listdir(assessments) if name.endswith(".md") and name != "_index.md")[0]
kader += [("content/zelfevaluaties/_index.md", open(os.path.join(assessments, "_index.md"), encoding="utf-8").read()),
          ("content/zelfevaluaties/" + first, open(os.path.join(assessments, first), encoding="utf-8").read())]
archive("kader-and-assessment", kader)
archive("names-and-template", [("content/a.md", "---\ntitle: A\nslug: x\n---\n# A\n"),
                               ("content/é é/_index.md", "# Spatie\n"),
                               ("templates/page.mustache", open(os.path.join(templates, "page.mustache"), encoding="utf-8").read())])
# Issue 17: a README.md landing, a folder without landing page, aliases and extra.
archive("other-generators", [("content/docs/README.md", "# Docs\n\n## Begin\n"),
                             ("content/docs/stap.md", "---\nweight: 2\naliases: [/oud/stap/]\nextra: {regio: Utrecht}\n---\n[terug](README.md#begin)\n"),
                             ("content/zonder-landing/pagina.md", "Tekst zonder titel.\n")])
# Issue 20: the assessments in a folder beside the content, named in the config.
archive("assessments-elsewhere", kader[:-1] + [("kennisbank.yml", "assessments: prive/zelfevaluaties\n"),
                                               ("prive/zelfevaluaties/" + first, open(os.path.join(assessments, first), encoding="utf-8").read())])
# The site's language: the kader and an assessment in English, with the strings file to mutate.
archive("language-en", kader + [("kennisbank.yml", "title: Kennisbank\nlanguage: en\n"),
                                ("templates/strings/en.yml", open(os.path.join(templates, "strings", "en.yml"), encoding="utf-8").read())])
PY

status=0
for target in ${FUZZ_TARGETS:-front-matter indicators assessment spreadsheet build markdown}; do
    mkdir -p "$work/corpus/$target" "artifacts/$target"
    log="$work/$target.log"
    # The build reads files on threads, where Foundation's Data(contentsOf:) keeps a 4 KB buffer
    # per thread that LeakSanitizer reports as a leak: not ours, so the build target skips it.
    leaks=1
    [ "$target" = build ] && leaks=0
    if ! ASAN_OPTIONS="detect_leaks=$leaks" .build/release/fuzz-$target "$work/corpus/$target" "$work/seeds/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="artifacts/$target/" -print_final_stats=1 >"$log" 2>&1; then
        status=1
        echo "fuzz-$target: FAILED, see $log and fuzz/artifacts/$target/" >&2
        grep -E "ERROR|panic|Fatal|precondition|Crash" "$log" | head -5 >&2
    fi
    runs=$(awk '/stat::number_of_executed_units/ {print $2; exit}' "$log")
    echo "fuzz-$target: ${runs:-0} inputs in ${seconds} s, corpus $(ls "$work/corpus/$target" | wc -l) files"
done

# The browser's readers of what a page opens (issue 19: the files participants send, the bundle
# page's handoff, the invitation link), in headless Chromium: seeded random inputs, 20 a second.
if [ -z "${FUZZ_TARGETS:-}" ] && command -v chromium >/dev/null; then
    (cd "$repo" && .build/release/kennisbank build --no-pdf --no-search --output "$work/site" >/dev/null)
    if ! python3 "$repo/Tests/browser/hostile_files.py" "$work/site" "$repo/Tests/KennisbankTests/Fixtures/hostile-files" \
        $((seconds * 20)) >"$work/browser.log" 2>&1; then
        status=1
        echo "fuzz-browser: FAILED, see $work/browser.log" >&2
        grep FAIL "$work/browser.log" | head -3 >&2
    fi
    echo "fuzz-browser: $((seconds * 20)) files, handoffs and invitation links through the browser's readers"
fi
exit $status
