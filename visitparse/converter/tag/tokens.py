"""The tagged token and what it carries in `.data` beyond its text, and the word classes that the
tagger (tagger.py) and its context passes (context/) both read.

A token's type says which payload it holds:
  NAME                 str | None the nickname the text gives in brackets ("Joko (Jokowi) Widodo")
  COUNTRY, DEMONYM     str        the country's alpha-3 code
  PLACE                CityRef    a city or region and its country
  PLACES               list[ListedPlace]  a joined list of countries and places
  TITLE, PLTITLE       Title      an office (a plural one for PLTITLE)
  ORG                  Org        a body, an institution or a building
  DATE                 TimeExpr   a time expression
  DURATION             int        a length in days
  PERSON, OFFICE       list[Tok]  a person phrase's own tokens (parse/person_phrases.py)
  a trigger terminal   str | None the lemma reported in the output ("meet", "talks")
  W                    str | None TENURE for a word of tenure ("former", "newly appointed")
The typed views (`Tok.title`, `Tok.city`, ...) read the payload as the type says.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, TypeAlias, cast

from lark import Token

if TYPE_CHECKING:
    from ..parse.timex import TimeExpr

# a rank or royal style may stand between an office and the name
STYLE_KINDS = frozenset(("military", "royal"))
DEPUTY_WORDS = frozenset(("deputy", "vice", "assistant", "under"))
# the payload of a W token that is a word of tenure no office followed ("the new Chilean
# Ambassador"): it may go on an office after a nationality (context pass tenure_before_nationality)
TENURE = "tenure"
# a country, a city or region, a joined list of them
PLACE_TOKENS = frozenset(("COUNTRY", "PLACE", "PLACES"))


@dataclass(frozen=True)
class Org:
    """What an ORG token names: a body from the organisations table, or an institution or
    building found by its words ("the Chinese Embassy", "Jubilee House") that is not reported."""

    name: str
    acronym: str | None = None
    country: str | None = None  # of a national body ("NPC" -> CHN)
    institution: bool = False
    airport: bool = False  # an institution a traveller leaves or flies to ("Haneda Airport")


@dataclass(frozen=True)
class Title:
    """What a TITLE token names: an office, with what the words around it say of it."""

    text: str  # the office as written, modifiers and complement included
    kind: str
    # a country named inside the complement ("... of the Russian Federation")
    country: str | None = None
    plural: bool = False
    # an international body before the office ("NATO Secretary General")
    organization: str | None = None
    posting: str | None = None  # "Ambassador to Nepal": the country a diplomat is sent to (NPL)
    # a rank or royal style after the office ("Chief of Naval Staff Admiral X"): "the Admiral" is
    # him
    style: str | None = None


class CityRef(NamedTuple):
    """What a PLACE token names: a city or region and the country it is in."""

    country: str
    name: str


class ListedPlace(NamedTuple):
    """One place of a PLACES token ("Cameroon, Liberia and Sudan"): no name for a country."""

    country: str
    name: str | None
    start: int
    end: int


Payload: TypeAlias = (
    "str | int | CityRef | list[ListedPlace] | list[Tok] | Title | Org | TimeExpr | None"
)


class Tok(Token):
    """A lark Token carrying the tagger's reading of it in `.data`. A slot, not a per-token
    __dict__: a sentence of a million tokens holds a million fewer dicts for the collector to
    walk."""

    __slots__ = ("data",)
    data: Payload
    start_pos: int  # always set by `token` (lark's own may be None)
    end_pos: int

    # Typed views of `data`, for the token types listed in the module's docstring.
    @property
    def title(self) -> Title:  # type: ignore[override]  # lark's Token is a str: hides str.title()
        return cast(Title, self.data)

    @property
    def org(self) -> Org:
        return cast(Org, self.data)

    @property
    def code(self) -> str:
        """A COUNTRY's or DEMONYM's alpha-3 code."""
        return cast(str, self.data)

    @property
    def city(self) -> CityRef:
        return cast(CityRef, self.data)

    @property
    def places(self) -> list[ListedPlace]:
        return cast(list[ListedPlace], self.data)

    @property
    def timex(self) -> TimeExpr:
        return cast("TimeExpr", self.data)

    @property
    def days(self) -> int:
        return cast(int, self.data)

    @property
    def lemma(self) -> str | None:
        """A trigger's lemma."""
        return cast("str | None", self.data)

    @property
    def nickname(self) -> str | None:
        """A NAME's nickname in brackets ("Joko (Jokowi) Widodo": "Jokowi")."""
        return cast("str | None", self.data)


def token(type_: str, text: str, start: int, end: int, data: Payload = None) -> Tok:
    """A token of `text` at [start, end). Token's own constructor checks deprecated arguments on
    every call; this is the hot path of the tagger and the date lexer."""
    t = str.__new__(Tok, text)
    t.type, t.value, t.start_pos, t.end_pos, t.data = type_, text, start, end, data
    t.line = t.column = t.end_line = t.end_column = None
    return t


def retyped(t: Tok, type_: str) -> Tok:
    """`t` read as another terminal ("and" -> AND_PLACE): a new token, text, span and payload
    kept."""
    return token(type_, t.value, t.start_pos, t.end_pos, t.data)
