"""Stage 7b: turn the clauses of a report into its records, then finish what needs the whole text.

`ReportBuilder.add_clause` reads one clause: it resolves the people (people.py), resolves dates
against the publication date (timex.py) and records visits, meetings, messages, statements and
agreements. `ReportBuilder.report` then infers what only the whole report tells: the country of
an office holder known only as "President X" (the host of the visitor they met), and visits
implied by a reception or a meeting in a named place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from ... import schema
from ...schema import HAPPENED
from ..parse.facts import Clause, Event, Mention, Place
from ..parse.timex import TimeExpr
from ..tag.lexicon import Lexicon, words
from .dates import resolve, resolve_atom
from .knowledge import Knowledge
from .people import Entity, People

VISIT_EVENTS = (
    "visit_verb",
    "visit_noun",
    "visit_end",
    "arrival",
    "during_visit",
    "visit_poss",
    "visit_by",
    "taken_to",
    "departure",
)
OWNED_VISITS = (
    "visit_poss",
    "visit_by",
)  # "his visit to Peru", "the visit by X to Peru": the owner visits
MEETING_EVENTS = (
    "meet",
    "receive",
    "receive_letter",
    "received_by",
    "call_on",
    "during_meeting",
    "meeting_noun",
)
NOT_VISITORS = frozenset(
    ("resident_diplomat", "spouse")
)  # office kinds (titles.tsv) of people met abroad who are not visiting
# Talks at a distance are not meetings (the corpus rule: phone and video calls are not meetings).
REMOTE = re.compile(
    r"\b(?:tele)?phone|\bvideo\b|\bvideoconference|\bvirtual(?:ly)?\b|\bonline\b", re.IGNORECASE
)
REMOTE_AFTER = re.compile(
    r"[\s,]*(?:via|by|over|through|in|on)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:(?:tele)?phone|video|videoconference|virtual)",
    re.IGNORECASE,
)  # "held talks with X via video link", "by telephone"
POSSESSIVE_AFTER = re.compile(r"['\u2019]s\b")
FOR_PURPOSE = re.compile(r"\bfor\s+$")  # "(flew to Cairo) for talks with X"
RECALLED = re.compile(
    r"\b(?:recall(?:ed|ing|s)?|remember(?:ed|ing|s)?|recollect(?:ed|ing)?)\b[^.;,]{0,12}$",
    re.IGNORECASE,
)
UPCOMING = re.compile(
    r"[^.;]{0,40}?\b(?:upcoming|forthcoming|planned|proposed|expected|scheduled|future|next|coming|"
    r"prospective|anticipated|impending)\b[^.;]{0,30}?\b(?:visit|trip|tour|stay)",
    re.IGNORECASE,
)
INDEFINITE = re.compile(r"an?\s", re.IGNORECASE)
SINCE = re.compile(
    r"\b(?:since|following|amid)\b[^.;,]{0,40}$", re.IGNORECASE
)  # "since / following X's visit to Kenya": background
FIRST_TO = re.compile(
    r"\b(?:first|second|third|latest|last|only|highest|most senior)\b[^.;]{0,60}$", re.IGNORECASE
)
# Who is the guest in a meeting event: the subject ("was received by", "called on") or the object.
GUEST_IS_SUBJECT = ("received_by", "call_on")
GUEST_IS_OBJECT = ("receive", "receive_letter")


@dataclass
class VisitRec:
    visitor: Entity
    host: str
    status: str
    start: int
    end: int
    rule: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    date_text: str | None = None
    places: list[str] = field(default_factory=list)
    duration: int | None = None
    one_day: bool = False  # its single date is the one-day reading of "visited X on Saturday"

    def fill_from_duration(self) -> None:
        """ "arrived on Monday" + "a three-day visit": the other end of the visit."""
        if self.duration and (self.start_date is None) != (self.end_date is None):
            span = dt.timedelta(days=self.duration - 1)
            if self.start_date:
                self.end_date = self.start_date + span
            else:
                self.start_date = self.end_date - span


@dataclass
class MeetingRec:
    participants: list[Entity]
    guests: list[Entity]
    hosts: list[Entity]
    status: str
    start: int
    end: int
    rule: str
    date: dt.date | None = None
    place: str | None = None
    place_country: str | None = None


class ReportBuilder:
    def __init__(
        self,
        original: str,
        clean: str,
        lex: Lexicon,
        dct: dt.date | None,
        dateline_place: str | None,
        knowledge: Knowledge | None = None,
    ):
        self.original, self.clean, self.lex, self.dct = original, clean, lex, dct
        self.knowledge = knowledge
        self.dateline = _place(lex, dateline_place)  # (country, name) or None
        self.people = People()
        self.visits: list[VisitRec] = []
        self.meetings: list[MeetingRec] = []
        self.messages: list[schema.Message] = []
        self.statements: list[schema.Statement] = []
        self.agreements: list[schema.Agreement] = []
        self.companions: list[
            tuple[list[Entity], list[Entity]]
        ] = []  # (principal, those who accompany them)
        self.hostless: list[
            tuple[Entity, int, int, tuple[int, int]]
        ] = []  # "the minister's visit", no country: (visitor, span, sentence)
        self.sentence: tuple[int, int] = (0, 0)  # the sentence of the clause being read
        self.origins: list[
            tuple[Entity, Place, int, int]
        ] = []  # "arrived in Lima from Quito": (visitor, Quito, span)
        self.placed: list[
            tuple[Entity, _Place | Place, int, int]
        ] = []  # at a summit or talks in a named city: (who, city, span)
        self.orgs: dict[str, schema.Organization] = {}
        self.last_date: dt.date | None = None
        self.sentence_fronted: tuple[tuple[int, int] | None, Event | None] = (None, None)
        self.sentence_stay: tuple[tuple[int, int] | None, list[Place]] = (
            None,
            [],
        )  # a visit told mid-sentence, and its cities
        self.previous_end: int | None = None  # where the previous island of the sentence ended
        self.visit_index: dict[tuple, VisitRec] = {}  # (visitor, host, happened) -> the visit
        self.hosts_of: dict[int, set[str]] = {}  # visitor -> the countries they visit
        self._by_id: dict[str, Entity] | None = None
        self.meeting_index: dict[tuple, list[MeetingRec]] = {}  # (people, status) -> meetings

    # ------------------------------------------------------------ helpers
    def span(self, start: int, end: int, rule: str | None) -> schema.Span:
        return schema.Span(start=start, end=end, text=self.original[start:end], rule=rule)

    def _resolve(self, mentions: list[Mention], *, create: bool, rule: str) -> list[Entity]:
        out: list[Entity] = []
        # "Sultan Ibrahim and Prime Minister Anwar Ibrahim": the items of a list are different
        # people
        for m in mentions:
            for e in self.people.resolve(m, create=create, rule=rule, avoid=out):
                self._note_gender(m, e)
                if e not in out:
                    out.append(e)
        return out

    def _note_gender(self, m: Mention, e: Entity) -> None:
        """What the text says of a person's gender, for "she" and "he" later: a form of address just
        before the name ("Mrs", "Her Excellency") or an office that says it ("Queen", "First Lady")."""
        if e.gender is not None or m.rule not in ("titled", "named"):
            return
        for title in m.titles:
            key = words(title)
            e.gender = self.lex.title_gender.get(key) or self.lex.title_gender.get(key[-1:])
            if e.gender:
                return
        if m.name_span:
            before = words(self.clean[max(0, m.name_span[0] - 30) : m.name_span[0]])
            e.gender = next(
                (g for n in (3, 2, 1) if (g := self.lex.honorific_gender.get(before[-n:]))), None
            )

    def _date(
        self, exprs: list[TimeExpr], status: str
    ) -> tuple[dt.date | None, dt.date | None, TimeExpr | None]:
        if not exprs:
            return None, None, None
        expr = exprs[0]
        # "on the second day of his visit": from the first day of the visit told last (looked up
        # only then)
        visit_start = (
            next((v.start_date for v in reversed(self.visits) if v.start_date), None)
            if expr.first is not None and expr.first.visit_day is not None
            else None
        )
        start, end = resolve(
            expr,
            self.dct,
            future=status == "planned",
            previous=self.last_date,
            visit_start=visit_start,
        )
        if end or start:
            self.last_date = end or start  # what "the following day" counts from
        return start, end, expr

    # ------------------------------------------------------------ clauses
    def add_people(self, mentions: list[Mention], *, sentence_initial: bool) -> None:
        """Person phrases outside any clause: they name people, they take part in nothing. One that
        opens a sentence is its subject, whatever the verb: "he" in the next sentence is likely them."""
        named: list[tuple[Mention, list[Entity]]] = []
        for m in mentions:  # one list: its items are different people
            if m.name:
                found = self.people.resolve(
                    m, create=False, rule="person", avoid=[e for _, es in named for e in es]
                )
                for e in found:
                    self._note_gender(m, e)
                named.append((m, found))
        for (_, first), (m, second) in zip(
            named, named[1:]
        ):  # "Minister X and his Hungarian counterpart Y"
            if first and second:
                _take_office_if_counterpart(m, second[0], first[0])
        people = [e for _, found in named for e in found]
        if sentence_initial:
            self.people.note_subject(people)

    def add_organization(self, name: str, acronym: str | None, start: int, end: int) -> None:
        org = self.orgs.setdefault(name, schema.Organization(name=name, acronym=acronym))
        org.mentions.append(self.span(start, end, "organization"))

    def add_clause(self, cl: Clause, sentence: tuple[int, int]) -> None:
        """One clause of the sentence spanning `sentence` (start, end)."""
        self.sentence = sentence
        if cl.subject:
            subject = self._resolve(cl.subject, create=True, rule="subject")
        elif cl.events and cl.events[0].rule in OWNED_VISITS:
            subject = (
                self._owner(cl.events[0], create=False)
                if cl.events[0].carrier
                else self._last_subject()
            )
        else:
            subject = (
                self._last_subject()
            )  # "..., reaching consensus on ...": the subject carries over
        fronted = cl.fronted
        if (
            fronted
            and not cl.events
            and fronted.rule in ("fronted_date", "fronted_place")
            and cl.start == sentence[0]
        ):
            # "On Wednesday, the King addressed Parliament and met X": the opening date (or place)
            # is the sentence's, for the clause the parser finds after it
            self.sentence_fronted = (sentence, fronted)
        elif fronted is None and cl.rule == "bare_clause" and self.sentence_fronted[0] == sentence:
            fronted = self.sentence_fronted[1]
        fronted_dates = fronted.dates if fronted else []
        if fronted and fronted.rule not in ("fronted_date", "fronted_place"):
            self._event(fronted, subject, cl, sentence, [])
            if (
                fronted.rule == "during_visit" and not cl.events
            ):  # "X, during his visit to New York, held a meeting ..."
                self.sentence_stay = (sentence, [p for p in fronted.destinations if p.name])
        modal = None
        for ev in cl.events:
            if (
                not ev.places
                and ev.rule in MEETING_EVENTS
                and cl.rule == "bare_clause"
                and self.sentence_stay[0] == sentence
            ):  # ... the meeting is where that visit was
                ev.places = list(self.sentence_stay[1])
            if (
                fronted and fronted.rule == "fronted_place" and not ev.places
            ):  # "In Pretoria, X and Y held talks"
                ev.places = list(fronted.places)
            if ev.status:
                modal = ev.status
            elif ev.base_form and modal:  # "will meet X and hold talks with Y": both planned
                ev.status = modal
            self._event(ev, subject, cl, sentence, fronted_dates)
        if subject and cl.subject:
            self.people.note_subject(subject)

    def _owner(self, ev: Event, *, create: bool) -> list[Entity]:
        """Whose visit "his visit", "X's visit" or "the visit by X" is; nobody's when the owner is
        indefinite ("the first visit by a Saudi minister since 2011")."""
        assert ev.carrier is not None
        if INDEFINITE.match(self.clean, ev.carrier.start):
            return []
        return self._resolve([ev.carrier], create=create, rule="owner")

    def _continues_previous(self, start: int) -> bool:
        return self.previous_end is not None and not self.clean[self.previous_end : start].strip(
            " ,\n"
        )

    def _last_subject(self) -> list[Entity]:
        return [self.people.last_subject] if self.people.last_subject else []

    def _event(
        self,
        ev: Event,
        subject: list[Entity],
        cl: Clause,
        sentence: tuple[int, int],
        extra_dates: list[TimeExpr],
    ) -> None:
        sentence_end = sentence[1]
        status = ev.status or ("ongoing" if ev.present else "completed")
        if (
            ev.base_form
            and not ev.status
            and not cl.subject
            and not FIRST_TO.search(self.clean, max(0, ev.start - 80), ev.start)
        ):
            # "accepted an invitation to visit China", "agreed to visit": not yet done; but
            # "the first Western delegation to visit Bucharest" did
            status = "planned"
        dates = ev.dates or extra_dates
        start = cl.start if cl.subject else ev.start
        if ev.rule in VISIT_EVENTS:
            self._visit(ev, subject, status, dates, start)
        elif ev.rule in MEETING_EVENTS:
            if ev.rule == "receive_letter":
                self._message(ev, subject, start)
            self._meeting(ev, subject if cl.subject else [], subject, status, dates, start)
        elif ev.rule in ("convey", "convey_own", "ask_convey"):
            self._message(ev, subject, start)
        elif (
            ev.rule == "office" and len(subject) == 1 and ev.carrier
        ):  # "X, who is also a member of ..."
            office = ev.carrier
            subject[0].add_titles(office.titles, office.title_kinds)
            if office.country and subject[0].country is None:
                subject[0].country, subject[0].country_rule = office.country, "explicit"
        elif ev.rule == "say" and (cl.subject or self._continues_previous(ev.start)):
            # a "said" with no subject of its own belongs to the clause just before it, if any
            # ("During his meeting with X, Szijjarto praised ..."), else to no one ("..., a report
            # stated")
            self._statement(ev, subject, cl, sentence)
        elif ev.rule == "accompanied":  # who travels with whom: settled with the other countries
            self.companions.append(
                (subject, self._resolve(ev.objects, create=True, rule="companion"))
            )
        elif (
            ev.rule == "delegation_members"
        ):  # "The Kenyan delegation comprises A and B": the principal's companions
            self.companions.append(
                (self._last_subject(), self._resolve(ev.objects, create=True, rule="member"))
            )
        elif ev.rule == "agree":
            # "met with X, reaching consensus on ...": the meeting's people agreed
            last = (
                self.meetings[-1]
                if self.meetings
                and self.meetings[-1].end <= ev.start
                and self.meetings[-1].start >= cl.start
                else None
            )
            parties = last.participants if last else subject or self.people.last_group
            text = self.clean[ev.trigger_end : sentence_end].strip(" .,;:")
            self.agreements.append(
                schema.Agreement(
                    parties=[e.id for e in parties],
                    kind=ev.lemma or "agreement",
                    subject=text or None,
                    evidence=self.span(start, sentence_end, ev.rule),
                )
            )

    def _visit(
        self, ev: Event, subject: list[Entity], status: str, dates: list[TimeExpr], start: int
    ) -> None:
        if ev.rule in OWNED_VISITS and (
            SINCE.search(self.clean, max(0, ev.start - 50), ev.start)
            or RECALLED.search(self.clean, max(0, ev.start - 30), ev.start)
        ):
            # a past visit a period is counted from, or one recalled: background, not the news
            return
        if ev.rule in OWNED_VISITS and status in HAPPENED and UPCOMING.match(self.clean, ev.start):
            status = "planned"  # "his upcoming visit to Peru", "the planned visit of X"
        if len(ev.legs) > 1 and any(leg_dates for _, leg_dates in ev.legs):
            # "visited Peru on June 10-12 and Chile on June 13-14": each leg its own visit and dates
            for places, leg_dates in ev.legs:
                leg = dataclasses.replace(ev, destinations=places, legs=[])
                self._visit(leg, subject, status, leg_dates or dates, start)
            return
        for origin in (
            ev.origins
        ):  # "arrived in Lima from Quito": perhaps an earlier stop, once countries are known
            self.origins.extend((visitor, origin, start, ev.end) for visitor in subject)
        for came_from in (
            ev.came_from
        ):  # "arrived from Saudi Arabia, where he had talks": a visit before this one
            for visitor in subject:
                self._add_visit(
                    VisitRec(
                        visitor,
                        came_from.country,
                        "completed",
                        start,
                        ev.end,
                        "came_from",
                        places=[came_from.name] if came_from.name else [],
                    )
                )
        places = list(ev.places)
        if ev.here and self.dateline:
            places.append(_Place(*self.dateline))
        hosts = list(dict.fromkeys(p.country for p in ev.destinations)) or [
            p.country for p in places[:1]
        ]
        if not hosts and ev.rule == "during_visit" and ev.duration:
            # "wrapped up his visit to Brazil on Wednesday. During the three-day visit, ...": its
            # length
            v = next(
                (v for v in reversed(self.visits) if v.visitor in subject and v.status == status),
                None,
            )
            if v is not None:
                v.duration = v.duration or ev.duration
                v.fill_from_duration()
        if not hosts and dates and (ev.rule == "visit_end" or ev.lemma == "end"):
            # "Minister Ruiz left Thursday.", "A banquet on Friday concluded the President's visit":
            # the
            # visit told before (of this visitor, or the last one told) ends that day
            v = next(
                (v for v in reversed(self.visits) if v.visitor in subject and v.status == status),
                None,
            ) or next(
                (v for v in reversed(self.visits) if v.status == status and not subject), None
            )
            d1, d2, expr = self._date(dates, status)
            last = d2 or d1
            if (
                v is not None
                and v.start_date
                and last
                and last < v.start_date
                and expr
                and expr.first
                and expr.first.weekday is not None
            ):
                last = resolve_atom(
                    expr.first, self.dct, after=v.start_date
                )  # "arrived Tuesday ... left Thursday": that Thursday
            if (
                v is not None
                and v.end_date is None
                and last
                and (v.start_date is None or last >= v.start_date)
                and not (self.dct and last > self.dct and status in HAPPENED)
            ):
                v.end_date = last
                v.fill_from_duration()
        if not hosts:
            if (
                ev.rule in OWNED_VISITS and status in HAPPENED
            ):  # "on the final day of the minister's visit": a host from those met
                self.hostless.extend((visitor, start, ev.end, self.sentence) for visitor in subject)
            return
        d1, d2, expr = self._date(dates, status)
        if (
            d1
            and d2 is None
            and (ev.rule == "visit_end" or ev.rule in OWNED_VISITS and ev.lemma == "end")
        ):
            # "concluded a two-day visit on Tuesday", "the visit paid by X wrapped up today"
            d1, d2 = None, d1
        one_day = (
            d1
            and d2 is None
            and _dated_by_one_day(ev)
            and not ev.base_form
            and not ev.duration
            and status in HAPPENED
            and len(hosts) == 1
        )  # "visited Nepal on Saturday": start = end
        if (
            ev.rule == "taken_to" and ev.carrier
        ):  # "the tour took him to ...": him, not the clause's subject
            subject = self._resolve([ev.carrier], create=False, rule="visitor")
        elif (
            ev.rule == "visit_by" and ev.carrier
        ):  # "During the visit by X to Peru, the two sides ...": X's
            subject = self._owner(ev, create=True)
        if len(hosts) > 1:  # a tour: the dates belong to the whole trip, not to each country
            d1 = d2 = expr = None
        if len(hosts) == 1:  # "at the invitation of President X": X is the host country's
            for inviter in self._resolve(ev.inviters, create=True, rule="inviter"):
                if inviter.country is None and inviter.organization is None:
                    inviter.country, inviter.country_rule = hosts[0], "inviter"
        for host in hosts:
            names = [
                p.name
                for p in ev.destinations + places
                if p.name and p.country == host and not self._seat(p.name)
            ]
            visitors = subject
            if (
                ev.rule == "during_visit"
                and self.meetings
                and all(s.country == host for s in subject)
            ):
                # "X held talks with Y ... during his state visit to China", X Chinese: the visitor
                # is Y
                visitors = [
                    p for p in self.meetings[-1].participants if p.country and p.country != host
                ]
            # "President X and First Lady Y arrived": the spouse travels along, the principal visits
            visitors = [v for v in visitors if _may_visit(v)] or visitors
            for visitor in visitors:
                # "On Friday, Putin travelled to Harbin": a day of a visit already told, not a
                # one-day visit
                leg = one_day and (id(visitor), host, True) in self.visit_index
                first, last = (None, None) if leg else (d1, d1 if one_day else d2)
                self._add_visit(
                    VisitRec(
                        visitor,
                        host,
                        status,
                        start,
                        ev.end,
                        ev.rule,
                        first,
                        last,
                        expr.text if expr else None,
                        list(dict.fromkeys(names)),
                        ev.duration,
                        one_day=bool(one_day and not leg),
                    )
                )

    def _add_visit(self, v: VisitRec) -> None:
        key = (id(v.visitor), v.host, v.status in HAPPENED)
        old = self.visit_index.get(key)
        if (
            old is not None
        ):  # one record per visitor, host and whether it happened: later mentions fill it in
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
        self.visit_index[key] = v
        self.hosts_of.setdefault(id(v.visitor), set()).add(v.host)
        self.visits.append(v)

    def _meeting(
        self,
        ev: Event,
        stated: list[Entity],
        subject: list[Entity],
        status: str,
        dates: list[TimeExpr],
        start: int,
    ) -> None:
        """`stated`: the clause's own subject; `subject`: that, or the one carried over from before."""
        # "met former President Jimmy Carter's family": whom he met is Carter's, not Carter
        owners = [m for m in ev.objects if POSSESSIVE_AFTER.match(self.clean, m.end)]
        objects = [m for m in ev.objects if not any(m is o for o in owners)]
        self._resolve(owners, create=True, rule="owner")  # a person all the same
        # "visited Cusco": a bare name after "visited" is a person only if the text named him before
        # (a town the gazetteer lacks is no one to meet); "visited former President X" is a call on
        # him
        others = self._resolve(
            objects, create=not (ev.rule == "call_on" and ev.lemma == "visit"), rule="object"
        )
        if REMOTE.search(self.clean, ev.start, ev.end) or REMOTE_AFTER.match(self.clean, ev.end):
            return  # "held talks by phone with X", "via video link": not a face-to-face meeting
        for m, e in zip(objects, others):  # "his Kyrgyz counterpart, Sooronbay Jeenbekov"
            if subject:
                _take_office_if_counterpart(m, e, subject[0])
        purpose = None  # "(travelled to Paris) for talks with X"
        if (
            ev.rule == "during_meeting"
            and len(ev.objects) > 1
            and ev.objects[-1].rule == "named"
            and not stated
        ):
            # "During his meeting with Minister X, Nurtleu discussed ...": the list ran into the
            # owner
            subject = self._resolve(ev.objects[-1:], create=False, rule="owner")
            others = [o for o in others if o not in subject]
        elif ev.rule == "during_meeting" and not subject or ev.rule == "meeting_noun":
            # "his meeting with X": the owner met X; "the meeting of A and B": A and B met;
            # "travelled to Paris for a meeting with X": the traveller met X
            purpose = FOR_PURPOSE.search(self.clean, max(0, ev.start - 6), ev.start)
            subject = (
                [self.people.last_subject]
                if (ev.possessive or purpose) and self.people.last_subject
                else []
            )
            if ev.carrier is not None and ev.carrier.text == "their" and self.meetings:
                # "X hosted A and B ... Their meeting with Y": the guests', not their host's
                last = self.meetings[-1]
                subject = (
                    [p for p in last.participants if p not in last.hosts]
                    if last.hosts
                    else list(last.participants)
                )
        d1, _, _ = self._date(dates, status)
        if purpose and status in HAPPENED:
            # "left for Tokyo on Sunday for talks with X": what the trip is for, not yet told as
            # done
            status = "planned"
        if d1 and self.dct and d1 > self.dct and status in HAPPENED:
            # "his talks with Modi tomorrow": a meeting after the report cannot have happened
            status = "planned"
        # "at the Elysee Palace in Paris": the city, where the seat of government gives only the
        # country
        place = (
            next((p for p in ev.places if not (p.name and self._seat(p.name))), ev.places[0])
            if ev.places
            else _Place(*self.dateline)
            if ev.here and self.dateline
            else None
        )
        guests = (
            subject if ev.rule in GUEST_IS_SUBJECT else others if ev.rule in GUEST_IS_OBJECT else []
        )
        hosts = (
            others if ev.rule in GUEST_IS_SUBJECT else subject if ev.rule in GUEST_IS_OBJECT else []
        )
        visiting = [
            e for m, e in zip(objects, others) if m.visiting
        ]  # "held talks with visiting President X"
        if visiting and not guests:
            guests, hosts = visiting, subject
        if ev.respectively and len(others) > 1:  # "met A, B and C respectively": one meeting each
            pairs = [(subject, [o]) for o in others]
        elif ev.respectively and len(subject) > 1:  # "A and B separately called on C"
            pairs = [([s], others) for s in subject]
        else:
            pairs = [(subject, others)]
        if (
            not others
            and len(subject) == 1
            and place is not None
            and place.name
            and status in HAPPENED
        ):
            # "attended the summit in Addis Ababa", "held talks in Manila": placed at an event in a
            # named city
            self.placed.append((subject[0], place, start, ev.end))
        for side, group in pairs:
            participants = list(dict.fromkeys(side + group))
            if len(participants) < 2 or not self._add_meeting(
                MeetingRec(
                    participants,
                    [g for g in guests if g in participants],
                    [h for h in hosts if h in participants],
                    status,
                    start,
                    ev.end,
                    ev.rule,
                    d1,
                    place.name if place else (ev.at[0] if ev.at else None),
                    place.country if place else None,
                )
            ):
                continue
            if (
                status in HAPPENED or purpose
            ):  # "... for talks with A and B. The three leaders met ...": the group
                self.people.note_meeting(participants)
        # The visit a meeting in a named place of a named country implies is found in report().

    def _add_meeting(self, new: MeetingRec) -> bool:
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

    def _message(self, ev: Event, subject: list[Entity], start: int) -> None:
        if ev.rule == "receive_letter":  # "received a letter from A, delivered by B": B brought it
            senders = self._resolve(ev.senders, create=True, rule="sender")
            carrier, recipients = self._resolve(ev.objects, create=True, rule="carrier"), subject
        else:
            recipients = self._resolve(ev.objects, create=True, rule="recipient")
            if ev.rule == "convey":
                senders, carrier = (
                    self._resolve(ev.senders, create=True, rule="sender"),
                    subject[:1],
                )
            elif ev.rule == "ask_convey":
                senders = subject
                carrier = (
                    self._resolve([ev.carrier], create=True, rule="carrier") if ev.carrier else []
                )
            else:
                senders, carrier = subject, []
        self.messages.append(
            schema.Message(
                kind=ev.noun or "greetings",
                senders=[e.id for e in senders],
                carrier=carrier[0].id if carrier else None,
                recipients=[e.id for e in recipients],
                evidence=self.span(start, ev.end, ev.rule),
            )
        )

    def _statement(
        self, ev: Event, subject: list[Entity], cl: Clause, sentence: tuple[int, int]
    ) -> None:
        sentence_start, sentence_end = sentence
        if (
            self.statements
            and self.statements[-1].evidence.end == sentence_end
            and ev.trigger_end >= sentence_end - 1 - len("said")
        ):
            return  # "Yoon stressed that ..., he said.": one statement, already recorded
        content = self.clean[ev.trigger_end : sentence_end].strip(" .,;:")
        if ev.objects:  # "told A that ...": the content follows the addressee
            content = self.clean[max(ev.trigger_end, ev.end) : sentence_end].strip(" .,;:")
        start, end = cl.start, sentence_end
        if not content:  # "..., he added." - the content comes first
            content = self.clean[sentence_start : cl.start].strip(" .,;:\"'")
            start = sentence_start
        self.statements.append(
            schema.Statement(
                speakers=[e.id for e in subject],
                verb=ev.lemma or "said",
                content=content or None,
                evidence=self.span(start, end, ev.rule),
            )
        )

    # ------------------------------------------------------------ the whole report
    def _infer_countries(self) -> None:
        """Office holders without a stated country serve the country that hosts the visitor they meet,
        or the country an ambassador they meet is sent to; those who accompany someone serve that
        one's country, and he theirs when only they have one."""
        for principal, companions in self.companions:
            known = {e.country for e in companions if e.country}
            if len(principal) == 1 and principal[0].stateless_office_holder and len(known) == 1:
                # "Accompanying the President are PLO Secretary-General X, ...": his delegation is
                # his country's
                principal[0].country, principal[0].country_rule = known.pop(), "companions"
            for e in companions:
                if (
                    e.country is None
                    and e.organization is None
                    and len(principal) == 1
                    and principal[0].country
                ):
                    e.country, e.country_rule = principal[0].country, "companion"
        hosted: dict[
            str, str
        ] = {}  # visitor id -> the first country they visit (the report's main visit)
        for v in self.visits:
            if v.status in HAPPENED and v.host != v.visitor.country:  # not "home to Brasilia"
                hosted.setdefault(v.visitor.id, v.host)
        for m in self.meetings:  # "Ambassador to Nepal X called on Prime Minister Y": Y is Nepal's
            postings = {p.posting for p in m.participants if p.posting}
            # only face to face: in a line of greeters, an ambassador's posting says nothing of the
            # others
            if len(postings) == 1 and len(m.participants) == 2:
                for p in m.participants:
                    if p.stateless_office_holder and p.posting is None:
                        p.country, p.country_rule = next(iter(postings)), "envoy_posting"
        for m in self.meetings:
            hosts = (
                {m.place_country}
                if m.place_country
                else {hosted[p.id] for p in m.participants if p.id in hosted}
            )
            if (
                m.place_country
                and not any(p.id in hosted for p in m.participants)
                and any(p.country == m.place_country for p in m.participants)
            ):
                # a local is there already: the one without a country may as well be the guest
                continue
            if m.place_country and not any(p.country or p.id in hosted for p in m.participants):
                # "A and B met in Vientiane": no one there is known, so no one is known to be local
                continue
            for p in m.participants:
                if (
                    p.country is None
                    and p.organization is None
                    and p.id not in hosted
                    and len(hosts) == 1
                ):
                    p.country, p.country_rule = next(iter(hosts)), "meets_visitor"
        for msg in self.messages:
            carrier = next((e for e in self.people.entities if e.id == msg.carrier), None)
            if carrier is None:
                continue
            # "conveyed greetings from A to B": A is at home with the carrier, B hosts him;
            # "asked Liu to convey their greetings to B": the other way round.
            home, away = (
                (msg.recipients, msg.senders)
                if msg.evidence.rule == "ask_convey"
                else (msg.senders, msg.recipients)
            )
            for pid in home:
                e = self._entity(pid)
                if e and e.country is None and carrier.country:
                    e.country, e.country_rule = carrier.country, "carrier_country"
            for pid in away:
                e = self._entity(pid)
                if e and e.country is None and carrier.id in hosted:
                    e.country, e.country_rule = hosted[carrier.id], "carrier_host"

    def _known_office_holders(self) -> None:
        """Last of all the cues: a named office holder whose country the text never gives ("President
        Obama welcomed ...") serves the country the knowledge tables give for that name and office on
        the report's date (the publication date, else the day their visit began)."""
        if self.knowledge is None:
            return
        began = {id(v.visitor): v.start_date for v in self.visits if v.start_date}
        for e in self.people.entities:
            if (
                e.name
                and e.country is None
                and e.organization is None
                and (e.title or e.other_titles)
            ):
                holding = self.knowledge.holder(e.name, e.title, self.dct or began.get(id(e)))
                if holding is not None:
                    e.country, e.country_rule = holding.country, holding.source

    def _counterparts_and_families(self) -> None:
        """ "his Bhutanese counterpart X": X holds the office of the one he meets; a spouse who
        shares a family name ("First Lady Melania Trump") shares the country."""
        meetings_of = self._meetings_of()
        for e in self.people.entities:
            if e.office_unknown_counterpart:
                partner = next(
                    (
                        p
                        for m in meetings_of.get(id(e), ())
                        for p in m.participants
                        if p is not e and p.title and not p.office_unknown_counterpart
                    ),
                    None,
                )
                e.hold_office_of(partner)
        by_family: dict[str, list[Entity]] = {}
        for k in self.people.entities:
            if k.country and k.name and len(k.name.split()) > 1:
                by_family.setdefault(k.name.split()[-1], []).append(k)
        for e in self.people.entities:
            if e.country is None and e.name and len(e.name.split()) > 1:
                kin = [k for k in by_family.get(e.name.split()[-1], ()) if k is not e]
                if kin:
                    e.country, e.country_rule = kin[0].country, "family_name"

    def _dateline_countries(self, hosts_only: bool = False) -> None:
        """ "ASTANA - Deputy Prime Minister X paid a visit to Belarus": an office holder of no stated
        country, not a visitor to the dateline's country, is its own. `hosts_only`: first, before
        the other inferences, only those who receive guests ("AMMAN - King Abdullah received ...")."""
        if not self.dateline:
            return
        home = self.dateline[0]
        # a host whose guest is visiting another country is that country's ("granted an audience
        # with the King")
        hosts = (
            {
                id(h)
                for m in self.meetings
                for h in m.hosts
                if not any(self.hosts_of.get(id(g), set()) - {home} for g in m.guests)
            }
            if hosts_only
            else None
        )
        for e in self.people.entities:
            if hosts is not None and id(e) not in hosts:
                continue
            if e.stateless_office_holder and home not in self.hosts_of.get(id(e), set()):
                e.country, e.country_rule = home, "dateline"

    def _main_host_officials(self) -> None:
        """ "Wang Yi arrived in Belgrade ... Present were Minister of Finance A and Minister of Trade B":
        in a report of visits to one country, an office holder of no known country who visits nothing
        and travels with no one is that country's (the host's officials need no demonym)."""
        hosts = {
            v.host for v in self.visits if v.status in HAPPENED and v.host != v.visitor.country
        }
        if len(hosts) != 1:
            return
        host = next(iter(hosts))
        travelling = {id(e) for _, companions in self.companions for e in companions}
        for e in self.people.entities:
            # a spokesman speaks for his own side, as often the guest's as the host's
            if (
                e.stateless_office_holder
                and not self.hosts_of.get(id(e))
                and id(e) not in travelling
                and "spokesperson" not in e.kinds
            ):
                e.country, e.country_rule = host, "main_host"

    def _hosts_from_those_met(self) -> None:
        """ "Minister X held talks with President Y on Monday, on the final day of the minister's visit":
        a visit told with no country, by one who visits nowhere else, is to the one country of the people
        met in the same sentence."""
        for visitor, start, end, sentence in self.hostless:
            if self.hosts_of.get(id(visitor)) or not visitor.country:
                continue
            met = {
                p.country
                for m in self.meetings
                if visitor in m.participants
                and m.status in HAPPENED
                and sentence[0] <= m.start < sentence[1]
                for p in m.participants
                if p is not visitor and p.country
            }
            met.discard(visitor.country)
            if len(met) == 1:
                self._add_visit(
                    VisitRec(visitor, met.pop(), "completed", start, end, "visit_poss:met")
                )

    def _placed_abroad(self) -> None:
        """ "X attended the summit in Addis Ababa": one of known country whom the text places at an
        event in a city of another country visited it (the corpus rule on summits abroad)."""
        for person, place, start, end in self.placed:
            if person.country and place.country != person.country and _may_visit(person):
                self._add_visit(
                    VisitRec(
                        person,
                        place.country,
                        "completed",
                        start,
                        end,
                        "placed_at_event",
                        places=self._cities(place.name),
                    )
                )

    def _earlier_stops(self) -> None:
        """ "President X arrived in Lima from Quito": a visitor of known country who came from a foreign
        country other than the one visited had been there (an earlier stop of the trip, the corpus rule)."""
        for visitor, place, start, end in self.origins:
            hosts = self.hosts_of.get(id(visitor), set())
            if (
                visitor.country
                and place.country != visitor.country
                and hosts
                and place.country not in hosts
            ):
                self._add_visit(
                    VisitRec(
                        visitor,
                        place.country,
                        "completed",
                        start,
                        end,
                        "came_from",
                        places=self._cities(place.name),
                    )
                )

    def _entity(self, pid: str) -> Entity | None:
        if self._by_id is None or len(self._by_id) != len(self.people.entities):
            self._by_id = {e.id: e for e in self.people.entities}
        return self._by_id.get(pid)

    def _infer_visits(self) -> None:
        """A guest received by a host of another country, or a participant of another country at a
        meeting in a named place, is visiting that country."""
        for m in self.meetings:
            if m.status not in HAPPENED:
                continue
            if m.place_country:
                for p in m.participants:
                    if p.country and p.country != m.place_country and _may_visit(p):
                        # the meeting's date does not fix the visit's start or end
                        self._add_visit(
                            VisitRec(
                                p,
                                m.place_country,
                                m.status,
                                m.start,
                                m.end,
                                "meeting_place:" + m.rule,
                                places=self._cities(m.place),
                            )
                        )
            host_countries = {
                h.country for h in m.hosts if h.country and id(h) not in self.hosts_of
            }  # a visitor hosts no one
            if len(host_countries) == 1:
                host = next(iter(host_countries))
                for g in m.guests:
                    if g.country and g.country != host and _may_visit(g):
                        self._add_visit(
                            VisitRec(g, host, m.status, m.start, m.end, "hosted:" + m.rule)
                        )
            self._dateline_meeting(m)  # the weakest evidence: after the others

    def _meetings_of(self) -> dict[int, list[MeetingRec]]:
        """Person -> the meetings they took part in."""
        index: dict[int, list[MeetingRec]] = {}
        for m in self.meetings:
            for p in m.participants:
                index.setdefault(id(p), []).append(m)
        return index

    def _undo_one_day_visits(self) -> None:
        """ "visited Harbin on Friday" read as a one-day visit, but the visitor met people in that
        country on another day ("talks in Beijing on Thursday"): the visit was longer, its dates unknown."""
        meetings_of = self._meetings_of()
        for v in self.visits:
            if v.one_day and any(
                m.date
                and m.date != v.start_date
                and m.status in HAPPENED
                and (m.place_country == v.host or any(p.country == v.host for p in m.participants))
                for m in meetings_of.get(id(v.visitor), ())
            ):
                v.start_date = v.end_date = None
                v.one_day = False

    def _drop_idle_names(self, visits: list[VisitRec]) -> None:
        """A name with no office that takes part in nothing ("Reflecting on his visit, ...", a
        region read as a name) is no one the report is about."""
        used = {id(v.visitor) for v in visits} | {
            id(p) for m in self.meetings for p in m.participants
        }
        ids = {
            pid
            for msg in self.messages
            for pid in [*msg.senders, *msg.recipients, msg.carrier]
            if pid
        }
        ids |= {pid for st in self.statements for pid in st.speakers} | {
            pid for a in self.agreements for pid in a.parties
        }
        self.people.entities = [
            e
            for e in self.people.entities
            if e.title or e.other_titles or id(e) in used or e.id in ids
        ]

    def _cities(self, place: str | None) -> list[str]:
        """A visit's places from one named place: none when it is a seat of government ("the Kremlin")."""
        return [place] if place and not self._seat(place) else []

    def _seat(self, place: str) -> bool:
        """ "the White House", "the Kremlin": where a government sits, not a city the visitor went to."""
        return words(place) in self.lex.seats

    def _visit_places(self) -> None:
        """Places where the visitor met people during the visit ("the mayor of Almaty")."""
        meetings_of = self._meetings_of()
        for v in self.visits:
            for m in meetings_of.get(id(v.visitor), ()):
                if (m.status in HAPPENED) != (v.status in HAPPENED):
                    # a planned meeting's venue is not where a completed visit went, nor the other
                    # way
                    continue
                named = (
                    [m.place]
                    if m.place and m.place_country == v.host and not self._seat(m.place)
                    else []
                )
                named += [p.place for p in m.participants if p.place and p.country == v.host]
                v.places.extend(n for n in named if n not in v.places)

    def _merge_people(self) -> None:
        merged = self.people.merge_unnamed(self.hosts_of)
        if not merged:
            return

        def canon(e: Entity) -> Entity:
            return merged.get(e.id, e)

        visits, self.visits, self.visit_index, self.hosts_of = self.visits, [], {}, {}
        for v in visits:
            v.visitor = canon(v.visitor)
            self._add_visit(v)
        meetings, self.meetings, self.meeting_index = self.meetings, [], {}
        for (
            m
        ) in meetings:  # a headline's "President of Cyprus" may now be the body's named president
            m.participants = list(dict.fromkeys(canon(p) for p in m.participants))
            m.guests = [canon(p) for p in m.guests]
            m.hosts = [canon(p) for p in m.hosts]
            if len(m.participants) > 1:
                self._add_meeting(m)
        self._rename_ids({old: e.id for old, e in merged.items()})

    def _rename_ids(self, renamed: dict[str, str]) -> None:
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

    def _dateline_meeting(self, m: MeetingRec) -> None:
        """ "BEIJING - Liu met with a delegation led by Novikov": a meeting set nowhere else (or in a
        venue of no known country: "at Malacanang"), with a local, filed from the dateline city,
        while no one in it is away on another visit, is held in the dateline's country. An office
        holder of no stated country counts as a local: the dateline gives him its country too; so
        does the head of a body there who receives a guest ("ADDIS ABABA - AU Chairperson X held
        talks with visiting Foreign Minister Y")."""
        if m.place_country or not self.dateline:
            return
        home = self.dateline[0]
        if any(self.hosts_of.get(id(p), set()) - {home} for p in m.participants):
            return
        if (
            any(p.country == home or p.stateless_office_holder for p in m.participants)
            or m.guests
            and any(h.organization for h in m.hosts)
        ):
            for p in m.participants:
                if p.country and p.country != home and _may_visit(p):
                    self._add_visit(
                        VisitRec(p, home, m.status, m.start, m.end, "dateline_meeting:" + m.rule)
                    )

    # What only the whole report tells, in order: each pass with its reason. A pass written twice
    # runs again on what the passes between gave it.
    RESOLVE_PASSES = (
        (
            "merge people",
            lambda b: b._merge_people(),
        ),  # "Liu" and "Liu Guozhong", unnamed office holders
        (
            "knowledge",
            lambda b: b._known_office_holders(),
        ),  # after the text's own cues, before the story's guesses
        (
            "dateline hosts",
            lambda b: b._dateline_countries(hosts_only=True),
        ),  # "AMMAN - King Abdullah received ..."
        (
            "infer countries",
            lambda b: b._infer_countries(),
        ),  # companions, envoys' postings, the host of a guest met
        ("counterparts and families", lambda b: b._counterparts_and_families()),
        (
            "infer visits",
            lambda b: b._infer_visits(),
        ),  # a guest received, a meeting in a foreign place
        (
            "infer countries again",
            lambda b: b._infer_countries(),
        ),  # the hosts of the visits just found
        (
            "merge people again",
            lambda b: b._merge_people(),
        ),  # "Vladimir Putin ..., the Russian President"
        ("dateline countries", lambda b: b._dateline_countries()),
        (
            "infer visits again",
            lambda b: b._infer_visits(),
        ),  # "SINGAPORE - Prime Minister Lee met ... in Beijing"
        (
            "main host officials",
            lambda b: b._main_host_officials(),
        ),  # the weakest cue of all: after the dateline's
        (
            "hosts of visits told without one",
            lambda b: b._hosts_from_those_met(),
        ),  # "talks with X ... on the last day of the minister's visit"
        (
            "placed at events abroad",
            lambda b: b._placed_abroad(),
        ),  # "attended the summit in Addis Ababa"
        (
            "earlier stops",
            lambda b: b._earlier_stops(),
        ),  # "arrived in Lima from Quito": Ecuador, if not home
        ("visit places", lambda b: b._visit_places()),
        (
            "one-day visits",
            lambda b: b._undo_one_day_visits(),
        ),  # a visitor who met people there on another day
    )

    def report(self, document: schema.Document) -> schema.Report:
        for _, run in self.RESOLVE_PASSES:
            run(self)
        visits = [v for v in self.visits if v.visitor.country != v.host]
        self._drop_idle_names(visits)
        self._rename_ids(self.people.renumber())
        return schema.Report(
            document=document,
            people=[
                schema.Person(
                    id=e.id,
                    name=e.name,
                    title=e.title,
                    other_titles=e.other_titles,
                    country=e.country,
                    country_source=e.country_rule
                    if e.country and (e.country_rule or "").startswith("knowledge:")
                    else None,
                    mentions=[self.span(s, t, r) for (s, t), r in sorted(e.mentions.items())],
                )
                for e in self.people.entities
            ],
            organizations=list(self.orgs.values()),
            visits=[
                schema.Visit(
                    visitor=v.visitor.id,
                    host_country=v.host,
                    start_date=v.start_date,
                    end_date=v.end_date,
                    date_text=v.date_text,
                    places=v.places,
                    status=v.status,
                    evidence=self.span(v.start, v.end, v.rule),
                )
                for v in visits
            ],
            meetings=[
                schema.Meeting(
                    participants=[p.id for p in m.participants],
                    date=m.date,
                    place=m.place,
                    status=m.status,
                    evidence=self.span(m.start, m.end, m.rule),
                )
                for m in self.meetings
            ],
            messages=self.messages,
            statements=self.statements,
            agreements=self.agreements,
        )


@dataclass
class _Place:
    country: str
    name: str | None


def _place(lex: Lexicon, name: str | None) -> tuple[str, str] | None:
    """(country, name) of a dateline city such as "ISLAMABAD" or "New Delhi"."""
    if not name:
        return None
    key = words(name)
    if key in lex.places:
        return lex.places[key], lex.place_names[key]
    if key in lex.countries:
        return lex.countries[key], None
    return None


def _dated_by_one_day(ev: Event) -> bool:
    """A visit told as one act on one day lasted that day: "visited Nepal on Saturday", "paid a
    visit to Nepal on Saturday", "the visit by X to Nepal on Saturday"; not "arrived on Saturday",
    "began a visit on Saturday" or "is on a visit", which give only its start."""
    if ev.rule == "visit_verb" or ev.noun == "stop":  # "a brief stop in Portugal on Friday"
        return True
    if ev.rule == "visit_noun":
        return ev.lemma == "pay" and not ev.present
    return ev.rule in OWNED_VISITS and ev.lemma != "begin"


def _may_visit(person: Entity) -> bool:
    """Whether meeting people abroad makes one a visitor: not an ambassador (he lives where he
    meets people), nor a spouse (the corpus rule: spouses travel along, they are not visitors)."""
    return not NOT_VISITORS.intersection(person.kinds)


def _take_office_if_counterpart(mention: Mention, person: Entity, of: Entity) -> None:
    """ "his Hungarian counterpart Peter Szijjarto" beside a titled `of`: the counterpart holds
    `of`'s office (title and kind); his own country comes from the demonym."""
    if "counterpart" in mention.title_kinds and of.title and person.office_unknown_counterpart:
        person.hold_office_of(of)
