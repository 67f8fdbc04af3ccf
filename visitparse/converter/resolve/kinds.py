"""The kinds of people, and the roles in meeting events, that resolution tells apart (which
events are visits or meetings: converter/vocabulary.py)."""

from __future__ import annotations

from .entity import Entity

# Who is the guest in a meeting event: the subject ("was received by", "called on") or the object.
GUEST_IS_SUBJECT = ("received_by", "call_on")
GUEST_IS_OBJECT = ("receive", "receive_letter")
# office kinds (titles.tsv) of people met abroad who are not visiting
NOT_VISITORS = frozenset(("resident_diplomat", "spouse"))


def may_visit(person: Entity) -> bool:
    """Whether meeting people abroad makes one a visitor: not an ambassador (he lives where he
    meets people), nor a spouse (the corpus rule: spouses travel along, they are not visitors)."""
    return not NOT_VISITORS.intersection(person.kinds)
