"""The documented input limits of `convert`, checked before any work is done."""

from __future__ import annotations

from .errors import InputError

MAX_CHARS = 5_000_000  # characters per report; longer inputs are refused (override with max_chars)


def check(text: object, max_chars: int = MAX_CHARS) -> str:
    """`text` if it can be converted, else InputError saying what is wrong."""
    if not isinstance(text, str):
        raise InputError(f"text must be str, not {type(text).__name__}")
    if len(text) > max_chars:
        raise InputError(
            f"too long: {len(text):,} characters, the limit is {max_chars:,}"
            " (raise it with max_chars)"
        )
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(f"contains a NUL character at offset {nul}: binary data, not text")
    return text
