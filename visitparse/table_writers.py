"""Where the rows of visitparse.rows go: one CSV file per table, or a SQLite database."""

from __future__ import annotations

import contextlib
import csv
import sqlite3
from pathlib import Path
from typing import IO, TYPE_CHECKING

from . import output_files  # its open_text called through the module: tests replace it
from .rows import INDEXES, KEYS, TABLES, tables
from .schema import Report

if TYPE_CHECKING:
    from _csv import Writer  # what csv.writer() returns


class CsvWriter:
    """One CSV file per table in `directory` (new, or appended to); a header is written once."""

    def __init__(self, directory: str | Path):
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, tuple[IO[str], Writer]] = {}
        for name, columns in TABLES.items():
            path = self.dir / f"{name}.csv"
            new = not path.exists() or path.stat().st_size == 0
            f = output_files.open_text(path, "a")
            writer = csv.writer(f, lineterminator="\n")
            self.files[name] = (f, writer)
            if new:
                writer.writerow(columns)

    def write(self, doc_id: str, report: Report) -> None:
        for name, rows in tables(doc_id, report).items():
            self.files[name][1].writerows(rows)

    def error(self, doc_id: str, error: dict) -> None:
        self.files["errors"][1].writerow((doc_id, error.get("type"), error.get("message")))

    def close(self, sync: bool = False) -> None:
        first: BaseException | None = None
        for f, _ in self.files.values():
            try:
                if sync:
                    output_files.fsync_file(f)
                f.close()
            except (OSError, ValueError) as e:
                first = first or e
                with contextlib.suppress(OSError, ValueError):
                    f.close()
        if first:
            raise first


class SqliteWriter:
    """The same tables in a SQLite database (foreign keys on, indexes on dates and countries).
    Appends to an existing database; has() tells whether a document is already in it."""

    # tests: a database that fills up ("database or disk is full")
    max_page_count: int | None = None

    def __init__(self, path: str | Path, chunk: int = 500, durable: bool = True):
        self.db = sqlite3.connect(str(path), isolation_level=None)
        self.db.execute("PRAGMA foreign_keys = ON")
        if not durable:  # a temporary database, renamed into place when complete: no journal needed
            self.db.execute("PRAGMA journal_mode = OFF")
            self.db.execute("PRAGMA synchronous = OFF")
        if self.max_page_count:
            self.db.execute(f"PRAGMA max_page_count = {int(self.max_page_count)}")
        self.chunk, self.pending = chunk, 0
        for name, columns in TABLES.items():
            key = columns[: KEYS[name]]
            refs = (
                ""
                if name in ("documents", "errors")
                else ", FOREIGN KEY (doc_id) REFERENCES documents(doc_id)"
            )
            pk = f", PRIMARY KEY ({', '.join(key)})" if key else ""
            self.db.execute(f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(columns)}{pk}{refs})")
        for table, column in INDEXES:
            self.db.execute(f"CREATE INDEX IF NOT EXISTS {table}_{column} ON {table}({column})")
        self.db.execute("BEGIN")

    def has(self, doc_id: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            is not None
        )

    def write(self, doc_id: str, report: Report) -> None:
        for name, rows in tables(doc_id, report).items():
            if rows:
                marks = ", ".join("?" * len(TABLES[name]))
                self.db.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
        self._counted()

    def error(self, doc_id: str, error: dict) -> None:
        self.db.execute(
            "INSERT INTO errors VALUES (?, ?, ?)", (doc_id, error.get("type"), error.get("message"))
        )
        self._counted()

    def _counted(self) -> None:
        self.pending += 1
        if self.pending >= self.chunk:  # one transaction per chunk of documents
            self.db.execute("COMMIT")
            self.db.execute("BEGIN")
            self.pending = 0

    def close(self) -> None:
        self.db.execute("COMMIT")
        self.db.close()
