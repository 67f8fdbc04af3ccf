"""Properties that hold for any input (hypothesis): convert returns a valid Report or raises the
documented InputError; spans point at their text; ids resolve; output is deterministic."""

import json
import os
import subprocess
import sys

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from visitparse import InputError, Report, convert

from .conftest import iter_spans, person_refs

SCHEMA = Report.model_json_schema()
# Pieces of reports, so that random text often reaches the grammar's rules.
FRAGMENTS = [
    "Chinese Vice Premier Liu Guozhong",
    " visited ",
    "Kazakhstan",
    " from Wednesday to Friday",
    " and met with ",
    "Kazakh President Kassym-Jomart Tokayev",
    ", ",
    " and ",
    " respectively",
    ". ",
    "\n\n",
    " He ",
    " they ",
    " was received by ",
    " held talks with ",
    " conveyed greetings from ",
    " to ",
    " President Xi Jinping",
    " on May 15-17",
    " until Saturday",
    " the following day",
    " during his visit to ",
    " Beijing",
    " (Xinhua) --",
    "BEIJING, June 3 (Xinhua) -- ",
    " date 2024-05-18 ",
    " arrived here ",
    " for a three-day visit",
    " said that ",
    " the two leaders",
    " reaching consensus on ",
    " of ",
    " the ",
    "'s ",
    " who is on a visit to ",
    " Mr. ",
    " U.S. ",
    "(",
    ")",
    "\u201c",
    "\uff0c",
    "  ",
    "\t",
    "\r\n",
    " PM ",
    " FM ",
    " the mayor of Almaty",
    " King Abdullah II of Jordan",
]
report_like = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
any_text = st.text(max_size=400)


def _check(text: str) -> None:
    try:
        report = convert(text)
    except InputError:
        assert "\x00" in text
        return
    data = json.loads(report.to_json())
    jsonschema.validate(data, SCHEMA)
    for span in iter_spans(data):
        assert text[span["start"] : span["end"]] == span["text"]
    assert person_refs(data) <= {p["id"] for p in data["people"]}
    assert convert(text).to_json() == report.to_json()
    assert Report.model_validate_json(report.to_json()).to_json() == report.to_json()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text(text):
    _check(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_like)
def test_report_like_text(text):
    _check(text)


def test_same_bytes_in_a_fresh_process_with_another_hash_seed():
    text = "".join(FRAGMENTS)
    script = (
        "import sys, visitparse; sys.stdout.write(visitparse.convert(sys.stdin.read()).to_json())"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", script],
            input=text,
            capture_output=True,
            text=True,
            env=dict(os.environ, PYTHONHASHSEED=seed),
        ).stdout
        for seed in ("0", "1", "4242")
    }
    assert outs == {convert(text).to_json()}
