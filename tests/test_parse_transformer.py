"""The transformer's rules, group by group (parse/people.py, adjuncts.py, events.py and the clause
rules of transformer.py), on sentences of our own: tagged, cut into islands and built into facts
as convert() does."""

from __future__ import annotations

import pytest

from visitparse.converter.parse.facts import Clause, Mention
from visitparse.converter.parse.islands import islands, methods
from visitparse.converter.parse.person_phrases import person_phrases
from visitparse.converter.parse.transformer import TreeToFacts
from visitparse.converter.tag.tagger import tagger_for

TO_FACTS = methods(TreeToFacts())


def tokens_of(text: str) -> list:
    """The sentence's tokens as the clause grammar reads them: person phrases made one token."""
    return person_phrases(tagger_for().tag(text, 0, len(text)))


def clauses(text: str) -> list[Clause]:
    tokens = tokens_of(text)
    return [island.value(TO_FACTS) for island in islands(tokens, "clause")]


def clause(text: str) -> Clause:
    [only] = clauses(text)
    return only


def person_lists(text: str) -> list[list[Mention]]:
    tokens = tokens_of(text)
    return [island.value(TO_FACTS) for island in islands(tokens, "listed_people")]


def places(items) -> list[tuple[str, str | None]]:
    return [(p.country, p.name) for p in items]


def test_every_rule_of_the_grammar_has_its_method():
    from visitparse.converter.parse.islands import tables

    transformer = TreeToFacts()
    for grammar in ("clauses.lark", "people.lark"):
        rules = {r.name for r in tables(grammar).rules if not r.inline}
        assert rules and all(callable(getattr(transformer, name, None)) for name in rules)


# ---------------------------------------------------------------- people
@pytest.mark.parametrize(
    "text,phrases",
    [
        (
            "Kazakh President Kassym-Jomart Tokayev met Liu and he thanked the President of Chile.",
            [
                ("PERSON", "Kazakh President Kassym-Jomart Tokayev"),
                ("NAME", "Liu"),  # a bare name keeps its token
                ("OFFICE", "the President of Chile"),
            ],
        ),
        (
            "US President Ana Hall's special envoy, Joe Banda, met Chinese Li and Peru's trade minister.",
            [
                ("OFFICE", "US President Ana Hall's special envoy"),  # no name after the possessive
                ("NAME", "Joe Banda"),  # the appositive is the clause grammar's to join
                ("PERSON", "Chinese Li"),
                ("OFFICE", "Peru's trade minister"),
            ],
        ),
        (
            "Wang, who is also a member of the Political Bureau, thanked the country's Foreign "
            "Minister Ana Ruiz.",
            [
                ("NAME", "Wang"),
                ("OFFICE", "also a member of the Political Bureau"),
                ("PERSON", "the country's Foreign Minister Ana Ruiz"),
            ],
        ),
    ],
)
def test_person_phrases_are_one_token_each(text, phrases):
    found = [(t.type, str(t)) for t in tokens_of(text) if t.type in ("PERSON", "OFFICE", "NAME")]
    assert found == phrases


def test_titled_reads_the_nationality_the_office_and_the_name():
    text = "Peruvian Foreign Minister Ana Quispe met with her Chilean counterpart Tomas Varga."
    [person] = clause(text).subject
    assert (person.rule, person.name, person.titles) == (
        "titled",
        "Ana Quispe",
        ["Foreign Minister"],
    )
    assert person.country == "PER" and text[slice(*person.name_span)] == "Ana Quispe"
    assert (person.start, person.end) == (0, 36)


def test_possessed_office_has_its_owner_and_the_owner_s_country():
    [ev] = clause("He met Ghanaian President Kofi Mensah's special envoy Ama Owusu.").events
    [envoy] = ev.objects
    assert (envoy.name, envoy.titles, envoy.country) == ("Ama Owusu", ["special envoy"], "GHA")
    assert envoy.owner is not None and envoy.owner.name == "Kofi Mensah"


def test_pronoun_and_couple():
    assert clause("He met King Olav.").subject[0].rule == "pronoun"
    [couple] = clause("The royal couple visited Oslo.").subject
    assert couple.rule == "group" and couple.couple and couple.plural
    assert couple.text == "the royal couple"


def test_offices_respectively_pair_countries_and_names_in_order():
    c = clause(
        "The foreign ministers of Ghana and Kenya, Kofi Mensah and Wanjiru Otieno, held talks."
    )
    assert [(m.name, m.titles, m.country) for m in c.subject] == [
        ("Kofi Mensah", ["foreign minister"], "GHA"),
        ("Wanjiru Otieno", ["foreign minister"], "KEN"),
    ]


def test_plural_office_list_gives_each_name_the_singular_office():
    c = clause(
        "Malaysian Deputy Foreign Ministers Ahmad Rahim and Siti Aziz met President Tomas Varga."
    )
    assert [(m.rule, m.name, m.titles, m.country) for m in c.subject] == [
        ("titled", "Ahmad Rahim", ["Deputy Foreign Minister"], "MYS"),
        ("titled", "Siti Aziz", ["Deputy Foreign Minister"], "MYS"),
    ]


def test_person_list_folds_an_appositive_into_the_name_before_it():
    [person] = clause(
        "Ana Quispe, the Peruvian foreign minister, was received by President Tomas Varga."
    ).subject
    assert (person.name, person.titles, person.country) == (
        "Ana Quispe",
        ["foreign minister"],
        "PER",
    )
    assert (person.start, person.end) == (0, 41)


def test_a_queen_listed_with_a_king_is_his_spouse():
    [king, queen] = person_lists("King Olav and Queen Sonja arrived.")[0]
    assert (king.title_kinds, queen.title_kinds) == (["head_of_state"], ["spouse"])


def test_a_delegation_s_leader_takes_its_nationality():
    text = "A Kenyan delegation led by Minister Wanjiru Otieno arrived in Accra."
    [leader] = clause(text).subject
    assert (leader.name, leader.country) == ("Wanjiru Otieno", "KEN")
    # the same name read as a person phrase alone has no country
    assert [m.country for m in person_lists(text)[0]] == [None]


def test_relative_subject_is_the_person_before_who():
    c = clause("Ana Quispe, who is also a member of the Senate, met President Tomas Varga.")
    assert [(m.rule, m.name) for m in c.subject] == [("named", "Ana Quispe")]
    office, meet = c.events
    assert office.rule == "office" and office.carrier is not None
    assert office.carrier.titles == ["member of the Senate"]
    assert meet.rule == "meet" and meet.objects[0].name == "Tomas Varga"


# ---------------------------------------------------------------- places and dates
def test_visit_noun_phrase_gives_destinations_length_and_status():
    [ev] = clause(
        "President Kofi Mensah will pay a three-day state visit to Kenya, Uganda and Tanzania"
        " on Monday."
    ).events
    assert ev.rule == "visit_noun" and ev.lemma == "pay" and ev.base_form
    assert places(ev.destinations) == [("KEN", None), ("UGA", None), ("TZA", None)]
    assert ev.duration == 3 and ev.status == "planned"
    assert [d.text for d in ev.dates] == ["on Monday"]


def test_inviter_here_and_origin():
    c = clause(
        "At the invitation of President Wanjiru Otieno, Prime Minister Ana Quispe arrived here"
        " from Quito."
    )
    [ev] = c.events
    assert [m.name for m in c.subject] == ["Ana Quispe"]
    assert [m.name for m in ev.inviters] == ["Wanjiru Otieno"] and ev.invited_first
    assert ev.here and places(ev.origins) == [("ECU", "Quito")] and ev.came_from == []


def test_came_from_where_is_not_an_origin():
    first, second = clauses(
        "The minister arrived in Lima from Quito, where he had talks with President Tomas Varga."
    )
    [arrival] = first.events
    assert places(arrival.places) == [("PER", "Lima")]
    assert places(arrival.came_from) == [("ECU", "Quito")] and arrival.origins == []
    assert second.subject[0].rule == "pronoun"


def test_where_names_a_venue_and_its_city():
    [ev] = clause(
        "She held talks at the Presidential Palace in Accra with President Kofi Mensah."
    ).events
    assert ev.at == ["Presidential Palace"] and places(ev.places) == [("GHA", "Accra")]


# ---------------------------------------------------------------- events
def test_convey_has_senders_and_recipients():
    [ev] = clause(
        "He conveyed warm greetings from President Kofi Mensah to Prime Minister Ana Quispe."
    ).events
    assert (ev.rule, ev.noun) == ("convey", "greetings")
    assert [m.name for m in ev.senders] == ["Kofi Mensah"]
    assert [m.name for m in ev.objects] == ["Ana Quispe"]


def test_visit_poss_owner_is_the_visitor():
    [ev] = clause("His visit to Peru was postponed.").events
    assert ev.rule == "visit_poss" and ev.possessive
    assert ev.carrier is not None and (ev.carrier.rule, ev.carrier.text) == ("pronoun", "his")
    assert places(ev.destinations) == [("PER", None)]


def test_left_a_country_ends_a_visit_there():
    [ev] = clause("The minister left Ghana on Friday.").events
    assert ev.rule == "visit_end" and places(ev.destinations) == [("GHA", None)]
    assert ev.places == [] and [d.text for d in ev.dates] == ["on Friday"]


def test_delegation_members_are_of_its_country():
    first = clauses(
        "The Kenyan delegation, which consists of Minister Ana Quispe and Minister Tomas Varga,"
        " arrived."
    )[0]
    [ev] = first.events
    assert ev.rule == "delegation_members"
    assert [(m.name, m.country) for m in ev.objects] == [
        ("Ana Quispe", "KEN"),
        ("Tomas Varga", "KEN"),
    ]


# ---------------------------------------------------------------- predicates and clauses
def test_a_modal_carries_over_to_the_next_predicate():
    c = clause("Prime Minister Ana Quispe will visit Kenya and meet President Wanjiru Otieno.")
    assert [(e.rule, e.status, e.base_form) for e in c.events] == [
        ("visit_verb", "planned", True),
        ("meet", "planned", True),
    ]


def test_fronted_visit_and_bare_clause():
    c = clause("During his visit to Kenya, the minister met with President Wanjiru Otieno.")
    assert c.fronted is not None and c.fronted.rule == "during_visit"
    assert places(c.fronted.destinations) == [("KEN", None)]
    assert [e.rule for e in c.events] == ["meet"]
    bare = clause("Also met with President Kofi Mensah on Monday.")
    assert bare.rule == "bare_clause" and bare.subject == []


def test_a_fronted_arrival_is_the_subject_s_first_event():
    c = clause("After arriving in Oslo on Monday, she met King Olav.")
    assert c.fronted is None and [e.rule for e in c.events] == ["arrival", "meet"]


def test_fronted_place():
    c = clause("In Nairobi, the two leaders held talks.")
    assert c.fronted is not None and c.fronted.rule == "fronted_place"
    assert places(c.fronted.places) == [("KEN", "Nairobi")]
    assert c.subject[0].rule == "group" and c.subject[0].titles == ["leaders"]


@pytest.mark.parametrize(
    "text,subject,rule,objects",
    [
        (  # hosted_in_honour
            "A state dinner hosted by President Kofi Mensah in honour of Prime Minister Ana Quispe"
            " was held in Accra.",
            ["Kofi Mensah"],
            "receive",
            ["Ana Quispe"],
        ),
        (  # accompanying
            "Accompanying the President on his visit to Ghana are Minister Ana Quispe and"
            " Minister Tomas Varga.",
            [None],
            "accompanied",
            ["Ana Quispe", "Tomas Varga"],
        ),
    ],
)
def test_sentence_shapes_that_are_clauses_of_their_own(text, subject, rule, objects):
    [c] = [c for c in clauses(text) if c.rule == "clause"]
    assert [m.name for m in c.subject] == subject
    [ev] = c.events
    assert ev.rule == rule and [m.name for m in ev.objects] == objects


def test_talks_of_and_visit_from():
    text = "The accord was signed by Ana Quispe and Tomas Varga during their talks in Lima."
    c = clauses(text)[-1]
    assert [m.name for m in c.subject] == ["Ana Quispe", "Tomas Varga"]
    assert c.events[0].rule == "meet" and places(c.events[0].places) == [("PER", "Lima")]
    [visit] = clause("Peru had a visit from Foreign Minister Tomas Varga.").events
    assert visit.rule == "visit_by" and places(visit.destinations) == [("PER", None)]
    assert visit.carrier is not None and visit.carrier.name == "Tomas Varga"


def test_event_ends_visit_dates_the_visit_s_last_day():
    [ev] = clause("A state banquet on Friday concluded the President's visit.").events
    assert ev.rule == "visit_poss" and ev.lemma == "end"
    assert [d.text for d in ev.dates] == ["on Friday"]


def test_a_plural_without_an_office_gives_only_the_countries():
    """ "officials", "leaders" (function words, no office): the names keep their countries and
    take no office; never a crash."""
    people = clause(
        "The officials of Peru and Chile, Ana Soto and Luis Vega, met Kofi Mensah."
    ).subject
    assert [(m.name, m.titles, m.country) for m in people] == [
        ("Ana Soto", [], "PER"),
        ("Luis Vega", [], "CHL"),
    ]
