"""Stage 5: parse the tagged tokens of a sentence into trees, island by island.

Free text is not a language: most words of a report belong to no rule. So the LALR parsers built
from the grammars (grammar/clauses.lark for events and people, grammar/dates.lark for time
expressions) run over islands: from each token that can open a `start` symbol, the longest run of
tokens that parses as it, then on after it. Each step of the scan is one LALR action, and an island
is at most MAX_ISLAND tokens, so a sentence costs linear time.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass

import lark
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedToken
from lark.lexer import Lexer
from lark.parsers.lalr_parser_state import ParseConf, ParserState

MAX_ISLAND = 80  # tokens; longer clauses are cut (bounds the work per start token)
MAX_RETRIES = 8  # earlier end points tried when the last one fails at $END


class _NoLexer(Lexer):
    """The tagger makes the tokens; Lark never lexes text itself."""

    def __init__(self, conf):  # noqa: D401 - Lark's Lexer interface
        pass

    def lex(self, data):
        return iter(())


@dataclass
class Island:
    tree: Tree
    start: int  # token indices [start, end)
    end: int


# Each start symbol and the grammar file that defines it.
GRAMMAR_OF = {"clause": "clauses.lark", "person_list": "clauses.lark", "timex": "dates.lark"}


def _cache_file(name: str) -> str | bool:
    """Where Lark keeps the analysed tables between runs (it checks them against the grammar's
    hash itself); False when no cache directory can be made."""
    base = os.environ.get("VISITPARSE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "visitparse")
    try:
        os.makedirs(base, exist_ok=True)
    except OSError:
        return False
    return os.path.join(base, f"{name}.{lark.__version__}.tables")


@functools.lru_cache(maxsize=4)
def grammar(name: str) -> Lark:
    """Built once per process (and cached on disk across processes): the LALR tables of grammar/`name`."""
    starts = sorted(s for s, g in GRAMMAR_OF.items() if g == name)
    return Lark.open_from_package("visitparse", name, ("grammar",), parser="lalr", lexer=_NoLexer,
                                  start=starts, propagate_positions=False, maybe_placeholders=False,
                                  cache=_cache_file(name))


@functools.lru_cache(maxsize=8)
def _table(start: str) -> tuple[ParseConf, dict]:
    """The parse configuration of `start` and its action table (state -> terminal -> action)."""
    conf = grammar(GRAMMAR_OF[start]).parse_interactive("", start=start).parser_state.parse_conf
    return conf, conf.states


def _longest(tokens: list[Token], i: int, start: str) -> Island | None:
    """The longest run from token i that parses as `start`, or None."""
    conf, states = _table(start)
    state = ParserState(conf, None)
    checkpoints = []  # (end, parser state) where the table allows $END; LALR may still refuse it
    for j in range(i, min(len(tokens), i + MAX_ISLAND)):
        if tokens[j].type not in states[state.position]:
            break  # no action: the island ends here (checked first, to spare Lark an exception)
        try:
            state.feed_token(tokens[j])
        except UnexpectedToken:
            break
        if "$END" in states[state.position]:
            checkpoints.append((j + 1, state.copy(deepcopy_values=False)))
    for end, snapshot in reversed(checkpoints[-MAX_RETRIES:]):
        try:
            return Island(snapshot.feed_token(Token("$END", ""), True), i, end)
        except UnexpectedToken:
            continue
    return None


def islands(tokens: list[Token], start: str = "clause", needs: frozenset[str] = frozenset()) -> list[Island]:
    """Non-overlapping islands that parse as `start` (a key of GRAMMAR_OF), left to right.

    `needs`: terminals of which an island must hold one (a clause needs a trigger verb); no start
    is tried after the last of them, which spares most of the work on most sentences."""
    conf, states = _table(start)
    openers = states[conf.start_state]
    last = max((k for k, t in enumerate(tokens) if t.type in needs), default=-1) if needs else len(tokens) - 1
    out = []
    i = 0
    while i <= last:
        if tokens[i].type in openers and (island := _longest(tokens, i, start)) is not None:
            out.append(island)
            i = island.end
        else:
            i += 1
    return out
