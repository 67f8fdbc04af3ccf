"""Fingerprint the converter's output over every text we have, to prove a refactor changed nothing.

    python tools/snapshot.py write /tmp/before.tsv    # before the change
    python tools/snapshot.py check /tmp/before.tsv    # after it: lists every text whose output moved

The texts: the shipped fixtures, the capability suite's generated cases, the time-expression table's
sentences, and (when ../shared is beside the project) the seed, dev and dev2 reports. Each line is
"source <TAB> sha256 of the report's JSON"; knowledge on, then off, for the corpus reports.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "capabilities"))

import engine  # noqa: E402  (the capability suite's case generator)

import visitparse  # noqa: E402


def texts() -> Iterator[tuple[str, str, str | None, bool]]:
    """(source, text, publication date, knowledge) for every probe, in a stable order."""
    for p in sorted((ROOT / "fixtures").glob("*.txt")):
        yield f"fixtures/{p.name}", p.read_text(encoding="utf-8"), None, True
    for cap in engine.load_dir(ROOT / "tests" / "capabilities" / "cases"):
        for k, case in enumerate(cap.cases):
            yield f"capability/{cap.name}/{k}", case.text, cap.publication_date, True
    table = ROOT / "tests" / "data" / "time_expressions.tsv"
    for k, line in enumerate(table.read_text(encoding="utf-8").splitlines()):
        if line and not line.startswith("#"):
            cols = line.split("\t")
            yield f"time_expressions/{k}", cols[1], None if cols[2] == "-" else cols[2], True
    corpus = ROOT.parent / "shared" / "corpus"
    reports = [corpus / "seed.txt"] + sorted(corpus.glob("dev*/*.txt"))
    for p in reports:
        if p.exists():
            for knowledge in (True, False):
                yield (
                    f"{p.relative_to(corpus)}#{knowledge}",
                    p.read_text(encoding="utf-8"),
                    None,
                    knowledge,
                )


def fingerprint(text: str, dct: str | None, knowledge: bool) -> str:
    report = visitparse.convert(text, publication_date=dct, knowledge=knowledge)
    return hashlib.sha256(report.to_json().encode()).hexdigest()


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("write", "check"):
        print(__doc__)
        return 2
    lines = [f"{src}\t{fingerprint(text, dct, kn)}" for src, text, dct, kn in texts()]
    path = Path(argv[2])
    if argv[1] == "write":
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} fingerprints written to {path}")
        return 0
    before = dict(line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    now = dict(line.split("\t") for line in lines)
    moved = sorted(src for src in before.keys() | now.keys() if before.get(src) != now.get(src))
    for src in moved:
        print("moved:", src)
    print(f"{len(now)} texts, {len(moved)} moved")
    return 1 if moved else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
