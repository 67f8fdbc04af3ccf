"""Context passes over one sentence's tokens, for what a token's neighbours decide.

The tagger (tagger.py) reads each position by itself; `settle` then finds the institutions with
their names ("the Department of Foreign Affairs") and runs CONTEXT_PASSES in order, each returning
a new token list. A pass runs only on a sentence that holds the token types it `needs`, read once,
after the institutions: a type that one pass makes does not wake a later one.

The passes live by family: names.py (bodies, not people), titles.py (an office's acronym and seat,
"official" as an office), places.py (place lists, stays, legs, countries as adjectives) and
verbs.py (light verbs with their talks, auxiliaries, clause openers). How offices join into one
person's, with their name and nationality, is no pass: the person grammar (grammar/people.lark)
parses it over the tokens the passes leave.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass, field

from ..tokens import Tok
from . import names, places, titles, verbs
from .names import institutions
from .places import CityLookup, cities_of_the_gazetteer


@dataclass(frozen=True)
class ContextPass:
    """One rewrite of a sentence's tokens, and when it runs."""

    name: str
    # token types the sentence must hold: one of each entry's "|"-separated types ("COUNTRY|PLACE")
    needs: tuple[str, ...]
    run: Callable[[str, list[Tok]], list[Tok]]
    # a test of the text besides the types, on the tokens as they reach the pass
    when: Callable[[str, list[Tok]], bool] | None = None
    reason: str = field(kw_only=True)  # one line: what the pass decides
    groups: tuple[frozenset[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "groups", tuple(frozenset(n.split("|")) for n in self.needs))

    def applies(self, types: Set[str], text: str, toks: list[Tok]) -> bool:
        """Whether the pass runs on a sentence of these token types and text."""
        for group in self.groups:
            if types.isdisjoint(group):
                return False
        return self.when is None or self.when(text, toks)


def _bracketed(text: str, toks: list[Tok]) -> bool:
    """The sentence's text holds a bracket."""
    return bool(toks) and "(" in text[toks[0].start_pos : toks[-1].end_pos]


# The stage's order on one screen: each pass's name, needs and function, then its reason.
# fmt: off
CONTEXT_PASSES: tuple[ContextPass, ...] = (
    ContextPass("drop_acronyms", (), titles.drop_acronyms, when=_bracketed,
                reason="a bracketed short form after an office or body repeats it"),
    ContextPass("cities_of_countries", ("COUNTRY", "NAME"), places.cities_of_countries,
                reason='an unknown name in "in City, Country," is a place of that country'),
    ContextPass("join_places", ("COUNTRY|PLACE",), places.join_places,
                reason="a list of countries and places is one PLACES token"),
    ContextPass("accompanying_opens", ("ACCOMPANYING",), verbs.accompanying_opens,
                reason='"Accompanying" opens a clause only as the first word'),
    ContextPass("tour_stops", ("INCLUDED",), verbs.tour_stops,
                reason='"his tour, which also included Peru": the tour\'s stops (TOUR_STOPS)'),
    ContextPass("hold_talks", ("HOLD",), verbs.hold_talks,
                reason="a light verb and the talks a few words on are one MEET"),
    ContextPass("including", ("INCLUDING",), verbs.including,
                reason='"including" after "with" or a meeting verb names the people met'),
    ContextPass("drop_auxiliaries", ("W|HOLD",), verbs.drop_auxiliaries,
                reason='"has", "had" stand between the subject and an event verb'),
    ContextPass("drop_be_beside_modal", ("MODAL", "BE"), verbs.drop_be_beside_modal,
                reason='the modal carries the tense: an "is" or "be" beside it goes'),
    ContextPass("bodies_before_officials", ("PLTITLE", "NAME"), names.bodies_before_officials,
                reason='the name before "officials" is their body (ORG), not a person'),
    ContextPass("stays", ("COUNTRY|PLACE",), places.stays,
                reason='"is in Place" before a date is a stay, a visit (STAY)'),
    ContextPass("next_legs", ("COUNTRY|PLACE",), places.next_legs,
                reason='"and" between a date and a place starts a trip\'s next leg (AND_PLACE)'),
    ContextPass("countries_as_adjectives", ("COUNTRY|PLACE",), places.countries_as_adjectives,
                reason="a country before an office or a name, ungoverned, is an adjective"),
    ContextPass("drop_comma_after_place", ("COUNTRY|PLACE", "COMMA", "VISIT|DATE"),
                places.drop_comma_after_place,
                reason="a comma between a place and its visit or its day would end the clause"),
    ContextPass("appositive_visits", ("VISIT", "ON"), verbs.appositive_visits,
                reason='", on a visit to ..." after a person says who is on it (ON_VISIT)'),
    ContextPass("officials_as_offices", ("DEMONYM", "W"), titles.officials_as_offices,
                reason='"The Iraqi official, who ...": after a nationality, an office'),
    ContextPass("relative_asides", ("WHO", "COMMA"), verbs.relative_asides,
                reason='", who was elected in March," (no event word) is read after the sentence'),
)
# fmt: on


def settle(
    text: str, toks: list[Tok], institution_words: Set[str], cities: CityLookup | None = None
) -> list[Tok]:
    """The sentence's tokens after the context passes, in order. The institutions and the
    gazetteer's cities come first, apart from the table: they read the lexicon's institution words
    and the knowledge tables, and every guard reads the types they leave."""
    toks = institutions(text, toks, institution_words)
    types = {t.type for t in toks}  # once: see the module's docstring
    if cities is not None and "NAME" in types:
        toks = cities_of_the_gazetteer(toks, cities)
        types = {t.type for t in toks}  # a name it placed is a PLACE now
    for p in CONTEXT_PASSES:
        if p.applies(types, text, toks):
            toks = p.run(text, toks)
    return toks
