#!/usr/bin/env python3
"""Writes a deterministic synthetic corpus for the benchmark.

Usage: corpus.py PAGES ASSESSMENTS OUT_DIR

OUT_DIR/kennisbank/  a Kennisbank project: PAGES Markdown pages of about 3 KB of Dutch-like text
                     (front matter, headings, paragraphs, lists, emphasis, links to other pages of
                     the corpus) in sections of 100 pages, plus the shipped knowledge bank (the
                     kader among it) and ASSESSMENTS assessment files for its kader.
OUT_DIR/hugo/        the same PAGES pages as a Hugo site with a minimal layout that has
                     navigation and a table of contents.
OUT_DIR/floor.md     all pages concatenated, for the cmark floor.
"""
import os
import random
import shutil
import sys

WORDS = ("woning huurder begeleiding deelnemer gemeente corporatie zorgorganisatie herstel regie "
         "keuze wijk buren afspraak ondersteuning dakloosheid huisvesting overlast budget team "
         "ervaringsdeskundige vertrouwen relatie praktijk kader indicator reflectie actie samen "
         "flexibel permanent zelfstandig huurcontract hoop autonomie schulden inkomen netwerk").split()
STATUSES = ["op orde", "in ontwikkeling", "niet op orde", "groen", "oranje", "rood"]
PER_SECTION = 100


def sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=4):
    parts = [sentence(rng, rng.randint(8, 16)) for _ in range(sentences)]
    parts[1] = parts[1].replace(" ", " *", 1).replace(" ", "* ", 2) if " " in parts[1] else parts[1]
    return " ".join(parts)


def page_body(rng, index, total, link):
    lines = [paragraph(rng), ""]
    for heading in range(3):
        lines += ["## " + sentence(rng, 3).rstrip("."), "", paragraph(rng), ""]
        lines += ["### " + sentence(rng, 2).rstrip("."), "", paragraph(rng, 3), ""]
        lines += ["- " + sentence(rng, 6) for _ in range(3)] + [""]
        target = rng.randrange(total)
        lines += ["Zie ook " + link(index, target) + ".", ""]
    return "\n".join(lines)


def main():
    pages, assessments, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if os.path.exists(out):
        shutil.rmtree(out)
    kb = os.path.join(out, "kennisbank", "content")
    hugo = os.path.join(out, "hugo")
    os.makedirs(kb)
    # The shipped knowledge bank (its pages link to each other), without its own assessments
    # and home page: the corpus makes those.
    for name in sorted(os.listdir(os.path.join(root, "content"))):
        source = os.path.join(root, "content", name)
        if os.path.isdir(source) and name != "zelfevaluaties":
            shutil.copytree(source, os.path.join(kb, name))
    with open(os.path.join(kb, "_index.md"), "w", encoding="utf-8") as handle:
        handle.write("---\ntitle: Benchmark\n---\nEen synthetische kennisbank.\n")
    with open(os.path.join(out, "kennisbank", "kennisbank.yml"), "w", encoding="utf-8") as handle:
        handle.write("title: Benchmark\n")
    os.makedirs(os.path.join(hugo, "content"))
    os.makedirs(os.path.join(hugo, "layouts", "_default"))
    with open(os.path.join(hugo, "config.toml"), "w") as handle:
        handle.write('baseURL = "http://example.org/"\nlanguageCode = "nl"\ntitle = "Benchmark"\n'
                     'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n')
    layout = ('<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>'
              '<nav><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>'
              '<nav>{{ with .CurrentSection }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}</nav>'
              '<main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main></body></html>')
    for name in ("single.html", "list.html"):
        with open(os.path.join(hugo, "layouts", "_default", name), "w") as handle:
            handle.write(layout)
    rng = random.Random(2025)
    floor = []
    sections = (pages + PER_SECTION - 1) // PER_SECTION
    for section in range(sections):
        name = "sectie-%03d" % section
        for folder in (os.path.join(kb, name), os.path.join(hugo, "content", name)):
            os.makedirs(folder)
        with open(os.path.join(kb, name, "_index.md"), "w", encoding="utf-8") as handle:
            handle.write("---\ntitle: Sectie %d\ndescription: %s\norder: %d\n---\n%s\n" % (section, sentence(rng, 8), section, paragraph(rng)))
        with open(os.path.join(hugo, "content", name, "_index.md"), "w", encoding="utf-8") as handle:
            handle.write("---\ntitle: Sectie %d\nweight: %d\n---\n" % (section, section))

    def kb_link(index, target):
        return "[pagina %d](../sectie-%03d/pagina-%05d.md)" % (target, target // PER_SECTION, target)

    for index in range(pages):
        section = index // PER_SECTION
        title = "Pagina %d: %s" % (index, sentence(rng, 3).rstrip("."))
        body = page_body(rng, index, pages, kb_link)
        front = "---\ntitle: \"%s\"\ndescription: %s\norder: %d\n---\n" % (title, sentence(rng, 10), index)
        with open(os.path.join(kb, "sectie-%03d" % section, "pagina-%05d.md" % index), "w", encoding="utf-8") as handle:
            handle.write(front + body)
        with open(os.path.join(hugo, "content", "sectie-%03d" % section, "pagina-%05d.md" % index), "w", encoding="utf-8") as handle:
            handle.write("---\ntitle: \"%s\"\nweight: %d\n---\n" % (title, index) + body)
        floor.append(body)
    with open(os.path.join(out, "floor.md"), "w", encoding="utf-8") as handle:
        handle.write("\n\n".join(floor))

    # Assessments for the shipped kader.
    ids = []
    for name in sorted(os.listdir(os.path.join(kb, "kader"))):
        for line in open(os.path.join(kb, "kader", name), encoding="utf-8"):
            if line.startswith("### "):
                ids.append(line.split()[1])
    folder = os.path.join(kb, "zelfevaluaties")
    os.makedirs(folder)
    with open(os.path.join(folder, "_index.md"), "w", encoding="utf-8") as handle:
        handle.write("---\ntitle: Zelfevaluaties\n---\nOverzicht.\n")
    for number in range(assessments):
        lines = ["---", "praktijk: Praktijk %d" % (number // 2), "datum: 202%d-03-1%d" % (4 + number % 2, number % 10),
                 "zichtbaarheid: public", "persoonsgegevens_gecontroleerd: true", "---", ""]
        for indicator in ids:
            if rng.random() < 0.1:
                continue
            lines += ["## %s" % indicator, "", "**Kleurscore:** %s" % rng.choice(STATUSES), ""]
            if rng.random() < 0.2:
                lines += ["### Reflectie", "", paragraph(rng, 2), ""]
        with open(os.path.join(folder, "zelfevaluatie-%04d.md" % number), "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines))


if __name__ == "__main__":
    main()
