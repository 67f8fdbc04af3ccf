"""Stage 4: turn a sentence into the compact typed tokens the grammar reads.

Order of work on one sentence:
1. words are split by one regex (lexicon.WORD); the words that can anchor a time expression lead timex
   to the dates and durations, which become single DATE / DURATION tokens;
2. each other position takes the longest gazetteer phrase from the lexicon (function words,
   trigger verbs, organisations, countries, places, demonyms, offices with their modifiers and
   "of ..." complements); honorifics are dropped;
3. the remaining capitalised words join into NAME runs (with particles such as "bin", "al",
   "van"); a run holding an institution word ("Embassy", "House") is an ORG, not a person;
4. every other word is W (a run of plain lower-case words is one W);
5. the context passes (context.settle) rewrite what needs the neighbours: joined offices and
   place lists, "and" between offices (AND_TITLE) or before a trip's next leg (AND_PLACE), a stay
   with dates (STAY), a country used as an adjective (DEMONYM), auxiliaries dropped.
Each token keeps its character span in the input and, in `.data`, what the lexicon says of it.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from pathlib import Path

from ..cache import cached
from ..parse import timex
from ..parse.islands import collector_paused
from .context import settle
from .lexicon import Lexicon, fold, fold_all, load, split_words
from .lexicon import words as words_of
from .tokens import DEPUTY_WORDS, STYLE_KINDS, TENURE_WORDS, CityRef, Org, Title, Tok, token

BROKEN_HYPHEN = re.compile(r"-[ \n](?=[a-z])")
BRACKETED = re.compile(r"\( [^()]{1,40} \)")
UPPER = (
    2  # a reading that needs the word in capitals (an acronym); an int, as it must survive pickling
)
GAP = "\x00"  # stands in the word list where a date or duration token took the words
NAME_PARTICLES = frozenset(
    [
        "bin",
        "binti",
        "binte",
        "bint",
        "ibn",
        "al",
        "el",
        "de",
        "da",
        "van",
        "von",
        "der",
        "den",
        "du",
        "le",
        "la",
        "dos",
        "das",
        "di",
        "abu",
        "ben",
        "y",
        "zu",
    ]
)
NAME_SUFFIXES = frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"])
ADVISERS = frozenset(
    ("adviser", "advisor", "aide", "assistant", "counsellor", "counselor", "staff")
)  # "Chief of Staff to the President"
CONNECTORS = frozenset(("of", "the", "and", "for", "&", "on"))
QUOTES = frozenset(('"', "'"))
KOREAN_GIVEN = re.compile(
    r"[A-Z][a-z]+-[a-z]+$"
)  # "Jae-won": "Park Jae-won" is a person, not a park


def _particle_in_name(keys: list[str], words: list[str], i: int) -> bool:
    """A particle at i goes on a name when a capitalised word follows it, perhaps after another
    particle: "bin Salman", "von der Leyen", "de la Cruz"."""
    j = i
    while j < len(keys) and keys[j] in NAME_PARTICLES and j - i < 2:
        j += 1
    return j > i and j < len(words) and _is_cap(words[j])


def _opening_gerund(keys: list[str], words: list[str], i: int) -> bool:
    """ "Reflecting on his visit, ...": a sentence's first word in -ing before a lower-case word
    is a verb, capitalised only by its place ("Ding Xuexiang" is a name)."""
    return (
        i == 0
        and len(keys[0]) > 5
        and keys[0].endswith("ing")
        and len(words) > 1
        and not _is_cap(words[1])
    )


def _office_word(office_words, key: str) -> bool:
    """A word of a portfolio, or its plural: "Affairs", "Technologies"."""
    return (
        key in office_words
        or key[-1:] == "s"
        and (key[:-1] in office_words or key[-3:] == "ies" and key[:-3] + "y" in office_words)
    )


def _is_cap(w: str) -> bool:
    return w[:1].isupper() or (w[:3].lower() in ("al-", "el-") and w[3:4].isupper())


def _lengths(*tables) -> dict[str, list[int]]:
    """First word -> the lengths of the phrases of `tables` that start with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for table in tables:
        for key in table:
            lengths.setdefault(key[0], set()).add(len(key))
    return {k: sorted(v, reverse=True) for k, v in lengths.items()}


def _longest(lengths: dict[str, list[int]], table, keys: list[str], i: int) -> int:
    """The length of the longest phrase of `table` at keys[i], or 0."""
    for n in lengths.get(keys[i], ()):
        if i + n <= len(keys) and tuple(keys[i : i + n]) in table:
            return n
    return 0


class Tagger:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        # Every phrase table in one index: first folded word -> phrase lengths, longest first.
        self.lengths = _lengths(
            lex.function_words,
            lex.triggers,
            lex.organizations,
            lex.countries,
            lex.places,
            lex.demonyms,
            lex.titles,
            lex.honorifics,
            lex.modifiers,
        )
        self.modifier_lengths, self.title_lengths = _lengths(lex.modifiers), _lengths(lex.titles)
        self.readings = self._readings(lex)
        # Words an office can start with (a modifier, a title, a body or seat); others skip _office.
        self.office_starts = (
            {k[0] for k in lex.modifiers}
            | {k[0] for k in lex.titles}
            | lex.office_words
            | {k[0] for k in lex.organizations}
            | {k[0] for k in lex.places}
            | {k[0] + "s" for k in lex.titles}
        )
        # A lower-case word outside these is plain filler (the common case, taken in one step).
        self.special = (
            set(self.lengths) | self.office_starts | lex.institution_words | NAME_PARTICLES
        )
        # One-word function words and triggers ("He", "Will", "Long"): after an office, before an
        # unknown capitalised word, a given name.
        self.plain_words = {k[0] for k in lex.function_words if len(k) == 1} | {
            k[0] for k in lex.triggers if len(k) == 1
        }
        # Words with one reading whatever their case and context ("of", "met"): key -> (terminal,
        # data).
        self.simple = {
            key[0]: found[0][1][1:]
            for key, found in self.readings.items()
            if len(key) == 1
            and self.lengths[key[0]] == [1]
            and not found[0][0]
            and key[0] not in self.office_starts | lex.institution_words | NAME_PARTICLES
        }

    @staticmethod
    def _readings(
        lex: Lexicon,
    ) -> dict[tuple[str, ...], list[tuple[bool, tuple[int, str, object]]]]:
        """Phrase -> its readings in order of precedence (the order they are added in), each
        (needs: False, True for a capital or UPPER for all capitals; (length, terminal, data)): an honorific, a function word, a trigger, then,
        capitalised only, an organisation, country, place, demonym. A one-word honorific needs a
        capital ("Mr", not "mr")."""
        out: dict[tuple[str, ...], list] = {}

        def add(key, needs_cap, terminal, data):
            out.setdefault(key, []).append((needs_cap, (len(key), terminal, data)))

        for key in lex.honorifics:
            add(key, len(key) == 1, "HON", None)
        for key, terminal in lex.function_words.items():
            add(key, False, terminal, None)
        for key, (terminal, lemma) in lex.triggers.items():
            add(key, False, terminal, lemma)
        for key, (name, acronym) in lex.organizations.items():
            # an acronym is one only in capitals: "UN", not the "Un" of "Kim Jong Un"
            needs = UPPER if acronym and key == (fold(acronym),) and key != words_of(name) else True
            add(key, needs, "ORG", Org(name, acronym, lex.organization_countries.get(name)))
        for key, code in lex.countries.items():
            add(key, True, "COUNTRY", code)
        for key, code in lex.places.items():
            add(key, True, "PLACE", CityRef(code, lex.place_names[key]))
        for key, code in lex.demonyms.items():
            add(key, True, "DEMONYM", code)
        return out

    # ------------------------------------------------------------ phrase lookup
    def _lookup(self, keys: list[str], words: list[str], i: int) -> tuple[int, str, object] | None:
        """Longest phrase at i that is not an office: (length, terminal, data)."""
        cap = _is_cap(words[i])
        # a capitalised word with an accent the key dropped ("Tô", "Ân") is a name, not the English
        # "to", "an"
        accented = cap and not words[i].isascii() and keys[i] != words[i].lower()
        readings = self.readings
        for n in self.lengths.get(keys[i], ()):
            found = readings.get(tuple(keys[i : i + n])) if i + n <= len(keys) else None
            if found:
                for needs, reading in found:
                    if (
                        not needs
                        and not accented
                        or cap
                        and needs
                        and (needs != UPPER or words[i].isupper())
                    ):
                        return reading
        return None

    def _office(self, keys: list[str], words: list[str], i: int) -> tuple[int, Title] | None:
        """An office at i: a run of modifiers and body names ("Deputy", "Foreign Ministry", "NPC
        Standing Committee"), a title, and an "of/for ..." complement of office words."""
        lex = self.lex
        starts, country, organization, j = [i], None, None, i
        while j < len(keys):  # the prefix run; a title may start at any point of it
            step = _longest(self.modifier_lengths, lex.modifiers, keys, j)
            if not step and j > i and keys[j] in ("and", "&", ",") and _is_cap(words[j - 1]):
                # "Agriculture and Rural Development Chief", "Community Development, Culture and the
                # Arts Minister":
                # one office of several portfolios
                k = j + 1 + (j + 1 < len(keys) and keys[j] == "," and keys[j + 1] == "and")
                k += k < len(keys) and keys[k] == "the"
                if (
                    k < len(keys)
                    and _is_cap(words[k])
                    and (
                        keys[k] in lex.office_words
                        or _longest(self.modifier_lengths, lex.modifiers, keys, k)
                    )
                ):
                    step = k - j
            if not step and _is_cap(words[j]):
                hit = self._lookup(keys, words, j)
                if (
                    hit and hit[1] == "ORG"
                ):  # "NPC Standing Committee Chairman": a body, and its country
                    step, country = hit[0], hit[2].country or country
                    organization = organization or (None if hit[2].country else hit[2].name)
                elif hit and hit[1] == "PLACE":  # "Hunan Governor"
                    step, country = hit[0], hit[2][0]
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
        end = kind = None
        plural = False
        for start in reversed(starts):
            if start >= len(keys):
                continue
            n = _longest(self.title_lengths, lex.titles, keys, start)
            if n:
                end, kind = start + n, lex.titles[tuple(keys[start : start + n])]
            elif keys[start].endswith("s") and (keys[start][:-1],) in lex.titles:
                end, kind, plural = start + 1, lex.titles[(keys[start][:-1],)], True
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
                    if s < start and s + _longest(self.title_lengths, lex.titles, keys, s) == start
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
        if (
            kind in ("diplomat", "resident_diplomat") and end + 1 < len(keys) and keys[end] == "to"
        ):  # "Ambassador to Israel"
            hit = self._lookup(keys, words, end + 1 + (keys[end + 1] == "the"))
            if hit and hit[1] in ("COUNTRY", "ORG"):  # "Permanent Representative to the UN"
                end += 1 + (keys[end + 1] == "the") + hit[0]
                posting = hit[2] if hit[1] == "COUNTRY" else None
        elif (
            keys[end - 1] in ADVISERS and end + 1 < len(keys) and keys[end] == "to"
        ):  # "Adviser to the President"
            k = end + 1 + (keys[end + 1] in ("the", "his", "her"))
            served = self._office(keys, words, k) if k < len(keys) else None
            if served is None and k + 1 < len(keys) and keys[k] == "majesty":
                served = (1, None)  # "Adviser to His Majesty"
            if served:
                end = k + served[0]
            if end + 1 < len(keys) and keys[end] in (
                "on",
                "for",
            ):  # "Adviser to the Prime Minister on Commerce"
                end = max(end, self._complement(keys, words, end)[0])
        elif (
            keys[end - 1] in ADVISERS and end + 1 < len(keys) and keys[end] == "on"
        ):  # "Advisor on Finance"
            end = max(end, self._complement(keys, words, end)[0])
        elif not plural and end < len(keys) and keys[end] in ("of", "for"):
            k, inner = self._complement(keys, words, end)
            end, country = max(end, k), country or inner
        # "External Affairs Minister" is India's (its first words may have been read as modifiers),
        # so
        # is a "Deputy ..." of it; "Cardinal Secretary of State" is another office than "Secretary
        # of State"
        country = country or next(
            (
                lex.title_countries[k]
                for s in range(i, start + 1)
                if (k := tuple(keys[s:end])) in lex.title_countries
                and all(w in DEPUTY_WORDS or w in TENURE_WORDS for w in keys[i:s])
            ),
            None,
        )
        spelled = [
            lex.title_full.get(k, w) for k, w in zip(keys[i:end], words[i:end])
        ]  # "PM" -> "Prime Minister"
        # "Communist Party of China ( CPC )", "President 's Office": the words joined as written
        text = (
            BRACKETED.sub("", " ".join(spelled))
            .replace(" - ", "-")
            .replace(" 's", "'s")
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
                keys[after] in lex.office_words or self._continues(keys, words, after)
            ):
                return k, None
        end, country, p = k, None, m
        while p < len(keys):
            w = words[p]
            hit = self._lookup(keys, words, p) if _is_cap(w) else None
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
                    # which the
                    # grammar reads ("of_place"); the office is "Minister of Foreign Affairs"
                    return p - 1 - (keys[p - 1] == "the"), country
                if hit[1] in ("COUNTRY", "DEMONYM"):
                    country = country or hit[2]
                elif hit[1] == "ORG":  # "of the Communist Party of China": a national body
                    country = country or hit[2].country
                else:  # "of the Communist Party of Bohemia and Moravia": a region's country
                    country = country or hit[2][0]
                p += hit[0]
                end = p
            elif _is_cap(w) and _office_word(lex.office_words, keys[p]):
                p += 1  # "Affairs", "Technologies"
                end = p
            elif (
                _is_cap(w)
                and p + 1 < len(keys)
                and _is_cap(words[p + 1])
                and keys[p + 1] in lex.office_words
            ):
                # "for Foreign and Diaspora Affairs": a word the table lacks, before one it has
                p += 2
                end = p
            elif (
                _is_cap(w)
                and (n := _longest(self.title_lengths, lex.titles, keys, p))
                and p + n + 1 < len(keys)
                and keys[p + n] == "'s"
                and _is_cap(words[p + n + 1])
                and keys[p + n + 1] in lex.office_words
            ):
                p += (
                    n + 2
                )  # "Director-General of the President's Office", "of the Prime Minister's Office"
                end = p
            elif w == "(" and p + 2 < len(keys) and words[p + 2] == ")" and words[p + 1].isupper():
                p += 3
                end = p
            elif (
                _is_cap(w)
                and end == p - 2
                and keys[p - 2] in ("of", "to")
                and keys[p - 1] == "the"
                and _office_word(lex.office_words, keys[p - 3])
                and (n := _longest(self.title_lengths, lex.titles, keys, p))
            ):
                p = end = (
                    p + n
                    # "Head of the Administration of the President", "Director of the Office of the
                    # Minister of ..."
                )
            elif w == "," and end == p and (q := self._portfolio_list(keys, words, p)):
                p = end = q  # "Minister for Planning, Development and Reform": a list of portfolios
            elif keys[p] in CONNECTORS and self._continues(keys, words, p):
                p += 1
            else:
                break
        return end, country

    def _portfolio(self, keys: list[str], words: list[str], p: int, last: bool) -> int:
        """End of one portfolio of a list from p ("Rural Development", "Social Affairs"), or p:
        capitalised office words (a plural of one too: "Technologies"); as the list's last item after
        a plain "and", one word the table lacks also ("and Reform", "and Regional Integration"; after
        ", and" such a word starts the next person of a list: "Minister of Energy, and Amina Diallo")."""
        office_words, q = self.lex.office_words, p
        while q < len(keys) and _is_cap(words[q]) and _office_word(office_words, keys[q]):
            q += 1
        if (
            last
            and q == p
            and q < len(keys)
            and _is_cap(words[q])
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

    @staticmethod
    def _continues(keys: list[str], words: list[str], p: int) -> bool:
        """Connectors at p ("of the") lead on to a capitalised word of the same office."""
        q = p
        while q < len(keys) and q < p + 3 and keys[q] in CONNECTORS:
            q += 1
        return p < q < len(keys) and _is_cap(words[q])

    # ------------------------------------------------------------ the sentence
    def tag(self, text: str, start: int, end: int) -> list[Tok]:
        with collector_paused():  # a token per word, all kept
            return self._tag(text, start, end)

    def _tag(self, text: str, start: int, end: int) -> list[Tok]:
        sentence = text[start:end]
        words = split_words(sentence, start)
        exprs, durations = timex.scan(
            sentence, [(s - start, e - start) for s, e in timex.anchors(words)]
        )
        toks: list[Tok] = []
        blocked: list[
            tuple[int, int]
        ] = []  # character spans taken by dates and durations, in order
        for e in exprs:
            e = dataclasses.replace(e, start=start + e.start, end=start + e.end)
            toks.append(token("DATE", e.text, e.start, e.end, e))
            blocked.append((e.start, e.end))
        starts = [a for a, _ in blocked]

        def is_blocked(pos: int) -> bool:
            k = bisect.bisect_right(starts, pos) - 1
            return k >= 0 and pos < blocked[k][1]

        for s, e, days in durations:
            if not is_blocked(start + s):
                toks.append(token("DURATION", sentence[s:e], start + s, start + e, days))
                k = bisect.bisect_right(starts, start + s)
                starts.insert(k, start + s)
                blocked.insert(k, (start + s, start + e))
        if blocked:
            spans = []
            for w in words:
                if not is_blocked(w[0]):
                    spans.append(w)
                elif not spans or spans[-1][2] != GAP:
                    spans.append(
                        (w[0], w[0], GAP)
                    )  # a date stands here: no phrase or name runs across it
        else:
            spans = words
        toks.extend(self._tag_words(text, spans))
        toks.sort(key=lambda t: t.start_pos)
        return settle(text, toks, self.lex.institution_words)

    def _tag_words(self, text: str, spans: list[tuple[int, int, str]]) -> list[Tok]:
        words = [w for _, _, w in spans]
        keys = fold_all(words)
        out: list[Tok] = []
        run: list[int] = []  # indices of a capitalised run being collected
        hidden: set[int] = (
            set()
        )  # indices in the run that are not in the name: quotes, a nickname in brackets
        filler: list[int] = []  # [start, end] of a run of plain lower-case words: one W token
        hon_end = -1  # the index just after the last honorific ("Lord (Tariq) Ahmad of Wimbledon")

        def flush_filler() -> None:
            if filler:
                out.append(token("W", text[filler[0] : filler[1]], filler[0], filler[1]))
                filler.clear()

        def flush() -> None:
            flush_filler()
            # a particle in lower case never ends a name; one in capitals is a surname ("Ravi Das",
            # "Ana Di")
            while run and keys[run[-1]] in NAME_PARTICLES and not _is_cap(words[run[-1]]):
                out.append(token("W", words[run[-1]], spans[run[-1]][0], spans[run[-1]][1]))
                run.pop()
            if run:
                s, e = spans[run[0]][0], spans[run[-1]][1]
                # the words kept, spaced as written: 'Luis Inácio "Lula" Da Silva' -> "Luis Inácio
                # Lula Da Silva"
                if hidden:
                    kept = [r for r in run if r not in hidden]
                    name = words[kept[0]]
                    for a, b in zip(kept, kept[1:]):
                        name += ("" if spans[b][0] == spans[a][1] else " ") + words[b]
                    hidden.clear()
                else:
                    name = text[s:e]
                institution = any(keys[r] in self.lex.institution_words for r in run) and not (
                    len(run) == 2 and KOREAN_GIVEN.match(words[run[1]])
                )  # "Park Jae-won"
                # an institution ("the Chinese Embassy", "Jubilee House") is a place of events, not
                # an organisation to report
                name = BROKEN_HYPHEN.sub("-", name)  # "Chan-o- cha": a hyphen broken at a line end
                out.append(
                    token("ORG", name, s, e, Org(name, institution=True))
                    if institution
                    else token("NAME", name, s, e, name)
                )
                run.clear()

        special, simple = self.special, self.simple
        i = 0
        while i < len(words):
            w, key = words[i], keys[i]
            if not run and key not in special and w.islower() and w.isalpha():
                # the common case, a word no table knows: it joins the filler run
                if filler:
                    filler[1] = spans[i][1]
                else:
                    filler.extend(spans[i][:2])
                i += 1
                continue
            flush_filler()
            if w == GAP:
                flush()
                i += 1
                continue
            if run and w in QUOTES or w == "(" or key == "of" and run and hon_end == run[0]:
                n = self._inside_name(words, keys, spans, i, run, hon_end)
                if n:
                    run.extend(range(i, i + n))
                    if (
                        w == '"'
                    ):  # a quoted nickname stays, its quotes go: Luis Inácio "Lula" Da Silva
                        hidden.update((i, i + n - 1))
                    elif w == "(" and not (
                        hon_end == i and not run[:-n]
                    ):  # "Joko (Jokowi) Widodo" -> "Joko Widodo"
                        hidden.update(range(i, i + n))
                    elif (
                        w == "("
                    ):  # "Lord (Tariq) Ahmad": the given name, in brackets after a style
                        hidden.update((i, i + 2))
                    elif (
                        key == "of"
                    ):  # "Lord Ahmad of Wimbledon": the territorial designation is no name
                        hidden.update(range(i, i + n))
                    i += n
                    continue
            if (
                not run
                and out
                and out[-1].type == "TITLE"
                and _is_cap(w)
                and key in self.plain_words
                and i + 1 < len(words)
                and _is_cap(words[i + 1])
                and keys[i + 1] not in special
            ):
                # "Vice Premier He Ping", "Vice President Will Barker": a given name that is also an
                # English word
                run.append(i)
                i += 1
                continue
            if (
                w == "To"
                and not run
                and i + 1 < len(words)
                and _is_cap(words[i + 1])
                and (
                    out
                    and out[-1].type == "TITLE"
                    or (not out or out[-1].type in ("COMMA", "AND"))
                    and self._lookup(keys, words, i + 1) is None
                )
            ):
                # "General Secretary To Lam", "In Ulaanbaatar, To Lam held talks": a Vietnamese
                # name, not "to"
                run.append(i)
                i += 1
                continue
            if key == "'s":  # split off by split_words; the tables cannot spell it as one word
                flush()
                out.append(token("POSS", w, spans[i][0], spans[i][1]))
                i += 1
                continue
            if (
                key in simple
                and (w.isascii() or not _is_cap(w))
                or (key not in special and not w[:1].isalnum())
            ):
                # a one-reading word, a punctuation mark ("Tô", capitalised with its accent, is a
                # name, not "to")
                flush()
                terminal, data = simple.get(key) or ("COMMA" if w == "," else "W", None)
                out.append(token(terminal, w, spans[i][0], spans[i][1], data))
                i += 1
                continue
            if key in special:
                hit = self._lookup(keys, words, i)
                office = (
                    self._office(keys, words, i)
                    if key in self.office_starts and not (hit and hit[1] in ("COUNTRY", "PLACE"))
                    else None
                )
            else:
                hit = office = None  # no table starts with this word (most capitalised names)
            if (
                office
                and (hit is None or office[0] >= hit[0])
                and self._office_in_context(words, keys, i, office)
            ):
                flush()
                n, title = office
                s, e = spans[i][0], spans[i + n - 1][1]
                out.append(token("PLTITLE" if title.plural else "TITLE", text[s:e], s, e, title))
                i += n
                continue
            if hit:
                n, terminal, data = hit
                if terminal == "HON":
                    i += n
                    hon_end = i
                    continue
                if run and _particle_in_name(keys, words, i):
                    run.append(i)
                    i += 1
                    continue
                if (
                    n == 1
                    and terminal in ("PLACE", "COUNTRY")
                    and self._place_in_name(words, keys, spans, i, run, out)
                ):
                    run.append(
                        i
                        # "Health Minister Sofia Brennan", "Carlos Medina arrived": a name, not a place
                    )
                    i += 1
                    continue
                flush()
                out.append(
                    token(
                        terminal,
                        text[spans[i][0] : spans[i + n - 1][1]],
                        spans[i][0],
                        spans[i + n - 1][1],
                        data,
                    )
                )
                i += n
                continue
            if run and text.count("\n", spans[run[-1]][1], spans[i][0]) > 1:
                flush()  # a name never runs across a paragraph break (hard-wrapped lines are fine)
            if (
                (
                    _is_cap(w)
                    and not self._compound_of_countries(w)
                    and not _opening_gerund(keys, words, i)
                    or (run and key in NAME_SUFFIXES)
                )
                or run
                and _particle_in_name(keys, words, i)
            ):
                run.append(i)
            else:
                flush()
                out.append(token("COMMA" if w == "," else "W", w, spans[i][0], spans[i][1]))
            i += 1
        flush()
        return out

    def _inside_name(
        self, words: list[str], keys: list[str], spans, i: int, run: list[int], hon_end: int
    ) -> int:
        """How many words from i (a quote, a bracket, an apostrophe or "of") belong to the name run
        around them, or 0: 'Jose "Pepe" Alvarez', "Susilo (Sanso) Santoso", "Lord (Tariq) Ahmad",
        "Mohammed Shia' Al-Sudani" (a final apostrophe of a transliteration), "Lord Ahmad of Wimbledon"."""
        w, special, last = words[i], self.special, len(words) - 1
        if w == "(":
            if not (
                i + 3 <= last
                and words[i + 2] == ")"
                and _is_cap(words[i + 1])
                and keys[i + 1] not in special
                and _is_cap(words[i + 3])
                and keys[i + 3] not in special
            ):
                return 0
            return 3 if run or hon_end == i else 0
        if w == '"':
            for j in range(i + 2, min(i + 4, last) + 1):
                if words[j] == '"':
                    # the name goes on after the closing quote: a capitalised word or a particle
                    # ("Lula" da Silva)
                    ok = j < last and (
                        _is_cap(words[j + 1])
                        and keys[j + 1] not in self.office_starts
                        or keys[j + 1] in NAME_PARTICLES
                        and _particle_in_name(keys, words, j + 1)
                    )
                    return (
                        j - i + 1 if ok and all(_is_cap(words[k]) for k in range(i + 1, j)) else 0
                    )
            return 0
        if (
            w == "'"
            # attached to the name, not after a plural ("Leaders' Meeting"), before a capitalised word
        ):
            prev = run[-1]
            return int(
                spans[prev][1] == spans[i][0]
                and not keys[prev].endswith("s")
                and i < last
                and spans[i + 1][0] > spans[i][1]
                and _is_cap(words[i + 1])
                and keys[i + 1] not in special
            )
        # "of" + capitalised words no table knows, after a name that follows a style ("Lord",
        # "Baroness")
        n = 1
        while i + n <= last and n <= 3 and _is_cap(words[i + n]) and keys[i + n] not in special:
            n += 1
        return n if n > 1 else 0

    def _place_in_name(
        self, words: list[str], keys: list[str], spans, i: int, run: list[int], out: list[Tok]
    ) -> bool:
        """A place or country word that is part of a name: directly after an office and before a
        capitalised word no table knows ("Trade Minister Georgia Whitfield"), or right after a name
        run and before no other capitalised word ("Carlos Medina arrived", not "Medina's")."""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if not run:
            return (
                bool(out)
                and out[-1].type == "TITLE"
                and _is_cap(nxt)
                and keys[i + 1] not in self.special
            )
        return (
            spans[i][0] - spans[run[-1]][1] == 1 and not _is_cap(nxt) and keys[i + 1] != "'s"
            if nxt
            else spans[i][0] - spans[run[-1]][1] == 1
        )

    def _office_in_context(
        self, words: list[str], keys: list[str], i: int, office: tuple[int, Title]
    ) -> bool:
        """A lower-case office word is an office only where an office can stand."""
        n, title = office
        if any(c.isupper() for c in title.text) or len(title.text.split()) > 1:
            return True
        nxt = words[i + n] if i + n < len(words) else ""
        prev = keys[i - 1] if i else ""
        return (
            nxt in ("of", "for")
            or _is_cap(nxt)
            or prev in ("the", "a", "an", "his", "her", "their", "its", "'s", "visiting")
            or (prev,) in self.lex.demonyms
        )

    def _compound_of_countries(self, w: str) -> bool:
        """ "China-Kazakhstan", "Thai-Bhutanese": an adjective of two countries, not a name."""
        parts = w.split("-")
        return len(parts) > 1 and any(
            (fold(p),) in self.lex.countries or (fold(p),) in self.lex.demonyms for p in parts
        )


@functools.lru_cache(maxsize=8)
def tagger_for(user_lexicon: str | None = None) -> Tagger:
    """The tagger of the package lexicon (kept in the disk cache: building it is most of a cold
    start), or of the package lexicon extended by a user lexicon (built each time)."""
    if user_lexicon:
        return Tagger(load(user_lexicon))
    import pycountry

    here = Path(__file__).parent
    sources = [
        getattr(pycountry, "__version__", ""),
        *(
            here.joinpath(m).read_text(encoding="utf-8")
            for m in ("tagger.py", "tokens.py", "lexicon.py")
        ),
        *(
            f.read_text(encoding="utf-8")
            for f in sorted(here.parent.joinpath("lexicon").glob("*.tsv"))
        ),
    ]
    return cached("tagger", sources, lambda: Tagger(load(None)))
