"""Context passes of names: the capitalised runs that are bodies, not people."""

from __future__ import annotations

from collections.abc import Set

from ..lexicon import fold
from ..tokens import Org, Tok, token


def _is_name_part(t: Tok) -> bool:
    """A word an institution's name can hold: a name, or a capitalised plain word ("China-Central",
    "Asia" in "the China-Central Asia mechanism")."""
    return t.type == "NAME" or (t.type == "W" and t[:1].isupper())


def institutions(text: str, toks: list[Tok], institution_words: Set[str]) -> list[Tok]:
    """ "China-Central Asia mechanism": capitalised words before an institution word are an ORG;
    so is the name after one ("the Department of Foreign Affairs", "the Joint Committee on
    Maritime Security")."""
    out: list[Tok] = []
    for t in toks:
        if (
            t.type == "NAME"
            and len(out) >= 2
            and out[-2].type == "ORG"
            and out[-2].org.institution
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


def bodies_before_officials(text: str, toks: list[Tok]) -> list[Tok]:
    """ "Hamas officials", "Taliban leaders": the body the officials belong to, not a person."""
    out = list(toks)
    for k in range(len(toks) - 1):
        if toks[k].type == "NAME" and toks[k + 1].type == "PLTITLE":
            t = toks[k]
            out[k] = token("ORG", str(t), t.start_pos, t.end_pos, Org(str(t), institution=True))
    return out
