"""The passes that find visits the text implies, and finish the places and dates of all visits."""

from __future__ import annotations

from ...schema import HAPPENED
from ..tag.lexicon import fold
from .entity import Entity
from .kinds import may_visit
from .records import MeetingRec, VisitRec
from .state import ReportState


def infer_visits(state: ReportState) -> None:
    """A guest received by a host of another country, or a participant of another country at a
    meeting in a named place, is visiting that country; last, a meeting told from the dateline's
    city (`_dateline_meeting`)."""
    # who is abroad: a visitor hosts no one; but one told of a visit still to come ("his upcoming
    # visit"), or of one to his own country, is at home
    abroad = {
        id(v.visitor) for v in state.visits if v.status in HAPPENED and v.host != v.visitor.country
    }
    for m in state.meetings:
        if m.status not in HAPPENED:
            continue
        if m.place_country:
            for p in m.participants:
                if _away(state, p, m.place_country, m.place) and may_visit(p):
                    # the meeting's date does not fix the visit's start or end
                    state.add_visit(
                        VisitRec(
                            p,
                            m.place_country,
                            m.status,
                            m.start,
                            m.end,
                            "meeting_place:" + m.rule,
                            places=state.cities(m.place),
                        )
                    )
        host_countries = {h.country for h in m.hosts if h.country and id(h) not in abroad}
        if len(host_countries) == 1:
            host = next(iter(host_countries))
            for g in m.guests:
                if _away(state, g, host, m.place) and may_visit(g):
                    state.add_visit(VisitRec(g, host, m.status, m.start, m.end, "hosted:" + m.rule))
        _dateline_meeting(state, m)  # the weakest evidence: after the others


def _away(state: ReportState, p: Entity, country: str, city: str | None) -> bool:
    """Whether `p`, met in `country` (and `city`), is away from home there: one of a country
    elsewhere; an international body's official away from where the body is based (the corpus
    rule: the UN Secretary-General is a visitor in Washington, not in New York), or anywhere when
    the lexicon gives no seat; one of neither, never."""
    if p.country:
        return p.country != country
    if p.organization is None:
        return False
    seat = state.lex.organization_seats.get(p.organization)
    if seat is None:
        return True
    seat_country, seat_city = seat
    return country != seat_country or (city is not None and fold(city) != fold(seat_city))


def _dateline_meeting(state: ReportState, m: MeetingRec) -> None:
    """ "BEIJING - Liu met with a delegation led by Novikov": a meeting set nowhere else (or in a
    venue of no known country: "at Malacanang"), with a local, filed from the dateline city,
    while no one in it is away on another visit, is held in the dateline's country. An office
    holder of no stated country counts as a local: the dateline gives him its country too; so
    does the head of a body there who receives a guest ("ADDIS ABABA - AU Chairperson X held
    talks with visiting Foreign Minister Y")."""
    if m.place_country or not state.dateline:
        return
    home = state.dateline[0]
    if any(state.hosts_of.get(id(p), set()) - {home} for p in m.participants):
        return
    if (
        any(p.country == home or p.stateless_office_holder for p in m.participants)
        or m.guests
        and any(h.organization for h in m.hosts)
    ):
        for p in m.participants:
            if p.country and p.country != home and may_visit(p):
                state.add_visit(
                    VisitRec(p, home, m.status, m.start, m.end, "dateline_meeting:" + m.rule)
                )


def hosts_from_those_met(state: ReportState) -> None:
    """ "Minister X held talks with President Y on Monday, on the final day of the minister's
    visit": a visit told with no country, by one who visits nowhere else, is to the one country of
    the people met in the same sentence."""
    for visitor, start, end, sentence in state.hostless:
        if state.hosts_of.get(id(visitor)) or not visitor.country:
            continue
        met = {
            p.country
            for m in state.meetings
            if visitor in m.participants
            and m.status in HAPPENED
            and sentence[0] <= m.start < sentence[1]
            for p in m.participants
            if p is not visitor and p.country
        }
        met.discard(visitor.country)
        if len(met) == 1:
            state.add_visit(VisitRec(visitor, met.pop(), "completed", start, end, "visit_poss:met"))


def placed_abroad(state: ReportState) -> None:
    """ "X attended the summit in Addis Ababa": one of known country whom the text places at an
    event in a city of another country visited it (the corpus rule on summits abroad)."""
    for person, place, start, end in state.placed:
        if person.country and place.country != person.country and may_visit(person):
            state.add_visit(
                VisitRec(
                    person,
                    place.country,
                    "completed",
                    start,
                    end,
                    "placed_at_event",
                    places=state.cities(place.name),
                )
            )


def earlier_stops(state: ReportState) -> None:
    """ "President X arrived in Lima from Quito": a visitor of known country who came from a
    foreign country other than the one visited had been there (an earlier stop of the trip, the
    corpus rule)."""
    for visitor, place, start, end in state.origins:
        hosts = state.hosts_of.get(id(visitor), set())
        if (
            visitor.country
            and place.country != visitor.country
            and hosts
            and place.country not in hosts
        ):
            state.add_visit(
                VisitRec(
                    visitor,
                    place.country,
                    "completed",
                    start,
                    end,
                    "came_from",
                    places=state.cities(place.name),
                )
            )


def visit_places(state: ReportState) -> None:
    """Places where the visitor met people during the visit ("the mayor of Almaty")."""
    meetings_of = state.meetings_of()
    for v in state.visits:
        for m in meetings_of.get(id(v.visitor), ()):
            if (m.status in HAPPENED) != (v.status in HAPPENED):
                # a planned meeting's venue is not where a completed visit went, nor the other way
                continue
            named = (
                [m.place]
                if m.place and m.place_country == v.host and not state.seat(m.place)
                else []
            )
            named += [p.place for p in m.participants if p.place and p.country == v.host]
            v.places.extend(n for n in named if n not in v.places)


def undo_one_day_visits(state: ReportState) -> None:
    """ "visited Harbin on Friday" read as a one-day visit, but the visitor met people in that
    country on another day ("talks in Beijing on Thursday"): the visit was longer, its dates
    unknown."""
    meetings_of = state.meetings_of()
    for v in state.visits:
        if v.one_day and any(
            m.date
            and m.date != v.start_date
            and m.status in HAPPENED
            and (m.place_country == v.host or any(p.country == v.host for p in m.participants))
            for m in meetings_of.get(id(v.visitor), ())
        ):
            v.start_date = v.end_date = None
            v.one_day = False


def lengths_told_apart(state: ReportState) -> None:
    """ "is due to meet the president during his three-day stay. He arrived in Lima on Monday":
    a length told in no visit's clause is the length of its teller's one visit that took place."""
    for visitors, days in state.lengths:
        for visitor in visitors:
            v = _one_visit(state, visitor)
            if v is not None and v.duration is None:
                v.duration = days
                v.fill_from_duration()


def arrivals_told_now(state: ReportState) -> None:
    """ "The minister has arrived in Lima on a two-day visit": with no date anywhere in the report,
    the visit began on the day of the report."""
    for visitor, host in state.arrived_now:
        v = state.visit_index.get((id(visitor), host, True))
        if v is not None and v.start_date is None and v.end_date is None and state.dct:
            v.start_date = state.dct
            v.fill_from_duration()


def one_day_visits_dated_by_meetings(state: ReportState) -> None:
    """ "X, on a one-day visit to Ghana, held talks with President Y on Tuesday": a one-day visit
    with no date of its own took place on the one day its visitor met people of the host."""
    for v in state.visits:
        if v.duration != 1 or v.start_date or v.end_date or v.status not in HAPPENED:
            continue
        days = {
            m.date
            for m in state.meetings
            if m.date
            and m.status in HAPPENED
            and v.visitor in m.participants
            and (
                m.place_country == v.host
                or any(p.country == v.host for p in m.participants if p is not v.visitor)
            )
        }
        if len(days) == 1:
            v.start_date = v.end_date = days.pop()


def arrival_days_told_apart(state: ReportState) -> None:
    """ "Kenyan President X began a state visit to Peru. She arrived on Monday evening.": an
    arrival told with a day and no place began the teller's one visit that took place."""
    for visitors, day in state.arrival_days:
        for visitor in visitors:
            v = _one_visit(state, visitor)
            if v is not None and v.start_date is None and (v.end_date is None or day <= v.end_date):
                v.start_date = day
                v.fill_from_duration()


def departure_days_told_apart(state: ReportState) -> None:
    """ "The King received the Emir in Jeddah on Tuesday. The Emir departed Jeddah later on
    Tuesday.": a departure told before the visit was known ends the teller's one visit; a visit
    known only from receptions, all on that day, began that day too."""
    for visitors, day, left in state.departure_days:
        for visitor in visitors:
            v = _one_visit(state, visitor)
            if v is None or left and v.host not in left:
                continue  # "left Quito on Monday and arrived in Lima": not the end of that visit
            if v.end_date is not None or (v.start_date and day < v.start_date):
                continue
            v.end_date = day
            v.fill_from_duration()
            if v.start_date is None and v.rule.startswith(("meeting_place:", "hosted:")):
                days = {
                    m.date
                    for m in state.meetings
                    if visitor in m.participants and m.status in HAPPENED and m.date
                }
                if days == {day}:
                    v.start_date = day


def _one_visit(state: ReportState, visitor: Entity) -> VisitRec | None:
    """The visit that took place of a visitor who visited one country in the report, else None
    (a length or a day told apart from its visit is that visit's only when there is one)."""
    visits = [v for v in state.visits if v.visitor is visitor and v.status in HAPPENED]
    return visits[0] if len({v.host for v in visits}) == 1 else None
