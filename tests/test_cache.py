"""The disk cache (converter/cache.py): entries keyed by what they are built from, never stale, never required."""

import os
import subprocess
import sys

from visitparse.converter.cache import cached


def test_same_sources_are_built_once(tmp_path, monkeypatch):
    monkeypatch.setenv("VISITPARSE_CACHE", str(tmp_path))
    builds = []
    build = lambda: builds.append(1) or {"value": len(builds)}  # noqa: E731
    assert cached("thing", ["a", "b"], build) == {"value": 1}
    assert cached("thing", ["a", "b"], build) == {"value": 1}
    assert len(builds) == 1
    assert cached("thing", ["a", "changed"], build) == {
        "value": 2
    }  # a changed source is never served stale


def test_a_damaged_entry_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("VISITPARSE_CACHE", str(tmp_path))
    cached("thing", ["x"], lambda: [1, 2, 3])
    [entry] = tmp_path.iterdir()
    entry.write_bytes(b"not a pickle")
    assert cached("thing", ["x"], lambda: [4]) == [4]


def test_an_unwritable_cache_directory_costs_only_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv(
        "VISITPARSE_CACHE", str(blocker / "cache")
    )  # cannot be made: a file is in the way
    assert cached("thing", ["x"], lambda: "built") == "built"


def test_conversion_is_the_same_with_a_cold_and_a_warm_cache(tmp_path):
    seed = os.path.join(
        os.path.dirname(__file__), "..", "fixtures", "seed_liu_guozhong_kazakhstan.txt"
    )
    env = {**os.environ, "VISITPARSE_CACHE": str(tmp_path / "cache")}

    def run() -> bytes:
        command = [sys.executable, "-m", "visitparse.cli", "convert", seed]
        return subprocess.run(command, env=env, capture_output=True, check=True).stdout

    cold = run()
    assert sorted(p.name.split(".")[0] for p in (tmp_path / "cache").iterdir()) == [
        "clauses",
        "dates",
        "office_holders",
        "people",
        "tagger",
    ]
    assert b"Kassym-Jomart Tokayev" in cold
    assert run() == cold


def test_a_cached_tagger_tags_as_a_fresh_one():
    """The cache hands back an unpickled Tagger: nothing in it may rely on object identity."""
    import pickle
    from pathlib import Path

    from visitparse.converter.tag.lexicon import load
    from visitparse.converter.tag.tagger import Tagger
    from visitparse.converter.text import sentences
    from visitparse.converter.text.normalize import normalize

    fresh = Tagger(load(None))
    thawed = pickle.loads(pickle.dumps(fresh))
    for path in sorted(Path(__file__).parent.parent.joinpath("fixtures").glob("*.txt")):
        text = normalize(path.read_text(encoding="utf-8"))
        for start, end in sentences.split(text):
            assert [(t.type, str(t), t.data) for t in thawed.tag(text, start, end)] == [
                (t.type, str(t), t.data) for t in fresh.tag(text, start, end)
            ], path.name
