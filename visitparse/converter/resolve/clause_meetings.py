"""A meeting event of a clause: the meetings it records, in the steps of `record_meeting`.

The visit a meeting in a named place of a named country implies is found later, by the "infer
visits" pass (visits.py).
"""

from __future__ import annotations

import datetime as dt
import re

from ...schema import HAPPENED
from ..parse.facts import Event, Mention
from ..parse.timex import TimeExpr
from .counterparts import take_office_if_counterpart
from .entity import Entity
from .frames import FRAMES
from .kinds import GUEST_IS_OBJECT, GUEST_IS_SUBJECT
from .reading import ClauseReading
from .records import AnyPlace, DatelinePlace, MeetingRec

# Talks at a distance are not meetings (the corpus rule: phone and video calls are not meetings).
REMOTE = re.compile(
    r"\b(?:tele)?phone|\bvideo\b|\bvideoconference|\bvirtual(?:ly)?\b|\bonline\b", re.IGNORECASE
)
# "held talks with X via video link", "by telephone"
REMOTE_AFTER = re.compile(
    r"[\s,]*(?:via|by|over|through|in|on)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?"
    r"(?:(?:tele)?phone|video|videoconference|virtual)",
    re.IGNORECASE,
)
POSSESSIVE_AFTER = re.compile(r"['\u2019]s\b")
FOR_PURPOSE = re.compile(r"\bfor\s+$")  # "(flew to Cairo) for talks with X"
# Right after the meeting's mention: "(the meeting between A and B) was to have taken place"
UNREAL_AFTER = re.compile(rf"\s*,?\s*(?:{FRAMES['meeting_unreal']})\b", re.IGNORECASE)
# "(had a meeting with X), planned as well", "(talks with X) are scheduled"
PLANNED_AFTER = re.compile(rf"\s*,?\s*(?:{FRAMES['meeting_planned']})\b", re.IGNORECASE)
# "X's visit began with (a meeting with Y)": the visitor met Y
OPENED_WITH = re.compile(
    rf"\b(?:{FRAMES['visit_opened_with']})\s+(?:(?:an?|the)\s+)?(?:[\w'\u2019-]+\s+){{0,3}}$",
    re.IGNORECASE,
)
# "(X) will join the Prime Minister's (meetings with A)": a modal, a verb of taking part, a few
# plain words; the modal in lower case ("Will Barker held talks": a name)
MODAL_BEFORE = re.compile(
    rf"\b(?:{FRAMES['meeting_modal']})\s+(?:also\s+)?(?:{FRAMES['meeting_attend']})\s+"
    r"(?:[\w'\u2019-]+\s+){0,3}$"
)


def record_meeting(
    r: ClauseReading,
    ev: Event,
    stated: list[Entity],
    subject: list[Entity],
    status: str,
    dates: list[TimeExpr],
    start: int,
) -> None:
    """The meetings an event tells. `stated`: the clause's own subject; `subject`: that, or the
    one carried over from before."""
    objects, others = _people_met(r, ev)
    clean = r.state.clean
    if REMOTE.search(clean, ev.start, ev.end) or REMOTE_AFTER.match(clean, ev.end):
        return  # "held talks by phone with X", "via video link": not a face-to-face meeting
    for m, e in zip(objects, others, strict=False):  # "his Kyrgyz counterpart, Sooronbay Jeenbekov"
        if subject:
            take_office_if_counterpart(m, e, subject[0])
    subject, others, purpose = _who_met(r, ev, stated, subject, others)
    status = _told_status(r, ev, status)
    d1, status = _date_and_status(r, dates, status, purpose)
    place = _meeting_place(r, ev)
    guests, hosts = _guests_and_hosts(ev, subject, others, objects)
    r.state.tell_apart(subject, others)
    if not others and status in HAPPENED:
        _note_placed(r, subject, place, start, ev.end)
    for side, group in _pairs(ev, subject, others):
        participants = list(dict.fromkeys(side + group))
        if len(participants) < 2 or not r.state.add_meeting(
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
        if status in HAPPENED or purpose:
            # "... for talks with A and B. The three leaders met ...": the group
            r.state.people.note_meeting(participants)


def _people_met(r: ClauseReading, ev: Event) -> tuple[list[Mention], list[Entity]]:
    """The object mentions that are people met, and the people they are. "met former President
    Jimmy Carter's family": whom he met is Carter's, not Carter (a person all the same). "visited
    Cusco": a bare name after "visited" is a person only if the text named him before (a town the
    gazetteer lacks is no one to meet); "visited former President X" is a call on him."""
    owners = [m for m in ev.objects if POSSESSIVE_AFTER.match(r.state.clean, m.end)]
    objects = [m for m in ev.objects if not any(m is o for o in owners)]
    r.resolve_people(owners, create=True, rule="owner")
    others = r.resolve_people(
        objects, create=not (ev.rule == "call_on" and ev.lemma == "visit"), rule="object"
    )
    return objects, others


def _who_met(
    r: ClauseReading,
    ev: Event,
    stated: list[Entity],
    subject: list[Entity],
    others: list[Entity],
) -> tuple[list[Entity], list[Entity], bool]:
    """(the one side, the other, whether the meeting is a trip's purpose) of a meeting told as a
    noun: "his meeting with X" (the owner met X), "the meeting of A and B" (A and B met),
    "travelled to Paris for a meeting with X" (the traveller met X)."""
    purpose = False
    sentence, visitors = r.sentence_visitors
    if (
        not stated
        and sentence == r.sentence
        and OPENED_WITH.search(r.state.clean, max(sentence[0], ev.start - 50), ev.start)
    ):
        # "X's visit began with a (tete-a-tete) meeting with Y": the visitor met Y
        return list(visitors), others, purpose
    if (
        ev.rule == "during_meeting"
        and len(ev.objects) > 1
        and ev.objects[-1].rule == "named"
        and not stated
    ):
        # "During his meeting with Minister X, Nurtleu discussed ...": the list ran into the
        # owner
        subject = r.resolve_people(ev.objects[-1:], create=False, rule="owner")
        others = [o for o in others if o not in subject]
    elif ev.rule == "during_meeting" and not subject or ev.rule == "meeting_noun":
        purpose = bool(FOR_PURPOSE.search(r.state.clean, max(0, ev.start - 6), ev.start))
        last_subject = r.state.people.last_subject
        subject = [last_subject] if (ev.possessive or purpose) and last_subject else []
        if ev.carrier is not None and ev.carrier.text == "their" and r.state.meetings:
            # "X hosted A and B ... Their meeting with Y": the guests', not their host's
            last = r.state.meetings[-1]
            subject = (
                [p for p in last.participants if p not in last.hosts]
                if last.hosts
                else list(last.participants)
            )
    return subject, others, purpose


def _told_status(r: ClauseReading, ev: Event, status: str) -> str:
    """The status the words around a meeting with none of its own tell (lexicon/frames.tsv):
    "was to have taken place" after it, cancelled; ", planned as well", "are scheduled" after it,
    or "will join the minister's (meetings)" before it, planned."""
    if ev.status or status not in HAPPENED:
        return status
    clean, (first, last) = r.state.clean, r.sentence
    if UNREAL_AFTER.match(clean, ev.end, last):
        return "cancelled"
    if PLANNED_AFTER.match(clean, ev.end, last) or MODAL_BEFORE.search(
        clean, max(first, ev.start - 60), ev.start
    ):
        return "planned"
    return status


def _date_and_status(
    r: ClauseReading, dates: list[TimeExpr], status: str, purpose: bool
) -> tuple[dt.date | None, str]:
    """The meeting's day, and its status: planned when it is what a trip is for, or after the
    report."""
    d1, _, _ = r.date_range(dates, status)
    if purpose and status in HAPPENED:
        # "left for Tokyo on Sunday for talks with X": what the trip is for, not yet told as done
        status = "planned"
    if d1 and r.state.dct and d1 > r.state.dct and status in HAPPENED:
        # "his talks with Modi tomorrow": a meeting after the report cannot have happened
        status = "planned"
    return d1, status


def _meeting_place(r: ClauseReading, ev: Event) -> AnyPlace | None:
    """Where the meeting was. "at the Elysee Palace in Paris": the city, where the seat of
    government gives only the country; "here": the dateline's city."""
    state = r.state
    if ev.places:
        return next((p for p in ev.places if not (p.name and state.seat(p.name))), ev.places[0])
    if ev.here and state.dateline:
        return DatelinePlace(*state.dateline)
    return None


def _note_placed(
    r: ClauseReading, subject: list[Entity], place: AnyPlace | None, start: int, end: int
) -> None:
    """ "attended the summit in Addis Ababa", "held talks in Manila": one placed at an event in a
    named city, met with no one named (the "placed at events abroad" pass)."""
    if len(subject) == 1 and place is not None and place.name:
        r.state.placed.append((subject[0], place, start, end))


def _guests_and_hosts(
    ev: Event, subject: list[Entity], others: list[Entity], objects: list[Mention]
) -> tuple[list[Entity], list[Entity]]:
    """Who is whose guest: the side the event says ("was received by", "called on"), else "held
    talks with visiting President X": X."""
    guests = (
        subject if ev.rule in GUEST_IS_SUBJECT else others if ev.rule in GUEST_IS_OBJECT else []
    )
    hosts = others if ev.rule in GUEST_IS_SUBJECT else subject if ev.rule in GUEST_IS_OBJECT else []
    visiting = [e for m, e in zip(objects, others, strict=False) if m.visiting]
    if visiting and not guests:
        guests, hosts = visiting, subject
    return guests, hosts


def _pairs(
    ev: Event, subject: list[Entity], others: list[Entity]
) -> list[tuple[list[Entity], list[Entity]]]:
    """The sides of each meeting told: "met A, B and C respectively": one meeting each; "A and B
    separately called on C": one each."""
    if ev.respectively and len(others) > 1:
        return [(subject, [o]) for o in others]
    if ev.respectively and len(subject) > 1:
        return [([s], others) for s in subject]
    return [(subject, others)]
