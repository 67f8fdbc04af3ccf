"""Context passes of verbs and clause openers: light verbs with their talks, auxiliaries and
"be" beside a modal dropped, "including", "Accompanying ...", an appositive's visit."""

from __future__ import annotations

from ...vocabulary import AUXILIARY_VERBS, CLAUSE_TRIGGERS
from ..tokens import PLACE_TOKENS, Tok, retyped, token

AUXILIARIES = frozenset(("has", "have", "had"))
# words a light verb may stand from its talks: "held (a) (productive) (bilateral) talks",
# "co-chaired the summit"
HOLD_GAP = 5


def accompanying_opens(text: str, toks: list[Tok]) -> list[Tok]:
    """Only "Accompanying the President ... are A and B" opens a clause: elsewhere the word is
    plain."""
    return toks[:1] + [retyped(t, "W") if t.type == "ACCOMPANYING" else t for t in toks[1:]]


def hold_talks(text: str, toks: list[Tok]) -> list[Tok]:
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


def including(text: str, toks: list[Tok]) -> list[Tok]:
    """ "meetings with senior figures, including A and B", "hosted world leaders including A":
    the plain words between "with" (or the verb) and "including" say who in general; the people
    named after it are the ones met. An "including" after anything else is a plain word."""
    out: list[Tok] = []
    for t in toks:
        if t.type == "INCLUDING":
            k = len(out)
            while k and out[k - 1].type in ("W", "COMMA", "PLTITLE"):
                k -= 1
            # "hosted world leaders including": the general words go
            if k and out[k - 1].type in ("WITH", "RECEIVE", "MEET") and k < len(out):
                del out[k:]
            else:
                t = token("W", str(t), t.start_pos, t.end_pos)
        out.append(t)
    return out


def drop_auxiliaries(text: str, toks: list[Tok]) -> list[Tok]:
    """ "has concluded a visit", "had met": the auxiliary stands between the subject and the
    verb."""
    return [
        t
        for k, t in enumerate(toks)
        if not (
            t.type == "W"
            and str(t).lower() in AUXILIARIES
            and k + 1 < len(toks)
            and toks[k + 1].type in AUXILIARY_VERBS
        )
    ]


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


def drop_be_beside_modal(text: str, toks: list[Tok]) -> list[Tok]:
    """ "is (also) scheduled to meet", "will (also) be meeting": the modal carries the tense, the
    "is"/"be" around it would only stand in the way."""
    return [
        t
        for k, t in enumerate(toks)
        if not (t.type == "BE" and (_next_to_modal(toks, k, 1) or _next_to_modal(toks, k, -1)))
    ]


def appositive_visits(text: str, toks: list[Tok]) -> list[Tok]:
    """ "Jaishankar, on a visit to Panama from 20 to 22 April, called on ...": an "on" that opens
    an appositive about a named person's visit says "who is on" (ON_VISIT); "reflecting on his
    visit" does not."""
    out = list(toks)
    for k in range(2, len(toks) - 1):
        if (
            toks[k].type == "ON"
            and toks[k - 1].type == "COMMA"
            and toks[k - 2].type in ("NAME", "TITLE")
        ):
            ahead = [t.type for t in toks[k + 1 : k + 6]]
            if "VISIT" in ahead and "COMMA" not in ahead[: ahead.index("VISIT")]:
                out[k] = retyped(toks[k], "ON_VISIT")
    return out


TOUR_WINDOW = 15  # tokens back from "included" to the tour or trip it tells the stops of
TOUR_NOUNS = frozenset(("tour", "trip"))  # lemmas of VISIT (triggers.tsv)


def tour_stops(text: str, toks: list[Tok]) -> list[Tok]:
    """ "the last stop of his tour of the region, which also included Peru and Chile": after a
    tour or trip, "that/which (also) included" and the places it names are one TOUR_STOPS opener
    and its stops; "included" anywhere else is a plain word ("talks included trade")."""
    out: list[Tok] = []
    for k, t in enumerate(toks):
        if t.type != "INCLUDED":
            out.append(t)
            continue
        toured = any(
            x.type == "VISIT" and x.lemma in TOUR_NOUNS for x in toks[max(0, k - TOUR_WINDOW) : k]
        )
        stops = k + 1 < len(toks) and toks[k + 1].type in PLACE_TOKENS
        j = len(out)
        if j and out[j - 1].type == "ALSO":
            j -= 1
        if toured and stops and j and out[j - 1].type in ("THAT", "W"):
            first = out[j - 1]
            del out[j - 1 :]
            out.append(
                token("TOUR_STOPS", text[first.start_pos : t.end_pos], first.start_pos, t.end_pos)
            )
        else:
            out.append(retyped(t, "W"))
    return out


# what a person phrase ends with, before ", who"
PERSON_ENDS = frozenset(("NAME", "TITLE", "PLTITLE"))


def relative_asides(text: str, toks: list[Tok]) -> list[Tok]:
    """ "Kofi Mensah, who was elected in March, arrived in Lome": a relative clause between commas
    after a person, with no event word of its own, before the event it interrupts, is read after
    the sentence: the person is the subject of that event, and the relative's words ("March") are
    no part of it (its names are still people). One that gives an office ("who is also a member of
    the Senate") stays: the grammar reads it."""
    k = 1
    while k + 2 < len(toks):
        opens = toks[k].type == "COMMA" and toks[k + 1].type == "WHO"
        if opens and toks[k - 1].type in PERSON_ENDS:
            j = next((j for j in range(k + 2, len(toks)) if toks[j].type == "COMMA"), len(toks))
            # the event after the closing comma, maybe after a modal ("..., will visit")
            after = [t.type for t in toks[j + 1 : j + 3] if t.type != "MODAL"][:1]
            inner = toks[k + 2 : j]
            if (
                after
                and after[0] in CLAUSE_TRIGGERS
                and not any(t.type in CLAUSE_TRIGGERS for t in inner)
                and not _office_relative(inner)
            ):
                toks = toks[:k] + toks[j + 1 :] + toks[k + 1 : j]
                continue
        k += 1
    return list(toks)


def _office_relative(inner: list[Tok]) -> bool:
    """ "who is also a member of the Senate": the relative gives the person an office."""
    types = [t.type for t in inner]
    k = 0
    while k < len(types) and types[k] in ("BE", "ALSO", "A", "THE", "DEMONYM"):
        k += 1
    return types[:1] == ["BE"] and k < len(types) and types[k] == "TITLE"
