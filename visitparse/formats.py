"""Output formats beyond JSON: PLOVER event records, CSV tables, a SQLite database.

All three are views of the same rows (visitparse.rows). `Sink` writes any format; every output is
written safely (visitparse.output_files): built under a temporary name and renamed into place
when complete, under a lock, and any failure to write is an OutputError naming the output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

from .output_files import (
    AtomicFile,
    OutputError,
    OutputLock,
    cannot_write,
    fsync_dir,
    remove_stale,
    temporary_path,
)
from .records import error_line
from .rows import INDEXES, KEYS, TABLES, plover_records, tables
from .schema import Report
from .table_writers import CsvWriter, SqliteWriter

# what `from visitparse.formats import ...` has always offered, wherever it now lives
__all__ = [
    "FORMATS",
    "INDEXES",
    "KEYS",
    "TABLES",
    "AtomicFile",
    "CsvWriter",
    "OutputError",
    "OutputLock",
    "Sink",
    "SqliteWriter",
    "dumps_line",
    "plover_records",
    "remove_stale",
    "report_of",
    "tables",
]

FORMATS = ("jsonl", "plover", "csv", "sqlite")


def report_of(line: dict) -> Report | None:
    """The Report of a batch output line (None for an error line); its report may be JSON text."""
    if "report" not in line:
        return None
    report = line["report"]
    return (
        Report.model_validate_json(report)
        if isinstance(report, str)
        else Report.model_validate(report)
    )


def dumps_line(obj: dict) -> str:
    """One compact JSON line; a "report" that is already JSON text goes in as it is."""
    report = obj.get("report")
    if isinstance(report, str):
        head = json.dumps(
            {k: v for k, v in obj.items() if k != "report"},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return f'{head[:-1]}{"," if len(head) > 2 else ""}"report":{report}}}\n'
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


class Sink:
    """Where converted lines go, by format: JSON Lines or PLOVER records in one file, CSV tables
    in a new directory, or a SQLite database (a new one, or a copy of the existing one appended
    to); each built under a temporary name and renamed into place by close(), so an interrupted
    or failed run leaves the old output as it was. Failures are OutputError.

    One result per id: a record whose id this run (or, appending, the database) already has
    becomes an error record (DuplicateId); write() returns the line as recorded. Error records
    are lines in JSON Lines and PLOVER output, rows of `errors` in CSV and SQLite."""

    file: AtomicFile  # jsonl, plover: the output file
    tmp: Path  # csv, sqlite: the directory or database being built, renamed into place
    writer: CsvWriter | SqliteWriter | None = None  # csv, sqlite: the writer of its tables

    def __init__(self, fmt: str, output: str | Path):
        self.fmt, self.output = fmt, Path(output)
        self.seen: dict[bytes, int] = {}
        self.count = 0
        self.lock = OutputLock(self.output)
        try:
            self._open()
        except BaseException:
            self.lock.release()
            raise

    def _open(self) -> None:
        out = self.output
        if self.fmt in ("jsonl", "plover"):
            self.file = AtomicFile(out)
            return
        if self.fmt == "csv":
            if out.exists() and not out.is_dir():
                raise OutputError(f"{out}: exists and is not a directory")
            if out.is_dir() and next(out.iterdir(), None) is not None:
                raise FileExistsError(f"{out}: the CSV directory exists and is not empty")
        elif out.is_dir():
            raise OutputError(f"{out}: is a directory")
        remove_stale(out)
        self.tmp = temporary_path(out)
        try:
            if self.fmt == "csv":
                self.writer = CsvWriter(self.tmp)
                return
            if out.exists():
                self._copy_database()
            self.writer = SqliteWriter(self.tmp, durable=False)
        except sqlite3.DatabaseError as e:
            self._remove_tmp()
            raise (OutputError(f"{out}: {e}") if out.exists() else cannot_write(out, e)) from None
        except OSError as e:
            self._remove_tmp()
            raise cannot_write(out, e) from None

    def _copy_database(self) -> None:
        """The database to append to, copied (SQLite's backup API, which also proves it is one)."""
        try:
            src = sqlite3.connect(f"file:{self.output}?mode=ro", uri=True)
            try:
                src.execute("SELECT count(*) FROM sqlite_master").fetchone()
                dst = sqlite3.connect(str(self.tmp))
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
        except sqlite3.DatabaseError as e:
            raise sqlite3.DatabaseError(f"not a SQLite database this can append to ({e})") from None

    def _remove_tmp(self) -> None:
        tmp = getattr(self, "tmp", None)
        if tmp is None:
            return
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        for p in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(OSError):
                p.unlink()

    def write(self, line: dict, text: str | None = None) -> dict:
        self.count += 1
        doc_id = str(line.get("id"))
        key = _id_key(doc_id)
        first = self.seen.setdefault(key, self.count)
        if first != self.count:
            line = error_line(
                line,
                "DuplicateId",
                f"the id is that of record {first} of this run; only the first is kept",
            )
        elif (
            isinstance(self.writer, SqliteWriter)
            and "error" not in line
            and self.writer.has(doc_id)
        ):
            line = error_line(
                line, "DuplicateId", "the id is already in the database; the document there is kept"
            )
        try:
            self._write(doc_id, line, text)
        except (OSError, ValueError, sqlite3.Error) as e:
            raise cannot_write(self.output, e) from None
        return line

    def _write(self, doc_id: str, line: dict, text: str | None) -> None:
        if self.fmt == "jsonl" or "error" in line:
            if self.writer is None:  # jsonl, plover: the line as it is
                self.file.write(dumps_line(line))
            else:
                self.writer.error(doc_id, line["error"])
            return
        report = report_of(line)
        assert report is not None  # a line without an "error" has a "report"
        if self.writer is None:  # plover
            for record in plover_records(doc_id, report, text):
                self.file.write(dumps_line(record))
        else:
            self.writer.write(doc_id, report)

    def close(self) -> None:
        try:
            if self.writer is None:  # jsonl, plover
                self.file.commit()
                return
            try:
                if isinstance(self.writer, CsvWriter):
                    self.writer.close(sync=True)
                    if self.output.is_dir():
                        # empty (checked at the start); fails if another run filled it
                        self.output.rmdir()
                else:
                    self.writer.close()
                    with open(self.tmp, "rb+") as f:
                        os.fsync(f.fileno())
                os.replace(self.tmp, self.output)
            except (OSError, sqlite3.Error) as e:
                self._remove_tmp()
                raise cannot_write(self.output, e) from None
            fsync_dir(self.output.parent)
        finally:
            self.lock.release()

    def abort(self) -> None:
        """Leave no half-written output: the temporary file, directory or database goes."""
        try:
            if self.writer is None:  # jsonl, plover
                self.file.abort()
            else:
                with contextlib.suppress(Exception):
                    if isinstance(self.writer, CsvWriter):
                        self.writer.close()
                    else:
                        self.writer.db.close()
                self._remove_tmp()
        finally:
            self.lock.release()


def _id_key(doc_id: str) -> bytes:
    """16 bytes standing for an id: the ids of a million-record run in bounded space."""
    return hashlib.blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=16).digest()
