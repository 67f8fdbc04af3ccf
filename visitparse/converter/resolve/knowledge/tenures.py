"""The office holders table (lexicon/office_holders.tsv, a user lexicon's rows) as tenures, and
the index of their names; the package's index is built once and kept in the disk cache."""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from ...cache import cached
from ...isodates import first_day, last_day
from ...tag.lexicon import fold
from .names import _without_initials, name_key
from .titles import _NATIONAL, _classes, _kind_for, title_class


class _Tenure(NamedTuple):  # a tuple: the pickled index loads fast
    name: str
    country: str
    title: str
    kind: str
    start: str
    end: str
    source: str  # factbook, phoenix, user
    first: int  # earliest day the start can mean (a date's ordinal)
    last: int  # latest day the end can mean (date.max: open)
    classes: tuple[str, ...]  # office classes of text titles it accepts ("*": any national office)


def _accepts(tenure: _Tenure, title: str) -> int:
    """2: the tenure is of the office `title` names; 1: of a generic government row that may be;
    0: no."""
    cls = title_class(title)
    if cls is None:
        return 2 if tenure.title and fold(tenure.title) == fold(title) else 0
    if cls in tenure.classes:
        return 2
    if "*" in tenure.classes and (cls in _NATIONAL or cls.startswith("minister:")):
        return 1
    return 0


# ---------------------------------------------------------------------------------------- the index


@dataclass
class _Index:
    """The tenures and the names that find them, kept compact: one tab-joined string per tenure,
    names as space-joined keys to comma-joined tenure numbers. Few objects unpickle fast (as
    tuples, 90,000 of them, the index took a sixth of a cold start); a tenure is read on use."""

    rows: list[str]
    full: dict[str, str]  # full names and variants (two words or more)
    short: dict[str, str]  # surnames and one-word names

    def tenure(self, i: int) -> _Tenure:
        name, country, title, kind, start, end, source, first, last, classes = self.rows[i].split(
            "\t"
        )
        return _Tenure(
            name,
            country,
            title,
            kind,
            start,
            end,
            source,
            int(first),
            int(last),
            tuple(classes.split("|")) if classes else (),
        )

    def full_ids(self, key: tuple[str, ...]) -> tuple[int, ...]:
        return _ids(self.full.get(" ".join(key)))

    def short_ids(self, word: str) -> tuple[int, ...]:
        return _ids(self.short.get(word))

    def full_names(self) -> list[tuple[str, ...]]:
        return [tuple(k.split(" ")) for k in self.full]


def _ids(joined: str | None) -> tuple[int, ...]:
    return tuple(int(i) for i in joined.split(",")) if joined else ()


def _row(t: _Tenure) -> str:
    return "\t".join([*t[:6], t.source, str(t.first), str(t.last), "|".join(t.classes)])


def _joined(ids: set[int]) -> str:
    return ",".join(str(i) for i in sorted(ids))


def _tenure(row: dict[str, str], source: str) -> _Tenure:
    title, kind = (
        row.get("title", "").strip(),
        row.get("kind", "").strip() or _kind_for(row.get("title", "")),
    )
    return _Tenure(
        row["name"].strip(),
        row["country"].strip().upper(),
        title,
        kind,
        row.get("start", "").strip(),
        row.get("end", "").strip(),
        source,
        first_day(row.get("start", "").strip()).toordinal(),
        last_day(row.get("end", "").strip()).toordinal(),
        _classes(title, kind),
    )


_FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "MNG", "SGP"}


def _build_index(rows: list[tuple[dict[str, str], str]]) -> _Index:
    tenures = [_tenure(row, source) for row, source in rows]
    full: dict[tuple[str, ...], set[int]] = {}
    short: dict[str, set[int]] = {}
    for i, (t, (row, _)) in enumerate(zip(tenures, rows, strict=True)):
        names = [t.name, *(v.strip() for v in (row.get("variants") or "").split("|") if v.strip())]
        has_surname = False
        for n in names:
            key = name_key(n)
            if len(key) == 1:
                short.setdefault(key[0], set()).add(i)
                has_surname = True
            elif key:
                full.setdefault(key, set()).add(i)
                full.setdefault(_without_initials(key), set()).add(i)
        key = name_key(t.name)
        # "Nana Akufo-Addo" for "Nana Addo Dankwa Akufo-Addo": the first name and the surname
        for n in names:
            surname = name_key(n)
            if " " not in n.strip() and len(key) > len(surname) + 1 and surname[0] != key[0]:
                full.setdefault((key[0], *surname), set()).add(i)
        if not has_surname and len(key) > 1:
            # no surname listed: the last word (the first in Chinese/Korean order)
            short.setdefault(key[0] if t.country in _FAMILY_NAME_FIRST else key[-1], set()).add(i)
    return _Index(
        [_row(t) for t in tenures],
        {" ".join(k): _joined(v) for k, v in sorted(full.items())},
        {k: _joined(v) for k, v in sorted(short.items())},
    )


def _parse(text: str) -> list[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(
        csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    )


@functools.lru_cache(maxsize=1)
def _package_index() -> _Index:
    text = (resources.files("visitparse") / "lexicon" / "office_holders.tsv").read_text(
        encoding="utf-8"
    )
    # the modules the index is built by: a change to one builds it again
    here = Path(__file__).parent
    code = [(here / m).read_text(encoding="utf-8") for m in ("tenures.py", "titles.py", "names.py")]
    code.append((here.parent.parent / "isodates.py").read_text(encoding="utf-8"))
    return cached(
        "office_holders",
        [*code, text],
        lambda: _build_index([(r, r["source"]) for r in _parse(text)]),
    )
