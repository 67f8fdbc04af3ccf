"""The CLI, through click's runner and through a real subprocess."""

import json
import subprocess
import sys

import jsonschema
from click.testing import CliRunner

from visitparse import __version__
from visitparse.cli import cli, main

from .conftest import FIXTURES

SEED = FIXTURES / "seed_liu_guozhong_kazakhstan.txt"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_convert_prints_the_golden_file():
    result = run("convert", "--pretty", str(SEED))
    assert result.exit_code == 0
    assert result.output == SEED.with_suffix(".json").read_text(encoding="utf-8")


def test_convert_stdin_and_publication_date():
    result = run(
        "convert", "--publication-date", "2024-05-18", input="Liu visited Kazakhstan on Friday."
    )
    data = json.loads(result.output)
    assert data["visits"][0]["start_date"] == "2024-05-17"


def test_several_inputs_give_json_lines(tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("Wang Yi visited Malta.", encoding="utf-8")
    result = run("convert", str(SEED), str(other))
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["id"] for line in lines] == [str(SEED), str(other)]


def test_output_file_is_written(tmp_path):
    out = tmp_path / "out.json"
    assert run("convert", str(SEED), "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == "1.2"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left behind


def test_errors_name_the_input(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9".encode("latin-1"))
    for path, message in [
        (tmp_path / "missing.txt", "no such file"),
        (tmp_path, "is a directory"),
        (bad, "not UTF-8 (invalid byte at offset 3)"),
    ]:
        result = CliRunner().invoke(cli, ["convert", str(path)])
        assert result.exit_code == 2
        assert result.output.strip() == f"visitparse: {path}: {message}"


def test_bad_publication_date_is_a_usage_error():
    result = run("convert", "--publication-date", "18/05/2024", input="x")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_schema_validates_a_converted_report():
    schema = json.loads(run("schema").output)
    report = json.loads(run("convert", str(SEED)).output)
    jsonschema.validate(report, schema)
    report["visits"][0]["status"] = "postponed"
    try:
        jsonschema.validate(report, schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("the schema accepts a status outside the contract")


def test_explain_marks_uncovered_triggers():
    text = "Li met Wang in Beijing. The visit was a success, and a meeting followed."
    trace = json.loads(run("explain", "--json", input=text).output)
    assert trace["sentences"][0]["clauses"][0]["rules"][-1] == "meet"
    assert trace["sentences"][1]["uncovered_triggers"] == ["visit", "meeting"]


def test_version_and_main_returns_code():
    assert run("--version").output.strip() == f"visitparse, version {__version__}"
    assert main(["convert", "/nonexistent/file.txt"]) == 2


def test_real_subprocess_has_no_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "visitparse.cli", "convert", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"visitparse: {tmp_path / 'nope.txt'}: no such file"
    ok = subprocess.run(
        [sys.executable, "-m", "visitparse.cli", "convert", str(SEED)],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and json.loads(ok.stdout)["visits"]
