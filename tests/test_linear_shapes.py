"""The indexes and shortcuts that keep time linear give the answers of the brute force they replace
(speed itself is measured by bench/linear_time.py, never asserted here)."""

from __future__ import annotations

import gc
import random

from visitparse.converter.resolve.entity import Entity, _same_office, _title_key
from visitparse.converter.resolve.names import _keys_without_one, _name_parts, _one_letter_apart
from visitparse.converter.resolve.people import People
from visitparse.converter.tag.tagger import tagger_for
from visitparse.converter.tag.tokens import token


def _brute_typos(entities: list[Entity]) -> dict[str, str]:
    """merge_unnamed's typo pass as it was: every name filed under its office and each part left out."""
    filed: dict[tuple, list[tuple[int, Entity]]] = {}
    merged: dict[str, str] = {}
    named = [e for e in entities if e.name and e.title]
    for k, later in enumerate(named):
        parts = _name_parts(later.name or "")
        keys = [
            (_title_key(later.title or ""), i, parts[:i] + parts[i + 1 :])
            for i in range(len(parts))
        ]
        first = min(
            (
                (j, e)
                for key in keys
                for j, e in filed.get(key, ())
                if _same_office(e, later) and _one_letter_apart(_name_parts(e.name or ""), parts)
            ),
            key=lambda je: je[0],
            default=None,
        )
        if first:
            merged[later.id] = first[1].id
            continue
        for key in keys:
            filed.setdefault(key, []).append((k, later))
    return merged


def _people(seed: int) -> list[Entity]:
    rng = random.Random(seed)
    stems = [
        "Phankham",
        "Viphavanh",
        "Tokayev",
        "Kassymov",
        "Lee",
        "Hsien",
        "Loong",
        "Mitterand",
        "Mitterrand",
    ]
    out = []
    for k in range(60):
        parts = [rng.choice(stems) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.5:  # a typo: a letter dropped, doubled or changed
            i = rng.randrange(len(parts))
            p, at = parts[i], rng.randrange(len(parts[i]))
            parts[i] = rng.choice(
                [p[:at] + p[at + 1 :], p[:at] + p[at] + p[at:], p[:at] + "x" + p[at + 1 :]]
            )
        out.append(
            Entity(
                f"p{k + 1}",
                name=" ".join(parts),
                title=rng.choice(["President", "Prime Minister", None]),
                country=rng.choice([None, "LAO", "KAZ"]),
                mentions={(k, k + 1): "named"},
            )
        )
    return out


def test_typo_index_answers_as_the_brute_force():
    for seed in range(30):
        people = People()
        people.entities = _people(seed)
        expected = _brute_typos(people.entities)
        got = {old: e.id for old, e in people.merge_unnamed({}).items()}
        assert got == expected


def test_keys_without_one_are_equal_when_the_rest_is():
    rng = random.Random(7)
    for _ in range(300):
        a = tuple(rng.choice("abc") for _ in range(rng.randint(1, 5)))
        b = tuple(rng.choice("abc") for _ in range(len(a)))
        for i, (ka, kb) in enumerate(
            zip(_keys_without_one("x", a), _keys_without_one("x", b), strict=True)
        ):
            if a[:i] + a[i + 1 :] == b[:i] + b[i + 1 :]:
                assert ka == kb


def test_tokens_carry_data_in_a_slot():
    t = token("NAME", "Xi Jinping", 0, 10, "Xi Jinping")
    assert t.data == "Xi Jinping" and not hasattr(t, "__dict__")


def test_tagging_leaves_the_collector_as_it_found_it():
    tagger, text = (
        tagger_for(None),
        "President Xi Jinping met Kazakh President Tokayev in Astana on Monday.",
    )
    assert gc.isenabled()
    expected = [(t.type, str(t), t.start_pos) for t in tagger.tag(text, 0, len(text))]
    assert gc.isenabled()
    gc.disable()
    try:
        assert [(t.type, str(t), t.start_pos) for t in tagger.tag(text, 0, len(text))] == expected
        assert not gc.isenabled()
    finally:
        gc.enable()
