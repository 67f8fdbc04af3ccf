"""The tagger's name runs: the word shapes that make, continue or end a run of capitalised words
(particles, suffixes, a quoted nickname, a bracketed given name, a place word inside a name).
"""

from __future__ import annotations

import re

from .lexicon import Lexicon, fold, is_cap
from .tokens import Tok

BROKEN_HYPHEN = re.compile(r"-[ \n](?=[a-z])")
NAME_PARTICLES = frozenset(
    [
        "bin",
        "binti",
        "binte",
        "bint",
        "ibn",
        "al",
        "el",
        "de",
        "da",
        "van",
        "von",
        "der",
        "den",
        "du",
        "le",
        "la",
        "dos",
        "das",
        "di",
        "abu",
        "ben",
        "y",
        "zu",
    ]
)
NAME_SUFFIXES = frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"])
QUOTES = frozenset(('"', "'"))
# "Jae-won": "Park Jae-won" is a person, not a park
KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+$")


def particle_in_name(keys: list[str], words: list[str], i: int) -> bool:
    """A particle at i goes on a name when a capitalised word follows it, perhaps after another
    particle: "bin Salman", "von der Leyen", "de la Cruz"."""
    j = i
    while j < len(keys) and keys[j] in NAME_PARTICLES and j - i < 2:
        j += 1
    return j > i and j < len(words) and is_cap(words[j])


def opening_gerund(keys: list[str], words: list[str], i: int) -> bool:
    """ "Reflecting on his visit, ...": a sentence's first word in -ing before a lower-case word
    is a verb, capitalised only by its place ("Ding Xuexiang" is a name)."""
    return (
        i == 0
        and len(keys[0]) > 5
        and keys[0].endswith("ing")
        and len(words) > 1
        and not is_cap(words[1])
    )


class NameRuns:
    """The name-run readers of the tagger (tagger.py): methods over the words, their folded keys
    and spans, from a word index, with the run collected so far. The tables they read are built by
    phrases.PhraseTables, the tagger's other base."""

    lex: Lexicon
    special: set[str]
    office_starts: set[str]

    def _inside_name(
        self,
        words: list[str],
        keys: list[str],
        spans: list[tuple[int, int, str]],
        i: int,
        run: list[int],
        hon_end: int,
    ) -> int:
        """How many words from i (a quote, a bracket, an apostrophe or "of") belong to the name run
        around them, or 0: 'Jose "Pepe" Alvarez', "Susilo (Sanso) Santoso", "Lord (Tariq) Ahmad",
        "Mohammed Shia' Al-Sudani" (a final apostrophe of a transliteration), "Lord Ahmad of
        Wimbledon"."""
        w, special, last = words[i], self.special, len(words) - 1
        if w == "(":
            if not (
                i + 3 <= last
                and words[i + 2] == ")"
                and is_cap(words[i + 1])
                and keys[i + 1] not in special
                and is_cap(words[i + 3])
                and keys[i + 3] not in special
            ):
                return 0
            return 3 if run or hon_end == i else 0
        if w == '"':
            for j in range(i + 2, min(i + 4, last) + 1):
                if words[j] == '"':
                    # the name goes on after the closing quote: a capitalised word or a particle
                    # ("Lula" da Silva)
                    ok = j < last and (
                        is_cap(words[j + 1])
                        and keys[j + 1] not in self.office_starts
                        or keys[j + 1] in NAME_PARTICLES
                        and particle_in_name(keys, words, j + 1)
                    )
                    return j - i + 1 if ok and all(is_cap(words[k]) for k in range(i + 1, j)) else 0
            return 0
        if w == "'":
            # attached to the name, not after a plural ("Leaders' Meeting"), before a capitalised
            # word
            prev = run[-1]
            return int(
                spans[prev][1] == spans[i][0]
                and not keys[prev].endswith("s")
                and i < last
                and spans[i + 1][0] > spans[i][1]
                and is_cap(words[i + 1])
                and keys[i + 1] not in special
            )
        # "of" + capitalised words no table knows, after a name that follows a style ("Lord",
        # "Baroness")
        n = 1
        while i + n <= last and n <= 3 and is_cap(words[i + n]) and keys[i + n] not in special:
            n += 1
        return n if n > 1 else 0

    def _place_in_name(
        self,
        words: list[str],
        keys: list[str],
        spans: list[tuple[int, int, str]],
        i: int,
        run: list[int],
        out: list[Tok],
    ) -> bool:
        """A place or country word that is part of a name: directly after an office and before a
        capitalised word no table knows ("Trade Minister Georgia Whitfield"), or right after a name
        run and before no other capitalised word ("Carlos Medina arrived", not "Medina's")."""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if not run:
            return (
                bool(out)
                and out[-1].type == "TITLE"
                and is_cap(nxt)
                and keys[i + 1] not in self.special
            )
        return (
            spans[i][0] - spans[run[-1]][1] == 1 and not is_cap(nxt) and keys[i + 1] != "'s"
            if nxt
            else spans[i][0] - spans[run[-1]][1] == 1
        )

    def _compound_of_countries(self, w: str) -> bool:
        """ "China-Kazakhstan", "Thai-Bhutanese": an adjective of two countries, not a name."""
        parts = w.split("-")
        return len(parts) > 1 and any(
            (fold(p),) in self.lex.countries or (fold(p),) in self.lex.demonyms for p in parts
        )
