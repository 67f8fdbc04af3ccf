#!/usr/bin/env python3
"""Build visitparse/lexicon/office_holders.tsv from ../shared/knowledge (see its SOURCE.md).

Usage, from the project root:

    python tools/build_office_holders.py [KNOWLEDGE_DIR] [OUT_TSV]

(defaults: ../shared/knowledge and visitparse/lexicon/office_holders.tsv). Standard library plus
visitparse's own fold(); deterministic: the same inputs give the same bytes (rows sorted, no clock).

Output columns (tab-separated, UTF-8, header row, one row per tenure):

    name  variants  country  title  kind  start  end  source

* name: the holder's name; variants: other spellings, "|"-separated (a one-word variant is a
  surname, which resolution uses only together with a matching title).
* country: ISO 3166-1 alpha-3 (Kosovo XKX).
* title: the office as a text would write it ("President", "Prime Minister", "Defence Minister");
  empty when the source does not name it (Phoenix's plain government code).
* kind: head_of_state, head_of_government, deputy_head_of_state, deputy_head_of_government,
  monarch_representative (Factbook roles); government (Phoenix GOV: any member of a government,
  from head of state to minister); minister:SECTOR (Phoenix GOVxxx sector codes, below).
* start, end: ISO dates, "YYYY-MM" or "YYYY" when the source is less precise; end empty = open.
* source: factbook or phoenix.

Extraction.

office_holders_factbook.tsv (CIA World Factbook 1990-2025, public domain): every tenure, its role
as the kind, its title cleaned (a plural "Deputy Prime Ministers" made singular; a cut-off title
such as "President of the", "Deputy", "and" left empty, so that the kind decides). A tenure "since
NA" starts in the first edition that lists it (year precision). An empty end stays open: the
holder is listed in the last edition. Names: a parenthesised part is dropped ("Heinz Fischer
(SPOe)", "Samantha (Sam) Mostyn"); a name that still holds an office word, a comma, a digit or a
lower-case first letter ("Presidents Ahmad Zia Masood", "Pierre Buyoya, President") is left out,
as are variants of the same kind. A title with a word found in fewer than three titles is left
empty ("President Luiz In cio": a name leaked into the title).

phoenix_country_actors_2014.tsv (PETRARCH-2/Phoenix country actors, January 2014, MIT): only
government codes (CCCGOV and CCCGOVxxx; ELI "elites", opposition, rebels and the rest are left
out), only rows with a start date, and only tenures still running in 1990 or later (the dictionary
reaches back to the 1930s; the Factbook starts in 1990). Sector codes become generic offices:
MIL Defence Minister, BUS Economy Minister (finance, trade, industry), AGR Agriculture, EDU
Education, HLH Health, JUD Justice, LAB Labour, ENV Environment, MED Information, DEV Development,
HRI Human Rights, REL Religious Affairs, COP Interior Minister; the plain GOV code (heads of state
and government, foreign ministers, most ministers) has no title and kind "government". Other sector
codes (legislature, intelligence, refugees, ...) are left out. An open end (">date" in the
dictionary) only means "in post in January 2014", so it is written as end 2014: trusted through
2014 and not beyond. Variants that carry a title, an honorific, a country or demonym, or an
organisation word ("Foreign Minister Sergey V. Lavrov", "Mr. Obama", "Obama Administration") are
dropped; a name that carries one is left out.

Rows identical in every column are written once.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from visitparse.converter.tag.lexicon import fold  # noqa: E402

COLUMNS = ("name", "variants", "country", "title", "kind", "start", "end", "source")
PHOENIX_OPEN_END = "2014"
PHOENIX_SINCE = 1990

SECTORS = {
    "": ("", "government"),
    "MIL": ("Defence Minister", "minister:defence"),
    "BUS": ("Economy Minister", "minister:economy"),
    "AGR": ("Agriculture Minister", "minister:agriculture"),
    "EDU": ("Education Minister", "minister:education"),
    "HLH": ("Health Minister", "minister:health"),
    "JUD": ("Justice Minister", "minister:justice"),
    "LAB": ("Labour Minister", "minister:labour"),
    "ENV": ("Environment Minister", "minister:environment"),
    "MED": ("Information Minister", "minister:information"),
    "DEV": ("Development Minister", "minister:development"),
    "HRI": ("Human Rights Minister", "minister:human_rights"),
    "REL": ("Religious Affairs Minister", "minister:religious_affairs"),
    "COP": ("Interior Minister", "minister:interior"),
}

# Words that never belong in a person's name here: offices, honorifics, institutions.
NOT_NAME = set(
    [
        "president",
        "presidents",
        "minister",
        "ministers",
        "ministry",
        "premier",
        "prime",
        "deputy",
        "vice",
        "chairman",
        "chairwoman",
        "chair",
        "chancellor",
        "secretary",
        "governor",
        "general",
        "leader",
        "ambassador",
        "administration",
        "government",
        "council",
        "state",
        "acting",
        "interim",
        "first",
        "second",
        "third",
        "head",
        "chief",
        "king",
        "queen",
        "emir",
        "amir",
        "sultan",
        "emperor",
        "prince",
        "princess",
        "mr",
        "mrs",
        "ms",
        "dr",
        "dr.",
        "mr.",
        "mrs.",
        "ms.",
        "gen",
        "gen.",
        "sir",
        "his",
        "her",
        "excellency",
        "majesty",
        "highness",
        "hon",
        "honourable",
        "honorable",
        "foreign",
        "affairs",
        "defence",
        "defense",
        "spokesman",
        "envoy",
        "regent",
        "captain",
        "party",
        "republic",
        "national",
        "office",
        "cabinet",
        "commission",
        "committee",
        "senator",
        "representative",
        "former",
        "late",
        "the",
        "of",
        "and",
        "for",
    ]
)
WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?")


def _country_words() -> set[str]:
    """Folded words of country names and demonyms of the package lexicon (a variant such as
    "Russian Foreign Minister Lavrov" is no name)."""
    from visitparse.converter.tag.lexicon import load

    lex = load(None)
    return {w for key in list(lex.countries) + list(lex.demonyms) for w in key if len(w) > 2}


def clean_name(raw: str, banned: set[str]) -> str | None:
    """The name without parenthesised parts, or None when it is no clean name."""
    name = re.sub(r"\s*\([^)]*\)", "", raw).strip()
    name = re.sub(r"\s+", " ", name)
    if not name or any(c in name for c in '(),;:/0123456789"') or not name[0].isupper():
        return None
    parts = name.split(" ")
    if any(
        fold(w).rstrip(".") in NOT_NAME or fold(w) in banned for p in parts for w in p.split("-")
    ):
        return None
    if not all(WORD.fullmatch(p) for p in parts):
        return None
    return name


def clean_title(title: str) -> str:
    title = re.sub(r"\s*\(.*", "", title).strip()  # "Premier (President of the Executive Yuan"
    title = re.sub(r"\bMinisters\b", "Minister", title)
    title = re.sub(r"\bPresidents\b", "President", title)
    title = re.sub(r"\bPremiers\b", "Premier", title)
    last = fold(title).split()[-1] if title else ""
    if (
        last in ("the", "of", "and", "deputy", "vice", "first", "second", "")
        or not title[0].isupper()
    ):
        return ""
    return title


def factbook_rows(path: Path, banned: set[str]) -> list[tuple[str, ...]]:
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    # A title's words must each occur in three titles or more ("President Luiz In cio" is a name
    # leaked in).
    counts: dict[str, int] = {}
    for row in table:
        for w in set(clean_title(row["title"]).split()):
            counts[w] = counts.get(w, 0) + 1
    for row in table:
        if True:
            name = clean_name(row["name"], banned)
            if name is None:
                continue
            variants = sorted(
                {
                    v
                    for v in (clean_name(x, banned) for x in row["variants"].split("|") if x)
                    if v and v != name
                }
            )
            start = row["start"].strip() or row["editions"].split("-")[0].strip()
            title = clean_title(row["title"])
            if any(counts[w] < 3 for w in title.split()):
                title = ""
            out.append(
                (
                    name,
                    "|".join(variants),
                    row["country"].strip(),
                    title,
                    row["role"].strip(),
                    start,
                    row["end"].strip(),
                    "factbook",
                )
            )
    return out


def phoenix_rows(path: Path, banned: set[str]) -> list[tuple[str, ...]]:
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            role, country = row["role"].strip(), row["country"].strip()
            if not role.startswith(country + "GOV") or role[len(country) + 3 :] not in SECTORS:
                continue
            start, end = row["start"].strip(), row["end"].strip() or PHOENIX_OPEN_END
            if not start or int(end[:4]) < PHOENIX_SINCE:
                continue
            name = clean_name(row["name"], banned)
            if name is None:
                continue
            variants = sorted(
                {
                    v
                    for v in (clean_name(x, banned) for x in row["variants"].split("|") if x)
                    if v and v != name
                }
            )
            title, kind = SECTORS[role[len(country) + 3 :]]
            out.append((name, "|".join(variants), country, title, kind, start, end, "phoenix"))
    return out


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "knowledge"
    dst = Path(argv[2]) if len(argv) > 2 else ROOT / "visitparse" / "lexicon" / "office_holders.tsv"
    banned = _country_words()
    rows = set(factbook_rows(src / "office_holders_factbook.tsv", banned))
    rows |= set(phoenix_rows(src / "phoenix_country_actors_2014.tsv", banned))
    ordered = sorted(rows, key=lambda r: (fold(r[0]), r))
    with dst.open("w", encoding="utf-8", newline="") as f:
        f.write(
            "# Office holders: CIA World Factbook 1990-2025 (public domain) and PETRARCH-2/Phoenix country actors\n"
        )
        f.write(
            "# 2014 (MIT, Copyright (c) 2014 Open Event Data Alliance); see NOTICE. Generated by tools/build_office_holders.py.\n"
        )
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(COLUMNS)
        w.writerows(ordered)
    print(f"{dst}: {len(ordered)} rows, {len({r[0] for r in ordered})} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
