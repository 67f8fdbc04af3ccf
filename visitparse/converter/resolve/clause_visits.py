"""A visit event of a clause: the visits it records, in the steps of `record_visit`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import NamedTuple

from ...schema import HAPPENED
from ..parse.facts import Event, Place
from ..parse.timex import TimeExpr
from ..vocabulary import OWNED_VISITS
from .dates import resolve_atom
from .entity import Entity
from .frames import FRAMES
from .kinds import may_visit
from .reading import ClauseReading
from .records import AnyPlace, DatelinePlace, VisitRec

RECALLED = re.compile(rf"\b(?:{FRAMES['recalled']})\b[^.;,]{{0,12}}$", re.IGNORECASE)
UPCOMING = re.compile(
    rf"[^.;]{{0,40}}?\b(?:{FRAMES['upcoming']})\b[^.;]{{0,30}}?\b(?:{FRAMES['visit_nouns']})",
    re.IGNORECASE,
)
# "lauded the outcomes of X's visit", "the results of the visit by X": a reference to it
OUTCOMES_OF = re.compile(
    rf"\b(?:{FRAMES['results']})"
    # "the outcomes of Malaysian Health Minister X's visit": the owner between
    r"\s+(?:of|to|on)(?:\s+[^\s.;,]+){0,5}\s*$",
    re.IGNORECASE,
)
# "during the recent state visit of X", "his previous visit to Oman": a visit told as past
PAST_VISIT = re.compile(
    r"(?:(?:during|since|after|of|in)\s+)?(?:the|his|her|their|its|\w+['\u2019]s?)\s+"
    rf"(?:most\s+)?(?:{FRAMES['told_as_past']})\s+(?:[\w-]+\s+){{0,2}}(?:{FRAMES['visit_nouns']})",
    re.IGNORECASE,
)
# "It would have been X's first visit to Peru": one that did not take place
WOULD_HAVE_BEEN = re.compile(
    rf"\b(?:{FRAMES['unreal']})\s+have\s+been(?:\s+[^\s.;,]+){{0,5}}\s*$", re.IGNORECASE
)
# "(arrived in Lima) ahead of / before his visit to Chile": the next stop, still to come
AHEAD_OF = re.compile(rf"\b(?:{FRAMES['before']})\s+$", re.IGNORECASE)
# "since / following X's visit to Kenya": background
SINCE = re.compile(rf"\b(?:{FRAMES['background']})\b[^.;,]{{0,40}}$", re.IGNORECASE)


class VisitDates(NamedTuple):
    first: dt.date | None
    last: dt.date | None
    expr: TimeExpr | None
    one_day: bool  # "visited Nepal on Saturday": start = end


# Hostless visit mentions whose length is the visit's: "during his stay", "her two-day trip",
# "the overnight visit by X", "is on a three-day visit"
LENGTH_BEARERS = ("during_visit", "visit_noun", "visit_poss", "visit_by")


def record_visit(
    r: ClauseReading,
    ev: Event,
    subject: list[Entity],
    status: str,
    dates: list[TimeExpr],
    start: int,
) -> None:
    """The visits of `subject` (the clause's) an event tells, one to each host country; told
    with no country, what it says of the visit told before."""
    if _background(r, ev):
        return
    if ev.rule in OWNED_VISITS and status in HAPPENED:
        status = _owned_visit_status(r.state.clean, ev.start, status)
    if _told_by_legs(r, ev, subject, status, dates, start):
        return
    _note_origins(r, ev, subject, start)
    _record_came_from(r, ev, subject, start)
    places, hosts = _places_and_hosts(r, ev)
    if not hosts:
        _lend_duration(r, ev, subject, status)
        _note_arrival_day(r, ev, subject, status, dates)
        _end_visit_told_before(r, ev, subject, status, dates)
        _note_hostless(r, ev, subject, status, start)
        return
    when = _visit_dates(r, ev, status, dates, hosts)
    subject = _visitors_named_in_event(r, ev, subject)
    if len(hosts) > 1:  # a tour: the dates belong to the whole trip, not to each country
        when = VisitDates(None, None, None, when.one_day)
    if len(hosts) == 1:
        _inviters_are_hosts(r, ev, hosts[0])
    for host in hosts:
        _record_host(r, ev, subject, status, start, host, places, when)


def _owned_visit_status(clean: str, start: int, status: str) -> str:
    """What the words around "his visit to Peru" say of it: "his upcoming visit", "the planned
    visit of X", "(arrived in Lima) before his visit to Chile": planned; "It would have been his
    first visit": cancelled; else `status`."""
    if UPCOMING.match(clean, start) or AHEAD_OF.search(clean, max(0, start - 30), start):
        return "planned"
    if WOULD_HAVE_BEEN.search(clean, max(0, start - 60), start):
        return "cancelled"
    return status


def _background(r: ClauseReading, ev: Event) -> bool:
    """A past visit a period is counted from ("since X's visit to Kenya"), or one recalled: the
    background, not the news."""
    clean = r.state.clean
    return ev.rule in OWNED_VISITS and bool(
        SINCE.search(clean, max(0, ev.start - 50), ev.start)
        or RECALLED.search(clean, max(0, ev.start - 30), ev.start)
        or OUTCOMES_OF.search(clean, max(0, ev.start - 60), ev.start)
        or PAST_VISIT.match(clean, ev.start)
    )


def _told_by_legs(
    r: ClauseReading,
    ev: Event,
    subject: list[Entity],
    status: str,
    dates: list[TimeExpr],
    start: int,
) -> bool:
    """ "visited Peru on June 10-12 and Chile on June 13-14": each leg its own visit and dates.
    True when the legs were recorded."""
    if len(ev.legs) > 1 and any(leg_dates for _, leg_dates in ev.legs):
        for places, leg_dates in ev.legs:
            leg = dataclasses.replace(ev, destinations=places, legs=[])
            record_visit(r, leg, subject, status, leg_dates or dates, start)
        return True
    return False


def _note_origins(r: ClauseReading, ev: Event, subject: list[Entity], start: int) -> None:
    """ "arrived in Lima from Quito": perhaps an earlier stop, once countries are known (the
    "earlier stops" pass)."""
    for origin in ev.origins:
        r.state.origins.extend((visitor, origin, start, ev.end) for visitor in subject)


def _record_came_from(r: ClauseReading, ev: Event, subject: list[Entity], start: int) -> None:
    """ "arrived from Saudi Arabia, where he had talks": a visit before this one."""
    for came_from in ev.came_from:
        for visitor in subject:
            r.state.add_visit(
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


def _places_and_hosts(r: ClauseReading, ev: Event) -> tuple[list[AnyPlace], list[str]]:
    """Where the event happened ("here": the dateline's city), and the countries visited: its
    destinations', else its first place's."""
    places: list[AnyPlace] = list(ev.places)
    if ev.here and r.state.dateline:
        places.append(DatelinePlace(*r.state.dateline))
    if ev.there and not places and not ev.destinations:
        # "arrived in the country": the dateline's, else the country of the visit told last
        told = r.state.dateline[0] if r.state.dateline else None
        told = told or next((v.host for v in reversed(r.state.visits)), None)
        if told:
            places.append(Place(told, None, ev.start, ev.end))
    hosts = list(dict.fromkeys(p.country for p in ev.destinations)) or [
        p.country for p in places[:1]
    ]
    return places, hosts


def _lend_duration(r: ClauseReading, ev: Event, subject: list[Entity], status: str) -> None:
    """ "wrapped up his visit to Brazil on Wednesday. During the three-day visit, ...", "Ruiz's
    two-day trip", "the overnight visit by the minister": the length of the visit told before;
    told before any, it waits for the "lengths told apart" pass."""
    if not ev.duration or ev.rule not in LENGTH_BEARERS or ev.noun == "tour":
        return  # a tour told without its countries is the whole trip ("his three-day Europe tour")
    v = next(
        (v for v in reversed(r.state.visits) if v.visitor in subject and v.status == status),
        None,
    )
    if v is not None:
        v.duration = v.duration or ev.duration
        v.fill_from_duration()
    elif subject:
        r.state.lengths.append((list(subject), ev.duration))


def _note_arrival_day(
    r: ClauseReading, ev: Event, subject: list[Entity], status: str, dates: list[TimeExpr]
) -> None:
    """ "She arrived on Monday evening": the day the visit told elsewhere began (the "arrival
    days told apart" pass)."""
    if ev.rule != "arrival" or not subject or status not in HAPPENED:
        return
    first, last, _ = r.date_range(dates, status)
    if first and last is None:
        r.state.arrival_days.append((list(subject), first))


def _end_visit_told_before(
    r: ClauseReading, ev: Event, subject: list[Entity], status: str, dates: list[TimeExpr]
) -> None:
    """ "Minister Ruiz left Thursday.", "A banquet on Friday concluded the President's visit": the
    visit told before (of this visitor, or the last one told) ends that day."""
    if not (dates and (ev.rule == "visit_end" or ev.lemma == "end")):
        return
    visits, dct = r.state.visits, r.state.dct
    # "departs Lima on Friday", "will leave Lima on Friday": the set end of a visit under way
    statuses = HAPPENED if ev.present and status in (*HAPPENED, "planned") else (status,)
    v = next(
        (v for v in reversed(visits) if v.visitor in subject and v.status in statuses),
        None,
    ) or next((v for v in reversed(visits) if v.status in statuses and not subject), None)
    d1, d2, expr = r.date_range(dates, "planned" if ev.present else status)
    last = d2 or d1
    if (
        v is None
        and last
        and subject
        and status in HAPPENED
        and not ev.present
        and not ev.left_unplaced
    ):
        # "received X in Jeddah on Tuesday. X departed Jeddah later on Tuesday": the visit the
        # reception implies is found later (the "departure days told apart" pass)
        left = {p.country for p in ev.left_from + ev.destinations}
        r.state.departure_days.append((list(subject), last, left))
    if (
        v is not None
        and v.start_date
        and last
        and (last < v.start_date or ev.present)
        and expr
        and expr.first
        and expr.first.weekday is not None
    ):
        # "arrived Tuesday ... left Thursday": that Thursday; "arrived Wednesday ... departs
        # Friday": the Friday after the arrival, not after the publication day
        last = resolve_atom(expr.first, dct, after=v.start_date)
    if (
        v is not None
        and v.end_date is None
        and last
        and (v.start_date is None or last >= v.start_date)
        and not (dct and last > dct and status in HAPPENED and not ev.present)
    ):
        v.end_date = last
        v.fill_from_duration()


def _note_hostless(
    r: ClauseReading, ev: Event, subject: list[Entity], status: str, start: int
) -> None:
    """ "on the final day of the minister's visit": a host from those met, later (the "hosts of
    visits told without one" pass)."""
    if ev.rule in OWNED_VISITS and status in HAPPENED:
        r.state.hostless.extend((visitor, start, ev.end, r.sentence) for visitor in subject)


def _visit_dates(
    r: ClauseReading, ev: Event, status: str, dates: list[TimeExpr], hosts: list[str]
) -> VisitDates:
    """The dates the event gives the visit; a single date is its end for "concluded a visit", the
    whole visit for "visited Nepal on Saturday" (`_dated_by_one_day`); "will end her visit on
    Sunday" counts forward."""
    d1, d2, expr = r.date_range(dates, "planned" if ev.present and ev.lemma == "end" else status)
    if (
        d1
        and d2 is None
        and (ev.rule == "visit_end" or ev.rule in OWNED_VISITS and ev.lemma == "end")
    ):
        # "concluded a two-day visit on Tuesday", "the visit paid by X wrapped up today"
        d1, d2 = None, d1
    one_day = bool(
        d1
        and d2 is None
        and _dated_by_one_day(ev)
        and not ev.base_form
        and not ev.duration
        and status in HAPPENED
        and len(hosts) == 1
    )
    return VisitDates(d1, d2, expr, one_day)


def _dated_by_one_day(ev: Event) -> bool:
    """A visit told as one act on one day lasted that day: "visited Nepal on Saturday", "paid a
    visit to Nepal on Saturday", "the visit by X to Nepal on Saturday"; not "arrived on Saturday",
    "began a visit on Saturday" or "is on a visit", which give only its start."""
    if ev.rule == "visit_verb" or ev.noun == "stop":  # "a brief stop in Portugal on Friday"
        return True
    if ev.rule == "visit_noun":
        return ev.lemma == "pay" and not ev.present
    return ev.rule in OWNED_VISITS and ev.lemma != "begin"


def _visitors_named_in_event(r: ClauseReading, ev: Event, subject: list[Entity]) -> list[Entity]:
    """ "the tour took him to ...": him, not the clause's subject; "During the visit by X to Peru,
    the two sides ...": X."""
    if ev.rule == "taken_to" and ev.carrier:
        return r.resolve_people([ev.carrier], create=False, rule="visitor")
    if ev.rule == "visit_by" and ev.carrier:
        return r.owner(ev, create=True)
    return subject


def _inviters_are_hosts(r: ClauseReading, ev: Event, host: str) -> None:
    """ "at the invitation of President X": X is the host country's."""
    for inviter in r.resolve_people(ev.inviters, create=True, rule="inviter"):
        if inviter.country is None and inviter.organization is None:
            inviter.country, inviter.country_rule = host, "inviter"


def _visitors(r: ClauseReading, ev: Event, subject: list[Entity], host: str) -> list[Entity]:
    """Who visits `host`: the subject; "X held talks with Y ... during his state visit to China", X
    Chinese: Y; "President X and First Lady Y arrived": the spouse travels along, the principal
    visits."""
    visitors = subject
    meetings = r.state.meetings
    if ev.rule == "during_visit" and meetings and all(s.country == host for s in subject):
        visitors = [p for p in meetings[-1].participants if p.country and p.country != host]
    return [v for v in visitors if may_visit(v)] or visitors


def _record_host(
    r: ClauseReading,
    ev: Event,
    subject: list[Entity],
    status: str,
    start: int,
    host: str,
    places: list[AnyPlace],
    when: VisitDates,
) -> None:
    """The visit of each visitor to `host`, with the places named there (not a seat of
    government)."""
    state = r.state
    names = [
        p.name
        for p in [*ev.destinations, *places]
        if p.name and p.country == host and not state.seat(p.name)
    ]
    for visitor in _visitors(r, ev, subject, host):
        # "On Friday, Putin travelled to Harbin": a day of a visit already told, not a one-day
        # visit
        leg = when.one_day and (id(visitor), host, True) in state.visit_index
        first, last = (
            (None, None) if leg else (when.first, when.first if when.one_day else when.last)
        )
        state.add_visit(
            VisitRec(
                visitor,
                host,
                status,
                start,
                ev.end,
                ev.rule,
                first,
                last,
                when.expr.text if when.expr else None,
                list(dict.fromkeys(names)),
                ev.duration,
                one_day=when.one_day and not leg,
            )
        )
        if ev.rule == "arrival" and ev.present and first is None and status in HAPPENED:
            state.arrived_now.append((visitor, host))
