"""The kinds of events (clauses.lark aliases) and of people that resolution tells apart."""

from __future__ import annotations

from .entity import Entity

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
# "his visit to Peru", "the visit by X to Peru": the owner visits
OWNED_VISITS = (
    "visit_poss",
    "visit_by",
)
MEETING_EVENTS = (
    "meet",
    "receive",
    "receive_letter",
    "received_by",
    "call_on",
    "during_meeting",
    "meeting_noun",
)
# Who is the guest in a meeting event: the subject ("was received by", "called on") or the object.
GUEST_IS_SUBJECT = ("received_by", "call_on")
GUEST_IS_OBJECT = ("receive", "receive_letter")
# office kinds (titles.tsv) of people met abroad who are not visiting
NOT_VISITORS = frozenset(("resident_diplomat", "spouse"))


def may_visit(person: Entity) -> bool:
    """Whether meeting people abroad makes one a visitor: not an ambassador (he lives where he
    meets people), nor a spouse (the corpus rule: spouses travel along, they are not visitors)."""
    return not NOT_VISITORS.intersection(person.kinds)
