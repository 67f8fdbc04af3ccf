"""Stage 2: the document's own facts: title, publication date, wire dateline.

Publication date, in order: the caller's `publication_date`; a leading ` date YYYY-MM-DD` prefix;
a wire dateline ("BEIJING, June 2 (Xinhua) --") whose month and day recur with a year elsewhere in
the text ("16:55, January 16, 2012") or that carries its own year. "Updated:" stamps and bylines
are not publication dates.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from . import timex
from .normalize import DATE_PREFIX

# "BEIJING, June 2 (Xinhua) --"  "ISLAMABAD, May 26 (APP):"  "Hanoi (VNA) -"  "Accra, March 27, GNA-"
# "ASTANA -"  "KUALA LUMPUR:"  "Tashkent, OCT 6:"  "MOSCOW, September 25. /TASS/."  "Tokyo:"
# "ABU DHABI, 25th January, 2024 (WAM) --"
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z'.]{1,20}(?:[ -][A-Z][A-Za-z'.]{1,20}){0,3})"
    r"(?:\s*/\s*[A-Za-z]{2,10}\s*/)?"
    r"(?:,\s*(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?(?:,?\s*\d{4})?)\.?)?"
    r"(?:,?\s*\(?/?(?P<agency>[A-Z][A-Za-z]{1,12})\)?/?\.?)?"
    r"(?:\s*(?:--|-|\u2013|\u2014|:)|(?<=\))\s)",  # "New Delhi, Oct 13 (PTI) Mongolian ...": no dash after the agency
    re.MULTILINE,
)


@dataclass
class DocumentInfo:
    title: str | None
    publication_date: dt.date | None
    dateline_place: str | None
    dateline_agency: str | None


def _dateline(clean: str, is_place: Callable[[str], bool]):
    for m in DATELINE.finditer(clean, 0, min(len(clean), 1500)):
        place = m.group("place")
        if m.group("date") or m.group("agency") or place.isupper() or is_place(place):
            return m
    return None


def _dateline_date(m: re.Match, clean: str) -> dt.date | None:
    exprs = timex.find(m.group("date") or "")
    a = exprs[0].first if exprs else None
    if a is None or a.month is None or a.day is None:
        return None
    try:
        if a.year:
            return dt.date(a.year, a.month, a.day)
        for e in timex.find(clean[:5000]):  # the same month and day, with a year, near the top
            for b in (e.first, e.last):
                if b and b.year and (b.month, b.day) == (a.month, a.day):
                    return dt.date(b.year, b.month, b.day)
    except ValueError:  # "February 30"
        return None
    return None


def read(original: str, clean: str, publication_date: dt.date | None, is_place: Callable[[str], bool]) -> DocumentInfo:
    date = publication_date
    if date is None and (p := DATE_PREFIX.match(original)):
        try:
            date = dt.date.fromisoformat(p.group(1))
        except ValueError:
            date = None
    m = _dateline(clean, is_place)
    if date is None and m:
        date = _dateline_date(m, clean)
    first = re.search(r"\S[^\n]*", clean)
    title = None
    if first and len(first.group().strip()) <= 200 and not (m and m.start() == first.start()):
        title = original[first.start():first.end()].strip()  # as published, not as cleaned
    agency = m.group("agency") if m else None
    return DocumentInfo(
        title=title or None,
        publication_date=date,
        dateline_place=m.group("place").strip() if m else None,
        dateline_agency=agency,
    )
