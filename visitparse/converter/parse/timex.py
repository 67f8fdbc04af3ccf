"""Time expressions: find them in text, with spans (grammar/dates.lark); resolve/dates.py gives
their calendar dates.

Recognition: one regex pass turns the words that can belong to a date into tokens (months,
weekdays, day numbers, years, "from", "to", "between", "today", "the following day", "next
week", ...) and every other word into a break; the LALR islands of `timex` then give whole
expressions ("from Wednesday to Friday", "between June 27 and 29, 2018").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from lark import Token, Transformer

from ..tag.lexicon import split_words
from ..tag.tokens import Tok, token
from .islands import islands, methods

_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: k for k, m in enumerate(_MONTH_WORDS, 1)}  # "jan" -> 1
WEEKDAYS = {d: k for k, d in enumerate(_WEEKDAY_WORDS)}  # "monday" -> 0, as date.weekday()
RELATIVE_DAYS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "tomorrow": 1,
    # news told as it happens: the day of the report
    "a short while ago": 0,
    "a while ago": 0,
    "moments ago": 0,
    "earlier today": 0,
    "later today": 0,
}
# Days from the date mentioned just before ("the following day" = +1).
RELATIVE_PHRASES = {
    "earlier in the day": 0,
    "later in the day": 0,
    "later that day": 0,
    "earlier that day": 0,
    "the same day": 0,
    "that same day": 0,
    "the following day": 1,
    "the next day": 1,
    "the day after": 1,
    "the day before": -1,
    "the previous day": -1,
    "the next morning": 1,
    "the following morning": 1,
    "the next evening": 1,
    "the following evening": 1,
    "a day later": 1,
    "one day later": 1,
    "the day after that": 1,
}
_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
NUMBER_WORDS = {w: k for k, w in enumerate(_NUMBERS, 1)}  # "one" -> 1
# "two days later", "three days earlier": counted from the date before, like "the following day"
RELATIVE_PHRASES.update(
    {
        f"{word} days {way}": n * sign
        for word, n in NUMBER_WORDS.items()
        if n > 1
        for way, sign in (("later", 1), ("after", 1), ("earlier", -1), ("before", -1))
    }
)


ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
# "the second day of his visit", "the third and final day (of the trip)": counted from the visit's
# first day
VISIT_DAY = (
    r"the\s+(?P<nth>" + "|".join(ORDINALS) + r")(?:\s+and\s+(?:final|last))?\s+day"
    r"(?:\s+of\s+(?:his|her|their|its|the|this)\s+(?:[a-z]+(?:-[a-z]+)?\s+)?(?:visit|trip|tour|stay))?\b"
)


def _alternatives(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


# One token per match; the order of the alternatives is their priority. Every part is bounded.
# The word alternatives are tried only where a word starts (one look-behind instead of one \b per
# alternative at every character); a dash between two dates ("15-17") is a TO.
LEXER = re.compile(
    r"(?<!\w)(?:"
    rf"(?P<VISITDAY>{VISIT_DAY})"
    rf"|(?P<RELPHRASE>(?:{_alternatives(RELATIVE_PHRASES)})\b)"
    r"|(?P<VAGUE>(?:recently|soon|the\s+other\s+day|in\s+(?:the\s+coming|recent)\s+(?:days|weeks|months)"
    r"|(?:earlier|later)\s+this\s+(?:week|month|year)|(?:this|next|last)\s+(?:week|month|year))\b)"
    r"|(?P<LOCALTIME>local\s+time\b)"
    # a time of day: "at 9 am", "at 10:30 a.m.", "at noon" (only the day is kept)
    r"|(?P<CLOCK>at\s+(?:noon|midnight|\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b\.?|\d{1,2}[:.]\d\d\b))"
    r"|(?P<HOURSOF>(?:in|during)\s+the\s+(?:wee|early|small|late)\s+hours\s+of|(?:on|in)\s+the\s+(?:night|morning|evening|afternoon)\s+of\b)"
    rf"|(?P<REL>(?:{_alternatives(RELATIVE_DAYS)})\b)"
    r"|(?P<PART>(?:morning|afternoon|evening|night)\b)"
    r"|(?P<EARLY>(?:later|earlier|late|early)\b)"
    r"|(?P<ISO>(?:19|20)\d\d-[01]\d-[0-3]\d\b)"
    r"|(?P<NUMERIC>[0-3]?\d/[01]?\d/(?:19|20)\d\d\b)"
    r"|(?P<WEEKDAY>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"|(?P<MONTH>(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?"
    r"|AUG|SEPT?|OCT|NOV|DEC)(?![\w]))"
    r"|(?P<YEAR>(?:19|20)\d\d\b)"
    r"|(?P<DAY>[0-3]?\d(?:\s?(?:st|nd|rd|th))?\b)"  # "4th", "4 th"
    # "through Wednesday": until then; "Monday through Wednesday": a range, as with "to"
    r"|(?P<FROM>from\b)|(?P<BETWEEN>between\b)|(?P<UNTIL>(?:until|till|through|thru)\b)"
    r"|(?P<TO>to\b)|(?P<AND>and\b)|(?P<ON>on\b)|(?P<SINCE>(?:since|starting|beginning|commencing)\b)"
    r"|(?P<OF>of\b)|(?P<THE>the\b))"
    r"|(?P<COMMA>,)|(?P<DASH>[-\u2013\u2014])",
    re.IGNORECASE,
)
# Anything but blanks between two date-ish tokens separates them.
_GAP = re.compile(r"\s*")
_DIGITS = re.compile(r"\d+")
# Words the LEXER matches case-insensitively but only count when capitalised ("may" is a verb).
_CASED = ("WEEKDAY", "MONTH")
_COUNT = rf"\d{{1,2}}|{'|'.join(_NUMBERS)}"
DURATION = re.compile(
    rf"\b(?P<n>{_COUNT})[- ]day\b"
    r"|\b(?P<w>week)-long\b|\b(?P<d>day)-?long\b|\b(?P<o>overnight)\b"
    # "(visited Peru) for two days", "a state visit lasting three days"
    rf"|\b(?:for|lasting)\s+(?P<f>{_COUNT})\s+days\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Atom:
    """One date as written: any of year/month/day/weekday/offset set."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int | None = None  # days from the DCT ("yesterday" = -1)
    anchor: int | None = None  # days from the date mentioned before ("the following day" = +1)
    # days from the visit's first day ("the second day of his visit" = +1)
    visit_day: int | None = None


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    first: Atom | None  # None: an open start ("until Saturday") or a vague expression
    last: Atom | None = None  # the end of a range
    rule: str = "single"

    @property
    def vague(self) -> bool:
        return self.first is None and self.last is None


# ---------------------------------------------------------------- recognition


def _windows(text: str, anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of `text` near an anchor word: no expression reaches further from its core
    ("between June 27 and 29, 2018" is 28 characters), so the lexer need not read the rest."""
    spans: list[list[int]] = []
    for a, b in anchors:
        start = text.rfind(" ", 0, max(0, a - WINDOW)) + 1
        end = text.find(" ", min(len(text), b + WINDOW))
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [(a, b) for a, b in spans]


def _tokens(text: str, windows: list[tuple[int, int]]) -> list[Tok]:
    out: list[Tok] = []
    end = 0
    for lo, hi in windows:
        if out:  # the text skipped between two windows separates their tokens
            out.append(token("BREAK", "", end, lo))
        end = lo
        out.extend(_lex(text, lo, hi))
        if out:
            end = out[-1].end_pos
    return out


def _lex(text: str, lo: int, hi: int) -> list[Tok]:
    """The date-ish tokens of text[lo:hi]; other words between two of them become one BREAK."""
    out: list[Tok] = []
    end = lo
    for m in LEXER.finditer(text, lo, hi):
        kind, word = m.lastgroup, m.group()
        assert kind is not None  # every alternative of LEXER is a named group
        if kind == "DASH":
            kind = "TO"
        if out and _GAP.fullmatch(text, end, m.start()) is None:
            out.append(token("BREAK", "", end, m.start()))
        end = m.end()
        if (
            kind in _CASED
            and not word[:1].isupper()
            or kind == "DAY"
            and not 1 <= _day(word) <= 31
            or kind == "NUMERIC"
            and not _numeric_unambiguous(word)
        ):
            kind = "BREAK"
        out.append(token(kind, word, m.start(), m.end()))
    return out


def _numeric_unambiguous(word: str) -> bool:
    """ "15/05/2024" is a day first; "05/06/2024" could be either and is left alone."""
    a, b, _ = (int(x) for x in word.split("/"))
    return (a > 12 and 1 <= b <= 12) or a == b


def _month(word: str) -> int:
    return MONTHS[word.lower()[:3]]


def _day(word: str) -> int:
    """ "21st" -> 21: a DAY token opens with its digits."""
    digits = _DIGITS.match(word)
    assert digits is not None
    return int(digits.group())


class _TreeToTimex(Transformer):
    """One method per rule of grammar/dates.lark: points become Atoms, expressions
    (first, last, rule) triples; find() adds the island's span."""

    # points
    def day_of_month(self, c):
        """ "on 4th", "on the 4 th": a day of the month the report is dated in (or the month
        before); a bare number ("on 4 occasions") is no date."""
        tok = _first(c, "DAY")
        if str(tok)[-2:].lower() not in ("st", "nd", "rd", "th"):
            return None, None, "vague"
        return Atom(day=_day(tok)), None, "single"

    def month_day(self, c):
        return Atom(_year(c), _month(_first(c, "MONTH")), _day(_first(c, "DAY")))

    day_month = month_day

    def iso(self, c):
        y, m, d = (int(x) for x in str(c[0]).split("-"))
        return Atom(y, m, d)

    def numeric(self, c):
        d, m, y = (int(x) for x in str(c[0]).split("/"))
        return Atom(y, m, d)

    def weekday(self, c):
        calendar = next((x for x in c if isinstance(x, Atom)), None)
        wd = WEEKDAYS[str(_first(c, "WEEKDAY")).lower()]
        return dataclasses.replace(calendar, weekday=wd) if calendar else Atom(weekday=wd)

    def relative_day(self, c):
        return Atom(offset=RELATIVE_DAYS[" ".join(str(c[0]).lower().split())])

    def point(self, c):
        return c[0]

    def day(self, c):
        return Atom(_year(c), None, _day(c[0]))

    # expressions
    def single(self, c):
        return _atoms(c)[0], None, "single"

    def since(self, c):
        return _atoms(c)[0], None, "since"

    def until(self, c):
        return None, _atoms(c)[0], "until"

    def range(self, c):
        first, last = _atoms(c)[:2]
        types = {getattr(x, "type", None) for x in c}
        joined = "AND" in types and "BETWEEN" not in types  # "on A and B", not "between A and B"
        if (
            joined
            and first.weekday is not None
            and last.weekday is not None
            and (last.weekday - first.weekday) % 7 != 1
        ):
            # "on Friday and Monday": two days, not the days between; the first dates it
            return first, None, "single"
        # "May 15 to 17", "June 27 and 29, 2018": the end borrows the start's month, the start the
        # end's year
        if last.month is None:
            last = dataclasses.replace(last, month=first.month, year=last.year or first.year)
        if (
            first.year is None
            and last.year is not None
            and first.month is not None
            and last.month is not None  # (it is: its own, or the start's just given it)
            and first.month <= last.month
        ):
            first = dataclasses.replace(first, year=last.year)
        return first, last, "range"

    def day_range_month(self, c):
        days = [t for t in c if t.type == "DAY"]
        month, year = _month(_first(c, "MONTH")), _year(c)
        return Atom(year, month, _day(days[0])), Atom(year, month, _day(days[1])), "day_range_month"

    def relative_phrase(self, c):
        return (
            # "(on the evening of) the same day": the phrase is the last child
            Atom(anchor=RELATIVE_PHRASES[" ".join(str(c[-1]).lower().split())]),
            None,
            "relative_phrase",
        )

    def visit_day(self, c):
        nth = str(c[0]).split()[1].lower()  # "the second day (of his visit)": the ordinal
        return Atom(visit_day=ORDINALS[nth] - 1), None, "visit_day"

    def vague(self, c):
        return None, None, "vague"


def _first(c, kind: str) -> Token:
    return next(t for t in c if isinstance(t, Token) and t.type == kind)


def _year(c) -> int | None:
    return next((int(t) for t in c if isinstance(t, Token) and t.type == "YEAR"), None)


def _atoms(c) -> list[Atom]:
    return [x for x in c if isinstance(x, Atom)]


_TO_TIMEX = methods(_TreeToTimex())


WINDOW = 40  # characters read on each side of an anchor
# Every time expression holds a word that starts with one of these, or a digit; the lexer reads
# only the text around them. Durations ("three-day", "week-long") are found near them too.
ANCHOR_PREFIXES = (
    _MONTH_WORDS
    + _WEEKDAY_WORDS
    + ("today", "tonight", "yesterday", "tomorrow", "this", "next", "last", "recent", "soon")
    + ("coming", "other", "day", "local", "week", "following", "overnight", "ago")
)
_DIGIT = re.compile(r"\d")


_HEADS = frozenset(p[:3] for p in ANCHOR_PREFIXES)


def anchors(words: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The spans of the (start, end, word) items that can be the core of a time expression or a
    duration: a word starting with an ANCHOR_PREFIXES entry, or holding a digit or "-day"."""
    out = []
    for s, e, w in words:
        if w[:3].lower() in _HEADS:
            if w.lower().startswith(ANCHOR_PREFIXES):
                out.append((s, e))
        elif not w.isalpha() and (_DIGIT.search(w) is not None or "-day" in w.lower()):
            out.append((s, e))
    return out


def scan(
    text: str, anchors: list[tuple[int, int]]
) -> tuple[list[TimeExpr], list[tuple[int, int, int]]]:
    """The time expressions in `text` (in order, non-overlapping, with spans into `text`) and its
    durations as (start, end, days), given the spans of its anchor words (see anchors())."""
    if not anchors:
        return [], []
    windows = _windows(text, anchors)
    tokens = _tokens(text, windows)
    exprs = []
    for island in islands(tokens, "timex"):
        first, last, rule = island.value(_TO_TIMEX)
        start, end = tokens[island.start].start_pos, tokens[island.end - 1].end_pos
        exprs.append(TimeExpr(start, end, text[start:end], first, last, rule))
    found = []
    for lo, hi in windows:
        for m in DURATION.finditer(text, lo, hi):
            n = m.group("n") or m.group("f")
            # "an overnight visit": two days (the corpus rule)
            days = (
                7
                if m.group("w")
                else 1
                if m.group("d")
                else 2
                if m.group("o")
                else (int(n) if n.isdigit() else NUMBER_WORDS[n.lower()])
            )
            found.append((m.start(), m.end(), days))
    return exprs, found


def find(text: str) -> list[TimeExpr]:
    """All time expressions in `text`, in order, non-overlapping, with spans into `text`."""
    return scan(text, anchors(split_words(text)))[0]
