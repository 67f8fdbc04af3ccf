"""The person-phrase level: the tokens of a sentence with each person phrase made one token.

grammar/people.lark finds the phrases (islands of its `person`, left to right, each the longest);
each becomes a PERSON token (the phrase holds the person's name) or an OFFICE token (an office
holder, unnamed) whose payload is the phrase's own tokens. The clause grammar reads these as single
tokens; its `phrase` rule builds the phrase's Mention from them (PersonRules), afresh for each
clause that reads it, since lists fold and amend their items.
"""

from __future__ import annotations

from ..tag.tokens import TENURE, Tok, retyped, token
from .islands import islands

# a phrase needs an office or a name: no start is tried after the last of them
PHRASE_WORDS = frozenset(("NAME", "TITLE"))


def person_phrases(tokens: list[Tok]) -> list[Tok]:
    """`tokens` with each person phrase of two or more tokens replaced by one PERSON or OFFICE
    token; a one-word phrase (a bare name) keeps its token."""
    out: list[Tok] = []
    done = 0
    # the person grammar reads a word of tenure ("former") as TENURE; the clauses, as a word
    view = [retyped(t, "TENURE") if t.type == "W" and t.data == TENURE else t for t in tokens]
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
