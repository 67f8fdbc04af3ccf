"""Golden files: fixtures/<slug>.txt converts to exactly fixtures/<slug>.json.

Regenerate with `pytest tests/test_golden.py --update-golden`, then review `git diff fixtures/`.
"""

import difflib

import pytest

from visitparse import convert

from .conftest import FIXTURES

CASES = sorted(FIXTURES.glob("*.txt"))
REGENERATE = "pytest tests/test_golden.py --update-golden"


@pytest.mark.parametrize("source", CASES, ids=[p.stem for p in CASES])
def test_golden(source, update_golden):
    expected_path = source.with_suffix(".json")
    actual = convert(source.read_text(encoding="utf-8")).to_json(pretty=True)
    if update_golden:
        expected_path.write_text(actual, encoding="utf-8", newline="\n")
        return
    if not expected_path.exists():
        pytest.fail(f"{expected_path.name} is missing: run `{REGENERATE}` and review it")
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(True),
                actual.splitlines(True),
                f"{expected_path.name} (golden)",
                "converter output",
            )
        )
        pytest.fail(f"output differs from the golden file (regenerate: `{REGENERATE}`):\n{diff}")


def test_there_are_twenty_or_more_golden_cases():
    assert len(CASES) >= 20
