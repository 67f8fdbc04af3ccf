"""The tagger's name runs (visitparse/converter/tag/name_runs.py), through the whole tagger."""

from __future__ import annotations

from visitparse.converter.tag.tagger import tagger_for
from visitparse.converter.tag.tokens import Tok


def pairs(text: str) -> list[tuple[str, str]]:
    toks: list[Tok] = tagger_for(None).tag(text, 0, len(text))
    return [(t.type, str(t)) for t in toks]


def test_a_quoted_nickname_stays_its_quotes_go():
    assert pairs('Ana "Nina" Ruiz met him.')[0] == ("NAME", "Ana Nina Ruiz")


def test_a_bracketed_nickname_goes():
    assert pairs("Joko (Jojo) Santoso met him.")[0] == ("NAME", "Joko Santoso")


def test_a_place_word_inside_a_name():
    assert pairs("Trade Minister Georgia Whitfield met him.")[1] == ("NAME", "Georgia Whitfield")
    assert ("COUNTRY", "Georgia") in pairs("He arrived in Georgia.")


def test_a_capitalised_particle_ends_a_name():
    assert pairs("Ravi Das met him.")[0] == ("NAME", "Ravi Das")
    assert pairs("They met Ursula von der Lind.")[2] == ("NAME", "Ursula von der Lind")


def test_an_adjective_of_two_countries_is_no_name():
    assert ("NAME", "Kenya-Uganda") not in pairs("The Kenya-Uganda talks ended.")
