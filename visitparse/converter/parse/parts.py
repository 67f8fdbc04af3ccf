"""What the transformer's rules hand to one another on the way to the facts (facts.py): the values
of adjuncts that are not facts themselves ("here", "at the invitation of X", "arrived from X"), the
type of a rule's children, and the helpers every group of rules reads them with.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias, cast

from ..tag.tokens import Tok
from .facts import Event, Mention, Place
from .timex import TimeExpr


class There:
    """The adjunct "in the country": the country told before."""

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


class Here:
    """The adjunct "here": the dateline city."""

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


class Destinations:
    """The places a visit goes to ("visited A, B and C"), as opposed to where an event happens."""

    def __init__(self, places: list[Place], start: int, end: int):
        self.places, self.start, self.end = places, start, end


class Inviter:
    """ "at the invitation of President X": the people who invited the visitor (the host's)."""

    def __init__(self, people: list[Mention]):
        self.people = people


class _Whence:
    """Places a visitor came from; what they tell depends on the kind."""

    def __init__(self, places: list[Place]):
        self.places = places


class Origin(_Whence):
    """The place of "arrived from X": where the visitor came from (home, or an earlier stop)."""


class CameFrom(_Whence):
    """The place of "from X, where ...": the visitor was there before this event."""


class VisitNP:
    """ "a three-day state visit to India": the destination and the stated length."""

    def __init__(
        self, places: list[Place], duration: int | None, lemma: str | None, start: int, end: int
    ):
        self.places, self.duration, self.lemma = places, duration, lemma
        self.start, self.end = start, end


# "at the Great Hall of the People": a venue by its name, of no known place
At: TypeAlias = tuple[str, str]

# What a rule method is called with: the tokens it matched and the values of the rules under it.
# A list is a person list (or the TITLE tokens of `titles`, or the events of `predicates`); a
# plain str a status ("planned"); None an adjunct with nothing to report ("at the airport").
Child: TypeAlias = (
    Tok
    | Mention
    | Event
    | Place
    | Destinations
    | TimeExpr
    | Here
    | VisitNP
    | Inviter
    | Origin
    | CameFrom
    | At
    | str
    | None
    | list[Mention]
    | list[Tok]
    | list[Event]
)


def bounds(items: Sequence[object]) -> tuple[int, int]:
    """The span of `items`: tokens, facts with spans and lists of them (status words and "at"
    names carry none)."""
    starts: list[int] = []
    ends: list[int] = []
    for x in items:
        if isinstance(x, Tok):
            starts.append(x.start_pos)
            ends.append(x.end_pos)
        elif isinstance(x, list):
            if x:
                s, e = bounds(x)
                starts.append(s)
                ends.append(e)
        elif hasattr(x, "start") and hasattr(x, "end"):  # a fact or a value of this module
            starts.append(x.start)
            ends.append(x.end)
    return (min(starts), max(ends)) if starts else (0, 0)


def tokens_of(children: Sequence[Child], *types: str) -> list[Tok]:
    """The tokens among `children` of any of `types`, in order."""
    return [c for c in children if isinstance(c, Tok) and c.type in types]


def token_of(children: Sequence[Child], *types: str) -> Tok:
    """The first token among `children` of any of `types` (the grammar puts one there)."""
    return next(c for c in children if isinstance(c, Tok) and c.type in types)


def person_lists(children: Sequence[Child]) -> list[list[Mention]]:
    """The lists among the children of a rule whose lists are all person lists (by the grammar:
    not `titles`, not `predicates`), in order."""
    return cast("list[list[Mention]]", [c for c in children if isinstance(c, list)])
