"""Linear time, measured: seconds per MB for report text of growing size and for hostile inputs.

    python bench/linear_time.py            # 0.1, 1 and 10 MB; the pathological cases at 1 MB
    python bench/linear_time.py --quick    # 0.05, 0.5 MB (a smoke run)

The promise: the 10 MB case costs at most 1.5 x the 0.1 MB case per MB, and no hostile input
costs more per MB than a multiple of ordinary text. Prints one table; measures, asserts nothing.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from visitparse import convert  # noqa: E402

MB = 1_000_000


def report_text(size: int) -> str:
    """Fixture reports (our own sentences), repeated to `size` characters."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    unit = "\n\n".join(texts) + "\n\n"
    return (unit * (size // len(unit) + 1))[:size]


def hostile(size: int) -> dict[str, str]:
    names = ", ".join(f"President Alpha{i} Beta{i}" for i in range(size // 28)) + " and President Omega Zeta"
    return {
        "name list (commas, 'and')": names[:size],
        "one sentence, no full stop": ("Chinese Premier Li Qiang met Kazakh President Kassym-Jomart Tokayev and " * (size // 70))[:size],
        "capitalised words": ("Alpha Beta Gamma Delta " * (size // 23))[:size],
        "nested parentheses": ("(" * (size // 2)) + (")" * (size // 2)),
        "repeated trigger verbs": ("met visited received met " * (size // 25))[:size],
        "dates and ranges": ("from May 15 to 17, between June 27 and 29, 2018, on Monday " * (size // 60))[:size],
        "commas": ("," * size),
    }


def seconds(text: str) -> float:
    start = time.perf_counter()
    convert(text, publication_date="2024-05-18", max_chars=len(text) + 1)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    sizes = [50_000, 500_000] if args.quick else [100_000, 1_000_000, 10_000_000]
    convert("warm up the parsers")
    print(f"{'input':<32}{'MB':>8}{'seconds':>10}{'s/MB':>8}")
    per_mb = {}
    for size in sizes:
        t = seconds(report_text(size))
        per_mb[size] = t / (size / MB)
        print(f"{'report text':<32}{size / MB:>8.2f}{t:>10.2f}{per_mb[size]:>8.2f}")
    hostile_size = sizes[1]
    for name, text in hostile(hostile_size).items():
        t = seconds(text)
        print(f"{name:<32}{len(text) / MB:>8.2f}{t:>10.2f}{t / (len(text) / MB):>8.2f}")
    print(f"largest / smallest report text, per MB: {per_mb[sizes[-1]] / per_mb[sizes[0]]:.2f} (promise: <= 1.5)")


if __name__ == "__main__":
    main()
