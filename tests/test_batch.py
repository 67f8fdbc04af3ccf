"""`visitparse batch`: order, error records, exit codes, atomic output, stdin, directories, meta."""

import json
import os
import signal
import subprocess
import sys
import time

from click.testing import CliRunner

from visitparse.batch import convert_record
from visitparse.cli import cli

from .conftest import FIXTURES

TEXTS = sorted(FIXTURES.glob("*.txt"))


def lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def run(*args, input=None):
    return CliRunner().invoke(cli, ["batch", *args], input=input)


def test_directory_in_sorted_order_with_two_jobs(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run(str(FIXTURES), "-o", str(out), "--jobs", "2", "--no-progress")
    assert result.exit_code == 0, result.output
    got = lines(out)
    assert [g["id"] for g in got] == [str(p) for p in TEXTS]
    assert all("report" in g for g in got)
    assert "records, 0 errors" in result.output  # the summary on stderr


def test_jsonl_meta_stdin_and_a_bad_record_in_the_middle(tmp_path):
    records = [
        {
            "id": "r1",
            "text": "Chinese Premier Li Qiang met Cambodian Prime Minister Hun Manet in Beijing.",
            "publication_date": "2023-06-03",
            "source": "x",
        },
        "this is not json",
        {"id": "r3", "text": "Wang Yi visited Malta on Monday.", "publication_date": "2023-09-09"},
    ]
    stdin = "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["batch", "-", "-o", str(out), "--jobs", "1"], input=stdin)
    assert result.exit_code == 1  # one record failed
    got = lines(out)
    assert [g["id"] for g in got] == ["r1", "<stdin>:2", "r3"]
    assert got[0]["meta"] == {"source": "x"} and got[0]["report"]["visits"]
    assert got[1]["error"]["type"] == "InputError"
    assert got[2]["report"]["visits"][0]["start_date"] == "2023-09-04"


def test_limits_give_error_records_not_failures(tmp_path):
    (tmp_path / "big.txt").write_text("Li met Wang. " * 20, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "nul.txt").write_bytes(b"Li met\x00 Wang.")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run(str(tmp_path), "-o", str(out), "--max-chars", "100", "--jobs", "1")
    got = {os.path.basename(g["id"]): g for g in lines(out)}
    assert "too long" in got["big.txt"]["error"]["message"]
    assert got["latin1.txt"]["error"]["message"] == "not UTF-8 (invalid byte at offset 3)"
    assert "NUL" in got["nul.txt"]["error"]["message"]
    assert got["empty.txt"]["report"]["people"] == []  # empty input: a valid empty report
    run(str(tmp_path / "latin1.txt"), "-o", str(out), "--encoding-errors", "replace", "--jobs", "1")
    assert "report" in lines(out)[0]


def test_missing_input_is_a_usage_error_and_leaves_no_file(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run(str(tmp_path / "nope"), "-o", str(out))
    assert result.exit_code == 2
    assert "no such file or directory" in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_sigterm_leaves_the_old_output_intact(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    many = tmp_path / "many.jsonl"
    text = (FIXTURES / "seed_liu_guozhong_kazakhstan.txt").read_text(encoding="utf-8")
    many.write_text(
        "".join(json.dumps({"id": i, "text": text}) + "\n" for i in range(3000)), encoding="utf-8"
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "visitparse.cli", "batch", str(many), "-o", str(out), "--jobs", "1"],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.jsonl.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)  # the temporary output exists once the run is under way
    assert proc.poll() is None, "the batch ended before it could be interrupted"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.jsonl", "out.jsonl"]


def test_a_crashing_worker_gives_an_error_record():
    import visitparse.batch as batch

    tasks = [
        {"id": "ok1", "text": "Li met Wang."},
        {"id": "boom", "text": "CRASH"},
        {"id": "ok2", "text": "Li met Wang."},
    ]
    got = list(batch.convert_stream(tasks, jobs=2, worker=_crash_on_boom))
    assert [g["id"] for g in got] == ["ok1", "boom", "ok2"]
    assert got[1]["error"]["type"] == "WorkerCrashed"
    assert "report" in got[0] and "report" in got[2]


def _crash_on_boom(task):
    if task["id"] == "boom":
        os._exit(9)  # a worker dying outright, as on a segfault or the OOM killer
    return convert_record(task)


def test_dask_bag_on_a_local_cluster():
    import dask.bag as db
    from distributed import Client, LocalCluster

    from visitparse.dask import convert_bag

    texts = [p.read_text(encoding="utf-8") for p in TEXTS[:6]]
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        got = convert_bag(
            db.from_sequence(texts + [{"id": "r", "text": 5}], npartitions=3)
        ).compute()
    assert [("report" in g) for g in got] == [True] * 6 + [False]
    assert got[0]["report"] == json.loads(json.dumps(convert_record(texts[0])["report"]))
