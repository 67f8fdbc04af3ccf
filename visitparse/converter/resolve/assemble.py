"""The resolve stage's entry: turn the clauses of a report into its records, then finish what needs
the whole text.

`ReportBuilder` reads the clauses in text order (`add_clause`, `add_people`, `add_organization`:
clauses.py) into one `ReportState` (state.py); `report` runs the passes (`RESOLVE_PASSES`,
passes.py) and returns the `Report` (output.py).
"""

from __future__ import annotations

import datetime as dt

from ... import schema
from ..tag.lexicon import Lexicon
from .clauses import ClauseReader
from .knowledge import Knowledge
from .output import to_report
from .passes import RESOLVE_PASSES, ResolvePass, run_passes
from .records import place_of_dateline
from .state import ReportState


class ReportBuilder(ClauseReader):
    """One report's resolution: its clauses in text order, then `report()`."""

    # What only the whole report tells, in order (passes.py); a test may leave one out.
    passes: tuple[ResolvePass, ...] = RESOLVE_PASSES

    def __init__(
        self,
        original: str,
        clean: str,
        lex: Lexicon,
        dct: dt.date | None,
        dateline_place: str | None,
        knowledge: Knowledge | None = None,
        headline_end: int = 0,
    ):
        super().__init__(
            ReportState(
                original, clean, lex, dct, place_of_dateline(lex, dateline_place), knowledge
            )
        )
        # the headline abbreviates offices: the body's first one is the title (corpus rule)
        self.state.people.headline_end = headline_end

    def report(self, document: schema.Document) -> schema.Report:
        """Run the passes over what the clauses told, and return the report."""
        run_passes(self.state, self.passes)
        return to_report(self.state, document)
