"""The `visitparse` command line: convert, batch, explain, schema.

Exit codes: 0 all converted; 1 some inputs failed to convert; 2 usage error, unreadable input or
unwritable output; 130 interrupted (SIGINT or SIGTERM; no half-written output is left behind).
Errors are one line on stderr naming the input and the problem, never a traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import os
import signal
import sys
import time
from pathlib import Path

import click

from . import __version__, batch, formats, view
from .converter import InputError, convert
from .converter.explain import explain as explain_report
from .converter.tag.lexicon import load as load_lexicon
from .schema import Report

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class _Unreadable(Exception):
    """An input that cannot be read as UTF-8 text."""


def read_input(name: str, encoding_errors: str = "strict") -> str:
    """The text of a path or of "-" (stdin), decoded as UTF-8 (a leading BOM dropped)."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except IsADirectoryError:
        raise _Unreadable("is a directory") from None
    except FileNotFoundError:
        raise _Unreadable("no such file") from None
    except OSError as e:
        raise _Unreadable(e.strerror or str(e)) from None
    try:
        return data.decode("utf-8-sig", errors=encoding_errors)
    except UnicodeDecodeError as e:
        raise _Unreadable(f"not UTF-8 (invalid byte at offset {e.start})") from None


def write_atomically(path: str, text: str) -> None:
    """`text` at `path`, all of it or (on any failure or interruption) nothing new."""
    out = formats.AtomicFile(path)
    try:
        out.write(text)
    except BaseException:
        out.abort()
        raise
    out.commit()


def _write_output(path: str, text: str) -> None:
    try:
        write_atomically(path, text)
    except formats.OutputError as e:
        click.echo(f"visitparse: {e}", err=True)
        sys.exit(EXIT_USAGE)


def _sigterm_as_interrupt() -> None:
    """SIGTERM ends the run like Ctrl-C: cleanly, without a half-written file."""

    def handler(signum, frame):
        raise KeyboardInterrupt

    with contextlib.suppress(ValueError):  # not in the main thread
        signal.signal(signal.SIGTERM, handler)


def _error(name: str, message: str) -> None:
    click.echo(f"visitparse: {name}: {message}", err=True)


def _iso_date(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


_publication_date = click.option(
    "--publication-date",
    callback=_iso_date,
    metavar="YYYY-MM-DD",
    help="Date that relative dates ('on Friday') resolve against.",
)
_max_chars = click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=batch.MAX_CHARS,
    show_default=True,
    help="Longest report accepted (longer: an error, or an error record in batch).",
)
_encoding_errors = click.option(
    "--encoding-errors",
    type=click.Choice(["strict", "replace"]),
    default="strict",
    show_default=True,
    help="Bytes that are not UTF-8: an error naming the offset, or U+FFFD and go on.",
)


def _user_lexicon(ctx, param, value: str | None) -> str | None:
    """Load the lexicon up front, so that a bad one is a usage error, reported once."""
    if value is not None:
        try:
            load_lexicon(value)
        except InputError as e:
            raise click.BadParameter(str(e)) from None
    return value


_knowledge = click.option(
    "--knowledge/--no-knowledge",
    default=True,
    show_default=True,
    help="Let the office-holder tables give the country of a named office holder whose "
    "country the text never states (--no-knowledge: facts from the text alone).",
)
_lexicon = click.option(
    "--lexicon",
    type=click.Path(exists=True, dir_okay=True),
    default=None,
    callback=_user_lexicon,
    help="A user lexicon (directory of TSV tables or a TOML file) added to the built-in one.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="visitparse")
def cli() -> None:
    """Turn reports of official visits into structured records."""


@cli.command("convert")
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
    help="A report object (JSON Lines for several inputs), PLOVER records, CSV tables or SQLite (both need -o).",
)
@_max_chars
@_encoding_errors
@_publication_date
@_lexicon
@_knowledge
def convert_cmd(
    inputs: tuple[str, ...],
    output: str | None,
    pretty: bool,
    fmt: str,
    max_chars: int,
    encoding_errors: str,
    publication_date,
    lexicon,
    knowledge: bool,
) -> None:
    """Convert reports to JSON: one input gives one object, several give JSON Lines.

    INPUT is a path or "-" for stdin (the default).
    """
    inputs = inputs or ("-",)
    if fmt in ("csv", "sqlite") and not output:
        raise click.UsageError(
            f"--format {fmt} writes a {'directory' if fmt == 'csv' else 'database'}: give it with -o"
        )
    if fmt == "jsonl" or (fmt == "json" and len(inputs) > 1):
        fmt = "jsonl"
    converted: list[
        tuple[str, str, object]
    ] = []  # (name, text, report) of the inputs that converted
    failed: list[dict] = []  # error lines, for the errors table of CSV and SQLite output
    lines: list[str] = []
    status = EXIT_OK
    for name in inputs:
        try:
            text = read_input(name, encoding_errors)
        except _Unreadable as e:
            _error(name, str(e))
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
            _error(name, str(e))
            failed.append({"id": name, "error": {"type": "InputError", "message": str(e)}})
            status = EXIT_FAILED
            continue
        except Exception as e:  # a converter bug must still not lose the other inputs
            _error(name, f"internal error: {type(e).__name__}: {e}")
            failed.append(
                {
                    "id": name,
                    "error": {"type": "InternalError", "message": f"{type(e).__name__}: {e}"},
                }
            )
            status = EXIT_FAILED
            continue
        converted.append((name, text, report))
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
        sink = None
        try:
            sink = formats.Sink(fmt, output)
            for name, _, report in converted:
                line = sink.write({"id": name, "report": json.loads(report.to_json())})
                if "error" in line:
                    _error(name, line["error"]["message"])
                    status = EXIT_FAILED
            for line in failed:
                sink.write(line)
            sink.close()
        except (FileExistsError, formats.OutputError) as e:
            if sink:
                sink.abort()
            click.echo(f"visitparse: {e}", err=True)
            sys.exit(EXIT_USAGE)
        sys.exit(status)
    out = "".join(lines)
    if output:
        _write_output(output, out)
    else:
        click.echo(out, nl=False)
    sys.exit(status)


@cli.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(writable=True),
    help="The output: a file (jsonl, plover, sqlite) or a new directory (csv).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.FORMATS),
    default="jsonl",
    show_default=True,
    help="JSON Lines of reports, PLOVER event records, CSV tables, or a SQLite database.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the CPU count).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="A progress line on stderr (default: when it is a terminal).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=batch.TIMEOUT,
    show_default=True,
    help="Seconds one record may take (longer: a RecordTimeout error record); 0: no limit.",
)
@click.option(
    "--max-memory-mb",
    type=click.IntRange(min=0),
    default=batch.MAX_MEMORY_MB,
    show_default=True,
    help="Memory one record may take in its worker (more: a MemoryLimit error record); 0: no limit.",
)
@_max_chars
@_encoding_errors
@_publication_date
@_knowledge
def batch_cmd(
    inputs,
    output,
    fmt,
    jobs,
    progress,
    timeout,
    max_memory_mb,
    max_chars,
    encoding_errors,
    publication_date,
    knowledge: bool,
) -> None:
    """Convert many reports to JSON Lines, one line per input record, in input order.

    INPUT is a text file, a directory (every *.txt below it), a .jsonl file of
    {"id", "text", "publication_date", ...} lines, or "-" for JSON Lines on stdin.
    An id seen before in the run (or already in the database) gives a DuplicateId error record.
    """
    _sigterm_as_interrupt()
    jobs = jobs or os.cpu_count() or 1
    show = sys.stderr.isatty() if progress is None else progress
    date = batch.iso_date(publication_date)
    summary = batch.Summary()
    started = time.perf_counter()
    texts: dict[
        int, str | None
    ] = {}  # the texts in flight, for PLOVER records (bounded by the window)
    sink = None
    try:
        records = batch.iter_records(inputs, encoding_errors)
        first = next(records, None)  # an unusable input is a usage error before any output exists
        sink = formats.Sink(fmt, output)
        tasks = (
            _counted(r, summary, texts, fmt == "plover").task(date, max_chars, knowledge)
            for r in itertools.chain([first] if first else [], records)
        )
        stream = batch.convert_stream(
            tasks, jobs, timeout=timeout or None, max_memory_mb=max_memory_mb or None
        )
        for number, line in enumerate(stream):
            line = sink.write(line, texts.pop(number, None))
            summary.errors += "error" in line
            if show and summary.records % 50 == 0:
                click.echo(
                    f"\r{summary.records} records, {summary.errors} errors", err=True, nl=False
                )
        sink.close()
    except (batch.UsageError, FileExistsError, formats.OutputError) as e:
        if sink:
            sink.abort()
        click.echo(f"visitparse: {e}", err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        if sink:
            sink.abort()
        click.echo(
            f"\nvisitparse: interrupted after {summary.records} records; {output} not written",
            err=True,
        )
        sys.exit(EXIT_INTERRUPTED)
    seconds = time.perf_counter() - started
    if show:
        click.echo("", err=True)
    click.echo(
        f"visitparse: {summary.records} records, {summary.errors} errors, {seconds:.2f} s, "
        f"{summary.bytes / 1e6 / max(seconds, 1e-9):.2f} MB/s",
        err=True,
    )
    sys.exit(EXIT_FAILED if summary.errors else EXIT_OK)


def _counted(
    record: batch.Record, summary: batch.Summary, texts: dict, keep_text: bool
) -> batch.Record:
    if keep_text:
        texts[summary.records] = record.text
    summary.records += 1
    summary.bytes += len(record.text.encode("utf-8")) if record.text else 0
    return record


@cli.command("explain")
@click.argument("input_", metavar="INPUT", default="-")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@_publication_date
@_lexicon
@_knowledge
def explain_cmd(input_: str, as_json: bool, publication_date, lexicon, knowledge: bool) -> None:
    """Show, sentence by sentence, the rules that matched, the facts they gave, and the
    sentences with trigger words that no rule covered."""
    try:
        text = read_input(input_)
    except _Unreadable as e:
        _error(input_, str(e))
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
            f"visit: {v['visitor']} -> {v['host']} {v['start']}..{v['end']} [{v['rule']}]: {anchors}"
        )
    for k in trace["knowledge"]:
        click.echo(f"knowledge: {k['name']} -> {k['country']} ({k['source']})")


@cli.command("view")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True),
    help="The HTML file.",
)
@_encoding_errors
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
            _error(page.id, page.error)
    _write_output(output, view.render(pages))
    click.echo(f"visitparse: {len(pages)} reports -> {output}", err=True)


@cli.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of a converted report."""
    click.echo(json.dumps(Report.model_json_schema(), indent=2, sort_keys=False))


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code (tests call this directly)."""
    try:
        cli.main(args=argv, prog_name="visitparse", standalone_mode=False)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else EXIT_USAGE)
    except click.exceptions.Exit as e:  # --help, --version
        return e.exit_code
    except click.ClickException as e:  # usage errors, as one line
        click.echo(f"visitparse: {e.format_message()}", err=True)
        return EXIT_USAGE
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("visitparse: interrupted", err=True)
        return EXIT_INTERRUPTED
    except formats.OutputError as e:
        click.echo(f"visitparse: {e}", err=True)
        return EXIT_USAGE
    except Exception as e:  # a bug: still one line, never a traceback
        click.echo(f"visitparse: internal error: {type(e).__name__}: {e}", err=True)
        return EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
