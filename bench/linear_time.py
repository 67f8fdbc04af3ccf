"""Linear time, measured: seconds per MB for report text of growing size and for hostile inputs.

    python bench/linear_time.py            # 0.1, 1 and 10 MB; the pathological cases at 1 MB
    python bench/linear_time.py --quick    # 0.05, 0.5 MB (a smoke run)
    python bench/linear_time.py --shapes 0.1,4   # every shape at 0.1 and 4 MB: s/MB and the ratio
    python bench/linear_time.py --shapes 0.1,4 --only comma   # the shapes whose name holds "comma"
    python bench/linear_time.py --rss      # peak RSS of a batch worker on every shape at the size limit

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
    names = (
        ", ".join(f"President Alpha{i} Beta{i}" for i in range(size // 28))
        + " and President Omega Zeta"
    )
    return {
        "name list (commas, 'and')": names[:size],
        "one sentence, no full stop": (
            "Chinese Premier Li Qiang met Kazakh President Kassym-Jomart Tokayev and "
            * (size // 70)
        )[:size],
        "capitalised words": ("Alpha Beta Gamma Delta " * (size // 23))[:size],
        "nested parentheses": ("(" * (size // 2)) + (")" * (size // 2)),
        "repeated trigger verbs": ("met visited received met " * (size // 25))[:size],
        "dates and ranges": (
            "from May 15 to 17, between June 27 and 29, 2018, on Monday " * (size // 60)
        )[:size],
        "commas": ("," * size),
        "distinct people (President A B C)": " ".join(
            f"President {_word(i)} {_word(i + 7)} {_word(i + 13)}." for i in range(size // 18 + 1)
        )[:size],
        "one capitalised sentence": " ".join(_word(i) for i in range(size // 3 + 1))[:size],
    }


def _word(i: int) -> str:
    """A distinct capitalised word for every i (letters only, so it tags as a name part)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        out += letters[i % 26]
        i //= 26
        if not i:
            break
    return "Q" + out


def warm_up() -> None:
    """Build the parsers and load the office-holder tables (the first titled name reads them), so
    that the first size measured pays no start-up cost the others do not."""
    convert("President Barack Obama visited Kenya on Friday.", publication_date="2015-07-25")


def seconds(text: str) -> float:
    start = time.perf_counter()
    convert(text, publication_date="2024-05-18", max_chars=len(text) + 1)
    return time.perf_counter() - start


def shapes_table(sizes_mb: list[float], only: str | None = None) -> None:
    """Every hostile shape (or those whose name holds `only`) at each size: s/MB, and the largest
    size's s/MB over the smallest's."""
    warm_up()
    print(
        f"{'input':<36}" + "".join(f"{f's/MB @ {m:g} MB':>16}" for m in sizes_mb) + f"{'ratio':>8}",
        flush=True,
    )
    names = [n for n in hostile(1000) if only is None or only in n]
    for name in names:
        row = []
        for m in sizes_mb:
            text = hostile(int(m * MB))[name]
            row.append(seconds(text) / (len(text) / MB))
        print(
            f"{name:<36}" + "".join(f"{r:>16.2f}" for r in row) + f"{row[-1] / row[0]:>8.2f}",
            flush=True,
        )


def rss_table(size: int = 4_990_000) -> None:
    """Peak RSS (VmHWM) of the worker converting each shape at `size` characters through
    `visitparse batch --jobs 1` with its default limits, and what the record became."""
    import json
    import subprocess
    import tempfile

    texts = {"report text": report_text(size), **hostile(size)}
    print(f"{'input':<36}{'MB':>6}{'seconds':>9}{'worker peak RSS MB':>20}  result")
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in texts.items():
            src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
            src.write_text(json.dumps({"id": name, "text": text}) + "\n", encoding="utf-8")
            start = time.perf_counter()
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "visitparse.cli",
                    "batch",
                    str(src),
                    "-o",
                    str(out),
                    "--jobs",
                    "1",
                ],
                cwd=ROOT,
                stderr=subprocess.DEVNULL,
            )
            peak = 0
            while proc.poll() is None:
                try:
                    kids = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
                except OSError:
                    kids = []
                for k in kids:
                    try:
                        for line in Path(f"/proc/{k}/status").read_text().splitlines():
                            if line.startswith("VmHWM"):
                                peak = max(peak, int(line.split()[1]) // 1024)
                    except OSError:
                        pass
                time.sleep(0.1)
            line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
            result = line["error"]["type"] if "error" in line else "report"
            print(
                f"{name:<36}{len(text) / MB:>6.2f}{time.perf_counter() - start:>9.1f}{peak:>20}  {result}"
            )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--shapes", metavar="MB,MB", help="every shape at these sizes, e.g. 0.1,4")
    ap.add_argument(
        "--only", metavar="TEXT", help="with --shapes: only the shapes whose name holds TEXT"
    )
    ap.add_argument("--rss", action="store_true", help="peak RSS per worker at the size limit")
    args = ap.parse_args()
    if args.shapes:
        return shapes_table([float(x) for x in args.shapes.split(",")], args.only)
    if args.rss:
        return rss_table()
    sizes = [50_000, 500_000] if args.quick else [100_000, 1_000_000, 10_000_000]
    warm_up()
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
    print(
        f"largest / smallest report text, per MB: {per_mb[sizes[-1]] / per_mb[sizes[0]]:.2f} (promise: <= 1.5)"
    )


if __name__ == "__main__":
    main()
