"""Office holders' names as keys: folded words, with or without initials, and one-edit spellings."""

from __future__ import annotations

import re

from ...tag.lexicon import fold

_INITIAL_OR_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}


def name_key(name: str) -> tuple[str, ...]:
    """The folded words of a name: no punctuation, hyphens as spaces, no "Jr."."""
    text = re.sub(r"[.,'’‘`\-]", " ", fold(name))
    return tuple(w for w in text.split() if w not in _INITIAL_OR_SUFFIX)


def _without_initials(key: tuple[str, ...]) -> tuple[str, ...]:
    short = tuple(w for w in key if len(w) > 1)
    return short if len(short) >= 2 else key


def _within_one_edit(a: str, b: str) -> bool:
    """a and b differ by at most one insertion, deletion, substitution or swap of neighbours."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :] or (
            i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
        )
    return a[i + 1 :] == b[i:] if la > lb else a[i:] == b[i + 1 :]
