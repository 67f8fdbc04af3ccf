"""The `visitparse` command line: convert, batch, explain, view, schema.

Exit codes: 0 all converted; 1 some inputs failed to convert; 2 usage error, unreadable input or
unwritable output; 130 interrupted (SIGINT or SIGTERM; no half-written output is left behind).
Errors are one line on stderr naming the input and the problem, never a traceback.
"""

from __future__ import annotations

import click

from .. import __version__, formats
from .batch import batch_cmd
from .common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    read_input,
    write_atomically,
)
from .convert import convert_cmd
from .show import explain_cmd, schema_cmd, view_cmd

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "cli",
    "main",
    "read_input",
    "write_atomically",
]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="visitparse")
def cli() -> None:
    """Turn reports of official visits into structured records."""


cli.add_command(convert_cmd)
cli.add_command(batch_cmd)
cli.add_command(explain_cmd)
cli.add_command(view_cmd)
cli.add_command(schema_cmd)


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
