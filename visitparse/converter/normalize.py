"""Stage 1: clean the input without moving a single character.

Every replacement keeps the text's length, so offsets into the cleaned text are offsets into the
input: full-width punctuation and curly quotes become their ASCII forms, page clutter (photo
captions, links, tweet attributions, the ` date YYYY-MM-DD` prefix) becomes spaces.
"""
from __future__ import annotations

import re

# Unicode punctuation to its one-character ASCII twin (full-width forms: Unicode block FF00-FFEF).
_SAME_LENGTH = {
    "\uff0c": ",", "\u3001": ",", "\uff0e": ".", "\u3002": ".", "\uff1a": ":", "\uff1b": ";",
    "\uff08": "(", "\uff09": ")", "\uff01": "!", "\uff1f": "?", "\uff02": '"', "\uff07": "'",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u3000": " ", "\u200b": " ", "\ufeff": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\r": "\n", "\t": " ", "\x00": " ",
}
# str.translate looks up every character; the few to replace are found faster by one character class.
_TO_REPLACE = re.compile("[" + re.escape("".join(_SAME_LENGTH)) + "]")

# Clutter that is never part of a sentence. Each pattern is linear: bounded classes, no nested repeats.
CLUTTER = [
    re.compile(r"\[\s*Photos?\s*/[^\]\n]{0,80}\]", re.IGNORECASE),          # [Photo/Xinhua]
    re.compile(r"\(\s*Photos?\s*:[^)\n]{0,80}\)", re.IGNORECASE),           # (Photo: VNA)
    re.compile(r"\((?:Xinhua|VNA|AFP|AP|Reuters)/[^)\n]{0,80}\)"),           # (Xinhua/Li Xueren)
    re.compile(r"https?://\S{1,500}"),                                      # links
    re.compile(r"pic\.twitter\.com/\S{1,100}"),
    re.compile(r"[\u2014-]{1,2}\s[^\n]{0,80}\(@\w{1,30}\)[^\n]{0,40}"),    # tweet attribution
    re.compile(r"@\w{1,30}"),                                               # handles
    re.compile(r"^[^\n|]{1,40}(?:\|[^\n|]{1,40}){1,12}$", re.MULTILINE),    # navigation: "Home | World | Asia"
    re.compile(r"^[ \t]*(?:Share(?: this)?(?: article| story| on)?|Follow us|Read more|Related|Full coverage|See also"
               r"|Also read|Read also|Recommended)\b[^\n]{0,80}$", re.MULTILINE | re.IGNORECASE),  # share buttons, link lines
    re.compile(r"^[ \t]*(?:Updated|Published|Posted|Last updated)\s*:?[^\n]{0,60}$", re.MULTILINE | re.IGNORECASE),
    re.compile(r"^[ \t]*By\s?[A-Z][\w.'-]{1,30}(?:\s+[A-Z][\w.'-]{1,30}){0,3}[ \t]*$", re.MULTILINE),  # bylines
]
_NOT_NEWLINE = re.compile(r"[^\n]")
DATE_PREFIX = re.compile(r"^\s?date (\d{4}-\d\d-\d\d)\b")


def normalize(text: str) -> str:
    """Same-length cleaned copy of `text`."""
    clean = _TO_REPLACE.sub(lambda m: _SAME_LENGTH[m.group()], text)
    spans = [(0, m.end())] if (m := DATE_PREFIX.match(clean)) else []
    for pattern in CLUTTER:
        spans.extend(m.span() for m in pattern.finditer(clean))
    if not spans:
        return clean
    parts, done = [], 0  # the spans, merged in order, become blanks (their newlines stay)
    for start, end in sorted(spans):
        start = max(start, done)
        if start < end:
            parts.append(clean[done:start])
            parts.append(_NOT_NEWLINE.sub(" ", clean[start:end]))
            done = end
    parts.append(clean[done:])
    return "".join(parts)
