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
import contextlib
import datetime as dt
import json
import multiprocessing
import multiprocessing.connection
import os
import resource
import signal
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

from .converter import InputError, convert
from .converter.limits import MAX_CHARS  # noqa: F401 - the CLI's default, re-exported

WINDOW_PER_JOB = 32  # records in flight per worker: bounds memory, keeps every core busy
CHUNK = (
    16  # records sent to a worker at a time: fewer round trips (4 -> 16: 1.73 -> 1.85 x on 2 cores)
)
TIMEOUT = 120.0  # seconds per record (--timeout); 5 MB of ordinary text takes about 20 s
MAX_MEMORY_MB = 512  # what a worker's address space may grow by while converting (--max-memory-mb)
PIPE_SAFE = 60_000  # bytes that fit in an empty pipe (Linux: 64 KiB) without blocking the writer
MAX_DEPTH = 64  # JSON nesting accepted in a record's extra fields


@dataclass
class Record:
    """One input: its text, or why there is none."""

    id: str
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


def _error(kind: str, message: str) -> dict:
    return {"type": kind, "message": message}


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
                    error=_error(
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
        return Record(str(path), error=_error("UnreadableInput", e.strerror or str(e)))
    try:
        return Record(str(path), data.decode("utf-8-sig", errors=encoding_errors))
    except UnicodeDecodeError as e:
        return Record(
            str(path), error=_error("InputError", f"not UTF-8 (invalid byte at offset {e.start})")
        )


def _lone_surrogate(s: str) -> int:
    """The offset of the first lone surrogate in `s` (which JSON's \\ud800 escapes can give), or -1."""
    try:
        s.encode("utf-8")
        return -1
    except UnicodeEncodeError as e:
        return e.start


def _replace_surrogates(s: str) -> str:
    return s.encode("utf-16", "surrogatepass").decode(
        "utf-16", "replace"
    )  # one U+FFFD each: offsets stay


def _clean_value(value, where: str, replace: bool):
    """`value` (a parsed JSON value) with every string valid text; ValueError saying what is wrong
    (a lone surrogate, nesting deeper than MAX_DEPTH). Iterative: no depth can overflow the stack."""
    root = [value]
    stack = [(root, 0, 0)]
    while stack:
        container, key, depth = stack.pop()
        v = container[key]
        if isinstance(v, str):
            at = _lone_surrogate(v)
            if at >= 0:
                if not replace:
                    raise ValueError(
                        f"a lone surrogate (\\u{ord(v[at]):04x}) in {where} at offset {at}: not text"
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
                where, error=_error("InputError", f"not UTF-8 (invalid byte at offset {e.start})")
            )
            continue
        except json.JSONDecodeError as e:
            yield Record(
                where, error=_error("InputError", f"not a JSON object: {e.msg} at column {e.colno}")
            )
            continue
        except RecursionError:
            yield Record(
                where,
                error=_error(
                    "InputError", f"not a JSON object: nested more than {MAX_DEPTH} levels deep"
                ),
            )
            continue
        if not isinstance(item, dict):
            yield Record(where, error=_error("InputError", 'a record needs a "text" string'))
            continue
        rid = item.get("id", where)
        if isinstance(rid, bool) or not isinstance(rid, (str, int, float)):
            yield Record(where, error=_error("InputError", 'an "id" must be a string or a number'))
            continue
        if isinstance(rid, str) and _lone_surrogate(rid) >= 0:
            if not replace:
                yield Record(
                    where, error=_error("InputError", 'a lone surrogate in "id": not text')
                )
                continue
            rid = _replace_surrogates(rid)
        rid = str(rid)
        try:
            item = _clean_value(item, "the record", replace)
        except ValueError as e:
            yield Record(rid, error=_error("InputError", str(e)))
            continue
        if "report" in item and "text" not in item:  # a line of batch output
            yield Record(rid, None, None, {"report": item["report"]})
            continue
        if not isinstance(item.get("text"), str):
            yield Record(rid, error=_error("InputError", 'a record needs a "text" string'))
            continue
        item.pop("id", None)
        text = item.pop("text")
        date = item.pop("publication_date", None)
        yield Record(rid, text, str(date) if date is not None else None, item)


def _read_jsonl_file(path: Path, name: str, encoding_errors: str) -> Iterator[Record]:
    try:
        f = path.open("rb")
    except OSError as e:
        yield Record(name, error=_error("UnreadableInput", e.strerror or str(e)))
        return
    with f:
        try:
            yield from read_jsonl(f, name, encoding_errors)
        except OSError as e:  # an I/O error part way through the file
            yield Record(
                f"{name}:?", error=_error("UnreadableInput", f"reading stopped: {e.strerror or e}")
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
            yield from _read_jsonl_file(path, name, encoding_errors)
        else:  # a file, or a FIFO named on purpose (`<(zcat ...)`)
            yield read_text_file(path, encoding_errors)


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
        line["error"] = _error("InputError", str(e))
    except MemoryError:
        line["error"] = _error("MemoryLimit", "out of memory converting this record")
    except RecursionError:
        line["error"] = _error("InternalError", "RecursionError: the record nests too deeply")
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


def convert_stream(
    tasks: Iterable[dict],
    jobs: int = 1,
    worker=None,
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


class _RecordTimeout(BaseException):
    """Raised in a worker by SIGALRM when a record takes too long (a BaseException, so that no
    `except Exception` in the converter swallows it)."""


def _on_alarm(signum, frame):
    raise _RecordTimeout


def _limit_error(task: dict, kind: str, message: str) -> dict:
    line = {"id": task.get("id")}
    if task.get("meta"):
        line["meta"] = task["meta"]
    line["error"] = _error(kind, message)
    return line


def _statm_bytes(field: int) -> int:
    """A size of this process from /proc/self/statm (0: address space, 1: resident), or 0 where there is none."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _vm_bytes() -> int:
    return _statm_bytes(0)


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel kills this worker when the batch process dies, even by SIGKILL."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)


def _worker_main(conn, others, worker, timeout, max_memory_mb, parent) -> None:
    """A worker process: receives chunks [(seq, task)], sends back (seq, line) per record. It
    never prints a traceback: whatever escapes ends it with exit code 1 (the batch sees a crash)."""
    try:
        _die_with_parent(parent)
        for c in others:  # the other workers' pipe ends, inherited through fork
            with contextlib.suppress(OSError):
                c.close()
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch process's to handle
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGALRM, _on_alarm)
        if max_memory_mb:
            _watch_memory(max_memory_mb)
        _worker_loop(conn, worker, timeout, max_memory_mb)
    except BaseException:
        os._exit(1)
    os._exit(0)


class _MemoryOver(BaseException):
    """Raised in a worker (by SIGUSR1 from its memory watchdog) when a record's memory passes the limit."""


_IN_RECORD = [False]  # the memory signal ends a record, never the loop between records


def _on_memory(signum, frame):
    if _IN_RECORD[0]:
        _IN_RECORD[0] = False
        raise _MemoryOver


def _rss_bytes() -> int:
    return _statm_bytes(1)


def _watch_memory(max_memory_mb: int) -> None:
    """The memory limit of a worker, in two layers. A watchdog thread reads the resident size
    every 20 ms; above the worker's starting size + max_memory_mb it signals the main thread
    (SIGUSR1), whose handler raises _MemoryOver: the record unwinds with memory to spare and gives a
    MemoryLimit line. Behind it, RLIMIT_AS (the starting address space + max_memory_mb + 256 MB)
    stops what grows faster than the watchdog looks (a MemoryError, or at worst a crash)."""
    import threading

    limit = max_memory_mb * 2**20
    ceiling = _rss_bytes() + limit
    main = threading.main_thread().ident
    signal.signal(signal.SIGUSR1, _on_memory)

    def watch():
        while True:
            time.sleep(0.02)
            if _IN_RECORD[0] and _rss_bytes() > ceiling:
                signal.pthread_kill(main, signal.SIGUSR1)
                time.sleep(0.2)

    threading.Thread(target=watch, daemon=True, name="visitparse-memory").start()
    hard = _vm_bytes() + limit + 256 * 2**20
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _worker_loop(conn, worker, timeout, max_memory_mb) -> None:
    memory = f"converting this record needed over {max_memory_mb} MB (--max-memory-mb)"
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for seq, task in chunk:
            try:
                try:
                    if timeout:
                        signal.setitimer(signal.ITIMER_REAL, timeout)
                    _IN_RECORD[0] = True
                    line = worker(task)
                finally:
                    _IN_RECORD[0] = False
                    signal.setitimer(signal.ITIMER_REAL, 0)
            except _RecordTimeout:
                line = _limit_error(
                    task,
                    "RecordTimeout",
                    f"converting this record took over {timeout:g} s (--timeout)",
                )
            except (
                _MemoryOver,
                MemoryError,
                SystemError,
            ):  # SystemError: C code that found no memory
                line = _limit_error(task, "MemoryLimit", "")
            except Exception as e:
                line = _limit_error(task, "InternalError", f"{type(e).__name__}: {e}")
            spent = line.get("error", {}).get("type") == "MemoryLimit"
            if spent:
                line["error"]["message"] = memory
            try:
                conn.send((seq, line))
            except (OSError, ValueError):
                return
            except Exception:  # the line itself could not be pickled in the memory left
                conn.send((seq, _limit_error(task, "MemoryLimit", memory)))
                spent = True
            if spent:  # a fresh worker for the next record: nothing of this one lingers
                return


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: object
    busy: collections.deque = field(
        default_factory=collections.deque
    )  # [seq, task, attempts], in order
    sent: collections.deque = field(
        default_factory=collections.deque
    )  # records of each chunk sent, unanswered
    heard: bool = (
        False  # an answer came from its first chunk: it has read that chunk, the pipe is empty
    )
    held: tuple | None = None  # a chunk too big to send while it works
    since: float = 0.0  # when it last sent a line (or was given work)


class WorkerPool:
    """Worker processes fed through one pipe each, answering one message per record (so a dead
    worker's record is known exactly). A worker gets its next chunk while it works only once it
    has read the one before and only if the chunk fits in the empty pipe (PIPE_SAFE), otherwise
    when it is idle: a parent blocked sending to a worker blocked sending back cannot happen. The parent waits on the pipes and on the processes'
    sentinels at once, so a dead worker is seen at once; a worker silent for longer than the
    record time limit plus a grace period is killed (the limit inside the worker is SIGALRM,
    which cannot interrupt a long C call). Workers die with the batch process (PR_SET_PDEATHSIG),
    ignore SIGINT, and are killed, never waited for, when the batch is interrupted."""

    GRACE = 10.0

    def __init__(self, jobs: int, worker, timeout: float | None, max_memory_mb: int | None):
        self.jobs, self.worker = max(1, jobs), worker
        self.timeout, self.max_memory_mb = timeout, max_memory_mb
        self.ctx = multiprocessing.get_context("fork")
        self.workers: list[_Worker] = []

    def _start(self) -> _Worker:
        ours, theirs = self.ctx.Pipe(duplex=True)
        others = [w.conn for w in self.workers] + [ours]
        p = self.ctx.Process(
            target=_worker_main,
            daemon=True,
            args=(theirs, others, self.worker, self.timeout, self.max_memory_mb, os.getpid()),
        )
        p.start()
        theirs.close()
        w = _Worker(p, ours)
        self.workers.append(w)
        return w

    def _retire(self, w: _Worker) -> None:
        with contextlib.suppress(OSError):
            w.process.kill()
        w.process.join()
        w.conn.close()
        self.workers.remove(w)

    def run(self, tasks: Iterable[dict]) -> Iterator[dict]:
        source = enumerate(tasks)
        exhausted = False
        retry: collections.deque = collections.deque()  # [seq, task, attempts] to send again first
        done: dict[int, dict] = {}
        next_out = next_in = 0
        window = self.jobs * WINDOW_PER_JOB
        for _ in range(self.jobs):
            self._start()
        while True:
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            for w in list(
                self.workers
            ):  # work for the idle, and the next chunk for those under way
                idle = not w.busy
                if w.held is not None and not w.sent:
                    self._send(w, *w.held)
                    w.held = None
                    continue
                if not (idle or (len(w.sent) == 1 and w.heard and w.held is None)):
                    continue
                chunk = []
                if retry and (
                    idle or retry[0][2] == 0
                ):  # a record retried after a crash goes alone
                    chunk.append(retry.popleft())
                    if chunk[0][2] == 0:
                        while retry and len(chunk) < CHUNK and retry[0][2] == 0:
                            chunk.append(retry.popleft())
                while not chunk or (chunk[0][2] == 0 and len(chunk) < CHUNK):
                    if exhausted or next_in - next_out >= window:
                        break
                    item = next(source, None)
                    if item is None:
                        exhausted = True
                        break
                    chunk.append([item[0], item[1], 0])
                    next_in += 1
                if not chunk:
                    continue
                w.busy.extend(chunk)
                data = ForkingPickler.dumps([(seq, task) for seq, task, _ in chunk])
                if idle:
                    w.since = time.monotonic()
                    self._send(w, data, len(chunk))
                elif len(data) <= PIPE_SAFE:
                    self._send(w, data, len(chunk))
                else:  # it could block while the worker blocks sending back: sent when it is idle
                    w.held = (data, len(chunk))
            if not any(w.busy for w in self.workers):
                if exhausted and not retry:
                    while next_out in done:
                        yield done.pop(next_out)
                        next_out += 1
                    return
                continue
            waits = {w.conn: w for w in self.workers} | {
                w.process.sentinel: w for w in self.workers
            }
            ready = multiprocessing.connection.wait(list(waits), timeout=1.0)
            for w in {waits[r] for r in ready if r in waits}:
                self._drain(w, done)
            now = time.monotonic()
            for w in list(self.workers):
                dead = not w.process.is_alive()
                if dead:
                    self._drain(w, done)
                slow = w.busy and self.timeout and now - w.since > self.timeout + self.GRACE
                if not (dead or slow):
                    continue
                self._retire(w)
                if (
                    w.busy and w.process.exitcode != 0
                ):  # exit code 0: it ended itself between records
                    seq, task, attempts = w.busy.popleft()
                    if slow and not dead:
                        done[seq] = _limit_error(
                            task,
                            "RecordTimeout",
                            f"converting this record took over {self.timeout:g} s (--timeout)",
                        )
                    elif attempts >= 1:
                        code = w.process.exitcode
                        how = (
                            f"killed by signal {-code}"
                            if code and code < 0
                            else f"exit code {code}"
                        )
                        done[seq] = _limit_error(
                            task,
                            "WorkerCrashed",
                            f"the worker process converting this record died twice ({how})",
                        )
                    else:
                        retry.appendleft([seq, task, 1])
                retry.extend(w.busy)  # the rest of its chunks go out again
                retry = collections.deque(sorted(retry, key=lambda r: (-r[2], r[0])))
                self._start()

    @staticmethod
    def _send(w: _Worker, data, n: int) -> None:
        w.sent.append(n)
        try:
            w.conn.send_bytes(data)
        except (OSError, ValueError):
            pass  # it died: its sentinel says so

    def _drain(self, w: _Worker, done: dict) -> None:
        try:
            while w.conn.poll():
                seq, line = w.conn.recv()
                if w.busy and w.busy[0][0] == seq:
                    w.busy.popleft()
                done[seq] = line
                w.since = time.monotonic()
                if w.sent:
                    w.sent[0] -= 1
                    w.heard = w.sent[0] > 0
                    if not w.sent[0]:
                        w.sent.popleft()
        except (EOFError, OSError):
            pass

    def close(self) -> None:
        for w in list(self.workers):
            if not w.busy:
                with contextlib.suppress(OSError, ValueError):
                    w.conn.send(None)
        for w in list(self.workers):
            if w.busy:
                self._retire(w)  # interrupted: killed, not waited for
            else:
                w.process.join(timeout=2)
                self._retire(w)


def iso_date(value: str | dt.date | None) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value
