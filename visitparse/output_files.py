"""Writing an output safely: all of it or nothing, and one writer at a time.

Every output is built under a temporary name beside it (`.NAME.PID.tmp`) and renamed into place
only when complete (after fsync), under an exclusive lock (`.NAME.lock`, flock) that a second
writer to the same output finds taken. A temporary left by a killed run is removed by the next
run writing there. Any failure to write is an OutputError naming the output, one line.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from pathlib import Path
from typing import IO


class OutputError(Exception):
    """The output cannot be written (disk full, no permission, locked by another writer, ...)."""


def failure_reason(e: BaseException) -> str:
    """What went wrong, for the one line of an OutputError: "No space left on device", ..."""
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return str(e)


def cannot_write(output: str | Path, e: BaseException) -> OutputError:
    return OutputError(f"{output}: cannot write: {failure_reason(e)}")


def open_text(path: Path, mode: str) -> IO[str]:
    """Every output file is opened here (tests put a failing file object in its place)."""
    return path.open(mode, encoding="utf-8", newline="")


def fsync_file(f: IO) -> None:
    f.flush()
    os.fsync(f.fileno())


def fsync_dir(path: Path) -> None:
    """Make a rename in directory `path` durable (where the file system allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def temporary_path(output: Path) -> Path:
    """Where this process builds `output` (remove_stale knows the form)."""
    return output.with_name(f".{output.name}.{os.getpid()}.tmp")


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

    fd: int | None

    def __init__(self, output: Path):
        self.path = output.with_name(f".{output.name}.lock")
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as e:
                raise cannot_write(output, e) from None
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
        self.tmp = temporary_path(self.path)
        try:
            self.file = open_text(self.tmp, "w")
        except OSError as e:
            raise cannot_write(self.path, e) from None

    def write(self, text: str) -> None:
        try:
            self.file.write(text)
        except (OSError, ValueError) as e:
            raise cannot_write(self.path, e) from None

    def commit(self) -> None:
        try:
            fsync_file(self.file)
            self.file.close()
            os.replace(self.tmp, self.path)
        except (OSError, ValueError) as e:
            self.abort()
            raise cannot_write(self.path, e) from None
        fsync_dir(self.path.parent)

    def abort(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.file.close()
        with contextlib.suppress(OSError):
            self.tmp.unlink()
