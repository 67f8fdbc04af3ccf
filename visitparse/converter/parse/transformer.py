"""Map clause trees onto facts (facts.py), one method per grammar rule.

Method names are the rule names and aliases of grammar/clauses.lark; islands.methods() calls the
method named after each rule as the rule is reduced. The rules live with their kind:
  people.py     person phrases and lists of them          -> Mention, list[Mention]
  adjuncts.py   places, dates and the visit noun phrase   -> Place, TimeExpr, the values of parts.py
  events.py     predicates                                -> Event
  here          predicates joined, and whole clauses      -> Clause
Nothing is resolved here: "he" stays a pronoun mention and "Wednesday" a time expression;
resolution (resolve/) does that.
"""

from __future__ import annotations

from typing import cast

from lark import Transformer

from ..tag.tokens import Tok
from .events import EventRules
from .facts import Clause, Event, Mention, Place
from .parts import Child, Destinations, Here, Inviter, bounds, person_lists
from .timex import TimeExpr


class TreeToFacts(EventRules, Transformer):
    """Builds Mention, Event and Clause objects from a `clause` tree (or a `person_list` one)."""

    # ------------------------------------------------------------ predicates
    def predicate(self, children: list[Child]) -> Event:
        ev = cast(Event, children[-1])  # _pre* event
        for c in children[:-1]:
            if isinstance(c, Tok) and c.type == "RESP":  # "A and B separately called on C"
                ev.respectively = True
            elif isinstance(c, str) and not isinstance(c, Tok):
                ev.status = c
            elif isinstance(c, TimeExpr):
                ev.dates.insert(0, c)
            elif isinstance(c, Place):
                ev.places.insert(0, c)
            elif isinstance(c, Here):
                ev.here = True
            elif isinstance(c, tuple) and c[0] == "at":
                ev.at.insert(0, c[1])
            elif isinstance(c, Inviter):  # "At the invitation of X, (Y) will visit China"
                ev.inviters[:0] = c.people
                ev.invited_first = True
        ev.start = min(ev.start, bounds(children)[0])
        return ev

    def predicates(self, children: list[Tok | Event]) -> list[Event]:
        events = [c for c in children if isinstance(c, Event)]
        # "will meet A and hold talks with B": both planned
        for before, after in zip(events, events[1:], strict=False):
            after.status = after.status or before.status
        return events

    # ------------------------------------------------------------ clauses
    def clause(self, children: list[Child]) -> Clause:
        s, e = bounds(children)
        cl = Clause("clause", s, e)
        for c in children:
            if (
                isinstance(c, Event)
                and c.rule in ("meeting_noun", "visit_poss", "visit_by", "delegation_members")
                and len(children) == 1
            ):
                cl.events = [c]
            elif isinstance(c, Event):
                cl.fronted = c
            elif isinstance(c, Tok) and c.type == "DATE":  # an opening date without its comma
                cl.fronted = self._event("fronted_date", [self.when([c])])
            elif isinstance(c, list) and c and isinstance(c[0], Mention):
                cl.subject = c
            elif isinstance(c, list):
                cl.events = cast("list[Event]", c)
        if cl.fronted is not None and cl.fronted.rule == "arrival" and cl.subject:
            # "After arriving in Oslo, she met ...": her arrival
            cl.events, cl.fronted = [cl.fronted] + cl.events, None
        return cl

    def attributed_clause(self, children: list[Child]) -> list[Clause]:
        """ "X is meeting Y, Deputy Head of the Office Z has said", "X met Y, she said": the last
        item of the list that ends the clause says it (a statement of its own); the clause before
        is X's, without him."""
        say = cast(Tok, children[-1])
        cl = self.clause(children[:-1])
        last = cl.events[-1] if cl.events else None
        # "..., she said": a pronoun ending the list says it too
        if (
            last is None
            or len(last.objects) < 2
            or last.objects[-1].rule not in ("titled", "pronoun")
        ):
            return [cl]  # no list to take the speaker from: "X met Y, said": Y's statement
        speaker = last.objects.pop()
        said = Event("say", say.start_pos, say.end_pos, lemma=say.lemma, trigger_end=say.end_pos)
        return [cl, Clause("clause", speaker.start, say.end_pos, subject=[speaker], events=[said])]

    def bare_clause(self, children: list[list[Event]]) -> Clause:
        s, e = bounds(children)
        events = children[0]
        first = events[0] if events else None
        if first is not None and first.invited_first and len(first.inviters) > 1:
            # "At the invitation of Premier Li Qiang, Prime Minister X will pay a visit to China":
            # the list ran on into the subject, its last item
            return Clause("clause", s, e, subject=[first.inviters.pop()], events=events)
        return Clause("bare_clause", s, e, events=events)

    # Sentence shapes that are clauses of their own
    def accompanying(self, children: list[Child]) -> Clause:
        """ "Accompanying the President on his visit to Jordan are A, B and C": they travel with
        him."""
        s, e = bounds(children)
        lists = person_lists(children)
        companions = Event("accompanied", s, e, objects=lists[-1])
        return Clause("clause", s, e, subject=lists[0], events=[companions])

    def talks_of(self, children: list[Child]) -> Clause:
        """ "(The agreement was reached) by A and B during their talks in Lima": A and B met."""
        people = person_lists(children)[0]
        ev = self._event("meet", [c for c in children if not isinstance(c, list)])
        return _clause(children, [ev], subject=people)

    def hosted_in_honour(self, children: list[Child]) -> Clause:
        """ "A dinner hosted by X in honour of Y (was held in Lima)": X received Y."""
        hosts, guests = person_lists(children)[:2]
        ev = self._event("receive", [c for c in children if not isinstance(c, list)])
        ev.objects = guests
        return _clause(children, [ev], subject=hosts)

    def visit_from(self, children: list[Child]) -> Clause:
        """ "Japan had a visit from Foreign Minister X": X's visit to Japan."""
        host = next(c for c in children if isinstance(c, (Place, Destinations)))
        ev = self._event(
            "visit_by", [c for c in children if not isinstance(c, (Mention, Place, Destinations))]
        )
        ev.carrier = next(c for c in children if isinstance(c, Mention))
        ev.destinations = list(host.places) if isinstance(host, Destinations) else [host]
        return _clause(children, [ev])

    def event_ends_visit(self, children: list[Child]) -> Clause:
        """ "A state banquet on Friday concluded the President's visit": the visit's last day."""
        ev = next(c for c in children if isinstance(c, Event))
        ev.dates = [c.timex for c in children if isinstance(c, Tok) and c.type == "DATE"] + ev.dates
        ev.lemma = "end"
        return _clause(children, [ev])


def _clause(
    children: list[Child], events: list[Event], subject: list[Mention] | None = None
) -> Clause:
    """A clause over `children` whose rule is a sentence shape of its own ("a dinner hosted by X in
    honour of Y"): its events, and its subject where the shape names one."""
    s, e = bounds(children)
    return Clause("clause", s, e, subject=subject or [], events=events)
