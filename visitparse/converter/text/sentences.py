"""Split cleaned text into sentences (spans), surviving "U.S.", "Dr.", "Jan.", "H.E.",
initials."""

from __future__ import annotations

import re
from importlib import resources

from ..tag.lexicon import tsv_rows
from . import dateline


def _abbreviations() -> frozenset[str]:
    """Abbreviations after which a full stop does not end a sentence (lexicon/abbreviations.tsv)."""
    text = resources.files("visitparse").joinpath("lexicon", "abbreviations.tsv").read_text("utf-8")
    return frozenset(row["abbreviation"].strip() for row in tsv_rows(text))


ABBREVIATIONS = _abbreviations()
# A boundary: . ! ? (and closing quotes) followed by space and an upper-case letter or quote; or a
# blank line.
BOUNDARY = re.compile(r"[.!?][\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"'])")
WORD_BEFORE = re.compile(r"(\S{1,20})$")
# A line that is only a date ("January 9, 2024", "Sunday, 9 June 2024") is a stamp of its own: it
# dates no event on the line before or after it.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE_LINE = re.compile(
    rf"[ \t]*(?:[A-Z][a-z]+day,?[ \t]+)?"
    rf"(?:\d{{1,2}}[ \t]+{_MONTH},?|{_MONTH}[ \t]+\d{{1,2}},?)[ \t]+\d{{4}}[ \t]*$",
    re.MULTILINE,
)


def _headline_before(text: str, newline: int, after: int) -> bool:
    """The line ending at `newline` is a headline when the line after it is a paragraph far longer
    than it: hard-wrapped lines come in runs of like length."""
    line = newline - (text.rfind("\n", 0, newline) + 1)
    end = text.find("\n", after)
    following = (len(text) if end < 0 else end) - after
    return following > max(100, 2 * line)


def split(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text`, stripped of surrounding white space, in order."""
    spans = []
    start = 0
    for m in BOUNDARY.finditer(text):
        stop = m.start() + 1
        if (
            text[m.start()] == "\n"
            and m.group().count("\n") == 1
            and re.match(r"[a-z,;-]", text[m.start() - 1 : m.start()])
            # a line that opens like a dateline starts a sentence (a headline has no full stop)
            and not dateline.LINE_OPENING.match(text, m.end())
            and not DATE_LINE.match(text, m.end())
            and not _headline_before(text, m.start(), m.end())
        ):
            continue  # a hard-wrapped line, not a headline
        if text[m.start()] == ".":
            prev = WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            word = prev.group(1).lower().lstrip("(\"'") if prev else ""
            if (
                word in ABBREVIATIONS
                or re.fullmatch(r"[a-z]", word)
                or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word)
            ):
                continue
        spans.append((start, stop if text[m.start()] in ".!?" else m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
