"""Hostile input: every error path is one line on stderr with its exit code (through a real
process), and the pathological shapes of the linear-time benchmark convert to valid reports."""

import json
import subprocess
import sys

import pytest

from visitparse import InputError, convert

from .conftest import FIXTURES

SEED = FIXTURES / "seed_liu_guozhong_kazakhstan.txt"


def cli(*args, stdin=b""):
    return subprocess.run(
        [sys.executable, "-m", "visitparse.cli", *args], input=stdin, capture_output=True
    )


@pytest.fixture
def files(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (tmp_path / "nul.txt").write_bytes(b"Li met\x00Wang")
    (tmp_path / "big.txt").write_text("x" * 200, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "args,code,message",
    [
        (["convert", "{d}/missing.txt"], 2, "visitparse: {d}/missing.txt: no such file"),
        (["convert", "{d}"], 2, "visitparse: {d}: is a directory"),
        (
            ["convert", "{d}/latin1.txt"],
            2,
            "visitparse: {d}/latin1.txt: not UTF-8 (invalid byte at offset 3)",
        ),
        (
            ["convert", "{d}/nul.txt"],
            1,
            "visitparse: {d}/nul.txt: contains a NUL character at offset 6: binary data, not text",
        ),
        (
            ["convert", "--max-chars", "100", "{d}/big.txt"],
            1,
            "visitparse: {d}/big.txt: too long: 200 characters, the limit is 100 (raise it with max_chars)",
        ),
        (
            ["convert", "--publication-date", "18/05/2024", "{d}/big.txt"],
            2,
            "visitparse: Invalid value for '--publication-date': '18/05/2024' is not a date in the form YYYY-MM-DD",
        ),
        (
            ["batch", "{d}/missing", "-o", "{d}/out.jsonl"],
            2,
            "visitparse: {d}/missing: no such file or directory",
        ),
        (["frobnicate"], 2, "visitparse: No such command 'frobnicate'."),
    ],
)
def test_error_paths_are_one_line(files, args, code, message):
    proc = cli(*[a.format(d=files) for a in args])
    assert proc.returncode == code
    assert proc.stderr.decode().strip() == message.format(d=files)


def test_encoding_errors_replace_goes_on(files):
    proc = cli("convert", "--encoding-errors", "replace", str(files / "latin1.txt"))
    assert proc.returncode == 0 and json.loads(proc.stdout)["schema_version"] == "1.2"


@pytest.mark.parametrize("text", ["", "   \n\t ", "\ufeff", "\r\n\r\n"])
def test_empty_input_is_an_empty_report(text):
    report = convert(text)
    assert (report.people, report.visits, report.meetings) == ([], [], [])


def test_bom_and_crlf_keep_offsets_true():
    text = "\ufeffKenyan President William Ruto visited Peru on Monday.\r\nHe met Peruvian President Dina Boluarte.\r\n"
    report = convert(text, publication_date="2023-11-14")
    for p in report.people:
        for m in p.mentions:
            assert text[m.start : m.end] == m.text
    assert report.visits[0].start_date.isoformat() == "2023-11-13"


@pytest.mark.parametrize(
    "name,text",
    [
        (
            "name list",
            ", ".join(f"President Alpha{i} Beta{i}" for i in range(800))
            + " and President Omega Zeta met.",
        ),
        (
            "no full stop",
            "Chinese Premier Li Qiang met Kazakh President Kassym-Jomart Tokayev and " * 300,
        ),
        ("capitalised words", "Alpha Beta Gamma Delta " * 5000),
        ("nested parentheses", "(" * 10000 + ")" * 10000),
        ("trigger verbs", "met visited received met " * 2000),
        ("commas", "," * 20000),
        ("binary-looking", "".join(chr(c) for c in range(1, 0x2FF)) * 20),
    ],
)
def test_pathological_shapes_convert(name, text):
    report = convert(text, publication_date="2024-05-18")
    assert report.to_json()


def test_not_a_string_is_an_input_error():
    with pytest.raises(InputError, match="text must be str, not bytes"):
        convert(b"Li met Wang")
