from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite fixtures/*.json from the converter's current output (review the diff!)",
    )


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def iter_spans(node):
    """Every span ({start, end, text}) anywhere in a report's JSON."""
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys():
            yield node
        for v in node.values():
            yield from iter_spans(v)
    elif isinstance(node, list):
        for v in node:
            yield from iter_spans(v)


def person_refs(data: dict) -> set[str]:
    """Every person id a report's records refer to."""
    refs = [v["visitor"] for v in data["visits"]] + [
        p for m in data["meetings"] for p in m["participants"]
    ]
    refs += [
        p
        for m in data["messages"]
        for p in m["senders"] + m["recipients"] + ([m["carrier"]] if m["carrier"] else [])
    ]
    refs += [p for s in data["statements"] for p in s["speakers"]] + [
        p for a in data["agreements"] for p in a["parties"]
    ]
    return set(refs)
