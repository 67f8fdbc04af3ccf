"""Capability suite engine: templates + filler tables -> cases with expected facts -> checks.

A capability is one TOML file (see README section in report.py's docstring):

    description = "what phenomenon this tests"
    kind = "MFT"                      # MFT (minimum functionality), INV (invariance), DIR (directional)
    publication_date = "2024-05-18"   # passed to visitparse.convert
    max_cases = 80                    # cap on generated cases (deterministic, strided product)
    templates = ["{vc.dem} {vo.title} {v.written} visited {hc.name} on {d.name}."]

    [slots]                           # slot -> filler table in fillers.toml, optionally [tag]
    v = "people[plain]"
    vc = "countries[main]"
    distinct = [["vc", "hc"]]         # slots that must take different rows

    [[expect.visit]]                  # every expected fact must be present ...
    visitor = "{v.name}"
    host = "{hc.iso}"
    start = "{d.date}"                # optional; "none" = must be null
    end = "{d.date}"
    [[expect.meeting]]
    between = ["{v.name}", "{h.name}"]
    [[expect.person]]
    name = "{v.name}"
    title = "{vo.title}"              # optional; prefix match at a word boundary, as score.py
    country = "{vc.iso}"              # optional; "none" = must be null
    [[forbid.visit]]                  # ... and no forbidden fact may appear
    [[forbid.meeting]]

Visits and meetings are "happened" unless `status` says otherwise: a happened fact is one whose
status is not planned or cancelled (as the scorer reads them); `status = "planned"` or
`"cancelled"` asks for exactly that status. A forbidden visit or meeting is one that happened.
Names and titles compare after the same folding as ../shared/tools/score.py: case, accents,
hyphens and punctuation; a leading style (Sheikh, Datuk Seri, ...) is optional; titles match when
one starts with the other at a word boundary.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "cases"
PENDING_DIR = HERE.parent / "capabilities_pending"
FILLERS = HERE / "fillers.toml"
HAPPENED_NOT = {"planned", "cancelled"}

# ----------------------------------------------------------------------------- folding (as
# score.py)


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[-\u2010-\u2015]", " ", s)
    s = re.sub(r"[^\w\s]", "", s)
    return " ".join(s.split())


STYLES = (
    "his royal highness",
    "her royal highness",
    "his majesty",
    "her majesty",
    "his highness",
    "her highness",
    "his excellency",
    "her excellency",
    "tan sri",
    "datuk seri",
    "dato seri",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "sheikh",
    "shaikh",
    "sheikha",
    "sayyid",
    "datuk",
    "dato",
    "datin",
    "haji",
    "hajjah",
    "alhaji",
    "ustaz",
    "samdech",
    "cde",
)


def name_norm(s: str | None) -> str:
    s = norm(s)
    stripped = True
    while stripped:
        stripped = False
        for style in STYLES:
            if s.startswith(style + " "):
                s, stripped = s[len(style) + 1 :], True
    return s


TITLE_ABBREVIATIONS = {
    "pm": "prime minister",
    "fm": "foreign minister",
    "dpm": "deputy prime minister",
    "eam": "external affairs minister",
    "vp": "vice president",
}
TENURE = re.compile(r"^(?:newly appointed |newly elected |new |outgoing |incoming |visiting )+")


def title_norm(s: str | None) -> str:
    s = TENURE.sub("", re.sub(r"^the ", "", norm(s)))
    return " ".join(TITLE_ABBREVIATIONS.get(w, w) for w in s.split())


def title_match(a: str | None, b: str | None) -> bool:
    x, y = title_norm(a).split(), title_norm(b).split()
    n = min(len(x), len(y))
    return n > 0 and x[:n] == y[:n]


# ----------------------------------------------------------------------------- generation


@dataclass
class Case:
    text: str
    expect: dict
    forbid: dict


@dataclass
class Capability:
    name: str
    path: Path
    description: str
    kind: str
    publication_date: str | None
    cases: list[Case] = field(default_factory=list)


_fillers_cache: dict | None = None


def fillers() -> dict[str, list[dict]]:
    global _fillers_cache
    if _fillers_cache is None:
        _fillers_cache = tomllib.loads(FILLERS.read_text(encoding="utf-8"))
    return _fillers_cache


def _row(d: dict) -> SimpleNamespace:
    d = dict(d)
    if "pron" in d:
        d["hon"] = "Mr" if d["pron"] == "he" else "Ms"
    for k, v in list(d.items()):
        if isinstance(v, str) and v:
            d.setdefault(k[0].upper() + k[1:], v[0].upper() + v[1:])  # {v.Pron} -> "She"
    return SimpleNamespace(**d)


def _table(spec: str) -> list[SimpleNamespace]:
    m = re.fullmatch(r"(\w+)(?:\[(\w+)\])?", spec)
    if not m:
        raise ValueError(f"bad slot spec {spec!r}")
    rows = fillers()[m.group(1)]
    if m.group(2):
        # a tag, or a pronoun: "people[she]" = the people a text calls "she"
        rows = [r for r in rows if m.group(2) in r.get("tags", []) or r.get("pron") == m.group(2)]
    if not rows:
        raise ValueError(f"no rows for {spec!r}")
    return [_row(r) for r in rows]


STRIDES = [1, 3, 7, 11, 13, 17, 19, 23, 29, 31]


def _fill(obj, env):
    if isinstance(obj, str):
        return obj.format_map(env)
    if isinstance(obj, list):
        return [_fill(x, env) for x in obj]
    if isinstance(obj, dict):
        return {k: _fill(v, env) for k, v in obj.items()}
    return obj


def load(path: Path) -> Capability:
    spec = tomllib.loads(path.read_text(encoding="utf-8"))
    slots = dict(spec.get("slots", {}))
    distinct = slots.pop("distinct", [])
    tables = {k: _table(v) for k, v in slots.items()}
    names = list(tables)
    templates = spec["templates"]
    cap = Capability(
        path.stem,
        path,
        spec.get("description", ""),
        spec.get("kind", "MFT"),
        spec.get("publication_date"),
    )
    max_cases = spec.get("max_cases", 80)
    seen: set[str] = set()
    n = 0
    attempts = 0
    while len(cap.cases) < max_cases and attempts < max_cases * 4:
        attempts += 1
        t = templates[n % len(templates)]
        r = n // len(templates)
        n += 1
        idx = {}
        for j, s in enumerate(names):
            size = len(tables[s])
            stride = next(p for p in STRIDES[j:] + [1] if size % p or p == 1)
            idx[s] = (r * stride + j * 5) % size
        for (
            a,
            b,
        ) in (
            distinct
        ):  # bump the second slot until the rows differ (rows of two tables: their countries)
            if slots[a].split("[")[0] == slots[b].split("[")[0]:
                while (
                    tables[a][idx[a]] is tables[b][idx[b]] or tables[a][idx[a]] == tables[b][idx[b]]
                ):
                    idx[b] = (idx[b] + 1) % len(tables[b])
            elif hasattr(tables[a][idx[a]], "iso") and hasattr(tables[b][idx[b]], "iso"):
                while tables[a][idx[a]].iso == tables[b][idx[b]].iso:
                    idx[b] = (idx[b] + 1) % len(tables[b])
        env = {s: tables[s][idx[s]] for s in names}
        text = t.format_map(env)
        if text in seen:
            continue
        seen.add(text)
        cap.cases.append(
            Case(text, _fill(spec.get("expect", {}), env), _fill(spec.get("forbid", {}), env))
        )
    return cap


def load_dir(d: Path) -> list[Capability]:
    return [load(p) for p in sorted(d.glob("*.toml"))]


# ----------------------------------------------------------------------------- checking

_convert_cache: dict[tuple[str, str | None], dict] = {}


def convert(text: str, publication_date: str | None) -> dict:
    key = (text, publication_date)
    if key not in _convert_cache:
        import visitparse

        _convert_cache[key] = json.loads(
            visitparse.convert(text, publication_date=publication_date).to_json()
        )
    return _convert_cache[key]


def _opt(v):
    return None if v == "none" else v


def check(case: Case, report: dict) -> list[str]:
    """The problems with a report for a case: [] when it passes."""
    people = {p["id"]: p for p in report["people"]}

    def nm(pid):
        return name_norm(people[pid]["name"]) if pid in people else ""

    def happened(x):
        return x.get("status") not in HAPPENED_NOT

    def status_ok(x, want):
        return happened(x) if want in (None, "happened") else x.get("status") == want

    problems = []
    for v in case.expect.get("visit", []):
        want = name_norm(v["visitor"])
        cands = [
            x
            for x in report["visits"]
            if nm(x["visitor"]) == want
            and x["host_country"] == v["host"]
            and status_ok(x, v.get("status"))
        ]
        if not cands:
            problems.append(
                f"missing visit {v['visitor']} -> {v['host']} ({v.get('status', 'happened')})"
            )
            continue
        fields = [(f, k) for f, k in (("start", "start_date"), ("end", "end_date")) if f in v]

        def dates_ok(x, v=v, fields=fields):
            return all((str(x[k]) if x[k] else None) == _opt(v[f]) for f, k in fields)

        if fields and not any(dates_ok(x) for x in cands):
            want_d = "..".join(str(_opt(v[f])) for f, _ in fields)
            got_d = [f"{x['start_date']}..{x['end_date']}" for x in cands]
            problems.append(f"visit {v['visitor']} -> {v['host']}: dates {want_d}, got {got_d}")
    for m in case.expect.get("meeting", []):
        a, b = (name_norm(x) for x in m["between"])
        found = [
            x
            for x in report["meetings"]
            if status_ok(x, m.get("status")) and {a, b} <= {nm(p) for p in x["participants"]}
        ]
        if not found:
            problems.append(
                f"missing meeting {m['between'][0]} + {m['between'][1]} ({m.get('status', 'happened')})"
            )
        elif "date" in m and not any(
            (str(x["date"]) if x["date"] else None) == _opt(m["date"]) for x in found
        ):
            problems.append(
                f"meeting {m['between'][0]} + {m['between'][1]}: date {m['date']}, got {[x['date'] for x in found]}"
            )
    for p in case.expect.get("person", []):
        want = name_norm(p["name"])
        cands = [x for x in report["people"] if name_norm(x["name"]) == want]
        if not cands:
            problems.append(f"missing person {p['name']}")
            continue
        if "title" in p and not any(title_match(x["title"], p["title"]) for x in cands):
            problems.append(
                f"person {p['name']}: title {p['title']!r}, got {[x['title'] for x in cands]}"
            )
        if "title_exact" in p and not any(x["title"] == p["title_exact"] for x in cands):
            problems.append(
                f"person {p['name']}: title exactly {p['title_exact']!r}, got {[x['title'] for x in cands]}"
            )
        if "country" in p and not any(x["country"] == _opt(p["country"]) for x in cands):
            problems.append(
                f"person {p['name']}: country {p['country']}, got {[x['country'] for x in cands]}"
            )
    for v in case.forbid.get("visit", []):
        want = name_norm(v["visitor"])
        if any(
            nm(x["visitor"]) == want and x["host_country"] == v["host"] and happened(x)
            for x in report["visits"]
        ):
            problems.append(f"forbidden visit {v['visitor']} -> {v['host']} reported as happened")
    for m in case.forbid.get("meeting", []):
        a, b = (name_norm(x) for x in m["between"])
        if any(
            happened(x) and {a, b} <= {nm(p) for p in x["participants"]} for x in report["meetings"]
        ):
            problems.append(
                f"forbidden meeting {m['between'][0]} + {m['between'][1]} reported as happened"
            )
    for p in case.forbid.get("person", []):
        if any(name_norm(x["name"]) == name_norm(p["name"]) for x in report["people"]):
            problems.append(f"forbidden person {p['name']}")
    return problems


def summarize(report: dict) -> str:
    """A one-line account of what the converter gave."""
    people = {p["id"]: p for p in report["people"]}

    def nm(pid):
        p = people.get(pid)
        return (p["name"] or f"<{p['title']}>") if p else pid

    ps = "; ".join(f"{p['name']}|{p['title']}|{p['country']}" for p in report["people"])
    vs = "; ".join(
        f"{nm(v['visitor'])}->{v['host_country']} {v['start_date']}..{v['end_date']} {v['status']}"
        for v in report["visits"]
    )
    ms = "; ".join(
        "+".join(nm(p) for p in m["participants"]) + f" {m['status']}" for m in report["meetings"]
    )
    return f"people [{ps}] visits [{vs}] meetings [{ms}]"


@dataclass
class Result:
    cap: Capability
    passed: int
    failures: list[tuple[Case, list[str], dict]]

    @property
    def total(self) -> int:
        return len(self.cap.cases)

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0

    def examples(self, k: int = 3) -> str:
        out = []
        for case, problems, report in self.failures[:k]:
            out.append(
                f"  TEXT: {case.text}\n  WANT: {'; '.join(problems)}\n  GOT:  {summarize(report)}"
            )
        return "\n".join(out)


def run(cap: Capability) -> Result:
    passed, failures = 0, []
    for case in cap.cases:
        report = convert(case.text, cap.publication_date)
        problems = check(case, report)
        if problems:
            failures.append((case, problems, report))
        else:
            passed += 1
    return Result(cap, passed, failures)
