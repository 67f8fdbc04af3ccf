"""What is costly to build and depends only on files of the package, kept on disk between runs:
the LALR tables of a grammar and the tagger of the package lexicon. An entry's name holds a hash
of everything it is built from (the files' text, the versions of the libraries that build it), so
a changed grammar, table or module is never served stale; a missing or unreadable entry is built
again, and a home that cannot be written to only costs the build in each process.

The directory: $VISITPARSE_CACHE, else $XDG_CACHE_HOME/visitparse, else ~/.cache/visitparse.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def _directory() -> str | None:
    base = os.environ.get("VISITPARSE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "visitparse",
    )
    try:
        os.makedirs(base, exist_ok=True)
    except OSError:
        return None
    return base


def cached(name: str, sources: list[str], build: Callable[[], T]) -> T:
    """build(), or what an earlier run of it with the same `sources` (the texts it is made from)
    left."""
    digest = hashlib.sha256("\0".join(sources).encode("utf-8")).hexdigest()[:16]
    base = _directory()
    path = os.path.join(base, f"{name}.{digest}.pickle") if base else None
    if path:
        try:
            with open(path, "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            pass  # missing or unreadable: build it again
    result = build()
    if path:
        try:
            tmp = f"{path}.{os.getpid()}.tmp"
            with open(tmp, "wb") as f:
                pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass
    return result
