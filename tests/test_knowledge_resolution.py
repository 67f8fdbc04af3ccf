"""Knowledge in resolution: the office-holder tables give a named office holder's country only
where the text gives none, on the report's date, and only when the answer is one country."""

import pytest

from visitparse import convert


def country(text, date, **kw):
    report = convert(text, publication_date=date, **kw)
    return {p.name: p.country for p in report.people}


SAID = "Chancellor Angela Merkel said on Monday that the talks had gone well."


def test_a_named_office_holder_takes_the_country_of_the_tenure_on_the_report_date():
    assert country(SAID, "2015-06-10")["Angela Merkel"] == "DEU"


def test_a_tenure_that_does_not_cover_the_report_date_does_not_match():
    assert country(SAID, "1995-06-10")["Angela Merkel"] is None


def test_a_demonym_in_the_text_beats_knowledge():
    text = "Kenyan Chancellor Angela Merkel said on Monday that the talks had gone well."
    assert country(text, "2015-06-10")["Angela Merkel"] == "KEN"


def test_without_knowledge_the_country_stays_unknown():
    assert country(SAID, "2015-06-10", knowledge=False)["Angela Merkel"] is None


@pytest.mark.parametrize(
    "rows, expected",
    [
        ('[["Ana Quispe", "PER", "President", "2020-01-01", ""]]', "PER"),
        (
            '[["Ana Quispe", "PER", "President", "2020-01-01", ""], ["Ana Quispe", "BOL", "President", "2021-01-01", ""]]',
            None,
        ),
    ],
)
def test_a_user_row_adds_a_holder_and_two_countries_leave_it_unknown(tmp_path, rows, expected):
    lexicon = tmp_path / "holders.toml"
    lexicon.write_text(f"office_holders = {rows}\n", encoding="utf-8")
    text = "President Ana Quispe said on Monday that the talks had gone well."
    assert country(text, "2024-05-18", lexicon=lexicon)["Ana Quispe"] == expected


def test_a_country_from_knowledge_says_which_table_gave_it_and_a_country_from_the_text_says_nothing():
    report = convert(
        "Kenyan President Ana Quispe met Chancellor Angela Merkel in Berlin on Monday.",
        publication_date="2015-06-10",
    )
    sources = {p.name: p.model_dump().get("country_source") for p in report.people}
    assert sources == {"Ana Quispe": None, "Angela Merkel": "knowledge:factbook"}
    assert '"country_source"' not in report.people[0].model_dump_json()


def test_the_command_line_turns_knowledge_off_and_explain_names_its_decisions(tmp_path):
    from click.testing import CliRunner

    from visitparse.cli import cli

    path = tmp_path / "r.txt"
    path.write_text(" date 2015-06-10 " + SAID, encoding="utf-8")
    on = CliRunner().invoke(cli, ["convert", str(path)])
    off = CliRunner().invoke(cli, ["convert", "--no-knowledge", str(path)])
    assert '"country":"DEU"' in on.output and '"country":"DEU"' not in off.output
    explained = CliRunner().invoke(cli, ["explain", str(path)])
    assert "knowledge: Angela Merkel -> DEU (knowledge:factbook)" in explained.output


@pytest.mark.parametrize(
    "text, date, name, expected",
    [
        # "King and Prime Minister" is a king's tenure: King Salman is Saudi
        ("King Salman received the visiting delegation on Tuesday.", "2017-05-02", "Salman", "SAU"),
        # an heir is not a monarch: Crown Prince Salman is Bahrain's
        (
            "Crown Prince Salman received the visiting delegation on Tuesday.",
            "2023-05-02",
            "Salman",
            "BHR",
        ),
        # no King Salman on the date: unknown
        ("King Salman received the visiting delegation on Tuesday.", "2012-05-02", "Salman", None),
    ],
)
def test_a_title_joined_by_and_fits_each_office_and_an_heir_is_no_monarch(
    text, date, name, expected
):
    assert country(text, date)[name] == expected


@pytest.mark.parametrize(
    "text, date, expected",
    [
        (
            "Prime Minister Benjamin Netanyahu said on Monday the talks went well.",
            "2017-05-02",
            "ISR",
        ),
        (
            "President Kassym-Jomart Tokayev said on Monday the talks went well.",
            "2022-05-02",
            "KAZ",
        ),
        # out of date, or no title: the surname alone does not decide
        ("President Kassym-Jomart Tokayev said on Monday the talks went well.", "2010-05-02", None),
        ("Kassym-Jomart Tokayev said on Monday the talks went well.", "2022-05-02", None),
    ],
)
def test_a_full_name_spelt_otherwise_matches_by_surname_with_a_fitting_title(text, date, expected):
    (person,) = convert(text, publication_date=date).people
    assert person.country == expected


def test_a_surname_shared_by_two_countries_office_holders_stays_unknown(tmp_path):
    lexicon = tmp_path / "holders.toml"
    lexicon.write_text(
        'office_holders = [["Anna Moss", "NZL", "Prime Minister", "2030-01-01", ""],'
        ' ["Anton Moss", "CAN", "Prime Minister", "2030-01-01", ""]]\n',
        encoding="utf-8",
    )
    text = "Prime Minister Annie Moss said on Monday the talks went well."
    assert country(text, "2031-05-18", lexicon=lexicon)["Annie Moss"] is None


def test_gazetteer_places_a_city_the_lexicon_lacks_only_with_knowledge():
    text = "Kenyan President Jane Otieno arrived in Arequipa on Monday."
    with_knowledge = convert(text, publication_date="2024-05-09")
    assert [(v.host_country, v.places) for v in with_knowledge.visits] == [("PER", ["Arequipa"])]
    assert convert(text, publication_date="2024-05-09", knowledge=False).visits == []
