"""Seed the fuzz corpora from the golden fixtures (fuzz/corpus/convert, fuzz/corpus/jsonl)."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

for name in ("convert", "jsonl"):
    (ROOT / "fuzz" / "corpus" / name).mkdir(parents=True, exist_ok=True)
for path in sorted((ROOT / "fixtures").glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    (ROOT / "fuzz" / "corpus" / "convert" / path.name).write_text(text, encoding="utf-8")
    line = json.dumps(
        {"id": path.stem, "text": text, "publication_date": "2024-05-18", "extra": [1, {"a": None}]}
    )
    (ROOT / "fuzz" / "corpus" / "jsonl" / f"{path.stem}.jsonl").write_text(
        line + "\n", encoding="utf-8"
    )

# Hostile JSON Lines (issue 20): lone surrogates, a BOM, deep nesting, duplicate and odd ids.
HOSTILE = {
    "surrogate_text": b'{"id":"a","text":"x \\ud800"}\n',
    "surrogate_id_and_meta": b'{"id":"b\\udfff","text":"x","m":"\\ud834"}\n',
    "bom": b'\xef\xbb\xbf{"id":"c","text":"Li met Wang."}\n',
    "deep": b'{"id":"d","text":"x","m":' + b"[" * 3000 + b"]" * 3000 + b"}\n",
    "duplicates": b'{"id":"e","text":"Li met Wang."}\n{"id":"e","text":"Li met Wang."}\n{"id":["e"],"text":"x"}\n',
    "replace_mode": b'r\n{"id":"f","text":"\\udc00 Li met Wang."}\n',
}
for name, data in HOSTILE.items():
    (ROOT / "fuzz" / "corpus" / "jsonl" / f"hostile_{name}.jsonl").write_bytes(data)
