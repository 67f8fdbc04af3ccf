"""The names users import from visitparse.batch, visitparse.formats and visitparse.cli stay there,
wherever the code behind them lives."""

import subprocess
import sys

import pytest

PUBLIC = {
    "visitparse.batch": (
        "CHUNK MAX_CHARS MAX_DEPTH MAX_MEMORY_MB PIPE_SAFE TIMEOUT WINDOW_PER_JOB Record Summary "
        "UsageError WorkerPool convert_packed convert_record convert_stream iso_date iter_records "
        "read_jsonl read_text_file"
    ),
    "visitparse.formats": (
        "FORMATS INDEXES KEYS TABLES AtomicFile CsvWriter OutputError OutputLock Sink SqliteWriter "
        "dumps_line plover_records remove_stale report_of tables"
    ),
    "visitparse.cli": (
        "EXIT_FAILED EXIT_INTERRUPTED EXIT_OK EXIT_USAGE cli main read_input write_atomically"
    ),
}


@pytest.mark.parametrize("module", sorted(PUBLIC))
def test_public_names_are_importable_where_they_always_were(module):
    got = __import__(module, fromlist=["_"])
    assert [n for n in PUBLIC[module].split() if not hasattr(got, n)] == []


def test_the_command_runs_as_a_module():
    proc = subprocess.run(
        [sys.executable, "-m", "visitparse.cli", "--version"], capture_output=True, text=True
    )
    assert proc.returncode == 0 and proc.stdout.startswith("visitparse, version ")
