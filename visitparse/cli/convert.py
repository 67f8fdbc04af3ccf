"""`visitparse convert`: a few reports, converted in this process, to one output."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from .. import formats
from ..converter import InputError, convert
from ..schema import Report
from .common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Unreadable,
    encoding_errors_option,
    knowledge_option,
    lexicon_option,
    max_chars_option,
    publication_date_option,
    read_input,
    report_error,
    write_output,
)


@click.command("convert")
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option(
    "-o",
    "--output",
    type=click.Path(writable=True),
    help="Write here (atomically) instead of stdout.",
)
@click.option(
    "--pretty", is_flag=True, help="Indent the JSON (one input only; the golden-file format)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("json",) + formats.FORMATS),
    default="json",
    show_default=True,
    help="A report object (JSON Lines for several inputs), PLOVER records, CSV tables or SQLite "
    "(both need -o).",
)
@max_chars_option
@encoding_errors_option
@publication_date_option
@lexicon_option
@knowledge_option
def convert_cmd(
    inputs: tuple[str, ...],
    output: str | None,
    pretty: bool,
    fmt: str,
    max_chars: int,
    encoding_errors: str,
    publication_date: dt.date | None,
    lexicon: str | None,
    knowledge: bool,
) -> None:
    """Convert reports to JSON: one input gives one object, several give JSON Lines.

    INPUT is a path or "-" for stdin (the default).
    """
    inputs = inputs or ("-",)
    if fmt in ("csv", "sqlite") and not output:
        kind = "directory" if fmt == "csv" else "database"
        raise click.UsageError(f"--format {fmt} writes a {kind}: give it with -o")
    if fmt == "jsonl" or (fmt == "json" and len(inputs) > 1):
        fmt = "jsonl"
    converted: list[tuple[str, Report]] = []  # (name, report) of the inputs that converted
    failed: list[dict] = []  # error lines, for the errors table of CSV and SQLite output
    lines: list[str] = []
    status = EXIT_OK
    for name in inputs:
        try:
            text = read_input(name, encoding_errors)
        except Unreadable as e:
            report_error(name, str(e))
            sys.exit(EXIT_USAGE)
        try:
            report = convert(
                text,
                publication_date=publication_date,
                lexicon=lexicon,
                max_chars=max_chars,
                knowledge=knowledge,
            )
        except InputError as e:
            report_error(name, str(e))
            failed.append({"id": name, "error": {"type": "InputError", "message": str(e)}})
            status = EXIT_FAILED
            continue
        except Exception as e:  # a converter bug must still not lose the other inputs
            report_error(name, f"internal error: {type(e).__name__}: {e}")
            failed.append(
                {
                    "id": name,
                    "error": {"type": "InternalError", "message": f"{type(e).__name__}: {e}"},
                }
            )
            status = EXIT_FAILED
            continue
        converted.append((name, report))
        if fmt == "json":
            lines.append(report.to_json(pretty=pretty))
        elif fmt == "jsonl":
            lines.append(
                json.dumps({"id": name, "report": json.loads(report.to_json())}, ensure_ascii=False)
                + "\n"
            )
        elif fmt == "plover":
            lines.extend(formats.dumps_line(r) for r in formats.plover_records(name, report, text))
    if fmt in ("csv", "sqlite"):
        assert output is not None  # these formats need -o (checked above)
        sys.exit(_write_tables(fmt, output, converted, failed, status))
    out = "".join(lines)
    if output:
        write_output(output, out)
    else:
        click.echo(out, nl=False)
    sys.exit(status)


def _write_tables(
    fmt: str, output: str, converted: list[tuple[str, Report]], failed: list[dict], status: int
) -> int:
    """CSV tables or a SQLite database of the reports and the errors; the exit code."""
    sink = None
    try:
        sink = formats.Sink(fmt, output)
        for name, report in converted:
            line = sink.write({"id": name, "report": json.loads(report.to_json())})
            if "error" in line:
                report_error(name, line["error"]["message"])
                status = EXIT_FAILED
        for line in failed:
            sink.write(line)
        sink.close()
    except (FileExistsError, formats.OutputError) as e:
        if sink:
            sink.abort()
        click.echo(f"visitparse: {e}", err=True)
        return EXIT_USAGE
    return status
