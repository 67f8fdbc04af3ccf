"""`visitparse explain`: which rules matched each sentence, what they gave, and what no rule
covered.

This is how a user finds the phrasing to add next: a sentence whose trigger words ("met",
"visit", "received") sit outside every parsed clause is a gap in the grammar or the lexicon.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lark import Tree

from . import convert
from .parse.timex import TimeExpr, find
from .resolve.dates import resolve
from .vocabulary import CLAUSE_TRIGGERS

# Terminals that name an event: outside every clause, they mark a sentence no rule understood.
TRIGGERS = CLAUSE_TRIGGERS
# The rules worth naming in a trace: the events and clause shapes of grammar/clauses.lark.
SHOWN = frozenset(
    (
        "clause",
        "bare_clause",
        "during_visit",
        "during_meeting",
        "fronted_date",
        "visit_verb",
        "visit_noun",
        "visit_end",
        "arrival",
        "meet",
        "receive",
        "received_by",
        "call_on",
        "convey",
        "convey_own",
        "ask_convey",
        "say",
        "agree",
        "delegation",
        "visit_poss",
        "visit_by",
        "taken_to",
        "departure",
        "meeting_noun",
        "office",
        "fronted_place",
        "accompanied",
        "accompanying",
        "receive_letter",
        "delegation_members",
        "left_after_visit",
    )
)


def _rules(tree: Tree) -> list[str]:
    return [str(t.data) for t in tree.iter_subtrees_topdown() if t.data in SHOWN]


def _date(expr: TimeExpr, dct: dt.date | None) -> dict:
    start, end = resolve(expr, dct)
    return {
        "text": expr.text,
        "start": expr.start,
        "end": expr.end,
        "rule": expr.rule,
        "value": [d.isoformat() if d else None for d in (start, end)],
    }


def explain(
    text: str,
    *,
    publication_date: dt.date | None = None,
    lexicon: str | Path | None = None,
    knowledge: bool = True,
) -> dict:
    """The trace of one conversion: per sentence, its tokens, clauses and uncovered triggers; then
    the facts."""
    sentences: list[dict] = []

    def on_sentence(start: int, end: int, tokens: list, islands: list) -> None:
        inside = {k for isl in islands for k in range(isl.start, isl.end)}
        sentences.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "tokens": " ".join(t.type if t.type != "W" else "." for t in tokens),
                "clauses": [
                    {
                        "rules": _rules(isl.tree),
                        "start": tokens[isl.start].start_pos,
                        "end": tokens[isl.end - 1].end_pos,
                        "text": text[tokens[isl.start].start_pos : tokens[isl.end - 1].end_pos],
                    }
                    for isl in islands
                ],
                "uncovered_triggers": [
                    str(t) for k, t in enumerate(tokens) if t.type in TRIGGERS and k not in inside
                ],
                "dates": [t.data for t in tokens if t.type == "DATE"],
            }
        )

    report = convert(
        text,
        publication_date=publication_date,
        lexicon=lexicon,
        on_sentence=on_sentence,
        knowledge=knowledge,
    )
    dct = report.document.publication_date
    for s in sentences:  # resolved once the publication date is known
        s["dates"] = [_date(e, dct) if isinstance(e, TimeExpr) else e for e in s["dates"]]
    facts = []
    for kind in ("visits", "meetings", "messages", "statements", "agreements"):
        for record in getattr(report, kind):
            facts.append(
                {"kind": kind, "rule": record.evidence.rule, "evidence": record.evidence.text}
            )
    known = [
        {"name": p.name, "country": p.country, "source": p.country_source}
        for p in report.people
        if p.country_source
    ]
    names = {p.id: p.name for p in report.people}
    visits = [
        {
            "visitor": names.get(v.visitor),
            "host": v.host_country,
            "start": _iso(v.start_date),
            "end": _iso(v.end_date),
            "anchors": _anchors(v),
            "rule": v.evidence.rule,
            "evidence": v.evidence.text,
        }
        for v in report.visits
    ]
    return {"sentences": sentences, "facts": facts, "knowledge": known, "visits": visits}


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _anchors(v) -> dict:
    """Which expression fixed each end of a visit, and how: its date expression and the rule that
    read it, the other end of a range, a stated duration or the one-day reading."""
    if v.start_date is None and v.end_date is None:
        return {}
    exprs = find(v.date_text) if v.date_text else []
    said = f"{v.date_text!r} ({exprs[0].rule})" if exprs else "a date told with the visit"
    if v.start_date and v.end_date and exprs and exprs[0].last is not None:
        return {"start": said, "end": f"{said}, its end"}
    if v.start_date and v.end_date == v.start_date:
        return {"start": said, "end": "the same day (a visit told on one day)"}
    out = {}
    if v.start_date:
        out["start"] = (
            said if v.evidence.rule not in ("visit_end",) else "the end less the stated duration"
        )
    if v.end_date:
        out["end"] = (
            said
            if v.evidence.rule == "visit_end" or not v.start_date
            else "the start plus the stated duration"
        )
    return out
