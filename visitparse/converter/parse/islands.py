"""Parse the tagged tokens of a sentence into facts, island by island.

Free text is not a language: most words of a report belong to no rule. So the LALR tables built
from the grammars (grammar/clauses.lark for events and people, grammar/dates.lark for time
expressions) run over islands: from each token that can open a `start` symbol, the longest run of
tokens that parses as it, then on after it. Each step of the scan is one LALR action, and an island
is at most MAX_ISLAND tokens, so a sentence costs linear time.

Lark analyses the grammars; this module drives its tables itself, in two passes, because most
attempts fail: the scan for an island's end moves only a stack of state numbers, and only the
island found is parsed again to build its value, calling a transformer's rule methods as each rule
is reduced (the same calls, in the same order, as Lark's Transformer on the finished tree).
The tables are kept on disk between runs, so a process starts without Lark's grammar analysis.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..cache import cached

MAX_ISLAND = 80  # tokens; longer clauses are cut (bounds the work per start token)
MAX_RETRIES = 8  # earlier end points tried when the last one fails at $END
END = "$END"

# Each start symbol and the grammar file that defines it.
GRAMMAR_OF = {
    "clause": "clauses.lark",
    "listed_people": "clauses.lark",
    "person": "people.lark",
    "timex": "dates.lark",
}


@dataclass(frozen=True)
class Rule:
    """One grammar rule as a reduction needs it: the rule it completes (`origin`, for the goto),
    the name its value is built under (`name`: the alias, else the origin), how many children it
    pops, which of them are inlined `_rules` (their children spliced in), and whether it is an
    inlined rule itself (its value is then the list to splice)."""

    origin: str
    name: str
    size: int
    spliced: tuple[int, ...]
    inline: bool
    expand1: bool  # a `?rule`: a single child stands for the rule


@dataclass(frozen=True)
class Tables:
    """The LALR tables of one grammar: per state, terminal or rule name -> code; a code >= 0 shifts
    to (or, after a reduction, goes to) that state, a code < 0 reduces rule ~code."""

    actions: tuple[dict[str, int], ...]
    rules: tuple[Rule, ...]
    start_states: dict[str, int]
    end_states: dict[str, int]


def _analyse(name: str) -> Tables:
    """Lark's LALR analysis of grammar/`name`, in the compact form above."""
    from lark import Lark
    from lark.parsers.lalr_analysis import Shift

    starts = sorted(s for s, g in GRAMMAR_OF.items() if g == name)
    lark = Lark.open_from_package(
        "visitparse",
        name,
        ("grammar",),
        parser="lalr",
        lexer="basic",
        start=starts,
        maybe_placeholders=False,
    )
    table = lark.parser.parser.parser.parse_table
    rules: list[Rule] = []
    index: dict[Any, int] = {}
    actions: list[dict[str, int]] = [{} for _ in range(len(table.states))]
    for state, row in sorted(table.states.items()):
        for symbol, (action, arg) in sorted(row.items()):
            if action is Shift:
                actions[state][str(symbol)] = arg
                continue
            if arg not in index:
                index[arg] = len(rules)
                # plain str: Lark's names are Tokens, whose comparisons are slow in dict lookups
                rules.append(
                    Rule(
                        str(arg.origin.name),
                        str(arg.alias or arg.origin.name),
                        len(arg.expansion),
                        tuple(
                            k
                            for k, s in enumerate(arg.expansion)
                            if not s.is_term and s.name.startswith("_")
                        ),
                        arg.origin.name.startswith("_"),
                        bool(arg.options.expand1),
                    )
                )
            actions[state][str(symbol)] = ~index[arg]
    return Tables(
        tuple(actions),
        tuple(rules),
        {str(k): v for k, v in table.start_states.items()},
        {str(k): v for k, v in table.end_states.items()},
    )


@functools.lru_cache(maxsize=4)
def tables(name: str) -> Tables:
    """The tables of grammar/`name`, analysed once and then kept in the disk cache."""
    import lark

    source = resources.files("visitparse").joinpath("grammar", name).read_text(encoding="utf-8")
    this = Path(__file__).read_text(encoding="utf-8")  # the layout of Tables
    return cached(f"{name}.tables", [this, lark.__version__, source], lambda: _analyse(name))


@contextlib.contextmanager
def collector_paused():
    """Pause the cyclic garbage collector (restored as found) while a stage builds a large acyclic
    structure that all survives: a token per word of a sentence, an index of every name. Run as
    these pile up, the collector walks the whole growing heap again and again (a million commas:
    14 full passes, a quarter of the time at 4 MB); paused, it walks them once afterwards. Nothing
    built under it makes cycles; reference counting frees what dies."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


# ------------------------------------------------------------------ the scan


def _reduce(t: Tables, stack: list[int], rule: Rule) -> None:
    if rule.size:
        del stack[-rule.size :]
    stack.append(t.actions[stack[-1]][rule.origin])


def _accepts(t: Tables, stack: list[int], end_state: int) -> bool:
    """Whether $END after the tokens that left `stack` completes the start symbol."""
    while True:
        code = t.actions[stack[-1]].get(END)
        if code is None or code >= 0:
            return False
        _reduce(t, stack, t.rules[~code])
        if stack[-1] == end_state:
            return True


def _longest_end(t: Tables, types: list[str], i: int, start: str) -> int | None:
    """The end of the longest run from token i that parses as `start`, or None."""
    actions, rules = t.actions, t.rules
    stack = [t.start_states[start]]
    checkpoints = []  # (end, state stack) where the table allows $END; LALR may still refuse it
    for j in range(i, min(len(types), i + MAX_ISLAND)):
        kind = types[j]
        code = actions[stack[-1]].get(kind)
        # the reductions before the shift (_reduce, inlined: the hot loop)
        while code is not None and code < 0:
            rule = rules[~code]
            if rule.size:
                del stack[-rule.size :]
            stack.append(actions[stack[-1]][rule.origin])
            code = actions[stack[-1]].get(kind)
        if code is None:
            break  # no action: the island ends here
        stack.append(code)
        if END in actions[code]:
            checkpoints.append((j + 1, stack.copy()))
    end_state = t.end_states[start]
    for end, stack in reversed(checkpoints[-MAX_RETRIES:]):
        if _accepts(t, stack, end_state):
            return end
    return None


# ------------------------------------------------------------------ values

Callbacks = Callable[[str], Callable[[list], Any]]


def _tree_callbacks(name: str) -> Callable[[list], Any]:
    from lark import Tree

    return lambda children: Tree(name, children)


def methods(transformer: object) -> Callbacks:
    """Callbacks that call the method of `transformer` named after each rule, as a lark
    Transformer does; a rule without one becomes a lark Tree."""
    found: dict[str, Callable[[list], Any]] = {}

    def callback(name: str) -> Callable[[list], Any]:
        f = found.get(name)
        if f is None:
            f = found[name] = getattr(transformer, name, None) or _tree_callbacks(name)
        return f

    return callback


def build(t: Tables, tokens: list, start: str, callbacks: Callbacks) -> Any:
    """Parse `tokens` (known to parse as `start`) and return the value of `start`:
    callbacks(rule name) is called with each reduced rule's children."""
    actions, rules = t.actions, t.rules
    end_state = t.end_states[start]
    stack, values = [t.start_states[start]], []
    for tok in [*tokens, None]:
        kind = END if tok is None else tok.type
        while True:
            code = actions[stack[-1]][kind]
            if code >= 0:
                stack.append(code)
                values.append(tok)
                break
            rule = rules[~code]
            popped = values[-rule.size :] if rule.size else []
            if rule.size:
                del values[-rule.size :]
            if rule.spliced:
                children = []
                for k, child in enumerate(popped):
                    if k in rule.spliced:
                        children.extend(child)
                    else:
                        children.append(child)
            else:
                children = popped
            if rule.inline:
                value = children
            elif rule.expand1 and len(children) == 1:
                value = children[0]
            else:
                value = callbacks(rule.name)(children)
            _reduce(t, stack, rule)
            values.append(value)
            if tok is None and stack[-1] == end_state:
                return value


@dataclass
class Island:
    """A run of tokens [start, end) that parses as `symbol`."""

    tokens: list
    start: int
    end: int
    symbol: str

    def value(self, callbacks: Callbacks) -> Any:
        return build(
            tables(GRAMMAR_OF[self.symbol]),
            self.tokens[self.start : self.end],
            self.symbol,
            callbacks,
        )

    @property
    def tree(self):
        """The island as a lark Tree (for traces; the converter builds facts directly)."""
        return self.value(_tree_callbacks)


def islands(
    tokens: list, start: str = "clause", needs: frozenset[str] = frozenset()
) -> list[Island]:
    """Non-overlapping islands that parse as `start` (a key of GRAMMAR_OF), left to right.

    `needs`: terminals of which an island must hold one (a clause needs a trigger verb); no start
    is tried after the last of them, which spares most of the work on most sentences."""
    t = tables(GRAMMAR_OF[start])
    openers = t.actions[t.start_states[start]]
    types = [tok.type for tok in tokens]
    last = (
        max((k for k, kind in enumerate(types) if kind in needs), default=-1)
        if needs
        else len(types) - 1
    )
    out = []
    i = 0
    while i <= last:
        if types[i] in openers and (end := _longest_end(t, types, i, start)) is not None:
            out.append(Island(tokens, i, end, start))
            i = end
        else:
            i += 1
    return out
