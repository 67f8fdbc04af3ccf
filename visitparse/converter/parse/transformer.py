"""Stage 6: map clause trees onto facts (converter/facts.py), one method per grammar rule.

Method names are the rule names and aliases of grammar/clauses.lark. Nothing is resolved here:
"he" stays a pronoun mention and "Wednesday" a time expression; people.py and assemble.py do that.
"""

from __future__ import annotations

from lark import Token, Transformer

from ..tag.tokens import Title
from .facts import Clause, Event, Mention, Place
from .timex import TimeExpr

# Trigger words in their base form (after "will", "to", or a modal carried over from the predicate
# before)
BASE_FORM_TERMINALS = frozenset(("MEET", "RECEIVE", "PAY", "CALL"))
BASE_FORMS = frozenset(
    ("meet", "hold", "have", "receive", "host", "welcome", "pay", "make", "call")
)


class Here:
    """The adjunct "here": the dateline city."""

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


class Destinations:
    """The places a visit goes to ("visited A, B and C"), as opposed to where an event happens."""

    def __init__(self, places: list[Place], start: int, end: int):
        self.places, self.start, self.end = places, start, end


class Inviter:
    """ "at the invitation of President X": the people who invited the visitor (the host's)."""

    def __init__(self, people: list[Mention]):
        self.people = people


class _Whence:
    """Places a visitor came from; what they tell depends on the kind."""

    def __init__(self, places: list[Place]):
        self.places = places


class Origin(_Whence):
    """The place of "arrived from X": where the visitor came from (home, or an earlier stop)."""


class CameFrom(_Whence):
    """The place of "from X, where ...": the visitor was there before this event."""


class VisitNP:
    """ "a three-day state visit to India": the destination and the stated length."""

    def __init__(
        self, places: list[Place], duration: int | None, lemma: str | None, start: int, end: int
    ):
        self.places, self.duration, self.lemma, self.start, self.end = (
            places,
            duration,
            lemma,
            start,
            end,
        )


def _bounds(items) -> tuple[int, int]:
    starts, ends = [], []
    for x in items:
        if isinstance(x, Token):
            starts.append(x.start_pos)
            ends.append(x.end_pos)
        elif isinstance(x, list):
            if x:
                s, e = _bounds(x)
                starts.append(s)
                ends.append(e)
        elif hasattr(x, "start"):  # facts with spans; status words and "at" names carry none
            starts.append(x.start)
            ends.append(x.end)
    return (min(starts), max(ends)) if starts else (0, 0)


def _tokens(children, *types: str) -> list[Token]:
    return [c for c in children if isinstance(c, Token) and c.type in types]


class TreeToFacts(Transformer):
    """Builds Mention, Event and Clause objects from a `clause` tree."""

    # ------------------------------------------------------------ people
    def titles(self, children) -> list[Token]:
        return _tokens(children, "TITLE")

    def of_place(self, children) -> Token:
        return _tokens(children, "COUNTRY", "PLACE", "ORG")[0]

    def titled(self, children) -> Mention:
        s, e = _bounds(children)
        m = Mention("titled", s, e, text="")
        for c in children:
            if isinstance(c, list):  # titles
                offices: list[Title] = [t.data for t in c]
                m.titles = [t.text for t in offices] + [t.style for t in offices if t.style]
                m.title_kinds = [t.kind for t in offices] + ["rank" for t in offices if t.style]
                m.country = m.country or next((t.country for t in offices if t.country), None)
                m.organization = m.organization or next(
                    (t.organization for t in offices if t.organization), None
                )
                m.posting = m.posting or next((t.posting for t in offices if t.posting), None)
            elif (
                c.type in ("COUNTRY", "PLACE", "ORG")
                and c is not children[0]
                and _after_of(children, c)
            ):
                tok = c
                if tok.type == "COUNTRY":
                    m.country = tok.data
                    m.country_not_shared = (
                        True  # "President of Kenya X, and his host, Y": Kenya's alone
                    )
                elif tok.type == "PLACE":
                    m.place = tok.data[1]
                    m.country = m.country or tok.data[0]
                elif tok.data.country:  # "Speaker of the Knesset": a national body
                    m.country = m.country or tok.data.country
                else:  # "Secretary-General of the United Nations": no state
                    m.organization = tok.data.name
            elif c.type in ("DEMONYM", "COUNTRY"):
                m.country = c.data
                m.country_not_shared = c.type == "COUNTRY"
            elif c.type == "PLACE":  # "Osaka's mayor": the mayor of Osaka, in Japan
                m.place, m.country = c.data[1], m.country or c.data[0]
                m.country_not_shared = True
            elif c.type == "VISITING":
                m.visiting = True
            elif c.type == "NAME":
                m.name, m.name_span = str(c), (c.start_pos, c.end_pos)
        return m

    def named(self, children) -> Mention:
        s, e = _bounds(children)
        name = _tokens(children, "NAME")[0]
        nat = _tokens(children, "DEMONYM", "COUNTRY")
        return Mention(
            "named",
            s,
            e,
            name=str(name),
            name_span=(name.start_pos, name.end_pos),
            country=nat[0].data if nat else None,
        )

    def possessed(self, children) -> Mention:
        owner = children[0]
        m = self.titled(children[1:])
        m.start = owner.start
        m.country = m.country or owner.country
        m.owner = owner if owner.name else None
        return m

    def pronoun(self, children) -> Mention:
        tok = children[0]
        return Mention("pronoun", tok.start_pos, tok.end_pos, text=str(tok).lower())

    def group(self, children) -> Mention:
        s, e = _bounds(children)
        nat = _tokens(children, "DEMONYM", "COUNTRY")
        plural = _tokens(children, "PLTITLE")
        return Mention(
            "group",
            s,
            e,
            plural=True,
            country=nat[0].data if nat else None,
            titles=[str(plural[0])] if plural else [],
            text=" ".join(str(c).lower() for c in children if isinstance(c, Token)),
        )

    def receive_letter(self, children) -> Event:
        """ "received a letter from A, delivered by B": a message from A that B brought; B is received."""
        ev = self._event("receive_letter", children)
        lists = [c for c in children if isinstance(c, list)]
        ev.senders, ev.objects = lists[0], lists[-1]
        return ev

    def accompanying(self, children) -> Clause:
        """ "Accompanying the President on his visit to Jordan are A, B and C": they travel with him."""
        s, e = _bounds(children)
        lists = [c for c in children if isinstance(c, list)]
        companions = Event("accompanied", s, e, objects=lists[-1])
        return Clause("clause", s, e, subject=lists[0], events=[companions])

    def offices_respectively(self, children) -> list[Mention]:
        """ "The foreign ministers of China and Indonesia, A and B": A is China's foreign minister,
        B Indonesia's; the countries and the names pair off in order (or not at all)."""
        people = next(c for c in children if isinstance(c, list))
        office = next(c for c in children if isinstance(c, Token) and c.type == "PLTITLE").data
        places = next((c for c in children if isinstance(c, Token) and c.type == "PLACES"), None)
        countries = (
            [p[0] for p in places.data]
            if places
            else [c.data for c in children if isinstance(c, Token) and c.type == "DEMONYM"]
        )
        if len(countries) == len(people):
            title = _singular(office.text)
            for m, country in zip(people, countries):
                if m.rule == "named":
                    m.rule, m.titles, m.title_kinds = "titled", [title], [office.kind]
                    m.country = m.country or country
        return people

    def plural_office_list(self, children) -> list[Mention]:
        """ "Malaysian Deputy Foreign Ministers A and B": each holds the office, of that country."""
        office = next(c for c in children if c.type == "PLTITLE").data
        country = next((c.data for c in children if c.type in ("DEMONYM", "COUNTRY")), None)
        return [
            Mention(
                "titled",
                c.start_pos,
                c.end_pos,
                name=str(c),
                name_span=(c.start_pos, c.end_pos),
                titles=[_singular(office.text)],
                title_kinds=[office.kind],
                country=country or office.country,
            )
            for c in children
            if c.type == "NAME"
        ]

    def offices_of_countries(self, children) -> list[Mention]:
        """ "The foreign ministers of Malaysia, A, and Mexico, B": the office, the countries in order."""
        office = next(c for c in children if isinstance(c, Token) and c.type == "PLTITLE").data
        countries = [c.data for c in children if isinstance(c, Token) and c.type == "COUNTRY"]
        people = [c for c in children if isinstance(c, Mention)]
        for m, country in zip(people, countries):
            if m.rule == "named":
                m.rule, m.titles, m.title_kinds = "titled", [_singular(office.text)], [office.kind]
                m.country = m.country or country
        return people

    def couple(self, children) -> Mention:
        s, e = _bounds(children)
        return Mention(
            "group", s, e, plural=True, couple=True, text=" ".join(str(c).lower() for c in children)
        )

    def relative_subject(self, children) -> list[Mention]:
        person = [c for c in children if isinstance(c, Mention)]
        if person:  # "Zhao, who ...": the person named before "who"
            return person
        tok = children[0]
        return [Mention("relative_subject", tok.start_pos, tok.end_pos, text="who")]

    def person_list(self, children) -> list[Mention]:
        """The items of a list, appositives folded into their neighbour ("X, the Kazakh president,")."""
        items: list[Mention] = []
        joined_by_comma = False
        parts = _split_offices(children)
        # "A, Minister of Finance, B, Minister of Energy, and C, ...": a list that opens with a bare
        # name and its office after it gives every office after its name, never to the next one
        titles_follow_names = (
            len(parts) > 2
            and _bare_name(parts[0])
            and _is_comma(parts[1])
            and isinstance(parts[2], Mention)
            and parts[2].rule == "titled"
            and not parts[2].name
        )
        for k, c in enumerate(parts):
            if isinstance(c, Token):
                joined_by_comma = c.type == "COMMA"
                continue
            prev = items[-1] if items else None
            # "... and the Adviser to the President, Majdi Al-Khalidi": the office is the next
            # name's
            names_next = (
                k + 2 < len(parts)
                and _is_comma(parts[k + 1])
                and _bare_name(parts[k + 2])
                and not titles_follow_names
            )
            if (
                prev
                and c.rule == "titled"
                and not c.name
                and prev.name
                and prev.rule != "pronoun"
                and not names_next
            ):
                _fold_into(
                    prev, c
                )  # "Dmitry Novikov, deputy chairman of ... and first deputy chairman of ..."
            elif prev and joined_by_comma and prev.rule == "titled" and not prev.name and c.name:
                _fold_into(c, prev, first=True)  # "the Kazakh president, Kassym-Jomart Tokayev"
                items[-1] = c
            else:
                items.append(c)
        # "Kazakh President A, Prime Minister B and Deputy Prime Minister C": the first item's
        # nationality distributes over the office holders listed after it.
        # "King Erik and Queen Astrid": listed with a king, a queen is his consort (a spouse, no
        # visitor by the corpus rule)
        if any(t.lower() == "king" for m in items for t in m.titles):
            for m in items:
                m.title_kinds = [
                    "spouse" if t.lower() == "queen" else k for t, k in zip(m.titles, m.title_kinds)
                ]
        # A country said with a possessive or "of" ("Malaysia's Foreign Minister A, Trade Minister B
        # and
        # ...") covers the list too, but not past ", and" ("Qatar's Emir X, and King Y"; "the
        # President of
        # Kenya, X, and his host, Y"): there the first item's country is its own.
        comma_and = any(
            _is_comma(a) and isinstance(b, Token) and b.type == "AND"
            for a, b in zip(parts, parts[1:])
        )
        if (
            items
            and items[0].country
            and items[0].titles
            and not (items[0].country_not_shared and comma_and)
        ):
            for m in items[1:]:
                if m.rule == "titled" and m.country is None and m.organization is None:
                    m.country = items[0].country
        return items

    def subject(self, children) -> list[Mention]:
        c = children[0]
        return c if isinstance(c, list) else [c]

    # ------------------------------------------------------------ adjuncts
    def place(self, children):
        tok = children[0]
        if tok.type == "PLACES":
            return Destinations(
                [Place(code, name, s, e) for code, name, s, e in tok.data],
                tok.start_pos,
                tok.end_pos,
            )
        if tok.type == "COUNTRY":
            return Place(tok.data, None, tok.start_pos, tok.end_pos)
        return Place(tok.data[0], tok.data[1], tok.start_pos, tok.end_pos)

    def destinations(self, children) -> Destinations:
        c = children[0]
        return c if isinstance(c, Destinations) else Destinations([c], c.start, c.end)

    def when(self, children) -> TimeExpr:
        return children[0].data

    def where(self, children):
        place = [
            c.places[0] if isinstance(c, Destinations) else c
            for c in children
            if isinstance(c, (Place, Destinations))
        ]
        if place:
            return place[0]
        names = _tokens(children, "PLACE", "NAME", "ORG")
        tok = names[-1]
        if tok.type == "PLACE":
            return Place(tok.data[0], tok.data[1], tok.start_pos, tok.end_pos)
        first = next(k for k, c in enumerate(children) if c is names[0])
        # "Great Hall of the People", "Burgenstock resort"; not the sentence's full stop
        return ("at", " ".join(str(c) for c in children[first:] if str(c)[:1].isalnum()))

    def here(self, children) -> Here:
        return Here(children[0].start_pos, children[0].end_pos)

    def visit_np(self, children) -> VisitNP:
        s, e = _bounds(children)
        dur = _tokens(children, "DURATION")
        visit = _tokens(children, "VISIT")
        named = [
            Place(t.data, None, t.start_pos, t.end_pos)
            for t in _tokens(children, "COUNTRY", "DEMONYM")
        ]  # "his China visit"
        return VisitNP(
            named + [p for c in children if isinstance(c, Destinations) for p in c.places],
            dur[0].data if dur else None,
            visit[0].data if visit else None,
            s,
            e,
        )

    def meet_target(self, children) -> list[Mention]:
        return next(c for c in children if isinstance(c, list))

    def delegation(self, children) -> list[Mention]:
        leaders = [c for c in children if isinstance(c, list)][0]
        # "a Chinese delegation led by Vice Minister X", "a delegation of the Liberal Democratic
        # Party of Japan led by X": X is of that country
        country = next((t.data for t in _tokens(children, "DEMONYM", "COUNTRY")), None) or next(
            (t.data.country for t in _tokens(children, "ORG") if t.data.country), None
        )
        for m in leaders:
            if country and m.country is None and m.organization is None:
                m.country = country
        return leaders

    def status(self, children) -> str:
        return children[0].data

    # ------------------------------------------------------------ events
    def _event(self, rule: str, children) -> Event:
        s, e = _bounds(children)
        ev = Event(rule, s, e)
        lists = [c for c in children if isinstance(c, list)]
        for c in children:
            if isinstance(c, Token):
                if (
                    c.type == "VISIT"
                    and rule == "visit_verb"
                    or c.type in BASE_FORM_TERMINALS
                    and str(c).lower().split()[0] in BASE_FORMS
                ):
                    ev.base_form = True  # "to visit China", "(will meet X) and hold talks with Y"
                if c.type in (
                    "VISITED",
                    "TAKE",
                    "DEPART",
                    "PAY",
                    "END",
                    "ARRIVE",
                    "MEET",
                    "MEETING",
                    "RECEIVE",
                    "CALL",
                    "CONVEY",
                    "SAY",
                    "AGREE",
                    "ASK",
                ):
                    ev.lemma = ev.lemma or c.data
                    ev.trigger_end = max(ev.trigger_end, c.end_pos)
                    ev.respectively = ev.respectively or str(c).lower().endswith(
                        "meetings"
                    )  # "(held) meetings with A and B": one each
                    ev.present = ev.present or str(c).lower().startswith(("is ", "are "))
                elif (
                    c.type == "DATE"
                ):  # a date the rule names itself ("his visit to X from May 3-5")
                    ev.dates.append(c.data)
                elif c.type == "CANCEL":  # "cancelled a visit to X"
                    ev.status = c.data
                elif c.type in ("BE", "STAY"):
                    ev.present = str(c).lower() in ("is", "are")
                elif c.type == "RESP":
                    ev.respectively = True
                elif c.type == "THAT":
                    ev.trigger_end = c.end_pos
                elif c.type == "DURATION":
                    ev.duration = c.data
                elif c.type == "VISIT":  # "visit", "tour", "stop": a stop lasts a day
                    ev.noun = ev.noun or c.data
                elif c.type == "GREETINGS":
                    ev.noun = c.data
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

    def visit_verb(self, children):
        return self._event("visit_verb", children)

    def visit_noun(self, children):
        return self._event("visit_noun", children)

    def visit_end(self, children):
        return self._event("visit_end", children)

    def taken_to(self, children):
        return self._event("taken_to", children)

    def office(self, children) -> Event:
        ev = self._event("office", children)
        ev.carrier = self.titled(
            [c for c in children if not (isinstance(c, Token) and c.type == "BE")]
        )
        return ev

    def departure(self, children):
        return self._event("departure", children)

    def arrival(self, children):
        return self._event("arrival", children)

    def meet(self, children):
        return self._event("meet", children)

    def receive(self, children):
        return self._event("receive", children)

    def received_by(self, children):
        return self._event("received_by", children)

    def call_on(self, children):
        return self._event("call_on", children)

    def convey(self, children):
        return self._event("convey", children)

    def convey_own(self, children):
        return self._event("convey_own", children)

    def ask_convey(self, children):
        return self._event("ask_convey", children)

    def say(self, children):
        return self._event("say", children)

    def agree(self, children):
        return self._event("agree", children)

    def accompanied(self, children):
        return self._event("accompanied", children)

    def left_place(self, children) -> Event:
        """ "He left Laos on Wednesday": the end of a visit to that country (a city is only where he was)."""
        ev = self._event("visit_end", children)
        ev.destinations, ev.places = [p for p in ev.places if p.name is None], []
        return ev

    def fronted_arrival(self, children):
        return self._event("arrival", children)

    def talks_of(self, children) -> Clause:
        """ "(The agreement was reached) by A and B during their talks in Lima": A and B met."""
        people = next(c for c in children if isinstance(c, list))
        ev = self._event("meet", [c for c in children if not isinstance(c, list)])
        return _clause(children, [ev], subject=people)

    def hosted_in_honour(self, children) -> Clause:
        """ "A dinner hosted by X in honour of Y (was held in Lima)": X received Y."""
        hosts, guests = [c for c in children if isinstance(c, list)][:2]
        ev = self._event("receive", [c for c in children if not isinstance(c, list)])
        ev.objects = guests
        return _clause(children, [ev], subject=hosts)

    def visit_from(self, children) -> Clause:
        """ "Japan had a visit from Foreign Minister X": X's visit to Japan."""
        host = next(c for c in children if isinstance(c, (Place, Destinations)))
        ev = self._event(
            "visit_by", [c for c in children if not isinstance(c, (Mention, Place, Destinations))]
        )
        ev.carrier = next(c for c in children if isinstance(c, Mention))
        ev.destinations = list(host.places) if isinstance(host, Destinations) else [host]
        return _clause(children, [ev])

    def event_ends_visit(self, children) -> Clause:
        """ "A state banquet on Friday concluded the President's visit": the visit's last day."""
        ev = next(c for c in children if isinstance(c, Event))
        ev.dates = [
            c.data for c in children if isinstance(c, Token) and c.type == "DATE"
        ] + ev.dates
        ev.lemma = "end"
        return _clause(children, [ev])

    def left_after_visit(self, children) -> Event:
        """ "left Lima for Quito after wrapping up a visit to Peru": the visit that ended, not the next stop."""
        first = next(k for k, c in enumerate(children) if isinstance(c, Destinations))
        return self._event("visit_end", children[:first] + children[first + 1 :])

    def delegation_members(self, children) -> Event:
        """ "The Kenyan delegation, which consists of A, B and C": they travel together, Kenyans."""
        ev = self._event("delegation_members", children)
        country = next((t.data for t in _tokens(children, "DEMONYM")), None)
        for m in ev.objects:
            if country and m.country is None and m.organization is None:
                m.country = country
        return ev

    def during_visit(self, children):
        return self._event("during_visit", children)

    def during_meeting(self, children):
        return self._event("during_meeting", children)

    def fronted_date(self, children):
        return self._event("fronted_date", children)

    def fronted(self, children) -> Event:  # "During the state visit by X to Peru,": that visit
        return next(c for c in children if isinstance(c, Event))

    def fronted_place(self, children):
        ev = self._event("fronted_place", children)
        ev.places = [self.place(children[1:2])]
        return ev

    def inviter(self, children) -> Inviter:
        return Inviter(next(c for c in children if isinstance(c, list)))

    def in_country(self, children) -> Place:
        """ "in the Japanese port city": a place in that country, not named."""
        tok = next(c for c in children if c.type == "DEMONYM")
        return Place(tok.data, None, tok.start_pos, tok.end_pos)

    def at_somewhere(self, children) -> None:
        return None  # "at the airport": no place to report

    def sidelines(self, children) -> None:
        return None  # "on the sidelines of the summit": the place follows in its own adjunct

    def aside(self, children) -> None:
        return None  # "in five years": nothing to report, but the adjuncts after it still count

    def visit_poss(self, children, rule: str = "visit_poss") -> Event:
        """ "his Bhutan visit", "the minister's visit to Peru": the owner is the visitor."""
        ev = self._event(rule, [c for c in children if not isinstance(c, Mention)])
        ev.carrier = next(
            (c for c in children if isinstance(c, Mention)), None
        )  # the owner, when named
        if ev.carrier is None and (
            own := _tokens(children, "POSSPRON")
        ):  # "his": resolved as "he" would be
            ev.carrier = Mention(
                "pronoun", own[0].start_pos, own[0].end_pos, text=str(own[0]).lower()
            )
        ev.possessive = True
        ev.status = next(
            (c for c in children if isinstance(c, str) and not isinstance(c, Token)), None
        )  # "(the visit) was postponed"
        if _tokens(
            children, "END"
        ):  # "the visit paid by X wrapped up today": its last day, whoever paid it
            ev.lemma = "end"
        for tok in _tokens(children, "COUNTRY", "DEMONYM"):
            ev.destinations.insert(0, Place(tok.data, None, tok.start_pos, tok.end_pos))
        return ev

    def visit_by(self, children) -> Event:
        """ "the state visit by Minister X to Peru": X's visit."""
        return self.visit_poss(children, "visit_by")

    def origin(self, children) -> Origin:
        """ "arrived from Kazan": not where the visit is, but perhaps an earlier stop of the trip."""
        place = next(c for c in children if isinstance(c, (Place, Destinations)))
        return Origin(place.places if isinstance(place, Destinations) else [place])

    def came_from(self, children) -> CameFrom:
        """ "arrived from Saudi Arabia, where he had talks with ...": where he was before, on a visit."""
        place = next(c for c in children if isinstance(c, (Place, Destinations)))
        return CameFrom(place.places if isinstance(place, Destinations) else [place])

    def meeting_noun(self, children) -> Event:
        ev = self._event("meeting_noun", children)
        owner = _tokens(children, "POSSPRON")
        ev.possessive = bool(owner)
        if owner:  # "their meeting with X": the owners are a group
            ev.carrier = Mention(
                "pronoun", owner[0].start_pos, owner[0].end_pos, text=str(owner[0]).lower()
            )
        return ev

    def predicate(self, children) -> Event:
        ev = children[-1]
        for c in children[:-1]:
            if isinstance(c, Token) and c.type == "RESP":  # "A and B separately called on C"
                ev.respectively = True
            elif isinstance(c, str) and not isinstance(c, Token):
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
        ev.start = min(ev.start, _bounds(children)[0])
        return ev

    def predicates(self, children) -> list[Event]:
        events = [c for c in children if isinstance(c, Event)]
        for before, after in zip(
            events, events[1:]
        ):  # "will meet A and hold talks with B": both planned
            after.status = after.status or before.status
        return events

    def clause(self, children) -> Clause:
        s, e = _bounds(children)
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
            elif isinstance(c, Token) and c.type == "DATE":  # an opening date without its comma
                cl.fronted = self._event("fronted_date", [self.when([c])])
            elif isinstance(c, list) and c and isinstance(c[0], Mention):
                cl.subject = c
            elif isinstance(c, list):
                cl.events = c
        if cl.fronted is not None and cl.fronted.rule == "arrival" and cl.subject:
            cl.events, cl.fronted = (
                [cl.fronted] + cl.events,
                None,
            )  # "After arriving in Oslo, she met ...": her arrival
        return cl

    def bare_clause(self, children) -> Clause:
        s, e = _bounds(children)
        events = children[0]
        first = events[0] if events else None
        if first is not None and first.invited_first and len(first.inviters) > 1:
            # "At the invitation of Premier Li Qiang, Prime Minister X will pay a visit to China":
            # the list ran on into the subject, its last item
            return Clause("clause", s, e, subject=[first.inviters.pop()], events=events)
        return Clause("bare_clause", s, e, events=events)


def _split_offices(children) -> list:
    """ "the king and queen": two unnamed office holders, not one person with two offices."""
    out = []
    for c in children:
        if isinstance(c, Mention) and c.rule == "titled" and not c.name and len(c.titles) > 1:
            for title, kind in zip(c.titles, c.title_kinds):
                out.append(
                    Mention(
                        "titled",
                        c.start,
                        c.end,
                        titles=[title],
                        title_kinds=[kind],
                        country=c.country,
                        organization=c.organization,
                        place=c.place,
                    )
                )
        else:
            out.append(c)
    return out


def _after_of(children, tok: Token) -> bool:
    """Whether `tok` came from `of_place` (it follows the titles), not from "Kazakhstan's"."""
    i = next(k for k, c in enumerate(children) if c is tok)
    return any(isinstance(c, list) for c in children[:i])


def _clause(children, events: list[Event], subject: list[Mention] | None = None) -> Clause:
    """A clause over `children` whose rule is a sentence shape of its own ("a dinner hosted by X in
    honour of Y"): its events, and its subject where the shape names one."""
    s, e = _bounds(children)
    return Clause("clause", s, e, subject=subject or [], events=events)


def _is_comma(part) -> bool:
    return isinstance(part, Token) and part.type == "COMMA"


def _bare_name(part) -> bool:
    """A list item that is a name with no office of its own."""
    return isinstance(part, Mention) and bool(part.name) and not part.titles


def _singular(office: str) -> str:
    """ "foreign ministers" -> "foreign minister"; the tagger read the plural from the same table."""
    head, _, last = office.rpartition(" ")
    return f"{head} {last[:-1]}".strip() if last.endswith("s") else office


def _fold_into(person: Mention, appositive: Mention, first: bool = False) -> None:
    """The appositive's offices join the person's; `first`: written before the name, they come first
    ("The King of Malaysia, Sultan Ibrahim": King)."""
    at = 0 if first else len(person.titles)
    person.titles[at:at] = appositive.titles
    person.title_kinds[at:at] = appositive.title_kinds
    if person.country is None:
        person.country, person.country_not_shared = (
            appositive.country,
            appositive.country_not_shared,
        )
    person.organization = person.organization or appositive.organization
    person.owner = person.owner or appositive.owner
    person.posting = person.posting or appositive.posting
    person.start, person.end = min(person.start, appositive.start), max(person.end, appositive.end)
