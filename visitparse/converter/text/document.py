"""The document's own facts: title, publication date, wire dateline.

Publication date, in order: the caller's `publication_date`; a leading ` date YYYY-MM-DD` prefix;
a wire dateline ("BEIJING, June 2 (Xinhua) --", found by dateline.py) whose month and day recur
with a year elsewhere in the text ("16:55, January 16, 2012") or that carries its own year.
"Updated:" stamps and bylines are not publication dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..isodates import parse_date
from ..parse import timex
from . import dateline
from .normalize import DATE_PREFIX

# Stamp lines that date the page where no dateline does: "14:32, November 8, 2019",
# "Posted on 8 Nov 2019", "Published: 8 November 2019, 12:53". Never an "Updated:" line (a later
# date than the publication) nor a date alone on its line (a press release's own date, by the
# corpus rule).
STAMP = re.compile(
    r"^[ \t]*(?:(?:posted|published|first\s+published)(?:\s+on)?[ \t]*:?[ \t]*"
    r"|\d{1,2}:\d\d(?::\d\d)?[ \t]*(?:[AaPp]\.?[Mm]\.?)?(?:[ \t]*[A-Z]{2,4}T)?,?[ \t]+)"
    r"(?P<date>[^\n]{6,80})$",
    re.MULTILINE | re.IGNORECASE,
)
# "2024/06/24 10:12 KST", "2024.06.24": a year-first stamp, read only to give a dateline its year
YEAR_FIRST = re.compile(r"(?<![\d./-])((?:19|20)\d\d)[/.]([01]?\d)[/.]([0-3]?\d)(?![\d./-])")


@dataclass
class DocumentInfo:
    title: str | None
    publication_date: dt.date | None
    dateline_place: str | None
    dateline_agency: str | None
    title_end: int = 0  # where the title line ends in the text (0: no title)

    @property
    def headline_end(self) -> int:
        """Where a headline ends: a title line that is no sentence of the body (a lead sentence
        ends as sentences do; a headline does not)."""
        ends_sentence = self.title and self.title.rstrip("\"'\u201d\u2019 ").endswith(
            (".", "!", "?")
        )
        return 0 if ends_sentence else self.title_end


def _dateline_date(m: re.Match[str], clean: str) -> dt.date | None:
    exprs = timex.find(m.group("date") or "")
    a = exprs[0].first if exprs else None
    if a is None or a.month is None or a.day is None:
        return None
    try:
        if a.year:
            return dt.date(a.year, a.month, a.day)
        # the same month and day, with a year, near the top or in a stamp line at the end
        head, tail = clean[:5000], clean[max(5000, len(clean) - 1000) :]
        for e in timex.find(head) + timex.find(tail):
            for b in (e.first, e.last):
                if b and b.year and (b.month, b.day) == (a.month, a.day):
                    return dt.date(b.year, a.month, a.day)
        for y in YEAR_FIRST.finditer(head + "\n" + tail):
            if (int(y.group(2)), int(y.group(3))) == (a.month, a.day):
                return dt.date(int(y.group(1)), a.month, a.day)
    except ValueError:  # "February 30"
        return None
    return None


def _month_day(text: str) -> tuple[int | None, int | None] | None:
    exprs = timex.find(text)
    a = exprs[0].first if exprs else None
    return (a.month, a.day) if a else None


def _stamp_date(clean: str) -> dt.date | None:
    """The date of the first stamp line near the top ("Posted on 8 Nov 2019")."""
    for m in STAMP.finditer(clean, 0, min(len(clean), 1500)):
        exprs = timex.find(m.group("date"))
        a = exprs[0].first if exprs and exprs[0].start <= 4 and exprs[0].last is None else None
        if a is not None and a.year and a.month and a.day:
            try:
                return dt.date(a.year, a.month, a.day)
            except ValueError:
                return None
    return None


def read(
    original: str, clean: str, publication_date: dt.date | None, is_place: Callable[[str], bool]
) -> DocumentInfo:
    date = publication_date
    if date is None and (p := DATE_PREFIX.match(original)):
        try:
            date = parse_date(p.group(1))
        except ValueError:
            date = None
    m = dateline.find(clean, is_place)
    if date is None and m:
        date = _dateline_date(m, clean)
    if date is None:
        # normalize blanks stamp lines as clutter: read them in the original (same offsets)
        stamp = _stamp_date(original)
        # a dateline's month and day without a year take the stamp's year only when they agree
        if stamp and not (
            m and m.group("date") and _month_day(m.group("date")) != (stamp.month, stamp.day)
        ):
            date = stamp
    first = re.search(r"\S[^\n]*", clean)
    title, title_end = None, 0
    if first and len(first.group().strip()) <= 200 and not (m and m.start() == first.start()):
        title = original[first.start() : first.end()].strip()  # as published, not as cleaned
        title_end = first.end()
    agency = (m.group("agency0") or m.group("agency")) if m else None
    return DocumentInfo(
        title=title or None,
        title_end=title_end if title else 0,
        publication_date=date,
        dateline_place=m.group("place").strip() if m else None,
        dateline_agency=agency,
    )
