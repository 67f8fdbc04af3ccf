"""The tagger's name runs: the word shapes that make, continue or end a run of capitalised words
(particles, suffixes, a quoted nickname, a bracketed given name, a place word inside a name).
"""

from __future__ import annotations

import re

from .lexicon import Lexicon, fold, is_cap, office_word
from .tokens import Payload, Tok

GAP = "\x00"  # stands in the word list where a date or duration token took the words
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
# after these, a run is a body's name ("Chairman Task Force on Science"), not a person's
BODY_COMPLEMENTS = frozenset(("of", "on", "for"))
# what a table reads in a word that is also a given name, which may end a name run ("Pham Quoc
# Tuan", "Do Van An"): an honorific, an article
NAME_CLOSERS = frozenset(("HON", "A"))
QUOTES = frozenset(('"', "'"))
# "Jae-won": "Park Jae-won" is a person, not a park
KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+$")
# the last word of an address to a ruler: "His Majesty Sultan Haitham" holds the office
RULER_ADDRESS = frozenset(
    ("majesty", "majesties", "highness", "hrh", "h.r.h.", "h.r.h", "h.m.", "h.h.", "h.h", "hh")
)


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
    simple: dict[str, tuple[str, Payload]]
    office_starts: set[str]
    plain_words: set[str]

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

    def _title_in_name(
        self,
        words: list[str],
        keys: list[str],
        i: int,
        run: list[int],
        out: list[Tok],
        hon_end: int,
    ) -> bool:
        """An office that is also a given name ("Sultan", "Amir": titles.tsv "given") is a word of
        a name when a name goes on after it ("bin", "Al", a capitalised word no table knows) and a
        name word, a style or an office stands right before it: "Prince Sultan bin Omar", "Ahmed
        Sultan Rashid Al Ali", "Minister of State Sultan Al Jaber". "Sultan Qaboos", "Oman's
        Sultan Haitham", "His Majesty Sultan Haitham" hold the office. `hon_end`: the index just
        after the last honorific."""
        nxt = i + 1
        if not (
            keys[i] in self.lex.given_name_titles
            and nxt < len(words)
            and (
                is_cap(words[nxt])
                and keys[nxt] not in self.special
                or particle_in_name(keys, words, nxt)
            )
        ):
            return False
        if run:  # "Ahmed Sultan Rashid": not after a plain word ("Later Sultan Haitham ...")
            return keys[run[0]] not in self.plain_words
        if hon_end == i:  # "Sheikh Sultan bin Zayed", not "His Highness Sultan Haitham"
            return keys[i - 1] not in RULER_ADDRESS
        # "Prince Sultan", "Minister of Industry Sultan Al Jaber": an office right before
        return bool(out) and out[-1].type == "TITLE" and words[i - 1] != GAP

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
        return self._closes_name(words, keys, spans, i, run, possessive=False)

    def _closes_name(
        self,
        words: list[str],
        keys: list[str],
        spans: list[tuple[int, int, str]],
        i: int,
        run: list[int],
        possessive: bool = True,
    ) -> bool:
        """Whether the word at i, right after a name run and before no other capitalised word,
        is the name's last word ("Pham Quoc Tuan met", "Pham Quoc Tuan's visit"); not
        `possessive`: not before "'s" either ("Carlos Medina arrived", not "Medina's")."""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if spans[i][0] - spans[run[-1]][1] != 1:
            return False
        return not is_cap(nxt) and (possessive or keys[i + 1] != "'s") if nxt else True

    def _named_after_office(
        self, run: list[int], keys: list[str], words: list[str], out: list[Tok]
    ) -> bool:
        """ "Senator Anne Hall", "Foreign Minister Park Jin", "trade minister Jo Park": two
        capitalised words right after an office are the holder's name, though one is an
        institution word; not before "of", "on", "for" ("Chairman Task Force on Science"), but for
        "of" and a country ("trade minister Jo Park of South Korea") after a run that opens with no
        portfolio word ("Chairman Planning Commission of Pakistan" names a body)."""
        if not (len(run) == 2 and out and out[-1].type in ("TITLE", "PLTITLE")):
            return False
        after = run[-1] + 1
        if after >= len(keys) or keys[after] not in BODY_COMPLEMENTS:
            return True
        if keys[after] != "of" or office_word(self.lex.office_words, keys[run[0]]):
            return False
        q = after + 1 + (after + 1 < len(keys) and keys[after + 1] == "the")
        hit = self._lookup(keys, words, q) if q < len(keys) else None  # type: ignore[attr-defined]
        return hit is not None and hit[1] == "COUNTRY"

    def _region_ends_at(self, keys: list[str], run: list[int]) -> int:
        """Where a run splits after a region's word followed by two or more words that are no
        institution's ("Aichi Prefecture Kenta Hayashida": 2), or 0."""
        lex = self.lex
        for k, r in enumerate(run[:-2]):
            if keys[r] in lex.region_words and not any(
                keys[q] in lex.institution_words for q in run[k + 1 :]
            ):
                return k + 1
        return 0

    def _reads_as_closer(self, keys: list[str], words: list[str], i: int) -> bool:
        """Whether a table reads the one word at i as a NAME_CLOSERS terminal ("Tuan", "An")."""
        simple = self.simple.get(keys[i])
        if simple is not None:
            return simple[0] in NAME_CLOSERS
        hit = self._lookup(keys, words, i) if keys[i] in self.special else None  # type: ignore[attr-defined]
        return hit is not None and hit[0] == 1 and hit[1] in NAME_CLOSERS

    def _body_word(self, key: str) -> bool:
        """A word of a body's or a portfolio's name ("Presidency", "Technology"), which no name
        ends with: a style after it starts a name ("Erywan Pehin Yusof" keeps its "Pehin")."""
        return key in self.lex.institution_words or office_word(self.lex.office_words, key)

    def _compound_of_countries(self, w: str) -> bool:
        """ "China-Kazakhstan", "Thai-Bhutanese": an adjective of two countries, not a name."""
        parts = w.split("-")
        return len(parts) > 1 and any(
            (fold(p),) in self.lex.countries or (fold(p),) in self.lex.demonyms for p in parts
        )
