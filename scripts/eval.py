#!/usr/bin/env python3
"""Score vnie over a folder of articles against a gold file, per language.

usage: eval.py [--vnie BIN] [--gate THRESHOLDS.json] [--diff] ARTICLES GOLD.jsonl

Runs `BIN run ARTICLES --out TMP.jsonl` and scores the records with SPEC.md's
metric: per type, micro-averaged over documents, on distinct values per
document (dates: `value`; money: (currency, exact amount); officials: ASCII
name key).  Gold items marked "optional" are neither rewarded nor penalized.
Also title, country, organization and `published` accuracy.  Figures are
given for all documents and for each gold `lang`.

With --gate, exits 1 when any figure falls below its threshold in the JSON
file ({"all"|"en"|"vi": {"dates_f1": 0.9, "title_accuracy": 0.8, ...}}).
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import unicodedata
from decimal import Decimal, InvalidOperation

SAME_TITLES = {"deputy minister": "vice minister", "speaker": "chairman of the national assembly"}


def fold(s):
    s = unicodedata.normalize("NFD", s or "")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    s = s.replace("đ", "d").replace("Đ", "D").lower()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", s).split())


def exact_amount(a):
    try:
        return format(Decimal(str(a).replace(",", "")).normalize(), "f")
    except (InvalidOperation, ValueError):
        return str(a)


def title_key(t):
    t = fold(t)
    return SAME_TITLES.get(t, t)


def split_items(items, key, gold):
    required, optional = set(), set()
    for item in items or []:
        k = key(item)
        if k is None:
            continue
        (optional if gold and item.get("optional") else required).add(k)
    return required, optional


def date_key(d):
    return None if d.get("value") is None else str(d["value"])


def money_key(m):
    if m.get("amount") is None:
        return None
    return ((m.get("currency") or "").upper(), exact_amount(m["amount"]))


def official_keys(o):
    keys = {fold(o.get("name")), fold(o.get("name_key"))}
    keys.update(fold(v) for v in o.get("variants") or [])
    keys.discard("")
    return keys


class Counts:
    def __init__(self):
        self.tp = self.fp = self.fn = 0
        self.acc = {k: [0, 0] for k in ("title", "country", "organization", "published")}

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_doc(gold, pred, tallies, diff):
    for typ, key in (("dates", date_key), ("money", money_key)):
        g_req, g_opt = split_items(gold.get(typ), key, True)
        p_all, _ = split_items(pred.get(typ), key, False)
        t = tallies[typ]
        t.tp += len(p_all & g_req)
        wrong = p_all - g_req - g_opt
        missed = g_req - p_all
        t.fp += len(wrong)
        t.fn += len(missed)
        diff += [f"missed {typ}: {x}" for x in sorted(map(str, missed))]
        diff += [f"wrong  {typ}: {x}" for x in sorted(map(str, wrong))]
    t = tallies["officials"]
    found = [(official_keys(o), o) for o in pred.get("officials") or []]
    used = set()
    for g in gold.get("officials") or []:
        gk = official_keys(g)
        hit = next((i for i, (pk, _) in enumerate(found) if i not in used and pk & gk), None)
        if hit is None:
            if not g.get("optional"):
                t.fn += 1
                diff.append(f"missed officials: {g.get('name')}")
            continue
        used.add(hit)
        if g.get("optional"):
            continue
        t.tp += 1
        p = found[hit][1]
        for field, norm in (("title", title_key), ("country", lambda x: (x or "").upper()),
                            ("organization", fold)):
            if g.get(field) is None and field != "title":
                continue
            tallies["officials"].acc[field][1] += 1
            if norm(g.get(field)) == norm(p.get(field)):
                tallies["officials"].acc[field][0] += 1
            else:
                diff.append(f"wrong  official {field}: {g.get('name')}: {p.get(field)!r} (gold {g.get(field)!r})")
    for i, (_, p) in enumerate(found):
        if i not in used:
            t.fp += 1
            diff.append(f"wrong  officials: {p.get('name')}")
    if gold.get("published"):
        acc = tallies["officials"].acc["published"]
        acc[1] += 1
        g, p = str(gold["published"]), str(pred.get("published") or "")
        if p[:len(g)] == g:
            acc[0] += 1
        else:
            diff.append(f"wrong  published: {p!r} (gold {g!r})")


def figures(tallies):
    out = {}
    for typ, t in tallies.items():
        p, r, f = t.prf()
        out.update({f"{typ}_precision": round(p, 4), f"{typ}_recall": round(r, 4), f"{typ}_f1": round(f, 4)})
    for k, (ok, n) in tallies["officials"].acc.items():
        out[f"{k}_accuracy"] = round(ok / n, 4) if n else None
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles")
    ap.add_argument("gold")
    ap.add_argument("--vnie", default=os.path.join(os.path.dirname(__file__), "..", "build", "vnie"))
    ap.add_argument("--gate", help="thresholds JSON; exit 1 when a figure is below")
    ap.add_argument("--diff", action="store_true", help="list what was missed and what was wrong")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "records.jsonl")
        run = subprocess.run([args.vnie, "run", args.articles, "--out", out, "--log-level", "warn"])
        if run.returncode not in (0, 1):
            print(f"eval: vnie exited {run.returncode}", file=sys.stderr)
            return 2
        with open(out, encoding="utf-8") as f:
            preds = [json.loads(line) for line in f if line.strip()]
    with open(args.gold, encoding="utf-8") as f:
        golds = [json.loads(line) for line in f if line.strip()]
    by_source = {os.path.basename(p["source"]["path"]): p for p in preds}

    groups = {}
    for g in golds:
        for group in ("all", g.get("lang") or "unknown"):
            groups.setdefault(group, {t: Counts() for t in ("dates", "money", "officials")})
    for g in golds:
        pred = by_source.get(g["source"], {})
        diff = [] if pred else ["no record"]
        for group in ("all", g.get("lang") or "unknown"):
            score_doc(g, pred, groups[group], diff if group == "all" else [])
        if args.diff and diff:
            print(f"== {g['source']}\n  " + "\n  ".join(diff))

    results = {group: figures(t) for group, t in groups.items()}
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        for group, t in groups.items():
            n = sum(1 for g in golds if group == "all" or g.get("lang") == group)
            print(f"[{group}] {n} documents")
            print(f"  {'type':<10} {'P':>6} {'R':>6} {'F1':>6}   TP/FP/FN")
            for typ, c in t.items():
                p, r, f = c.prf()
                print(f"  {typ:<10} {p:>6.3f} {r:>6.3f} {f:>6.3f}   {c.tp}/{c.fp}/{c.fn}")
            for k, (ok, n) in t["officials"].acc.items():
                print(f"  {k + ' accuracy':<22} {'-' if not n else f'{ok / n:.3f}'} (n={n})")

    if args.gate:
        with open(args.gate, encoding="utf-8") as f:
            gate = json.load(f)
        failures = []
        for group, limits in gate.items():
            if group.startswith("_"):
                continue
            got = results.get(group)
            if got is None:
                failures.append(f"{group}: no gold documents in this language")
                continue
            for name, minimum in limits.items():
                value = got.get(name)
                if value is not None and value < minimum:
                    failures.append(f"{group} {name} = {value:.4f} < {minimum}")
        if failures:
            print("quality gate FAILED:\n  " + "\n  ".join(failures))
            return 1
        print("quality gate passed")
    return 0


if __name__ == "__main__":
    # Piped into head: stop quietly like other command-line tools.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
