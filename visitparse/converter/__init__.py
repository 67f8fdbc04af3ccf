"""The converter: text -> Report, in four stages, each a sub-package.

  text     normalize (same-length cleaning), document (title, date, dateline), sentences
  tag      the tagger: typed tokens from the lexicon tables; then tag.context.CONTEXT_PASSES
  parse    sentence.read: person phrases (grammar/people.lark) made single tokens, then LALR
           islands of grammar/clauses.lark over them -> mentions, events, clauses
  resolve  per clause: ReportBuilder.add_clause; per report: resolve.passes.RESOLVE_PASSES

`vocabulary` says which words name events; `isodates` reads ISO dates; `explain` traces a run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from .. import schema
from . import limits
from .errors import InputError
from .isodates import parse_date
from .parse.person_phrases import organizations
from .parse.sentence import read as read_sentence
from .resolve import events
from .resolve.assemble import ReportBuilder
from .resolve.knowledge import knowledge_for
from .tag.lexicon import words
from .tag.tagger import tagger_for
from .text import document, sentences
from .text.normalize import normalize

__all__ = ["convert", "InputError"]


# Called once per sentence with (start, end, tokens, clause islands); `explain` listens here.
SentenceHook = Callable[[int, int, list, list], None]


def convert(
    text: str,
    *,
    publication_date: dt.date | str | None = None,
    lexicon: str | Path | None = None,
    max_chars: int = limits.MAX_CHARS,
    on_sentence: SentenceHook | None = None,
    knowledge: bool = True,
) -> schema.Report:
    """Convert one report's text into a validated `Report`.

    Args:
        text: the report as published (clutter and all).
        publication_date: the document creation time that relative dates resolve against;
            defaults to what the text says (a ` date YYYY-MM-DD` prefix or a wire dateline).
        lexicon: a user lexicon (directory of TSV tables or a TOML file) added to the package's.
        max_chars: the longest text accepted (default 5,000,000 characters).
        on_sentence: an observer of each sentence's tokens and clause islands (for `explain`).
        knowledge: let the office-holder tables give the country of a named office holder whose
            country the text never states (False: facts from the text alone).

    Returns:
        The report; every span's `text` equals `text[start:end]`.

    Raises:
        InputError: `text` is not a string, is longer than `max_chars`, holds a NUL character,
            or `publication_date` is not an ISO date.
    """
    limits.check(text, max_chars)
    dct = _iso_date(publication_date)
    user = str(lexicon) if lexicon else None
    tagger = tagger_for(user)
    lex = tagger.lex
    known = knowledge_for(user) if knowledge else None
    cities = known.city_country if known else None  # the gazetteer places unknown cities
    clean = normalize(text)
    info = document.read(text, clean, dct, lambda place: words(place) in lex.places)
    builder = ReportBuilder(
        text,
        clean,
        lex,
        info.publication_date,
        info.dateline_place,
        known,
        headline_end=info.headline_end,
    )
    for start, end in sentences.split(clean):
        tokens = tagger.tag(clean, start, end, cities)  # tag: lexicon tokens, CONTEXT_PASSES
        sentence = read_sentence(tokens)  # parse: clause and person-phrase islands
        builder.previous_end = None
        for reading in sentence.readings:  # resolve, clause by clause
            if reading.kind == "clause":
                builder.add_clause(reading.facts, (start, end))
            else:
                builder.add_people(reading.facts, sentence_initial=reading.sentence_initial)
            builder.previous_end = reading.end
        if on_sentence:
            on_sentence(start, end, sentence.tokens, sentence.clauses)
        for t in organizations(sentence.tokens):
            builder.add_organization(t.org.name, t.org.acronym, t.start_pos, t.end_pos)
    doc = schema.Document(
        title=info.title,
        publication_date=info.publication_date,
        dateline=schema.Dateline(place=info.dateline_place, agency=info.dateline_agency)
        if info.dateline_place
        else None,
    )
    report = builder.report(doc)
    report.events = events.derive(report)
    return report


def _iso_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return parse_date(value)
    except ValueError:
        raise InputError(
            f"publication_date must be an ISO date (YYYY-MM-DD), got {value!r}"
        ) from None
