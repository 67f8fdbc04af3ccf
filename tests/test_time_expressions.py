"""The time-expression table (tests/data/time_expressions.tsv): each sentence of our own, converted
against its publication date, gives the first visit's or meeting's dates."""

import csv
import datetime as dt
from pathlib import Path

import pytest

from visitparse import convert
from visitparse.converter.parse.timex import find

TABLE = Path(__file__).parent / "data" / "time_expressions.tsv"
ROWS = [
    r
    for r in csv.reader(
        (ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")),
        delimiter="\t",
    )
]


def _date(cell: str):
    return None if cell == "-" else dt.date.fromisoformat(cell)


@pytest.mark.parametrize(
    "group,sentence,dct,fact,start,end", ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)]
)
def test_time_expression(group, sentence, dct, fact, start, end):
    report = convert(sentence.replace("\\n", "\n"), publication_date=_date(dct))
    if fact == "visit":
        assert report.visits, "no visit found"
        got = (report.visits[0].start_date, report.visits[0].end_date)
    else:
        assert report.meetings, "no meeting found"
        got = (report.meetings[0].date, None)
    assert got == (_date(start), _date(end))


def test_the_table_is_big_enough():
    assert len(ROWS) >= 200
    assert {r[0] for r in ROWS} >= {
        "weekday",
        "future",
        "relative",
        "vague",
        "absolute",
        "range",
        "year",
        "duration",
        "apposition",
        "aftervisit",
        "bare",
        "departure",
        "pair",
        "oneday",
        "later",
        "pub",
    }


@pytest.mark.parametrize(
    "text,rule",
    [
        ("next week", "vague"),
        ("recently", "vague"),
        ("from Monday to Friday", "range"),
        ("26-28 May", "day_range_month"),
        ("the following day", "relative_phrase"),
        ("until Saturday", "until"),
        ("on 2024-05-15", "single"),
        ("the second day of his visit", "visit_day"),
        ("the third and final day", "visit_day"),
        ("from the 2nd to the 4th of March", "day_range_month"),
    ],
)
def test_each_expression_keeps_its_span_and_rule(text, rule):
    sentence = f"He said {text} was fine."
    [expr] = find(sentence)
    assert (expr.rule, sentence[expr.start : expr.end]) == (rule, text)


def test_no_date_from_the_clock_or_the_time_zone(tmp_path):
    """The same conversion under a different frozen clock and time zone gives the same bytes."""
    import os
    import subprocess
    import sys

    text = "Kenyan President William Ruto arrived in Lima on Sunday. He will meet Dina Boluarte tomorrow."
    script = (
        "import sys, time_machine, visitparse\n"
        "with time_machine.travel(sys.argv[1], tick=False):\n"
        f"    sys.stdout.write(visitparse.convert({text!r}).to_json())\n"
    )
    outs = set()
    for when, tz in [
        ("1999-01-01 00:00", "UTC"),
        ("2031-07-15 23:59", "Pacific/Kiritimati"),
        ("2024-02-29 12:00", "America/Lima"),
    ]:
        env = dict(os.environ, TZ=tz)
        proc = subprocess.run(
            [sys.executable, "-c", script, when], capture_output=True, text=True, env=env
        )
        assert proc.returncode == 0, proc.stderr
        outs.add(proc.stdout)
    assert len(outs) == 1
    assert '"start_date":null' in outs.pop()  # no publication date: "Sunday" stays unresolved
