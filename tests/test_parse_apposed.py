"""Offices joined by "and" before ", NAME" (parse/people.py `_split_offices`) and the appositive of a
visitor after "visit by/of" (grammar `apposed`), on sentences of our own."""

from __future__ import annotations

from visitparse.converter.parse.facts import Mention

from .test_parse_transformer import clause, clauses


def _people(ms: list[Mention]) -> list[tuple[str | None, list[str], str | None]]:
    return [(m.name, m.titles, m.country) for m in ms]


def test_offices_joined_by_and_before_a_name_are_that_person_s():
    cl = clause("The State Councillor and Foreign Minister of Norway, Jan Berg, arrived in Lima.")
    assert _people(cl.subject) == [("Jan Berg", ["State Councillor", "Foreign Minister"], "NOR")]


def test_offices_joined_by_and_without_a_name_are_two_people():
    [ev] = clause("President Luis Ruiz met the king and queen of Norway.").events
    assert _people(ev.objects) == [(None, ["king"], "NOR"), (None, ["queen"], "NOR")]


def test_as_many_names_as_offices_take_one_each_in_order():
    cl = clause("The President and Vice President of Ghana, Kofi Mensah and Ama Owusu, arrived.")
    assert _people(cl.subject) == [
        ("Kofi Mensah", ["President"], "GHA"),
        ("Ama Owusu", ["Vice President"], "GHA"),
    ]


def test_a_name_closed_by_its_comma_before_and_holds_both_offices():
    [ev] = clause(
        "President Luis Ruiz met the Deputy Prime Minister and Minister of Trade of Chile, "
        "Ana Soto, and Jan Berg."
    ).events
    assert _people(ev.objects)[0] == (
        "Ana Soto",
        ["Deputy Prime Minister", "Minister of Trade"],
        "CHL",
    )


def test_visit_by_takes_the_office_after_the_name():
    [cl] = clauses(
        "The talks came after the visit by Ana Soto, Speaker of the Senate of Chile, to Peru."
    )
    [ev] = cl.events
    assert ev.rule == "visit_by" and ev.carrier is not None
    assert (ev.carrier.name, ev.carrier.titles, ev.carrier.country) == (
        "Ana Soto",
        ["Speaker of the Senate"],
        "CHL",
    )
    assert [p.country for p in ev.places] == ["PER"]  # "to Peru": the visit goes on after it


def test_visit_of_takes_the_name_after_the_office():
    cl = clauses(
        "Officials praised a trip of the Peruvian foreign secretary, Luis Vega, to Chile."
    )[-1]
    [ev] = cl.events
    assert ev.carrier is not None
    assert (ev.carrier.name, ev.carrier.titles, ev.carrier.country) == (
        "Luis Vega",
        ["foreign secretary"],
        "PER",
    )


def test_a_titled_name_after_the_visit_is_the_next_clause_s_subject():
    first, second = clauses(
        "After the visit by Ana Soto, President Luis Ruiz met Trade Minister Jan Berg."
    )
    assert first.events[0].carrier is not None and first.events[0].carrier.titles == []
    assert _people(second.subject) == [("Luis Ruiz", ["President"], None)]
