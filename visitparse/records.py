"""Input records of a batch: text files, directories and JSON Lines, read lazily and in order.

Inputs are text files, directories (every `*.txt` below, sorted) and JSON Lines files whose lines
are `{"id": ..., "text": ..., "publication_date": ...}` (other fields ride along as `meta`); "-"
is JSON Lines on stdin. Nothing is lost: an input that cannot be read is a Record with an `error`
(`{"type", "message"}`), which becomes an error line of the output.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_DEPTH = 64  # JSON nesting accepted in a record's extra fields


@dataclass
class Record:
    """One input: its text, or why there is none."""

    id: str | None  # None: a bare text given to the Dask helpers, which has no id
    text: str | None = None
    publication_date: str | None = None
    meta: dict = field(default_factory=dict)
    error: dict | None = None

    def task(self, publication_date: str | None, max_chars: int, knowledge: bool = True) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "publication_date": self.publication_date or publication_date,
            "meta": self.meta,
            "error": self.error,
            "max_chars": max_chars,
            "knowledge": knowledge,
        }


class UsageError(Exception):
    """An input named on the command line that cannot be used at all (exit 2)."""


def error_info(kind: str, message: str) -> dict:
    """The `error` of a record or output line: why it gave no report."""
    return {"type": kind, "message": message}


def error_line(item: dict, kind: str, message: str) -> dict:
    """The output line standing for `item` (a task or an output line) when it gives no report:
    its id, its meta if any, and the error."""
    line = {"id": item.get("id")}
    if item.get("meta"):
        line["meta"] = item["meta"]
    line["error"] = error_info(kind, message)
    return line


def read_text_file(
    path: Path, encoding_errors: str = "strict", regular_only: bool = False
) -> Record:
    """A text file as one record. With `regular_only` (files found in a directory) a FIFO, socket
    or device is an error record, never opened for a blocking read."""
    try:
        fd = os.open(path, os.O_RDONLY | (os.O_NONBLOCK if regular_only else 0))
        try:
            if regular_only and not stat.S_ISREG(os.fstat(fd).st_mode):
                return Record(
                    str(path),
                    error=error_info(
                        "UnreadableInput", "not a regular file (a FIFO, socket or device)"
                    ),
                )
            if regular_only:
                os.set_blocking(fd, True)
            with os.fdopen(fd, "rb", closefd=False) as f:
                data = f.read()
        finally:
            os.close(fd)
    except OSError as e:
        return Record(str(path), error=error_info("UnreadableInput", e.strerror or str(e)))
    try:
        return Record(str(path), data.decode("utf-8-sig", errors=encoding_errors))
    except UnicodeDecodeError as e:
        return Record(
            str(path),
            error=error_info("InputError", f"not UTF-8 (invalid byte at offset {e.start})"),
        )


def _lone_surrogate(s: str) -> int:
    """The offset of the first lone surrogate in `s` (which JSON's \\ud800 escapes can give),
    or -1."""
    try:
        s.encode("utf-8")
        return -1
    except UnicodeEncodeError as e:
        return e.start


def _replace_surrogates(s: str) -> str:
    # one U+FFFD each: offsets stay
    return s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def clean_json_value(value: Any, where: str, replace: bool) -> Any:
    """`value` (a parsed JSON value) with every string valid text; ValueError saying what is wrong
    (a lone surrogate, nesting deeper than MAX_DEPTH). Iterative: no depth can overflow the
    stack."""
    root = [value]
    stack: list[tuple[list[Any] | dict[Any, Any], Any, int]] = [(root, 0, 0)]
    while stack:
        container, key, depth = stack.pop()
        v = container[key]
        if isinstance(v, str):
            at = _lone_surrogate(v)
            if at >= 0:
                if not replace:
                    raise ValueError(
                        f"a lone surrogate (\\u{ord(v[at]):04x}) in {where} at offset {at}: "
                        "not text"
                    )
                container[key] = _replace_surrogates(v)
        elif isinstance(v, (list, dict)):
            if depth >= MAX_DEPTH:
                raise ValueError(f"{where} nests more than {MAX_DEPTH} levels deep")
            if isinstance(v, dict):
                for k in list(v):
                    if _lone_surrogate(k) >= 0:
                        if not replace:
                            raise ValueError(f"a lone surrogate in a key of {where}: not text")
                        v[_replace_surrogates(k)] = v.pop(k)
                stack.extend((v, k, depth + 1) for k in v)
            else:
                stack.extend((v, k, depth + 1) for k in range(len(v)))
    return root[0]


def read_jsonl(
    lines: Iterable[bytes], source: str, encoding_errors: str = "strict"
) -> Iterator[Record]:
    """Records from JSON Lines. A bad line is an error record naming `source:line`: bytes that are
    not UTF-8, text that is not JSON, JSON nested too deeply, strings with lone surrogates (with
    "replace": U+FFFD), a record with no "text" string or an "id" that is not a string or number.
    A BOM before the first line is dropped."""
    replace = encoding_errors == "replace"
    for number, raw in enumerate(lines, 1):
        where = f"{source}:{number}"
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        try:
            item = json.loads(raw.decode("utf-8", errors=encoding_errors))
        except UnicodeDecodeError as e:
            yield Record(
                where,
                error=error_info("InputError", f"not UTF-8 (invalid byte at offset {e.start})"),
            )
            continue
        except json.JSONDecodeError as e:
            yield Record(
                where,
                error=error_info("InputError", f"not a JSON object: {e.msg} at column {e.colno}"),
            )
            continue
        except RecursionError:
            yield Record(
                where,
                error=error_info(
                    "InputError", f"not a JSON object: nested more than {MAX_DEPTH} levels deep"
                ),
            )
            continue
        if not isinstance(item, dict):
            yield Record(where, error=error_info("InputError", 'a record needs a "text" string'))
            continue
        rid = item.get("id", where)
        if isinstance(rid, bool) or not isinstance(rid, (str, int, float)):
            yield Record(
                where, error=error_info("InputError", 'an "id" must be a string or a number')
            )
            continue
        if isinstance(rid, str) and _lone_surrogate(rid) >= 0:
            if not replace:
                yield Record(
                    where, error=error_info("InputError", 'a lone surrogate in "id": not text')
                )
                continue
            rid = _replace_surrogates(rid)
        rid = str(rid)
        try:
            item = clean_json_value(item, "the record", replace)
        except ValueError as e:
            yield Record(rid, error=error_info("InputError", str(e)))
            continue
        if "report" in item and "text" not in item:  # a line of batch output
            yield Record(rid, None, None, {"report": item["report"]})
            continue
        if not isinstance(item.get("text"), str):
            yield Record(rid, error=error_info("InputError", 'a record needs a "text" string'))
            continue
        item.pop("id", None)
        text = item.pop("text")
        date = item.pop("publication_date", None)
        yield Record(rid, text, str(date) if date is not None else None, item)


def read_jsonl_file(path: Path, name: str, encoding_errors: str) -> Iterator[Record]:
    """Records from a JSON Lines file named `name`; a file that cannot be opened, or stops being
    readable part way, is an error record."""
    try:
        f = path.open("rb")
    except OSError as e:
        yield Record(name, error=error_info("UnreadableInput", e.strerror or str(e)))
        return
    with f:
        try:
            yield from read_jsonl(f, name, encoding_errors)
        except OSError as e:  # an I/O error part way through the file
            yield Record(
                f"{name}:?",
                error=error_info("UnreadableInput", f"reading stopped: {e.strerror or e}"),
            )


def iter_records(inputs: Iterable[str], encoding_errors: str = "strict") -> Iterator[Record]:
    """Records from paths, directories, JSON Lines files and "-", lazily and in order. Inside a
    directory only regular files are read (a FIFO there gives an error record, not a hang)."""
    for name in inputs:
        if name == "-":
            yield from read_jsonl(sys.stdin.buffer, "<stdin>", encoding_errors)
            continue
        path = Path(name)
        if path.is_dir():
            for file in sorted(path.rglob("*.txt")):
                if not file.is_dir():
                    yield read_text_file(file, encoding_errors, regular_only=True)
        elif not path.exists():
            raise UsageError(f"{name}: no such file or directory")
        elif path.suffix == ".jsonl":
            yield from read_jsonl_file(path, name, encoding_errors)
        else:  # a file, or a FIFO named on purpose (`<(zcat ...)`)
            yield read_text_file(path, encoding_errors)
