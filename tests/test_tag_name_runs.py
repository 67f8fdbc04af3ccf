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


def test_an_office_word_inside_a_name_is_a_name_word():
    # after a style or an office, or after a name word, before "bin"/"Al"/a name
    assert ("NAME", "Sultan bin Omar") in pairs(
        "Ambassador to Peru Prince Sultan bin Omar met him."
    )
    assert ("NAME", "Sultan bin Zayed") in pairs("Sheikh Sultan bin Zayed met him.")
    assert ("NAME", "Sultan Al Jaber") in pairs("Minister of Industry Sultan Al Jaber met him.")
    assert pairs("Ahmed Sultan Rashid Al Ali, Qatari Ambassador, met him.")[0] == (
        "NAME",
        "Ahmed Sultan Rashid Al Ali",
    )


def test_a_ruler_office_before_a_name_stays_the_office():
    for text in (
        "Sultan Haitham bin Tarik met him.",
        "His Majesty Sultan Haitham bin Tarik met him.",
        "Oman's Sultan Qaboos met him.",
        "Later Sultan Qaboos met him.",
    ):
        tags = pairs(text)
        assert ("TITLE", "Sultan") in tags, text
        assert any(t == "NAME" and not s.startswith("Sultan") for t, s in tags), text


def test_a_style_after_a_body_run_starts_the_name():
    tags = pairs("He met Secretary to the Cabinet of the Presidency Hon. Ama Mensah.")
    assert tags[-2] == ("NAME", "Ama Mensah")
    assert ("NAME", "Omar Khan") in pairs(
        "He met the Task Force on Science and Technology Dr. Omar Khan."
    )


def test_a_style_inside_a_name_stays_in_it():
    assert ("NAME", "Erwan Pehin Yusof") in pairs("He met Foreign Minister Erwan Pehin Yusof.")


def test_two_words_after_an_office_are_a_name_with_an_institution_word():
    assert ("NAME", "Anne Hall") in pairs("He met Senator Anne Hall.")
    assert ("NAME", "Park Jin") in pairs("Foreign Minister Park Jin met him.")
    # a body's name: its complement follows, or no office stands before it
    assert pairs("He met Chairman Task Force on Science.")[3] == ("ORG", "Task Force on Science")
    assert ("ORG", "Jubilee House") in pairs("They met at Jubilee House.")
