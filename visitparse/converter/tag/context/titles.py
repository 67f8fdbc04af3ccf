"""Context passes of offices: bracketed acronyms dropped, a seat before an office, "official"
after a nationality. Offices side by side, "and" between offices, a word of tenure before a
nationality and a ruler's title as a first name are the person grammar's (grammar/people.lark)."""

from __future__ import annotations

from ..tokens import Title, Tok, token


def drop_acronyms(text: str, toks: list[Tok]) -> list[Tok]:
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


# a word that is an adjective before a noun ("an official visit") and an office after a nationality
# when no noun follows ("The Iraqi official, who arrived ...", "the Chinese official said")
OFFICIAL = "official"
# what may follow it as an office: a comma, a verb, a modal
AFTER_OFFICE = frozenset(
    ("COMMA", "SAY", "BE", "MODAL", "MEET", "ARRIVE", "RECEIVE", "CALL", "WHO")
)


def officials_as_offices(text: str, toks: list[Tok]) -> list[Tok]:
    """ "The Iraqi official, who arrived in Tehran ...": after a nationality, with a comma or a verb
    after it, "official" is the person's office (an unnamed office holder), not an adjective."""
    out = list(toks)
    for k in range(1, len(out) - 1):
        t = out[k]
        if (
            t.type == "W"
            and str(t).lower() == OFFICIAL
            and out[k - 1].type == "DEMONYM"
            and out[k + 1].type in AFTER_OFFICE
        ):
            out[k] = token("TITLE", str(t), t.start_pos, t.end_pos, Title(str(t), "official"))
    return out
