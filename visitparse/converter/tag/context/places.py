"""Context passes of places: a city placed in a country, lists of places joined, a stay with
dates, the "and" before a trip's next leg, a country used as an adjective, a comma that would cut
a place from its visit."""

from __future__ import annotations

from collections.abc import Callable

from ..tokens import PLACE_TOKENS, CityRef, ListedPlace, Tok, retyped, token

CityLookup = Callable[[str], "str | None"]  # a city's name -> its country (alpha-3), or None
# where a name names a place: "arrived in X", "travelled to X", "visited X", "in X" (not "to X"
# after any verb: "spoke to Obi")
PLACE_GOVERNORS = frozenset(("IN", "ARRIVE", "VISITED", "DEPART"))


def cities_of_the_gazetteer(toks: list[Tok], cities: CityLookup) -> list[Tok]:
    """ "arrived in Arequipa", "met the mayor in Gdansk": a name the lexicon lacks, after "in" or a
    visit verb, that the gazetteer knows as a city (knowledge/cities.py: 15,000 people or more;
    a name of several countries' cities only when the largest is a capital) is a place of its
    country. Not a name followed by a possessive or another name ("in Obi's office")."""
    out = list(toks)
    for k in range(1, len(out)):
        t = out[k]
        if (
            t.type == "NAME"
            and (
                out[k - 1].type in PLACE_GOVERNORS
                # the next place of a list: "visited Lima and Arequipa"
                or out[k - 1].type in ("AND", "COMMA")
                and k > 1
                and out[k - 2].type in PLACE_TOKENS
            )
            and not (k + 1 < len(out) and out[k + 1].type in ("POSS", "NAME", "TITLE"))
            # "in Quillon, Mexico,": the text says the country (cities_of_countries)
            and not (
                k + 2 < len(out) and out[k + 1].type == "COMMA" and out[k + 2].type == "COUNTRY"
            )
        ):
            country = cities(str(t))
            if country:
                out[k] = token("PLACE", str(t), t.start_pos, t.end_pos, CityRef(country, str(t)))
    return out


def cities_of_countries(text: str, toks: list[Tok]) -> list[Tok]:
    """ "arrived in Cusco, Peru, on Tuesday", "flew into Cusco, Peru,", "visited Cusco, Peru,": a
    name after "in", "to" or a visit verb that the text places in a country with "City, Country,"
    is a place of that country, though the gazetteer lacks it."""
    out = list(toks)
    for k in range(1, len(out) - 2):
        if (
            out[k - 1].type in ("IN", "TO", "ARRIVE", "VISITED")
            and out[k].type == "NAME"
            and out[k + 1].type == "COMMA"
            and out[k + 2].type == "COUNTRY"
            and (
                k + 3 == len(out)
                or out[k + 3].type in ("COMMA", "DATE", "FOR", "ON", "TO", "AND", ".")
            )
        ):
            t = out[k]
            out[k] = token(
                "PLACE", str(t), t.start_pos, t.end_pos, CityRef(out[k + 2].code, str(t))
            )
    return out


def _list_step(toks: list[Tok], j: int) -> int:
    """How far the place list at j goes on to its next place: ", X" / "and X" (2), ", and X" (3),
    each perhaps with "the" before a country ("Japan and the Philippines"), or 0."""
    kinds = [t.type for t in toks[j + 1 : j + 5]]
    joiner = 2 if kinds[:2] == ["COMMA", "AND"] else 1 if kinds[:1] in (["COMMA"], ["AND"]) else 0
    if not joiner:
        return 0
    if len(kinds) > joiner and kinds[joiner] in ("COUNTRY", "PLACE"):
        return joiner + 1
    if len(kinds) > joiner + 1 and kinds[joiner] == "THE" and kinds[joiner + 1] == "COUNTRY":
        return joiner + 2
    return 0


def join_places(text: str, toks: list[Tok]) -> list[Tok]:
    """ "Cameroon, Liberia, Sudan and Seychelles" -> one PLACES token: LALR cannot tell a list's
    "and" from the "and" that joins two predicates with one token of look-ahead."""
    out: list[Tok] = []
    k = 0
    while k < len(toks):
        j, items = k, []
        while j < len(toks) and toks[j].type in ("COUNTRY", "PLACE"):
            items.append(toks[j])
            step = _list_step(toks, j)
            if not step:
                break
            j += step
        if (
            len(items) == 2
            and items[0].type == "PLACE"
            and items[1].type == "COUNTRY"
            and items[0].city.country == items[1].code
            and toks[k + 1].type == "COMMA"
        ):
            out.append(items[0])  # "Kazan, Russia": a city and its own country name one place
            k = j + 1
            continue
        if len(items) > 1 and not (k + 1 < len(toks) and toks[k + 1].type == "POSS"):
            data = [
                ListedPlace(t.code, None, t.start_pos, t.end_pos)
                if t.type == "COUNTRY"
                else ListedPlace(t.city.country, t.city.name, t.start_pos, t.end_pos)
                for t in items
            ]
            out.append(
                token(
                    "PLACES",
                    text[items[0].start_pos : items[-1].end_pos],
                    items[0].start_pos,
                    items[-1].end_pos,
                    data,
                )
            )
            k = j + 1
            continue
        out.append(toks[k])
        k += 1
    return out


def stays(text: str, toks: list[Tok]) -> list[Tok]:
    """ "is in Beijing from June 18 to 19": a stay with dates is a visit (STAY)."""
    out = list(toks)
    for k in range(len(toks) - 3):
        if (
            toks[k].type == "BE"
            and toks[k + 1].type == "IN"
            and toks[k + 2].type in PLACE_TOKENS
            and toks[k + 3].type == "DATE"
        ):
            out[k] = retyped(toks[k], "STAY")
    return out


def next_legs(text: str, toks: list[Tok]) -> list[Tok]:
    """ "Peru on June 10-12 and Chile on ...": an "and" after a date and before a place starts
    another leg of a trip (AND_PLACE): telling it from the "and" before another predicate needs two
    tokens of look-ahead."""
    out = list(toks)
    for k in range(1, len(toks) - 1):
        if (
            toks[k].type == "AND"
            and toks[k + 1].type in PLACE_TOKENS
            and toks[k - 1].type == "DATE"
        ):
            out[k] = retyped(toks[k], "AND_PLACE")
    return out


OFFICES = ("TITLE", "PLTITLE")  # "US President X", "US Secretaries A and B"
OFFICE_OR_NAME = (*OFFICES, "NAME")


def countries_as_adjectives(text: str, toks: list[Tok]) -> list[Tok]:
    """In "US President X" or "China Vice Premier X" the country is an adjective (DEMONYM),
    unless a preposition governs it ("the President of the United Arab Emirates Mohamed ...")."""
    out = list(toks)  # read as it is rewritten: a country turned adjective is no longer a COUNTRY
    for k in range(len(out)):
        t = out[k]
        if t.type == "COUNTRY" and k + 1 < len(out) and out[k + 1].type in OFFICE_OR_NAME:
            # "of (the) United Arab Emirates Mohamed ...": a preposition, maybe with "the", governs
            # it
            governed = any(
                t.type in ("IN", "TO", "FROM", "OF")
                for t in out[max(0, k - 2) : k]
                if t.type != "THE" or k < 2
            ) and (k < 1 or out[k - 1].type in ("IN", "TO", "FROM", "OF", "THE"))
            # "a phone call from US President X", "a message to US President X": the office
            # follows, an adjective
            governed = governed and not (
                out[k + 1].type in OFFICES and k and out[k - 1].type in ("FROM", "TO")
            )
            if not governed and (
                out[k + 1].type in OFFICES
                or out[k - 1].type not in ("AND", "COMMA", "AT", "BY", "WITH")
            ):
                out[k] = retyped(t, "DEMONYM")
    return out


def drop_comma_after_place(text: str, toks: list[Tok]) -> list[Tok]:
    """ "arrived in Luanda, Angola, for a two-day State Visit": a comma between a place and the
    visit it is for would end the clause; so would it before "on a working visit", and before the
    day that ends the clause ("held talks in Moscow, Russia, on Tuesday, a day after ..."; not
    "In Moscow, on Tuesday, X met ...", where both are fronted); and the comma that closes "City,
    Country," before a day ("landed in Tbilisi, Georgia, on Monday for talks")."""
    keep = []
    for k, t in enumerate(toks):
        if (
            t.type == "COMMA"
            and 0 < k < len(toks) - 1
            and toks[k - 1].type in PLACE_TOKENS
            and toks[k + 1].type == "DATE"
            and "," in text[toks[k - 1].end_pos : t.start_pos]
        ):
            continue
        if (
            t.type == "COMMA"
            and 0 < k < len(toks) - 2
            and toks[k - 1].type in PLACE_TOKENS
            and toks[k + 1].type in ("FOR", "ON")
            and any(x.type == "VISIT" for x in toks[k + 2 : k + 6])
        ):
            continue
        if (
            t.type == "COMMA"
            and 2 < k < len(toks) - 1
            and toks[k - 1].type in PLACE_TOKENS
            and toks[k + 1].type == "DATE"
            and (
                k + 2 == len(toks)
                or toks[k + 2].type == "COMMA"
                or not str(toks[k + 2])[:1].isalnum()
            )
        ):
            continue
        keep.append(t)
    return keep
