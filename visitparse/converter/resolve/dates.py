"""Resolve time expressions against the document creation time (DCT, the publication date).

The corpus rules: weekdays and "today"/"yesterday" count back from the DCT (forward for planned
events); the end of a range counts forward from its start; a month-day without a year takes the
year that puts it nearest the DCT; "the same day"/"the following day" count from the date before
them; vague expressions ("recently", "next week") keep their text and no date. No DCT: relative
expressions stay unresolved. The clock is never read.
"""

from __future__ import annotations

import datetime as dt

from ..parse.timex import Atom, TimeExpr


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


def resolve_atom(
    a: Atom,
    dct: dt.date | None,
    *,
    future: bool = False,
    after: dt.date | None = None,
    previous: dt.date | None = None,
    visit_start: dt.date | None = None,
) -> dt.date | None:
    """The calendar date of `a`; `after` anchors a range end, `future` a planned event,
    `previous` is the date mentioned before ("the following day"), `visit_start` the first day of
    the visit under way ("the second day of his visit"; without it, the date mentioned before,
    which in a report is most often the day of arrival)."""
    if a.visit_day is not None:
        base = visit_start or previous
        return base + dt.timedelta(days=a.visit_day) if base else None
    if a.anchor is not None:
        return previous + dt.timedelta(days=a.anchor) if previous else None
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
    if a.day is not None and a.month is None and a.year is None and dct is not None:
        return _nearest_day_of_month(a.day, dct, future=future)
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


def resolve(
    expr: TimeExpr,
    dct: dt.date | None,
    *,
    future: bool = False,
    previous: dt.date | None = None,
    visit_start: dt.date | None = None,
) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) of an expression; end is None for a single date, start None for "until X"."""
    if expr.first is None:
        if expr.last is None:  # vague: "next week"
            return None, None
        # "until Saturday": the end of something under way, on or after the DCT; "(a visit) that
        # ended on Wednesday": of something over, on or before it
        if dct is None or expr.rule == "ended":
            return None, resolve_atom(expr.last, dct)
        return None, resolve_atom(expr.last, dct, after=dct)
    start = resolve_atom(expr.first, dct, future=future, previous=previous, visit_start=visit_start)
    if expr.last is None:
        return start, None
    return start, resolve_atom(expr.last, dct, future=future, after=start) if start else None


def _nearest_day_of_month(day: int, dct: dt.date, *, future: bool) -> dt.date | None:
    """ "on 4th" in a report of 10 October: 4 October; of 2 October: 4 September (4 October if
    the event is planned)."""
    months = [(dct.year, dct.month), (dct.year - (dct.month == 1), (dct.month - 2) % 12 + 1)]
    if future:
        months = [(dct.year, dct.month), (dct.year + (dct.month == 12), dct.month % 12 + 1)]
    for year, month in months:
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if (d >= dct) if future else (d <= dct):
            return d
    return None
