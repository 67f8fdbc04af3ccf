"""One test per capability (tests/capabilities/cases/*.toml): pass rate >= 0.95."""

import pytest

from .engine import CASES_DIR, load, run

THRESHOLD = 0.95
CAPS = sorted(CASES_DIR.glob("*.toml"))


@pytest.mark.parametrize("path", CAPS, ids=[p.stem for p in CAPS])
def test_capability(path):
    result = run(load(path))
    assert result.total >= 5, f"{path.stem}: only {result.total} cases generated"
    assert result.rate >= THRESHOLD, (
        f"{path.stem}: {result.passed}/{result.total} = {result.rate:.2f} < {THRESHOLD}\n{result.examples(3)}"
    )


def test_suite_size():
    assert len(CAPS) >= 40
