"""The tag stage's context passes (visitparse/converter/tag/context/), one test or more a pass:
the pass alone on tokens built by hand, and a short sentence through the whole tagger."""

from __future__ import annotations

import pytest

from tests.handmade import pairs, sentence, tag
from visitparse.converter.tag import context
from visitparse.converter.tag.context import (
    CONTEXT_PASSES,
    ContextPass,
    names,
    places,
    settle,
    titles,
    verbs,
)
from visitparse.converter.tag.tokens import (
    CityRef,
    ListedPlace,
    Org,
    Title,
    Tok,
    token,
)

MINISTER = Title("Foreign Minister", "minister")


# ------------------------------------------------------------------ the table


def test_the_passes_have_one_name_each_a_reason_and_an_example():
    names_ = [p.name for p in CONTEXT_PASSES]
    assert len(names_) == len(set(names_)) == 17
    for p in CONTEXT_PASSES:
        assert p.reason and len(p.reason) < 90, p.name
        assert p.run.__doc__ and '"' in p.run.__doc__, p.name  # an example phrase
        assert p.run.__name__ == p.name


def test_the_order_is_the_one_the_grammar_was_tuned_on():
    order = [p.name for p in CONTEXT_PASSES]
    assert order.index("join_places") < order.index("stays") < order.index("next_legs")
    assert order.index("next_legs") < order.index("countries_as_adjectives")
    assert order.index("hold_talks") < order.index("drop_auxiliaries")


def test_needs_are_all_of_the_entries_one_of_each_entrys_types():
    p = next(p for p in CONTEXT_PASSES if p.name == "drop_comma_after_place")
    assert p.applies({"PLACE", "COMMA", "DATE"}, "", [])
    assert p.applies({"COUNTRY", "COMMA", "VISIT"}, "", [])
    assert not p.applies({"PLACE", "COMMA"}, "", [])
    assert not p.applies({"PLACE", "DATE", "VISIT"}, "", [])


def test_the_acronym_pass_runs_only_on_a_bracket():
    p = next(p for p in CONTEXT_PASSES if p.name == "drop_acronyms")
    text, toks = sentence(("TITLE", "Minister", MINISTER), ("NAME", "Ana"))
    assert not p.applies({"TITLE", "NAME"}, text, toks)
    text, toks = sentence(("TITLE", "Minister", MINISTER), ("W", "("), ("W", "FM"), ("W", ")"))
    assert p.applies({"TITLE", "W"}, text, toks)
    assert not p.applies({"TITLE", "W"}, text, [])


def test_the_types_are_read_once_before_the_passes(monkeypatch):
    """A type that one pass makes does not wake a later pass."""
    ran = []

    def make_foo(text: str, toks: list[Tok]) -> list[Tok]:
        ran.append("make_foo")
        return [token("FOO", str(t), t.start_pos, t.end_pos) for t in toks]

    def on_foo(text: str, toks: list[Tok]) -> list[Tok]:
        ran.append("on_foo")
        return toks

    monkeypatch.setattr(
        context,
        "CONTEXT_PASSES",
        (
            ContextPass("make_foo", ("W",), make_foo, reason="W -> FOO"),
            ContextPass("on_foo", ("FOO",), on_foo, reason="needs FOO"),
        ),
    )
    text, toks = sentence(("W", "plain"))
    assert [t.type for t in settle(text, toks, set())] == ["FOO"]
    assert ran == ["make_foo"]


def test_a_pass_leaves_the_tokens_it_was_given_alone():
    text, toks = sentence(("DEMONYM", "Iraqi", "IRQ"), ("W", "official"), ("COMMA", ","))
    out = titles.officials_as_offices(text, toks)
    assert [t.type for t in out] == ["DEMONYM", "TITLE", "COMMA"]
    assert [t.type for t in toks] == ["DEMONYM", "W", "COMMA"]
    assert out is not toks


# ------------------------------------------------------------------ names


def test_institutions_join_a_body_with_the_name_after_it():
    text, toks = sentence(
        ("ORG", "Department", Org("Department", institution=True)),
        ("OF", "of"),
        ("NAME", "Coastal Affairs", "Coastal Affairs"),
    )
    (org,) = names.institutions(text, toks, {"department"})
    assert (org.type, str(org)) == ("ORG", "Department of Coastal Affairs")
    assert org.org == Org("Department of Coastal Affairs", institution=True)


def test_institutions_end_a_name_run_at_an_institution_word():
    text, toks = sentence(
        ("W", "the"), ("NAME", "Nordic-Baltic", "Nordic-Baltic"), ("W", "mechanism")
    )
    out = names.institutions(text, toks, {"mechanism"})
    assert pairs(out) == [("W", "the"), ("ORG", "Nordic-Baltic mechanism")]
    assert out[1].org == Org("Nordic-Baltic mechanism")
    # a word the lexicon does not list stays plain
    assert names.institutions(text, toks, {"forum"}) == toks


def test_institutions_in_sentences():
    assert ("ORG", "Nordic-Baltic mechanism") in pairs(
        tag("They joined the Nordic-Baltic mechanism.")
    )
    assert ("ORG", "Joint Commission on Fisheries") in pairs(
        tag("She addressed the Joint Commission on Fisheries.")
    )


def test_bodies_before_officials():
    text, toks = sentence(("NAME", "Zorvani", "Zorvani"), ("PLTITLE", "officials"))
    out = names.bodies_before_officials(text, toks)
    assert [t.type for t in out] == ["ORG", "PLTITLE"]
    assert out[0].org == Org("Zorvani", institution=True)
    toks = tag("Zorvani officials met the envoy.")
    assert pairs(toks)[:2] == [("ORG", "Zorvani"), ("PLTITLE", "officials")]


# ------------------------------------------------------------------ titles


def test_drop_acronyms_after_an_office():
    text, toks = sentence(
        ("TITLE", "Minister", MINISTER), ("W", "("), ("W", "FM"), ("W", ")"), ("NAME", "Ana", "Ana")
    )
    assert pairs(titles.drop_acronyms(text, toks)) == [("TITLE", "Minister"), ("NAME", "Ana")]
    # after a name the bracket stays
    text, toks = sentence(("NAME", "Ana", "Ana"), ("W", "("), ("W", "FM"), ("W", ")"))
    assert titles.drop_acronyms(text, toks) == toks
    assert [t.type for t in tag("Trade Minister (TM) Elena Varga met officials.")][:3] == [
        "TITLE",
        "NAME",
        "MEET",
    ]


# ------------------------------------------------------------------ places


def test_cities_of_countries():
    text, toks = sentence(
        ("IN", "in"),
        ("NAME", "Zorvik", "Zorvik"),
        ("COMMA", ","),
        ("COUNTRY", "Peru", "PER"),
        ("COMMA", ","),
    )
    out = places.cities_of_countries(text, toks)
    assert [t.type for t in out] == ["IN", "PLACE", "COMMA", "COUNTRY", "COMMA"]
    assert out[1].city == CityRef("PER", "Zorvik")
    # not after "in", "to" or a visit verb: a person of that country, perhaps
    text, toks = sentence(
        ("W", "said"),
        ("NAME", "Zorvik", "Zorvik"),
        ("COMMA", ","),
        ("COUNTRY", "Peru", "PER"),
        ("COMMA", ","),
    )
    assert places.cities_of_countries(text, toks)[1].type == "NAME"
    toks = tag("The President arrived in Zorvik, Peru, on Tuesday.")
    place = next(t for t in toks if t.type == "PLACE")
    assert (str(place), place.city) == ("Zorvik", CityRef("PER", "Zorvik"))


def test_join_places_a_list():
    text, toks = sentence(
        ("COUNTRY", "Kenya", "KEN"),
        ("COMMA", ","),
        ("COUNTRY", "Uganda", "UGA"),
        ("AND", "and"),
        ("PLACE", "Kigali", CityRef("RWA", "Kigali")),
    )
    (listed,) = places.join_places(text, toks)
    assert (listed.type, str(listed)) == ("PLACES", "Kenya , Uganda and Kigali")
    assert listed.places == [
        ListedPlace("KEN", None, 0, 5),
        ListedPlace("UGA", None, 8, 14),
        ListedPlace("RWA", "Kigali", 19, 25),
    ]


def test_join_places_a_city_and_its_own_country_are_one_place():
    text, toks = sentence(
        ("PLACE", "Kisumu", CityRef("KEN", "Kisumu")),
        ("COMMA", ","),
        ("COUNTRY", "Kenya", "KEN"),
        ("COMMA", ","),
    )
    assert pairs(places.join_places(text, toks)) == [("PLACE", "Kisumu"), ("COMMA", ",")]
    toks = tag("Minister of Health Amir Salim visited Accra and Kumasi, Ghana.")
    assert ("PLACES", "Accra and Kumasi, Ghana") in pairs(toks)


def test_stays():
    toks = tag("The Prime Minister is in Ottawa from June 3 to 5.")
    assert [t.type for t in toks][2:6] == ["STAY", "IN", "PLACE", "DATE"]
    toks = tag("The Prime Minister is in Ottawa.")
    assert "STAY" not in [t.type for t in toks]


def test_next_legs():
    toks = tag("He visited Peru on June 10-12 and Chile on June 13.")
    assert ("AND_PLACE", "and") in pairs(toks)
    text, toks = sentence(("DATE", "Monday"), ("AND", "and"), ("NAME", "Lind", "Lind"))
    assert [t.type for t in places.next_legs(text, toks)] == ["DATE", "AND", "NAME"]


def test_countries_as_adjectives():
    toks = tag("Kenya President Mwangi Otieno met the envoy.")
    assert pairs(toks)[:2] == [("DEMONYM", "Kenya"), ("TITLE", "President")]
    assert toks[0].code == "KEN"
    # a preposition governs it: a country, before a name
    toks = tag("The ambassador from Kenya Mwangi Otieno spoke.")
    assert ("COUNTRY", "Kenya") in pairs(toks)
    # but "a message from Kenya President X": the office follows, an adjective
    toks = tag("A message from Kenya President Mwangi Otieno arrived.")
    assert ("DEMONYM", "Kenya") in pairs(toks)


def test_drop_comma_after_place():
    toks = tag("The Premier arrived in Kisumu, Kenya, for a three-day working visit.")
    assert [t.type for t in toks][3:6] == ["IN", "PLACE", "FOR"]
    # before the day that ends the clause
    toks = tag("The Premier held talks in Nairobi, Kenya, on Friday, a day after the vote.")
    assert [t.type for t in toks][3:7] == ["IN", "PLACE", "DATE", "COMMA"]
    # fronted place and day keep their commas
    toks = tag("In Nairobi, on Friday, the Premier met the King.")
    assert [t.type for t in toks][:5] == ["IN", "PLACE", "COMMA", "DATE", "COMMA"]


# ------------------------------------------------------------------ verbs


def test_accompanying_opens_only_first():
    text, toks = sentence(
        ("ACCOMPANYING", "Accompanying", "accompany"),
        ("W", "him"),
        ("ACCOMPANYING", "accompanying", "accompany"),
    )
    out = verbs.accompanying_opens(text, toks)
    assert [t.type for t in out] == ["ACCOMPANYING", "W", "W"]
    assert out[2].lemma == "accompany"  # the payload is kept
    assert verbs.accompanying_opens("", []) == []
    assert pairs(tag("Accompanying the Premier were two envoys."))[0] == (
        "ACCOMPANYING",
        "Accompanying",
    )
    assert ("W", "accompanying") in pairs(
        tag("The ministers accompanying the President met the King.")
    )


def test_hold_talks():
    text, toks = sentence(
        ("HOLD", "held"), ("W", "warm"), ("W", "bilateral"), ("TALKS", "talks", "talks")
    )
    (meet,) = verbs.hold_talks(text, toks)
    assert (meet.type, str(meet), meet.lemma) == ("MEET", "held warm bilateral talks", "talks")
    assert ("MEET", "held productive bilateral talks") in pairs(
        tag("The President held productive bilateral talks with his host.")
    )
    # no talks follow: a plain word
    assert ("W", "held") in pairs(tag("They held the line."))


def test_including():
    toks = tag("He met business leaders, including Omar Haddad.")
    assert [t.type for t in toks][:4] == ["PRON", "MEET", "INCLUDING", "NAME"]
    toks = tag("He praised leaders including Omar Haddad.")
    assert ("W", "including") in pairs(toks)


def test_drop_auxiliaries():
    assert [t.type for t in tag("The minister has arrived in Nairobi.")][:3] == [
        "THE",
        "TITLE",
        "ARRIVE",
    ]
    text, toks = sentence(("W", "has"), ("W", "nothing"))
    assert verbs.drop_auxiliaries(text, toks) == toks
    text, toks = sentence(("W", "had"), ("MEET", "met"))
    assert [t.type for t in verbs.drop_auxiliaries(text, toks)] == ["MEET"]


def test_drop_be_beside_modal():
    types = [t.type for t in tag("The President is also scheduled to meet the King.")]
    assert "BE" not in types and "MODAL" in types
    text, toks = sentence(("MODAL", "will"), ("ALSO", "also"), ("BE", "be"), ("MEET", "meeting"))
    assert [t.type for t in verbs.drop_be_beside_modal(text, toks)] == ["MODAL", "ALSO", "MEET"]
    text, toks = sentence(("BE", "is"), ("IN", "in"))
    assert verbs.drop_be_beside_modal(text, toks) == toks


def test_appositive_visits():
    toks = tag("Marta Lind, on a visit to Oslo, met the mayor.")
    assert [t.type for t in toks][:3] == ["NAME", "COMMA", "ON_VISIT"]
    toks = tag("Reflecting on his visit to Oslo, Lind said.")
    assert "ON_VISIT" not in [t.type for t in toks]


def test_relative_asides_are_read_after_the_sentence(monkeypatch):
    text = "President Ana Ruiz, who was elected in March, arrived in Lima on Monday."
    words = [str(t) for t in tag(text)]
    assert words[:3] == ["President", "Ana Ruiz", "arrived"]
    assert words.index("who") > words.index("Lima")
    # without the pass the relative stands between the subject and its verb
    monkeypatch.setattr(
        context,
        "CONTEXT_PASSES",
        tuple(p for p in CONTEXT_PASSES if p.name != "relative_asides"),
    )
    assert [str(t) for t in tag(text)][:4] == ["President", "Ana Ruiz", ",", "who"]


def test_relative_asides_stay_with_an_event_or_an_office():
    # an event of its own: the grammar reads "who arrived ..." as a clause
    toks = tag("President Ana Ruiz, who arrived in Lima on Monday, met the mayor.")
    assert [t.type for t in toks][:4] == ["TITLE", "NAME", "COMMA", "WHO"]
    # an office: "who is also a member of the Senate" gives the person one
    toks = tag("Ana Ruiz, who is also a member of the Senate, met President Tomas Varga.")
    assert [t.type for t in toks][:3] == ["NAME", "COMMA", "WHO"]
    # no event after the closing comma: nothing is interrupted
    toks = tag("They met Ana Ruiz, who was elected in March, and her deputy.")
    assert "WHO" in [t.type for t in toks][:6]


@pytest.mark.parametrize("p", CONTEXT_PASSES, ids=lambda p: p.name)
def test_every_pass_returns_a_new_list_on_an_empty_sentence(p: ContextPass):
    empty: list[Tok] = []
    out = p.run("", empty)
    assert out == [] and out is not empty


def test_tour_stops_only_after_a_tour():
    types = [
        t.type for t in tag("Ana Ruiz ended her tour of the region, which also included Peru.")
    ]
    assert "TOUR_STOPS" in types and "INCLUDED" not in types
    types = [t.type for t in tag("The talks included Peru and Chile.")]
    assert "TOUR_STOPS" not in types and "INCLUDED" not in types  # a plain word there


def test_officials_as_offices():
    types = [t.type for t in tag("The Iraqi official, who arrived on Monday, met him.")]
    assert types[:4] == ["THE", "DEMONYM", "TITLE", "COMMA"]
    # an adjective before its noun stays a word
    assert "TITLE" not in [t.type for t in tag("He paid an official visit to Peru.")]
    assert [t.type for t in tag("The Iraqi official visit began.")][2] == "W"
