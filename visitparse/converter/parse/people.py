"""The transformer's person phrases: the rules of grammar/clauses.lark that name people ("Kazakh
President Kassym-Jomart Tokayev", "he", "the two leaders", "the foreign ministers of China and
Indonesia, A and B") and the lists of them, built into Mentions (facts.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import cast

from ..tag.phrases import singular
from ..tag.tokens import STYLE_KINDS, CityRef, Title, Tok, token
from .facts import Mention
from .islands import build, methods, tables
from .parts import bounds, token_of, tokens_of


class PersonRules:
    """One method per person rule of the grammar, named after it (islands.methods() finds them by
    name)."""

    def one_office(self, children: list[Tok]) -> list[Tok]:
        return children  # its parts: BODY? TITLE (JOINER? TITLE)*, composed by `titled`

    def titles(self, children: list[Tok | list[Tok]]) -> list[list[Tok]]:
        return [c for c in children if isinstance(c, list)]  # the offices, "and" between them

    def of_place(self, children: list[Tok]) -> Tok:
        return token_of(children, "COUNTRY", "PLACE", "ORG")

    def titled(self, children: Sequence[Tok | list[Tok]]) -> Mention:
        s, e = bounds(children)
        m = Mention("titled", s, e, text="")
        tenure = ""
        children = _given_name_from_office(children)
        for c in children:
            if isinstance(c, list):  # titles
                offices = [_composed(cast("list[Tok]", parts)) for parts in c]
                m.titles = [t.text for t in offices] + [t.style for t in offices if t.style]
                if tenure:  # "former Cuban leader": "former leader"
                    m.titles[0] = f"{tenure} {m.titles[0]}"
                if len(offices) > 1:
                    m.joined = tuple(m.titles[: len(offices)])
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
                if c.type == "COUNTRY":
                    m.country = c.code
                    # "President of Kenya X, and his host, Y": Kenya's alone
                    m.country_not_shared = True
                elif c.type == "PLACE":
                    m.place = c.city.name
                    m.country = m.country or c.city.country
                elif c.org.country:  # "Speaker of the Knesset": a national body
                    m.country = m.country or c.org.country
                else:  # "Secretary-General of the United Nations": no state
                    m.organization = c.org.name
            elif c.type in ("DEMONYM", "COUNTRY"):
                m.country = c.code
                m.country_not_shared = c.type == "COUNTRY"
            elif c.type == "PLACE":  # "Osaka's mayor": the mayor of Osaka, in Japan
                m.place, m.country = c.city.name, m.country or c.city.country
                m.country_not_shared = True
            elif c.type == "VISITING":
                m.visiting = True
            elif c.type == "TENURE":
                tenure = str(c)
            elif c.type == "POSSPRON":
                m.possessor = str(c).lower()
            elif c.type == "NAME":
                m.name, m.name_span, m.nickname = str(c), (c.start_pos, c.end_pos), c.nickname
        return m

    def phrase(self, children: list[Tok]) -> Mention:
        """A PERSON or OFFICE token of the person-phrase level (person_phrases.py): its Mention,
        built from the phrase's own tokens by the rules of grammar/people.lark."""
        words = cast("list[Tok]", children[0].data)
        return cast(Mention, build(tables("people.lark"), words, "person", _PHRASE_RULES))

    def named(self, children: list[Tok]) -> Mention:
        s, e = bounds(children)
        name = token_of(children, "NAME")
        nat = tokens_of(children, "DEMONYM", "COUNTRY")
        return Mention(
            "named",
            s,
            e,
            name=str(name),
            name_span=(name.start_pos, name.end_pos),
            nickname=name.nickname,
            country=nat[0].code if nat else None,
        )

    def possessed(self, children: list[Mention | Tok | list[Tok]]) -> Mention:
        """ "US President Donald Trump's special envoy": the envoy, of Trump's country."""
        owner = cast(Mention, children[0])  # person POSS _mods titles NAME?
        m = self.titled(cast("list[Tok | list[Tok]]", children[1:]))
        m.start = owner.start
        m.country = m.country or owner.country
        m.owner = owner if owner.name else None
        return m

    def pronoun(self, children: list[Tok]) -> Mention:
        tok = children[0]
        return Mention("pronoun", tok.start_pos, tok.end_pos, text=str(tok).lower())

    def group(self, children: list[Tok]) -> Mention:
        s, e = bounds(children)
        nat = tokens_of(children, "DEMONYM", "COUNTRY")
        plural = tokens_of(children, "PLTITLE")
        return Mention(
            "group",
            s,
            e,
            plural=True,
            country=nat[0].code if nat else None,
            titles=[str(plural[0])] if plural else [],
            text=" ".join(str(c).lower() for c in children),
        )

    def couple(self, children: list[Tok]) -> Mention:
        s, e = bounds(children)
        return Mention(
            "group", s, e, plural=True, couple=True, text=" ".join(str(c).lower() for c in children)
        )

    def offices_respectively(self, children: list[Tok | list[Mention]]) -> list[Mention]:
        """ "The foreign ministers of China and Indonesia, A and B": A is China's foreign minister,
        B Indonesia's; the countries and the names pair off in order (or not at all)."""
        people = next(c for c in children if isinstance(c, list))
        office = _plural_office(children)
        places = next((c for c in children if isinstance(c, Tok) and c.type == "PLACES"), None)
        countries = (
            [p.country for p in places.places]
            if places
            else [c.code for c in tokens_of(children, "DEMONYM")]
        )
        if len(countries) == len(people):
            for m, country in zip(people, countries, strict=True):
                if m.rule == "named":
                    _hold(m, office)
                    m.country = m.country or country
        return people

    def plural_office_list(self, children: list[Tok | list[Mention]]) -> list[Mention]:
        """ "Malaysian Deputy Foreign Ministers A and B": each named alone holds the office, of that
        country; "Egyptian officials A, minister of planning, and B, ...": each of that country,
        in his own office."""
        office = _plural_office(children)
        country = next(
            (c.code for c in children if isinstance(c, Tok) and c.type in ("DEMONYM", "COUNTRY")),
            None,
        )
        people = next(c for c in children if isinstance(c, list))
        for m in people:
            if m.rule == "named" and not m.titles:
                _hold(m, office)
                m.country = m.country or country or (office.country if office else None)
            elif m.titles and m.country is None and m.organization is None:
                m.country = country
        return people

    def listed_people(self, children: list[list[Mention]]) -> list[Mention]:
        return children[0]

    def offices_of_countries(self, children: list[Tok | Mention]) -> list[Mention]:
        """ "The foreign ministers of Malaysia, A, and Mexico, B": the office, the countries in
        order."""
        office = _plural_office(children)
        countries = [c.code for c in tokens_of(children, "COUNTRY")]
        people = [c for c in children if isinstance(c, Mention)]
        for m, country in zip(people, countries, strict=False):
            if m.rule == "named":
                _hold(m, office)
                m.country = m.country or country
        return people

    def relative_subject(self, children: list[Tok | Mention]) -> list[Mention]:
        person = [c for c in children if isinstance(c, Mention)]
        if person:  # "Zhao, who ...": the person named before "who"
            return person
        tok = cast(Tok, children[0])  # WHO
        return [Mention("relative_subject", tok.start_pos, tok.end_pos, text="who")]

    def with_spouse(self, children: list[Tok | Mention]) -> list[Mention]:
        """ "X and his wife, Y,": X; Y travels with X (a spouse is no visitor: the corpus rule),
        named all the same."""
        principal, spouse = [c for c in children if isinstance(c, Mention)]
        principal.spouse = spouse
        return [principal]

    def person_list(self, children: list[Tok | Mention]) -> list[Mention]:
        """The items of a list, appositives folded into their neighbour ("X, the Kazakh
        president,")."""
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
            if isinstance(c, Tok):
                joined_by_comma = c.type == "COMMA"
                continue
            # "A, the President of X; B, ...": nothing folds across a semicolon
            prev = items[-1] if items and not _is_semicolon(parts[k - 1]) else None
            # "... and the Adviser to the President, Majdi Al-Khalidi": the next name's office
            names_next = (
                k + 2 < len(parts)
                and _is_comma(parts[k + 1])
                and _bare_name(parts[k + 2])
                and not titles_follow_names
            )
            # "A and the Chinese envoy", "A and the Prime Minister of Italy": another person
            own = not joined_by_comma and (c.country is not None or _has_article(c))
            if (
                prev
                and c.rule == "titled"
                and not c.name
                and prev.name
                and prev.rule != "pronoun"
                and not names_next
                and not own
            ):
                # "Dmitry Novikov, deputy chairman of ... and first deputy chairman of ..."
                _fold_into(prev, c)
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
                    "spouse" if t.lower() == "queen" else k
                    for t, k in zip(m.titles, m.title_kinds, strict=False)
                ]
        # A country said with a possessive or "of" ("Malaysia's Foreign Minister A, Trade Minister
        # B and ...") covers the list too, but not past ", and" ("Qatar's Emir X, and King Y"; "the
        # President of Kenya, X, and his host, Y"): there the first item's country is its own.
        comma_and = any(
            _is_comma(a) and isinstance(b, Tok) and b.type == "AND"
            for a, b in zip(parts, parts[1:], strict=False)
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

    def apposed(self, children: list[Tok | Mention]) -> Mention:
        """ "Ana Soto, Speaker of the Senate of Chile,", "the Peruvian foreign secretary, Luis
        Vega,": one person, the appositive folded as in a list."""
        person, comma, second = children[:-1]  # its closing comma or stop
        tok = cast(Tok, second)
        office = self.phrase([tok]) if tok.type == "OFFICE" else self.named([tok])
        return self.person_list([person, comma, office])[0]

    def subject(self, children: list[Mention | list[Mention]]) -> list[Mention]:
        c = children[0]
        return c if isinstance(c, list) else [c]

    def meet_target(self, children: list[Tok | list[Mention]]) -> list[Mention]:
        return next(c for c in children if isinstance(c, list))

    def delegation(self, children: list[Tok | list[Mention]]) -> list[Mention]:
        leaders = [c for c in children if isinstance(c, list)][0]
        # "a Chinese delegation led by Vice Minister X", "a delegation of the Liberal Democratic
        # Party of Japan led by X": X is of that country
        country = next((t.code for t in tokens_of(children, "DEMONYM", "COUNTRY")), None) or next(
            (t.org.country for t in tokens_of(children, "ORG") if t.org.country), None
        )
        for m in leaders:
            if country and m.country is None and m.organization is None:
                m.country = country
        return leaders


_PHRASE_RULES = methods(PersonRules())


def _composed(parts: list[Tok]) -> Title:
    """One office from its parts, left to right: "State Councilor/Minister of Foreign Affairs" (a
    mark between two offices), "Foreign Minister Prince" (a one-word rank or royal style goes on the
    office before it), "Secretary of Defense Spokesperson" (offices side by side: the last says the
    kind), "NPC Standing Committee Chairman" (a body before the office), "Hunan Governor" (its
    seat)."""
    office: Title | None = None
    body = seat = joiner = None
    for p in parts:
        if p.type == "BODY":
            body = p
            continue
        if p.type == "SEAT":
            seat = p
            continue
        if p.type == "JOINER":
            joiner = p
            continue
        t = p.title
        if office is None and seat is not None:
            # "Hunan Governor": the seat is part of the office; a city or region gives its country
            where = seat.data.country if isinstance(seat.data, CityRef) else None
            office = dataclasses.replace(t, text=f"{seat} {t.text}", country=t.country or where)
        elif office is None:
            office = Title(f"{body} {t.text}", t.kind, t.country or body.org.country) if body else t
        elif joiner is not None:
            text = f"{office.text} {joiner} {t.text}".replace(" / ", "/")
            office = Title(text, office.kind, office.country or t.country)
        elif t.kind in STYLE_KINDS and " " not in t.text:
            office = dataclasses.replace(office, style=t.text)
        else:
            office = Title(f"{office.text} {t.text}", t.kind, office.country or t.country)
        joiner = None
    return cast(Title, office)


def _given_name_from_office(children: Sequence[Tok | list[Tok]]) -> Sequence[Tok | list[Tok]]:
    """ "Minister of Industry Sultan Al Jaber", "Ambassador Amir Hayek": a ruler's one-word title
    right after another office and right before the name is the first name."""
    for k, c in enumerate(children[:-1]):
        name = children[k + 1]
        if not (isinstance(c, list) and isinstance(name, Tok) and name.type == "NAME"):
            continue
        offices = cast("list[list[Tok]]", c)
        parts = offices[-1]
        given = parts[-1]
        if not (
            len(parts) > 1
            and parts[-2].type == "TITLE"
            and given.title.kind == "head_of_state"
            and " " not in str(given)
        ):
            return children
        text = f"{given} {name}"
        whole = token("NAME", text, given.start_pos, name.end_pos, name.nickname)
        titles = cast("list[Tok]", [*offices[:-1], parts[:-1]])
        return [*children[:k], titles, whole, *children[k + 2 :]]
    return children


def _split_offices(children: list[Tok | Mention]) -> list[Tok | Mention]:
    """ "the king and queen": two unnamed office holders, not one person with two offices; but
    "the Deputy Prime Minister and Minister of Trade of Chile, Ana Soto": one person's offices,
    named by the name after the comma (the next step folds them into it), and "the President and
    First Lady of Ghana, A and B": as many names as offices, one office each, in order."""
    out: list[Tok | Mention] = []
    skip = 0
    for k, c in enumerate(children):
        if skip:
            skip -= 1
            continue
        if not (isinstance(c, Mention) and c.rule == "titled" and not c.name and len(c.titles) > 1):
            out.append(c)
            continue
        names = _names_next(children, k)
        if len(names) == len(c.titles):
            out.append(children[k + 1])  # the comma: the office holders are the list's items
            for name, title, kind in zip(names, c.titles, c.title_kinds, strict=True):
                _fold_into(name, _office_of(c, title, kind), first=True)
                name.rule = "titled"
            skip = 1
            continue
        if names:
            out.append(c)
            continue
        titles = zip(c.titles, c.title_kinds, strict=False)
        out.extend(_office_of(c, title, kind) for title, kind in titles)
    return out


def _plural_office(children: Sequence[object]) -> Title | None:
    """The office of a PLTITLE among `children` ("foreign ministers"); None for a plural the
    function words give without one ("officials", "leaders")."""
    tok = next(c for c in children if isinstance(c, Tok) and c.type == "PLTITLE")
    return tok.title if isinstance(tok.data, Title) else None


def _hold(m: Mention, office: Title | None) -> None:
    """A name listed after a plural office holds it, in the singular ("Ministers A and B")."""
    if office is not None:
        m.rule, m.titles, m.title_kinds = "titled", [_singular(office.text)], [office.kind]


def _office_of(c: Mention, title: str, kind: str) -> Mention:
    """One of the offices of an unnamed office holder, another unnamed office holder."""
    return Mention(
        "titled",
        c.start,
        c.end,
        titles=[title],
        title_kinds=[kind],
        country=c.country,
        organization=c.organization,
        place=c.place,
    )


def _names_next(children: Sequence[Tok | Mention], k: int) -> list[Mention]:
    """The bare names right after item `k` and a comma: one (", Ana Soto, and Luis Vega": Ana
    Soto, the appositive) or the whole rest of the list when it is only names joined without a
    comma before "and" (", A and B"); none when no name follows."""
    if not (k + 2 < len(children) and _is_comma(children[k + 1]) and _bare_name(children[k + 2])):
        return []
    first = cast(Mention, children[k + 2])
    names = [first]
    rest = list(children[k + 3 :])
    if rest and _is_comma(rest[-1]):  # ", A and B,": the list's closing comma
        rest.pop()
    for before, c in zip([children[k + 2], *rest], rest, strict=False):
        if isinstance(c, Mention):
            if not _bare_name(c):
                return [first]
            names.append(c)
        elif c.type not in ("COMMA", "AND") or (c.type == "AND" and _is_comma(before)):
            return [first]
    return names


def _after_of(children: Sequence[Tok | list[Tok]], tok: Tok) -> bool:
    """Whether `tok` came from `of_place` (it follows the titles), not from "Kazakhstan's"."""
    i = next(k for k, c in enumerate(children) if c is tok)
    return any(isinstance(c, list) for c in children[:i])


def _is_comma(part: Tok | Mention) -> bool:
    return isinstance(part, Tok) and part.type == "COMMA"


def _is_semicolon(part: Tok | Mention) -> bool:
    return isinstance(part, Tok) and part.type == "SEMI"


def _bare_name(part: Tok | Mention) -> bool:
    """A list item that is a name with no office of its own."""
    return isinstance(part, Mention) and bool(part.name) and not part.titles


def _singular(office: str) -> str:
    """ "foreign ministers" -> "foreign minister", "Secretaries" -> "Secretary"; the tagger read
    the plural from the same table."""
    head, _, last = office.rpartition(" ")
    return f"{head} {singular(last) or last}".strip()


def _fold_into(person: Mention, appositive: Mention, first: bool = False) -> None:
    """The appositive's offices join the person's; `first`: written before the name, they come first
    ("The King of Malaysia, Sultan Ibrahim": King)."""
    at = 0 if first else len(person.titles)
    person.titles[at:at] = appositive.titles
    person.title_kinds[at:at] = appositive.title_kinds
    person.joined = person.joined or appositive.joined
    if person.country is None:
        person.country = appositive.country
        person.country_not_shared = appositive.country_not_shared
    person.organization = person.organization or appositive.organization
    person.owner = person.owner or appositive.owner
    person.posting = person.posting or appositive.posting
    person.start, person.end = min(person.start, appositive.start), max(person.end, appositive.end)


def _has_article(m: Mention) -> bool:
    """ "the Chinese envoy", "a senior minister": an office holder of his own, not an appositive."""
    return m.text.lower().startswith(("the ", "a ", "an "))
