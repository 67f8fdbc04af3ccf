"""The user's seed report: the facts issue "visitparse 1.0" promises, checked one by one."""

import datetime as dt

import pytest

from visitparse import convert

from .conftest import FIXTURES

SEED = FIXTURES / "seed_liu_guozhong_kazakhstan.txt"


@pytest.fixture(scope="module")
def report():
    return convert(SEED.read_text(encoding="utf-8"))


def person(report, name):
    return next(p for p in report.people if p.name == name)


def test_publication_date(report):
    assert report.document.publication_date == dt.date(2024, 5, 18)


def test_liu_guozhong(report):
    liu = person(report, "Liu Guozhong")
    assert (liu.title, liu.country) == ("Vice Premier", "CHN")
    assert liu.other_titles == [
        "member of the Political Bureau of the Communist Party of China Central Committee"
    ]


def test_one_completed_visit_wednesday_to_friday(report):
    [visit] = report.visits
    liu = person(report, "Liu Guozhong")
    assert (visit.visitor, visit.host_country, visit.status) == (liu.id, "KAZ", "completed")
    assert (visit.start_date, visit.end_date) == (dt.date(2024, 5, 15), dt.date(2024, 5, 17))


@pytest.mark.parametrize(
    "name,title",
    [
        ("Kassym-Jomart Tokayev", "President"),
        ("Olzhas Bektenov", "Prime Minister"),
        ("Serik Zhumangarin", "Deputy Prime Minister"),
    ],
)
def test_respectively_gives_one_meeting_each(report, name, title):
    liu, host = person(report, "Liu Guozhong"), person(report, name)
    assert (host.title, host.country) == (title, "KAZ")
    assert [liu.id, host.id] in [m.participants for m in report.meetings]


def test_unnamed_mayor_is_met_but_not_named(report):
    mayor = next(p for p in report.people if p.name is None)
    assert mayor.title.lower() == "mayor"
    assert any(mayor.id in m.participants for m in report.meetings)


def test_greetings_both_ways(report):
    ids = {p.name: p.id for p in report.people}
    xi_li, kz = (
        [ids["Xi Jinping"], ids["Li Qiang"]],
        [ids["Kassym-Jomart Tokayev"], ids["Olzhas Bektenov"]],
    )
    pairs = [(m.senders, m.carrier, m.recipients) for m in report.messages]
    assert (xi_li, ids["Liu Guozhong"], kz) in pairs
    assert (kz, ids["Liu Guozhong"], xi_li) in pairs
    assert all(m.kind == "greetings" for m in report.messages)


def test_statements_and_references(report):
    ids = {p.name: p.id for p in report.people}
    by_verb = {s.verb: s.speakers for s in report.statements}
    assert by_verb["noted"] == [ids["Liu Guozhong"]]  # "He noted"
    assert by_verb["stressed"] == [ids["Liu Guozhong"]]
    assert by_verb["added"] == [ids["Liu Guozhong"]]  # ", he added."
    assert by_verb["emphasized"] == [
        ids["Kassym-Jomart Tokayev"],
        ids["Olzhas Bektenov"],
    ]  # "The Kazakh leaders"


def test_consensus_and_organizations(report):
    assert [a.kind for a in report.agreements] == ["consensus"]
    assert "local cooperation" in report.agreements[0].subject
    assert {o.acronym or o.name for o in report.organizations} == {
        "SCO",
        "UN",
        "China-Central Asia mechanism",
    }
