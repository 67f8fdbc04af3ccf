"""Names: when two written forms name one person ("Liu" and "Liu Guozhong", "S.V. Lavrov" and
"Sergey Lavrov"), and when a second spelling is the first misspelt once."""

from __future__ import annotations

import functools
import re

from ..tag.lexicon import fold

# the shortest part of a name that a typo may change and leave the same name ("Qiang", "Xiang":
# two names)
MISSPELT_LENGTH = 7
# "son/daughter of": the name after one is the father's, another person's
PATRONYMIC_PARTICLES = frozenset(("bin", "ibn", "bint", "binti", "ould"))


@functools.lru_cache(maxsize=4096)
def _name_parts(name: str) -> tuple[str, ...]:
    """The parts a name is compared by: folded, and spelt alike across transliterations
    ("Abdulla" ~ "Abdullah", "Mohamed" ~ "Mohammed": a final "h" after a vowel and a doubled
    letter count once)."""
    return tuple(_spelt_alike(p) for p in fold(name).replace("-", " ").replace(".", " ").split())


def _spelt_alike(part: str) -> str:
    if len(part) > 4 and part.endswith("h") and part[-2] in "aeiou":
        part = part[:-1]
    return re.sub(r"(.)\1", r"\1", part)


def _one_letter_apart(a: tuple[str, ...], b: tuple[str, ...], *, same_ending: bool = False) -> bool:
    """Two names of two or more parts that differ in one letter of one long part (seven letters or
    more; a letter left out, added or mistyped): the same name misspelt once; `same_ending`: not
    in the part's last letter."""
    if len(a) != len(b) or len(a) < 2:
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(differ) == 1 and _one_letter_off(*differ[0], same_ending=same_ending)


def _one_letter_off(x: str, y: str, *, same_ending: bool = False) -> bool:
    """One long part (seven letters or more) spelt two ways: a letter left out, added or
    mistyped; `same_ending`: not its last letter ("Nazarbayev", "Nazarbayeva")."""
    if max(len(x), len(y)) < MISSPELT_LENGTH or abs(len(x) - len(y)) > 1:  # "Qiang", "Xiang"
        return False
    if same_ending and x[-1:] != y[-1:]:
        return False
    if len(x) == len(y):
        return sum(c != d for c, d in zip(x, y, strict=True)) == 1
    short, long_ = sorted((x, y), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def misspelt(short: str, full: str) -> bool:
    """ "Subramanyam Iyer" ~ "Subrahmanyam Iyer", "Zhumabaev" ~ "Aibek Zhumabayev": a name, or a
    surname alone, written once more with one letter off; never in its last letter, where a
    family name changes with gender ("Nazarbayev", "Nazarbayeva")."""
    a, b = _name_parts(short), _name_parts(full)
    if len(a) == 1 and len(b) > 1:
        return _one_letter_off(a[0], b[-1], same_ending=True)
    return _one_letter_apart(a, b, same_ending=True)


def _keys_without_one(office: str, parts: tuple[str, ...]) -> list[tuple]:
    """For each i, a key standing for (office, i, parts without part i): equal whenever those are
    equal, in O(len(parts)) for all i together (the parts themselves as keys cost O(n^2) on a name
    of n parts). Keys stand for a hash of the parts before and after i, so unequal remainders may
    share a key: the caller checks every candidate a key finds."""
    n = len(parts)
    before = [0] * (n + 1)  # before[i]: the parts before i
    for i, p in enumerate(parts):
        before[i + 1] = hash((before[i], p))
    after = [0] * (n + 1)  # after[i]: the parts from i on
    for i in range(n - 1, -1, -1):
        after[i] = hash((parts[i], after[i + 1]))
    return [(office, i, before[i], after[i + 1]) for i in range(n)]


def _words_of_name(name: str) -> tuple[int, int]:
    """How full a form of a name is: its words longer than an initial, then all its parts."""
    parts = _name_parts(name)
    return sum(len(p) > 1 for p in parts), len(parts)


def _initials_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """ "S.V. Lavrov" ~ "Sergey Lavrov", "U.Khurelsukh" ~ "Khurelsukh Ukhnaa": initials and one
    word, the word a part of the fuller name and each initial the first letter of one of its other
    parts."""
    initials, words = [p for p in a if len(p) == 1], [p for p in a if len(p) > 1]
    if not initials or len(words) != 1 or words[0] not in b or len(b) < 2:
        return False
    others = {p[0] for p in b if p != words[0]}
    # the given name's initial; a patronymic's may be missing ("S.V. Lavrov")
    return initials[0] in others


def names_match(short: str, full: str) -> bool:
    """ "Liu" ~ "Liu Guozhong", "Tokayev" ~ "Kassym-Jomart Tokayev", "Xi" ~ "Xi Jinping"; never
    the father's name of a patronymic: "Salman bin Abdulaziz" is not "Mohammed bin Salman bin
    Abdulaziz"."""
    a, b = _name_parts(short), _name_parts(full)
    if _initials_match(a, b):
        return True
    if not a or not b or len(a) > len(b):
        return False
    n = len(a)
    if a == b[:n]:
        return True
    # a tail, or a single longer part anywhere ("Lula" ~ "Luiz Inacio Lula da Silva")
    at = [len(b) - n] if a == b[-n:] else []
    if n == 1 and len(a[0]) >= 4:
        at += [k for k, part in enumerate(b) if part == a[0]]
    return any(k == 0 or b[k - 1] not in PATRONYMIC_PARTICLES for k in at)
