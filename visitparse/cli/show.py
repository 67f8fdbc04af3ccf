"""The commands that show what the converter does, rather than convert a corpus: `explain` (the
rules behind a report), `view` (reports as an HTML page) and `schema` (the output's JSON
Schema)."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from .. import batch, view
from ..converter.explain import explain as explain_report
from ..schema import Report
from .common import (
    EXIT_USAGE,
    Unreadable,
    encoding_errors_option,
    knowledge_option,
    lexicon_option,
    publication_date_option,
    read_input,
    report_error,
    write_output,
)


@click.command("explain")
@click.argument("input_", metavar="INPUT", default="-")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@publication_date_option
@lexicon_option
@knowledge_option
def explain_cmd(
    input_: str,
    as_json: bool,
    publication_date: dt.date | None,
    lexicon: str | None,
    knowledge: bool,
) -> None:
    """Show, sentence by sentence, the rules that matched, the facts they gave, and the
    sentences with trigger words that no rule covered."""
    try:
        text = read_input(input_)
    except Unreadable as e:
        report_error(input_, str(e))
        sys.exit(EXIT_USAGE)
    trace = explain_report(
        text, publication_date=publication_date, lexicon=lexicon, knowledge=knowledge
    )
    if as_json:
        click.echo(json.dumps(trace, ensure_ascii=False, indent=2))
        return
    for s in trace["sentences"]:
        mark = (
            "  <- trigger words not covered: " + ", ".join(s["uncovered_triggers"])
            if s["uncovered_triggers"]
            else ""
        )
        click.echo(f"[{s['start']}:{s['end']}] {s['text']}{mark}")
        click.echo(f"    tokens: {s['tokens']}")
        for c in s["clauses"]:
            click.echo(f"    {c['rules']}: {c['text']!r}")
        for d in s["dates"]:
            click.echo(
                f"    date {d['rule']}: {d['text']!r} -> {d['value'][0]}"
                + (f"/{d['value'][1]}" if d["value"][1] else "")
            )
    for v in trace["visits"]:
        anchors = "; ".join(f"{end} from {how}" for end, how in v["anchors"].items()) or "no date"
        click.echo(
            f"visit: {v['visitor']} -> {v['host']} {v['start']}..{v['end']} [{v['rule']}]: "
            f"{anchors}"
        )
    for k in trace["knowledge"]:
        click.echo(f"knowledge: {k['name']} -> {k['country']} ({k['source']})")


@click.command("view")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True),
    help="The HTML file.",
)
@encoding_errors_option
def view_cmd(inputs: tuple[str, ...], output: str, encoding_errors: str) -> None:
    """Write one self-contained HTML page showing each report's text with what was found.

    INPUT is a text file, a directory of *.txt, a .jsonl file of {"id", "text"} records, or the
    JSON Lines output of `visitparse batch` (its reports, without their text).
    """
    pages = []
    try:
        for record in batch.iter_records(inputs, encoding_errors):
            pages.append(view.page_of_record(record))
    except batch.UsageError as e:
        click.echo(f"visitparse: {e}", err=True)
        sys.exit(EXIT_USAGE)
    for page in pages:
        if page.error:
            report_error(page.id, page.error)
    write_output(output, view.render(pages))
    click.echo(f"visitparse: {len(pages)} reports -> {output}", err=True)


@click.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of a converted report."""
    click.echo(json.dumps(Report.model_json_schema(), indent=2, sort_keys=False))
