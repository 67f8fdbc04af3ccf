"""Convert a corpus: records in, JSON Lines out, in input order, one line per record.

Inputs are text files, directories (every `*.txt` below, sorted) and JSON Lines files whose lines
are `{"id": ..., "text": ..., "publication_date": ...}` (other fields ride along as `meta`); "-"
is JSON Lines on stdin. Nothing is lost: a record that cannot be read or converted gives an error
line `{"id", "error": {"type", "message"}}`, and so does a record whose worker process died.
Memory stays bounded: records are read lazily and converted a window at a time.

`convert_record` is the one picklable entry point, shared by worker processes, Dask and Spark.
"""
from __future__ import annotations

import collections
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .converter import InputError, convert
from .converter.limits import MAX_CHARS  # noqa: F401 - the CLI's default, re-exported

WINDOW_PER_JOB = 32  # records in flight per worker: bounds memory, keeps every core busy
CHUNK = 16  # records sent to a worker at a time: fewer round trips (4 -> 16: 1.73 -> 1.85 x on 2 cores)


@dataclass
class Record:
    """One input: its text, or why there is none."""

    id: str
    text: str | None = None
    publication_date: str | None = None
    meta: dict = field(default_factory=dict)
    error: dict | None = None

    def task(self, publication_date: str | None, max_chars: int) -> dict:
        return {"id": self.id, "text": self.text, "publication_date": self.publication_date or publication_date,
                "meta": self.meta, "error": self.error, "max_chars": max_chars}


class UsageError(Exception):
    """An input named on the command line that cannot be used at all (exit 2)."""


def _error(kind: str, message: str) -> dict:
    return {"type": kind, "message": message}


def read_text_file(path: Path, encoding_errors: str = "strict") -> Record:
    try:
        data = path.read_bytes()
    except OSError as e:
        return Record(str(path), error=_error("UnreadableInput", e.strerror or str(e)))
    try:
        return Record(str(path), data.decode("utf-8-sig", errors=encoding_errors))
    except UnicodeDecodeError as e:
        return Record(str(path), error=_error("InputError", f"not UTF-8 (invalid byte at offset {e.start})"))


def read_jsonl(lines: Iterable[bytes], source: str, encoding_errors: str = "strict") -> Iterator[Record]:
    for number, raw in enumerate(lines, 1):
        where = f"{source}:{number}"
        if not raw.strip():
            continue
        try:
            item = json.loads(raw.decode("utf-8", errors=encoding_errors))
        except UnicodeDecodeError as e:
            yield Record(where, error=_error("InputError", f"not UTF-8 (invalid byte at offset {e.start})"))
            continue
        except json.JSONDecodeError as e:
            yield Record(where, error=_error("InputError", f"not a JSON object: {e.msg} at column {e.colno}"))
            continue
        if isinstance(item, dict) and "report" in item and "text" not in item:  # a line of batch output
            yield Record(str(item.get("id", where)), None, None, {"report": item["report"]})
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            rid = str(item.get("id", where)) if isinstance(item, dict) else where
            yield Record(rid, error=_error("InputError", 'a record needs a "text" string'))
            continue
        rid = str(item.pop("id", where))
        text = item.pop("text")
        date = item.pop("publication_date", None)
        yield Record(rid, text, str(date) if date is not None else None, item)


def iter_records(inputs: Iterable[str], encoding_errors: str = "strict") -> Iterator[Record]:
    """Records from paths, directories, JSON Lines files and "-", lazily and in order."""
    for name in inputs:
        if name == "-":
            yield from read_jsonl(sys.stdin.buffer, "<stdin>", encoding_errors)
            continue
        path = Path(name)
        if path.is_dir():
            for file in sorted(path.rglob("*.txt")):
                yield read_text_file(file, encoding_errors)
        elif path.suffix == ".jsonl" and path.is_file():
            with path.open("rb") as f:
                yield from read_jsonl(f, name, encoding_errors)
        elif path.is_file():
            yield read_text_file(path, encoding_errors)
        else:
            raise UsageError(f"{name}: no such file or directory")


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
        report = convert(task["text"], publication_date=task.get("publication_date"),
                         max_chars=task.get("max_chars", MAX_CHARS))
        line["report"] = report.model_dump_json()
    except InputError as e:
        line["error"] = _error("InputError", str(e))
    except Exception as e:  # a converter bug must not lose the record (or the batch)
        line["error"] = _error("InternalError", f"{type(e).__name__}: {e}")
    return line


@dataclass
class Summary:
    records: int = 0
    errors: int = 0
    bytes: int = 0


def _chunks(tasks: Iterable[dict], size: int) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    for t in tasks:
        chunk.append(t)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _convert_chunk(worker, chunk: list[dict]) -> list[dict]:
    return [worker(t) for t in chunk]


def convert_stream(tasks: Iterable[dict], jobs: int = 1, worker=None) -> Iterator[dict]:
    """Output lines for `tasks`, in order; with jobs > 1 in worker processes. A line's "report" is
    its JSON text (convert_packed). `worker` (picklable) replaces convert_packed, for tests.

    Work goes out in chunks of CHUNK records, at most WINDOW_PER_JOB records per worker in flight
    (memory stays bounded); a new chunk is sent as soon as the oldest comes back, so no worker
    waits for a slow record elsewhere."""
    worker = worker or convert_packed
    if jobs <= 1:
        for t in tasks:
            yield worker(t)
        return
    executor = ProcessPoolExecutor(max_workers=jobs)
    pending: collections.deque = collections.deque()  # (chunk, future), oldest first
    chunks = _chunks(tasks, CHUNK)
    try:
        while True:
            while len(pending) * CHUNK < jobs * WINDOW_PER_JOB and (chunk := next(chunks, None)) is not None:
                pending.append((chunk, executor.submit(_convert_chunk, worker, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:
                # a worker died (out of memory, a signal): every chunk in flight is lost with it;
                # convert their records one by one, each alone, to find the one that killed it
                executor.shutdown(cancel_futures=True)
                for lost in [chunk] + [c for c, _ in pending]:
                    yield from (_isolated(t, worker) for t in lost)
                pending.clear()
                executor = ProcessPoolExecutor(max_workers=jobs)
    finally:
        executor.shutdown(cancel_futures=True)


def _isolated(task: dict, worker) -> dict:
    with ProcessPoolExecutor(max_workers=1) as single:
        try:
            return single.submit(worker, task).result()
        except BrokenProcessPool:
            line = {"id": task.get("id"), "error": _error("WorkerCrashed", "the worker process converting this record died")}
            if task.get("meta"):
                line["meta"] = task["meta"]
            return line


def iso_date(value: str | dt.date | None) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value
