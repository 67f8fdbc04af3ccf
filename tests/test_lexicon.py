"""User lexicons extend the built-in tables without touching the package."""
import json

from click.testing import CliRunner

from visitparse import convert
from visitparse.cli import cli

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
        encoding="utf-8")
    (tmp_path / "titles.tsv").write_text("title\tkind\nSteward\thead_of_government\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", "--lexicon", str(tmp_path), "--publication-date", "2024-01-10"], input=TEXT)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["visits"][0]["host_country"] == "GON"


def test_unknown_table_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[planets]\nx = 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", "--lexicon", str(path)], input=TEXT)
    assert result.exit_code == 2
    assert "unknown lexicon table(s) planets" in result.output
