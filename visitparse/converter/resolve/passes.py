"""What only the whole report tells, in order: the resolve stage's passes over its state.

Each pass is a named function over the `ReportState` the clauses filled, with its one-line
reason. A pass written twice runs again on what the passes between gave it. The order is the
rule: a cue the text gives comes before the guesses of the story, the weakest cues last.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .counterparts import counterparts
from .countries import (
    dateline_countries,
    dateline_hosts,
    family_names,
    infer_countries,
    known_office_holders,
    main_host_officials,
)
from .merge import merge_people
from .state import ReportState
from .visits import (
    arrival_days_told_apart,
    arrivals_told_now,
    departure_days_told_apart,
    earlier_stops,
    hosts_from_those_met,
    infer_visits,
    lengths_told_apart,
    one_day_visits_dated_by_meetings,
    placed_abroad,
    undo_one_day_visits,
    visit_places,
)


@dataclass(frozen=True)
class ResolvePass:
    name: str
    run: Callable[[ReportState], None]
    reason: str


# fmt: off
RESOLVE_PASSES: tuple[ResolvePass, ...] = (
    ResolvePass("merge people", merge_people,
                '"Liu" and "Liu Guozhong", unnamed office holders'),
    ResolvePass("knowledge", known_office_holders,
                "after the text's own cues, before the story's guesses"),
    ResolvePass("dateline hosts", dateline_hosts,
                '"AMMAN - King Abdullah received ..."'),
    ResolvePass("infer countries", infer_countries,
                "companions, envoys' postings, the host of a guest met"),
    ResolvePass("counterparts", counterparts,
                '"his Bhutanese counterpart X" holds the office of the one he meets'),
    ResolvePass("family names", family_names,
                '"First Lady Melania Trump" shares the country of her family'),
    ResolvePass("infer visits", infer_visits,
                "a guest received, a meeting in a foreign place"),
    ResolvePass("infer countries again", infer_countries,
                "the hosts of the visits just found"),
    ResolvePass("merge people again", merge_people,
                '"Vladimir Putin ..., the Russian President"'),
    ResolvePass("dateline countries", dateline_countries,
                '"ASTANA - Deputy Prime Minister X paid a visit to Belarus"'),
    ResolvePass("infer visits again", infer_visits,
                '"SINGAPORE - Prime Minister Lee met ... in Beijing"'),
    ResolvePass("main host officials", main_host_officials,
                "the weakest cue of all: after the dateline's"),
    ResolvePass("hosts of visits told without one", hosts_from_those_met,
                '"talks with X ... on the last day of the minister\'s visit"'),
    ResolvePass("placed at events abroad", placed_abroad,
                '"attended the summit in Addis Ababa"'),
    ResolvePass("earlier stops", earlier_stops,
                '"arrived in Lima from Quito": Ecuador, if not home'),
    ResolvePass("visit places", visit_places,
                'where the visitor met people: "the mayor of Almaty"'),
    ResolvePass("lengths told apart", lengths_told_apart,
                '"during his three-day stay" told before the visit: its one visit\'s length'),
    ResolvePass("arrival days told apart", arrival_days_told_apart,
                '"She arrived on Monday", no place: the day her one visit began'),
    ResolvePass("departure days told apart", departure_days_told_apart,
                '"X departed Jeddah on Tuesday" before the visit was known: its end'),
    ResolvePass("arrivals told now", arrivals_told_now,
                '"has arrived in Lima", no date anywhere: on the day of the report'),
    ResolvePass("one-day visits dated by meetings", one_day_visits_dated_by_meetings,
                '"on a one-day visit ... held talks with Y on Tuesday": that Tuesday'),
    ResolvePass("one-day visits", undo_one_day_visits,
                "a visitor who met people there on another day"),
)
# fmt: on


def run_passes(state: ReportState, passes: tuple[ResolvePass, ...] = RESOLVE_PASSES) -> None:
    """Run `passes` in order over `state`."""
    for p in passes:
        p.run(state)
