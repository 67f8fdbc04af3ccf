"""The README's examples, run: its Python example prints what the README shows, its SQL queries
give the rows it shows on the fixtures, its shell commands that need no network or missing files
exit 0 (and print what is shown, where something is shown), its TOML lexicon loads."""

import contextlib
import io
import re
import shlex
import sqlite3
import subprocess
import sys

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = [
    (m.group(1), m.group(2)) for m in re.finditer(r"^```(\w*)\n(.*?)^```\n", README, re.S | re.M)
]


def shown_after(kind: str) -> list[tuple[str, str]]:
    """(code, output) for each block of `kind` followed by a plain block (what it prints)."""
    return [
        (code, BLOCKS[k + 1][1])
        for k, (lang, code) in enumerate(BLOCKS)
        if lang == kind and k + 1 < len(BLOCKS) and BLOCKS[k + 1][0] == ""
    ]


def test_the_readme_has_the_examples_this_runs():
    assert len(shown_after("python")) >= 1 and len(shown_after("sql")) == 3


@pytest.mark.parametrize("code,output", shown_after("python"))
def test_python_example_prints_what_the_readme_shows(code, output):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue() == output


@pytest.fixture(scope="module")
def fixtures_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("readme") / "visits.sqlite"
    [command] = [
        line
        for _, code in BLOCKS
        for line in code.splitlines()
        if "--format sqlite" in line and "batch" in line
    ]
    args = shlex.split(command.lstrip("$ "))[1:]
    args[args.index("-o") + 1] = str(db)
    proc = subprocess.run(
        [sys.executable, "-m", "visitparse.cli", *args], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    return db


@pytest.mark.parametrize("query,output", shown_after("sql"))
def test_sql_example_gives_the_rows_the_readme_shows(fixtures_db, query, output):
    rows = sqlite3.connect(fixtures_db).execute(query).fetchall()
    assert (
        "".join("|".join("" if v is None else str(v) for v in row) + "\n" for row in rows) == output
    )


def _commands():
    """`visitparse ...` lines of the sh blocks (with `$` prompts or after `pip install ... &&`),
    each with the lines shown after it."""
    out = []
    for lang, code in BLOCKS:
        if lang != "sh":
            continue
        lines = code.splitlines()
        for k, line in enumerate(lines):
            cmd = line.split(" && ")[-1] if "pip install" in line else line
            cmd = cmd[2:] if cmd.startswith("$ ") else cmd
            if not cmd.startswith("visitparse "):
                continue
            shown = []
            for later in lines[k + 1 :]:
                if later.startswith("$ "):
                    break
                shown.append(later)
            out.append((cmd.split("  #")[0].strip(), "\n".join(shown)))
    return out


def _runnable(cmd: str) -> bool:
    args = shlex.split(cmd)
    if "|" in args:
        return False
    inputs = [
        a
        for k, a in enumerate(args[2:], 2)
        if not a.startswith("-") and args[k - 1] not in ("-o", "--format", "--jobs")
    ]
    return all((ROOT / a).exists() for a in inputs)


RUNNABLE = [(c, s) for c, s in _commands() if _runnable(c)]


def test_the_shell_examples_this_runs():
    assert {c.split()[1] for c, _ in RUNNABLE} >= {"convert", "batch", "view", "schema"}


@pytest.mark.parametrize("cmd,shown", RUNNABLE, ids=[c for c, _ in RUNNABLE])
def test_shell_example_runs(tmp_path, cmd, shown):
    args = shlex.split(cmd)[1:]
    if "-o" in args:
        args[args.index("-o") + 1] = str(tmp_path / args[args.index("-o") + 1])
    proc = subprocess.run(
        [sys.executable, "-m", "visitparse.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    if not shown:
        return
    if (
        shown.startswith("visitparse: ") and " records, " in shown
    ):  # a batch summary: its form, not its figures
        assert re.fullmatch(
            r"visitparse: \d+ records, 0 errors, [\d.]+ s, [\d.]+ MB/s\n", proc.stderr
        )
        return
    # the shown output, abridged with "...", wrapped with a leading space: its pieces, in order
    text = "".join(line[1:] if line.startswith(" ") else line for line in shown.splitlines())
    at = 0
    for piece in (p.strip(", ") for p in text.split("...") if p.strip(", ")):
        found = proc.stdout.find(piece, at)
        assert found >= 0, f"not in the output (after offset {at}): {piece!r}"
        at = found + len(piece)


@pytest.mark.parametrize("code", [code for lang, code in BLOCKS if lang == "toml"])
def test_toml_lexicon_example_loads(tmp_path, code):
    from visitparse.converter.tag.lexicon import load

    path = tmp_path / "mine.toml"
    path.write_text(code, encoding="utf-8")
    load(str(path))


def _listed(section_start: str, table) -> list[str]:
    """The pass names the README lists, in order, under the line that names `table`."""
    section = README[README.index("## How it works") : README.index("### Extending the lexicon")]
    part = section[section.index(section_start) :]
    names = re.findall(r"^   \d+\. `([^`]+)`: (.+)$", part, re.M)
    return names[: len(table)]


def test_how_it_works_lists_the_passes_as_they_run():
    from visitparse.converter.resolve import RESOLVE_PASSES
    from visitparse.converter.tag.context import CONTEXT_PASSES

    assert _listed("CONTEXT_PASSES", CONTEXT_PASSES) == [(p.name, p.reason) for p in CONTEXT_PASSES]
    assert _listed("RESOLVE_PASSES", RESOLVE_PASSES) == [(p.name, p.reason) for p in RESOLVE_PASSES]
