"""A person of the report, and how the offices said of them compare."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..tag.lexicon import fold

# kinds of title that are no state or government office
NOT_OFFICES = frozenset(("party", "rank", "counterpart", "military", "royal", "spouse"))


@dataclass(eq=False)  # a person is itself: identity, not field equality
class Entity:
    id: str
    name: str | None = None
    nicknames: list[str] = field(default_factory=list)  # "Jokowi": names him alone
    title: str | None = None
    other_titles: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    country: str | None = None
    country_rule: str | None = None  # how the country was found
    organization: str | None = None
    place: str | None = None
    posting: str | None = None  # "Ambassador to Nepal": the country he is sent to
    # (start, end) -> rule: one span, one mention (its first role)
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)
    titled: bool = False  # the text gives this person an office
    subject_count: int = 0  # clauses with this person as subject
    is_visitor: bool = False  # on a visit somewhere in this report
    hosts: set[str] = field(default_factory=set)  # the countries of those visits
    # "his Greek counterpart": holds the office of this other person (counterparts.py)
    counterpart_of: Entity | None = None
    unnamed_guest: bool = False  # known only as "the visiting Greek Prime Minister"
    # "f" or "m" where a form of address or an office says it ("Mrs", "Queen")
    gender: str | None = None
    headline_title: bool = False  # the title so far is only the headline's
    joined: tuple[str, ...] = ()  # the title with the offices the text joins to it by "and"

    def add_titles(
        self,
        titles: list[str],
        kinds: list[str],
        *,
        headline: bool = False,
        joined: tuple[str, ...] = (),
    ) -> None:
        """The offices a mention gives; the first is the title, except that the first office the
        body gives beats the headline's ("FM Wang" in the headline, "State Councilor and Foreign
        Minister Wang Yi" in the body: the corpus rule). `joined`: offices the text joins by "and",
        written as one title when the first of them is the title."""
        had = self.title
        first = kinds[: len(joined)]
        if "party" in first or "spouse" in first or first.count("head_of_state") > 1:
            # "State Councilor and member of the Political Bureau": the state office; "the
            # President and First Lady X", "the King and Queen X": two people's offices
            joined = ()
        if "party" in kinds and len(kinds) > 1:
            # "member of the Political Bureau and Minister of Foreign Affairs": the state office is
            # the title, the membership comes after it (the corpus rule); so too after a chair of a
            # body ("member of the Political Bureau and vice chairman of the NPC Standing
            # Committee": vice chairman)
            def rank(j: int) -> tuple[bool, bool]:
                party = kinds[j] == "party" and any(k not in NOT_OFFICES for k in kinds)
                return party, kinds[j] == "party" and _membership(titles[j])

            order = sorted(range(len(titles)), key=rank)
            titles, kinds = [titles[j] for j in order], [kinds[j] for j in order]
        if self.headline_title and not headline and titles:
            self.other_titles.insert(0, self.title or "")
            self.title, self.headline_title = None, False
        known = {_title_key(t) for t in ([self.title] if self.title else []) + self.other_titles}
        for t, k in zip(titles, kinds, strict=False):
            if self.title is None and _title_key(t) in known:
                # the body names the headline's office again: it stays the title
                self.other_titles.remove(
                    next(o for o in self.other_titles if _title_key(o) == _title_key(t))
                )
                self.title = t
                continue
            if _title_key(t) in known:
                continue
            known.add(_title_key(t))
            if self.title is None:
                self.title = t
                self.headline_title = headline
            elif (
                self.kinds[:1] == ["military"]
                and k != "military"
                and k not in ("counterpart", "rank")
            ):
                # "Army General X, president of the Council of State": an office beats a rank (the
                # corpus rule)
                self.other_titles.insert(0, self.title)
                self.title = t
                self.kinds.insert(0, k)
                self.titled = True
                continue
            elif _refines(_title_key(t), _title_key(self.title)):
                # a headline's "Minister Jaishankar", then "External Affairs Minister Dr. S.
                # Jaishankar"
                self.other_titles.insert(0, self.title)
                self.title = t
            else:
                self.other_titles.append(t)
            self.kinds.append(k)
            self.titled = True
        if joined and self.title != had and self.title == joined[0]:
            self.joined = joined

    def written_titles(self) -> tuple[str | None, list[str]]:
        """The title and the other titles as the report gives them: offices joined by "and" at the
        first mention are one title, kept whole ("Deputy Prime Minister and Minister of Finance":
        the corpus rule)."""
        rest = list(self.joined[1:])
        if not (self.joined and self.title == self.joined[0]) or any(
            t not in self.other_titles for t in rest
        ):
            return self.title, self.other_titles
        return " and ".join(self.joined), [t for t in self.other_titles if t not in rest]

    @property
    def stateless_office_holder(self) -> bool:
        """An office holder whom the text gives no country and no organisation."""
        return self.titled and self.country is None and self.organization is None


def _membership(title: str) -> bool:
    """ "member of the Political Bureau": a seat in a body, not an office of it."""
    return title.lower().startswith("member")


def _title_key(title: str) -> str:
    return " ".join(fold(title).replace("-", " ").split())


def _office_fits(said: str, held: str) -> bool:
    """ "minister" fits "minister of state for african affairs" and "foreign minister";
    "president" does not fit "vice president"."""
    if not said or not held:
        return False
    if said == held or held.startswith(said + " "):
        return True
    return held.endswith(" " + said) and not any(
        w in held.split() for w in ("vice", "deputy", "assistant", "under")
    )


def _refines(fuller: str, said: str) -> bool:
    """ "external affairs minister" and "secretary of state" name the office "minister" or
    "secretary" only shortened; "deputy prime minister" is another office than "prime minister"."""
    return (
        fuller.startswith(said + " ") or fuller.endswith(" " + said) and _office_fits(said, fuller)
    )


def _same_office(a: Entity, b: Entity) -> bool:
    """The same office, of the same country where both are known."""
    return bool(
        a.title
        and b.title
        and _title_key(a.title) == _title_key(b.title)
        and (a.country is None or b.country is None or a.country == b.country)
    )
