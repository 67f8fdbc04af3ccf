"""`visitparse view`: one self-contained HTML page showing reports with their facts.

Each report's text is cut into segments at every boundary of every span (mentions, places,
dates, organisations, trigger words, evidence); a segment carries its character range, so a
little plain JavaScript can highlight any fact's evidence by range. Sentences whose trigger words
no rule covered are marked, so the gaps show. Everything from the report is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .converter import InputError, convert
from .converter.vocabulary import CLAUSE_TRIGGERS as TRIGGERS
from .records import read_jsonl_file
from .schema import Report, Span, Visit

KINDS = {"DATE": "date", "PLACE": "place", "PLACES": "place", "COUNTRY": "place", "ORG": "org"}


@dataclass
class Page:
    """One report to show: its id, text (None for a batch output line) and what was found."""

    id: str
    report: Report | None
    text: str | None = None
    marks: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, css class)
    gaps: list[tuple[int, int]] = field(default_factory=list)  # sentences with uncovered triggers
    error: str | None = None


def page_from_text(doc_id: str, text: str) -> Page:
    page = Page(doc_id, None, text)

    def on_sentence(start, end, tokens, islands):
        inside = {k for isl in islands for k in range(isl.start, isl.end)}
        for k, t in enumerate(tokens):
            if t.type in KINDS and not (t.type == "ORG" and t.data.institution):
                page.marks.append((t.start_pos, t.end_pos, KINDS[t.type]))
            elif t.type in TRIGGERS:
                page.marks.append((t.start_pos, t.end_pos, "trigger"))
            if (
                t.type in TRIGGERS
                and k not in inside
                and (not page.gaps or page.gaps[-1] != (start, end))
            ):
                page.gaps.append((start, end))

    page.report = convert(text, on_sentence=on_sentence)
    for p in page.report.people:
        page.marks.extend((m.start, m.end, "person") for m in p.mentions)
    return page


def page_of_record(record) -> Page:
    """The page of one input record (visitparse.records.Record): an error page for a record that
    could not be read, a batch output line whose report is not a report, or a text that does not
    convert; never an exception."""
    if record.error:
        return Page(record.id, None, error=record.error["message"])
    if "report" in record.meta and record.text is None:
        try:
            return Page(record.id, Report.model_validate(record.meta["report"]))
        except ValidationError as e:
            return Page(
                record.id,
                None,
                error=f"not a report: {e.error_count()} error(s), the first at "
                f"{'.'.join(map(str, e.errors()[0]['loc'])) or 'the top'}: {e.errors()[0]['msg']}",
            )
        except (ValueError, TypeError, RecursionError) as e:
            return Page(record.id, None, error=f"not a report: {type(e).__name__}")
    try:
        return page_from_text(record.id, record.text)
    except InputError as e:
        return Page(record.id, None, error=str(e))
    except Exception as e:  # a converter bug: one page shows it, the others still render
        return Page(record.id, None, error=f"internal error: {type(e).__name__}: {e}")


def pages_from_batch_output(path: Path) -> list[Page]:
    return [page_of_record(r) for r in read_jsonl_file(Path(path), str(path), "strict")]


# ---------------------------------------------------------------- rendering


def _e(s) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _facts(report: Report) -> list[tuple[str, str, Span]]:
    """(kind, label, evidence) of every fact, for the sidebar."""
    names = {p.id: p.name or f"the {p.title or 'unnamed person'}" for p in report.people}

    def who(ids):
        return ", ".join(names.get(i, i) for i in ids)

    out: list[tuple[str, str, Span]] = []
    for v in report.visits:
        dates = (
            " to ".join(d.isoformat() for d in (v.start_date, v.end_date) if d) or "dates unknown"
        )
        where = f" ({', '.join(v.places)})" if v.places else ""
        out.append(
            (
                "visit",
                f"{names.get(v.visitor)} \u2192 {v.host_country}{where}, {dates}, {v.status}",
                v.evidence,
            )
        )
    for m in report.meetings:
        out.append(
            (
                "meeting",
                f"{who(m.participants)}{', ' + m.date.isoformat() if m.date else ''}, {m.status}",
                m.evidence,
            )
        )
    for g in report.messages:
        out.append(
            (
                "message",
                f"{g.kind}: {who(g.senders)} \u2192 {who(g.recipients)}"
                f"{' via ' + names.get(g.carrier, '') if g.carrier else ''}",
                g.evidence,
            )
        )
    for s in report.statements:
        out.append(("statement", f"{who(s.speakers)} {s.verb}: {s.content or ''}", s.evidence))
    for a in report.agreements:
        out.append(("agreement", f"{who(a.parties)}: {a.kind} {a.subject or ''}", a.evidence))
    return out


def _text_html(page: Page, evidences: list[Span]) -> str:
    text = page.text or ""
    boundaries = {0, len(text)}
    for s, e, _ in page.marks:
        boundaries.update((s, e))
    for ev in evidences:
        boundaries.update((ev.start, ev.end))
    for s, e in page.gaps:
        boundaries.update((s, e))
    cuts = sorted(c for c in boundaries if 0 <= c <= len(text))
    # a sweep over the cut points: the classes open at each segment, in linear time
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for s, e, c in page.marks + [(s, e, "gap") for s, e in page.gaps]:
        if s < e:
            opens.setdefault(s, []).append(c)
            closes.setdefault(e, []).append(c)
    active: Counter = Counter()
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active.subtract(closes.get(a, []))
        active.update(opens.get(a, []))
        classes = " ".join(sorted(c for c, n in active.items() if n > 0))
        parts.append(
            f'<span class="seg {classes}" data-a="{a}" data-b="{b}">{_e(text[a:b])}</span>'
        )
    return "".join(parts)


def _visit_days(v: Visit) -> tuple[dt.date, dt.date] | None:
    """A visit's first and last day (the one known standing for both), or None: undated."""
    start, end = v.start_date or v.end_date, v.end_date or v.start_date
    if start is None or end is None:
        return None
    return start, end


def _timeline(report: Report) -> str:
    dated = [(v, days) for v in report.visits if (days := _visit_days(v)) is not None]
    if not dated:
        return ""
    first = min(start for _, (start, _) in dated)
    last = max(end for _, (_, end) in dated)
    span = max((last - first).days + 1, 1)
    names = {p.id: p.name or p.title for p in report.people}
    bars = []
    for v, (s, e) in dated:
        left, width = 100 * (s - first).days / span, max(100 * ((e - s).days + 1) / span, 2)
        bars.append(
            f'<div class="bar" style="margin-left:{left:.1f}%;width:{width:.1f}%" '
            f'title="{_e(names.get(v.visitor))} \u2192 {_e(v.host_country)}: {_e(s)} to {_e(e)}">'
            f"{_e(names.get(v.visitor))} \u2192 {_e(v.host_country)}</div>"
        )
    return (
        '<div class="timeline"><div class="axis">'
        f"<span>{_e(first)}</span><span>{_e(last)}</span></div>" + "".join(bars) + "</div>"
    )


def _report_html(k: int, page: Page) -> str:
    if page.report is None:
        return (
            f'<section class="report" id="r{k}"><h2>{_e(page.id)}</h2>'
            f'<p class="error">{_e(page.error)}</p></section>'
        )
    facts = _facts(page.report)
    items = "".join(
        f'<li class="fact {kind}" tabindex="0" data-start="{ev.start}" data-end="{ev.end}" '
        f'title="rule: {_e(ev.rule)}">'
        f"<b>{kind}</b> {_e(label)}<small>rule: {_e(ev.rule)}</small>"
        + ("" if page.text is not None else f"<q>{_e(ev.text)}</q>")
        + "</li>"
        for kind, label, ev in facts
    )
    gaps = "".join(f"<li>{_e((page.text or '')[s:e][:160])}</li>" for s, e in page.gaps)
    body = (
        f'<div class="text">{_text_html(page, [f[2] for f in facts])}</div>'
        if page.text is not None
        else '<p class="note">The batch output holds no source text: '
        "each fact shows its evidence.</p>"
    )
    return (
        f'<section class="report" id="r{k}"><h2>{_e(page.report.document.title or page.id)}</h2>'
        f'<p class="meta">{_e(page.id)} \u00b7 published '
        f"{_e(page.report.document.publication_date or 'unknown')}</p>"
        f'{_timeline(page.report)}<div class="cols">{body}<aside><ul class="facts">{items}</ul>'
        + (
            f'<h3>Sentences with trigger words no rule covered</h3><ul class="gaps">{gaps}</ul>'
            if gaps
            else ""
        )
        + "</aside></div></section>"
    )


# a backslash ending a line joins the next line to it: long rules stay one line in the page
STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#243447;color:#fff} header h1{margin:0;font-size:18px}
nav{padding:8px 20px;background:#eef1f4} nav li{display:inline-block;margin-right:16px}
.report{margin:16px 20px;padding:16px;background:#fff;border:1px solid #ddd;border-radius:6px}
.report h2{margin:0 0 4px;font-size:17px} .meta{color:#666;margin:0 0 10px;font-size:13px}
.cols{display:flex;gap:20px} .text{flex:3;white-space:pre-wrap} aside{flex:2}
.person{background:#dbeafe} .place{background:#dcfce7} .date{background:#fef3c7} \
.org{background:#ede9fe}
.trigger{font-weight:600;border-bottom:2px solid #f97316}
.gap{text-decoration:underline dotted #dc2626}
.seg.hl{background:#fca5a5;box-shadow:0 2px 0 #dc2626}
.facts{list-style:none;padding:0;margin:0} \
.fact{padding:6px 8px;margin-bottom:6px;border-left:4px solid #999;cursor:pointer;\
background:#f6f7f9}
.fact.visit{border-color:#16a34a} .fact.meeting{border-color:#2563eb} \
.fact.message{border-color:#9333ea}
.fact.statement{border-color:#f97316} .fact.agreement{border-color:#0891b2} \
.fact.active{background:#fee2e2}
.fact small{display:block;color:#777} .fact q{display:block;color:#444;font-style:italic}
.timeline{margin:8px 0 12px;padding:6px;background:#f1f5f9;border-radius:4px}
.axis{display:flex;justify-content:space-between;font-size:12px;color:#555}
.bar{background:#16a34a;color:#fff;font-size:12px;padding:1px 4px;margin:2px 0;border-radius:3px;\
white-space:nowrap;overflow:hidden}
.error{color:#b91c1c} .gaps li{color:#b91c1c;font-size:13px}
"""

SCRIPT = """
document.querySelectorAll('.fact').forEach(function (fact) {
  function show(on) {
    var report = fact.closest('.report');
    var a = +fact.dataset.start, b = +fact.dataset.end;
    report.querySelectorAll('.seg').forEach(function (seg) {
      var inside = +seg.dataset.a >= a && +seg.dataset.b <= b;
      seg.classList.toggle('hl', on && inside);
    });
    report.querySelectorAll('.fact').forEach(function (f) { \
f.classList.toggle('active', on && f === fact); });
  }
  fact.addEventListener('mouseenter', function () { show(true); });
  fact.addEventListener('click', function () {
    show(true);
    var first = fact.closest('.report').querySelector('.seg.hl');
    if (first) { first.scrollIntoView({block: 'center'}); }
  });
  fact.addEventListener('focus', function () { show(true); });
});
"""


def render(pages: list[Page]) -> str:
    index = "".join(
        f'<li><a href="#r{k}">{_e(p.id)}</a> ({len(p.report.visits) if p.report else 0} visits, '
        f"{len(p.report.meetings) if p.report else 0} meetings)</li>"
        for k, p in enumerate(pages)
    )
    reports = "".join(_report_html(k, p) for k, p in enumerate(pages))
    title = f"visitparse: {len(pages)} report{'s' * (len(pages) != 1)}"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        f"<title>{title}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>{title}</h1></header>"
        f"<nav><ul>{index}</ul></nav>{reports}<script>{SCRIPT}</script></body></html>\n"
    )
