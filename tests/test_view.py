"""`visitparse view`: the HTML's structure and escaping, and the page in headless Chromium."""

import json
import re
import shutil
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from visitparse.cli import cli
from visitparse.view import page_from_text, render

from .conftest import FIXTURES, ROOT

SEED = FIXTURES / "seed_liu_guozhong_kazakhstan.txt"
HOSTILE = (
    "Kenyan President William Ruto met Peruvian President Dina Boluarte in Lima. "
    '<script>window.pwned = 1</script> "quotes" & <b>tags</b> onload="x"'
)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html):
    t = Tags()
    t.feed(html)
    return t


def test_structure_of_the_seed_page():
    html = render([page_from_text("seed", SEED.read_text(encoding="utf-8"))])
    tags = parse(html).tags
    facts = [a for tag, a in tags if tag == "li" and "fact" in a.get("class", "")]
    assert {f["class"].split()[1] for f in facts} >= {
        "visit",
        "meeting",
        "message",
        "statement",
        "agreement",
    }
    assert all(f["title"].startswith("rule: ") for f in facts)
    segs = [a for tag, a in tags if tag == "span" and "seg" in a.get("class", "")]
    classes = {c for s in segs for c in s["class"].split()}
    assert classes >= {"person", "place", "date", "org", "trigger"}
    assert [int(s["data-a"]) for s in segs] == sorted(int(s["data-a"]) for s in segs)
    assert (
        sum(1 for tag, a in tags if tag == "div" and a.get("class") == "bar") == 1
    )  # the timeline


def test_untrusted_text_is_escaped():
    html = render([page_from_text('<img src=x onerror="alert(1)">', HOSTILE)])
    parsed = parse(html)
    assert [t for t, _ in parsed.tags].count("script") == 1  # only the page's own
    assert "img" not in [t for t, _ in parsed.tags]
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    assert "<script>window.pwned = 1</script>" in "".join(parsed.text)  # shown as written
    assert 'onerror="alert(1)"' not in html and "&lt;script&gt;" in html


def test_uncovered_triggers_are_marked():
    page = page_from_text("gap", "Li met Wang. The visit was long and the meeting was short.")
    assert page.gaps and "gap" in render([page])


def test_cli_pages_for_texts_and_for_batch_output(tmp_path):
    out = tmp_path / "batch.jsonl"
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["batch", str(FIXTURES), "-o", str(out), "--jobs", "1"]).exit_code == 0
    )
    page = tmp_path / "view.html"
    result = runner.invoke(cli, ["view", str(out), "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert html.count('class="report"') == len(list(FIXTURES.glob("*.txt")))
    assert "no source text" in html
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert all(f'href="#r{k}"' in html for k in range(len(lines)))


def _browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None, None, "playwright is not installed (pip install -e '.[view]')"
    if not chromium:
        return None, None, "no chromium on this machine (.ci/run installs Debian's chromium)"
    return sync_playwright, chromium, None


def test_seed_page_in_headless_chromium(tmp_path):
    sync_playwright, chromium, why = _browser()
    if why:
        pytest.skip(why)
    page_file = tmp_path / "seed.html"
    page_file.write_text(
        render([page_from_text("seed", SEED.read_text(encoding="utf-8"))]), encoding="utf-8"
    )
    shot = (
        ROOT / "artifacts" / "view-seed.png"
    )  # kept by CI; docs/view-seed.png is the README's copy
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto(page_file.as_uri())
        # the visit's evidence, hovered, lights up exactly its span
        page.hover("li.fact.visit")
        lit = page.eval_on_selector_all(".seg.hl", "els => els.map(e => e.textContent).join('')")
        assert (
            lit == "Chinese Vice Premier Liu Guozhong visited Kazakhstan from Wednesday to Friday"
        )
        # clicking the meeting with Tokayev lights up its span instead
        page.click("li.fact.meeting:has-text('Kassym-Jomart Tokayev')")
        lit = page.eval_on_selector_all(".seg.hl", "els => els.map(e => e.textContent).join('')")
        assert (
            "met with Kazakh President Kassym-Jomart Tokayev" in lit
            and "visited Kazakhstan" not in lit.split("met")[-1]
        )
        assert page.evaluate("window.pwned === undefined")
        shot.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(shot))
        browser.close()
    assert shot.stat().st_size > 10_000
    assert re.search(r"view-seed\.png", (ROOT / "README.md").read_text(encoding="utf-8"))
