"""`visitparse batch`: a corpus, converted in worker processes, to one output."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import sys
import time

import click

from .. import batch, formats
from .common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    encoding_errors_option,
    knowledge_option,
    max_chars_option,
    publication_date_option,
    sigterm_as_interrupt,
)


@click.command("batch")
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
    help="Memory one record may take in its worker (more: a MemoryLimit error record); "
    "0: no limit.",
)
@max_chars_option
@encoding_errors_option
@publication_date_option
@knowledge_option
def batch_cmd(
    inputs: tuple[str, ...],
    output: str,
    fmt: str,
    jobs: int | None,
    progress: bool | None,
    timeout: float,
    max_memory_mb: int,
    max_chars: int,
    encoding_errors: str,
    publication_date: dt.date | None,
    knowledge: bool,
) -> None:
    """Convert many reports to JSON Lines, one line per input record, in input order.

    INPUT is a text file, a directory (every *.txt below it), a .jsonl file of
    {"id", "text", "publication_date", ...} lines, or "-" for JSON Lines on stdin.
    An id seen before in the run (or already in the database) gives a DuplicateId error record.
    """
    sigterm_as_interrupt()
    jobs = jobs or os.cpu_count() or 1
    show = sys.stderr.isatty() if progress is None else progress
    date = batch.iso_date(publication_date)
    summary = batch.Summary()
    started = time.perf_counter()
    # the texts in flight, for PLOVER records (bounded by the window)
    texts: dict[int, str | None] = {}
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
    record: batch.Record, summary: batch.Summary, texts: dict[int, str | None], keep_text: bool
) -> batch.Record:
    """`record`, counted in `summary`; its text kept in `texts` (by number) for PLOVER output."""
    if keep_text:
        texts[summary.records] = record.text
    summary.records += 1
    summary.bytes += len(record.text.encode("utf-8")) if record.text else 0
    return record
