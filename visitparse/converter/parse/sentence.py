"""One sentence's tokens -> its facts, island by island, in text order.

Clauses are islands of the clause grammar that hold an event word (vocabulary.CLAUSE_TRIGGERS);
person phrases between them ("Present were A, B and C") name people too. Both are handed on in
text order, so that "he" finds the person named just before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..tag.tokens import Tok
from ..text.dateline import MARKS as DATELINE_MARKS
from ..vocabulary import CLAUSE_TRIGGERS
from .islands import Island, islands, methods
from .person_phrases import person_phrases
from .transformer import TreeToFacts

NAMES = frozenset(("NAME", "PERSON"))  # a person list names someone
TO_FACTS = methods(TreeToFacts())  # the transformer keeps no state between islands


@dataclass(frozen=True)
class Reading:
    """The facts of one island: a Clause ("clause") or a list of Mentions ("people")."""

    kind: str
    facts: Any
    end: int  # where the island ends in the text
    sentence_initial: bool  # the island opens the sentence (after a dateline's place)


@dataclass(frozen=True)
class Sentence:
    readings: list[Reading]
    tokens: list[Tok]  # the tokens the clauses were parsed from: person phrases as one each
    clauses: list[Island]  # the clause islands, for `explain`


def read(words: list[Tok]) -> Sentence:
    """The clause and person-list islands of a sentence's tagged words, read in text order, over
    the person-phrase level's tokens."""
    tokens = person_phrases(words)
    clause_islands = islands(tokens, "clause", CLAUSE_TRIGGERS)
    covered = {k for island in clause_islands for k in range(island.start, island.end)}
    gaps = [k for k in range(len(tokens)) if k not in covered]
    # person islands are found over the gaps: their indices are positions in `gaps`
    work = [(isl.start, isl.end - 1, "clause", isl) for isl in clause_islands] + [
        (gaps[isl.start], gaps[isl.end - 1], "people", isl)
        for isl in islands([tokens[k] for k in gaps], "listed_people", NAMES)
    ]
    # "Tokyo: President Donald Trump ...": after a dateline's place the sentence begins
    opening = (
        2
        if len(tokens) > 2 and tokens[0].type == "PLACE" and str(tokens[1]) in DATELINE_MARKS
        else 0
    )
    readings = []
    for first, last, kind, island in sorted(work, key=lambda w: w[0]):
        facts = island.value(TO_FACTS)
        # an attributed clause is two: what was said, then who said it
        for part in facts if kind == "clause" and isinstance(facts, list) else [facts]:
            readings.append(Reading(kind, part, tokens[last].end_pos, first in (0, opening)))
    return Sentence(readings, tokens, clause_islands)
