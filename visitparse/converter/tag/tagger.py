"""Turn a sentence into the compact typed tokens the grammar reads.

Order of work on one sentence:
1. words are split by one regex (lexicon.WORD); the words that can anchor a time expression lead
   timex to the dates and durations, which become single DATE / DURATION tokens;
2. each other position takes the longest gazetteer phrase from the lexicon (phrases.py: function
   words, trigger verbs, organisations, countries, places, demonyms) or an office with its
   modifiers and "of ..." complement (offices.py); honorifics are dropped;
3. the remaining capitalised words join into NAME runs (name_runs.py: with particles such as
   "bin", "al", "van"); a run holding an institution word ("Embassy", "House") is an ORG, not a
   person;
4. every other word is W (a run of plain lower-case words is one W);
5. the context passes (context/, `settle`) rewrite what needs the neighbours: joined offices and
   place lists, "and" before a trip's next leg (AND_PLACE), a stay
   with dates (STAY), a country used as an adjective (DEMONYM), auxiliaries dropped.
Each token keeps its character span in the input and, in `.data`, what the lexicon says of it.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from itertools import pairwise
from pathlib import Path

from ..cache import cached
from ..parse import timex
from ..parse.islands import collector_paused
from .context import CityLookup, settle
from .lexicon import fold_all, is_cap, load, split_words
from .name_runs import (
    BROKEN_HYPHEN,
    GAP,
    KOREAN_GIVEN,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    QUOTES,
    NameRuns,
    opening_gerund,
    particle_in_name,
)
from .offices import OfficeReader
from .phrases import longest
from .tokens import TENURE, Org, Tok, token

# the modules a cached Tagger is built by (with the lexicon's tables): a change to one rebuilds it
BUILT_FROM = ("tagger.py", "phrases.py", "offices.py", "name_runs.py", "tokens.py", "lexicon.py")


class Tagger(OfficeReader, NameRuns):
    """A sentence's typed tokens: the phrase tables (phrases.py), the office reader (offices.py)
    and the name runs (name_runs.py) over the words, then the context passes (context/)."""

    def tag(self, text: str, start: int, end: int, cities: CityLookup | None = None) -> list[Tok]:
        """The tokens of text[start:end]; `cities` (a gazetteer: name -> country) places the
        unknown names after "in", "to" or a visit verb (None: the text's own places only)."""
        with collector_paused():  # a token per word, all kept
            return self._tag(text, start, end, cities)

    def _tag(self, text: str, start: int, end: int, cities: CityLookup | None) -> list[Tok]:
        sentence = text[start:end]
        words = split_words(sentence, start)
        exprs, durations = timex.scan(
            sentence, [(s - start, e - start) for s, e in timex.anchors(words)]
        )
        toks: list[Tok] = []
        blocked: list[
            tuple[int, int]
        ] = []  # character spans taken by dates and durations, in order
        for expr in exprs:
            expr = dataclasses.replace(expr, start=start + expr.start, end=start + expr.end)
            toks.append(token("DATE", expr.text, expr.start, expr.end, expr))
            blocked.append((expr.start, expr.end))
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
                    # a date stands here: no phrase or name runs across it
                    spans.append((w[0], w[0], GAP))
        else:
            spans = words
        toks.extend(self._tag_words(text, spans))
        toks.sort(key=lambda t: t.start_pos)
        return settle(text, toks, self.lex.institution_words, cities)

    def _tag_words(self, text: str, spans: list[tuple[int, int, str]]) -> list[Tok]:
        words = [w for _, _, w in spans]
        keys = fold_all(words)
        out: list[Tok] = []
        run: list[int] = []  # indices of a capitalised run being collected
        # indices in the run that are not in the name: quotes, a nickname in brackets
        hidden: set[int] = set()
        nicknames: list[str] = []  # "Joko (Jokowi) Widodo": the bracketed nickname of the run
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
            while run and keys[run[-1]] in NAME_PARTICLES and not is_cap(words[run[-1]]):
                out.append(token("W", words[run[-1]], spans[run[-1]][0], spans[run[-1]][1]))
                run.pop()
            if run and not hidden and (k := self._region_ends_at(keys, run)):
                # "Aichi Prefecture Kenta Hayashida": the region, then a name
                rest = run[k:]
                del run[k:]
                flush()
                run.extend(rest)
            if run:
                s, e = spans[run[0]][0], spans[run[-1]][1]
                # the words kept, spaced as written: 'Luis Inácio "Lula" Da Silva' -> "Luis Inácio
                # Lula Da Silva"
                if hidden:
                    kept = [r for r in run if r not in hidden]
                    name = words[kept[0]]
                    for a, b in pairwise(kept):
                        name += ("" if spans[b][0] == spans[a][1] else " ") + words[b]
                    hidden.clear()
                else:
                    name = text[s:e]
                # an institution ("the Chinese Embassy", "Jubilee House") is a place of events, not
                # an organisation to report: its word comes last ("Park Jin" is a person); "Hon. Jo
                # Park", "Mr Hall", "Senator Anne Hall": a name after an honorific or an office is a
                # person's
                institution = (
                    hon_end != run[0]
                    and any(keys[r] in self.lex.institution_words for r in run)
                    and not (len(run) == 2 and KOREAN_GIVEN.match(words[run[1]]))
                    and not self._named_after_office(run, keys, words, out)
                )
                name = BROKEN_HYPHEN.sub("-", name)  # "Chan-o- cha": a hyphen broken at a line end
                airport = keys[run[-1]] in self.lex.airport_words
                out.append(
                    token("ORG", name, s, e, Org(name, institution=True, airport=airport))
                    if institution
                    else token("NAME", name, s, e, nicknames[0] if nicknames else None)
                )
                nicknames.clear()
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
                    if w == '"':
                        # a quoted nickname stays, its quotes go: Luis Inácio "Lula" Da Silva
                        hidden.update((i, i + n - 1))
                    elif w == "(" and not (hon_end == i and not run[:-n]):
                        # "Joko (Jokowi) Widodo" -> "Joko Widodo", also known as "Jokowi"
                        hidden.update(range(i, i + n))
                        nicknames.append(words[i + 1])
                    elif w == "(":
                        # "Lord (Tariq) Ahmad": the given name, in brackets after a style
                        hidden.update((i, i + 2))
                    elif key == "of":
                        # "Lord Ahmad of Wimbledon": the territorial designation is no name
                        hidden.update(range(i, i + n))
                    i += n
                    continue
            if (
                not run
                and out
                and out[-1].type == "TITLE"
                and is_cap(w)
                and key in self.plain_words
                and i + 1 < len(words)
                and is_cap(words[i + 1])
                and keys[i + 1] not in special
            ):
                # "Vice Premier He Ping", "Vice President Will Barker": a given name that is also
                # an English word
                run.append(i)
                i += 1
                continue
            if (
                w == "To"
                and not run
                and i + 1 < len(words)
                and is_cap(words[i + 1])
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
                run
                and (key in simple or key in special)  # cheap: most words of a name are neither
                and is_cap(w)
                and self._reads_as_closer(keys, words, i)
                and self._closes_name(words, keys, spans, i, run)
            ):
                # "Pham Quoc Tuan met", "Do Van An and": a given name that a table reads as an
                # honorific or an article ends the name it follows
                run.append(i)
                i += 1
                continue
            if (
                key in simple
                and (w.isascii() or not is_cap(w))
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
            if office and office[0] == 1 and self._title_in_name(words, keys, i, run, out, hon_end):
                # "Prince Sultan bin Omar", "Ahmed Sultan Rashid Al Ali": an office that is also a
                # given name, inside a name
                run.append(i)
                i += 1
                continue
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
            if (
                hit is None
                and key in self.tenure_lengths
                and (n := longest(self.tenure_lengths, self.lex.tenure, keys, i))
                and (
                    not is_cap(w)
                    or i + n < len(words)
                    and (after := self._lookup(keys, words, i + n)) is not None
                    and after[1] in ("DEMONYM", "COUNTRY")
                )
            ):
                # "the newly appointed Swedish Ambassador": a word of tenure that no office
                # follows, one W that a nationality and an office may take (context/titles.py)
                flush()
                s, e = spans[i][0], spans[i + n - 1][1]
                out.append(token("W", text[s:e], s, e, TENURE))
                i += n
                continue
            if (
                hit is None
                and is_cap(w)
                and (key,) in self.lex.ranks
                and i + 1 < len(words)
                and (after := self._lookup(keys, words, i + 1)) is not None
                and after[1] in ("DEMONYM", "COUNTRY")
            ):
                # "First Cuban Vice President X": a rank before the nationality, which the office
                # after it takes ("First Vice President", context/titles.py) as it takes "former"
                flush()
                out.append(token("W", w, spans[i][0], spans[i][1], TENURE))
                i += 1
                continue
            if hit:
                n, terminal, data = hit
                if terminal == "HON":
                    if run and self._body_word(keys[run[-1]]):
                        # "of the Presidency Hon. Ama Mensah", "Science and Technology Dr. Omar
                        # Khan": a style after a body's or a portfolio's words starts the name
                        flush()
                    i += n
                    hon_end = i
                    continue
                if run and particle_in_name(keys, words, i):
                    run.append(i)
                    i += 1
                    continue
                if (
                    n == 1
                    and terminal in ("PLACE", "COUNTRY")
                    and self._place_in_name(words, keys, spans, i, run, out)
                ):
                    # "Health Minister Sofia Brennan", "Carlos Medina arrived": a name, not a place
                    run.append(i)
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
                    is_cap(w)
                    and not self._compound_of_countries(w)
                    and not opening_gerund(keys, words, i)
                    or (run and key in NAME_SUFFIXES)
                )
                or run
                and particle_in_name(keys, words, i)
            ):
                run.append(i)
            else:
                flush()
                out.append(token("COMMA" if w == "," else "W", w, spans[i][0], spans[i][1]))
            i += 1
        flush()
        return out


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
        *(here.joinpath(m).read_text(encoding="utf-8") for m in BUILT_FROM),
        # the package's tables (visitparse/lexicon/*.tsv)
        *(
            f.read_text(encoding="utf-8")
            for f in sorted(here.parent.parent.joinpath("lexicon").glob("*.tsv"))
        ),
    ]
    return cached("tagger", sources, lambda: Tagger(load(None)))
