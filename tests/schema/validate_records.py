#!/usr/bin/env python3
"""Validates every record vnie writes over the repository's articles against
schema/record.schema.json (draft 2020-12).

    validate_records.py --vnie BIN --schema FILE --work DIR --examples DIR ARTICLE_DIR...

Records come from `vnie run ARTICLE_DIR... --out x.jsonl` (with and without
--emit-text, where each mention's text must also be its slice of the body),
and from `vnie extract` over each article's text, the annotated examples
(text + published) and a few inputs that exercise the edges of the record
(ids, urls, crawler JSON, lines that are not articles).
"""
import argparse
import json
import pathlib
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("validate_records: python3-jsonschema is missing (scripts/setup installs it)")

EDGE_LINES = [
    {"id": "given-id-1", "text": "On 3 May 2024 the ministry spent $5 million.", "published": "2024-05-04"},
    {"text": "Hôm qua, Bộ Tài chính chi 3.000 tỷ đồng.", "lang": "vi", "published": "2024-05-04T10:30"},
    {"text": "Last year the city spent about 2 billion won.", "url": "https://example.org/a"},
    {"maintext": "On 2 June 2024 the council approved 3 billion dong.", "date_publish": "2024-06-02 10:00:00",
     "language": "en", "url": "https://example.org/b", "title": "Council"},
    {"html": "<html><head><title>T</title></head><body><p>Prime Minister Pham Minh Chinh said on "
             "Monday that 5 trillion dong would go to roads.</p></body></html>"},
    {"text": ""},
    {"text": "On 3 May 2024 prices rose.", "published": "not a date"},
    {"text": "On 3 May 2024 prices rose.", "lang": "fr"},
]


def run(cmd, stdin=None):
    proc = subprocess.run(cmd, input=stdin, capture_output=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"validate_records: {' '.join(map(str, cmd))} exited {proc.returncode}:\n"
                 f"{proc.stderr.decode(errors='replace')[-2000:]}")
    return proc.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vnie", required=True)
    ap.add_argument("--schema", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--examples", required=True)
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()

    schema = json.loads(pathlib.Path(args.schema).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)

    batches = {}
    for name, extra in (("run", []), ("run --emit-text", ["--emit-text"])):
        out = work / ("run-text.jsonl" if extra else "run.jsonl")
        run([args.vnie, "run", *args.dirs, "--out", str(out), "--log-level", "error", *extra])
        batches[name] = out.read_bytes()

    lines = []
    for d in args.dirs:
        for f in sorted(pathlib.Path(d).rglob("*")):
            if f.is_file() and not f.name.startswith("."):
                lines.append({"id": str(f), "text": f.read_bytes().decode("utf-8", errors="replace")})
    for f in sorted(pathlib.Path(args.examples).glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            example = json.loads(line)
            article = {"text": example["text"]}
            if example.get("published"):
                article["published"] = example["published"]
            lines.append(article)
    stdin = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines + EDGE_LINES) + "not json\n"
    batches["extract"] = run([args.vnie, "extract", "--log-level", "off"], stdin.encode())
    batches["extract --emit-text"] = run([args.vnie, "extract", "--emit-text", "--log-level", "off"], stdin.encode())

    failures = 0
    total = 0
    for name, data in batches.items():
        records = [json.loads(l) for l in data.decode("utf-8").splitlines() if l.strip()]
        if not records:
            sys.exit(f"validate_records: {name} wrote no records")
        for r in records:
            total += 1
            where = f"{name}: {r.get('doc_id')} ({r.get('source', {}).get('path')})"
            for e in validator.iter_errors(r):
                failures += 1
                if failures <= 20:
                    print(f"{where}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
            if "text" in r:
                text = r["text"]
                spans = r["dates"] + r["money"] + [m for o in r["officials"] for m in o["mentions"]]
                for s in spans:
                    if not (0 <= s["start"] < s["end"] <= len(text)) or text[s["start"]:s["end"]] != s["text"]:
                        failures += 1
                        if failures <= 20:
                            print(f"{where}: span {s} is not text[start:end]")
    print(f"validate_records: {total} records, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
