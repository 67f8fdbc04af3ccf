"""The person-phrase level: the tokens of a sentence with each person phrase made one token.

grammar/people.lark finds the phrases (islands of its `person`, left to right, each the longest);
each becomes a PERSON token (the phrase holds the person's name) or an OFFICE token (an office
holder, unnamed) whose payload is the phrase's own tokens. The clause grammar reads these as single
tokens; its `phrase` rule builds the phrase's Mention from them (PersonRules), afresh for each
clause that reads it, since lists fold and amend their items.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from ..tag.tokens import TENURE, Tok, retyped, token
from .islands import islands

# a phrase of two or more tokens holds an office, a nationality or a possessive ("Chinese Liu",
# "Trump's envoy"): without one a sentence has none, and no start is tried after the last of them
PHRASE_WORDS = frozenset(("TITLE", "DEMONYM", "POSS"))
# "State Councilor/Minister of Foreign Affairs", "Deputy Prime Minister - Minister of Industry"
TITLE_JOINERS = frozenset(("-", "\u2013", "\u2014", "/"))
# the token types _as_person_word may read otherwise
VIEWED = frozenset(("W", "ORG", "NAME", "PLACE"))
# prepositions that take a place: "in Hunan Governor ..." is no office of Hunan
GOVERNING = frozenset(("IN", "TO", "FROM", "AT", "OF", "ON", "BY", "WITH", "FOR"))


def person_phrases(tokens: list[Tok]) -> list[Tok]:
    """`tokens` with each person phrase of two or more tokens replaced by one PERSON or OFFICE
    token; a one-word phrase (a bare name) keeps its token."""
    if not any(t.type in PHRASE_WORDS for t in tokens):
        return tokens
    out: list[Tok] = []
    done = 0
    view = tokens  # copied on the first token the person grammar reads otherwise
    for k, t in enumerate(tokens):
        if t.type in VIEWED:
            seen = _as_person_word(
                tokens[k - 1] if k else None, t, tokens[k + 1] if k + 1 < len(tokens) else None
            )
            if seen is not t:
                if view is tokens:
                    view = list(tokens)
                view[k] = seen
    for island in islands(view, "person", PHRASE_WORDS):
        words = view[island.start : island.end]
        if len(words) == 1 and words[0].type == "NAME":
            continue
        out.extend(tokens[done : island.start])
        out.append(phrase_token(words))
        done = island.end
    if not done:
        return tokens
    out.extend(tokens[done:])
    return out


def _as_person_word(prev: Tok | None, t: Tok, nxt: Tok | None) -> Tok:
    """How the person grammar reads a token that the clause grammar reads otherwise: a word of
    tenure ("former": TENURE), a mark between two offices ("/", "-": JOINER), a body right before
    an office, part of it ("NPC Standing Committee Chairman": BODY; an institution, "Jubilee
    House", is not), the seat of the office right before it ("Hunan Governor", "Kano State Acting
    Governor", "Jigawa Governor": SEAT; not a place a preposition governs: "in Hunan Governor
    ...")."""
    if t.type == "W":
        if t.data == TENURE:
            return retyped(t, "TENURE")
        if t.value in TITLE_JOINERS:
            return retyped(t, "JOINER")
    elif nxt is None or nxt.type != "TITLE":
        return t
    elif t.type == "ORG" and not t.org.institution:
        return retyped(t, "BODY")
    elif t.end_pos + 1 == nxt.start_pos and (
        t.type == "NAME"
        and " " not in t.value
        or t.type == "PLACE"
        and not (prev is not None and prev.type in GOVERNING)
    ):
        return retyped(t, "SEAT")
    return t


def organizations(tokens: list[Tok]) -> Iterator[Tok]:
    """The bodies named in a sentence's tokens (ORG), inside person phrases too ("Secretary-General
    of the United Nations"), but not those that are part of an office (BODY) nor institutions."""
    for t in tokens:
        words = cast("list[Tok]", t.data) if t.type in ("PERSON", "OFFICE") else [t]
        yield from (w for w in words if w.type == "ORG" and not w.org.institution)


def phrase_token(words: list[Tok]) -> Tok:
    """One token for the phrase `words`: PERSON when a name follows its last possessive ("Trump's
    envoy Jason Greenblatt", "Chinese Liu"), else OFFICE ("Trump's envoy", "the President")."""
    k = len(words) - 1
    while k >= 0 and words[k].type != "POSS":
        k -= 1
    named = any(w.type == "NAME" for w in words[k + 1 :])
    # the words as written, a space wherever the text had one (the token's own text, for traces)
    pairs = zip(words, words[1:], strict=False)
    text = words[0].value + "".join(
        (" " if b.start_pos > a.end_pos else "") + b.value for a, b in pairs
    )
    kind = "PERSON" if named else "OFFICE"
    return token(kind, text, words[0].start_pos, words[-1].end_pos, words)
