#!/usr/bin/env python3
"""Print the capability suite's pass rates as a markdown table.

python tests/capabilities/report.py              # committed capabilities (tests/capabilities/cases)
python tests/capabilities/report.py --pending    # also tests/capabilities_pending/*.toml
python tests/capabilities/report.py -v [-n 3]    # and up to n failing cases per capability
python tests/capabilities/report.py PATH.toml    # just these files
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.capabilities.engine import CASES_DIR, PENDING_DIR, load, run  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--pending", action="store_true")
    ap.add_argument("--only-pending", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("-n", type=int, default=3)
    a = ap.parse_args()
    paths = list(a.files)
    if not paths:
        if not a.only_pending:
            paths += sorted(CASES_DIR.glob("*.toml"))
        if a.pending or a.only_pending:
            paths += sorted(PENDING_DIR.glob("*.toml"))
    t0 = time.perf_counter()
    results = [run(load(p)) for p in paths]
    print("| capability | kind | cases | passed | rate |")
    print("|---|---|---:|---:|---:|")
    for r in results:
        where = "" if r.cap.path.resolve().parent == CASES_DIR else " (pending)"
        print(f"| {r.cap.name}{where} | {r.cap.kind} | {r.total} | {r.passed} | {r.rate:.2f} |")
    total = sum(r.total for r in results)
    passed = sum(r.passed for r in results)
    print(
        f"| **all ({len(results)})** | | {total} | {passed} | {passed / total if total else 0:.2f} |"
    )
    print(f"\n{time.perf_counter() - t0:.1f} s", file=sys.stderr)
    if a.verbose:
        for r in results:
            if r.failures:
                print(f"\n### {r.cap.name} ({r.rate:.2f}): {r.cap.description}\n{r.examples(a.n)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
