"""`explain` says, for each visit, which expression fixed each end and how."""

from visitparse.converter.explain import explain

TEXT = (
    "Kenyan President Ruth Wanjiru arrived in Lima on Monday for a three-day visit. "
    "Ghanaian President Kofi Mensah visited Togo from Monday to Wednesday. "
    "Chinese Premier Wang Tao concluded a two-day visit to Laos on Friday."
)


def test_each_visit_end_names_its_anchor():
    visits = {v["visitor"]: v for v in explain(TEXT, publication_date="2024-05-18")["visits"]}
    assert visits["Ruth Wanjiru"]["anchors"] == {
        "start": "'on Monday' (single)",
        "end": "the start plus the stated duration",
    }
    assert visits["Kofi Mensah"]["anchors"]["end"] == "'from Monday to Wednesday' (range), its end"
    assert visits["Wang Tao"]["anchors"] == {
        "start": "the end less the stated duration",
        "end": "'on Friday' (single)",
    }
    assert (visits["Wang Tao"]["start"], visits["Wang Tao"]["end"]) == ("2024-05-16", "2024-05-17")
