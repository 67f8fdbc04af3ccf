"""Counterparts: "his Hungarian counterpart Peter Szijjarto" holds the office of the one he meets.

Two moments: a clause that names both ("Minister X and his Hungarian counterpart Y", "met his
Kyrgyz counterpart, Sooronbay Jeenbekov") settles it at once (`take_office_if_counterpart`); a
counterpart still without an office when the report is read takes that of a titled person he met
(the `counterparts` pass). His country comes from the demonym, as any person's. A person merged
later is never merged into the one he is the counterpart of (merge.py).
"""

from __future__ import annotations

from ..parse.facts import Mention
from .entity import Entity
from .state import ReportState


def office_unknown_counterpart(person: Entity) -> bool:
    """Known only as someone's "counterpart" (or "peer"): the office is the other person's, still
    to find."""
    return bool(person.title) and person.kinds[:1] == ["counterpart"]


def hold_own_office(person: Entity) -> bool:
    """ "met his Chilean counterpart, Trade Minister Ana Soto": the office the text gives her beats
    the one she would take from the person she meets. True when she has one (now her title)."""
    if not office_unknown_counterpart(person) or not person.other_titles:
        return False
    person.title = person.other_titles.pop(0)
    person.kinds = person.kinds[1:]
    return True


def hold_office_of(person: Entity, other: Entity | None) -> None:
    """ "his Sri Lankan counterpart X": X holds the office (title and kind) of the one he meets;
    of a "Deputy Prime Minister and Foreign Minister", the ministry (counterparts are ministers)."""
    offices = (
        list(zip([other.title, *other.other_titles], other.kinds, strict=False))
        if other and other.title
        else []
    )
    title, kind = offices[0] if offices else (None, None)
    if kind == "deputy":
        title, kind = next(((t, k) for t, k in offices if k == "minister"), (title, kind))
    person.title = title
    person.kinds = [k for k in person.kinds if k != "counterpart"] + ([kind] if kind else [])
    person.counterpart_of = other


def take_office_if_counterpart(mention: Mention, person: Entity, of: Entity) -> None:
    """ "his Hungarian counterpart Peter Szijjarto" beside a titled `of`: the counterpart holds
    `of`'s office (title and kind); his own country comes from the demonym."""
    if hold_own_office(person):
        return
    if "counterpart" in mention.title_kinds and of.title and office_unknown_counterpart(person):
        hold_office_of(person, of)


def counterparts(state: ReportState) -> None:
    """ "his Bhutanese counterpart X": X holds the office of the first titled person he met who is
    no unknown counterpart himself (no office at all when there is none)."""
    meetings_of = state.meetings_of()
    for e in state.people.entities:
        if office_unknown_counterpart(e) and not hold_own_office(e):
            partner = next(
                (
                    p
                    for m in meetings_of.get(id(e), ())
                    for p in m.participants
                    if p is not e and p.title and not office_unknown_counterpart(p)
                ),
                None,
            )
            hold_office_of(e, partner)
