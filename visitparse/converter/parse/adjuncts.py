"""The transformer's places and dates: the adjuncts of grammar/clauses.lark ("in Astana", "on
Monday", "here", "at the invitation of X", "arrived from Kazan") and the visit noun phrase ("a
three-day state visit to India"), built into Places, TimeExprs and the values of parts.py that an
event (events.py) takes in.
"""

from __future__ import annotations

from ..tag.tokens import Tok
from ..vocabulary import PRIOR_VISIT_WORDS
from .facts import Mention, Place
from .parts import (
    At,
    CameFrom,
    Destinations,
    Here,
    Inviter,
    Origin,
    There,
    VisitNP,
    bounds,
    tokens_of,
)
from .timex import TimeExpr


class AdjunctRules:
    """One method per adjunct rule of the grammar, named after it (islands.methods() finds them by
    name)."""

    def place(self, children: list[Tok]) -> Place | Destinations:
        tok = children[0]
        if tok.type == "PLACES":
            return Destinations(
                [Place(code, name, s, e) for code, name, s, e in tok.places],
                tok.start_pos,
                tok.end_pos,
            )
        if tok.type == "COUNTRY":
            return Place(tok.code, None, tok.start_pos, tok.end_pos)
        return Place(tok.city.country, tok.city.name, tok.start_pos, tok.end_pos)

    def destinations(self, children: list[Place | Destinations]) -> Destinations:
        c = children[0]
        return c if isinstance(c, Destinations) else Destinations([c], c.start, c.end)

    def when(self, children: list[Tok]) -> TimeExpr:
        return children[0].timex

    def where(self, children: list[Tok | Place | Destinations]) -> Place | At:
        place = [
            c.places[0] if isinstance(c, Destinations) else c
            for c in children
            if isinstance(c, (Place, Destinations))
        ]
        if place:
            return place[0]
        names = tokens_of(children, "PLACE", "NAME", "ORG")
        tok = names[-1]
        if tok.type == "PLACE":
            return Place(tok.city.country, tok.city.name, tok.start_pos, tok.end_pos)
        first = next(k for k, c in enumerate(children) if c is names[0])
        # "Great Hall of the People", "Burgenstock resort"; not the sentence's full stop
        return ("at", " ".join(str(c) for c in children[first:] if str(c)[:1].isalnum()))

    def at_city(self, children: list[Tok]) -> Place:
        """ "at Entebbe Airport", "at Lima's Jorge Chavez International Airport": in that city."""
        tok = next(c for c in children if c.type == "PLACE")
        return Place(tok.city.country, tok.city.name, tok.start_pos, tok.end_pos)

    def in_country(self, children: list[Tok]) -> Place:
        """ "in the Japanese port city": a place in that country, not named."""
        tok = next(c for c in children if c.type == "DEMONYM")
        return Place(tok.code, None, tok.start_pos, tok.end_pos)

    def here(self, children: list[Tok]) -> Here:
        return Here(children[0].start_pos, children[0].end_pos)

    def there(self, children: list[Tok]) -> There:
        return There(children[0].start_pos, children[-1].end_pos)

    def at_somewhere(self, children: list[Tok]) -> None:
        return None  # "at the airport": no place to report

    def sidelines(self, children: list[Tok]) -> None:
        return None  # "on the sidelines of the summit": the place follows in its own adjunct

    def aside(self, children: list[Tok]) -> None:
        return None  # "in five years": nothing to report, but the adjuncts after it still count

    def purpose(self, children: list[Tok]) -> None:
        return None  # "(met X) for bilateral talks": said of the meeting; the adjuncts after count

    def inviter(self, children: list[Tok | list[Mention]]) -> Inviter:
        return Inviter(next(c for c in children if isinstance(c, list)))

    def origin(self, children: list[Tok | Place | Destinations]) -> Origin:
        """ "arrived from Kazan": not where the visit is, but perhaps an earlier stop of the
        trip."""
        place = next(c for c in children if isinstance(c, (Place, Destinations)))
        return Origin(place.places if isinstance(place, Destinations) else [place])

    def came_from(self, children: list[Tok | Place | Destinations]) -> CameFrom:
        """ "arrived from Saudi Arabia, where he had talks with ...": where he was before, on a
        visit."""
        place = next(c for c in children if isinstance(c, (Place, Destinations)))
        return CameFrom(place.places if isinstance(place, Destinations) else [place])

    def prior_visit(self, children: list[Tok | Place | Destinations]) -> CameFrom | None:
        """ "arrived in Lima after a visit to Chile", "after visiting Chile and Bolivia": where he
        was before, on a visit (not after "before")."""
        word = next(c for c in children if isinstance(c, Tok) and c.type == "W")
        if word.lower() not in PRIOR_VISIT_WORDS:
            return None
        return self.came_from(children)

    def visit_np(self, children: list[Tok | Destinations]) -> VisitNP:
        s, e = bounds(children)
        dur = tokens_of(children, "DURATION")
        visit = tokens_of(children, "VISIT")
        named = [
            Place(t.code, None, t.start_pos, t.end_pos)
            for t in tokens_of(children, "COUNTRY", "DEMONYM")
        ]  # "his China visit"
        return VisitNP(
            named + [p for c in children if isinstance(c, Destinations) for p in c.places],
            dur[0].days if dur else None,
            visit[0].lemma if visit else None,
            s,
            e,
        )

    def status(self, children: list[Tok]) -> str | None:
        """ "will", "is scheduled to", "cancelled": the status word's reading ("planned")."""
        return children[0].lemma
