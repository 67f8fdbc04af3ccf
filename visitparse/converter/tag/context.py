"""Stage 4b: context passes over one sentence's tokens, for what a token's neighbours decide.

The tagger (tagger.py) reads each position by itself; these passes then rewrite, in the order
`settle` runs them: institutions with their names ("the Department of Foreign Affairs"),
bracketed acronyms dropped, offices joined or split ("Deputy Prime Minister - Minister of X",
"Minister of Industry Sultan Al Jaber"), place lists joined (PLACES), a light verb joined with its
talks ("held delegation-level talks" -> MEET), auxiliaries dropped, "and" between offices
(AND_TITLE) or before a trip's next leg (AND_PLACE), a stay with dates (STAY), a country used as
an adjective (DEMONYM), an appositive's visit (ON_VISIT). Each pass runs only on a sentence that
holds the tokens it rewrites.
"""

from __future__ import annotations

import dataclasses

from lark import Token

from .lexicon import fold
from .tokens import (
    PLACE_TOKENS,
    STYLE_KINDS,
    TENURE_WORDS,
    CityRef,
    ListedPlace,
    Org,
    Title,
    Tok,
    token,
)

TITLE_JOINERS = frozenset(
    ("-", "\u2013", "\u2014", "/")
)  # "Deputy Prime Minister - Minister of Industry"
AUXILIARIES = frozenset(("has", "have", "had"))
EVENT_VERBS = frozenset(
    (
        "VISITED",
        "END",
        "ARRIVE",
        "MEET",
        "RECEIVE",
        "PAY",
        "CALL",
        "CONVEY",
        "SAY",
        "AGREE",
        "DEPART",
        "LEAD",
        "TAKE",
    )
)
# words a light verb may stand from its talks: "held (a) (productive) (bilateral) talks",
# "co-chaired the summit"
HOLD_GAP = 5
GOVERNING = frozenset(
    ("IN", "TO", "FROM", "AT", "OF", "ON", "BY", "WITH", "FOR")
)  # prepositions that take a place


def settle(text: str, toks: list[Tok], institution_words: set[str]) -> list[Tok]:
    """The sentence's tokens after the context passes, in order."""
    toks = _institutions(text, toks, institution_words)
    types = {t.type for t in toks}
    if toks and "(" in text[toks[0].start_pos : toks[-1].end_pos]:
        toks = _drop_acronyms(toks)
    if "TITLE" in types:
        toks = _join_titles(_given_names_like_titles(text, _name_prefixed_titles(text, toks)))
    if "COUNTRY" in types and "NAME" in types:
        toks = _cities_of_countries(toks)
    if "COUNTRY" in types or "PLACE" in types:
        toks = _join_places(text, toks)
    if "ACCOMPANYING" in types:
        _accompanying_opens(toks)
    if "HOLD" in types:
        toks = _hold_talks(text, toks)
    if "INCLUDING" in types:
        toks = _including(toks)
    if "W" in types or "HOLD" in types:
        toks = _drop_auxiliaries(toks)
    if "MODAL" in types and "BE" in types:
        toks = _drop_be_beside_modal(toks)
    if "PLTITLE" in types and "NAME" in types:
        _bodies_before_officials(toks)
    if "TITLE" in types:
        _and_between_titles(toks)
    if "COUNTRY" in types or "PLACE" in types:
        _stays_legs_and_adjectives(toks)
        if "COMMA" in types and ("VISIT" in types or "DATE" in types):
            toks = _drop_comma_after_place(text, toks)
    if (
        "DEMONYM" in types or "COUNTRY" in types
    ) and "TITLE" in types:  # after "US" became an adjective
        toks = _tenure_before_nationality(toks)
    if "VISIT" in types and "ON" in types:
        _appositive_visits(toks)
    return toks


def _accompanying_opens(toks: list[Tok]) -> None:
    """Only "Accompanying the President ... are A and B" opens a clause: elsewhere the word is plain."""
    for t in toks[1:]:
        if t.type == "ACCOMPANYING":
            t.type = "W"


def _next_to_modal(toks: list[Tok], k: int, step: int) -> bool:
    """A MODAL at k+step, or at k+2*step with "also" between."""
    for d in (step, 2 * step):
        j = k + d
        if not 0 <= j < len(toks):
            return False
        if toks[j].type == "MODAL":
            return True
        if toks[j].type != "ALSO":
            return False
    return False


def _drop_acronyms(toks: list[Tok]) -> list[Tok]:
    """ "External Affairs Minister (EAM) S Jaishankar": the bracketed short form after an office or
    organisation repeats it; dropping it lets the office reach the name."""
    out: list[Tok] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        if (
            str(t) == "("
            and out
            and out[-1].type in ("TITLE", "ORG")
            and k + 2 < len(toks)
            and str(toks[k + 2]) == ")"
            and str(toks[k + 1]).isupper()
        ):
            k += 3
            continue
        out.append(t)
        k += 1
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


def _cities_of_countries(toks: list[Tok]) -> list[Tok]:
    """ "arrived in Cusco, Peru, on Tuesday", "flew into Cusco, Peru,", "visited Cusco, Peru,": a name
    after "in", "to" or a visit verb that the text places in a country with "City, Country," is a
    place of that country, though the gazetteer lacks it."""
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


def _join_places(text: str, toks: list[Tok]) -> list[Tok]:
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


def _name_prefixed_titles(text: str, toks: list[Tok]) -> list[Tok]:
    """ "Kano State Acting Governor", "Jigawa State Governor", "Hunan Governor": an unknown
    capitalised word or a place right before an office names its seat; it is part of the office."""
    out: list[Tok] = []
    for t in toks:
        if (
            t.type == "TITLE"
            and out
            and out[-1].type == "NAME"
            and " " not in str(out[-1])
            and out[-1].end_pos + 1 == t.start_pos
        ):
            prev = out.pop()
            office = dataclasses.replace(t.data, text=f"{prev} {t.data.text}")
            t = token("TITLE", text[prev.start_pos : t.end_pos], prev.start_pos, t.end_pos, office)
        elif (
            t.type == "TITLE"
            and out
            and out[-1].type == "PLACE"
            and out[-1].end_pos + 1 == t.start_pos
            and not (len(out) > 1 and out[-2].type in GOVERNING)
        ):
            # "Hunan Governor Xu Dazhe": the province is the seat of the office (not "in Hunan
            # Governor ...")
            prev = out.pop()
            office = dataclasses.replace(
                t.data, text=f"{prev} {t.data.text}", country=t.data.country or prev.data[0]
            )
            t = token("TITLE", text[prev.start_pos : t.end_pos], prev.start_pos, t.end_pos, office)
        out.append(t)
    return out


def _given_names_like_titles(text: str, toks: list[Tok]) -> list[Tok]:
    """ "Minister of Industry Sultan Al Jaber", "Ambassador Amir Hayek": a ruler's one-word title
    between an office and a name is the first name."""
    out: list[Tok] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        if (
            t.type == "TITLE"
            and t.data.kind == "head_of_state"
            and " " not in str(t)
            and out
            and out[-1].type == "TITLE"
            and k + 1 < len(toks)
            and toks[k + 1].type == "NAME"
        ):
            name = text[t.start_pos : toks[k + 1].end_pos]
            out.append(token("NAME", name, t.start_pos, toks[k + 1].end_pos, name))
            k += 2
            continue
        out.append(t)
        k += 1
    return out


def _join_titles(toks: list[Tok]) -> list[Tok]:
    """ "State Councilor/Minister of Foreign Affairs", "Deputy Prime Minister - Minister of ...": one office."""
    out: list[Tok] = []
    for t in toks:
        if (
            t.type == "TITLE"
            and len(out) >= 2
            and out[-2].type == "TITLE"
            and str(out[-1]) in TITLE_JOINERS
        ):
            first = out[-2]
            joined = Title(
                f"{first.data.text} {out[-1]} {t.data.text}".replace(" / ", "/"),
                first.data.kind,
                first.data.country or t.data.country,
            )
            del out[-2:]
            t = token("TITLE", joined.text, first.start_pos, t.end_pos, joined)
        elif (
            t.type == "TITLE"
            and out
            and out[-1].type == "TITLE"
            and t.data.kind in STYLE_KINDS
            and " " not in t.data.text
        ):
            # "Foreign Minister Prince Faisal", "Army chief General X": a rank or style before the
            # name, not the office
            first = out.pop()
            t = token(
                "TITLE",
                f"{first} {t}",
                first.start_pos,
                t.end_pos,
                dataclasses.replace(first.data, style=t.data.text),
            )
        elif (
            t.type == "TITLE" and out and out[-1].type == "TITLE"
        ):  # "Secretary of Defense Spokesperson"
            first = out.pop()
            joined = Title(
                f"{first.data.text} {t.data.text}",
                t.data.kind,
                first.data.country or t.data.country,
            )
            t = token("TITLE", joined.text, first.start_pos, t.end_pos, joined)
        elif t.type == "TITLE" and out and out[-1].type == "ORG" and not out[-1].data.institution:
            # "National People's Congress (NPC) Standing Committee Chairman": the body is part of
            # the office
            org = out.pop()
            joined = Title(f"{org} {t.data.text}", t.data.kind, t.data.country or org.data.country)
            t = token("TITLE", joined.text, org.start_pos, t.end_pos, joined)
        out.append(t)
    return out


def _is_name_part(t: Token) -> bool:
    """A word an institution's name can hold: a name, or a capitalised plain word ("China-Central",
    "Asia" in "the China-Central Asia mechanism")."""
    return t.type == "NAME" or (t.type == "W" and t[:1].isupper())


def _institutions(text: str, toks: list[Tok], institution_words: set[str]) -> list[Tok]:
    """ "China-Central Asia mechanism": capitalised words before an institution word are an ORG;
    so is the name after one ("the Department of Foreign Affairs", "the Joint Committee on
    Maritime Security")."""
    out: list[Tok] = []
    for t in toks:
        if (
            t.type == "NAME"
            and len(out) >= 2
            and out[-2].type == "ORG"
            and out[-2].data.institution
            and (
                out[-1].type == "OF"
                and " " not in str(out[-2])
                or out[-1].type == "ON"
                and " " in str(out[-2])
            )
        ):
            out.pop()  # "of" / "on"
            body = out.pop()
            name = text[body.start_pos : t.end_pos]
            t = token("ORG", name, body.start_pos, t.end_pos, Org(name, institution=True))
        if t.type == "W" and out and _is_name_part(out[-1]) and fold(str(t)) in institution_words:
            k = len(out)
            while k and _is_name_part(out[k - 1]):
                k -= 1
            s = out[k].start_pos
            name = text[s : t.end_pos]
            del out[k:]
            t = token("ORG", name, s, t.end_pos, Org(name))
        out.append(t)
    return out


def _hold_talks(text: str, toks: list[Tok]) -> list[Tok]:
    """ "held delegation-level talks with", "holds a productive meeting with", "attended the African
    Union summit": a light verb, a few plain words (a body's or a nation's name among them), then
    talks or a meeting is one MEET; a light verb that no talks follow is a plain word."""
    out: list[Tok] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        if t.type == "HOLD":
            j = k + 1
            # "had a wide-ranging and very productive meeting with": plain words, perhaps joined by
            # "and"
            while (
                j < len(toks)
                and j - k <= HOLD_GAP
                and (
                    toks[j].type in ("W", "A", "THE", "POSSPRON", "ORG", "DEMONYM")
                    or toks[j].type == "AND"
                    and j + 1 < len(toks)
                    and toks[j + 1].type == "W"
                )
            ):
                j += 1
            if j < len(toks) and toks[j].type in ("TALKS", "MEETING"):
                while j + 1 < len(toks) and toks[j + 1].type in ("TALKS", "MEETING"):
                    j += 1  # "hold a summit meeting", "held summit talks"
                out.append(
                    token(
                        "MEET",
                        text[t.start_pos : toks[j].end_pos],
                        t.start_pos,
                        toks[j].end_pos,
                        toks[j].data or t.data,
                    )
                )
                k = j + 1
                continue
            t = token("W", str(t), t.start_pos, t.end_pos)
        out.append(t)
        k += 1
    return out


def _tenure_before_nationality(toks: list[Tok]) -> list[Tok]:
    """ "former Cuban leader Raul Castro": a word of tenure before the nationality belongs to the
    office ("former leader"); "the first Korean prime minister to visit" is no office's."""
    out: list[Tok] = []
    for k, t in enumerate(toks):
        if (
            t.type == "W"
            and fold(str(t)) in TENURE_WORDS
            and k + 2 < len(toks)
            and toks[k + 1].type == "DEMONYM"
            and toks[k + 2].type == "TITLE"
        ):
            title = toks[k + 2]
            title.data = dataclasses.replace(title.data, text=f"{t} {title.data.text}")
            continue
        out.append(t)
    return out


def _including(toks: list[Tok]) -> list[Tok]:
    """ "meetings with senior figures, including A and B", "hosted world leaders including A":
    the plain words between "with" (or the verb) and "including" say who in general; the people
    named after it are the ones met. An "including" after anything else is a plain word."""
    out: list[Tok] = []
    for t in toks:
        if t.type == "INCLUDING":
            k = len(out)
            while k and out[k - 1].type in ("W", "COMMA", "PLTITLE"):
                k -= 1
            if (
                k and out[k - 1].type in ("WITH", "RECEIVE", "MEET") and k < len(out)
            ):  # "hosted world leaders including"
                del out[k:]
            else:
                t = token("W", str(t), t.start_pos, t.end_pos)
        out.append(t)
    return out


def _drop_auxiliaries(toks: list[Tok]) -> list[Tok]:
    """ "has concluded a visit", "had met": the auxiliary stands between the subject and the verb."""
    return [
        t
        for k, t in enumerate(toks)
        if not (
            t.type == "W"
            and str(t).lower() in AUXILIARIES
            and k + 1 < len(toks)
            and toks[k + 1].type in EVENT_VERBS
        )
    ]


def _drop_be_beside_modal(toks: list[Tok]) -> list[Tok]:
    """ "is (also) scheduled to meet", "will (also) be meeting": the modal carries the tense, the
    "is"/"be" around it would only stand in the way."""
    return [
        t
        for k, t in enumerate(toks)
        if not (t.type == "BE" and (_next_to_modal(toks, k, 1) or _next_to_modal(toks, k, -1)))
    ]


def _bodies_before_officials(toks: list[Tok]) -> None:
    """ "Hamas officials", "Taliban leaders": the body the officials belong to, not a person."""
    for k in range(len(toks) - 1):
        if toks[k].type == "NAME" and toks[k + 1].type == "PLTITLE":
            t = toks[k]
            toks[k] = token("ORG", str(t), t.start_pos, t.end_pos, Org(str(t), institution=True))


def _and_between_titles(toks: list[Tok]) -> None:
    """ "Deputy Prime Minister and Foreign Minister X": one person's two offices (AND_TITLE); an
    "and" after an office that no office follows ends the person ("the Chinese president and his
    counterpart"), which LALR(1) cannot see at the "and"."""
    for k in range(1, len(toks) - 1):
        if toks[k].type == "AND" and toks[k - 1].type == "TITLE" and toks[k + 1].type == "TITLE":
            toks[k].type = "AND_TITLE"


def _drop_comma_after_place(text: str, toks: list[Tok]) -> list[Tok]:
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


def _appositive_visits(toks: list[Tok]) -> None:
    """ "Jaishankar, on a visit to Panama from 20 to 22 April, called on ...": an "on" that opens
    an appositive about a named person's visit says "who is on" (ON_VISIT); "reflecting on his
    visit" does not."""
    for k in range(2, len(toks) - 1):
        if (
            toks[k].type == "ON"
            and toks[k - 1].type == "COMMA"
            and toks[k - 2].type in ("NAME", "TITLE")
        ):
            ahead = [t.type for t in toks[k + 1 : k + 6]]
            if "VISIT" in ahead and "COMMA" not in ahead[: ahead.index("VISIT")]:
                toks[k].type = "ON_VISIT"


def _stays_legs_and_adjectives(toks: list[Tok]) -> None:
    """Places in context: "is in Beijing from June 18 to 19" is a stay with dates, a visit (STAY);
    "Peru on June 10-12 and Chile on ..." starts another leg of a trip (AND_PLACE: telling it from
    the "and" before another predicate needs two tokens of look-ahead); in "US President X" or
    "China Vice Premier X" the country is an adjective (DEMONYM), unless a preposition governs it."""
    for k in range(len(toks) - 3):
        if (
            toks[k].type == "BE"
            and toks[k + 1].type == "IN"
            and toks[k + 2].type in PLACE_TOKENS
            and toks[k + 3].type == "DATE"
        ):
            toks[k].type = "STAY"
    for k, t in enumerate(toks):
        if (
            t.type == "AND"
            and k + 1 < len(toks)
            and toks[k + 1].type in PLACE_TOKENS
            and k
            and toks[k - 1].type == "DATE"
        ):
            t.type = "AND_PLACE"
        if t.type == "COUNTRY" and k + 1 < len(toks) and toks[k + 1].type in ("TITLE", "NAME"):
            # "of (the) United Arab Emirates Mohamed ...": a preposition, maybe with "the", governs
            # it
            governed = any(
                t.type in ("IN", "TO", "FROM", "OF")
                for t in toks[max(0, k - 2) : k]
                if t.type != "THE" or k < 2
            ) and (k < 1 or toks[k - 1].type in ("IN", "TO", "FROM", "OF", "THE"))
            # "a phone call from US President X", "a message to US President X": the office follows,
            # an adjective
            governed = governed and not (
                toks[k + 1].type == "TITLE" and k and toks[k - 1].type in ("FROM", "TO")
            )
            if not governed and (
                toks[k + 1].type == "TITLE"
                or toks[k - 1].type not in ("AND", "COMMA", "AT", "BY", "WITH")
            ):
                t.type = "DEMONYM"
