"""Output formats beyond JSON: PLOVER event records, CSV tables, a SQLite database.

All three are views of the same rows (`tables`): one row per document, person, visit, meeting
(and meeting participant), message, statement, agreement and event, linked by stable ids
(`doc_id`, and `person_id` / `visit_id` / ... within a document); a record that gave no report is
a row of `errors`.

Every output is built under a temporary name beside it (`.NAME.PID.tmp`) and renamed into place
only when complete (after fsync), under an exclusive lock (`.NAME.lock`, flock) that a second
writer to the same output finds taken. A temporary left by a killed run is removed by the next
run writing there. Any failure to write is an OutputError naming the output, one line.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

from .schema import Report


class OutputError(Exception):
    """The output cannot be written (disk full, no permission, locked by another writer, ...)."""


def _why(e: BaseException) -> str:
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return str(e)


# table -> columns, in order; the first columns make the key
TABLES: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id",
        "title",
        "publication_date",
        "dateline_place",
        "dateline_agency",
        "schema_version",
    ),
    "people": ("doc_id", "person_id", "name", "title", "other_titles", "country"),
    "visits": (
        "doc_id",
        "visit_id",
        "visitor_id",
        "host_country",
        "start_date",
        "end_date",
        "date_text",
        "places",
        "status",
        "evidence",
    ),
    "meetings": ("doc_id", "meeting_id", "date", "place", "status", "evidence"),
    "meeting_participants": ("doc_id", "meeting_id", "person_id"),
    "messages": ("doc_id", "message_id", "kind", "senders", "carrier_id", "recipients", "evidence"),
    "statements": ("doc_id", "statement_id", "speakers", "verb", "content"),
    "agreements": ("doc_id", "agreement_id", "parties", "kind", "subject"),
    "events": (
        "doc_id",
        "event_id",
        "cameo",
        "plover",
        "mode",
        "actor_country",
        "actor_id",
        "recipient_country",
        "recipient_id",
        "date",
        "enddate",
        "evidence",
    ),
    "errors": (
        "doc_id",
        "type",
        "message",
    ),  # one row per record that gave no report (no key: ids may repeat)
}
KEYS = {
    "documents": 1,
    "people": 2,
    "visits": 2,
    "meetings": 2,
    "meeting_participants": 3,
    "messages": 2,
    "statements": 2,
    "agreements": 2,
    "events": 2,
    "errors": 0,
}
INDEXES = [
    ("errors", "doc_id"),
    ("visits", "host_country"),
    ("visits", "start_date"),
    ("people", "country"),
    ("meetings", "date"),
    ("events", "date"),
    ("events", "actor_country"),
    ("events", "recipient_country"),
]


def _iso(d) -> str | None:
    return d.isoformat() if d else None


def _ids(xs: list[str]) -> str:
    return " ".join(xs)


def tables(doc_id: str, report: Report) -> dict[str, list[tuple]]:
    """The rows of one report, table by table."""
    d = report.document
    rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
    rows["documents"].append(
        (
            doc_id,
            d.title,
            _iso(d.publication_date),
            d.dateline.place if d.dateline else None,
            d.dateline.agency if d.dateline else None,
            report.schema_version,
        )
    )
    for p in report.people:
        rows["people"].append((doc_id, p.id, p.name, p.title, "; ".join(p.other_titles), p.country))
    for k, v in enumerate(report.visits, 1):
        rows["visits"].append(
            (
                doc_id,
                f"v{k}",
                v.visitor,
                v.host_country,
                _iso(v.start_date),
                _iso(v.end_date),
                v.date_text,
                "; ".join(v.places),
                v.status,
                v.evidence.text,
            )
        )
    for k, m in enumerate(report.meetings, 1):
        rows["meetings"].append((doc_id, f"m{k}", _iso(m.date), m.place, m.status, m.evidence.text))
        rows["meeting_participants"].extend((doc_id, f"m{k}", p) for p in m.participants)
    for k, m in enumerate(report.messages, 1):
        rows["messages"].append(
            (
                doc_id,
                f"g{k}",
                m.kind,
                _ids(m.senders),
                m.carrier,
                _ids(m.recipients),
                m.evidence.text,
            )
        )
    for k, s in enumerate(report.statements, 1):
        rows["statements"].append((doc_id, f"s{k}", _ids(s.speakers), s.verb, s.content))
    for k, a in enumerate(report.agreements, 1):
        rows["agreements"].append((doc_id, f"a{k}", _ids(a.parties), a.kind, a.subject))
    for e in report.events:
        r = e.recipient
        rows["events"].append(
            (
                doc_id,
                e.id,
                e.cameo,
                e.plover,
                e.mode,
                e.actor.country,
                e.actor.person,
                r.country if r else None,
                r.person if r else None,
                _iso(e.date),
                _iso(e.enddate),
                e.evidence.text,
            )
        )
    return rows


def plover_records(doc_id: str, report: Report, text: str | None) -> list[dict]:
    """PLOVER event records (CONSULT and AGREE) of one report, as the PLOVER data format has them."""
    out = []
    for e in report.events:
        if e.plover is None:
            continue
        r = e.recipient
        out.append(
            {
                "id": f"{doc_id}-{e.id}",
                "date": _iso(e.date),
                "enddate": _iso(e.enddate),
                "event": e.plover,
                "mode": e.mode,
                "context": None,
                "actor": e.actor.name or e.actor.country,
                "actor_country": e.actor.country,
                "actor_sector": e.actor.sector,
                "recipient": (r.name or r.country) if r else None,
                "recipient_country": r.country if r else None,
                "recipient_sector": r.sector if r else None,
                "cameo": e.cameo,
                "event_text": e.evidence.text,
                "text": text,
                "source": doc_id,
            }
        )
    return out


def _open_text(path: Path, mode: str):
    """Every output file is opened here (tests put a failing file object in its place)."""
    return path.open(mode, encoding="utf-8", newline="")


def _fsync(f) -> None:
    f.flush()
    os.fsync(f.fileno())


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class CsvWriter:
    """One CSV file per table in `directory` (new, or appended to); a header is written once."""

    def __init__(self, directory: str | Path):
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.files = {}
        for name, columns in TABLES.items():
            path = self.dir / f"{name}.csv"
            new = not path.exists() or path.stat().st_size == 0
            f = _open_text(path, "a")
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
                    _fsync(f)
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

    max_page_count: int | None = (
        None  # tests: a database that fills up ("database or disk is full")
    )

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


FORMATS = ("jsonl", "plover", "csv", "sqlite")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale(output: Path) -> None:
    """Remove the temporaries (`.NAME.PID.tmp`, and SQLite's `-journal` beside them) that runs
    killed outright (SIGKILL, power loss) left beside `output`: those whose process is gone."""
    prefix = f".{output.name}."
    with contextlib.suppress(OSError):
        for p in output.parent.iterdir():
            rest = p.name[len(prefix) :] if p.name.startswith(prefix) else ""
            pid, _, tail = rest.partition(".")
            if (
                not (pid.isdigit() and tail.startswith("tmp"))
                or int(pid) == os.getpid()
                or _alive(int(pid))
            ):
                continue
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    p.unlink()


class OutputLock:
    """An exclusive lock on an output (flock on `.NAME.lock` beside it), so that two writers of
    one output never interleave: the second gets OutputError at once. The lock file goes when the
    lock is released (checked by inode, so a writer never holds a lock on a removed file)."""

    def __init__(self, output: Path):
        self.path = output.with_name(f".{output.name}.lock")
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as e:
                raise OutputError(f"{output}: cannot write: {_why(e)}") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                raise OutputError(f"{output}: another visitparse is writing it") from None
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                self.fd = fd
                return
            os.close(fd)  # the holder removed it as we opened it: try again

    def release(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            os.close(self.fd)
            self.fd = None


class AtomicFile:
    """A text file that appears at `path` only on commit(): written beside it under a temporary
    name, fsynced and renamed; abort() removes it, so an old file at `path` stays intact.
    Failures are OutputError."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if self.path.is_dir():
            raise OutputError(f"{self.path}: is a directory")
        remove_stale(self.path)
        self.tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.file = _open_text(self.tmp, "w")
        except OSError as e:
            raise OutputError(f"{self.path}: cannot write: {_why(e)}") from None

    def write(self, text: str) -> None:
        try:
            self.file.write(text)
        except (OSError, ValueError) as e:
            raise OutputError(f"{self.path}: cannot write: {_why(e)}") from None

    def commit(self) -> None:
        try:
            _fsync(self.file)
            self.file.close()
            os.replace(self.tmp, self.path)
        except (OSError, ValueError) as e:
            self.abort()
            raise OutputError(f"{self.path}: cannot write: {_why(e)}") from None
        _fsync_dir(self.path.parent)

    def abort(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.file.close()
        with contextlib.suppress(OSError):
            self.tmp.unlink()


class Sink:
    """Where converted lines go, by format: JSON Lines or PLOVER records in one file, CSV tables
    in a new directory, or a SQLite database (a new one, or a copy of the existing one appended
    to); each built under a temporary name and renamed into place by close(), so an interrupted
    or failed run leaves the old output as it was. Failures are OutputError.

    One result per id: a record whose id this run (or, appending, the database) already has
    becomes an error record (DuplicateId); write() returns the line as recorded. Error records
    are lines in JSON Lines and PLOVER output, rows of `errors` in CSV and SQLite."""

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
        self.tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        try:
            if self.fmt == "csv":
                self.writer = CsvWriter(self.tmp)
                return
            if out.exists():
                self._copy_database()
            self.writer = SqliteWriter(self.tmp, durable=False)
        except sqlite3.DatabaseError as e:
            self._remove_tmp()
            raise OutputError(
                f"{out}: {e}" if out.exists() else f"{out}: cannot write: {e}"
            ) from None
        except OSError as e:
            self._remove_tmp()
            raise OutputError(f"{out}: cannot write: {_why(e)}") from None

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
            line = _duplicate(
                line, f"the id is that of record {first} of this run; only the first is kept"
            )
        elif self.fmt == "sqlite" and "error" not in line and self.writer.has(doc_id):
            line = _duplicate(line, "the id is already in the database; the document there is kept")
        try:
            self._write(doc_id, line, text)
        except (OSError, ValueError, sqlite3.Error) as e:
            raise OutputError(f"{self.output}: cannot write: {_why(e)}") from None
        return line

    def _write(self, doc_id: str, line: dict, text: str | None) -> None:
        if self.fmt == "jsonl" or "error" in line:
            if self.fmt in ("jsonl", "plover"):
                self.file.write(dumps_line(line))
            else:
                self.writer.error(doc_id, line["error"])
            return
        report = report_of(line)
        if self.fmt == "plover":
            for record in plover_records(doc_id, report, text):
                self.file.write(dumps_line(record))
        else:
            self.writer.write(doc_id, report)

    def close(self) -> None:
        try:
            if self.fmt in ("jsonl", "plover"):
                self.file.commit()
                return
            try:
                if self.fmt == "csv":
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
                raise OutputError(f"{self.output}: cannot write: {_why(e)}") from None
            _fsync_dir(self.output.parent)
        finally:
            self.lock.release()

    def abort(self) -> None:
        """Leave no half-written output: the temporary file, directory or database goes."""
        try:
            if self.fmt in ("jsonl", "plover"):
                self.file.abort()
            else:
                with contextlib.suppress(Exception):
                    if self.fmt == "csv":
                        self.writer.close()
                    else:
                        self.writer.db.close()
                self._remove_tmp()
        finally:
            self.lock.release()


def _id_key(doc_id: str) -> bytes:
    """16 bytes standing for an id: the ids of a million-record run in bounded space."""
    return hashlib.blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _duplicate(line: dict, message: str) -> dict:
    out = {"id": line.get("id")}
    if line.get("meta"):
        out["meta"] = line["meta"]
    out["error"] = {"type": "DuplicateId", "message": message}
    return out
