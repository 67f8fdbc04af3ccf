"""The published JSON Schema (schema/report-<version>.json) is the models' schema: a change of the
models without regenerating the file fails here. Regenerate: visitparse schema > schema/report-<version>.json"""

import json

from visitparse import Report
from visitparse.schema import SCHEMA_VERSION

from .conftest import ROOT


def test_published_schema_matches_the_models():
    path = ROOT / "schema" / f"report-{SCHEMA_VERSION}.json"
    assert path.exists(), f"missing {path.name}: run `visitparse schema > schema/{path.name}`"
    assert json.loads(path.read_text(encoding="utf-8")) == Report.model_json_schema(), (
        f"the models changed: run `visitparse schema > schema/{path.name}` and review the diff"
    )
