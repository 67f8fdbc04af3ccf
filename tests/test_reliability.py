"""Nothing lost, nothing hung (issue 20): fault injection against `visitparse batch`.

Killed workers and killed batch processes, records over the time and memory limits, a full disk,
an unwritable directory, a second writer, hostile JSON lines, a FIFO among the inputs, a BOM,
duplicate ids; and a property: any mix of good, bad and duplicate records gives exactly one
result or error per record, in every format."""

import csv
import errno
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from visitparse import batch, formats, output_files
from visitparse.batch import convert_record
from visitparse.cli import cli

from .conftest import FIXTURES

SEED = FIXTURES / "seed_liu_guozhong_kazakhstan.txt"
GOOD = "Kenyan President William Ruto met Peruvian President Dina Boluarte in Lima on Monday."


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def one_line(output: str) -> str:
    """The CLI's stderr must be one line, no traceback."""
    assert "Traceback" not in output
    return output.strip().splitlines()[-1]


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split(") ")[1][0] != "Z"
    except OSError:
        return False


def wait_for(predicate, seconds=60.0):
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def many_records(path, n, text=GOOD):
    path.write_text(
        "".join(json.dumps({"id": f"r{i}", "text": text}) + "\n" for i in range(n)),
        encoding="utf-8",
    )


def start_batch(*args):
    return subprocess.Popen(
        [sys.executable, "-m", "visitparse.cli", "batch", *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
    )


def read_progress_until(proc, records: int) -> None:
    """Read the progress line on stderr until `records` records have gone out."""
    seen = b""
    while True:
        chunk = os.read(proc.stderr.fileno(), 4096)
        assert chunk, f"the batch ended first: {seen[-300:]!r}"
        seen += chunk
        counts = [int(part.split(b" ")[0]) for part in seen.split(b"\r")[1:] if part[:1].isdigit()]
        if counts and counts[-1] >= records:
            return


# ---------------------------------------------------------------- 1, 9: killed processes


def test_item1_a_worker_killed_mid_batch_neither_hangs_nor_loses_a_record(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    many_records(src, 1000)
    proc = start_batch(str(src), "-o", str(out), "--jobs", "2", "--progress")
    read_progress_until(proc, 100)
    workers = children(proc.pid)
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err  # the record it was converting went to a new worker
    got = lines(out)
    assert [g["id"] for g in got] == [f"r{i}" for i in range(1000)] and all(
        "report" in g for g in got
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]
    assert not any(alive(w) for w in workers)


def _crash_first_time(task):
    marker = task["marker"]
    if task["id"] == "flaky" and not os.path.exists(marker):
        open(marker, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    if task["id"] == "deadly":
        os.kill(os.getpid(), signal.SIGKILL)
    return batch.convert_packed(task)


def test_item1_a_dead_worker_costs_only_its_record_retried_once(tmp_path):
    marker = str(tmp_path / "crashed-once")
    ids = ["a", "flaky", "b", "deadly", "c"] + [f"x{i}" for i in range(40)]
    tasks = [{"id": i, "text": "Li met Wang.", "marker": marker} for i in ids]
    got = list(batch.convert_stream(tasks, jobs=2, worker=_crash_first_time))
    assert [g["id"] for g in got] == ids
    assert "report" in got[1]  # killed once, converted by the retry
    assert got[3]["error"]["type"] == "WorkerCrashed" and "signal 9" in got[3]["error"]["message"]
    assert all("report" in g for k, g in enumerate(got) if k != 3)


def _sqlite_batch_under_way(tmp_path, *, jobs: int, progress: int):
    """A database of the seed report, then a batch of 2,000 records appending to it, read up to
    `progress` records: (the database, its bytes' hash before, the running batch)."""
    src, db = tmp_path / "in.jsonl", tmp_path / "out.sqlite"
    many_records(src, 2000)
    assert (
        run("batch", str(SEED), "-o", str(db), "--format", "sqlite", "--jobs", "1").exit_code == 0
    )
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    proc = start_batch(
        str(src), "-o", str(db), "--format", "sqlite", "--jobs", str(jobs), "--progress"
    )
    read_progress_until(proc, progress)
    return db, before, proc


def test_item4_item9_sigkill_of_the_batch_kills_its_workers_and_the_next_run_cleans_up(tmp_path):
    db, before, proc = _sqlite_batch_under_way(
        tmp_path, jobs=2, progress=1200
    )  # past two 500-document transactions
    workers = children(proc.pid)
    assert workers
    proc.kill()
    proc.wait(timeout=30)
    wait_for(lambda: not any(alive(w) for w in workers), 10)  # PR_SET_PDEATHSIG: no orphans
    assert (
        hashlib.sha256(db.read_bytes()).hexdigest() == before
    )  # no committed chunk leaked into it
    assert [p.name for p in tmp_path.glob(".out.sqlite.*.tmp")]  # what a SIGKILL leaves ...
    result = run(
        "batch",
        str(SEED),
        "-o",
        str(tmp_path / "other.sqlite"),
        "--format",
        "sqlite",
        "--jobs",
        "1",
    )
    assert result.exit_code == 0
    assert [
        p.name for p in tmp_path.glob(".out.sqlite.*")
    ]  # ... stays while nobody writes out.sqlite
    result = run(
        "batch",
        str(FIXTURES / "planned_visit_will.txt"),
        "-o",
        str(db),
        "--format",
        "sqlite",
        "--jobs",
        "1",
    )
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.glob(".out.sqlite.*"))  # ... and the next run writing there removes it
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone() == (2,)


def test_item4_sigterm_during_a_sqlite_batch_leaves_the_database_as_it_was(tmp_path):
    db, before, proc = _sqlite_batch_under_way(tmp_path, jobs=1, progress=1100)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and b"Traceback" not in err
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.sqlite"]


# ---------------------------------------------------------------- 8: per-record limits


def _hog(task):
    if task["id"] == "hog":
        blocks = [bytearray(64 * 2**20) for _ in range(64)]  # 4 GB, touched
        return {"id": task["id"], "report": str(len(blocks))}
    return batch.convert_packed(task)


def test_item8_a_record_over_the_memory_limit_is_an_error_record():
    tasks = [{"id": i, "text": "Li met Wang."} for i in ("a", "hog", "b")]
    got = list(batch.convert_stream(tasks, jobs=1, worker=_hog, max_memory_mb=256))
    assert [g["id"] for g in got] == ["a", "hog", "b"]
    assert got[1]["error"] == {
        "type": "MemoryLimit",
        "message": "converting this record needed over 256 MB (--max-memory-mb)",
    }
    assert "report" in got[0] and "report" in got[2]


def _slow(task):
    if task["id"] == "slow":
        time.sleep(60)
    if task["id"] == "stuck":  # as in a long C call: SIGALRM cannot interrupt it
        signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
        time.sleep(60)
    return batch.convert_packed(task)


def test_item8_a_record_over_the_time_limit_is_an_error_record(monkeypatch):
    monkeypatch.setattr(batch.WorkerPool, "GRACE", 0.5)
    tasks = [{"id": i, "text": "Li met Wang."} for i in ("a", "slow", "b", "stuck", "c")]
    started = time.monotonic()
    got = list(batch.convert_stream(tasks, jobs=2, worker=_slow, timeout=0.5))
    assert time.monotonic() - started < 30
    assert [g["id"] for g in got] == ["a", "slow", "b", "stuck", "c"]
    for k in (1, 3):
        assert got[k]["error"] == {
            "type": "RecordTimeout",
            "message": "converting this record took over 0.5 s (--timeout)",
        }
    assert all("report" in got[k] for k in (0, 2, 4))


# ---------------------------------------------------------------- 2, 13: hostile JSON lines

HOSTILE_LINES = [
    json.dumps({"id": "good1", "text": GOOD}),
    '{"id":"a","text":"x \\ud800"}',
    '{"id":"b\\udfff","text":"fine"}',
    '{"id":"c","text":"fine","source":"\\ud834"}',
    '{"id":"d","text":"fine","extra":' + "[" * 100_000 + "]" * 100_000 + "}",
    '{"id":"e","text":"fine","extra":' + "[" * 200 + "]" * 200 + "}",
    '{"id":["x"],"text":"fine"}',
    json.dumps({"id": "good2", "text": GOOD}),
]


def test_item2_hostile_json_lines_are_error_records_and_the_rest_converts(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(HOSTILE_LINES) + "\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "visitparse.cli", "batch", str(src), "-o", str(out), "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    got = lines(out)
    assert [g["id"] for g in got] == [
        "good1",
        "a",
        f"{src}:3",
        "c",
        f"{src}:5",
        "e",
        f"{src}:7",
        "good2",
    ]
    assert "report" in got[0] and "report" in got[-1]
    assert all(g["error"]["type"] == "InputError" for g in got[1:-1])
    assert (
        "lone surrogate" in got[1]["error"]["message"]
        and "nests more than 64" in got[5]["error"]["message"]
    )
    assert "nested" in got[4]["error"]["message"]


def test_item2_lone_surrogates_with_encoding_errors_replace_convert(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(HOSTILE_LINES[1] + "\n" + HOSTILE_LINES[3] + "\n", encoding="utf-8")
    assert (
        run(
            "batch", str(src), "-o", str(out), "--jobs", "1", "--encoding-errors", "replace"
        ).exit_code
        == 0
    )
    got = lines(out)
    assert got[1]["meta"] == {"source": "\ufffd"} and "report" in got[0]


def test_item13_a_bom_before_the_first_json_line_is_dropped(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "r1", "text": GOOD}).encode() + b"\n")
    result = run("batch", str(src), "-o", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert lines(out)[0]["id"] == "r1" and lines(out)[0]["report"]["people"]


# ---------------------------------------------------------------- 10: a FIFO among the inputs


def test_item10_a_fifo_in_an_input_directory_is_an_error_record_not_a_hang(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(d / "b.txt")
    (d / "c.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "visitparse.cli", "batch", str(d), "-o", str(out), "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    got = lines(out)
    assert [os.path.basename(g["id"]) for g in got] == ["a.txt", "b.txt", "c.txt"]
    assert got[1]["error"] == {
        "type": "UnreadableInput",
        "message": "not a regular file (a FIFO, socket or device)",
    }


# ---------------------------------------------------------------- 3, 5: duplicate ids, error
# records

DUPES = [
    {"id": "X", "text": GOOD},
    {"id": "Y", "text": "Li met\x00Wang"},
    {"id": "X", "text": GOOD},
    {"id": "Z", "text": GOOD},
]


def _jsonl(records):
    return "".join(json.dumps(r) + "\n" for r in records)


def test_item3_item5_duplicates_and_errors_in_every_format(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(_jsonl(DUPES), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("batch", str(src), "-o", str(out), "--jobs", "1")
    assert result.exit_code == 1 and "4 records, 2 errors" in result.output
    got = lines(out)
    assert [g.get("error", {}).get("type") for g in got] == [
        None,
        "InputError",
        "DuplicateId",
        None,
    ]
    assert (
        got[2]["error"]["message"]
        == "the id is that of record 1 of this run; only the first is kept"
    )

    plover = tmp_path / "out.plover.jsonl"
    assert (
        run("batch", str(src), "-o", str(plover), "--format", "plover", "--jobs", "1").exit_code
        == 1
    )
    ids = [r["id"] for r in lines(plover) if "event" in r]
    assert len(ids) == len(set(ids)) == 2  # X-e1 once, Z-e1
    assert [r["error"]["type"] for r in lines(plover) if "error" in r] == [
        "InputError",
        "DuplicateId",
    ]

    tables = tmp_path / "tables"
    assert (
        run("batch", str(src), "-o", str(tables), "--format", "csv", "--jobs", "1").exit_code == 1
    )
    with (tables / "people.csv").open(encoding="utf-8", newline="") as f:
        keys = [(r["doc_id"], r["person_id"]) for r in csv.DictReader(f)]
    assert len(keys) == len(set(keys)) == 4
    with (tables / "errors.csv").open(encoding="utf-8", newline="") as f:
        assert [(r["doc_id"], r["type"]) for r in csv.DictReader(f)] == [
            ("Y", "InputError"),
            ("X", "DuplicateId"),
        ]

    db = tmp_path / "out.sqlite"
    assert run("batch", str(src), "-o", str(db), "--format", "sqlite", "--jobs", "1").exit_code == 1
    con = sqlite3.connect(db)
    assert con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall() == [
        ("X",),
        ("Z",),
    ]
    assert con.execute("SELECT doc_id, type FROM errors ORDER BY rowid").fetchall() == [
        ("Y", "InputError"),
        ("X", "DuplicateId"),
    ]


good_or_bad = st.one_of(
    st.builds(
        lambda i: {"id": f"id{i}", "text": GOOD}, st.integers(0, 5)
    ),  # ids repeat: duplicates
    st.builds(lambda i: {"id": f"id{i}", "text": "x\x00y"}, st.integers(0, 5)),  # NUL: InputError
    st.builds(lambda i: {"id": f"id{i}"}, st.integers(0, 5)),  # no text
    st.just("not json"),
    st.just('{"id":"s","text":"\\udc00"}'),
)


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(good_or_bad, min_size=1, max_size=8))
def test_one_result_or_error_per_record_in_every_format(tmp_path_factory, records):
    tmp = tmp_path_factory.mktemp("mix")
    src = tmp / "in.jsonl"
    src.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
        encoding="utf-8",
    )
    n = len(records)
    out = tmp / "out.jsonl"
    run("batch", str(src), "-o", str(out), "--jobs", "1")
    got = lines(out)
    assert len(got) == n and all(("report" in g) != ("error" in g) for g in got)
    assert len({g["id"] for g in got if "report" in g}) == sum("report" in g for g in got)
    reports = sum("report" in g for g in got)
    db = tmp / "out.sqlite"
    run("batch", str(src), "-o", str(db), "--format", "sqlite", "--jobs", "1")
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == reports
    assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == n - reports
    con.close()
    tables = tmp / "tables"
    run("batch", str(src), "-o", str(tables), "--format", "csv", "--jobs", "1")
    for name, expected in (("documents", reports), ("errors", n - reports)):
        with (tables / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            assert len(list(csv.DictReader(f))) == expected


# ---------------------------------------------------------------- 6: output-side failures


class FullDisk:
    """A file object whose writes fail with ENOSPC once `room` characters are written."""

    def __init__(self, real, room):
        self.real, self.room = real, room

    def write(self, s):
        self.room -= len(s)
        if self.room < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.real.write(s)

    def __getattr__(self, name):
        return getattr(self.real, name)


@pytest.mark.parametrize(
    "fmt,name", [("jsonl", "out.jsonl"), ("plover", "out.jsonl"), ("csv", "tables")]
)
def test_item6_a_full_disk_is_one_line_and_leaves_nothing_behind(tmp_path, monkeypatch, fmt, name):
    real_open = output_files.open_text
    monkeypatch.setattr(
        output_files, "open_text", lambda path, mode: FullDisk(real_open(path, mode), 3000)
    )
    out = tmp_path / name
    result = run("batch", str(FIXTURES), "-o", str(out), "--format", fmt, "--jobs", "1")
    assert result.exit_code == 2, result.output
    assert one_line(result.output) == f"visitparse: {out}: cannot write: No space left on device"
    assert list(tmp_path.iterdir()) == []


def test_item6_a_full_database_is_one_line_and_the_old_one_stays(tmp_path, monkeypatch):
    db = tmp_path / "out.sqlite"
    assert (
        run("batch", str(SEED), "-o", str(db), "--format", "sqlite", "--jobs", "1").exit_code == 0
    )
    before = db.read_bytes()
    monkeypatch.setattr(formats.SqliteWriter, "max_page_count", 40)
    result = run("batch", str(FIXTURES), "-o", str(db), "--format", "sqlite", "--jobs", "1")
    assert result.exit_code == 2
    assert one_line(result.output) == f"visitparse: {db}: cannot write: database or disk is full"
    assert db.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["out.sqlite"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only directories")
def test_item6_a_read_only_directory(tmp_path):
    d = tmp_path / "ro"
    d.mkdir()
    d.chmod(0o555)
    try:
        for fmt in ("jsonl", "csv", "sqlite"):
            result = run("batch", str(SEED), "-o", str(d / "out"), "--format", fmt, "--jobs", "1")
            assert (
                result.exit_code == 2
                and one_line(result.output)
                == f"visitparse: {d / 'out'}: cannot write: Permission denied"
            )
    finally:
        d.chmod(0o755)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "sqlite"])
def test_item6_an_unwritable_place_even_for_root(fmt):
    out = "/proc/visitparse-cannot-write-here"
    result = run("batch", str(SEED), "-o", out, "--format", fmt, "--jobs", "1")
    assert result.exit_code == 2
    assert one_line(result.output).startswith(f"visitparse: {out}: cannot write: ")


def test_item6_output_that_is_a_directory_or_not_a_database(tmp_path):
    result = run("batch", str(SEED), "-o", str(tmp_path), "--jobs", "1")
    assert (
        result.exit_code == 2
        and one_line(result.output) == f"visitparse: {tmp_path}: is a directory"
    )
    notdb = tmp_path / "notes.sqlite"
    notdb.write_text("my notes, not a database\n" * 100, encoding="utf-8")
    result = run("batch", str(SEED), "-o", str(notdb), "--format", "sqlite", "--jobs", "1")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert one_line(result.output).startswith(
        f"visitparse: {notdb}: not a SQLite database this can append to"
    )
    assert notdb.read_text(encoding="utf-8") == "my notes, not a database\n" * 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]


@pytest.mark.parametrize(
    "fmt,name", [("sqlite", "out.sqlite"), ("csv", "tables"), ("jsonl", "out.jsonl")]
)
def test_item6_a_second_writer_of_one_output_is_refused(tmp_path, fmt, name):
    out = tmp_path / name
    lock = formats.OutputLock(out)  # a first writer, still at work
    try:
        result = run("batch", str(SEED), "-o", str(out), "--format", fmt, "--jobs", "1")
        assert result.exit_code == 2
        assert one_line(result.output) == f"visitparse: {out}: another visitparse is writing it"
        assert not out.exists()
    finally:
        lock.release()
    assert run("batch", str(SEED), "-o", str(out), "--format", fmt, "--jobs", "1").exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_item6_two_real_sqlite_writers_at_once_lose_nothing(tmp_path):
    a, b, db = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "out.sqlite"
    a.write_text(_jsonl({"id": f"a{i}", "text": GOOD} for i in range(300)), encoding="utf-8")
    b.write_text(_jsonl({"id": f"b{i}", "text": GOOD} for i in range(300)), encoding="utf-8")
    procs = [
        start_batch(str(src), "-o", str(db), "--format", "sqlite", "--jobs", "1") for src in (a, b)
    ]
    errs = [p.communicate(timeout=120)[1].decode() for p in procs]
    codes = sorted(p.returncode for p in procs)
    assert all("Traceback" not in e for e in errs)
    con = sqlite3.connect(db)
    count = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    # either both ran one after the other (600 documents) or the second was refused (exit 2)
    assert (codes, count) in (([0, 0], 600), ([0, 2], 300)), (codes, count, errs)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "b.jsonl", "out.sqlite"]


# ---------------------------------------------------------------- 12: view of odd batch lines


def test_item12_view_of_a_batch_line_that_is_not_a_report(tmp_path):
    src = tmp_path / "out.jsonl"
    src.write_text(
        '{"id":"ok","report":' + json.dumps(json.loads(run("convert", str(SEED)).output)) + "}\n"
        '{"id":"bad","report":{"people":5}}\n{"id":"worse","report":"text"}\n',
        encoding="utf-8",
    )
    html = tmp_path / "v.html"
    result = run("view", str(src), "-o", str(html))
    assert result.exit_code == 0 and "Traceback" not in result.output
    page = html.read_text(encoding="utf-8")
    assert "Liu Guozhong" in page and page.count('class="error">not a report') == 2


def test_item2_dask_elements_with_lone_surrogates_are_error_records():
    from visitparse.dask import to_task

    line = convert_record(to_task({"id": "a", "text": "x \ud800"}))
    assert line["error"]["type"] == "InputError" and "lone surrogate" in line["error"]["message"]
    assert json.dumps(line, ensure_ascii=False).encode("utf-8")  # writable
    assert "report" in convert_record(to_task({"id": "b", "text": GOOD}))


def test_item8_a_hostile_record_over_the_memory_limit_through_the_cli(tmp_path):
    """A real converter record over the limit (1 MB of trigger verbs needs well over 64 MB): a
    MemoryLimit line, the next record converts, and no traceback from the worker on stderr."""
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(
        _jsonl(
            [{"id": "t", "text": "met visited received met " * 40000}, {"id": "ok", "text": GOOD}]
        ),
        encoding="utf-8",
    )
    proc = subprocess.run(
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
            "--max-memory-mb",
            "64",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (
        proc.returncode == 1
        and "Traceback" not in proc.stderr
        and len(proc.stderr.strip().splitlines()) == 1
    )
    got = lines(out)
    assert got[0]["error"]["type"] == "MemoryLimit" and "report" in got[1]
