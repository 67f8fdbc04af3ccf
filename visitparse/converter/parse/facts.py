"""What the transformer hands to resolution: mentions, events and clauses with their spans.

These are the parse trees' meaning before anything is resolved: a Mention is a way the text
refers to a person ("Kazakh President Kassym-Jomart Tokayev", "he", "the Kazakh leaders"), an
Event is one predicate of a clause ("met with A, B and C respectively").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .timex import TimeExpr


@dataclass
class Mention:
    rule: str  # titled | named | pronoun | group | relative_subject
    start: int
    end: int
    name: str | None = None
    name_span: tuple[int, int] | None = None
    nickname: str | None = None  # "Joko (Jokowi) Widodo": "Jokowi" alone is him too
    titles: list[str] = field(default_factory=list)
    title_kinds: list[str] = field(default_factory=list)
    # "Deputy Prime Minister and Minister of Finance X": the offices the text joins by "and"
    joined: tuple[str, ...] = ()
    country: str | None = None  # from a demonym, "Kazakhstan's", "of Kazakhstan" or the office
    # "Qatar's Emir X, ...", "President of Kenya X, ...": not the list's after it
    country_not_shared: bool = False
    organization: str | None = None  # "Secretary-General of the United Nations"
    place: str | None = None  # "the mayor of Almaty"
    posting: str | None = None  # "Ambassador to Nepal": NPL, where the diplomat serves
    visiting: bool = False  # "the visiting U.S. Vice President"
    plural: bool = False  # "the Kazakh leaders", "they", "both sides"
    couple: bool = False  # "the royal couple"
    owner: Mention | None = None  # "US President Donald Trump's special envoy": Trump, a person too
    spouse: Mention | None = None  # "X and his wife, Y": Y, a person too, no part of the event
    possessor: str | None = None  # "her Trade Minister X": the pronoun whose person he serves
    text: str = ""


@dataclass
class Place:
    country: str
    name: str | None  # the city or region; None when the text names only the country
    start: int
    end: int


@dataclass
class Event:
    rule: str  # the grammar alias: visit_verb, meet, convey, ...
    start: int
    end: int
    lemma: str | None = None
    # "greetings", "letter", "invitation"; a visit's "visit", "tour", "stop"
    noun: str | None = None
    objects: list[Mention] = field(default_factory=list)  # met / received / called on / recipients
    senders: list[Mention] = field(default_factory=list)  # greetings from
    carrier: Mention | None = None  # "asked Liu to convey"
    destinations: list[Place] = field(default_factory=list)  # "visited A and B": one visit each
    places: list[Place] = field(default_factory=list)  # "in Astana": where it happened
    # "Peru on June 10-12 and Chile on June 13-14": each destination with its dates
    legs: list[tuple[list[Place], list[TimeExpr]]] = field(default_factory=list)
    at: list[str] = field(default_factory=list)  # "at the Jubilee House"
    dates: list[TimeExpr] = field(default_factory=list)
    duration: int | None = None
    respectively: bool = False
    status: str | None = None  # planned / cancelled
    present: bool = False  # "is on a visit", "is visiting"
    here: bool = False
    there: bool = False  # "in the country": the country told before
    possessive: bool = False  # "his meeting with X": X met the owner
    base_form: bool = False  # "visit" as an infinitive: "... to visit China"
    trigger_end: int = 0  # where the statement's content begins
    # "arrived from X, where he met ...": was in X before
    came_from: list[Place] = field(default_factory=list)
    # "arrived in Lima from Quito": where the trip came from
    origins: list[Place] = field(default_factory=list)
    # "left Quito on Monday": the city left (not where the event happened)
    left_from: list[Place] = field(default_factory=list)
    # "left Haneda Airport": a place of no known country was left (not a visit told later)
    left_unplaced: bool = False
    inviters: list[Mention] = field(default_factory=list)  # "at the invitation of President X"
    invited_first: bool = False  # the invitation opens the clause


@dataclass
class Clause:
    rule: str  # clause | bare_clause
    start: int
    end: int
    subject: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    fronted: Event | None = None  # during_visit / during_meeting / fronted_date
