"""Every span in every golden report points at its own text in the input."""

import json

import pytest

from visitparse import Report, convert

from .conftest import FIXTURES, iter_spans, person_refs

CASES = sorted(FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("source", CASES, ids=[p.stem for p in CASES])
def test_spans_and_ids(source):
    text = source.read_text(encoding="utf-8")
    data = json.loads(convert(text).to_json())
    found = list(iter_spans(data))
    assert found, "a report with facts has spans"
    for s in found:
        assert text[s["start"] : s["end"]] == s["text"]
        assert s["rule"]
    ids = {p["id"] for p in data["people"]}
    assert [p["id"] for p in data["people"]] == [f"p{i}" for i in range(1, len(ids) + 1)]
    assert person_refs(data) <= ids
    assert Report.model_validate_json(json.dumps(data)).to_json() == convert(text).to_json()
