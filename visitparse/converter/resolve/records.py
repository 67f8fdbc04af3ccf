"""The records resolution builds before they become the report's visits and meetings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..parse.facts import Place
from ..tag.lexicon import Lexicon, words
from .entity import Entity


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
                assert self.end_date is not None  # exactly one of the two is known
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


@dataclass
class DatelinePlace:
    """The dateline's city (or country) where the text says "here": a place with no span."""

    country: str
    name: str | None


# Where an event happened: a place the text names, or the dateline's.
AnyPlace = Place | DatelinePlace


def place_of_dateline(lex: Lexicon, name: str | None) -> tuple[str, str | None] | None:
    """(country, name) of a dateline city such as "ISLAMABAD" or "New Delhi"."""
    if not name:
        return None
    key = words(name)
    if key in lex.places:
        return lex.places[key], lex.place_names[key]
    if key in lex.countries:
        return lex.countries[key], None
    return None
