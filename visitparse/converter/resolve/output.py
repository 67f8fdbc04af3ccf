"""The report from the resolved state: the people it is about, renumbered, and their records."""

from __future__ import annotations

from typing import cast

from ... import schema
from .records import VisitRec
from .state import ReportState


def to_report(state: ReportState, document: schema.Document) -> schema.Report:
    """The `Report` of `state` once the passes have run: a visit home is no visit; a name that takes
    part in nothing is dropped (`drop_idle_names`); ids are p1, p2, ... in first-mention order."""
    visits = [v for v in state.visits if v.visitor.country != v.host]
    drop_idle_names(state, visits)
    state.rename_ids(state.people.renumber())
    return schema.Report(
        document=document,
        people=[
            schema.Person(
                id=e.id,
                name=e.name,
                title=(written := e.written_titles())[0],
                other_titles=written[1],
                country=e.country,
                country_source=e.country_rule
                if e.country and (e.country_rule or "").startswith("knowledge:")
                else None,
                mentions=[state.span(s, t, r) for (s, t), r in sorted(e.mentions.items())],
            )
            for e in state.people.entities
        ],
        organizations=list(state.orgs.values()),
        visits=[
            schema.Visit(
                visitor=v.visitor.id,
                host_country=v.host,
                start_date=v.start_date,
                end_date=v.end_date,
                date_text=v.date_text,
                places=v.places,
                status=cast(schema.Status, v.status),
                evidence=state.span(v.start, v.end, v.rule),
            )
            for v in visits
        ],
        meetings=[
            schema.Meeting(
                participants=[p.id for p in m.participants],
                date=m.date,
                place=m.place,
                status=cast(schema.Status, m.status),
                evidence=state.span(m.start, m.end, m.rule),
            )
            for m in state.meetings
        ],
        messages=state.messages,
        statements=state.statements,
        agreements=state.agreements,
    )


def drop_idle_names(state: ReportState, visits: list[VisitRec]) -> None:
    """A name with no office that takes part in nothing ("Reflecting on his visit, ...", a region
    read as a name) is no one the report is about."""
    used = {id(v.visitor) for v in visits} | {id(p) for m in state.meetings for p in m.participants}
    ids = {
        pid for msg in state.messages for pid in [*msg.senders, *msg.recipients, msg.carrier] if pid
    }
    ids |= {pid for st in state.statements for pid in st.speakers} | {
        pid for a in state.agreements for pid in a.parties
    }
    state.people.entities = [
        e
        for e in state.people.entities
        if e.title or e.other_titles or id(e) in used or e.id in ids
    ]
