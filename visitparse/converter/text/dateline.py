"""The wire dateline a report opens with: its place, and perhaps a date and the agency ("BEIJING,
June 2 (Xinhua) --", "KUALA LUMPUR:", "Tokyo:"). The one home of its recognisers, read by:
  document.py     the report's dateline: place, agency, and the date it gives the publication
  normalize.py    a line that is a dateline is no headline to re-case
  sentences.py    a line that opens like a dateline starts a sentence
  converter       after a dateline's place and its mark ("Tokyo: President X ...") a sentence's
                  first person is sentence-initial (tokens: a PLACE, then one of MARKS)
"""

from __future__ import annotations

import re
from collections.abc import Callable

# The marks that close a dateline ("Tokyo:", "ASTANA -", "Hanoi (VNA) \u2013"); DATELINE also
# takes a doubled dash ("(Xinhua) --").
MARKS = (":", "-", "\u2013", "\u2014")
_MARK = "(?:--|" + "|".join(re.escape(mark) for mark in MARKS) + ")"

# "BEIJING, June 2 (Xinhua) --"  "ISLAMABAD, May 26 (APP):"  "Hanoi (VNA) -"
# "Accra, March 27, GNA-"  "ASTANA -"  "KUALA LUMPUR:"  "Tashkent, OCT 6:"  "Tokyo:"
# "MOSCOW, September 25. /TASS/."  "ABU DHABI, 25th January, 2024 (WAM) --"
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z'.]{1,20}(?:[ -][A-Z][A-Za-z'.]{1,20}){0,3})"
    r"(?:\s*\[[A-Z][A-Za-z .]{1,30}\])?"  # "New Delhi [India], Sept 6 (ANI/WAM):"
    r"(?:\s*/\s*[A-Za-z]{2,10}\s*/)?"
    # "LIMA (EFE) Nov 8, 2019 --": the agency before the date
    r"(?:\s*\((?P<agency0>[A-Z][A-Za-z]{1,12})\)"
    r"(?=\s+(?:[A-Z][a-z]{2,8}\.?\s+\d|\d{1,2}\s+[A-Z])))?"
    r"(?:(?:,|(?<=\)))\s*(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,?\s*\d{4}(?!\d))?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?(?:,?\s*\d{4})?)\.?)?"
    r"(?:,?\s*\(?/?(?P<agency>[A-Z][A-Za-z]{1,12}(?:/[A-Z][A-Za-z]{1,12})?)\)?/?\.?)?"
    # "New Delhi, Oct 13 (PTI) Mongolian ...": no dash after the agency
    r"(?:\s*" + _MARK + r"|(?<=\))\s)",
    re.MULTILINE,
)

# A line that opens like a dateline, its place in capitals and then a comma, a dash or a bracket
# ("BRASILIA - ", "NEW DELHI, May 2 (PTI)"): a weaker test than DATELINE (no closing mark needed),
# by which a line starts a sentence however the line before it ends (a headline has no full stop).
LINE_OPENING = re.compile(r"[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]+)*(?:,| [-\u2013\u2014(])")

TOP_CHARS = 1500  # a dateline stands at the top of the report: this far in, no further


def find(clean: str, is_place: Callable[[str], bool]) -> re.Match[str] | None:
    """The report's dateline: the first near the top that carries a date or an agency, or whose
    place is in capitals or a known place (`is_place`)."""
    for m in DATELINE.finditer(clean, 0, min(len(clean), TOP_CHARS)):
        place = m.group("place")
        if m.group("date") or m.group("agency") or place.isupper() or is_place(place):
            return m
    return None


def dated(line: str) -> bool:
    """Whether `line` opens with a dateline that carries a date or an agency ("Tbilisi, June 4,
    Trend:"), a dateline whatever its place."""
    m = DATELINE.match(line)
    return m is not None and bool(m.group("date") or m.group("agency"))
