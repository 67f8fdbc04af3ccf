"""The resolve stage's whole-report passes (resolve/passes.py): each gives its fact, and the report
read without it (the pass left out of RESOLVE_PASSES; a pass written twice, both times where the
case says so) does not have it. The reports are short ones written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from visitparse import convert, schema
from visitparse.converter.resolve import RESOLVE_PASSES, ReportBuilder, ResolvePass, assemble

PUBLISHED = "2019-03-06"  # a Wednesday


def _people(report: schema.Report) -> dict[str, schema.Person]:
    """Name (or title, for an unnamed office holder) -> the person."""
    return {p.name or p.title or p.id: p for p in report.people}


def _country(report: schema.Report, name: str) -> str | None:
    person = _people(report).get(name)
    return person.country if person else None


def _visits(report: schema.Report) -> set[tuple]:
    """(visitor, host country, start, end, places, evidence rule) of each visit."""
    names = {p.id: p.name or p.title for p in report.people}
    return {
        (
            names[v.visitor],
            v.host_country,
            str(v.start_date) if v.start_date else None,
            str(v.end_date) if v.end_date else None,
            tuple(v.places),
            v.evidence.rule,
        )
        for v in report.visits
    }


def _hosts(report: schema.Report) -> set[tuple[str, str]]:
    names = {p.id: p.name or p.title for p in report.people}
    return {(names[v.visitor] or "", v.host_country) for v in report.visits}


@dataclass
class Case:
    passes: tuple[str, ...]  # the passes left out to lose the fact
    text: str
    fact: Callable[[schema.Report], object]  # what the case looks at
    expected: object  # with every pass
    without: object  # with `passes` left out
    publication_date: str = PUBLISHED
    knowledge: bool = False


CASES = [
    Case(
        ("merge people", "merge people again"),
        "Chinese premier arrives in Hanoi. Chinese Premier Wen Jiabao arrived in Hanoi on Monday "
        "for a two-day official visit.",
        lambda r: sorted(p.name or p.title or "" for p in r.people),
        ["Wen Jiabao"],
        ["Wen Jiabao", "premier"],
    ),
    Case(
        ("merge people again",),
        # the unnamed president visits Japan only once "infer visits" has read the meeting
        "The Russian President met Japanese Prime Minister Shinzo Abe in Tokyo on Monday. "
        "Vladimir Putin arrived in Tokyo on Sunday.",
        lambda r: sorted(p.name or p.title or "" for p in r.people),
        ["Shinzo Abe", "Vladimir Putin"],
        ["President", "Shinzo Abe", "Vladimir Putin"],
    ),
    Case(
        ("knowledge",),
        "President Barack Obama welcomed the new trade figures on Tuesday, a spokesman said.",
        lambda r: (_country(r, "Barack Obama"), _people(r)["Barack Obama"].country_source),
        ("USA", "knowledge:factbook"),
        (None, None),
        publication_date="2014-05-01",
        knowledge=True,
    ),
    Case(
        ("dateline hosts",),
        # the king is Jordan's before the visits are inferred: a guest hosted, not a meeting
        # placed by the dateline alone
        "AMMAN - King Tamir received visiting Indian Foreign Minister Rajan Mehta on Sunday.",
        _visits,
        {("Rajan Mehta", "JOR", None, None, (), "hosted:receive")},
        {("Rajan Mehta", "JOR", None, None, (), "dateline_meeting:receive")},
    ),
    Case(
        ("infer countries", "infer countries again"),
        "Kenyan President Daniel Moyo arrived in Lima on Monday, accompanied by Foreign Minister "
        "Grace Otieno.",
        lambda r: _country(r, "Grace Otieno"),
        "KEN",
        None,
    ),
    Case(
        ("infer countries", "infer countries again"),
        "Ambassador to Nepal Ravi Kumar called on Prime Minister Hari Thapa on Monday.",
        lambda r: (_country(r, "Hari Thapa"), _country(r, "Ravi Kumar")),
        ("NPL", None),
        (None, None),
    ),
    Case(
        ("infer countries again",),
        # the visit to Peru is found by "infer visits"; a spokesman is no main host official
        "Peruvian Prime Minister Rosa Campos received Kenyan President Daniel Moyo on Monday. "
        "Moyo also met spokesman Luis Ortega.",
        lambda r: _country(r, "Luis Ortega"),
        "PER",
        None,
    ),
    Case(
        ("counterparts",),
        "Her Peruvian counterpart Luis Ortega received Kenyan Foreign Minister Grace Otieno in "
        "Lima on Monday.",
        lambda r: _people(r)["Luis Ortega"].title,
        "Foreign Minister",
        "counterpart",
    ),
    Case(
        ("family names",),
        "Kenyan President Daniel Moyo arrived in Lima on Monday. First Lady Alice Moyo opened a "
        "clinic on Tuesday.",
        lambda r: _country(r, "Alice Moyo"),
        "KEN",
        "PER",  # the weaker "main host officials" guess
    ),
    Case(
        ("infer visits", "infer visits again"),
        "Peruvian Prime Minister Rosa Campos received Kenyan President Daniel Moyo in Lima on "
        "Monday.",
        _visits,
        {("Daniel Moyo", "PER", None, None, ("Lima",), "meeting_place:receive")},
        set(),
    ),
    Case(
        ("infer visits again",),
        # his country comes from the dateline, after the first "infer visits"
        "SINGAPORE - Prime Minister Tan Wei met Chinese Premier Li Ming in Beijing on Monday.",
        _hosts,
        {("Tan Wei", "CHN")},
        set(),
    ),
    Case(
        ("dateline countries",),
        "SINGAPORE - Prime Minister Tan Wei met Chinese Premier Li Ming in Beijing on Monday.",
        lambda r: _country(r, "Tan Wei"),
        "SGP",
        None,
    ),
    Case(
        ("main host officials",),
        "Chinese Foreign Minister Wang Lei arrived in Belgrade on Monday. Finance Minister Milan "
        "Petrovic attended the dinner.",
        lambda r: _country(r, "Milan Petrovic"),
        "SRB",
        None,
    ),
    Case(
        ("hosts of visits told without one",),
        "Kenyan Foreign Minister Grace Otieno held talks with Peruvian President Luis Ortega on "
        "Monday, on the final day of the minister's visit.",
        _visits,
        {("Grace Otieno", "PER", None, None, (), "visit_poss:met")},
        set(),
    ),
    Case(
        ("placed at events abroad",),
        "Peruvian President Luis Ortega attended the regional summit in Nairobi on Sunday.",
        _visits,
        {("Luis Ortega", "KEN", None, None, ("Nairobi",), "placed_at_event")},
        set(),
    ),
    Case(
        ("earlier stops",),
        "Kenyan President Daniel Moyo arrived in Lima from Quito on Monday.",
        _hosts,
        {("Daniel Moyo", "PER"), ("Daniel Moyo", "ECU")},
        {("Daniel Moyo", "PER")},
    ),
    Case(
        ("visit places",),
        "Kenyan President Daniel Moyo arrived in Astana on Monday. On Tuesday he met the mayor of "
        "Shymkent.",
        lambda r: r.visits[0].places,
        ["Astana", "Shymkent"],
        ["Astana"],
    ),
    Case(
        ("lengths told apart",),
        # the length comes before the visit it is the length of
        "Kenyan President Daniel Moyo will meet the mayor during his two-day stay. Moyo arrived "
        "in Lima on Monday.",
        lambda r: (r.visits[0].start_date, r.visits[0].end_date),
        (dt.date(2019, 3, 4), dt.date(2019, 3, 5)),
        (dt.date(2019, 3, 4), None),
    ),
    Case(
        ("arrival days told apart",),
        "Kenyan President Daniel Moyo began a state visit to Peru. He arrived on Monday evening.",
        lambda r: (r.visits[0].start_date, r.visits[0].end_date),
        (dt.date(2019, 3, 4), None),
        (None, None),
    ),
    Case(
        ("departure days told apart",),
        "Peruvian President Luis Ortega received Kenyan President Daniel Moyo in Lima on Monday. "
        "Moyo departed Lima on Monday evening.",
        lambda r: (r.visits[0].start_date, r.visits[0].end_date),
        (dt.date(2019, 3, 4), dt.date(2019, 3, 4)),
        (None, None),
    ),
    Case(
        ("arrivals told now",),
        "Kenyan President Daniel Moyo has arrived in Lima on a two-day visit.",
        lambda r: (r.visits[0].start_date, r.visits[0].end_date),
        (dt.date(2019, 3, 6), dt.date(2019, 3, 7)),
        (None, None),
    ),
    Case(
        ("one-day visits dated by meetings",),
        "Kenyan President Daniel Moyo paid a one-day visit to Peru. He held talks with Peruvian "
        "President Luis Ortega in Lima on Monday.",
        lambda r: (r.visits[0].start_date, r.visits[0].end_date),
        (dt.date(2019, 3, 4), dt.date(2019, 3, 4)),
        (None, None),
    ),
    Case(
        ("one-day visits",),
        # "visited Peru on Friday" is no one-day visit: he was there on Thursday too
        "Kenyan President Daniel Moyo visited Peru on Friday. He held talks with Peruvian "
        "President Luis Ortega in Lima on Thursday.",
        lambda r: (r.visits[0].start_date, r.visits[0].end_date),
        (None, None),
        (dt.date(2019, 3, 1), dt.date(2019, 3, 1)),  # the Friday before publication
    ),
]


def _convert(case: Case, passes: tuple[ResolvePass, ...], monkeypatch) -> schema.Report:
    monkeypatch.setattr(assemble.ReportBuilder, "passes", passes)
    return convert(case.text, publication_date=case.publication_date, knowledge=case.knowledge)


@pytest.mark.parametrize("case", CASES, ids=[f"{'+'.join(c.passes)}:{c.text[:30]}" for c in CASES])
def test_the_pass_gives_its_fact(case, monkeypatch):
    names = {p.name for p in RESOLVE_PASSES}
    assert set(case.passes) <= names, case.passes
    assert case.fact(_convert(case, RESOLVE_PASSES, monkeypatch)) == case.expected
    without = tuple(p for p in RESOLVE_PASSES if p.name not in case.passes)
    assert case.fact(_convert(case, without, monkeypatch)) == case.without


def test_every_pass_has_a_case():
    assert {p.name for p in RESOLVE_PASSES} == {name for c in CASES for name in c.passes}


def test_the_passes_in_order_each_with_its_reason():
    assert [p.name for p in RESOLVE_PASSES] == [
        "merge people",
        "knowledge",
        "dateline hosts",
        "infer countries",
        "counterparts",
        "family names",
        "infer visits",
        "infer countries again",
        "merge people again",
        "dateline countries",
        "infer visits again",
        "main host officials",
        "hosts of visits told without one",
        "placed at events abroad",
        "earlier stops",
        "visit places",
        "lengths told apart",
        "arrival days told apart",
        "departure days told apart",
        "arrivals told now",
        "one-day visits dated by meetings",
        "one-day visits",
    ]
    assert all(p.reason and callable(p.run) for p in RESOLVE_PASSES)
    # a repeat runs the very rule it repeats
    by_name = {p.name: p.run for p in RESOLVE_PASSES}
    for name in ("merge people", "infer countries", "infer visits"):
        assert by_name[name + " again"] is by_name[name]


def test_the_builder_runs_the_passes_it_is_given(monkeypatch):
    assert assemble.ReportBuilder is ReportBuilder
    assert ReportBuilder.passes == RESOLVE_PASSES
    ran: list[str] = []
    traced = tuple(
        ResolvePass(p.name, lambda s, p=p: (ran.append(p.name), p.run(s))[-1], p.reason)
        for p in RESOLVE_PASSES
    )
    monkeypatch.setattr(ReportBuilder, "passes", traced)
    convert("Kenyan President Daniel Moyo arrived in Lima on Monday.", publication_date=PUBLISHED)
    assert ran == [p.name for p in RESOLVE_PASSES]
