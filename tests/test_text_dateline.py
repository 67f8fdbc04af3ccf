"""The dateline recognisers of text/dateline.py, on datelines of our own."""

from __future__ import annotations

import pytest

from visitparse.converter.text import dateline


@pytest.mark.parametrize(
    "line,place,date,agency",
    [
        ("LIMA, March 3 (Andina) -- The minister arrived.", "LIMA", "March 3", "Andina"),
        ("QUITO, 4th May, 2023 (EFE) -- Talks began.", "QUITO", "4th May, 2023", "EFE"),
        ("Quito: President Ana Quispe met ...", "Quito", None, None),
        ("Nairobi \u2014 The minister said", "Nairobi", None, None),
        ("Nairobi \u2013 The minister said", "Nairobi", None, None),
        ("NAIROBI - Officials said", "NAIROBI", None, None),
    ],
)
def test_dateline_parts(line, place, date, agency):
    m = dateline.DATELINE.match(line)
    assert m is not None
    assert (m.group("place"), m.group("date"), m.group("agency")) == (place, date, agency)
    assert dateline.dated(line) is (date is not None or agency is not None)


@pytest.mark.parametrize("mark", dateline.MARKS)
def test_every_mark_closes_a_dateline(mark):
    assert dateline.DATELINE.match(f"Accra{mark} The minister said")
    assert not dateline.DATELINE.match("Accra; The minister said")


def test_no_dateline_in_a_plain_sentence():
    assert dateline.DATELINE.match("Quito, the minister said on Monday") is None
    assert not dateline.dated("The Minister met his counterpart.")


def test_find_takes_the_first_that_reads_as_a_dateline():
    text = "Talks In Lima\nLIMA, March 3 (Andina) -- The minister arrived."
    m = dateline.find(text, lambda place: False)
    assert m is not None and m.group("place") == "LIMA" and m.start() == text.index("LIMA")
    # a place in mixed case with no date or agency counts only when it is a known place
    assert dateline.find("Quito: the minister arrived.", lambda place: False) is None
    m = dateline.find("Quito: the minister arrived.", lambda place: place == "Quito")
    assert m is not None and m.group("place") == "Quito"
    # only near the top
    late = "x" * dateline.TOP_CHARS + "\nLIMA, March 3 (Andina) -- The minister arrived."
    assert dateline.find(late, lambda place: True) is None


def test_line_opening_is_a_weaker_test():
    """A place in capitals and a comma or dash open a line like a dateline, with or without the
    rest of one."""
    assert dateline.LINE_OPENING.match("QUITO, the minister said")
    assert dateline.DATELINE.match("QUITO, the minister said") is None
    assert dateline.LINE_OPENING.match("NAIROBI - Officials said")
    assert not dateline.LINE_OPENING.match("Quito: the minister said")
