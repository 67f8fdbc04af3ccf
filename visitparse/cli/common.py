"""What the commands share: exit codes, reading an input, writing an output, error lines, and the
options that several commands take."""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import sys
from pathlib import Path

import click

from .. import formats
from ..converter import InputError
from ..converter.isodates import parse_date
from ..converter.limits import MAX_CHARS
from ..converter.tag.lexicon import load as load_lexicon

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class Unreadable(Exception):
    """An input that cannot be read as UTF-8 text."""


def read_input(name: str, encoding_errors: str = "strict") -> str:
    """The text of a path or of "-" (stdin), decoded as UTF-8 (a leading BOM dropped)."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except IsADirectoryError:
        raise Unreadable("is a directory") from None
    except FileNotFoundError:
        raise Unreadable("no such file") from None
    except OSError as e:
        raise Unreadable(e.strerror or str(e)) from None
    try:
        return data.decode("utf-8-sig", errors=encoding_errors)
    except UnicodeDecodeError as e:
        raise Unreadable(f"not UTF-8 (invalid byte at offset {e.start})") from None


def write_atomically(path: str, text: str) -> None:
    """`text` at `path`, all of it or (on any failure or interruption) nothing new."""
    out = formats.AtomicFile(path)
    try:
        out.write(text)
    except BaseException:
        out.abort()
        raise
    out.commit()


def write_output(path: str, text: str) -> None:
    """write_atomically, or a one-line error and exit 2."""
    try:
        write_atomically(path, text)
    except formats.OutputError as e:
        click.echo(f"visitparse: {e}", err=True)
        sys.exit(EXIT_USAGE)


def sigterm_as_interrupt() -> None:
    """SIGTERM ends the run like Ctrl-C: cleanly, without a half-written file."""

    def handler(signum, frame):
        raise KeyboardInterrupt

    with contextlib.suppress(ValueError):  # not in the main thread
        signal.signal(signal.SIGTERM, handler)


def report_error(name: str, message: str) -> None:
    """One line on stderr naming the input and its problem."""
    click.echo(f"visitparse: {name}: {message}", err=True)


def _iso_date(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _user_lexicon(ctx, param, value: str | None) -> str | None:
    """Load the lexicon up front, so that a bad one is a usage error, reported once."""
    if value is not None:
        try:
            load_lexicon(value)
        except InputError as e:
            raise click.BadParameter(str(e)) from None
    return value


publication_date_option = click.option(
    "--publication-date",
    callback=_iso_date,
    metavar="YYYY-MM-DD",
    help="Date that relative dates ('on Friday') resolve against.",
)
max_chars_option = click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=MAX_CHARS,
    show_default=True,
    help="Longest report accepted (longer: an error, or an error record in batch).",
)
encoding_errors_option = click.option(
    "--encoding-errors",
    type=click.Choice(["strict", "replace"]),
    default="strict",
    show_default=True,
    help="Bytes that are not UTF-8: an error naming the offset, or U+FFFD and go on.",
)
knowledge_option = click.option(
    "--knowledge/--no-knowledge",
    default=True,
    show_default=True,
    help="Let the office-holder tables give the country of a named office holder whose "
    "country the text never states (--no-knowledge: facts from the text alone).",
)
lexicon_option = click.option(
    "--lexicon",
    type=click.Path(exists=True, dir_okay=True),
    default=None,
    callback=_user_lexicon,
    help="A user lexicon (directory of TSV tables or a TOML file) added to the built-in one.",
)
