"""The transformer's events: the predicates of grammar/clauses.lark ("visited Kazakhstan on
Monday", "met with A and B respectively", "his visit to Peru", "During the visit,"), each built
into an Event (facts.py) from its trigger words, its people (people.py) and its adjuncts
(adjuncts.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import cast

from ..tag.tokens import Tok
from ..vocabulary import BASE_FORM_TERMINALS, BASE_FORMS, LEMMA_TERMINALS
from .adjuncts import AdjunctRules
from .facts import Event, Mention, Place
from .parts import (
    CameFrom,
    Child,
    Destinations,
    Here,
    Inviter,
    Origin,
    There,
    VisitNP,
    bounds,
    person_lists,
    tokens_of,
)
from .people import PersonRules
from .timex import TimeExpr

# Trigger words in their base form (after "will", "to", or a modal carried over from the
# predicate before)


# the forms of a verb of ending told in the past: "ended", "concluded", "wrapped up"
PAST_ENDINGS = ("ed", "ed up")
# trigger phrases that tell an event under way: "is visiting", "has arrived"
UNDER_WAY = ("is ", "are ", "has ", "have ")


class EventRules(PersonRules, AdjunctRules):
    """One method per event rule of the grammar, named after it (islands.methods() finds them by
    name); most are an `_event` of their own alias."""

    def _event(self, rule: str, children: Sequence[Child]) -> Event:
        """The Event of `rule` over `children`: its trigger words, people and adjuncts."""
        s, e = bounds(children)
        ev = Event(rule, s, e)
        # person lists, in order
        lists = cast("list[list[Mention]]", [c for c in children if isinstance(c, list)])
        for c in children:
            if isinstance(c, Tok):
                if (c.type == "VISIT" and rule == "visit_verb") or (
                    c.type in BASE_FORM_TERMINALS and str(c).lower().split()[0] in BASE_FORMS
                ):
                    ev.base_form = True  # "to visit China", "(will meet X) and hold talks with Y"
                if c.type in LEMMA_TERMINALS:
                    # "will end": the set end of a visit under way (lemma "end_scheduled")
                    scheduled = bool(c.lemma and c.lemma.endswith("_scheduled"))
                    ev.lemma = ev.lemma or (c.lemma.removesuffix("_scheduled") if c.lemma else None)
                    ev.trigger_end = max(ev.trigger_end, c.end_pos)
                    # "(held) meetings with A and B": one each
                    ev.respectively = ev.respectively or str(c).lower().endswith("meetings")
                    # "is visiting", "has arrived": under way
                    ev.present = (
                        ev.present
                        or scheduled
                        or str(c).lower().startswith(("is ", "are ", "has ", "have "))
                    )
                elif c.type == "LEFT":  # "departs Lima on Friday": the visit's set end
                    ev.present = c.lemma == "depart_scheduled"
                elif c.type == "DATE":
                    # a date the rule names itself ("his visit to X from May 3-5")
                    ev.dates.append(c.timex)
                elif c.type == "CANCEL":  # "cancelled a visit to X"
                    ev.status = c.lemma
                elif c.type in ("BE", "STAY"):
                    ev.present = str(c).lower() in ("is", "are")
                elif c.type == "RESP":
                    ev.respectively = True
                elif c.type == "THAT":
                    ev.trigger_end = c.end_pos
                elif c.type == "DURATION":
                    ev.duration = c.days
                elif c.type == "VISIT":  # "visit", "tour", "stop": a stop lasts a day
                    ev.noun = ev.noun or c.lemma
                elif c.type == "GREETINGS":
                    ev.noun = c.lemma
                elif c.type == "POSSPRON" and rule == "taken_to":  # "took her to"
                    ev.carrier = Mention("pronoun", c.start_pos, c.end_pos, text=str(c).lower())
                elif c.type == "PRONPL" and rule == "taken_to":  # "took them to"
                    ev.carrier = Mention(
                        "group", c.start_pos, c.end_pos, plural=True, text=str(c).lower()
                    )
            elif isinstance(c, Place):
                ev.places.append(c)
            elif isinstance(c, TimeExpr):
                ev.dates.append(c)
                if ev.legs:
                    ev.legs[-1][1].append(c)
            elif isinstance(c, Here):
                ev.here = True
            elif isinstance(c, There):
                ev.there = True
            elif isinstance(c, VisitNP):
                ev.destinations.extend(c.places)
                ev.duration = ev.duration or c.duration
            elif isinstance(c, Destinations):
                ev.destinations.extend(c.places)
                ev.legs.append((list(c.places), []))
            elif isinstance(c, CameFrom):
                ev.came_from.extend(c.places)
            elif isinstance(c, Origin):
                ev.origins.extend(c.places)
            elif isinstance(c, Inviter):
                ev.inviters.extend(c.people)
            elif isinstance(c, tuple) and c[0] == "at":
                ev.at.append(c[1])
            elif isinstance(c, Mention):
                ev.carrier = c
        if rule == "convey" and lists:  # "conveyed greetings from A (to B)"
            ev.senders = lists[0]
            ev.objects = lists[1] if len(lists) > 1 else []
        elif lists:
            ev.objects = lists[-1]
        return ev

    # ------------------------------------------------------------ visits
    def visit_verb(self, children: list[Child]) -> Event:
        return self._event("visit_verb", children)

    def visit_noun(self, children: list[Child]) -> Event:
        return self._event("visit_noun", children)

    def visit_began(self, children: list[Tok]) -> TimeExpr:
        """ "(a visit) which began yesterday": its first day."""
        date = children[-1].timex
        return dataclasses.replace(date, first=date.first or date.last, last=None, rule="since")

    def visit_ends(self, children: list[Tok]) -> TimeExpr:
        """ "(a visit) that ends on Wednesday", "which will end on Friday": its last day, on or
        after the publication day; "that ended on Wednesday", "which concluded ...": over, before
        it."""
        date = children[-1].timex
        verb = str(next(c for c in children if c.type == "END")).lower()
        rule = "ended" if verb.endswith(PAST_ENDINGS) else "until"
        return dataclasses.replace(date, first=None, last=date.last or date.first, rule=rule)

    def visit_end(self, children: list[Child]) -> Event:
        return self._event("visit_end", children)

    def taken_to(self, children: list[Child]) -> Event:
        return self._event("taken_to", children)

    def departure(self, children: list[Child]) -> Event:
        return self._event("departure", children)

    def departure_by_air(self, children: list[Child]) -> Event:
        """ "departed from Don Mueang Airport for Wattay International Airport in Vientiane on
        Monday": the city of the airport flown to is the destination."""
        ev = self._event("departure", children)
        flown = next(c.end_pos for c in children if isinstance(c, Tok) and c.type == "FOR")
        after = [p for p in ev.places if p.start > flown]
        ev.left_from = [p for p in ev.places if p.start < flown and p.name]
        ev.destinations, ev.places = after[:1], after[1:]
        return ev

    def arrival(self, children: list[Child]) -> Event:
        return self._event("arrival", children)

    def fronted_arrival(self, children: list[Child]) -> Event:
        return self._event("arrival", children)

    def left_place(self, children: list[Child]) -> Event:
        """ "He left Laos on Wednesday": the end of a visit to that country (a city is only where
        he was)."""
        if any(isinstance(c, Tok) and c.type == "ORG" and not c.org.airport for c in children):
            return self._event("left_building", children)  # "left the Great Hall": no visit ends
        ev = self._event("visit_end", children)
        ev.left_from = [p for p in ev.places if p.name]
        ev.destinations, ev.places = [p for p in ev.places if p.name is None], []
        # "left Haneda Airport": an airport of no known country (the visit told before ends; a
        # visit told later is not the one left)
        ev.left_unplaced = any(isinstance(c, Tok) and c.type == "ORG" for c in children)
        return ev

    def left_after_visit(self, children: list[Child]) -> Event:
        """ "left Lima for Quito after wrapping up a visit to Peru": the visit that ended, not the
        next stop."""
        first = next(k for k, c in enumerate(children) if isinstance(c, Destinations))
        return self._event("visit_end", children[:first] + children[first + 1 :])

    def visit_poss(self, children: list[Child], rule: str = "visit_poss") -> Event:
        """ "his Bhutan visit", "the minister's visit to Peru": the owner is the visitor."""
        ev = self._event(rule, [c for c in children if not isinstance(c, Mention)])
        # the owner, when named
        ev.carrier = next((c for c in children if isinstance(c, Mention)), None)
        if ev.carrier is None and (own := tokens_of(children, "POSSPRON")):
            # "his": resolved as "he" would be
            ev.carrier = Mention(
                "pronoun", own[0].start_pos, own[0].end_pos, text=str(own[0]).lower()
            )
        ev.possessive = True
        # "(the visit) was postponed"
        ev.status = next(
            (c for c in children if isinstance(c, str) and not isinstance(c, Tok)), None
        )
        if tokens_of(children, "END"):
            # "the visit paid by X wrapped up today": its last day, whoever paid it
            ev.lemma = "end"
        for tok in tokens_of(children, "COUNTRY", "DEMONYM"):
            ev.destinations.insert(0, Place(tok.code, None, tok.start_pos, tok.end_pos))
        return ev

    def visit_by(self, children: list[Child]) -> Event:
        """ "the state visit by Minister X to Peru": X's visit."""
        return self.visit_poss(children, "visit_by")

    def during_visit(self, children: list[Child]) -> Event:
        return self._event("during_visit", children)

    # ------------------------------------------------------------ meetings
    def meet(self, children: list[Child]) -> Event:
        return self._event("meet", children)

    def receive(self, children: list[Child]) -> Event:
        return self._event("receive", children)

    def received_by(self, children: list[Child]) -> Event:
        return self._event("received_by", children)

    def call_on(self, children: list[Child]) -> Event:
        return self._event("call_on", children)

    def receive_letter(self, children: list[Child]) -> Event:
        """ "received a letter from A, delivered by B": a message from A that B brought; B is
        received."""
        ev = self._event("receive_letter", children)
        lists = person_lists(children)
        ev.senders, ev.objects = lists[0], lists[-1]
        return ev

    def meeting_noun(self, children: list[Child]) -> Event:
        ev = self._event("meeting_noun", children)
        owner = tokens_of(children, "POSSPRON")
        ev.possessive = bool(owner)
        if owner:  # "their meeting with X": the owners are a group
            ev.carrier = Mention(
                "pronoun", owner[0].start_pos, owner[0].end_pos, text=str(owner[0]).lower()
            )
        return ev

    def during_meeting(self, children: list[Child]) -> Event:
        return self._event("during_meeting", children)

    # ------------------------------------------------------------ messages, statements, parties
    def convey(self, children: list[Child]) -> Event:
        return self._event("convey", children)

    def convey_own(self, children: list[Child]) -> Event:
        return self._event("convey_own", children)

    def ask_convey(self, children: list[Child]) -> Event:
        return self._event("ask_convey", children)

    def say(self, children: list[Child]) -> Event:
        return self._event("say", children)

    def agree(self, children: list[Child]) -> Event:
        return self._event("agree", children)

    def accompanied(self, children: list[Child]) -> Event:
        return self._event("accompanied", children)

    def delegation_members(self, children: list[Child]) -> Event:
        """ "The Kenyan delegation, which consists of A, B and C": they travel together,
        Kenyans."""
        ev = self._event("delegation_members", children)
        country = next((t.code for t in tokens_of(children, "DEMONYM")), None)
        for m in ev.objects:
            if country and m.country is None and m.organization is None:
                m.country = country
        return ev

    def office(self, children: list[Tok]) -> Event:
        """ "(Wang Yi, who) is also a member of the Political Bureau ...": the subject's office."""
        ev = self._event("office", children)
        ev.carrier = self.phrase([children[-1]])  # BE ALSO? OFFICE
        return ev

    # ------------------------------------------------------------ fronted ("During the visit,")
    def fronted(self, children: list[Child]) -> Event:
        """ "During the state visit by X to Peru,": that visit."""
        return next(c for c in children if isinstance(c, Event))

    def fronted_date(self, children: list[Child]) -> Event:
        return self._event("fronted_date", children)

    def fronted_place(self, children: list[Tok]) -> Event:
        ev = self._event("fronted_place", children)
        # IN (COUNTRY | PLACE) COMMA: one place, never a list
        ev.places = [cast(Place, self.place(children[1:2]))]
        return ev
