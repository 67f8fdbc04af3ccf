"""The event vocabulary (converter/vocabulary.py): one place, consistent with the grammar and the
triggers table, and read by everything that asks whether a word names an event."""

import re
from importlib import resources

import pytest

from visitparse.converter import vocabulary
from visitparse.converter.explain import TRIGGERS, explain

DECLARED = set(
    re.search(
        r"%declare ([^\n]+)",
        resources.files("visitparse").joinpath("grammar", "clauses.lark").read_text("utf-8"),
    )
    .group(1)
    .split()
)


def test_every_trigger_terminal_is_declared_by_the_grammar():
    # HOLD never reaches the grammar: the tagger joins it with its talks into one MEET
    undeclared = {t for t in vocabulary.FAMILY_OF if t not in DECLARED} - {"HOLD"}
    assert undeclared == set()


def test_clause_triggers_are_the_event_families():
    assert {
        t for t, f in vocabulary.FAMILY_OF.items() if f in vocabulary.EVENT_FAMILIES
    } == vocabulary.CLAUSE_TRIGGERS
    assert {
        "MEET",
        "VISITED",
        "DISCUSS",
        "TALKS",
        "STAY",
        "DELEGATION",
    } <= vocabulary.CLAUSE_TRIGGERS
    assert not {"MODAL", "CANCEL", "GREETINGS", "HOLD"} & vocabulary.CLAUSE_TRIGGERS


def test_event_aliases_are_built_by_the_grammar():
    for alias in vocabulary.VISIT_EVENTS + vocabulary.MEETING_EVENTS + vocabulary.OWNED_VISITS:
        assert alias in vocabulary.GRAMMAR_ALIASES
    assert not set(vocabulary.VISIT_EVENTS) & set(vocabulary.MEETING_EVENTS)


def test_a_terminal_with_two_families_is_refused(monkeypatch):
    table = "phrase\tterminal\tlemma\tfamily\nmet\tMEET\tmeet\tmeeting\nmeets\tMEET\tmeet\tvisit\n"

    class Files:
        def joinpath(self, *parts):
            return self

        def read_text(self, encoding):
            return table

    monkeypatch.setattr(vocabulary.resources, "files", lambda package: Files())
    with pytest.raises(ValueError, match="MEET has family 'visit'"):
        vocabulary._trigger_families()


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("The two delegations departed soon after the working lunch.", "lunch"),
        ("Music played throughout the state banquet.", "banquet"),
        ("Reporters waited outside during the audience.", "audience"),
    ],
)
def test_explain_flags_every_uncovered_trigger_family(sentence, word):
    # explain reads the same set the clause islands start from: words of every event family
    assert TRIGGERS is vocabulary.CLAUSE_TRIGGERS
    trace = explain(sentence, publication_date="2024-05-02")
    flagged = [w for s in trace["sentences"] for w in s["uncovered_triggers"]]
    assert word in flagged
