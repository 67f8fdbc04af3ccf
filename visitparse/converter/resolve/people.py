"""Resolve mentions to people: names, surnames, titles, pronouns and groups.

A person is created by a named mention ("Kazakh President Kassym-Jomart Tokayev") or, inside an
event, by an unnamed office holder ("the mayor of Almaty"). Later mentions attach to the most
recent person they fit: a surname or first part of a name ("Liu", "President Xi"), an office
("the Premier", "the Chinese vice president"), a pronoun (the last singular subject), a group
("they", "the two leaders", "the Kazakh leaders"). Nothing is invented for a mention that fits no
one. When two names are one person: names.py; once the whole report is read, `merge_unnamed`
folds an unnamed office holder into the named person he is (the "merge people" pass).
"""

from __future__ import annotations

import itertools
from collections.abc import Set

from ..parse.facts import Mention
from ..parse.islands import collector_paused
from .entity import Entity, _office_fits, _same_office, _title_key
from .names import (
    MISSPELT_LENGTH,
    _keys_without_one,
    _name_parts,
    _one_letter_apart,
    _words_of_name,
    misspelt,
    names_match,
)

LEADER_KINDS = ("head_of_state", "head_of_government")
PRONOUN_GENDER = {
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
}
# people searched for an office or a group: references reach back only so far (and time
# stays linear)
RECENT_WINDOW = 200


class People:
    """The people of one report, in the order they were first named, and who was mentioned last."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.recent: dict[Entity, int] = {}  # every person, least recently mentioned first -> when
        self.by_part: dict[
            str, list[Entity]
        ] = {}  # each part of a name -> the people it is part of
        self.clock = 0
        self.last_subject: Entity | None = None
        self.last_group: list[Entity] = []
        self.headline_end = 0  # mentions before it are the headline's

    # ------------------------------------------------------------ lookup
    def _touch(self, e: Entity) -> Entity:
        self.clock += 1
        self.recent.pop(e, None)
        self.recent[e] = self.clock
        return e

    def _latest(self, n: int = RECENT_WINDOW) -> list[Entity]:
        """The n people mentioned last, most recent first."""
        return list(itertools.islice(reversed(self.recent), n))

    def _index_name(self, e: Entity) -> None:
        for part in {p for name in [e.name or "", *e.nicknames] for p in _name_parts(name)}:
            bucket = self.by_part.setdefault(part, [])
            if e not in bucket:
                bucket.append(e)

    def _by_name(self, name: str, avoid: list[Entity], country: str | None = None) -> Entity | None:
        """The person most recently mentioned whose name this is, or a part or a fuller form of;
        not one in `avoid`; misspelt once, one of no other country than `country`."""
        parts = _name_parts(name)
        candidates = {e for p in set(parts) for e in self.by_part.get(p, ())} - set(avoid)
        fits = [
            e
            for e in candidates
            if e.name
            and (
                names_match(name, e.name)
                or names_match(e.name, name)
                or any(_name_parts(name) == _name_parts(n) for n in e.nicknames)
            )
        ]
        if not fits and any(len(p) >= MISSPELT_LENGTH - 1 for p in parts):
            # "Subramanyam Iyer", "Zhumabaev": an office holder named before, misspelt once
            fits = [
                e
                for e in self._latest()
                if e.titled
                and e.name
                and e not in avoid
                and (country is None or e.country in (None, country))
                and misspelt(name, e.name)
            ]
        return max(fits, key=lambda e: self.recent.get(e, 0)) if fits else None

    def known_by_name(self, mentions: list[Mention]) -> list[Entity]:
        """The people already known by the names of `mentions` (no one is created)."""
        found = (self._by_name(m.name, []) for m in mentions if m.name)
        return [e for e in found if e is not None]

    def resolve_again(
        self, m: Mention, was: Entity, rule: str, avoid: list[Entity]
    ) -> list[Entity]:
        """`m`, resolved to `was`, resolved again to none of `avoid`."""
        was.mentions.pop((m.start, m.end), None)
        return self.resolve(m, create=True, rule=rule, avoid=avoid)

    def _by_title(self, m: Mention, avoid: list[Entity]) -> Entity | None:
        """ "the Prime Minister", "the minister", "the Chinese vice president": the person holding
        that office; among several, the one most often a subject (the story's protagonist). "The
        visiting Greek Prime Minister" is never a prime minister of no known country: a guest's
        nationality is what tells him from the host's own people."""
        keys = {_title_key(t) for t in m.titles}
        leader = "leader" in keys  # "the visiting Lankan leader": a head of state or government
        # "the premier" after "Prime Minister X": one office by two names (both head of government)
        head_of_government = "head_of_government" in m.title_kinds
        fits = [
            e
            for e in self._latest()
            if e not in avoid
            and (
                any(
                    _office_fits(k, _title_key(t))
                    for k in keys
                    for t in [e.title or ""] + e.other_titles
                )
                and (
                    m.country is None
                    or e.country == m.country
                    # "The Bhutanese prime minister" is not the guest visiting Bhutan
                    or e.country is None
                    and not m.visiting
                    and m.country not in e.hosts
                )
                or leader
                and any(k in LEADER_KINDS for k in e.kinds)
                and m.country in (None, e.country)
                or head_of_government
                and "head_of_government" in e.kinds
                and m.country in (None, e.country)
            )
            and (m.place is None or e.place == m.place)
        ]
        # "the visiting Lankan leader" is the one on a visit
        return (
            max(fits, key=lambda e: (m.visiting and e.is_visitor, e.subject_count, len(e.mentions)))
            if fits
            else None
        )

    def _by_pronoun(self, pronoun: str) -> list[Entity]:
        """ "she", "his": the last subject, unless what the text says of that person's gender
        ("Mrs", "Queen") contradicts the pronoun; then the latest person it says it of, else the
        latest office holder it says nothing of."""
        subject = self.last_subject or next(iter(self._latest(1)), None)
        want = PRONOUN_GENDER.get(pronoun)
        if subject is None or want is None or subject.gender in (None, want):
            if subject is not None and want is not None:
                subject.gender = want  # "He said ...": what the text calls him, for "she" later
            return [subject] if subject else []
        latest = self._latest()
        return [
            next((e for e in latest if e.gender == want), None)
            or next(
                (e for e in latest if e is not subject and e.gender is None and e.titled), subject
            )
        ]

    def _serves_possessor(self, m: Mention, e: Entity) -> None:
        """ "X arrived with her Trade Minister Y": Y, of no stated country, serves X's (not when
        "his counterpart", "her host": those are the other side's)."""
        if (
            not m.possessor
            or not m.name
            or m.country
            or e.country
            or "counterpart" in m.title_kinds
        ):
            return
        owners = self._by_pronoun(m.possessor)
        if len(owners) == 1 and owners[0] is not e and owners[0].country:
            e.country, e.country_rule = owners[0].country, "possessive"

    def _new(self, m: Mention) -> Entity:
        e = Entity(
            f"p{len(self.entities) + 1}",
            name=m.name,
            country=m.country,
            organization=m.organization,
            place=m.place,
            country_rule="explicit" if m.country else None,
        )
        self.entities.append(e)
        self._index_name(e)
        return e

    # ------------------------------------------------------------ resolution
    def resolve(
        self, m: Mention, *, create: bool, rule: str, avoid: list[Entity] | None = None
    ) -> list[Entity]:
        """The people `m` refers to; `create` lets an unnamed office holder become a person; a
        name never refers to one in `avoid` (the other items of its list)."""
        if (
            m.owner is not None
        ):  # "US President Donald Trump's special envoy, X": Trump is named too
            self.resolve(m.owner, create=True, rule="owner")
        if m.rule == "pronoun" and m.text == "the latter":
            found = self._latest(1)  # the one named last
        elif m.rule == "pronoun":
            found = self._by_pronoun(m.text)
        elif m.rule == "group":
            found = self._group(m)
        elif m.rule == "relative_subject":
            found = self._latest(1)
        elif m.name:
            e = self._by_name(m.name, avoid or [], m.country)
            if e is None and avoid and not m.titles and self._by_name(m.name, []) in avoid:
                # "PM Lee, Mrs Lee and the delegation": a namesake with no office, a spouse
                return []
            if e is None:
                if not (create or m.titles):
                    return []
                e = self._new(m)
            elif _words_of_name(m.name) > _words_of_name(e.name or ""):
                # the fullest form in the text (initials add nothing: "S.V. Lavrov" after
                # "Sergey Lavrov")
                e.name = m.name
                self._index_name(e)
            if m.nickname and m.nickname not in e.nicknames:
                e.nicknames.append(m.nickname)
                self._index_name(e)
            found = [e]
        elif m.titles:
            e = self._by_title(m, avoid or [])
            if e is None and create:
                e = self._new(m)
                e.add_titles(
                    m.titles, m.title_kinds, headline=m.start < self.headline_end, joined=m.joined
                )
                # "the visiting Greek Prime Minister"
                e.unnamed_guest = m.visiting and m.country is not None
            found = [e] if e else []
        else:
            found = []
        for e in found:
            self._serves_possessor(m, e)
            if m.rule in ("titled", "named"):
                if m.name:  # "the minister" only refers to an office already known
                    e.add_titles(
                        m.titles,
                        m.title_kinds,
                        headline=m.start < self.headline_end,
                        joined=m.joined,
                    )
                if m.country and e.country is None:
                    e.country, e.country_rule = m.country, "explicit"
                if m.organization and e.organization is None:
                    e.organization = m.organization
                if m.place and e.place is None:
                    e.place = m.place
                e.posting = e.posting or m.posting
            e.mentions.setdefault((m.start, m.end), rule)
            self._touch(e)
        return found

    def _group(self, m: Mention) -> list[Entity]:
        if m.couple:
            # "the royal couple": the latest two people of one country; the one named first is the
            # principal, the spouse is no visitor (the corpus rule), so the couple stands for the
            # principal
            latest = self._latest()
            for k, e in enumerate(latest):
                older = next(
                    (p for p in latest[k + 1 :] if e.country and p.country == e.country), None
                )
                if older:
                    return [older]
            return []
        if m.country:  # "the Kazakh leaders"
            same = [e for e in reversed(self._latest()) if e.country == m.country]
            leaders = [e for e in same if any(k in LEADER_KINDS for k in e.kinds)]
            return leaders or same
        # "President X and his wife ... after a tour that took them to": no group yet, the subject
        return list(self.last_group) or ([self.last_subject] if self.last_subject else [])

    def merge_unnamed(
        self, hosts_of: dict[int, set[str]], apart: Set[frozenset[str]] = frozenset()
    ) -> dict[str, Entity]:
        """Fold each unnamed office holder into the one named person he is (`_fold_unnamed`; never
        into one he is told `apart` from: a pair of ids that met or wrote), and a name misspelt
        once into its first spelling (`_fold_misspelt`). Returns old id -> the person it now is;
        the merged ones leave `entities`."""
        merged: dict[str, Entity] = {}
        self._fold_unnamed(hosts_of, apart, merged)
        self._fold_misspelt(merged)
        self.entities = [e for e in self.entities if e.id not in merged]
        return merged

    def _fold_unnamed(
        self,
        hosts_of: dict[int, set[str]],
        apart: Set[frozenset[str]],
        merged: dict[str, Entity],
    ) -> None:
        """Each unnamed office holder into the one named person of the same office and country
        ("the Chinese premier" in a headline, "Chinese Premier Wen Jiabao" in the body), or else
        into the one name of his country that has no office ("Vladimir Putin ..., the Russian
        President"), or else, when he visits a country (`hosts_of`: id -> countries visited), into
        the one named visitor there of his country ("Indian Navy Chief arrives in Sri Lanka", then
        "Admiral R. Hari Kumar arrived in Colombo")."""
        named_by_office: dict[str, list[Entity]] = {}
        for n in self.entities:
            if n.name:
                for t in {_title_key(t) for t in [n.title or ""] + n.other_titles} - {""}:
                    named_by_office.setdefault(t, []).append(n)
        for u in [e for e in self.entities if e.name is None]:
            offices = {_title_key(t) for t in [u.title or ""] + u.other_titles} - {""}
            fits = list(
                dict.fromkeys(
                    n
                    for k in sorted(offices)
                    for n in named_by_office.get(k, ())
                    if n is not u.counterpart_of  # never the one he is the counterpart of
                    # a guest's nationality is stated
                    and not (u.unnamed_guest and n.country is None)
                    and (u.country is None or n.country in (None, u.country))
                    and (u.place is None or n.place in (None, u.place))
                )
            )
            if not fits:
                # "Secretary-General" in a headline, "United Nations Secretary-General Ban" in the
                # body: the one named person whose office the unnamed one's says in short
                fits = list(
                    dict.fromkeys(
                        n
                        for n in self.entities
                        if n.name
                        and n is not u.counterpart_of
                        and not (u.unnamed_guest and n.country is None)
                        and (u.country is None or n.country in (None, u.country))
                        and (u.place is None or n.place in (None, u.place))
                        and any(
                            _office_fits(k, _title_key(t))
                            # "his Australian counterpart" (Foreign Minister), then "the
                            # Australian minister, Penny Walsh": the name says its head word; a
                            # minister is no prime minister nor president
                            or u.counterpart_of is not None
                            and _office_fits(_title_key(t), k)
                            and not any(kind in LEADER_KINDS for kind in u.kinds)
                            for k in offices
                            for t in [n.title or "", *n.other_titles]
                            if t
                        )
                    )
                )
            if not fits and u.country:
                # "Vladimir Putin ..., the Russian President": the one untitled name of his country
                untitled = [
                    n for n in self.entities if n.name and not n.title and n.country == u.country
                ]
                if len(untitled) == 1 and u.title:
                    untitled[0].add_titles([u.title], u.kinds[:1])
                    fits = untitled
            if not fits and hosts_of.get(id(u)):
                fits = [
                    n
                    for n in self.entities
                    if n.name
                    and hosts_of.get(id(n), set()) & hosts_of[id(u)]
                    and (u.country is None or n.country in (None, u.country))
                ]
            fits = [n for n in fits if frozenset((u.id, n.id)) not in apart]
            if len(fits) == 1:
                _absorb(fits[0], u, merged)

    def _fold_misspelt(self, merged: dict[str, Entity]) -> None:
        """ "Phankham Viphavanh", later "Phakham Viphavanh": a typo. Names one letter apart share
        their office and all parts but one, so each name is filed under its office and each part
        left out; only the names filed with it are compared (linear, where all pairs were
        quadratic)."""
        filed: dict[tuple, list[tuple[int, Entity]]] = {}
        named = [e for e in self.entities if e.name and e.title and e.id not in merged]
        with collector_paused():  # the index holds a few keys per name, all kept to the end
            for k, later in enumerate(named):
                parts = _name_parts(later.name or "")
                keys = _keys_without_one(_title_key(later.title or ""), parts)
                # each checked once
                candidates = {j: e for key in keys for j, e in filed.get(key, ())}
                first = min(
                    (
                        (j, e)
                        for j, e in candidates.items()
                        if _same_office(e, later)
                        and _one_letter_apart(_name_parts(e.name or ""), parts)
                    ),
                    key=lambda je: je[0],
                    default=None,
                )
                if first:
                    _absorb(first[1], later, merged)
                    continue
                for key in keys:
                    filed.setdefault(key, []).append((k, later))

    def renumber(self) -> dict[str, str]:
        """Ids p1, p2, ... in first-mention order again after merging; returns old id -> new id."""
        self.entities.sort(key=lambda e: min((s for s, _ in e.mentions), default=0))
        renamed = {}
        for k, e in enumerate(self.entities, 1):
            renamed[e.id] = f"p{k}"
            e.id = f"p{k}"
        return renamed

    def note_subject(self, people: list[Entity]) -> None:
        for e in people:
            e.subject_count += 1
        if len(people) == 1:
            self.last_subject = people[0]
        elif len(people) > 1:
            self.last_group = list(people)

    def note_meeting(self, people: list[Entity]) -> None:
        if len(people) > 1:
            self.last_group = list(people)


def _absorb(keep: Entity, gone: Entity, merged: dict[str, Entity]) -> None:
    """`gone` is `keep`: his mentions and country go to `keep`, his id is noted in `merged`."""
    for span, rule in gone.mentions.items():
        keep.mentions.setdefault(span, rule)
    keep.country = keep.country or gone.country
    if gone.counterpart_of is not None and gone.title:
        # "his Australian counterpart", then "the Australian minister, Penny Walsh": the fuller
        # office of the counterpart is hers ("Foreign Minister", which "minister" says in short)
        keep.add_titles([gone.title], gone.kinds[:1])
    merged[gone.id] = keep
