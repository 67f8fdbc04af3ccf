"""Each output format end to end through the CLI, on the fixtures."""

import csv
import json
import sqlite3

from click.testing import CliRunner

from visitparse.cli import cli
from visitparse.formats import TABLES

from .conftest import FIXTURES

SEED = FIXTURES / "seed_liu_guozhong_kazakhstan.txt"


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_plover_records():
    result = run("convert", "--format", "plover", str(SEED))
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.output.splitlines()]
    assert (
        record["event"],
        record["mode"],
        record["actor_country"],
        record["recipient_country"],
    ) == ("CONSULT", "visit", "CHN", "KAZ")
    assert (record["date"], record["enddate"], record["actor"]) == (
        "2024-05-15",
        "2024-05-17",
        "Liu Guozhong",
    )
    assert record["text"] == SEED.read_text(encoding="utf-8") and record["event_text"].startswith(
        "Chinese Vice Premier"
    )


def test_planned_visits_are_agree_not_consult(tmp_path):
    out = tmp_path / "plover.jsonl"
    assert (
        run(
            "batch", str(FIXTURES / "planned_visit_will.txt"), "-o", str(out), "--format", "plover"
        ).exit_code
        == 0
    )
    assert [json.loads(line)["event"] for line in out.read_text().splitlines()] == ["AGREE"]


def test_csv_tables_read_back(tmp_path):
    out = tmp_path / "tables"
    result = run("batch", str(FIXTURES), "-o", str(out), "--format", "csv", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in out.iterdir()) == sorted(TABLES)
    with (out / "visits.csv").open(encoding="utf-8", newline="") as f:
        visits = list(csv.DictReader(f))
    with (out / "people.csv").open(encoding="utf-8", newline="") as f:
        people = {(r["doc_id"], r["person_id"]): r for r in csv.DictReader(f)}
    seed = [v for v in visits if v["doc_id"].endswith(SEED.name)]
    assert [
        (people[(v["doc_id"], v["visitor_id"])]["name"], v["host_country"], v["start_date"])
        for v in seed
    ] == [("Liu Guozhong", "KAZ", "2024-05-15")]
    assert (
        run("batch", str(FIXTURES), "-o", str(out), "--format", "csv").exit_code == 2
    )  # never over an old table


def test_sqlite_queries_and_appending(tmp_path):
    db = tmp_path / "visits.sqlite"
    assert (
        run("batch", str(FIXTURES), "-o", str(db), "--format", "sqlite", "--jobs", "2").exit_code
        == 0
    )
    again = run("batch", str(FIXTURES), "-o", str(db), "--format", "sqlite", "--jobs", "1")
    n = len(list(FIXTURES.glob("*.txt")))
    assert (
        again.exit_code == 1 and f"{n} records, {n} errors" in again.output
    )  # again: no duplicates, each counted
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (n,)
    assert con.execute("SELECT count(*), min(type) FROM errors").fetchone() == (n, "DuplicateId")
    assert con.execute("PRAGMA foreign_key_list(visits)").fetchall()[0][2] == "documents"
    assert {r[1] for r in con.execute("PRAGMA index_list(visits)")} >= {
        "visits_host_country",
        "visits_start_date",
    }
    meloni = con.execute("""
        SELECT group_concat(v.host_country, ' ') FROM visits v
        JOIN people p ON p.doc_id = v.doc_id AND p.person_id = v.visitor_id
        WHERE p.name = 'Giorgia Meloni' ORDER BY v.host_country""").fetchone()
    assert sorted(meloni[0].split()) == [
        "JPN",
        "KOR",
        "VNM",
    ]  # the tour to Japan, South Korea and Vietnam
    met = con.execute("""
        SELECT b.name FROM meeting_participants x JOIN meeting_participants y
          ON x.doc_id = y.doc_id AND x.meeting_id = y.meeting_id AND x.person_id <> y.person_id
        JOIN people a ON a.doc_id = x.doc_id AND a.person_id = x.person_id
        JOIN people b ON b.doc_id = y.doc_id AND b.person_id = y.person_id
        WHERE a.name = 'Liu Guozhong' ORDER BY b.name""").fetchall()
    assert [m[0] for m in met if m[0]] == [
        "Kassym-Jomart Tokayev",
        "Olzhas Bektenov",
        "Serik Zhumangarin",
    ]
    events = con.execute(
        "SELECT cameo, actor_country, recipient_country FROM events WHERE doc_id LIKE ?",
        (f"%{SEED.name}",),
    ).fetchall()
    assert events == [("042", "CHN", "KAZ"), ("043", "KAZ", "CHN")]


def test_csv_and_sqlite_need_an_output():
    result = run("convert", "--format", "sqlite", str(SEED))
    assert result.exit_code == 2 and "give it with -o" in result.output
