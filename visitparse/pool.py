"""The batch process's side of conversion in worker processes (visitparse.worker): feeding them,
collecting their lines in input order, and replacing those that die or hang."""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import multiprocessing.connection
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler

from .records import error_line
from .worker import timeout_line, worker_main

WINDOW_PER_JOB = 32  # records in flight per worker: bounds memory, keeps every core busy
# records sent to a worker at a time: fewer round trips (4 -> 16: 1.73 -> 1.85 x on 2 cores)
CHUNK = 16
PIPE_SAFE = 60_000  # bytes that fit in an empty pipe (Linux: 64 KiB) without blocking the writer


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    # [seq, task, attempts], in order
    busy: collections.deque[list] = field(default_factory=collections.deque)
    # records of each chunk sent, unanswered
    sent: collections.deque[int] = field(default_factory=collections.deque)
    # an answer came from its first chunk: it has read that chunk, the pipe is empty
    heard: bool = False
    held: tuple[memoryview, int] | None = None  # a chunk too big to send while it works
    since: float = 0.0  # when it last sent a line (or was given work)


class WorkerPool:
    """Worker processes fed through one pipe each, answering one message per record (so a dead
    worker's record is known exactly). A worker gets its next chunk while it works only once it
    has read the one before and only if the chunk fits in the empty pipe (PIPE_SAFE), otherwise
    when it is idle: a parent blocked sending to a worker blocked sending back cannot happen. The
    parent waits on the pipes and on the processes' sentinels at once, so a dead worker is seen
    at once; a worker silent for longer than the record time limit plus a grace period is killed
    (the limit inside the worker is SIGALRM, which cannot interrupt a long C call). Workers die
    with the batch process (PR_SET_PDEATHSIG), ignore SIGINT, and are killed, never waited for,
    when the batch is interrupted."""

    GRACE = 10.0

    def __init__(
        self,
        jobs: int,
        worker: Callable[[dict], dict],
        timeout: float | None,
        max_memory_mb: int | None,
    ):
        self.jobs, self.worker = max(1, jobs), worker
        self.timeout, self.max_memory_mb = timeout, max_memory_mb
        self.ctx = multiprocessing.get_context("fork")
        self.workers: list[_Worker] = []

    def _start(self) -> _Worker:
        ours, theirs = self.ctx.Pipe(duplex=True)
        others = [w.conn for w in self.workers] + [ours]
        p = self.ctx.Process(
            target=worker_main,
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
        retry: collections.deque[list] = collections.deque()  # [seq, task, attempts], sent first
        done: dict[int, dict] = {}
        next_out = next_in = 0
        window = self.jobs * WINDOW_PER_JOB
        for _ in range(self.jobs):
            self._start()
        while True:
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            # work for the idle, and the next chunk for those under way
            for w in list(self.workers):
                idle = not w.busy
                if w.held is not None and not w.sent:
                    self._send(w, *w.held)
                    w.held = None
                    continue
                if not (idle or (len(w.sent) == 1 and w.heard and w.held is None)):
                    continue
                chunk = []
                # a record retried after a crash goes alone
                if retry and (idle or retry[0][2] == 0):
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
            waits: dict[Connection | int, _Worker] = {w.conn: w for w in self.workers}
            waits |= {w.process.sentinel: w for w in self.workers}
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
                # exit code 0: it ended itself between records
                if w.busy and w.process.exitcode != 0:
                    seq, task, attempts = w.busy.popleft()
                    if slow and not dead:
                        assert self.timeout  # `slow` needs a time limit
                        done[seq] = timeout_line(task, self.timeout)
                    elif attempts >= 1:
                        code = w.process.exitcode
                        how = (
                            f"killed by signal {-code}"
                            if code and code < 0
                            else f"exit code {code}"
                        )
                        done[seq] = error_line(
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
    def _send(w: _Worker, data: memoryview, n: int) -> None:
        w.sent.append(n)
        with contextlib.suppress(OSError, ValueError):  # it died: its sentinel says so
            w.conn.send_bytes(data)

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
