#!/usr/bin/env python3
"""Scores vnie on the saved pages in tests/normalize/pages against
tests/normalize/pages_expected.jsonl: published, title, chrome left in the
text (drop) and article text lost (keep).

  python3 tests/normalize/check_pages.py build/vnie
  python3 tests/normalize/check_pages.py build/vnie --set NAME   (another set: pages in
      tests/normalize/NAME, expectations in tests/normalize/NAME_expected.jsonl)
"""
import json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
vnie = sys.argv[1] if len(sys.argv) > 1 else "build/vnie"
verbose = "-v" in sys.argv
pages = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else "pages"
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "p.jsonl")
    subprocess.run([vnie, "run", os.path.join(here, pages), "--out", out, "--emit-text"],
                   check=True, stderr=subprocess.DEVNULL)
    recs = {os.path.basename(r["source"]["path"]): r for r in map(json.loads, open(out))}
bad_pub = bad_title = chrome_pages = lost_pages = chrome = lost = 0
for e in map(json.loads, open(os.path.join(here, pages + "_expected.jsonl"))):
    r = recs[e["file"]]
    text = r.get("text") or ""
    notes = []
    if r.get("published") != e["published"]:
        bad_pub += 1; notes.append(f"published {r.get('published')} != {e['published']}")
    if r.get("title") != e["title"]:
        bad_title += 1; notes.append(f"title {r.get('title')!r} != {e['title']!r}")
    left = [d for d in e["drop"] if d in text + "\n"]
    known = [d for d in e.get("left", []) if d in text]  # chrome known to stay (no date or amount)
    if known: notes.append(f"known chrome left: {known}")
    gone = [k for k in e["keep"] if k not in text]
    chrome += len(left); lost += len(gone)
    chrome_pages += bool(left); lost_pages += bool(gone)
    if left: notes.append(f"chrome left: {left}")
    if gone: notes.append(f"text lost: {gone}")
    if notes:
        print(e["file"]); [print("   ", n) for n in notes]
        if verbose: print(text)
n = len(recs)
print(f"pages {n}: wrong published {bad_pub}, wrong title {bad_title}, "
      f"pages with chrome left {chrome_pages} ({chrome} lines), pages with text lost {lost_pages} ({lost} lines)")
