"""Clean the input without moving a single character.

Every replacement keeps the text's length, so offsets into the cleaned text are offsets into the
input: full-width punctuation and curly quotes become their ASCII forms, page clutter (photo
captions, links, tweet attributions, the ` date YYYY-MM-DD` prefix) becomes spaces; a headline in
Title Case or capitals takes the case its words have in the body (same length too).
"""

from __future__ import annotations

import re

from . import dateline

# Unicode punctuation to its one-character ASCII twin (full-width forms: Unicode block FF00-FFEF).
_SAME_LENGTH = {
    "\uff0c": ",",
    "\u3001": ",",
    "\uff0e": ".",
    "\u3002": ".",
    "\uff1a": ":",
    "\uff1b": ";",
    "\uff08": "(",
    "\uff09": ")",
    "\uff01": "!",
    "\uff1f": "?",
    "\uff02": '"',
    "\uff07": "'",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u3000": " ",
    "\u200b": " ",
    "\ufeff": " ",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\r": "\n",
    "\t": " ",
    "\x00": " ",
}
# str.translate looks up every character; the few to replace are found faster by one class.
_TO_REPLACE = re.compile("[" + re.escape("".join(_SAME_LENGTH)) + "]")

# Clutter that is never part of a sentence. Each pattern is linear: bounded classes, no nested
# repeats.
CLUTTER = [
    re.compile(r"\[\s*Photos?\s*/[^\]\n]{0,80}\]", re.IGNORECASE),  # [Photo/Xinhua]
    re.compile(r"\(\s*Photos?\s*:[^)\n]{0,80}\)", re.IGNORECASE),  # (Photo: VNA)
    # (File photo), (Photos taken by ...)
    re.compile(r"\(\s*(?:File |Pool )?Photo(?:graph)?s?\b[^()\n]{0,100}\)", re.IGNORECASE),
    # [Photo: gov.cn] [Pool photo] [Source: ...]
    re.compile(
        r"\[\s*(?:(?:File |Pool )?Photos?|Images?|Source|Credit|Video)\s*(?::|/|\]|by\b)"
        r"[^\]\n]{0,80}\]?",
        re.IGNORECASE,
    ),
    # a photographer's credit: "Ana Silva/Getty Images", "Li Wei / AFP via Getty Images",
    # "Photo: Ana Silva/Reuters"
    re.compile(
        r"(?:\b(?:Photo(?:graph)?|Image|Picture)s?\s*(?::|by)\s*)?"
        r"(?:[A-Z][\w'-]{1,20}\s){0,1}[A-Z][\w'-]{1,20}\s?/\s?"
        r"(?:Getty Images|AFP|Reuters|AP(?: Photo)?|EPA(?:-EFE)?|Xinhua|Bloomberg"
        r"|Anadolu(?: Agency)?|Shutterstock|Sputnik|TASS|Kyodo|Yonhap|Pool|PA Images|PA Wire"
        r"|NurPhoto|SOPA Images|Alamy|Sipa|Zuma|Redux)"
        r"(?: via Getty Images)?(?:\s*\(?Pool\)?)?"
    ),
    # a credit line: "Photo credit: Akorda"
    re.compile(
        r"^[ \t]*(?:Photos?|Pictures?|Images?|File photo|Photo credit|Picture credit)\s*"
        r"(?:credit\s*)?(?::|by\b|courtesy\b)[^\n]{0,60}$",
        re.MULTILINE | re.IGNORECASE,
    ),
    re.compile(r"\((?:Xinhua|VNA|AFP|AP|Reuters)/[^)\n]{0,80}\)"),  # (Xinhua/Li Xueren)
    re.compile(r"https?://\S{1,500}"),  # links
    re.compile(r"pic\.twitter\.com/\S{1,100}"),
    re.compile(r"[\u2014-]{1,2}\s[^\n]{0,80}\(@\w{1,30}\)[^\n]{0,40}"),  # tweet attribution
    re.compile(r"@\w{1,30}"),  # handles
    # navigation: "Home | World | Asia"
    re.compile(r"^[^\n|]{1,40}(?:\|[^\n|]{1,40}){1,12}$", re.MULTILINE),
    # share buttons, link lines
    re.compile(
        r"^[ \t]*(?:Share(?: this)?(?: article| story| on)?|Follow us|Read more|Related"
        r"|Full coverage|See also|Also read|Read also|Recommended)\b[^\n]{0,80}$",
        re.MULTILINE | re.IGNORECASE,
    ),
    re.compile(
        r"^[ \t]*(?:Updated|Published|Posted|Last updated)\s*:?[^\n]{0,60}$",
        re.MULTILINE | re.IGNORECASE,
    ),
    # bylines
    re.compile(
        r"^[ \t]*By\s?[A-Z][\w.'-]{1,30}(?:\s+[A-Z][\w.'-]{1,30}){0,3}[ \t]*$", re.MULTILINE
    ),
]
_NOT_NEWLINE = re.compile(r"[^\n]")

# A headline in Title Case or capitals ("Premier Modifies His Schedule", "MINISTER, NEW ENVOY
# AGREE ON TRADE") says nothing by its capitals: each of its words takes the case the body writes it
# with
# (mid-sentence), and a word the body lacks is lower-cased ("Modifies", "Chair"); a capitalised
# verb or noun of a headline is then no name. Only the first line (the title) and lines all in
# capitals.
_HEAD_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_HEAD_SKIP = frozenset(
    [
        "with",
        "from",
        "into",
        "amid",
        "over",
        "after",
        "about",
        "than",
        "upon",
        "onto",
        "says",
        "said",
    ]
)
_CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_SENTENCE_START = frozenset('.!?:;"([\n')


def _headline_like(line: str, first: bool) -> bool:
    if len(line) > 200 or line.rstrip().endswith("."):
        return False
    if dateline.dated(line):
        return False  # "Tbilisi, June 4, Trend:"
    content = [w for w in _HEAD_WORD.findall(line) if len(w) >= 4 and w.lower() not in _HEAD_SKIP]
    if len(content) < 3:
        return False
    letters = [c for c in line if c.isalpha()]
    if sum(c.isupper() for c in letters) >= 0.9 * len(letters):
        return True  # all in capitals
    # "Premier Arrives in Oslo", not "Premier arrives in Oslo"
    return first and all(w[0].isupper() for w in content)


def _recase_headlines(clean: str) -> str:
    lines = clean.split("\n")
    heads = []
    first = True
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        if _headline_like(line, first):
            heads.append(k)
        first = False
    if not heads:
        return clean
    head_set = set(heads)
    body = "\n".join("" if k in head_set else line for k, line in enumerate(lines))
    if len(body.split()) < 30:  # too little text to learn the spelling of words from
        return clean
    forms: dict[str, dict[str, int]] = {}
    seen: set[str] = set()
    for m in _HEAD_WORD.finditer(body):
        w = m.group()
        key = w.lower()
        seen.add(key)
        before = body[max(0, m.start() - 3) : m.start()].rstrip(" ")
        if not before or before[-1] in _SENTENCE_START:
            continue  # a sentence's first word is capitalised by its place
        counts = forms.setdefault(key, {})
        counts[w] = counts.get(w, 0) + 1
    for k in heads:
        line = lines[k]
        found = list(_HEAD_WORD.finditer(line))
        absent = [
            not m.group().islower() and not m.group().isupper() and m.group().lower() not in seen
            for m in found
        ]
        # two or more capitalised words the body lacks, not continuing a capitalised word, are a
        # name only the headline gives ("Release: Keir Starmer meeting with ..."): they keep their
        # capitals ("Erdogan, Starmer Chair Bilateral Talks": the words after a name are no name)
        kept = [False] * len(found)
        n = 0
        while n < len(found):
            if not absent[n]:
                n += 1
                continue
            j = n
            while (
                j + 1 < len(found)
                and absent[j + 1]
                and not line[found[j].end() : found[j + 1].start()].strip()
            ):
                j += 1
            after_cap = (
                n > 0
                and not line[found[n - 1].end() : found[n].start()].strip()
                and found[n - 1].group()[0].isupper()
            )
            if j > n and not after_cap:
                kept[n : j + 1] = [True] * (j + 1 - n)
            n = j + 1
        pieces, done = [], 0
        for n, m in enumerate(found):
            w = m.group()
            spellings = forms.get(w.lower())
            if w.islower() or w.lower() in _CALENDAR:
                best = w
            elif spellings:
                best = max(spellings.items(), key=lambda kv: (kv[1], kv[0] == w))[0]
            elif w.lower() in seen or kept[n] or (w.isupper() and len(w) <= 4):
                # only at the start of sentences; a name only the headline gives; an acronym
                best = w
            else:
                best = w.lower()
            pieces += [line[done : m.start()], best if len(best) == len(w) else w]
            done = m.end()
        lines[k] = "".join(pieces) + line[done:]
    return "\n".join(lines)


DATE_PREFIX = re.compile(r"^\s?date (\d{4}-\d\d-\d\d)\b")


def normalize(text: str) -> str:
    """Same-length cleaned copy of `text`."""
    clean = _TO_REPLACE.sub(lambda m: _SAME_LENGTH[m.group()], text)
    spans = [(0, m.end())] if (m := DATE_PREFIX.match(clean)) else []
    for pattern in CLUTTER:
        spans.extend(m.span() for m in pattern.finditer(clean))
    if not spans:
        return _recase_headlines(clean)
    parts, done = [], 0  # the spans, merged in order, become blanks (their newlines stay)
    for start, end in sorted(spans):
        start = max(start, done)
        if start < end:
            parts.append(clean[done:start])
            parts.append(_NOT_NEWLINE.sub(" ", clean[start:end]))
            done = end
    parts.append(clean[done:])
    return _recase_headlines("".join(parts))
