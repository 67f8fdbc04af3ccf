"""Load the lexicon tables (visitparse/lexicon/*.tsv, plus an optional user lexicon) into lookups.

One loader, cached per user-lexicon path. Tables are TSV with a header row; lines starting with
"#" are comments; multiple values in a cell are separated by "|". A user lexicon is a directory
holding any of the same files (rows are added to the package's) or a single TOML file with one
table per file name, e.g. `[countries]` rows as
`XYZ = {demonyms = [...], names = [...], places = [...]}`.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pycountry

from ..errors import InputError
from ..isodates import PARTIAL_DATE

# "U.S." | an initial before a name, with or without a space ("U.Tsend", "Kh.Bat": Mongolian
# initials glued to the given name, one name) | an abbreviation with its stop ("Jr.", "Sec.", "Ma."
# Lourdes; lexicon/abbreviations.tsv lists those that end no sentence) | a
# word with inner hyphens/apostrophes (a final "'s" is a word of its own: "Kazakhstan's" ->
# "Kazakhstan", "'s"; a hyphen broken by a space or line end before a lower-case letter joins:
# "Chan-o- cha") | one punctuation mark
WORD = re.compile(
    r"(?:[A-Z]\.){2,}"
    r"|[A-Z]\.(?=\s+[A-Z])"
    r"|(?:[A-Z]|Kh|Ts|Ch|Sh|Zh|Ya|Yu|Ye|Yo)\.(?=[A-Z][a-z])"
    r"|(?:Jr|Sr|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sec|Prof|Rev|Maj|Capt|Cmdr|Sgt|Adm|Gov|Sen|Rep|Amb|St|Ma|Sta|Sto"
    r"|Mohd|Muhd|Abd)"
    r"\.(?!\w)"
    r"|[^\W_]+(?:-[^\W_]+|-[ \n](?=[a-z])[^\W_]+|'(?![sS](?![^\W_]|['-][^\W_]))[^\W_]+)*"
    r"(?:-[^\W_]+)*"
    r"|(?<=[^\W_])'[sS](?![^\W_]|['-][^\W_])"
    r"|[^\w\s]"
)


def split_words(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, word) for each word of `text`; "Kazakhstan's" gives "Kazakhstan" and "'s"."""
    return [(m.start() + offset, m.end() + offset, m.group()) for m in WORD.finditer(text)]


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free key used for every gazetteer lookup."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("’", "'")


def fold_all(words: list[str]) -> list[str]:
    """fold() of each word; plain ASCII (most words) needs only lower-casing."""
    return [w.lower() if w.isascii() else fold(w) for w in words]


def is_cap(w: str) -> bool:
    """A capitalised word, or one with "al-"/"el-" before a capital ("al-Sudani")."""
    return w[:1].isupper() or (w[:3].lower() in ("al-", "el-") and w[3:4].isupper())


def office_word(office_words: set[str], key: str) -> bool:
    """A word of a portfolio, or its plural: "Affairs", "Technologies"."""
    return (
        key in office_words
        or key[-1:] == "s"
        and (key[:-1] in office_words or key[-3:] == "ies" and key[:-3] + "y" in office_words)
    )


@dataclass
class Lexicon:
    """Surface forms (folded, as word tuples) mapped to what they denote."""

    countries: dict[tuple[str, ...], str] = field(default_factory=dict)  # name -> alpha-3
    demonyms: dict[tuple[str, ...], str] = field(default_factory=dict)  # adjective -> alpha-3
    places: dict[tuple[str, ...], str] = field(default_factory=dict)  # city/region -> alpha-3
    place_names: dict[tuple[str, ...], str] = field(default_factory=dict)  # folded -> display form
    titles: dict[tuple[str, ...], str] = field(default_factory=dict)  # office -> kind
    title_full: dict[str, str] = field(default_factory=dict)  # "pm" -> "Prime Minister"
    # an office only one state has -> its alpha-3
    title_countries: dict[tuple[str, ...], str] = field(default_factory=dict)
    # "Kremlin": a government's seat, not a city visited
    seats: set[tuple[str, ...]] = field(default_factory=set)
    modifiers: set[tuple[str, ...]] = field(default_factory=set)
    # words of tenure ("former", "newly appointed"): modifiers.tsv rows marked "tenure"
    tenure: set[tuple[str, ...]] = field(default_factory=set)
    # of the modifiers, ranks within an office ("First", "Deputy"): modifiers.tsv rows marked "rank"
    ranks: set[tuple[str, ...]] = field(default_factory=set)
    honorifics: set[tuple[str, ...]] = field(default_factory=set)
    honorific_gender: dict[tuple[str, ...], str] = field(default_factory=dict)  # "Mrs" -> "f"
    title_gender: dict[tuple[str, ...], str] = field(default_factory=dict)  # "Queen" -> "f"
    # one-word offices that are also given names ("sultan", "amir"): titles.tsv "given"
    given_name_titles: set[str] = field(default_factory=set)
    # -> (name, acronym)
    organizations: dict[tuple[str, ...], tuple[str, str | None]] = field(default_factory=dict)
    # name -> alpha-3 of a national body
    organization_countries: dict[str, str] = field(default_factory=dict)
    # where an international body is based: name -> (alpha-3, city)
    organization_seats: dict[str, tuple[str, str]] = field(default_factory=dict)
    # -> (terminal, lemma)
    triggers: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    function_words: dict[tuple[str, ...], str] = field(default_factory=dict)  # -> terminal
    office_words: set[str] = field(default_factory=set)  # may continue an office after "of"
    institution_words: set[str] = field(default_factory=set)  # make a name run an institution
    airport_words: set[str] = field(default_factory=set)  # of them, an airport's ("Airport")
    region_words: set[str] = field(default_factory=set)  # of them, a region's ("Prefecture")


def words(text: str) -> tuple[str, ...]:
    """The folded word tuple of a phrase, split the way the tagger splits text (one tokenisation
    for tables and text)."""
    return tuple(fold(w) for _, _, w in split_words(text))


def tsv_rows(text: str) -> list[dict[str, str]]:
    """The rows of a lexicon table: header, then tab-separated cells; "#" lines are comments."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(
        csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    )


def cell_values(cell: str | None) -> list[str]:
    """The "|"-separated values of a table cell."""
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def _add_tables(lex: Lexicon, tables: dict[str, list[dict[str, str]]]) -> None:
    for row in tables.get("countries", []):
        code = row["alpha3"].strip().upper()
        for name in cell_values(row.get("names")):
            lex.countries[words(name)] = code
        for dem in cell_values(row.get("demonyms")):
            lex.demonyms[words(dem)] = code
        for place in cell_values(row.get("places")) + cell_values(row.get("seats")):
            lex.places[words(place)] = code
            lex.place_names[words(place)] = place
        lex.seats.update(words(seat) for seat in cell_values(row.get("seats")))
    for row in tables.get("titles", []):
        lex.titles[words(row["title"])] = row.get("kind") or "official"
        if (row.get("full") or "").strip():
            lex.title_full[fold(row["title"].strip())] = row["full"].strip()
        if (row.get("country") or "").strip():
            lex.title_countries[words(row["title"])] = row["country"].strip().upper()
        if (row.get("gender") or "").strip() in ("f", "m"):
            lex.title_gender[words(row["title"])] = row["gender"].strip()
        if (row.get("given") or "").strip() == "name" and len(words(row["title"])) == 1:
            lex.given_name_titles.add(words(row["title"])[0])
    for row in tables.get("modifiers", []):
        (lex.tenure if (row.get("tenure") or "").strip() else lex.modifiers).add(
            words(row["modifier"])
        )
        if (row.get("rank") or "").strip():
            lex.ranks.add(words(row["modifier"]))
    for row in tables.get("honorifics", []):
        lex.honorifics.add(words(row["honorific"]))
        if (row.get("gender") or "").strip() in ("f", "m"):
            lex.honorific_gender[words(row["honorific"])] = row["gender"].strip()
    for row in tables.get("organizations", []):
        name, acronym = row["name"].strip(), (row.get("acronym") or "").strip() or None
        lex.organizations[words(name)] = (name, acronym)
        if (row.get("country") or "").strip():
            lex.organization_countries[name] = row["country"].strip().upper()
        if (row.get("seat_country") or "").strip():
            lex.organization_seats[name] = (
                row["seat_country"].strip().upper(),
                (row.get("seat_city") or "").strip(),
            )
        if acronym:
            lex.organizations.setdefault(words(acronym), (name, acronym))
    for row in tables.get("office_words", []):
        lex.office_words.add(fold(row["word"].strip()))
    for row in tables.get("institution_words", []):
        lex.institution_words.add(fold(row["word"].strip()))
        if (row.get("kind") or "").strip() == "airport":
            lex.airport_words.add(fold(row["word"].strip()))
        if (row.get("kind") or "").strip() == "region":
            lex.region_words.add(fold(row["word"].strip()))
    for row in tables.get("function_words", []):
        lex.function_words[words(row["word"])] = row["terminal"].strip()
    for row in tables.get("triggers", []):
        lex.triggers[words(row["phrase"])] = (row["terminal"].strip(), row["lemma"].strip())


TABLES = (
    "countries",
    "titles",
    "modifiers",
    "honorifics",
    "organizations",
    "triggers",
    "function_words",
    "office_words",
    "institution_words",
)


def _package_tables() -> dict[str, list[dict[str, str]]]:
    pkg = resources.files("visitparse") / "lexicon"
    return {name: tsv_rows((pkg / f"{name}.tsv").read_text(encoding="utf-8")) for name in TABLES}


# The column of each table that names its entry: it must give at least one word in a user's table
# (an empty one would become an entry for nothing, and break every conversion).
KEY_COLUMNS = {
    "countries": ("alpha3",),
    "titles": ("title",),
    "modifiers": ("modifier",),
    "honorifics": ("honorific",),
    "organizations": ("name",),
    "triggers": ("phrase", "terminal", "lemma"),
    "function_words": ("word", "terminal"),
    "office_words": ("word",),
    "institution_words": ("word",),
    "office_holders": ("name", "country"),
}
KNOWLEDGE_TABLES = ("office_holders",)  # read by converter/knowledge.py, not by the tagger


def _read_table(file: Path) -> list[dict[str, str]]:
    """The rows of a user's TSV table; anything unreadable is an InputError naming the file."""
    if not file.is_file():
        raise InputError(
            f"{file}: is a directory, not a lexicon table"
            if file.is_dir()
            else f"{file}: not a regular file"
        )
    try:
        data = file.read_bytes()
    except OSError as e:
        raise InputError(f"{file}: cannot be read ({e.strerror or e})") from None
    nul = data.find(b"\0")
    if nul >= 0:
        raise InputError(f"{file}: binary data (a NUL byte at offset {nul}), not a TSV table")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{file}: not UTF-8 (invalid byte at offset {e.start})") from None
    try:
        return tsv_rows(text.removeprefix("\ufeff"))
    except csv.Error as e:
        if "field larger than field limit" in str(e):
            raise InputError(
                f"{file}: a cell is longer than {csv.field_size_limit():,} characters"
            ) from None
        raise InputError(f"{file}: not a readable TSV table ({e})") from None


def _check_keys(source: str, tables: dict[str, list[dict[str, str]]]) -> None:
    """Each row of a user's table has its key columns, and each gives at least one word."""
    for name, rows in tables.items():
        label = f"{source}/{name}.tsv" if Path(source).is_dir() else f"{source}: [{name}]"
        for number, row in enumerate(rows, 1):
            for column in KEY_COLUMNS.get(name, ()):
                value = row.get(column)
                if not isinstance(value, str) or not words(value):
                    what = "no" if value is None else "an empty"
                    raise InputError(f"{label}: row {number} has {what} {column}")


def _user_tables(path: Path) -> dict[str, list[dict[str, str]]]:
    if path.is_dir():
        return {
            n: _read_table(path / f"{n}.tsv")
            for n in TABLES + KNOWLEDGE_TABLES
            if (path / f"{n}.tsv").exists() or (path / f"{n}.tsv").is_symlink()
        }
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise InputError(f"{path}: not a readable TOML lexicon: {e}") from None
    unknown = sorted(set(data) - set(TABLES) - set(KNOWLEDGE_TABLES))
    if unknown:
        expected = ", ".join(TABLES + KNOWLEDGE_TABLES)
        raise InputError(
            f"{path}: unknown lexicon table(s) {', '.join(unknown)}; expected {expected}"
        )
    tables: dict[str, list[dict[str, str]]] = {}
    for name, rows in data.items():
        if name == "countries":  # {XYZ = {names = [...], demonyms = [...], places = [...]}}
            tables[name] = [
                {"alpha3": code, **{k: "|".join(v) for k, v in cols.items()}}
                for code, cols in rows.items()
            ]
        elif name == "office_holders":
            # rows as tables, or as ["To Lam", "VNM", "President", "2024-05-22", "2024-10-21"]
            tables[name] = [
                dict(zip(OFFICE_HOLDER_COLUMNS, map(str, row), strict=False))
                if isinstance(row, list)
                else {k: str(v) for k, v in row.items()}
                for row in rows
            ]
        else:  # a list of row tables with the TSV's column names
            tables[name] = [{k: str(v) for k, v in row.items()} for row in rows]
    return tables


OFFICE_HOLDER_COLUMNS = ("name", "country", "title", "start", "end")


@functools.lru_cache(maxsize=8)
def user_office_holders(user_lexicon: str) -> tuple[dict[str, str], ...]:
    """The checked rows of a user lexicon's office_holders table (columns name, country, title,
    start, end; optional variants, "|"-separated): an InputError names a bad one."""
    path = Path(user_lexicon)
    try:
        rows = _user_tables(path).get("office_holders", [])
    except (KeyError, AttributeError, TypeError) as e:
        raise InputError(
            f"{user_lexicon}: a lexicon row lacks a column or has a wrong value ({e})"
        ) from None
    label = f"{path}/office_holders.tsv" if path.is_dir() else f"{path}: [office_holders]"
    _check_keys(str(path), {"office_holders": rows})
    out = []
    for number, row in enumerate(rows, 1):
        clean = {k: (row.get(k) or "").strip() for k in (*OFFICE_HOLDER_COLUMNS, "variants")}
        if not re.fullmatch(r"[A-Za-z]{3}", clean["country"]):
            raise InputError(
                f"{label}: row {number}: country {clean['country']!r} is not an ISO alpha-3 code"
            )
        clean["country"] = clean["country"].upper()
        for column in ("start", "end"):
            if clean[column] and not PARTIAL_DATE.fullmatch(clean[column]):
                raise InputError(
                    f"{label}: row {number}: {column} {clean[column]!r} is not YYYY, YYYY-MM or "
                    "YYYY-MM-DD"
                )
        if clean["start"] and clean["end"] and clean["end"] < clean["start"][: len(clean["end"])]:
            raise InputError(f"{label}: row {number}: ends before it starts")
        out.append(clean)
    return tuple(out)


def _iso_names(lex: Lexicon) -> None:
    """ISO 3166 names from pycountry ("Kazakhstan", "Republic of Kazakhstan", "Viet Nam")."""
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        short = getattr(c, "common_name", None) or c.name
        for name in (c.name, short, getattr(c, "official_name", None)):
            if name and "," not in name:
                lex.countries.setdefault(words(name), c.alpha_3)


@functools.lru_cache(maxsize=8)
def load(user_lexicon: str | None = None) -> Lexicon:
    """The package lexicon, extended by the user lexicon at `user_lexicon` (a directory or
    .toml)."""
    lex = Lexicon()
    _add_tables(lex, _package_tables())
    _iso_names(lex)
    if user_lexicon:
        try:
            tables = _user_tables(Path(user_lexicon))
            _check_keys(user_lexicon, tables)
            _add_tables(lex, tables)
        except (KeyError, AttributeError, TypeError) as e:
            raise InputError(
                f"{user_lexicon}: a lexicon row lacks a column or has a wrong value ({e})"
            ) from None
        if "office_holders" in tables:
            user_office_holders(user_lexicon)  # a bad row is an error now, not at the first lookup
    return lex
