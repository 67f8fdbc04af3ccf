"""The person-phrase level (grammar/people.lark, parse/person_phrases.py): which words make one
person phrase, and the office, name and country its Mention gets (parse/people.py), on hand-made
tokens and on tagged sentences of our own."""

from __future__ import annotations

import pytest

import visitparse
from tests.handmade import pairs, sentence, tag
from visitparse.converter.parse.facts import Mention
from visitparse.converter.parse.people import PersonRules
from visitparse.converter.parse.person_phrases import organizations, person_phrases
from visitparse.converter.tag.tokens import CityRef, Org, Payload, Title, Tok


def words(*parts: tuple[str, str] | tuple[str, str, Payload]) -> list[Tok]:
    """Hand-made tokens (tests.handmade.sentence) without their text."""
    return sentence(*parts)[1]


def phrases(toks: list[Tok]) -> list[Mention]:
    """The Mentions of the person phrases (PERSON, OFFICE) among `toks`."""
    return [
        PersonRules().phrase([t]) for t in person_phrases(toks) if t.type in ("PERSON", "OFFICE")
    ]


MINISTER = Title("Foreign Minister", "minister")
NAME = ("NAME", "Rashid Amiri", "Rashid Amiri")


def test_a_ruler_s_title_between_an_office_and_a_name_is_a_first_name():
    sultan = ("TITLE", "Sultan", Title("Sultan", "head_of_state"))
    [m] = phrases(words(("TITLE", "Foreign Minister", MINISTER), sultan, NAME))
    assert (m.name, m.titles) == ("Sultan Rashid Amiri", ["Foreign Minister"])
    assert m.name_span == (17, 36)
    # no office before it: the ruler's title stays
    [m] = phrases(words(sultan, NAME))
    assert (m.name, m.titles) == ("Rashid Amiri", ["Sultan"])
    [m] = phrases(tag("Foreign Minister Sultan Rashid Amiri met him."))
    assert m.name == "Sultan Rashid Amiri"


def test_offices_across_a_joiner_are_one():
    [m] = phrases(
        words(
            ("TITLE", "State Councilor", Title("State Councilor", "minister", "CHN")),
            ("W", "/"),
            ("TITLE", "Foreign Minister", MINISTER),
            NAME,
        )
    )
    assert (m.titles, m.title_kinds, m.country) == (
        ["State Councilor/Foreign Minister"],
        ["minister"],
        "CHN",
    )
    assert (m.start, m.end) == (0, 47)
    [m] = phrases(tag("Deputy Prime Minister - Minister of Industry Ana Soto met him."))
    assert m.titles == ["Deputy Prime Minister - Minister of Industry"]


def test_a_rank_after_an_office_is_its_style():
    [m] = phrases(
        words(
            ("TITLE", "Foreign Minister", MINISTER),
            ("TITLE", "Prince", Title("Prince", "royal")),
            NAME,
        )
    )
    assert (m.titles, m.title_kinds) == (["Foreign Minister", "Prince"], ["minister", "rank"])


def test_offices_side_by_side_and_after_a_body_are_one():
    defence = ("TITLE", "Secretary of Defense", Title("Secretary of Defense", "minister", "USA"))
    [m] = phrases(words(defence, ("TITLE", "Spokesperson", Title("Spokesperson", "official"))))
    assert (m.titles, m.title_kinds, m.country) == (
        ["Secretary of Defense Spokesperson"],
        ["official"],
        "USA",
    )
    assembly = ("ORG", "National Assembly", Org("National Assembly", country="KEN"))
    toks = words(assembly, ("TITLE", "Speaker", Title("Speaker", "speaker")), NAME)
    [m] = phrases(toks)
    assert (m.titles, m.country) == (["National Assembly Speaker"], "KEN")
    assert list(organizations(person_phrases(toks))) == []  # a part of the office, no body named
    # an institution ("the Chinese Embassy") is no part of an office
    embassy = ("ORG", "Embassy", Org("Embassy", institution=True))
    toks = words(embassy, ("TITLE", "Speaker", Title("Speaker", "speaker")), NAME)
    assert [t.type for t in person_phrases(toks)] == ["ORG", "PERSON"]
    [m] = phrases(toks)
    assert m.titles == ["Speaker"]


def test_a_body_after_an_office_is_named():
    toks = person_phrases(tag("He met the Secretary-General of the United Nations, Ana Soto."))
    assert [t.org.name for t in organizations(toks)] == ["United Nations"]


def test_and_between_titles_is_one_person_s_offices():
    """The person grammar (grammar/people.lark) joins offices across "and"; an "and" that no office
    follows ends the person."""
    text = "Deputy Prime Minister and Foreign Minister Lena Holt arrived."
    assert pairs(person_phrases(tag(text)))[0] == (
        "PERSON",
        "Deputy Prime Minister and Foreign Minister Lena Holt",
    )
    toks = person_phrases(tag("The President and his counterpart met."))
    assert [t for t in pairs(toks) if t[0] != "W"][:3] == [
        ("OFFICE", "The President"),
        ("AND", "and"),
        ("OFFICE", "his counterpart"),
    ]


def test_tenure_before_nationality():
    """A word of tenure before a nationality goes on the office (the person grammar's _held); an
    unmarked word does not."""

    def office(text: str) -> tuple[str, str]:
        [phrase] = [t for t in person_phrases(tag(text)) if t.type in ("PERSON", "OFFICE")]
        return str(phrase), PersonRules().phrase([phrase]).titles[0]

    assert office("The former Kenyan president Daniel Mwangi met him.") == (
        "The former Kenyan president Daniel Mwangi",
        "former president",
    )
    assert office("The newly appointed Kenyan Ambassador Daniel Mwangi met him.")[1] == (
        "newly appointed Ambassador"
    )
    assert office("the first Korean prime minister to visit")[1] == "prime minister"


def test_a_sentence_without_tokens_has_no_phrases():
    assert person_phrases([]) == []


def test_the_seat_before_an_office_is_part_of_it():
    governor = ("TITLE", "Governor", Title("Governor", "governor"))
    [m] = phrases(words(("NAME", "Ogun"), governor, NAME))
    assert (m.titles, m.name) == (["Ogun Governor"], "Rashid Amiri")
    hunan = ("PLACE", "Hunan", CityRef("CHN", "Hunan"))
    [m] = phrases(words(hunan, governor, NAME))
    assert (m.titles, m.country) == (["Hunan Governor"], "CHN")
    # "in Hunan Governor ...": the preposition takes the place
    toks = person_phrases(words(("IN", "in"), hunan, governor, NAME))
    assert [t.type for t in toks] == ["IN", "PLACE", "PERSON"]
    # a name of two words is no seat
    assert [t.type for t in person_phrases(words(("NAME", "Ana Soto"), governor))] == [
        "NAME",
        "OFFICE",
    ]
    [m] = phrases(tag("Ogun Governor Musa Bello arrived."))
    assert (m.titles, m.name) == (["Ogun Governor"], "Musa Bello")


# Over-reach found by review (session 8): each rule of the person level left where it does not apply
@pytest.mark.parametrize(
    "text,people",
    [
        # a month alone is a given name; only after a word of time is it none
        (
            "Chinese Foreign Minister Wang Yi met January Makamba, Tanzania's Minister for Foreign "
            "Affairs, in Beijing on Monday.",
            {("Wang Yi", "Foreign Minister"), ("January Makamba", "Minister for Foreign Affairs")},
        ),
        # a possessor that is a holder's name ends the office
        (
            "Blinken met Minister of Health Susan Nakhumicha's Ministry officials on Monday.",
            {("Susan Nakhumicha", "Minister of Health")},
        ),
        # a lower-case portfolio does not run on across "and" into a noun with its complement
        (
            "President Anwar Ibrahim met the minister of health and families of the victims.",
            {("Anwar Ibrahim", "President")},
        ),
        # two people's offices joined by "and" are not one title
        (
            "The President and First Lady Jill Biden welcomed Japanese Prime Minister Fumio Kishida.",
            {("Jill Biden", "President"), ("Fumio Kishida", "Prime Minister")},
        ),
        # a body after an office, before "of" and a country, is no person
        (
            "Chinese Ambassador Jiang Zaidong called on Chairman Planning Commission of Pakistan.",
            {("Jiang Zaidong", "Ambassador")},
        ),
    ],
)
def test_rules_stay_where_they_apply(text, people):
    report = visitparse.convert(text, publication_date="2024-05-18")
    assert {(p.name, p.title) for p in report.people if p.name} == people


@pytest.mark.parametrize(
    "text,pairs",
    [
        # a semicolon between a list's item and the next clause's subject ends the clause
        (
            "President Xi Jinping met Vladimir Putin, the Russian President; Alexander Lukashenko, "
            "the Belarusian President, met Narendra Modi on Tuesday.",
            {
                frozenset({"Xi Jinping", "Vladimir Putin"}),
                frozenset({"Alexander Lukashenko", "Narendra Modi"}),
            },
        ),
        # one letter apart, of another country: two people
        (
            "Azerbaijani Foreign Minister Jeyhun Bayramov met Uzbek President Shavkat Nazarov on "
            "Monday. Later Bayramov met Uzbek Deputy Minister Jeyhun Bairamov.",
            {
                frozenset({"Jeyhun Bayramov", "Shavkat Nazarov"}),
                frozenset({"Jeyhun Bayramov", "Jeyhun Bairamov"}),
            },
        ),
        # "a minister" is no prime minister's counterpart
        (
            "Japanese Prime Minister Fumio Kishida met his Indian counterpart in Delhi on Monday. "
            "The Indian minister, Piyush Goyal, later met Kishida.",
            {frozenset({"Fumio Kishida", "Piyush Goyal"})},
        ),
    ],
)
def test_meetings_stay_apart(text, pairs):
    report = visitparse.convert(text, publication_date="2024-05-18")
    names = {p.id: p.name for p in report.people}
    found = {frozenset(names[i] for i in m.participants if names.get(i)) for m in report.meetings}
    assert pairs <= found
