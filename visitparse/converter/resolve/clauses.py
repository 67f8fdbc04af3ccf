"""Per-clause recording: each clause of the report, in text order, adds its people and records.

`ClauseReader.add_clause` reads one clause: it resolves the people (people.py), resolves dates
against the publication date (dates.py) and records visits (clause_visits.py), meetings
(clause_meetings.py), messages, statements and agreements. What needs the whole report is left to
the passes (passes.py).
"""

from __future__ import annotations

import datetime as dt
import re

from ... import schema
from ...schema import HAPPENED
from ..parse.facts import Clause, Event, Mention
from ..parse.timex import TimeExpr
from ..vocabulary import MEETING_EVENTS, OWNED_VISITS, VISIT_EVENTS
from .clause_meetings import record_meeting
from .clause_visits import record_visit
from .counterparts import take_office_if_counterpart
from .dates import resolve
from .entity import Entity
from .frames import FRAMES
from .people import PRONOUN_GENDER
from .reading import ClauseReading

# "a visit by X to Lima, where she met Y": the pronoun after it is the visitor
VISIT_RELATIVE = re.compile(rf"\b(?:{FRAMES['visit_relative']})\s*$", re.IGNORECASE)
# the same words right after the visit: what follows happened there
VISIT_RELATIVE_AFTER = re.compile(rf"\s*,?\s*(?:{FRAMES['visit_relative']})\b", re.IGNORECASE)
FIRST_TO = re.compile(
    r"\b(?:first|second|third|latest|last|only|highest|most senior)\b[^.;]{0,60}$", re.IGNORECASE
)


class ClauseReader(ClauseReading):
    """Reads the clauses and person phrases of a report, in text order, into its state."""

    def add_people(self, mentions: list[Mention], *, sentence_initial: bool) -> None:
        """Person phrases outside any clause: they name people, they take part in nothing. One
        that opens a sentence is its subject, whatever the verb: "he" in the next sentence is
        likely them."""
        people = self.state.people
        named: list[tuple[Mention, list[Entity]]] = []
        for m in mentions:  # one list: its items are different people
            if m.name:
                found = people.resolve(
                    m, create=False, rule="person", avoid=[e for _, es in named for e in es]
                )
                for e in found:
                    self.note_gender(m, e)
                named.append((m, found))
        # "Minister X and his Hungarian counterpart Y"
        for (_, first), (m, second) in zip(named, named[1:], strict=False):
            if first and second:
                take_office_if_counterpart(m, second[0], first[0])
        if sentence_initial:
            people.note_subject([e for _, found in named for e in found])

    def add_organization(self, name: str, acronym: str | None, start: int, end: int) -> None:
        org = self.state.orgs.setdefault(name, schema.Organization(name=name, acronym=acronym))
        org.mentions.append(self.state.span(start, end, "organization"))

    def add_clause(self, cl: Clause, sentence: tuple[int, int]) -> None:
        """One clause of the sentence spanning `sentence` (start, end)."""
        self.sentence = sentence
        subject = self._subject(cl)
        fronted = self._fronted(cl, sentence)
        fronted_dates = fronted.dates if fronted else []
        if fronted and fronted.rule not in ("fronted_date", "fronted_place"):
            if fronted.rule == "during_visit" and not fronted.status:
                # "During his stay in Dhaka, he is scheduled to meet X": a visit still to come
                fronted.status = "planned" if _first_status(cl) == "planned" else None
            first_day = self._first_day_from_clause(fronted, cl)
            self._event(fronted, subject, cl, sentence, [])
            if first_day is not None:
                self._start_visit(fronted, subject, first_day)
            if fronted.rule == "during_visit" and not cl.events:
                # "X, during his visit to New York, held a meeting ...": the meeting is where that
                # visit was
                self.sentence_stay = (sentence, [p for p in fronted.destinations if p.name])
        modal = None
        for ev in cl.events:
            self._place_from_sentence(ev, cl, sentence, fronted)
            if ev.status:
                modal = ev.status
            elif ev.base_form and modal:  # "will meet X and hold talks with Y": both planned
                ev.status = modal
            self._event(ev, subject, cl, sentence, fronted_dates)
        if subject and cl.subject:
            self.state.people.note_subject(subject)

    def _subject_apart_from_met(self, cl: Clause, ev: Event, subject: list[Entity]) -> list[Entity]:
        """ "The Prime Minister met with Prime Minister of Iraq X", X named before: the unnamed
        subject (found by the office) is another prime minister, not the one met."""
        met = self.state.people.known_by_name(ev.objects)
        if not any(e in met for e in subject):
            return subject
        out = list(subject)
        for m in cl.subject:
            if m.name or not m.titles:
                continue
            for e in [e for e in out if e in met and (m.start, m.end) in e.mentions]:
                k = out.index(e)
                out[k : k + 1] = self.state.people.resolve_again(m, e, "subject", avoid=met)
        return out

    def _first_day_from_clause(self, fronted: Event, cl: Clause) -> dt.date | None:
        """ "On the second day of his visit to Peru, X met Y on Tuesday": the visit began the day
        before that Tuesday. The day of the visit is taken out of the fronted event (counted from
        an earlier date it would be wrong)."""
        nth = fronted.dates[0].first if fronted.dates else None
        if nth is None or nth.visit_day is None:
            return None
        expr = next((d for ev in cl.events for d in ev.dates), None)
        if expr is None or expr.first is None or expr.first.visit_day is not None:
            return None
        status = _first_status(cl) or "completed"
        day, _ = resolve(expr, self.state.dct, future=status == "planned", previous=self.last_date)
        if day is None:
            return None
        fronted.dates = fronted.dates[1:]
        return day - dt.timedelta(days=nth.visit_day)

    def _start_visit(self, ev: Event, subject: list[Entity], day: dt.date) -> None:
        """The visits `ev` recorded for `subject` began on `day`, unless they have a start."""
        for v in self.state.visits:
            if v.visitor in subject and v.start == ev.start and v.start_date is None:
                v.start_date = day
                v.fill_from_duration()

    def _subject(self, cl: Clause) -> list[Entity]:
        """The clause's subject; "his visit": its owner; none: the subject carries over ("...,
        reaching consensus on ...")."""
        if cl.subject:
            visitors = self._visitors_before(cl) or self._visitors_during(cl)
            if visitors:
                return visitors
            found = self.resolve_people(cl.subject, create=True, rule="subject")
            for m in cl.subject:
                if m.spouse is not None:  # "X and his wife, Y, arrived": Y travels with X
                    spouse = self.resolve_people(
                        [m.spouse], create=True, rule="spouse", avoid=found
                    )
                    self.state.companions.append((found, spouse))
            return found
        if cl.events and cl.events[0].rule in OWNED_VISITS:
            return (
                self.owner(cl.events[0], create=False)
                if cl.events[0].carrier
                else self.last_subject()
            )
        return self.last_subject()

    def _visitors_before(self, cl: Clause) -> list[Entity]:
        """ "a visit last week by X to Lima, where she met Y", "X paid a visit to Peru, during
        which he met Y": a pronoun subject after the visit just told is its visitor."""
        (m,) = cl.subject if len(cl.subject) == 1 else (None,)
        sentence, visitors = self.sentence_visitors
        if (
            m is None
            or m.rule != "pronoun"
            or sentence != self.sentence
            or len(visitors) != 1
            or not self._after_visit_relative(m.start)
        ):
            return []
        return _pronoun_for(m, visitors[0])

    def _after_visit_relative(self, pos: int) -> bool:
        """ "(a visit to Lima,) where" / "during which" just before `pos`, in its sentence."""
        start = max(self.sentence[0], pos - 30)
        return VISIT_RELATIVE.search(self.state.clean, start, pos) is not None

    def _visitors_during(self, cl: Clause) -> list[Entity]:
        """ "(The ambassador said) during the visit, he met X": the pronoun subject of a clause
        opened by "during the visit" is the visitor of the visit told last (to the places it
        names), when the one it would find otherwise, the last subject, is no visitor."""
        (m,) = cl.subject if len(cl.subject) == 1 else (None,)
        fronted = cl.fronted
        if m is None or m.rule != "pronoun" or fronted is None or fronted.rule != "during_visit":
            return []
        hosts = {p.country for p in fronted.destinations if p.country}
        visits = [
            v for v in self.state.visits if v.status in HAPPENED and v.host in (hosts or {v.host})
        ]
        people = self.state.people
        if not visits or people.last_subject in {v.visitor for v in self.state.visits}:
            return []
        return _pronoun_for(m, visits[-1].visitor)

    def _fronted(self, cl: Clause, sentence: tuple[int, int]) -> Event | None:
        """What opens the clause ("During his visit, ...", "On Wednesday, ..."). "On Wednesday,
        the King addressed Parliament and met X": the opening date (or place) is the sentence's,
        for the clause the parser finds after it."""
        fronted = cl.fronted
        if (
            fronted
            and not cl.events
            and fronted.rule in ("fronted_date", "fronted_place")
            and cl.start == sentence[0]
        ):
            self.sentence_fronted = (sentence, fronted)
        elif fronted is None and cl.rule == "bare_clause" and self.sentence_fronted[0] == sentence:
            fronted = self.sentence_fronted[1]
        return fronted

    def _place_from_sentence(
        self, ev: Event, cl: Clause, sentence: tuple[int, int], fronted: Event | None
    ) -> None:
        """An event told with no place takes the sentence's: the visit told before in it, or an
        opening "In Pretoria, X and Y held talks"."""
        if (
            not ev.places
            and ev.rule in MEETING_EVENTS
            and self.sentence_stay[0] == sentence
            and (cl.rule == "bare_clause" or self._after_visit_relative(cl.start))
        ):
            ev.places = list(self.sentence_stay[1])
        if fronted and fronted.rule == "fronted_place" and not ev.places:
            ev.places = list(fronted.places)

    def _event(
        self,
        ev: Event,
        subject: list[Entity],
        cl: Clause,
        sentence: tuple[int, int],
        extra_dates: list[TimeExpr],
    ) -> None:
        """One event of the clause, recorded by its kind."""
        status = ev.status or ("ongoing" if ev.present else "completed")
        if (
            ev.base_form
            and not ev.status
            and not cl.subject
            and not FIRST_TO.search(self.state.clean, max(0, ev.start - 80), ev.start)
        ):
            # "accepted an invitation to visit China", "agreed to visit": not yet done; but
            # "the first Western delegation to visit Bucharest" did
            status = "planned"
        dates = ev.dates or extra_dates
        start = cl.start if cl.subject else ev.start
        if ev.rule in VISIT_EVENTS:
            record_visit(self, ev, subject, status, dates, start)
            if subject:
                self.sentence_visitors = (sentence, list(subject))
            if ev.destinations and VISIT_RELATIVE_AFTER.match(self.state.clean, ev.end):
                # "his visit to the Maldives, during which he met X": the meeting was there
                self.sentence_stay = (sentence, list(ev.destinations))
        elif ev.rule in MEETING_EVENTS:
            if cl.subject and ev.objects:
                subject = self._subject_apart_from_met(cl, ev, subject)
            if ev.rule == "receive_letter":
                self._message(ev, subject, start)
            record_meeting(self, ev, subject if cl.subject else [], subject, status, dates, start)
        elif ev.rule in ("convey", "convey_own", "ask_convey"):
            self._message(ev, subject, start)
        elif ev.rule == "office" and len(subject) == 1 and ev.carrier:
            self._office(subject[0], ev.carrier)
        elif ev.rule == "say" and (cl.subject or self.continues_previous(ev.start)):
            # a "said" with no subject of its own belongs to the clause just before it, if any
            # ("During his meeting with X, Szijjarto praised ..."), else to no one ("..., a report
            # stated")
            self._statement(ev, subject, cl, sentence)
        elif ev.rule == "accompanied":  # who travels with whom: settled with the other countries
            self.state.companions.append(
                (subject, self.resolve_people(ev.objects, create=True, rule="companion"))
            )
        elif ev.rule == "delegation_members":
            # "The Kenyan delegation comprises A and B": the principal's companions
            self.state.companions.append(
                (self.last_subject(), self.resolve_people(ev.objects, create=True, rule="member"))
            )
        elif ev.rule == "agree":
            self._agreement(ev, subject, cl, sentence[1], start)

    def _office(self, person: Entity, office: Mention) -> None:
        """ "X, who is also a member of ...": the office (and its country) is the subject's."""
        person.add_titles(office.titles, office.title_kinds, joined=office.joined)
        if office.country and person.country is None:
            person.country, person.country_rule = office.country, "explicit"

    def _agreement(
        self, ev: Event, subject: list[Entity], cl: Clause, sentence_end: int, start: int
    ) -> None:
        """ "met with X, reaching consensus on ...": the meeting's people agreed."""
        state = self.state
        last = (
            state.meetings[-1]
            if state.meetings
            and state.meetings[-1].end <= ev.start
            and state.meetings[-1].start >= cl.start
            else None
        )
        parties = last.participants if last else subject or state.people.last_group
        text = state.clean[ev.trigger_end : sentence_end].strip(" .,;:")
        state.agreements.append(
            schema.Agreement(
                parties=[e.id for e in parties],
                kind=ev.lemma or "agreement",
                subject=text or None,
                evidence=state.span(start, sentence_end, ev.rule),
            )
        )

    def _message(self, ev: Event, subject: list[Entity], start: int) -> None:
        """Greetings, a letter or a message: who sent it, who carried it, who received it."""
        if ev.rule == "receive_letter":  # "received a letter from A, delivered by B": B brought it
            senders = self.resolve_people(ev.senders, create=True, rule="sender")
            carrier = self.resolve_people(ev.objects, create=True, rule="carrier")
            recipients = subject
        else:
            recipients = self.resolve_people(ev.objects, create=True, rule="recipient")
            if ev.rule == "convey":
                # "the greetings of the Vietnamese president to President X": two presidents
                senders = self.resolve_people(
                    ev.senders, create=True, rule="sender", avoid=recipients
                )
                carrier = subject[:1]
            elif ev.rule == "ask_convey":
                senders = subject
                carrier = (
                    self.resolve_people([ev.carrier], create=True, rule="carrier")
                    if ev.carrier
                    else []
                )
            else:
                senders, carrier = subject, []
        self.state.tell_apart(senders, recipients)
        self.state.messages.append(
            schema.Message(
                kind=ev.noun or "greetings",
                senders=[e.id for e in senders],
                carrier=carrier[0].id if carrier else None,
                recipients=[e.id for e in recipients],
                evidence=self.state.span(start, ev.end, ev.rule),
            )
        )

    def _statement(
        self, ev: Event, subject: list[Entity], cl: Clause, sentence: tuple[int, int]
    ) -> None:
        """What was said: the words after the verb, or before it ("..., he added.")."""
        state = self.state
        sentence_start, sentence_end = sentence
        if (
            state.statements
            and state.statements[-1].evidence.end == sentence_end
            and ev.trigger_end >= sentence_end - 1 - len("said")
        ):
            return  # "Yoon stressed that ..., he said.": one statement, already recorded
        content = state.clean[ev.trigger_end : sentence_end].strip(" .,;:")
        if ev.objects:  # "told A that ...": the content follows the addressee
            content = state.clean[max(ev.trigger_end, ev.end) : sentence_end].strip(" .,;:")
        start, end = cl.start, sentence_end
        if not content:  # "..., he added." - the content comes first
            content = state.clean[sentence_start : cl.start].strip(" .,;:\"'")
            start = sentence_start
        state.statements.append(
            schema.Statement(
                speakers=[e.id for e in subject],
                verb=ev.lemma or "said",
                content=content or None,
                evidence=state.span(start, end, ev.rule),
            )
        )


def _first_status(cl: Clause) -> str | None:
    """The status the clause's first predicate states ("will meet": planned), if any."""
    return next((ev.status for ev in cl.events if ev.status), None)


def _pronoun_for(m: Mention, visitor: Entity) -> list[Entity]:
    """The pronoun `m` as `visitor`, unless the text says the visitor is of another gender."""
    if visitor.gender not in (None, PRONOUN_GENDER.get(m.text)):
        return []
    visitor.mentions.setdefault((m.start, m.end), "subject")
    return [visitor]
