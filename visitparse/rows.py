"""A report as flat records: the rows of the tables that CSV and SQLite output hold, and PLOVER
event records.

The tables: one row per document, person, visit, meeting (and meeting participant), message,
statement, agreement and event, linked by stable ids (`doc_id`, and `person_id` / `visit_id` /
... within a document); a record that gave no report is a row of `errors`.
"""

from __future__ import annotations

import datetime as dt

from .schema import Report

# table -> columns, in order; the first columns make the key
TABLES: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id",
        "title",
        "publication_date",
        "dateline_place",
        "dateline_agency",
        "schema_version",
    ),
    "people": ("doc_id", "person_id", "name", "title", "other_titles", "country"),
    "visits": (
        "doc_id",
        "visit_id",
        "visitor_id",
        "host_country",
        "start_date",
        "end_date",
        "date_text",
        "places",
        "status",
        "evidence",
    ),
    "meetings": ("doc_id", "meeting_id", "date", "place", "status", "evidence"),
    "meeting_participants": ("doc_id", "meeting_id", "person_id"),
    "messages": ("doc_id", "message_id", "kind", "senders", "carrier_id", "recipients", "evidence"),
    "statements": ("doc_id", "statement_id", "speakers", "verb", "content"),
    "agreements": ("doc_id", "agreement_id", "parties", "kind", "subject"),
    "events": (
        "doc_id",
        "event_id",
        "cameo",
        "plover",
        "mode",
        "actor_country",
        "actor_id",
        "recipient_country",
        "recipient_id",
        "date",
        "enddate",
        "evidence",
    ),
    # one row per record that gave no report (no key: ids may repeat)
    "errors": ("doc_id", "type", "message"),
}
KEYS = {
    "documents": 1,
    "people": 2,
    "visits": 2,
    "meetings": 2,
    "meeting_participants": 3,
    "messages": 2,
    "statements": 2,
    "agreements": 2,
    "events": 2,
    "errors": 0,
}
INDEXES = [
    ("errors", "doc_id"),
    ("visits", "host_country"),
    ("visits", "start_date"),
    ("people", "country"),
    ("meetings", "date"),
    ("events", "date"),
    ("events", "actor_country"),
    ("events", "recipient_country"),
]


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _ids(xs: list[str]) -> str:
    return " ".join(xs)


def tables(doc_id: str, report: Report) -> dict[str, list[tuple]]:
    """The rows of one report, table by table."""
    d = report.document
    rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
    rows["documents"].append(
        (
            doc_id,
            d.title,
            _iso(d.publication_date),
            d.dateline.place if d.dateline else None,
            d.dateline.agency if d.dateline else None,
            report.schema_version,
        )
    )
    for p in report.people:
        rows["people"].append((doc_id, p.id, p.name, p.title, "; ".join(p.other_titles), p.country))
    for k, v in enumerate(report.visits, 1):
        rows["visits"].append(
            (
                doc_id,
                f"v{k}",
                v.visitor,
                v.host_country,
                _iso(v.start_date),
                _iso(v.end_date),
                v.date_text,
                "; ".join(v.places),
                v.status,
                v.evidence.text,
            )
        )
    for k, m in enumerate(report.meetings, 1):
        rows["meetings"].append((doc_id, f"m{k}", _iso(m.date), m.place, m.status, m.evidence.text))
        rows["meeting_participants"].extend((doc_id, f"m{k}", p) for p in m.participants)
    for k, g in enumerate(report.messages, 1):
        rows["messages"].append(
            (
                doc_id,
                f"g{k}",
                g.kind,
                _ids(g.senders),
                g.carrier,
                _ids(g.recipients),
                g.evidence.text,
            )
        )
    for k, s in enumerate(report.statements, 1):
        rows["statements"].append((doc_id, f"s{k}", _ids(s.speakers), s.verb, s.content))
    for k, a in enumerate(report.agreements, 1):
        rows["agreements"].append((doc_id, f"a{k}", _ids(a.parties), a.kind, a.subject))
    for e in report.events:
        r = e.recipient
        rows["events"].append(
            (
                doc_id,
                e.id,
                e.cameo,
                e.plover,
                e.mode,
                e.actor.country,
                e.actor.person,
                r.country if r else None,
                r.person if r else None,
                _iso(e.date),
                _iso(e.enddate),
                e.evidence.text,
            )
        )
    return rows


def plover_records(doc_id: str, report: Report, text: str | None) -> list[dict]:
    """PLOVER event records (CONSULT and AGREE) of one report, as the PLOVER data format has
    them."""
    out = []
    for e in report.events:
        if e.plover is None:
            continue
        r = e.recipient
        out.append(
            {
                "id": f"{doc_id}-{e.id}",
                "date": _iso(e.date),
                "enddate": _iso(e.enddate),
                "event": e.plover,
                "mode": e.mode,
                "context": None,
                "actor": e.actor.name or e.actor.country,
                "actor_country": e.actor.country,
                "actor_sector": e.actor.sector,
                "recipient": (r.name or r.country) if r else None,
                "recipient_country": r.country if r else None,
                "recipient_sector": r.sector if r else None,
                "cameo": e.cameo,
                "event_text": e.evidence.text,
                "text": text,
                "source": doc_id,
            }
        )
    return out
