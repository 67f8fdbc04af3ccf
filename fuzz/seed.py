"""Seed the fuzz corpora from the golden fixtures (fuzz/corpus/convert, fuzz/corpus/jsonl)."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

for name in ("convert", "jsonl"):
    (ROOT / "fuzz" / "corpus" / name).mkdir(parents=True, exist_ok=True)
for path in sorted((ROOT / "fixtures").glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    (ROOT / "fuzz" / "corpus" / "convert" / path.name).write_text(text, encoding="utf-8")
    line = json.dumps({"id": path.stem, "text": text, "publication_date": "2024-05-18", "extra": [1, {"a": None}]})
    (ROOT / "fuzz" / "corpus" / "jsonl" / f"{path.stem}.jsonl").write_text(line + "\n", encoding="utf-8")
