"""Reading a report's clauses in order: where the reader is, and what every clause recorder asks of
it (the people a mention refers to, the dates of an event, the owner of "his visit")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..parse.facts import Event, Mention, Place
from ..parse.timex import TimeExpr
from ..tag.lexicon import words
from .dates import resolve
from .entity import Entity
from .state import ReportState

INDEFINITE = re.compile(r"an?\s", re.IGNORECASE)


class ClauseReading:
    """The cursor over the clauses of one report, over the `ReportState` they fill."""

    def __init__(self, state: ReportState) -> None:
        self.state = state
        self.sentence: tuple[int, int] = (0, 0)  # the sentence of the clause being read
        self.last_date: dt.date | None = None  # what "the following day" counts from
        # a sentence's opening date or place, for the clause the parser finds after it
        self.sentence_fronted: tuple[tuple[int, int] | None, Event | None] = (None, None)
        # a visit told mid-sentence, and its cities
        self.sentence_stay: tuple[tuple[int, int] | None, list[Place]] = (None, [])
        # the visitors of the visit told last in the sentence ("..., where she met Y": the visitor)
        self.sentence_visitors: tuple[tuple[int, int] | None, list[Entity]] = (None, [])
        self.previous_end: int | None = None  # where the previous island of the sentence ended

    def resolve_people(
        self, mentions: list[Mention], *, create: bool, rule: str, avoid: Sequence[Entity] = ()
    ) -> list[Entity]:
        """The people the mentions refer to (`People.resolve`), each once and none in `avoid`
        (the other side of the event). "Sultan Ibrahim and Prime Minister Anwar Ibrahim": the
        items of a list are different people."""
        out: list[Entity] = []
        for m in mentions:
            for e in self.state.people.resolve(m, create=create, rule=rule, avoid=[*avoid, *out]):
                self.note_gender(m, e)
                if e not in out:
                    out.append(e)
        return out

    def note_gender(self, m: Mention, e: Entity) -> None:
        """What the text says of a person's gender, for "she" and "he" later: a form of address
        just before the name ("Mrs", "Her Excellency") or an office that says it ("Queen", "First
        Lady")."""
        if e.gender is not None or m.rule not in ("titled", "named"):
            return
        lex = self.state.lex
        for title in m.titles:
            key = words(title)
            e.gender = lex.title_gender.get(key) or lex.title_gender.get(key[-1:])
            if e.gender:
                return
        if m.name_span:
            before = words(self.state.clean[max(0, m.name_span[0] - 30) : m.name_span[0]])
            e.gender = next(
                (g for n in (3, 2, 1) if (g := lex.honorific_gender.get(before[-n:]))), None
            )

    def date_range(
        self, exprs: list[TimeExpr], status: str
    ) -> tuple[dt.date | None, dt.date | None, TimeExpr | None]:
        """(start, end, expression) of the first of an event's time expressions; it becomes the
        date "the following day" counts from."""
        if not exprs:
            return None, None, None
        expr = exprs[0]
        # "on the second day of his visit": from the first day of the visit told last (looked up
        # only then)
        visit_start = (
            next((v.start_date for v in reversed(self.state.visits) if v.start_date), None)
            if expr.first is not None and expr.first.visit_day is not None
            else None
        )
        start, end = resolve(
            expr,
            self.state.dct,
            future=status == "planned",
            previous=self.last_date,
            visit_start=visit_start,
        )
        if end or start:
            self.last_date = end or start
        return start, end, expr

    def owner(self, ev: Event, *, create: bool) -> list[Entity]:
        """Whose visit "his visit", "X's visit" or "the visit by X" is; nobody's when the owner is
        indefinite ("the first visit by a Saudi minister since 2011")."""
        assert ev.carrier is not None
        if INDEFINITE.match(self.state.clean, ev.carrier.start):
            return []
        return self.resolve_people([ev.carrier], create=create, rule="owner")

    def continues_previous(self, start: int) -> bool:
        """Whether the island at `start` follows the previous one of the sentence with nothing
        between but commas and spaces."""
        return self.previous_end is not None and not self.state.clean[
            self.previous_end : start
        ].strip(" ,\n")

    def last_subject(self) -> list[Entity]:
        people = self.state.people
        return [people.last_subject] if people.last_subject else []
