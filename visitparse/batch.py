"""Convert a corpus: records in, JSON Lines out, in input order, one line per record.

The records come from visitparse.records (text files, directories, JSON Lines, stdin). Nothing is
lost: a record that cannot be read or converted gives an error line `{"id", "error": {"type",
"message"}}`, and so does a record whose worker process died (visitparse.pool). Memory stays
bounded: records are read lazily and converted a window at a time.

`convert_record` is the one picklable entry point, shared by worker processes, Dask and Spark.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .converter import InputError, convert
from .converter.limits import MAX_CHARS
from .pool import CHUNK, PIPE_SAFE, WINDOW_PER_JOB, WorkerPool
from .records import (
    MAX_DEPTH,
    Record,
    UsageError,
    error_info,
    iter_records,
    read_jsonl,
    read_text_file,
)

# what `from visitparse.batch import ...` has always offered, wherever it now lives
__all__ = [
    "CHUNK",
    "MAX_CHARS",
    "MAX_DEPTH",
    "MAX_MEMORY_MB",
    "PIPE_SAFE",
    "TIMEOUT",
    "WINDOW_PER_JOB",
    "Record",
    "Summary",
    "UsageError",
    "WorkerPool",
    "convert_packed",
    "convert_record",
    "convert_stream",
    "iso_date",
    "iter_records",
    "read_jsonl",
    "read_text_file",
]

TIMEOUT = 120.0  # seconds per record (--timeout); 5 MB of ordinary text takes about 20 s
MAX_MEMORY_MB = 512  # what a worker's address space may grow by while converting (--max-memory-mb)


def convert_record(task: dict | str) -> dict:
    """One output line for one task: {"id", "report"} or {"id", "error"} (plus "meta").
    `task` is a dict as made by Record.task (only "text" is required) or a bare text."""
    line = convert_packed(task)
    if "report" in line:
        line["report"] = json.loads(line["report"])
    return line


def convert_packed(task: dict | str) -> dict:
    """convert_record, with the report left as its JSON text: between processes a string pickles
    far faster than the nested dict, and the JSON Lines writer uses the text as it is."""
    if isinstance(task, str):
        task = {"id": None, "text": task}
    line: dict = {"id": task.get("id")}
    if task.get("meta"):
        line["meta"] = task["meta"]
    if task.get("error"):
        line["error"] = task["error"]
        return line
    try:
        report = convert(
            task["text"],
            publication_date=task.get("publication_date"),
            max_chars=task.get("max_chars", MAX_CHARS),
            knowledge=task.get("knowledge", True),
        )
        line["report"] = report.model_dump_json()
    except InputError as e:
        line["error"] = error_info("InputError", str(e))
    except MemoryError:
        line["error"] = error_info("MemoryLimit", "out of memory converting this record")
    except RecursionError:
        line["error"] = error_info("InternalError", "RecursionError: the record nests too deeply")
    except Exception as e:  # a converter bug must not lose the record (or the batch)
        line["error"] = error_info("InternalError", f"{type(e).__name__}: {e}")
    return line


@dataclass
class Summary:
    records: int = 0
    errors: int = 0
    bytes: int = 0


def convert_stream(
    tasks: Iterable[dict],
    jobs: int = 1,
    worker: Callable[[dict], dict] | None = None,
    *,
    timeout: float | None = TIMEOUT,
    max_memory_mb: int | None = MAX_MEMORY_MB,
) -> Iterator[dict]:
    """Output lines for `tasks`, in order, converted in `jobs` worker processes. A line's "report"
    is its JSON text (convert_packed). `worker` replaces convert_packed, for tests.

    Nothing is lost and nothing hangs (see WorkerPool): a worker that dies takes only the record
    it was converting with it (retried once in a fresh worker, then a WorkerCrashed line); a
    record over `timeout` seconds gives a RecordTimeout line, one over `max_memory_mb` a
    MemoryLimit line. Memory stays bounded: at most WINDOW_PER_JOB records per worker are read
    ahead of the output."""
    pool = WorkerPool(jobs, worker or convert_packed, timeout, max_memory_mb)
    try:
        yield from pool.run(tasks)
    finally:
        pool.close()


def iso_date(value: str | dt.date | None) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value
