"""The report's visits and meetings as CAMEO and PLOVER events.

A visit is a pair: the visitor makes it (CAMEO 042; PLOVER CONSULT, mode "visit", visitor = actor,
host = recipient) and the host country hosts it (CAMEO 043, no PLOVER record of its own). A planned
visit or meeting is an intent (CAMEO 036; PLOVER AGREE). A meeting with no visit between its
people is a consultation (040), in a third country 044 (PLOVER mode "third-party"), with more than
two countries PLOVER mode "multilateral". Cancelled ones are not events.
Codes: CAMEO 1.1b3 manual, section 04; PLOVER event and mode definitions (openeventdata/PLOVER).
"""

from __future__ import annotations

from ... import schema
from ...schema import HAPPENED


def _actor(person: schema.Person | None, country: str | None = None) -> schema.Actor:
    if person is None:
        return schema.Actor(country=country, sector="GOV")
    return schema.Actor(
        country=person.country or country,
        sector="GOV" if person.country else "IGO",
        person=person.id,
        name=person.name,
        title=person.title,
    )


def derive(report: schema.Report) -> list[schema.Event]:
    people = {p.id: p for p in report.people}
    events: list[schema.Event] = []

    def add(cameo, plover, mode, actor, recipient, date, enddate, source, evidence):
        events.append(
            schema.Event(
                id=f"e{len(events) + 1}",
                cameo=cameo,
                plover=plover,
                mode=mode,
                actor=actor,
                recipient=recipient,
                date=date,
                enddate=enddate,
                source=source,
                evidence=evidence,
            )
        )

    visiting = {(v.visitor, v.host_country) for v in report.visits if v.status in HAPPENED}
    for k, v in enumerate(report.visits):
        visitor = people.get(v.visitor)
        host = _host_person(report, people, v)
        if v.status in HAPPENED:
            add(
                "042",
                "CONSULT",
                "visit",
                _actor(visitor),
                _actor(host, v.host_country),
                v.start_date,
                v.end_date,
                f"visits/{k}",
                v.evidence,
            )
            add(
                "043",
                None,
                None,
                _actor(host, v.host_country),
                _actor(visitor),
                v.start_date,
                v.end_date,
                f"visits/{k}",
                v.evidence,
            )
        elif v.status == "planned":
            add(
                "036",
                "AGREE",
                None,
                _actor(visitor),
                _actor(host, v.host_country),
                v.start_date,
                v.end_date,
                f"visits/{k}",
                v.evidence,
            )
    for k, m in enumerate(report.meetings):
        members = [people[p] for p in m.participants if p in people]
        if len(members) < 2 or m.status == "cancelled":
            continue
        if m.status == "planned":
            add(
                "036",
                "AGREE",
                None,
                _actor(members[0]),
                _actor(members[1]),
                m.date,
                None,
                f"meetings/{k}",
                m.evidence,
            )
            continue
        countries = {p.country for p in members if p.country}
        if any((p.id, q.country) in visiting for p in members for q in members if q.country):
            continue  # a meeting on a visit: the visit's 042/043 pair says it
        place = _place_country(report, m)
        third = place is not None and place not in countries
        mode = "third-party" if third else "multilateral" if len(countries) > 2 else None
        add(
            "044" if third else "040",
            "CONSULT",
            mode,
            _actor(members[0]),
            _actor(members[1]),
            m.date,
            None,
            f"meetings/{k}",
            m.evidence,
        )
    return events


def _host_person(report, people, visit) -> schema.Person | None:
    """Someone of the host country the visitor met, to act for it."""
    for m in report.meetings:
        if visit.visitor in m.participants and m.status in HAPPENED:
            for pid in m.participants:
                p = people.get(pid)
                if p and p.country == visit.host_country:
                    return p
    return None


def _place_country(report, meeting) -> str | None:
    """The country of a meeting's place, when a visit of the report names it."""
    if not meeting.place:
        return None
    for v in report.visits:
        if meeting.place in v.places:
            return v.host_country
    return None
