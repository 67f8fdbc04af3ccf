"""The words around an event's mention that tell its status ("upcoming", "recalled", "was to have")
or who took part ("a visit by X to Lima, where she met Y"), from lexicon/frames.tsv: one regex
alternation per frame, for the patterns of clauses.py, clause_visits.py and clause_meetings.py."""

from __future__ import annotations

import re
from importlib import resources

from ..tag.lexicon import cell_values, tsv_rows


def _frames() -> dict[str, str]:
    """frame -> a regex alternation of its words, longest first; the words of a phrase match with
    any spacing."""
    text = resources.files("visitparse").joinpath("lexicon", "frames.tsv").read_text("utf-8")
    out = {}
    for row in tsv_rows(text):
        words = sorted(set(cell_values(row["words"])), key=lambda w: (-len(w), w))
        out[row["frame"]] = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return out


FRAMES = _frames()
