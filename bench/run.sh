#!/usr/bin/env bash
# Benchmark: Kennisbank against Hugo and the cmark floor on one synthetic corpus, same run.
#   bench/run.sh [PAGES] [ASSESSMENTS] [RUNS]     (defaults: 10000 pages, 1000 assessments, 3 runs)
# Prints the median wall time of each step, peak memory of both generators, and the ratios.
# No test asserts a time: machines are shared and noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
pages=${1:-10000}
assessments=${2:-1000}
runs=${3:-3}
work=${BENCH_DIR:-/tmp/kennisbank-bench}

command -v hugo >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get install -y -qq hugo cmark time >/dev/null; }
command -v cmark >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get install -y -qq cmark >/dev/null; }
scripts/setup.sh >/dev/null
swift build -c release --product kennisbank >/dev/null
kennisbank="$PWD/.build/release/kennisbank"
templates="$PWD/templates"

echo "corpus: $pages pages, $assessments assessments (bench/corpus.py)"
python3 bench/corpus.py "$pages" "$assessments" "$work"

# Median of $runs runs of a command, in seconds.
median() {
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; exit 1; }
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# Peak resident memory of one run, in MiB.
peak() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {printf "%.0f", $2/1024}'
}

cd "$work/kennisbank"
ours=$(median "$kennisbank" build --templates "$templates" --no-pdf --no-search -o "$work/out")
ours_peak=$(peak "$kennisbank" build --templates "$templates" --no-pdf --no-search -o "$work/out")
noop=$(median "$kennisbank" build --templates "$templates" --no-pdf --no-search -o "$work/out")
cd "$work/hugo"
hugo_time=$(median hugo --quiet -d "$work/hugo-out")
hugo_peak=$(peak hugo --quiet -d "$work/hugo-out")
floor=$(median cmark --smart "$work/floor.md")

# Serve: from saving one page to the rebuilt page being served.
serve_line=$(python3 "$repo/bench/serve_latency.py" "$kennisbank" "$work/kennisbank" "$templates" "$pages" 5 2>&1 | tail -1)

# Assessments alone: the shipped knowledge bank (the kader among it) plus the assessments,
# without the synthetic pages.
rm -rf "$work/assessments"
mkdir -p "$work/assessments/content"
for entry in "$work/kennisbank/content/"*; do
    case "$(basename "$entry")" in sectie-*) ;; *) cp -r "$entry" "$work/assessments/content/" ;; esac
done
cd "$work/assessments"
only_assessments=$(median "$kennisbank" build --templates "$templates" --no-pdf --no-search -o "$work/assessments-out")

ratio() { echo "scale=2; $1 / $2" | bc; }
printf '\n| step | median wall time (s) | peak memory (MiB) |\n| --- | --- | --- |\n'
printf '| (a) kennisbank build, %s pages + %s assessments | %s | %s |\n' "$pages" "$assessments" "$ours" "$ours_peak"
printf '| (b) Hugo %s, same %s pages | %s | %s |\n' "$(hugo version | awk '{print $2}')" "$pages" "$hugo_time" "$hugo_peak"
printf '| (c) floor: cmark on all pages in one input | %s | |\n' "$floor"
printf '| (d) no-op rebuild | %s | |\n' "$noop"
printf '| (e) %s assessments alone | %s | |\n' "$assessments" "$only_assessments"
printf '\n%s\n' "$serve_line"
printf '\nours/Hugo: %s   ours/floor: %s   memory ours/Hugo: %s\n' "$(ratio "$ours" "$hugo_time")" "$(ratio "$ours" "$floor")" "$(ratio "$ours_peak" "$hugo_peak")"
