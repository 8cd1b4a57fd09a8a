#!/usr/bin/env python3
"""Library benchmark: a big course pack imported, then its first text opened.

Writes a pack of 200 documents (about 5 MB of Markdown: headings, paragraphs,
lists, quotes, footnotes) with a small glossary, builds its .prisonnum file
with the teachers' tool, and times pn_library_prepare_import() + commit
(bench-library-import: unpack, check with every document rendered, rename).
Then the app's start-up on the installed folder's first text against its
start-up on the bundled essay, measured as bench/startup.py measures it
(launch to the "laid-out" line, runs alternating, medians), and prints
"ratio R" (goal: at most 1.3). Needs a display (xvfb-run) and a session bus.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from startup import app_env, medians  # noqa: E402

WORDS = ("rent wage price market labour value capital land worker tenant landlord harvest "
         "grain field town trade money credit debt tax law custom village mill road river "
         "season contract share profit loss good bad early late common private public").split()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng, rng.randint(8, 22)) for _ in range(rng.randint(3, 7)))


def document(rng, index, size):
    parts = [f"Chapter {index} opens with a short summary of what follows.\n"]
    section = 0
    while sum(len(p) for p in parts) < size:
        section += 1
        parts.append(f"## Part {section}\n")
        for _ in range(rng.randint(3, 6)):
            parts.append(paragraph(rng) + "\n")
        if section % 3 == 0:
            parts.append("".join(f"- {sentence(rng, 6)}\n" for _ in range(4)))
        if section % 4 == 0:
            parts.append(f"> {paragraph(rng)}\n")
        if section % 5 == 0:
            parts.append(f"A claim that needs a note.[^n{section}]\n\n[^n{section}]: {sentence(rng, 10)}\n")
    return "\n".join(parts)


def write_pack(folder, n_documents, total_size):
    rng = random.Random(9)
    os.makedirs(os.path.join(folder, "texts"))
    docs = []
    for i in range(1, n_documents + 1):
        doc_id = f"chapter-{i:03d}"
        with open(os.path.join(folder, "texts", doc_id + ".md"), "w") as f:
            f.write(document(rng, i, total_size // n_documents))
        docs.append({"id": doc_id, "title": f"Chapter {i}", "file": f"texts/{doc_id}.md"})
    entries = [{"id": w, "term": w, "definition": f"What the course means by {w}."} for w in WORDS[:12]]
    with open(os.path.join(folder, "glossary.json"), "w") as f:
        json.dump({"entries": entries}, f, indent=1)
    manifest = {
        "format": 1, "id": "bench-big-course", "version": "1.0", "title": "A big course",
        "language": "en", "authors": [{"name": "Bench Author"}], "license": "CC-BY-4.0",
        "description": "Two hundred chapters.", "documents": docs, "glossary": "glossary.json",
    }
    with open(os.path.join(folder, "pack.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    return sum(os.path.getsize(os.path.join(folder, "texts", d["id"] + ".md")) for d in docs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", required=True)
    ap.add_argument("--tool", required=True)
    ap.add_argument("--importer", required=True)
    ap.add_argument("--pack", required=True, help="the bundled essay's folder")
    ap.add_argument("--schemas", required=True)
    ap.add_argument("--documents", type=int, default=200)
    ap.add_argument("--size", type=int, default=5 * 1024 * 1024)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--import-runs", type=int, default=3)
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="pn-bench-library-")
    try:
        folder = os.path.join(work, "big-course")
        text_size = write_pack(folder, args.documents, args.size)
        archive = os.path.join(work, "big-course.prisonnum")
        subprocess.run([args.tool, "build", folder, "-o", archive], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"pack {args.documents} documents, {text_size / 1048576:.1f} MB of text, "
              f"archive {os.path.getsize(archive) / 1048576:.1f} MB")

        out = subprocess.run([args.importer, archive, os.path.join(work, "library"),
                              str(args.import_runs)], check=True, capture_output=True, text=True).stdout
        installed = None
        for line in out.splitlines():
            if line.startswith("installed "):
                installed = line[len("installed "):]
            else:
                print(line)

        env = app_env(work, args.schemas, args.pack)
        env["PRISONNUM_LIBRARY_DIR"] = os.path.dirname(installed)
        med = {name: wall for name, (wall, _) in
               medians({"essay": [args.app, args.pack], "big": [args.app, installed]},
                       env, args.runs).items()}
        print(f"runs {args.runs} (medians)")
        print(f"start-up on the bundled essay {med['essay']:.0f} ms")
        print(f"start-up on the installed pack's first text {med['big']:.0f} ms")
        print(f"ratio {med['big'] / med['essay']:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
