"""The tagger's office reader: an office over the folded words of a sentence, from its modifiers
and the body or seat before it ("Deputy", "NPC Standing Committee", "Hunan") through its title to
its complement ("of Foreign Affairs", "to the President on Commerce", "for Planning, Development
and Reform"), with the country, posting or style the words give it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import cast

from .lexicon import is_cap, office_word
from .phrases import PhraseTables, longest, singular
from .tokens import DEPUTY_WORDS, STYLE_KINDS, CityRef, Org, Title

BRACKETED = re.compile(r"\( [^()]{1,40} \)")
# "Chief of Staff to the President"
ADVISERS = frozenset(
    ("adviser", "advisor", "aide", "assistant", "counsellor", "counselor", "staff")
)
# offices that serve a body named after "to": "Secretary to the Cabinet"
SERVANTS = ADVISERS | {"secretary"}
CONNECTORS = frozenset(("of", "the", "and", "for", "&", "on"))
# what a capitalised word of tenure may start instead ("New Zealand", "New Development Bank")
NAMED = frozenset(("COUNTRY", "DEMONYM", "ORG", "PLACE"))
DIPLOMATS = frozenset(("diplomat", "resident_diplomat"))


class OfficeReader(PhraseTables):
    """The office reader of the tagger (tagger.py): methods over the folded keys and the words of
    one sentence, from a word index."""

    def _plural_title(self, keys: list[str], i: int) -> tuple[int, str] | None:
        """The length and kind of the longest office at keys[i] whose last word is in the plural
        ("prime ministers", "secretaries"), or None."""
        for n in [*self.title_lengths.get(keys[i], ()), 1]:  # 1: "secretaries" starts none
            last = singular(keys[i + n - 1]) if i + n <= len(keys) else None
            kind = self.lex.titles.get((*keys[i : i + n - 1], last)) if last else None
            if kind is not None:
                return n, kind
        return None

    def _office(self, keys: list[str], words: list[str], i: int) -> tuple[int, Title] | None:
        """An office at i: a run of modifiers and body names ("Deputy", "Foreign Ministry", "NPC
        Standing Committee"), a title, and an "of/for ..." complement of office words."""
        lex = self.lex
        lead = longest(self.tenure_lengths, lex.tenure, keys, i)
        if lead and not (
            is_cap(words[i]) and (named := self._lookup(keys, words, i)) and named[1] in NAMED
        ):
            # "the newly appointed Ambassador", "former Foreign Minister": the holder's tenure
            # stands before the office and stays in its title as written
            held = self._office(keys, words, i + lead) if i + lead < len(keys) else None
            if held is None:
                return None
            return lead + held[0], dataclasses.replace(
                held[1], text=f"{' '.join(words[i : i + lead])} {held[1].text}"
            )
        starts, j = [i], i
        country: str | None = None
        organization: str | None = None
        while j < len(keys):  # the prefix run; a title may start at any point of it
            step = longest(self.modifier_lengths, lex.modifiers, keys, j)
            if not step and j > i and keys[j] in ("and", "&", ",") and is_cap(words[j - 1]):
                # "Agriculture and Rural Development Chief", "Community Development, Culture and
                # the Arts Minister": one office of several portfolios
                k = j + 1 + (j + 1 < len(keys) and keys[j] == "," and keys[j + 1] == "and")
                k += k < len(keys) and keys[k] == "the"
                if (
                    k < len(keys)
                    and is_cap(words[k])
                    and (
                        keys[k] in lex.office_words
                        or longest(self.modifier_lengths, lex.modifiers, keys, k)
                    )
                ):
                    step = k - j
            if not step and is_cap(words[j]):
                hit = self._lookup(keys, words, j)
                if hit and hit[1] == "ORG":
                    # "NPC Standing Committee Chairman": a body, and its country
                    body = cast(Org, hit[2])
                    step, country = hit[0], body.country or country
                    organization = organization or (None if body.country else body.name)
                elif hit and hit[1] == "PLACE":  # "Hunan Governor"
                    step, country = hit[0], cast(CityRef, hit[2]).country
                elif keys[j] in lex.office_words:
                    step = 1
            elif not step and keys[j] in lex.office_words:
                # "social development minister": a portfolio in lower case, kept when a title
                # follows
                step = 1
            if not step:
                break
            j += step
            starts.append(j)
        end: int | None = None
        kind = ""
        plural = False
        for start in reversed(starts):
            if start >= len(keys):
                continue
            n = longest(self.title_lengths, lex.titles, keys, start)
            if n:
                end, kind = start + n, lex.titles[tuple(keys[start : start + n])]
            elif plural_office := self._plural_title(keys, start):
                # "Secretaries", "prime ministers": an office in the plural, its last word
                end, kind, plural = start + plural_office[0], plural_office[1], True
            if end is not None:
                break
        if end is None:
            return None
        style = None  # "Army chief General Asim Munir": a rank after the office is not the office
        rank = None
        if kind in STYLE_KINDS and end == start + 1:
            office = next(
                (
                    s
                    for s in starts
                    if s < start and s + longest(self.title_lengths, lex.titles, keys, s) == start
                ),
                None,
            )
            if office is not None:
                rank = words[start]
                style, end, kind = end, start, lex.titles[tuple(keys[office:start])]
        if kind in ("head_of_state", "head_of_government") and any(
            k in DEPUTY_WORDS for k in keys[i:end]
        ):
            kind = "deputy"  # "Deputy Prime Minister" is not a leader
        posting = None
        skip = (end, end)  # words of the office's span left out of its title ("of Japan")
        if kind in DIPLOMATS and end + 3 < len(keys) and keys[end] == "of":
            # "Ambassador of Japan to Kenya", "Ambassador of China in Sri Lanka": the sending
            # country is the holder's, the other the posting; the title is "Ambassador to Kenya"
            sent = self._posting_of(keys, words, end)
            if sent:
                skip, end, country, posting = (end, sent[0]), sent[1], country or sent[2], sent[3]
        elif kind in DIPLOMATS and end + 1 < len(keys) and keys[end] == "to":
            # "Ambassador to Israel", "Permanent Representative to the UN"
            hit = self._lookup(keys, words, end + 1 + (keys[end + 1] == "the"))
            if hit and hit[1] in ("COUNTRY", "ORG"):
                end += 1 + (keys[end + 1] == "the") + hit[0]
                posting = cast(str, hit[2]) if hit[1] == "COUNTRY" else None
        elif keys[end - 1] in SERVANTS and end + 1 < len(keys) and keys[end] == "to":
            # "Adviser to the President"
            k = end + 1 + (keys[end + 1] in ("the", "his", "her"))
            served: tuple[int, Title | None] | None = (
                self._office(keys, words, k) if k < len(keys) else None
            )
            if served is None and k + 1 < len(keys) and keys[k] == "majesty":
                served = (1, None)  # "Adviser to His Majesty"
            if served:
                end = k + served[0]
            elif (
                k < len(keys)
                and is_cap(words[k])
                and (office_word(lex.office_words, keys[k]) or keys[k] in lex.institution_words)
            ):
                # "Secretary to the Cabinet of the Presidency", "Adviser to the Ministry of
                # Finance": the body served, read as an "of" complement (not "to the Cambodian
                # Premier": the grammar reads the office served)
                k, inner = self._complement(keys, words, end)
                end, country = max(end, k), country or inner
            if end + 1 < len(keys) and keys[end] in ("on", "for"):
                # "Adviser to the Prime Minister on Commerce"
                end = max(end, self._complement(keys, words, end)[0])
        elif keys[end - 1] in ADVISERS and end + 1 < len(keys) and keys[end] == "on":
            # "Advisor on Finance"
            end = max(end, self._complement(keys, words, end)[0])
        elif not plural and end < len(keys) and keys[end] in ("of", "for"):
            k, inner = self._complement(keys, words, end)
            end, country = max(end, k), country or inner
        # "External Affairs Minister" is India's (its first words may have been read as
        # modifiers), so is a "Deputy ..." of it; "Cardinal Secretary of State" is another office
        # than "Secretary of State"
        country = country or next(
            (
                lex.title_countries[phrase]
                for s in range(i, start + 1)
                if (phrase := tuple(keys[s:end])) in lex.title_countries
                and all(w in DEPUTY_WORDS for w in keys[i:s])
            ),
            None,
        )
        # "PM" -> "Prime Minister"
        spelled = [
            lex.title_full.get(k, w)
            for k, w in zip(
                keys[i : skip[0]] + keys[skip[1] : end],
                words[i : skip[0]] + words[skip[1] : end],
                strict=True,
            )
        ]
        # "Communist Party of China ( CPC )", "President 's Office", "Veterans ' Affairs": the words
        # joined as written
        text = (
            BRACKETED.sub("", " ".join(spelled))
            .replace(" - ", "-")
            .replace(" 's", "'s")
            .replace("s ' ", "s' ")
            .replace(" ,", ",")
        )
        return (style or end) - i, Title(
            " ".join(text.split()),
            kind,
            country,
            plural,
            None if country else organization,
            posting=posting,
            style=rank,
        )

    def _posting_of(
        self, keys: list[str], words: list[str], k: int
    ) -> tuple[int, int, str, str | None] | None:
        """ "of Japan to Kenya", "of the People's Republic of China to the UN", "of China in Sri
        Lanka" after a diplomat's office at k ("of"): (where "to"/"in" stands, the end, the sending
        country, the country posted to or None for a body), or None."""
        m = k + 1 + (keys[k + 1] == "the")
        hit = self._lookup(keys, words, m) if m < len(keys) else None
        if not (hit and hit[1] == "COUNTRY"):
            return None
        at = m + hit[0]
        if not (at + 1 < len(keys) and keys[at] in ("to", "in")):
            return None
        q = at + 1 + (keys[at + 1] == "the")
        to = self._lookup(keys, words, q) if q < len(keys) else None
        if not to or not (to[1] == "COUNTRY" or to[1] == "ORG" and keys[at] == "to"):
            return None
        return at, q + to[0], cast(str, hit[2]), cast(str, to[2]) if to[1] == "COUNTRY" else None

    def _complement(self, keys: list[str], words: list[str], k: int) -> tuple[int, str | None]:
        """End of the complement opened by "of"/"for" at k (k itself when there is none)."""
        lex = self.lex
        m = k + 1
        if m < len(keys) and keys[m] == "the":
            m += 1
        # A bare country, place or organisation stays outside: the grammar reads "of Kazakhstan".
        hit = self._lookup(keys, words, m) if m < len(keys) else None
        if hit and hit[1] in ("COUNTRY", "PLACE", "ORG"):
            after = m + hit[0]
            if after >= len(keys) or not (
                keys[after] in lex.office_words
                or self._continues(keys, words, after)
                or self._possessive_in_name(keys, words, after, -1)
            ):
                return k, None
        end, p = k, m
        country: str | None = None
        # "vice-minister of foreign affairs": after an office in lower case, portfolios may be too,
        # with no article ("the king and queen of the kingdom of Thailand": no office "of the
        # kingdom") and no "and" ("the minister of health and families of the victims")
        lower = k > 0 and words[k - 1].islower() and m == k + 1
        while p < len(keys):
            w = words[p]
            hit = self._lookup(keys, words, p) if is_cap(w) else None
            if hit and hit[1] in ("COUNTRY", "DEMONYM", "ORG", "PLACE"):
                if (
                    hit[1] == "COUNTRY"
                    and end > m
                    and keys[p - 1 - (keys[p - 1] == "the")] == "of"
                    and not (
                        p + hit[0] < len(keys)
                        and keys[p + hit[0]] in CONNECTORS
                        and self._continues(keys, words, p + hit[0])
                    )
                ):
                    # "Minister of Foreign Affairs of China": the office ends before its country,
                    # which the grammar reads ("of_place"); the office is "Minister of Foreign
                    # Affairs"
                    return p - 1 - (keys[p - 1] == "the"), country
                if hit[1] in ("COUNTRY", "DEMONYM"):
                    country = country or cast(str, hit[2])
                elif hit[1] == "ORG":  # "of the Communist Party of China": a national body
                    country = country or cast(Org, hit[2]).country
                else:  # "of the Communist Party of Bohemia and Moravia": a region's country
                    country = country or cast(CityRef, hit[2]).country
                p += hit[0]
                end = p
            elif (is_cap(w) or lower and w.isalpha()) and office_word(lex.office_words, keys[p]):
                p += 1  # "Affairs", "Technologies"
                end = p
            elif (
                is_cap(w)
                and p + 1 < len(keys)
                and is_cap(words[p + 1])
                and keys[p + 1] in lex.office_words
            ):
                # "for Foreign and Diaspora Affairs": a word the table lacks, before one it has
                p += 2
                end = p
            elif (
                is_cap(w)
                and (n := longest(self.title_lengths, lex.titles, keys, p))
                and p + n + 1 < len(keys)
                and keys[p + n] == "'s"
                and is_cap(words[p + n + 1])
                and keys[p + n + 1] in lex.office_words
            ):
                # "Director-General of the President's Office", "of the Prime Minister's Office"
                p += n + 2
                end = p
            elif n := self._possessive_in_name(keys, words, p, end):
                # "Minister of Women's Affairs", "Chairman of the Hanoi People's Committee",
                # "Speaker of the People's Majlis": a possessive inside a portfolio or body's name
                p += n
                end = p
            elif w == "(" and p + 2 < len(keys) and words[p + 2] == ")" and words[p + 1].isupper():
                p += 3
                end = p
            elif (
                is_cap(w)
                and end == p - 2
                and keys[p - 2] in ("of", "to")
                and keys[p - 1] == "the"
                and office_word(lex.office_words, keys[p - 3])
                and (n := longest(self.title_lengths, lex.titles, keys, p))
            ):
                # "Head of the Administration of the President", "Director of the Office of the
                # Minister of ..."
                p = end = p + n
            elif w == "," and end == p and (q := self._portfolio_list(keys, words, p)):
                p = end = q  # "Minister for Planning, Development and Reform": a list of portfolios
            elif keys[p] in CONNECTORS and self._continues(keys, words, p):
                p += 1
            elif lower and keys[p] == "and" and self._lower_portfolio_after_and(keys, p):
                p += 1  # "deputy minister for trade and industry", not "of health and families of"
            else:
                break
        return end, country

    def _portfolio(self, keys: list[str], words: list[str], p: int, last: bool) -> int:
        """End of one portfolio of a list from p ("Rural Development", "Social Affairs"), or p:
        capitalised office words (a plural of one too: "Technologies"); as the list's last item
        after a plain "and", one word the table lacks also ("and Reform", "and Regional
        Integration"; after ", and" such a word starts the next person of a list: "Minister of
        Energy, and Amina Diallo")."""
        office_words, q = self.lex.office_words, p
        while q < len(keys) and is_cap(words[q]) and office_word(office_words, keys[q]):
            q += 1
        if (
            last
            and q == p
            and q < len(keys)
            and is_cap(words[q])
            and keys[q] not in self.special
            and words[q].isalpha()
        ):
            q += 1
        return q

    def _portfolio_list(self, keys: list[str], words: list[str], p: int) -> int:
        """End of a list of portfolios after the comma at p, ending with "(,) and LAST", or 0:
        ", Development and Reform", ", Humanitarian Affairs, and Social Development"."""
        q = p
        for _ in range(6):
            q += 1  # past the comma
            last = q < len(keys) and keys[q] == "and"
            q += last
            q += q < len(keys) and keys[q] == "the"
            r = self._portfolio(keys, words, q, False)
            if r == q:
                return 0
            if last:
                return r
            q = r
            if q < len(keys) and keys[q] == "and":
                q += 1
                q += q < len(keys) and keys[q] == "the"
                r = self._portfolio(keys, words, q, True)
                return r if r > q else 0
            if not (q < len(keys) and words[q] == ","):
                return 0
        return 0

    def _possessive_in_name(self, keys: list[str], words: list[str], p: int, end: int) -> int:
        """How many words from p continue a portfolio's or body's name across a possessive
        ("People's Committee" at "People", "'s Affairs" at "'s" right after "Women"), or 0."""
        # the possessor is a portfolio word ("Women", "People", "Veterans"), not a holder's name
        # ("Minister of Health Nakhumicha's Ministry")
        if keys[p] in ("'s", "'"):  # "Veterans' Affairs": a plural's possessive
            q = p + 1 if end == p and (keys[p] == "'s" or keys[p - 1].endswith("s")) else 0
            q = q if q and office_word(self.lex.office_words, keys[p - 1]) else 0
        else:
            mark = keys[p + 1] if p + 1 < len(keys) else ""
            possessive = mark == "'s" or mark == "'" and keys[p].endswith("s")
            q = p + 2 if is_cap(words[p]) and possessive else 0
            q = q if q and office_word(self.lex.office_words, keys[p]) else 0
        if not (q and q < len(keys) and is_cap(words[q])):
            return 0
        key = keys[q]
        body = key in self.lex.institution_words or office_word(self.lex.office_words, key)
        return q + 1 - p if body else 0

    def _lower_portfolio_after_and(self, keys: list[str], p: int) -> bool:
        """ "and" at p leads on to the last portfolio word of a lower-case office ("trade and
        industry", "foreign affairs and security"), not to a noun with its own complement
        ("health and families of the victims")."""
        q = p + 1
        return (
            q < len(keys)
            and office_word(self.lex.office_words, keys[q])
            and (q + 1 >= len(keys) or keys[q + 1] not in ("of", "the", "'s"))
        )

    @staticmethod
    def _continues(keys: list[str], words: list[str], p: int) -> bool:
        """Connectors at p ("of the") lead on to a capitalised word of the same office."""
        q = p
        while q < len(keys) and q < p + 3 and keys[q] in CONNECTORS:
            q += 1
        return p < q < len(keys) and is_cap(words[q])

    def _office_in_context(
        self, words: list[str], keys: list[str], i: int, office: tuple[int, Title]
    ) -> bool:
        """A lower-case office word is an office only where an office can stand."""
        n, title = office
        text = title.text
        lead = longest(self.tenure_lengths, self.lex.tenure, keys, i)
        if lead:  # "the new minister": the office's own words decide, not the tenure's
            text = text.split(None, lead)[-1]
        if any(c.isupper() for c in text) or len(text.split()) > 1:
            return True
        nxt = words[i + n] if i + n < len(words) else ""
        prev = keys[i - 1] if i else ""
        return (
            nxt in ("of", "for")
            or is_cap(nxt)
            or prev in ("the", "a", "an", "his", "her", "their", "its", "'s", "visiting")
            or (prev,) in self.lex.demonyms
            or (prev,) in self.lex.countries  # "his Brunei counterpart, Minister X"
        )
