"""Tokens for the tests of the tag and parse stages: tagged from a sentence of our own, or made by
hand."""

from __future__ import annotations

from visitparse.converter.tag.tagger import tagger_for
from visitparse.converter.tag.tokens import Payload, Tok, token


def tag(text: str) -> list[Tok]:
    return tagger_for(None).tag(text, 0, len(text))


def pairs(toks: list[Tok]) -> list[tuple[str, str]]:
    return [(t.type, str(t)) for t in toks]


def sentence(*parts: tuple[str, str] | tuple[str, str, Payload]) -> tuple[str, list[Tok]]:
    """Hand-made tokens, (type, text) or (type, text, payload), one blank between them, and the
    text they span."""
    toks, pos = [], 0
    for part in parts:
        type_, word = part[0], part[1]
        data = part[2] if len(part) == 3 else None
        toks.append(token(type_, word, pos, pos + len(word), data))
        pos += len(word) + 1
    return " ".join(p[1] for p in parts), toks
