"""The passes that give people the country the text does not state next to their name.

Each sets `country` only where it is still unknown, and says how in `country_rule`: the text's
own cues first (companions, postings, the host of a guest met, a carrier of greetings), then the
knowledge tables, the dateline, the one country a report's visits go to.
"""

from __future__ import annotations

from ...schema import HAPPENED
from .entity import Entity
from .state import ReportState


def infer_countries(state: ReportState) -> None:
    """Office holders without a stated country serve the country that hosts the visitor they meet,
    or the country an ambassador they meet is sent to; those who accompany someone serve that
    one's country, and he theirs when only they have one."""
    _from_companions(state)
    hosted = _first_hosts(state)
    _from_envoy_postings(state)
    _from_visitors_met(state, hosted)
    _from_message_carriers(state, hosted)


def _from_companions(state: ReportState) -> None:
    """ "Accompanying the President are PLO Secretary-General X, ...": his delegation is his
    country's; the principal's country is that of those who accompany him when only they have
    one."""
    for principal, companions in state.companions:
        known = {e.country for e in companions if e.country}
        if len(principal) == 1 and principal[0].stateless_office_holder and len(known) == 1:
            principal[0].country, principal[0].country_rule = known.pop(), "companions"
        for e in companions:
            if (
                e.country is None
                and e.organization is None
                and len(principal) == 1
                and principal[0].country
            ):
                e.country, e.country_rule = principal[0].country, "companion"


def _first_hosts(state: ReportState) -> dict[str, str]:
    """Visitor id -> the first country they visit (the report's main visit)."""
    hosted: dict[str, str] = {}
    for v in state.visits:
        if v.status in HAPPENED and v.host != v.visitor.country:  # not "home to Brasilia"
            hosted.setdefault(v.visitor.id, v.host)
    return hosted


def _from_envoy_postings(state: ReportState) -> None:
    """ "Ambassador to Nepal X called on Prime Minister Y": Y is Nepal's. Only face to face: in a
    line of greeters, an ambassador's posting says nothing of the others."""
    for m in state.meetings:
        postings = {p.posting for p in m.participants if p.posting}
        if len(postings) == 1 and len(m.participants) == 2:
            for p in m.participants:
                if p.stateless_office_holder and p.posting is None:
                    p.country, p.country_rule = next(iter(postings)), "envoy_posting"


def _from_visitors_met(state: ReportState, hosted: dict[str, str]) -> None:
    """One of no country who meets a visitor serves the country that hosts him (or the country of
    the meeting's place)."""
    for m in state.meetings:
        hosts = (
            {m.place_country}
            if m.place_country
            else {hosted[p.id] for p in m.participants if p.id in hosted}
        )
        if (
            m.place_country
            and not any(p.id in hosted for p in m.participants)
            and any(p.country == m.place_country for p in m.participants)
        ):
            # a local is there already: the one without a country may as well be the guest
            continue
        if m.place_country and not any(p.country or p.id in hosted for p in m.participants):
            # "A and B met in Vientiane": no one there is known, so no one is known to be local
            continue
        for p in m.participants:
            if (
                p.country is None
                and p.organization is None
                and p.id not in hosted
                and len(hosts) == 1
            ):
                p.country, p.country_rule = next(iter(hosts)), "meets_visitor"


def _from_message_carriers(state: ReportState, hosted: dict[str, str]) -> None:
    """ "conveyed greetings from A to B": A is at home with the carrier, B hosts him; "asked Liu to
    convey their greetings to B": the other way round."""
    for msg in state.messages:
        carrier = next((e for e in state.people.entities if e.id == msg.carrier), None)
        if carrier is None:
            continue
        home, away = (
            (msg.recipients, msg.senders)
            if msg.evidence.rule == "ask_convey"
            else (msg.senders, msg.recipients)
        )
        for pid in home:
            e = state.entity(pid)
            if e and e.country is None and carrier.country:
                e.country, e.country_rule = carrier.country, "carrier_country"
        for pid in away:
            e = state.entity(pid)
            if e and e.country is None and carrier.id in hosted:
                e.country, e.country_rule = hosted[carrier.id], "carrier_host"


def known_office_holders(state: ReportState) -> None:
    """A named office holder whose country the text never gives ("President Obama welcomed ...")
    serves the country the knowledge tables give for that name and office on the report's date
    (the publication date, else the day their visit began)."""
    if state.knowledge is None:
        return
    began = {id(v.visitor): v.start_date for v in state.visits if v.start_date}
    for e in state.people.entities:
        if e.name and e.country is None and e.organization is None and (e.title or e.other_titles):
            holding = state.knowledge.holder(e.name, e.title, state.dct or began.get(id(e)))
            if holding is not None:
                e.country, e.country_rule = holding.country, holding.source


def family_names(state: ReportState) -> None:
    """A spouse who shares a family name ("First Lady Melania Trump") shares the country: the
    first person of known country with that family name (two words or more)."""
    by_family: dict[str, list[Entity]] = {}
    for k in state.people.entities:
        if k.country and k.name and len(k.name.split()) > 1:
            by_family.setdefault(k.name.split()[-1], []).append(k)
    for e in state.people.entities:
        if e.country is None and e.name and len(e.name.split()) > 1:
            kin = [k for k in by_family.get(e.name.split()[-1], ()) if k is not e]
            if kin:
                e.country, e.country_rule = kin[0].country, "family_name"


def dateline_hosts(state: ReportState) -> None:
    """ "AMMAN - King Abdullah received ...": before the other inferences, only those who receive
    guests take the dateline's country (see `dateline_countries`)."""
    _dateline_countries(state, hosts_only=True)


def dateline_countries(state: ReportState) -> None:
    """ "ASTANA - Deputy Prime Minister X paid a visit to Belarus": an office holder of no stated
    country, not a visitor to the dateline's country, is its own."""
    _dateline_countries(state, hosts_only=False)


def _dateline_countries(state: ReportState, *, hosts_only: bool) -> None:
    if not state.dateline:
        return
    home = state.dateline[0]
    # a host whose guest is visiting another country is that country's ("granted an audience
    # with the King")
    hosts = (
        {
            id(h)
            for m in state.meetings
            for h in m.hosts
            if not any(state.hosts_of.get(id(g), set()) - {home} for g in m.guests)
        }
        if hosts_only
        else None
    )
    for e in state.people.entities:
        if hosts is not None and id(e) not in hosts:
            continue
        if e.stateless_office_holder and home not in state.hosts_of.get(id(e), set()):
            e.country, e.country_rule = home, "dateline"


def main_host_officials(state: ReportState) -> None:
    """ "Wang Yi arrived in Belgrade ... Present were Minister of Finance A and Minister of Trade
    B": in a report of visits to one country, an office holder of no known country who visits
    nothing and travels with no one is that country's (the host's officials need no demonym)."""
    hosts = {v.host for v in state.visits if v.status in HAPPENED and v.host != v.visitor.country}
    if len(hosts) != 1:
        return
    host = next(iter(hosts))
    travelling = {id(e) for _, companions in state.companions for e in companions}
    for e in state.people.entities:
        # a spokesman speaks for his own side, as often the guest's as the host's
        if (
            e.stateless_office_holder
            and not state.hosts_of.get(id(e))
            and id(e) not in travelling
            and "spokesperson" not in e.kinds
        ):
            e.country, e.country_rule = host, "main_host"
