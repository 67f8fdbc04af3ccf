"""Output formats beyond JSON: PLOVER event records, CSV tables, a SQLite database.

All three are views of the same rows (`tables`): one row per document, person, visit, meeting
(and meeting participant), message, statement, agreement and event, linked by stable ids
(`doc_id`, and `person_id` / `visit_id` / ... within a document).
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
from pathlib import Path

from .schema import Report

# table -> columns, in order; the first columns make the key
TABLES: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "title", "publication_date", "dateline_place", "dateline_agency", "schema_version"),
    "people": ("doc_id", "person_id", "name", "title", "other_titles", "country"),
    "visits": ("doc_id", "visit_id", "visitor_id", "host_country", "start_date", "end_date", "date_text", "places",
               "status", "evidence"),
    "meetings": ("doc_id", "meeting_id", "date", "place", "status", "evidence"),
    "meeting_participants": ("doc_id", "meeting_id", "person_id"),
    "messages": ("doc_id", "message_id", "kind", "senders", "carrier_id", "recipients", "evidence"),
    "statements": ("doc_id", "statement_id", "speakers", "verb", "content"),
    "agreements": ("doc_id", "agreement_id", "parties", "kind", "subject"),
    "events": ("doc_id", "event_id", "cameo", "plover", "mode", "actor_country", "actor_id", "recipient_country",
               "recipient_id", "date", "enddate", "evidence"),
}
KEYS = {"documents": 1, "people": 2, "visits": 2, "meetings": 2, "meeting_participants": 3, "messages": 2,
        "statements": 2, "agreements": 2, "events": 2}
INDEXES = [("visits", "host_country"), ("visits", "start_date"), ("people", "country"), ("meetings", "date"),
           ("events", "date"), ("events", "actor_country"), ("events", "recipient_country")]


def _iso(d) -> str | None:
    return d.isoformat() if d else None


def _ids(xs: list[str]) -> str:
    return " ".join(xs)


def tables(doc_id: str, report: Report) -> dict[str, list[tuple]]:
    """The rows of one report, table by table."""
    d = report.document
    rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
    rows["documents"].append((doc_id, d.title, _iso(d.publication_date), d.dateline.place if d.dateline else None,
                              d.dateline.agency if d.dateline else None, report.schema_version))
    for p in report.people:
        rows["people"].append((doc_id, p.id, p.name, p.title, "; ".join(p.other_titles), p.country))
    for k, v in enumerate(report.visits, 1):
        rows["visits"].append((doc_id, f"v{k}", v.visitor, v.host_country, _iso(v.start_date), _iso(v.end_date),
                               v.date_text, "; ".join(v.places), v.status, v.evidence.text))
    for k, m in enumerate(report.meetings, 1):
        rows["meetings"].append((doc_id, f"m{k}", _iso(m.date), m.place, m.status, m.evidence.text))
        rows["meeting_participants"].extend((doc_id, f"m{k}", p) for p in m.participants)
    for k, m in enumerate(report.messages, 1):
        rows["messages"].append((doc_id, f"g{k}", m.kind, _ids(m.senders), m.carrier, _ids(m.recipients), m.evidence.text))
    for k, s in enumerate(report.statements, 1):
        rows["statements"].append((doc_id, f"s{k}", _ids(s.speakers), s.verb, s.content))
    for k, a in enumerate(report.agreements, 1):
        rows["agreements"].append((doc_id, f"a{k}", _ids(a.parties), a.kind, a.subject))
    for e in report.events:
        r = e.recipient
        rows["events"].append((doc_id, e.id, e.cameo, e.plover, e.mode, e.actor.country, e.actor.person,
                               r.country if r else None, r.person if r else None, _iso(e.date), _iso(e.enddate),
                               e.evidence.text))
    return rows


def plover_records(doc_id: str, report: Report, text: str | None) -> list[dict]:
    """PLOVER event records (CONSULT and AGREE) of one report, as the PLOVER data format has them."""
    out = []
    for e in report.events:
        if e.plover is None:
            continue
        r = e.recipient
        out.append({
            "id": f"{doc_id}-{e.id}", "date": _iso(e.date), "enddate": _iso(e.enddate),
            "event": e.plover, "mode": e.mode, "context": None,
            "actor": e.actor.name or e.actor.country, "actor_country": e.actor.country, "actor_sector": e.actor.sector,
            "recipient": (r.name or r.country) if r else None, "recipient_country": r.country if r else None,
            "recipient_sector": r.sector if r else None,
            "cameo": e.cameo, "event_text": e.evidence.text, "text": text, "source": doc_id,
        })
    return out


class CsvWriter:
    """One CSV file per table in `directory`; a header is written once, rows are appended."""

    def __init__(self, directory: str | Path):
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.files = {}
        for name, columns in TABLES.items():
            path = self.dir / f"{name}.csv"
            new = not path.exists() or path.stat().st_size == 0
            f = path.open("a", encoding="utf-8", newline="")
            writer = csv.writer(f, lineterminator="\n")
            if new:
                writer.writerow(columns)
            self.files[name] = (f, writer)

    def write(self, doc_id: str, report: Report) -> None:
        for name, rows in tables(doc_id, report).items():
            self.files[name][1].writerows(rows)

    def close(self) -> None:
        for f, _ in self.files.values():
            f.close()


class SqliteWriter:
    """The same tables in a SQLite database (foreign keys on, indexes on dates and countries).
    Appends to an existing database; a document already in it is left as it is."""

    def __init__(self, path: str | Path, chunk: int = 500):
        self.db = sqlite3.connect(str(path))
        self.db.execute("PRAGMA foreign_keys = ON")
        self.chunk, self.pending = chunk, 0
        for name, columns in TABLES.items():
            key = columns[:KEYS[name]]
            refs = "" if name == "documents" else ", FOREIGN KEY (doc_id) REFERENCES documents(doc_id)"
            self.db.execute(f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(columns)}, PRIMARY KEY ({', '.join(key)}){refs})")
        for table, column in INDEXES:
            self.db.execute(f"CREATE INDEX IF NOT EXISTS {table}_{column} ON {table}({column})")
        self.db.execute("BEGIN")

    def write(self, doc_id: str, report: Report) -> bool:
        if self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone():
            return False
        for name, rows in tables(doc_id, report).items():
            if rows:
                marks = ", ".join("?" * len(TABLES[name]))
                self.db.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
        self.pending += 1
        if self.pending >= self.chunk:  # one transaction per chunk of documents
            self.db.execute("COMMIT")
            self.db.execute("BEGIN")
            self.pending = 0
        return True

    def close(self) -> None:
        self.db.execute("COMMIT")
        self.db.close()


def report_of(line: dict) -> Report | None:
    """The Report of a batch output line (None for an error line); its report may be JSON text."""
    if "report" not in line:
        return None
    report = line["report"]
    return Report.model_validate_json(report) if isinstance(report, str) else Report.model_validate(report)


def dumps_line(obj: dict) -> str:
    """One compact JSON line; a "report" that is already JSON text goes in as it is."""
    report = obj.get("report")
    if isinstance(report, str):
        head = json.dumps({k: v for k, v in obj.items() if k != "report"}, ensure_ascii=False, separators=(",", ":"))
        return f'{head[:-1]}{"," if len(head) > 2 else ""}"report":{report}}}\n'
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


FORMATS = ("jsonl", "plover", "csv", "sqlite")


class AtomicFile:
    """A text file that appears at `path` only on commit(): written beside it under a temporary
    name and renamed; abort() removes it, so an old file at `path` stays intact."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        self.file = self.tmp.open("w", encoding="utf-8", newline="\n")

    def write(self, text: str) -> None:
        self.file.write(text)

    def commit(self) -> None:
        self.file.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.file.close()
        self.tmp.unlink(missing_ok=True)


class Sink:
    """Where converted lines go, by format: JSON Lines or PLOVER records in one file (written to a
    temporary file and renamed at the end), CSV tables in a new directory (built beside it and
    renamed at the end), or a SQLite database (appended, one transaction per chunk)."""

    def __init__(self, fmt: str, output: str | Path):
        self.fmt, self.output = fmt, Path(output)
        if fmt in ("jsonl", "plover"):
            self.file = AtomicFile(self.output)
        elif fmt == "csv":
            if self.output.exists() and any(self.output.iterdir()):
                raise FileExistsError(f"{output}: the CSV directory exists and is not empty")
            self.tmp = self.output.with_name(f".{self.output.name}.{os.getpid()}.tmp")
            self.writer = CsvWriter(self.tmp)
        else:
            self.writer = SqliteWriter(self.output)

    def write(self, line: dict, text: str | None = None) -> None:
        if self.fmt == "jsonl" or "error" in line:
            if self.fmt in ("jsonl", "plover"):
                self.file.write(dumps_line(line))
            return
        report = report_of(line)
        if self.fmt == "plover":
            for record in plover_records(str(line["id"]), report, text):
                self.file.write(dumps_line(record))
        else:
            self.writer.write(str(line["id"]), report)

    def close(self) -> None:
        if self.fmt in ("jsonl", "plover"):
            self.file.commit()
        elif self.fmt == "csv":
            self.writer.close()
            if self.output.exists():
                self.output.rmdir()
            os.replace(self.tmp, self.output)
        else:
            self.writer.close()

    def abort(self) -> None:
        """Leave no half-written output: the temporary file or directory goes; SQLite rolls back."""
        if self.fmt in ("jsonl", "plover"):
            self.file.abort()
        elif self.fmt == "csv":
            self.writer.close()
            shutil.rmtree(self.tmp, ignore_errors=True)
        else:
            self.writer.db.rollback()
            self.writer.db.close()
