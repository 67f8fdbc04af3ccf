"""The "merge people" pass: one person told twice becomes one, and the records follow."""

from __future__ import annotations

from .entity import Entity
from .state import ReportState


def merge_people(state: ReportState) -> None:
    """ "Liu" and "Liu Guozhong", unnamed office holders and the named person they are
    (`People.merge_unnamed`): the visits and meetings are recorded again with the people they now
    hold (two visits may become one, a meeting of one person none), the ids in messages,
    statements and agreements renamed."""
    merged = state.people.merge_unnamed(state.hosts_of, state.apart)
    if not merged:
        return

    def canon(e: Entity) -> Entity:
        return merged.get(e.id, e)

    visits, state.visits, state.visit_index, state.hosts_of = state.visits, [], {}, {}
    for v in visits:
        v.visitor = canon(v.visitor)
        state.add_visit(v)
    meetings, state.meetings, state.meeting_index = state.meetings, [], {}
    # a headline's "President of Cyprus" may now be the body's named president
    for m in meetings:
        m.participants = list(dict.fromkeys(canon(p) for p in m.participants))
        m.guests = [canon(p) for p in m.guests]
        m.hosts = [canon(p) for p in m.hosts]
        if len(m.participants) > 1:
            state.add_meeting(m)
    state.lengths = [([canon(e) for e in visitors], days) for visitors, days in state.lengths]
    state.arrived_now = [(canon(e), host) for e, host in state.arrived_now]
    state.arrival_days = [([canon(e) for e in vs], day) for vs, day in state.arrival_days]
    state.departure_days = [
        ([canon(e) for e in vs], day, left) for vs, day, left in state.departure_days
    ]
    state.rename_ids({old: e.id for old, e in merged.items()})
