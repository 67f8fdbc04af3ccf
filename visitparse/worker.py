"""A batch worker process: converts the chunks of records it is sent, one answer per record,
under a time limit (SIGALRM) and a memory limit (a watchdog thread, and RLIMIT_AS behind it).

The parent side, which starts these processes, feeds them and replaces the ones that die, is
visitparse.pool.WorkerPool.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection

from .records import error_line


class _RecordTimeout(BaseException):
    """Raised in a worker by SIGALRM when a record takes too long (a BaseException, so that no
    `except Exception` in the converter swallows it)."""


def _on_alarm(signum, frame):
    raise _RecordTimeout


def timeout_line(task: dict, timeout: float) -> dict:
    """The output line of a record that took longer than `timeout` seconds."""
    return error_line(
        task, "RecordTimeout", f"converting this record took over {timeout:g} s (--timeout)"
    )


class _MemoryOver(BaseException):
    """Raised in a worker (by SIGUSR1 from its memory watchdog) when a record's memory passes the
    limit."""


_IN_RECORD = [False]  # the memory signal ends a record, never the loop between records


def _on_memory(signum, frame):
    if _IN_RECORD[0]:
        _IN_RECORD[0] = False
        raise _MemoryOver


def _statm_bytes(field: int) -> int:
    """A size of this process from /proc/self/statm (0: address space, 1: resident), or 0 where
    there is none."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _vm_bytes() -> int:
    return _statm_bytes(0)


def _rss_bytes() -> int:
    return _statm_bytes(1)


def _watch_memory(max_memory_mb: int) -> None:
    """The memory limit of a worker, in two layers. A watchdog thread reads the resident size
    every 20 ms; above the worker's starting size + max_memory_mb it signals the main thread
    (SIGUSR1), whose handler raises _MemoryOver: the record unwinds with memory to spare and gives
    a MemoryLimit line. Behind it, RLIMIT_AS (the starting address space + max_memory_mb + 256 MB)
    stops what grows faster than the watchdog looks (a MemoryError, or at worst a crash)."""
    limit = max_memory_mb * 2**20
    ceiling = _rss_bytes() + limit
    main = threading.main_thread().ident
    assert main is not None  # the main thread is running: it has an ident
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


def worker_main(
    conn: Connection,
    others: list[Connection],
    worker: Callable[[dict], dict],
    timeout: float | None,
    max_memory_mb: int | None,
    parent: int,
) -> None:
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


def _worker_loop(
    conn: Connection,
    worker: Callable[[dict], dict],
    timeout: float | None,
    max_memory_mb: int | None,
) -> None:
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
                assert timeout  # only the alarm set above raises it
                line = timeout_line(task, timeout)
            # SystemError: C code that found no memory
            except (_MemoryOver, MemoryError, SystemError):
                line = error_line(task, "MemoryLimit", "")
            except Exception as e:
                line = error_line(task, "InternalError", f"{type(e).__name__}: {e}")
            spent = line.get("error", {}).get("type") == "MemoryLimit"
            if spent:
                line["error"]["message"] = memory
            try:
                conn.send((seq, line))
            except (OSError, ValueError):
                return
            except Exception:  # the line itself could not be pickled in the memory left
                conn.send((seq, error_line(task, "MemoryLimit", memory)))
                spent = True
            if spent:  # a fresh worker for the next record: nothing of this one lingers
                return
