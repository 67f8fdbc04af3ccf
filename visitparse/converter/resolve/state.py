"""What resolution knows of one report: its people and records, and the indexes kept beside them.

The clauses fill it (clauses.py), the passes finish it (passes.py), output.py turns it into the
report. Visits and meetings go in through `add_visit` and `add_meeting`, which keep the indexes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ... import schema
from ...schema import HAPPENED
from ..parse.facts import Place
from ..tag.lexicon import Lexicon, words
from .entity import Entity
from .knowledge import Knowledge
from .people import People
from .records import AnyPlace, MeetingRec, VisitRec


@dataclass(eq=False)
class ReportState:
    original: str  # the text as given: spans quote it
    clean: str  # the normalised text (same length): what is read
    lex: Lexicon
    dct: dt.date | None  # the publication date
    dateline: tuple[str, str | None] | None  # the dateline's (country, city), if known
    knowledge: Knowledge | None = None  # office holders and cities the text does not give
    people: People = field(default_factory=People)
    visits: list[VisitRec] = field(default_factory=list)
    meetings: list[MeetingRec] = field(default_factory=list)
    messages: list[schema.Message] = field(default_factory=list)
    statements: list[schema.Statement] = field(default_factory=list)
    agreements: list[schema.Agreement] = field(default_factory=list)
    # (principal, those who accompany them)
    companions: list[tuple[list[Entity], list[Entity]]] = field(default_factory=list)
    # "the minister's visit", no country: (visitor, span, sentence)
    hostless: list[tuple[Entity, int, int, tuple[int, int]]] = field(default_factory=list)
    # "during his three-day stay", no country and no visit yet to lend it to: (visitors, days)
    lengths: list[tuple[list[Entity], int]] = field(default_factory=list)
    # "She arrived on Monday evening", no place: (visitors, that day) for their one visit
    arrival_days: list[tuple[list[Entity], dt.date]] = field(default_factory=list)
    # "X departed Jeddah on Tuesday" before any visit of X is known: (visitors, that day)
    # and the countries of the cities left, if named
    departure_days: list[tuple[list[Entity], dt.date, set[str]]] = field(default_factory=list)
    # "has arrived in Lima" with no date: (visitor, host), dated by the report's day if nothing else
    arrived_now: list[tuple[Entity, str]] = field(default_factory=list)
    # "arrived in Lima from Quito": (visitor, Quito, span)
    origins: list[tuple[Entity, Place, int, int]] = field(default_factory=list)
    # at a summit or talks in a named city: (who, city, span)
    placed: list[tuple[Entity, AnyPlace, int, int]] = field(default_factory=list)
    # pairs of people one clause tells apart: the two sides of a meeting, the sender and the
    # recipient of greetings ("The Prime Minister met Prime Minister of Iraq X": not X)
    apart: set[frozenset[str]] = field(default_factory=set)
    orgs: dict[str, schema.Organization] = field(default_factory=dict)
    # (visitor, host, happened) -> the visit
    visit_index: dict[tuple, VisitRec] = field(default_factory=dict)
    hosts_of: dict[int, set[str]] = field(default_factory=dict)  # visitor -> the countries visited
    # (people, status) -> meetings
    meeting_index: dict[tuple, list[MeetingRec]] = field(default_factory=dict)
    _by_id: dict[str, Entity] | None = field(default=None, init=False, repr=False)

    def tell_apart(self, side: list[Entity], other: list[Entity]) -> None:
        self.apart.update(frozenset((a.id, b.id)) for a in side for b in other if a is not b)

    def span(self, start: int, end: int, rule: str | None) -> schema.Span:
        return schema.Span(start=start, end=end, text=self.original[start:end], rule=rule)

    def add_visit(self, v: VisitRec) -> None:
        """Record a visit; one record per visitor, host and whether it happened: later mentions
        fill it in."""
        key = (id(v.visitor), v.host, v.status in HAPPENED)
        old = self.visit_index.get(key)
        if old is not None:
            old.start_date = old.start_date or v.start_date
            old.end_date = old.end_date or v.end_date
            old.date_text = old.date_text or v.date_text
            old.duration = old.duration or v.duration
            old.places.extend(p for p in v.places if p not in old.places)
            old.one_day = old.one_day and v.start_date is None
            old.fill_from_duration()
            return
        v.fill_from_duration()
        v.visitor.is_visitor = True
        v.visitor.hosts.add(v.host)
        self.visit_index[key] = v
        self.hosts_of.setdefault(id(v.visitor), set()).add(v.host)
        self.visits.append(v)

    def add_meeting(self, new: MeetingRec) -> bool:
        """Record a meeting, unless it is one already known told again (headline and body, "the
        talks"): same people, status and day; then what the retelling adds (date, place) fills it.
        True when recorded."""
        key = (frozenset(map(id, new.participants)), new.status)
        for m in self.meeting_index.get(key, ()):
            if m.date is None or new.date is None or m.date == new.date:
                m.date = m.date or new.date
                if m.place is None:
                    m.place, m.place_country = new.place, new.place_country
                # "Chinese president meets US secretary" ... "met with visiting Secretary X": who is
                # whose guest
                if not m.guests:
                    m.guests, m.hosts = new.guests, new.hosts
                return False
        self.meetings.append(new)
        self.meeting_index.setdefault(key, []).append(new)
        return True

    def entity(self, pid: str) -> Entity | None:
        """The person of id `pid`."""
        if self._by_id is None or len(self._by_id) != len(self.people.entities):
            self._by_id = {e.id: e for e in self.people.entities}
        return self._by_id.get(pid)

    def meetings_of(self) -> dict[int, list[MeetingRec]]:
        """Person -> the meetings they took part in."""
        index: dict[int, list[MeetingRec]] = {}
        for m in self.meetings:
            for p in m.participants:
                index.setdefault(id(p), []).append(m)
        return index

    def cities(self, place: str | None) -> list[str]:
        """A visit's places from one named place: none when it is a seat of government ("the
        Kremlin")."""
        return [place] if place and not self.seat(place) else []

    def seat(self, place: str) -> bool:
        """ "the White House", "the Kremlin": where a government sits, not a city the visitor went
        to."""
        return words(place) in self.lex.seats

    def rename_ids(self, renamed: dict[str, str]) -> None:
        """Apply old id -> new id to the records that hold ids."""

        def ids(xs: list[str]) -> list[str]:
            return list(dict.fromkeys(renamed.get(x, x) for x in xs))

        for msg in self.messages:
            msg.senders, msg.recipients = ids(msg.senders), ids(msg.recipients)
            msg.carrier = renamed.get(msg.carrier, msg.carrier) if msg.carrier else None
        for st in self.statements:
            st.speakers = ids(st.speakers)
        for ag in self.agreements:
            ag.parties = ids(ag.parties)
