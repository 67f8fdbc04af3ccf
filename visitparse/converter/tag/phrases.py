"""The lexicon's phrase tables indexed for the tagger: every table by its phrases' first words,
the readings of a phrase in order of precedence, and the longest-phrase lookup at a word.

`PhraseTables` is the base of the tagger (tagger.py) and its office reader (offices.py): what it
builds is all the tagger keeps, and is what the disk cache holds (see `tagger_for`).
"""

from __future__ import annotations

from collections.abc import Collection, Container

from .lexicon import Lexicon, fold, is_cap
from .lexicon import words as words_of
from .name_runs import NAME_PARTICLES
from .tokens import CityRef, Org, Payload

# a reading that needs the word in capitals (an acronym); an int, as it must survive pickling
UPPER = 2
# (length in words, terminal, payload)
Reading = tuple[int, str, Payload]


def phrase_lengths(*tables: Collection[tuple[str, ...]]) -> dict[str, list[int]]:
    """First word -> the lengths of the phrases of `tables` that start with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for table in tables:
        for key in table:
            lengths.setdefault(key[0], set()).add(len(key))
    return {k: sorted(v, reverse=True) for k, v in lengths.items()}


def longest(
    lengths: dict[str, list[int]], table: Container[tuple[str, ...]], keys: list[str], i: int
) -> int:
    """The length of the longest phrase of `table` at keys[i], or 0."""
    for n in lengths.get(keys[i], ()):
        if i + n <= len(keys) and tuple(keys[i : i + n]) in table:
            return n
    return 0


def plural(word: str) -> str:
    """The plural of an office word: "ministers", "secretaries" (not "secretarys")."""
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def singular(word: str) -> str | None:
    """The office word a plural is of ("secretaries" -> "secretary", "Ministers" -> "Minister"),
    or None."""
    if word.lower().endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else None


class PhraseTables:
    """The lexicon `lex` and its indexes, built once per lexicon."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        # Every phrase table in one index: first folded word -> phrase lengths, longest first.
        self.lengths = phrase_lengths(
            lex.function_words,
            lex.triggers,
            lex.organizations,
            lex.countries,
            lex.places,
            lex.demonyms,
            lex.titles,
            lex.honorifics,
            lex.modifiers,
            lex.tenure,
        )
        self.modifier_lengths = phrase_lengths(lex.modifiers)
        self.tenure_lengths = phrase_lengths(lex.tenure)
        self.title_lengths = phrase_lengths(lex.titles)
        self.readings = self._readings(lex)
        # Words an office can start with (a word of tenure, a modifier, a title, a body or seat);
        # others skip _office.
        self.office_starts = (
            set(self.tenure_lengths)
            | {k[0] for k in lex.modifiers}
            | {k[0] for k in lex.titles}
            | lex.office_words
            | {k[0] for k in lex.organizations}
            | {k[0] for k in lex.places}
            | {plural(k[0]) for k in lex.titles}
        )
        # A lower-case word outside these is plain filler (the common case, taken in one step).
        self.special = (
            set(self.lengths) | self.office_starts | lex.institution_words | NAME_PARTICLES
        )
        # One-word function words and triggers ("He", "Will", "Long"): after an office, before an
        # unknown capitalised word, a given name.
        self.plain_words = {k[0] for k in lex.function_words if len(k) == 1} | {
            k[0] for k in lex.triggers if len(k) == 1
        }
        # Words with one reading whatever their case and context ("of", "met"): key -> (terminal,
        # payload).
        self.simple: dict[str, tuple[str, Payload]] = {
            key[0]: found[0][1][1:]
            for key, found in self.readings.items()
            if len(key) == 1
            and self.lengths[key[0]] == [1]
            and not found[0][0]
            and key[0] not in self.office_starts | lex.institution_words | NAME_PARTICLES
        }

    @staticmethod
    def _readings(lex: Lexicon) -> dict[tuple[str, ...], list[tuple[int, Reading]]]:
        """Phrase -> its readings in order of precedence (the order they are added in), each
        (needs: False, True for a capital or UPPER for all capitals; (length, terminal, data)): an
        honorific, a function word, a trigger, then, capitalised only, an organisation, country,
        place, demonym. A one-word honorific needs a capital ("Mr", not "mr")."""
        out: dict[tuple[str, ...], list[tuple[int, Reading]]] = {}

        def add(key: tuple[str, ...], needs_cap: int, terminal: str, data: Payload) -> None:
            out.setdefault(key, []).append((needs_cap, (len(key), terminal, data)))

        for key in lex.honorifics:
            add(key, len(key) == 1, "HON", None)
        for key, terminal in lex.function_words.items():
            add(key, False, terminal, None)
        for key, (terminal, lemma) in lex.triggers.items():
            add(key, False, terminal, lemma)
        for key, (name, acronym) in lex.organizations.items():
            # an acronym is one only in capitals: "UN", not the "Un" of "Kim Jong Un"
            needs = UPPER if acronym and key == (fold(acronym),) and key != words_of(name) else True
            add(key, needs, "ORG", Org(name, acronym, lex.organization_countries.get(name)))
        for key, code in lex.countries.items():
            add(key, True, "COUNTRY", code)
        for key, code in lex.places.items():
            add(key, True, "PLACE", CityRef(code, lex.place_names[key]))
        for key, code in lex.demonyms.items():
            add(key, True, "DEMONYM", code)
        return out

    def _lookup(self, keys: list[str], words: list[str], i: int) -> Reading | None:
        """Longest phrase at i that is not an office: (length, terminal, data)."""
        cap = is_cap(words[i])
        # a capitalised word with an accent the key dropped ("Tô", "Ân") is a name, not the English
        # "to", "an"
        accented = cap and not words[i].isascii() and keys[i] != words[i].lower()
        readings = self.readings
        # "WHO", "US": in capitals, an acronym comes before the word ("who", "us")
        acronym = len(words[i]) > 1 and words[i].isupper()
        for n in self.lengths.get(keys[i], ()):
            found = readings.get(tuple(keys[i : i + n])) if i + n <= len(keys) else None
            if found:
                if acronym:
                    found = sorted(found, key=lambda r: r[0] != UPPER)
                for needs, reading in found:
                    if (
                        not needs
                        and not accented
                        or cap
                        and needs
                        and (needs != UPPER or words[i].isupper())
                    ):
                        return reading
        return None
