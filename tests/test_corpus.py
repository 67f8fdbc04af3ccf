"""The shared corpus, when it sits beside the project: no crash on any real report, seed scores 1.0."""

import subprocess
import sys

import pytest

from visitparse import convert
from visitparse.converter.explain import explain

from .conftest import ROOT, SHARED

CORPUS = SHARED / "corpus"
needs_corpus = pytest.mark.skipif(
    not (CORPUS / "dev").is_dir(), reason="../shared/corpus is not beside the project"
)


@needs_corpus
@pytest.mark.parametrize(
    "path",
    sorted((CORPUS / "dev").glob("*.txt")) if (CORPUS / "dev").is_dir() else [],
    ids=lambda p: p.stem,
)
def test_every_dev_report_converts_with_true_spans(path):
    text = path.read_text(encoding="utf-8")
    report = convert(text)
    for record in report.visits + report.meetings:
        assert text[record.evidence.start : record.evidence.end] == record.evidence.text
    trace = explain(text)
    assert trace["sentences"] and len(trace["facts"]) == len(
        report.visits + report.meetings + report.messages + report.statements + report.agreements
    )


@needs_corpus
def test_seed_scores_one():
    proc = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), str(CORPUS), "--min-overall", "1.0"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
