#!/usr/bin/env python3
"""Time from saving one page to `kennisbank serve` serving it rebuilt.

    bench/serve_latency.py KENNISBANK PROJECT TEMPLATES [PAGES] [RUNS]

Starts `kennisbank serve` in PROJECT (a corpus from bench/corpus.py), waits for the first
build, then RUNS times appends a new sentence to one page of the corpus and polls that page
over HTTP (every millisecond) until the sentence is there. Prints the median and the worst
time in milliseconds. No test asserts a time.
"""
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

kennisbank, project, templates = sys.argv[1:4]
pages = int(sys.argv[4]) if len(sys.argv) > 4 else 10000
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 5

with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
index = pages // 2
source = os.path.join(project, "content", "sectie-%03d" % (index // 100), "pagina-%05d.md" % index)
url = "http://127.0.0.1:%d/sectie-%03d/pagina-%05d/index.html" % (port, index // 100, index)
output = os.path.join(project, "_serve")
server = subprocess.Popen([kennisbank, "serve", "--templates", templates, "-o", output, "--port", str(port)],
                          cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def fetch():
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


try:
    deadline = time.time() + 900
    while "</html>" not in fetch():
        if server.poll() is not None or time.time() > deadline:
            sys.exit("serve did not come up:\n" + (server.stdout.read() if server.stdout else ""))
        time.sleep(0.2)
    time.sleep(1.0)  # let the watcher settle after the first build
    original = open(source, encoding="utf-8").read()
    latencies = []
    for run in range(runs):
        marker = "Bewerking nummer %d van de meting." % run
        start = time.perf_counter()
        with open(source, "w", encoding="utf-8") as handle:
            handle.write(original + "\n" + marker + "\n")
        while marker not in fetch():
            if time.perf_counter() - start > 120:
                sys.exit("the edited page was not served within 120 s")
            time.sleep(0.001)
        latencies.append((time.perf_counter() - start) * 1000)
        time.sleep(0.5)
    with open(source, "w", encoding="utf-8") as handle:
        handle.write(original)
    print("serve: edit to served page, median %.0f ms, worst %.0f ms over %d edits (%d-page corpus)"
          % (statistics.median(latencies), max(latencies), runs, pages))
finally:
    server.terminate()
    server.wait(timeout=30)
