"""The event vocabulary, computed once: which terminals name events and of which family, and which
grammar aliases record visits and meetings.

Read by every stage that asks "is this an event word?": the converter (which terminals open a
clause island), the tag stage (an auxiliary before an event verb), the transformer (a trigger in its
base form), resolution (which events are visits or meetings), `explain` and the HTML view (which
triggers no clause covered). The families come from the `family` column of lexicon/triggers.tsv;
the aliases are checked against grammar/clauses.lark when this module loads.
"""

from __future__ import annotations

import re
from importlib import resources

from .tag.lexicon import tsv_rows

# Families whose words name an event and open a clause; the others only qualify the event beside
# them (status: "will", "postponed"; detail: "greetings", "on arrival"; light: "held ... talks").
EVENT_FAMILIES = ("visit", "meeting", "message", "statement", "party")
FAMILIES = EVENT_FAMILIES + ("status", "detail", "light")

# Clause openers that triggers.tsv does not hold: STAY and TOUR_STOPS are made by context passes
# ("is in X from ... to ...", "his tour, which included X"); DELEGATION is a function word ("The
# Kenyan delegation comprises A and B").
OTHER_OPENERS = {"STAY": "visit", "DELEGATION": "party", "TOUR_STOPS": "visit"}


def _trigger_families() -> dict[str, str]:
    """terminal -> family, from the package's triggers table (one family per terminal)."""
    text = resources.files("visitparse").joinpath("lexicon", "triggers.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for row in tsv_rows(text):
        terminal, family = row["terminal"], row["family"]
        if family not in FAMILIES or out.setdefault(terminal, family) != family:
            raise ValueError(
                f"triggers.tsv: {terminal} has family {family!r}, expected one of "
                f"{', '.join(FAMILIES)} and one family per terminal"
            )
    return out


def _grammar_aliases() -> frozenset[str]:
    """The names clause rules build their values under in clauses.lark: rule names and aliases
    (`-> visit_verb`)."""
    text = resources.files("visitparse").joinpath("grammar", "clauses.lark").read_text("utf-8")
    rules = re.findall(r"^[?!]?([a-z_]\w*)\s*:", text, re.MULTILINE)
    return frozenset(rules + re.findall(r"->\s*(\w+)", text))


FAMILY_OF: dict[str, str] = _trigger_families() | OTHER_OPENERS
# An island of the clause grammar starts only in a sentence region holding one of these.
CLAUSE_TRIGGERS = frozenset(t for t, f in FAMILY_OF.items() if f in EVENT_FAMILIES)

# Event verbs an auxiliary may stand before ("has concluded", "had met"): the auxiliary is dropped.
AUXILIARY_VERBS = frozenset(
    ("VISITED", "END", "ARRIVE", "MEET", "RECEIVE", "PAY", "CALL", "CONVEY", "SAY", "AGREE")
    + ("DEPART", "LEAD", "TAKE", "REACH")
)
# Triggers that may stand in their base form (after "will", "to", or a modal carried over from the
# predicate before), and the words of that form ("meet", "hold talks", "pay a visit").
BASE_FORM_TERMINALS = frozenset(("MEET", "RECEIVE", "PAY", "CALL"))
BASE_FORMS = frozenset(
    ("meet", "hold", "have", "receive", "host", "welcome", "pay", "make", "call")
)

# Trigger terminals that give an event its lemma (the first of them) and end its trigger (a
# statement's content begins after the last of them).
LEMMA_TERMINALS = frozenset(
    ("VISITED", "TAKE", "DEPART", "PAY", "END", "ARRIVE", "REACH", "MEET", "MEETING")
    + ("RECEIVE", "CALL", "CONVEY", "SAY", "AGREE", "ASK")
)

# The words before a visit that make it an earlier stop of the trip ("arrived in Lima after a visit
# to Chile"); "before a visit to Chile" is none.
PRIOR_VISIT_WORDS = frozenset(("after", "following"))

# Grammar aliases (the `rule` of an Event) that record a visit, or a meeting.
VISIT_EVENTS = (
    "visit_verb",
    "visit_noun",
    "visit_end",
    "arrival",
    "during_visit",
    "visit_poss",
    "visit_by",
    "taken_to",
    "departure",
)
OWNED_VISITS = ("visit_poss", "visit_by")  # "his visit to Peru", "the visit by X": the owner visits
MEETING_EVENTS = (
    "meet",
    "receive",
    "receive_letter",
    "received_by",
    "call_on",
    "during_meeting",
    "meeting_noun",
)

GRAMMAR_ALIASES = _grammar_aliases()
_unknown = [a for a in VISIT_EVENTS + MEETING_EVENTS if a not in GRAMMAR_ALIASES]
if _unknown:  # a rule renamed in clauses.lark must be renamed here too
    raise ValueError(f"vocabulary: no rule in clauses.lark builds {', '.join(_unknown)}")
