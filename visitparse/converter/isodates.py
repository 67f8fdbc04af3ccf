"""ISO 8601 calendar dates as users and tables write them: whole (YYYY-MM-DD: a publication date)
or partial (YYYY, YYYY-MM: the start or end of an office holder's tenure). The one parser of
both."""

from __future__ import annotations

import datetime as dt
import re

PARTIAL_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


def parse_date(value: str) -> dt.date:
    """The date `value` names in ISO 8601 (YYYY-MM-DD); ValueError for anything else."""
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    return dt.date.fromisoformat(value)


def first_day(text: str) -> dt.date:
    """The first day a partial date covers ("2019" -> 2019-01-01); no date: the earliest."""
    if not text:
        return dt.date.min
    parts = [int(p) for p in text.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(text: str) -> dt.date:
    """The last day a partial date covers ("2019-02" -> 2019-02-28); no date: the latest."""
    if not text:
        return dt.date.max
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
    return following - dt.timedelta(days=1)
