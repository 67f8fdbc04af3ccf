"""The tagger's office reader (visitparse/converter/tag/offices.py), through the whole tagger."""

from __future__ import annotations

from visitparse.converter.parse.people import PersonRules
from visitparse.converter.parse.person_phrases import person_phrases
from visitparse.converter.tag.tagger import tagger_for
from visitparse.converter.tag.tokens import Title, Tok


def tag(text: str) -> list[Tok]:
    return tagger_for(None).tag(text, 0, len(text))


def office(text: str) -> Title:
    return next(t for t in tag(text) if t.type == "TITLE").title


def test_a_list_of_portfolios_is_one_office():
    assert office("Minister for Planning, Trade and Reform Ana Ruiz arrived.") == Title(
        "Minister for Planning, Trade and Reform", "minister"
    )


def test_a_diplomat_posted_to_a_country():
    title = office("Ambassador to Kenya Lisa Berg met him.")
    assert (title.text, title.posting) == ("Ambassador to Kenya", "KEN")


def test_an_adviser_to_an_office_on_a_portfolio():
    title = office("Adviser to the Prime Minister on Commerce Ravi Shah spoke.")
    assert title.text == "Adviser to the Prime Minister on Commerce"


def test_a_rank_after_the_office_is_its_style():
    toks = tag("Navy chief Admiral Tomas Berg met him.")
    assert str(toks[0]) == "Navy chief Admiral"
    assert (toks[0].title.text, toks[0].title.style) == ("Navy chief", "Admiral")


def test_the_country_after_the_complement_stays_outside():
    toks = tag("Minister of Foreign Affairs of Kenya Ruth Wanjiru met him.")
    assert [(t.type, str(t)) for t in toks[:3]] == [
        ("TITLE", "Minister of Foreign Affairs"),
        ("OF", "of"),
        ("COUNTRY", "Kenya"),
    ]


def test_a_deputy_is_no_leader():
    assert office("Deputy Prime Minister Ana Ruiz arrived.").kind == "deputy"
    assert office("Prime Minister Ana Ruiz arrived.").kind == "head_of_government"


def test_an_office_only_one_state_has():
    assert office("External Affairs Minister Rana Devi met him.").country == "IND"


def test_a_lower_case_office_where_an_office_can_stand():
    assert office("the social development minister met him.").text == "social development minister"
    assert not [t for t in tag("minister met him.") if t.type == "TITLE"]


def test_an_office_serving_a_body():
    assert office("He met Secretary to the Cabinet of the Presidency Ama Mensah.").text == (
        "Secretary to the Cabinet of the Presidency"
    )


def test_abbreviated_offices_as_written():
    # the scorer reads only PM, FM, DPM, EAM and VP as their full offices; the seat before an
    # office is the person grammar's ("Lima MP")
    assert office("He met Lima MP Ana Soto.").text == "MP"
    [lima_mp] = [t for t in person_phrases(tag("He met Lima MP Ana Soto.")) if t.type == "PERSON"]
    assert PersonRules().phrase([lima_mp]).titles == ["Lima MP"]
    assert office("He met Foreign Affairs Sec. Ana Soto.").text == "Foreign Affairs Sec."
    assert office("He met PM Ana Soto.").text == "Prime Minister"
