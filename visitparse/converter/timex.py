"""Time expressions: find them in text (with spans) and resolve them against the publication date.

Recognition is one linear regex pass for single expressions ("Wednesday", "May 15, 2024",
"26-28 May", "today") and a join step for ranges ("from Wednesday to Friday", "May 15 to 17").
Resolution follows the corpus rules: weekdays and "today"/"yesterday" count back from the
publication date (forward for planned events); the end of a range counts forward from its start;
a month-day without a year takes the year that puts it nearest the publication date.
No publication date: relative expressions stay unresolved. The clock is never read.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                 "yesterday": -1, "tomorrow": 1}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "week": 7}

_MONTH = (r"(?P<{n}>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
          r"aug(?:ust|\.)?|sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)")
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<{n}>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_DASH = r"\s*[-\u2013\u2014]\s*"


def _f(pattern: str, n: str) -> str:
    return pattern.format(n=n)


# One alternation; every quantifier is bounded by the literal around it (no nested repeats).
ATOM = re.compile(
    r"\b(?:"
    rf"(?P<iso>{_f(_YEAR, 'iy')}-(?P<im>[01]\d)-(?P<id>[0-3]\d))"
    # "May 26-28", "October 13-16, 2025"
    rf"|(?P<mdd>{_f(_MONTH, 'r1m')}\s+{_f(_DAY, 'r1a')}{_DASH}{_f(_DAY, 'r1b')}(?:,?\s+{_f(_YEAR, 'r1y')})?)"
    # "26-28 May 2024"
    rf"|(?P<ddm>{_f(_DAY, 'r2a')}{_DASH}{_f(_DAY, 'r2b')}\s+(?:of\s+)?{_f(_MONTH, 'r2m')}(?:,?\s+{_f(_YEAR, 'r2y')})?)"
    # "Wednesday, May 15, 2024", "May 15", "May 15th, 2024"
    rf"|(?P<md>(?:{_f(_WEEKDAY, 'mdw')},?\s+)?{_f(_MONTH, 'mdm')}\.?\s+{_f(_DAY, 'mdday')}(?![\d:])(?:,?\s+{_f(_YEAR, 'mdy')})?)"
    # "Wednesday 15 May 2024", "15 May"
    rf"|(?P<dm>(?:{_f(_WEEKDAY, 'dmw')},?\s+)?{_f(_DAY, 'dmd')}\s+(?:of\s+)?{_f(_MONTH, 'dmm')}\b\.?(?:,?\s+{_f(_YEAR, 'dmy')})?)"
    rf"|(?P<wd>{_f(_WEEKDAY, 'w')}{_PART})"
    r"|(?P<rel>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))"
    r")\b",
    re.IGNORECASE,
)
# Words that join two expressions into a range, and the words that may open one.
JOIN = re.compile(r"\s*(?:to|through|till|until|and|-|\u2013)\s*", re.IGNORECASE)
OPEN = re.compile(r"(?:from|between)\s+$", re.IGNORECASE)
ON = re.compile(r"(?:on|since|by)\s+$", re.IGNORECASE)
# A day number alone after a join word: "May 15 to 17"
BARE_DAY = re.compile(r"([0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d)\b)?")
UNTIL = re.compile(r"(?:until|till|through)\s+$", re.IGNORECASE)
DURATION = re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[- ]day\b|\b(?P<w>week)-long\b",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Atom:
    """One date as written: any of year/month/day/weekday/offset set."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int | None = None  # days from the publication date ("yesterday" = -1)


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    first: Atom
    last: Atom | None = None  # the end of a range
    rule: str = "date"


def _month(s: str) -> int:
    return MONTHS[s.lower()[:3]]


def _atom(m: re.Match) -> tuple[Atom, Atom | None, str]:
    g = m.groupdict()
    year = lambda k: int(g[k]) if g.get(k) else None  # noqa: E731
    if g["iso"]:
        return Atom(int(g["iy"]), int(g["im"]), int(g["id"])), None, "iso_date"
    if g["mdd"]:
        mo, y = _month(g["r1m"]), year("r1y")
        return Atom(y, mo, int(g["r1a"])), Atom(y, mo, int(g["r1b"])), "month_day_range"
    if g["ddm"]:
        mo, y = _month(g["r2m"]), year("r2y")
        return Atom(y, mo, int(g["r2a"])), Atom(y, mo, int(g["r2b"])), "day_range_month"
    if g["md"]:
        return Atom(year("mdy"), _month(g["mdm"]), int(g["mdday"])), None, "month_day"
    if g["dm"]:
        return Atom(year("dmy"), _month(g["dmm"]), int(g["dmd"])), None, "day_month"
    if g["wd"]:
        return Atom(weekday=WEEKDAYS[g["w"].lower()]), None, "weekday"
    return Atom(offset=RELATIVE_DAYS[" ".join(g["rel"].lower().split())]), None, "relative_day"


def find(text: str) -> list[TimeExpr]:
    """All time expressions in `text`, ranges joined, in order, non-overlapping."""
    atoms = []
    for m in ATOM.finditer(text):
        first, last, rule = _atom(m)
        if first.day is not None and not 1 <= first.day <= 31:
            continue
        atoms.append(TimeExpr(m.start(), m.end(), m.group(), first, last, rule))
    out: list[TimeExpr] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        start, first, last, rule = a.start, a.first, a.last, a.rule
        end = a.end
        opener = OPEN.search(text, max(0, start - 9), start)
        joined = False
        if last is None:
            j = JOIN.match(text, end)
            if j and i + 1 < len(atoms) and atoms[i + 1].start == j.end() and (opener or j.group().strip() != "and"):
                b = atoms[i + 1]
                last, end, rule, joined = b.last or b.first, b.end, "range_" + a.rule, True
                i += 1
            elif j and first.month is not None and (d := BARE_DAY.match(text, j.end())) and (opener or j.group().strip() in ("to", "-", "\u2013", "and", "through")):
                year = int(d.group(2)) if d.group(2) else first.year
                first = dataclasses.replace(first, year=first.year or year)
                last, end, rule, joined = Atom(year, first.month, int(d.group(1))), d.end(), "range_month_day", True
        if opener and (joined or a.last is not None):
            start = opener.start()
        elif (until := UNTIL.search(text, max(0, start - 8), start)) and not joined and a.last is None:
            # "until Saturday": the end of something already under way
            start, first, last, rule = until.start(), Atom(), first, "until_" + a.rule
        elif (on := ON.search(text, max(0, start - 6), start)) and not joined and a.last is None:
            start = on.start()
        out.append(TimeExpr(start, end, text[start:end], first, last, rule))
        i += 1
    return out


def durations(text: str) -> list[tuple[int, int, int]]:
    """(start, end, days) of "three-day", "3-day", "week-long" in text."""
    found = []
    for m in DURATION.finditer(text):
        n = m.group("n")
        days = 7 if m.group("w") else (int(n) if n.isdigit() else NUMBER_WORDS[n.lower()])
        found.append((m.start(), m.end(), days))
    return found


# ---------------------------------------------------------------- resolution

def _nearest_year(month: int, day: int, dct: dt.date) -> dt.date | None:
    best = None
    for year in (dct.year, dct.year - 1, dct.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((d - dct).days) < abs((best - dct).days):
            best = d
    return best


def resolve_atom(a: Atom, dct: dt.date | None, *, future: bool = False, after: dt.date | None = None) -> dt.date | None:
    """The calendar date of `a`; `after` anchors a range end, `future` a planned event."""
    try:
        if a.month is not None and a.day is not None:
            if a.year is not None:
                return dt.date(a.year, a.month, a.day)
            if after is not None:
                d = dt.date(after.year, a.month, a.day)
                return d if d >= after else dt.date(after.year + 1, a.month, a.day)
            return _nearest_year(a.month, a.day, dct) if dct else None
    except ValueError:
        return None
    if a.weekday is not None:
        if after is not None:
            return after + dt.timedelta(days=(a.weekday - after.weekday()) % 7)
        if dct is None:
            return None
        if future:
            return dct + dt.timedelta(days=(a.weekday - dct.weekday()) % 7 or 7)
        return dct - dt.timedelta(days=(dct.weekday() - a.weekday) % 7)
    if a.offset is not None and dct is not None:
        return dct + dt.timedelta(days=a.offset)
    return None


def resolve(expr: TimeExpr, dct: dt.date | None, *, future: bool = False) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) of an expression; end is None for a single date, start None for "until X"."""
    if expr.first == Atom():  # "until Saturday": an end on or after the publication date
        return None, resolve_atom(expr.last, dct, after=dct) if dct else resolve_atom(expr.last, None)
    start = resolve_atom(expr.first, dct, future=future)
    if expr.last is None:
        return start, None
    return start, resolve_atom(expr.last, dct, future=future, after=start) if start else None
