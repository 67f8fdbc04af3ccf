"""What a tagged token carries in `.data` beyond its text, and the word classes that both the
tagger (tagger.py) and its context passes (context.py) read."""

from __future__ import annotations

from dataclasses import dataclass

STYLE_KINDS = frozenset(
    ("military", "royal")
)  # a rank or royal style may stand between an office and the name
DEPUTY_WORDS = frozenset(("deputy", "vice", "assistant", "under"))
TENURE_WORDS = frozenset(("former", "outgoing", "incoming", "acting", "late"))
PLACE_TOKENS = frozenset(
    ("COUNTRY", "PLACE", "PLACES")
)  # a country, a city or region, a joined list of them


@dataclass(frozen=True)
class Org:
    """What an ORG token names: a body from the organisations table, or an institution or
    building found by its words ("the Chinese Embassy", "Jubilee House") that is not reported."""

    name: str
    acronym: str | None = None
    country: str | None = None  # of a national body ("NPC" -> CHN)
    institution: bool = False


@dataclass(frozen=True)
class Title:
    text: str  # the office as written, modifiers and complement included
    kind: str
    country: str | None = (
        None  # a country named inside the complement ("... of the Russian Federation")
    )
    plural: bool = False
    organization: str | None = (
        None  # an international body before the office ("NATO Secretary General")
    )
    posting: str | None = None  # "Ambassador to Nepal": the country a diplomat is sent to (NPL)
    style: str | None = (
        # a rank or royal style after the office ("Chief of Naval Staff Admiral X"): "the Admiral"
        # is him
        None
    )
