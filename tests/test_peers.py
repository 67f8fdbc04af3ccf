"""Peer check against PETRARCH-2 / PLOVER test records (../shared/peers/petrarch2), when present."""

import json

import pytest

from visitparse import convert

from .conftest import SHARED

PEERS = SHARED / "peers" / "petrarch2"
needs_peers = pytest.mark.skipif(
    not PEERS.is_dir(), reason="../shared/peers/petrarch2 is not beside the project"
)
# The six human-coded visits and hostings between named officials of two countries, and five
# negatives.
POSITIVES = [
    "CONSULT-0001",
    "CONSULT-0003",
    "CONSULT-0004",
    "CONSULT-0005",
    "CONSULT-0006",
    "CONSULT-0011",
]
NEGATIVES = ["AGREE-0035", "AGREE-0038", "AGREE-0040", "REJECT-0024", "SANCTION-0002"]


def gsr():
    path = PEERS / "plover_gsr_consult_visit_records.jsonl"
    return {
        json.loads(line)["id"].removeprefix("PLOVER-GSR01-"): json.loads(line)
        for line in path.read_text().splitlines()
    }


def consult_visits(text):
    return {
        (e.actor.country, e.recipient.country)
        for e in convert(text).events
        if (e.plover, e.mode) == ("CONSULT", "visit")
    }


@needs_peers
def test_gold_visits_and_negatives():
    records = gsr()
    hits = []
    for key in POSITIVES:
        gold = records[key]["expected"][0]
        source, target = gold["source"][0][:3], (gold["target"] or gold["source"][1:])[0][:3]
        # the gold's older "host" mode sees the visit from the host: the visitor is its target
        visitor, host = (target, source) if gold["mode"] == "host" else (source, target)
        hits.append(
            (visitor.replace("JAP", "JPN"), host.replace("JAP", "JPN"))
            in consult_visits(records[key]["text"])
        )
    # 5 of 6: the knowledge tables tell whose president Mitterand was; "A group of Moroccan
    # diplomats held their first meeting with President Obama" names no visitor
    assert sum(hits) >= 5, hits
    for key in NEGATIVES:
        assert not consult_visits(records[key]["text"]), key


@needs_peers
def test_fictional_countries_through_a_user_lexicon(tmp_path):
    """actors.json (PETRARCH's fictional suite) as a user lexicon: the first phrase of each new
    three-letter code names the country, phrases ending like adjectives are its demonyms."""
    codes = json.loads((PEERS / "actors.json").read_text())["codes"]
    lines = ["[countries]"]
    for code, phrases in sorted(codes.items()):
        if len(code) == 3 and code.isalpha() and code.isupper():
            names = [phrases[0].title()]
            demonyms = [p.title() for p in phrases[1:] if p.endswith(("I", "IAN", "ESE", "ISH"))]
            lines.append(
                f"{code} = {{ names = {json.dumps(names)}, demonyms = {json.dumps(demonyms)} }}"
            )
    lexicon = tmp_path / "actors.toml"
    lexicon.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = (
        "Bree President Romendacil arrived in Gondor on Monday on his first official foreign visit since "
        "pro-restoration demonstrators in Eymn Muil were crushed last June."
    )
    report = convert(text, lexicon=lexicon, publication_date="2024-05-15")
    assert [(v.host_country, v.start_date.isoformat()) for v in report.visits] == [
        ("GON", "2024-05-13")
    ]
    assert report.people[0].country == "BRE"
    assert ("BRE", "GON") in {
        (e.actor.country, e.recipient.country) for e in report.events if e.cameo == "042"
    }
