"""The resolve stage: the facts of each clause -> people and records -> the Report.

`ReportBuilder` (assemble.py) is the entry: the converter feeds it each clause and person phrase
in text order, then asks for the report.

  per clause    clauses.py          ClauseReader: people, dates, messages, statements, agreements
                clause_visits.py    a visit event, in the steps of record_visit
                clause_meetings.py  a meeting event, in the steps of record_meeting
                reading.py          the reader's cursor; people and dates of a clause
  shared state  state.py            ReportState: people, visits, meetings and their indexes
                records.py          VisitRec, MeetingRec
  whole report  passes.py           RESOLVE_PASSES: the ordered passes, each with its reason
                merge.py            merge people
                countries.py        knowledge, dateline, companions, family names, main host
                counterparts.py     "his Hungarian counterpart X"
                visits.py           visits implied, their places and one-day dates
                output.py           the Report: idle names dropped, ids renumbered
  people        people.py           People: mentions -> persons (names.py, entity.py)
  knowledge     knowledge/          office holders and cities the text does not give
  dates         dates.py            time expressions -> dates, against the publication date
  events        events.py           the report's visits and meetings as CAMEO/PLOVER events
"""

from __future__ import annotations

from .assemble import ReportBuilder
from .passes import RESOLVE_PASSES, ResolvePass
from .state import ReportState

__all__ = ["RESOLVE_PASSES", "ReportBuilder", "ReportState", "ResolvePass"]
