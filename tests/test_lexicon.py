"""User lexicons extend the built-in tables without touching the package."""

import json

import pytest
from click.testing import CliRunner

from visitparse import convert
from visitparse.cli import cli
from visitparse.converter import InputError

TEXT = "Gondorian Steward Denethor Ecthelion met Rohirric King Theoden Thengel in Minas Tirith on Monday."
TOML = """
[countries]
GON = { names = ["Gondor"], demonyms = ["Gondorian"], places = ["Minas Tirith"] }
ROH = { names = ["Rohan"], demonyms = ["Rohirric"], places = ["Edoras"] }

[[titles]]
title = "Steward"
kind = "head_of_government"
"""


def test_without_the_lexicon_nothing_is_known():
    report = convert(TEXT, publication_date="2024-01-10")
    assert not report.visits


def test_toml_lexicon(tmp_path):
    path = tmp_path / "middle_earth.toml"
    path.write_text(TOML, encoding="utf-8")
    report = convert(TEXT, publication_date="2024-01-10", lexicon=path)
    people = {p.name: (p.title, p.country) for p in report.people}
    assert people == {"Denethor Ecthelion": ("Steward", "GON"), "Theoden Thengel": ("King", "ROH")}
    [visit] = report.visits
    assert (visit.host_country, visit.places) == ("GON", ["Minas Tirith"])


def test_directory_lexicon_through_the_cli(tmp_path):
    (tmp_path / "countries.tsv").write_text(
        "alpha3\tdemonyms\tnames\tplaces\nGON\tGondorian\tGondor\tMinas Tirith\nROH\tRohirric\tRohan\tEdoras\n",
        encoding="utf-8",
    )
    (tmp_path / "titles.tsv").write_text(
        "title\tkind\nSteward\thead_of_government\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli, ["convert", "--lexicon", str(tmp_path), "--publication-date", "2024-01-10"], input=TEXT
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["visits"][0]["host_country"] == "GON"


def test_unknown_table_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[planets]\nx = 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", "--lexicon", str(path)], input=TEXT)
    assert result.exit_code == 2
    assert "unknown lexicon table(s) planets" in result.output


def _cli_error(lexicon) -> str:
    result = CliRunner().invoke(cli, ["convert", "--lexicon", str(lexicon)], input=TEXT)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    [line] = [ln for ln in result.output.splitlines() if "Invalid value" in ln]
    return line


def test_a_binary_table_is_a_clear_error(tmp_path):
    (tmp_path / "titles.tsv").write_bytes(b"title\tkind\n\x00\x01\x02\xff\xfe\n")
    assert "titles.tsv: binary data (a NUL byte at offset 11), not a TSV table" in _cli_error(
        tmp_path
    )
    (tmp_path / "titles.tsv").write_bytes(b"title\tkind\nSt\xe9ward\thead_of_government\n")
    assert "titles.tsv: not UTF-8 (invalid byte at offset 13)" in _cli_error(tmp_path)


def test_a_directory_named_like_a_table_is_a_clear_error(tmp_path):
    (tmp_path / "titles.tsv").mkdir()
    assert "titles.tsv: is a directory, not a lexicon table" in _cli_error(tmp_path)


def test_a_huge_cell_is_a_clear_error(tmp_path):
    (tmp_path / "titles.tsv").write_text(
        "title\tkind\n" + "x" * 131_073 + "\tofficial\n", encoding="utf-8"
    )
    assert "titles.tsv: a cell is longer than 131,072 characters" in _cli_error(tmp_path)


def test_an_empty_title_is_refused_up_front(tmp_path):
    (tmp_path / "titles.tsv").write_text("title\tkind\n\thead_of_state\n", encoding="utf-8")
    assert "titles.tsv: row 1 has an empty title" in _cli_error(tmp_path)
    path = tmp_path / "lex.toml"
    path.write_text('[[titles]]\ntitle = " "\nkind = "head_of_state"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"lex.toml: \[titles\]: row 1 has an empty title"):
        convert(TEXT, lexicon=path)
    path.write_text('[[modifiers]]\nkind = "x"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"\[modifiers\]: row 1 has no modifier"):
        convert(TEXT, lexicon=path)


def test_the_package_lexicon_passes_the_user_checks():
    from visitparse.converter.tag.lexicon import _check_keys, _package_tables

    _check_keys("package", _package_tables())
