"""The pipeline: read -> parse -> actors -> events -> dates -> places -> records.

`Coder` loads every resource once (spaCy model, dictionaries, lexicon, gazetteer) and then
codes articles in batches with `nlp.pipe`. Stages never call each other; this module calls
them in order.

Two things keep the parse cheap and bounded:
- the sentence pre-filter (gestae/prefilter.py) sends only the sentences that can hold an event
  (and the sentences they need as context) to the full parse; the rest are only tokenized;
- a long article is parsed in blocks (gestae/chunking.py), each placed at its offset, so memory
  does not grow with the article and every offset stays relative to the whole text.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc, Span

from gestae.engine.actors import ActorResolver, DocActors, Mention
from gestae.engine.aux_nouns import mend_aux_nouns
from gestae.engine.chunking import DEFAULT_BLOCK_CHARS, block_bounds
from gestae.engine.closed_relatives import mend_closed_relatives
from gestae.engine.conjunct_subjects import mend_conjunct_subjects
from gestae.engine.dwellings import mend_place_dwellings
from gestae.engine.events import EventFinder
from gestae.engine.fronted_subjects import (
    mend_adverb_subjects,
    mend_aside_subjects,
    mend_dateline_subjects,
    mend_fronted_subjects,
)
from gestae.engine.headline_passives import mend_headline_passives
from gestae.engine.headline_verbs import mend_headline_noun_verbs, mend_headline_verbs
from gestae.engine.headlines import (
    HEADLINE_INDEX,
    Headline,
    HeadlineReader,
    mend_headline_pairs,
    merge_headline,
    read_headline,
)
from gestae.engine.modifier_verbs import mend_modifier_verbs
from gestae.engine.parse import load_model
from gestae.engine.persona_grata import mend_persona_grata
from gestae.engine.places import Gazetteer
from gestae.engine.prefilter import (
    LemmaGuesser,
    Segment,
    SentenceFilter,
    TokenView,
    correct_lemmas,
    split_sentences,
)
from gestae.engine.progressive import mend_progressives
from gestae.engine.records import RecordBuilder
from gestae.engine.said_conjuncts import mend_said_conjuncts
from gestae.engine.sentences import AbbreviationBreaks, glued_heading_breaks
from gestae.engine.verb_slips import mend_bare_presents, mend_finite_conjuncts, mend_noun_slips
from gestae.errors import GestaeError
from gestae.resources.actor_dictionary import ActorDictionary
from gestae.resources.date_words import date_vocabulary
from gestae.resources.lexicon import Lexicon
from gestae.resources.ontology import Ontology
from gestae.schema import Article, EventRecord

log = logging.getLogger("gestae")
ErrorSink = Callable[[Article, BaseException], None]
# Pipeline components whose output no stage reads; they are skipped when parsing.
UNUSED_FACTORIES = frozenset(
    {
        "senter",
        "sentencizer",
        "textcat",
        "textcat_multilabel",
        "entity_linker",
        "spancat",
        "spancat_singlelabel",
        "span_finder",
    }
)
# Sentences of the previous block parsed again before a block, so that "he" and "the
# minister" at the top of a block still find who they point back to.
CARRIED_SENTENCES = 3
# One parse batch holds at most this many characters, so a batch of long blocks stays small.
BATCH_CHARS = 400_000
# What a parsed run hands to the assembled Doc (sentence starts follow from HEAD and DEP).
ANNOTATIONS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
_HEAD_COLUMN, _DEP_COLUMN = ANNOTATIONS.index(HEAD), ANNOTATIONS.index(DEP)
# A one-word town name this populous keeps its capital in a Title Case headline.
NEWSWORTHY_TOWN, BIG_CITY = 100_000, 400_000
# Padding tokens that move a block to its offset are made of pieces this long, so that only a
# few distinct padding strings enter the vocabulary's string store.
_PAD_PIECE = 1024


@dataclass
class CodedArticle:
    article: Article
    records: list[EventRecord]


@dataclass
class Run:
    """Consecutive sentences of a block (tokens start..end), parsed in full or only tokenized."""

    start: int
    end: int
    parse: bool
    start_char: int
    end_char: int
    doc: Doc | None = None  # what is sent to the parser


@dataclass
class Window:
    """What is coded as one Doc: a block of an article, after the sentences carried over from
    the previous block (parsed again as context, not coded again)."""

    article: Article
    block: Doc
    offset: int
    runs: list[Run]
    segments: list[Segment]
    last: bool
    carried: Run | None = None
    parsed: list[Doc] = field(default_factory=list)
    # The article's headline, when this window is it (engine/headlines.py).
    headline: Headline | None = None
    # Text before this offset is the headline, coded in its own window: not coded again here.
    skip_before: int = 0

    @property
    def chars(self) -> int:
        return sum(r.end_char - r.start_char for r in self.runs if r.parse)

    def to_parse(self) -> list[Doc]:
        runs = [self.carried] if self.carried is not None else []
        return [r.doc for r in [*runs, *self.runs] if r.parse and r.doc is not None]


class Coder:
    """Codes articles into event records; build once, reuse for many articles."""

    def __init__(
        self,
        model: str | None = None,
        actor_files: Sequence[Path] = (),
        include_negated: bool = False,
        include_incidents: bool = True,
        prefilter: bool = True,
        block_chars: int = DEFAULT_BLOCK_CHARS,
        include_statements: bool = True,
    ) -> None:
        self.nlp = load_model(model)
        if not 0 < block_chars <= self.nlp.max_length:
            raise GestaeError(
                f"block size {block_chars} must be between 1 and the model's maximum text "
                f"length ({self.nlp.max_length} characters)"
            )
        self.ontology = Ontology.load()
        self.lexicon = Lexicon.load()
        self.dictionary = ActorDictionary.load(actor_files)
        self.actors = ActorResolver(self.dictionary, self.nlp)
        self.events = EventFinder(self.lexicon, self.actors)
        self.records = RecordBuilder(self.ontology, Gazetteer.default())
        date_vocabulary()  # read now: a broken dates.yaml must stop the run, not fail each article
        self.include_negated = include_negated
        self.include_incidents = include_incidents
        self.include_statements = include_statements
        self.filter = SentenceFilter(self.nlp, self.lexicon) if prefilter else None
        # One lemma guesser (its tables are copied out of the model once) for both cheap passes.
        self.lemmas = lemmas = (
            self.filter.lemmas if self.filter else LemmaGuesser(self.nlp, self.lexicon.lemma_fixes)
        )
        self.breaks = AbbreviationBreaks(self.nlp, lemmas.guess)
        self.common = self.breaks.words | self.lexicon.lemmas() | set(self.nlp.Defaults.stop_words)
        self.headlines = HeadlineReader(self.common, lemmas.guess, self._is_name)
        self.trigger_lemmas = self.lexicon.lemmas()
        self.verb_lemmas = frozenset(e.lemma for e in self.lexicon if e.pos == "verb")
        self.block_chars = block_chars
        self.unused = [
            name
            for name in self.nlp.pipe_names
            if self.nlp.get_pipe_meta(name).factory in UNUSED_FACTORIES
        ]

    def code(self, article: Article) -> list[EventRecord]:
        """One article's records; an error in the coder is raised, not reported."""
        return next(self.code_many([article], on_error=_raise)).records

    def code_many(
        self,
        articles: Iterable[Article],
        batch_size: int = 16,
        on_error: ErrorSink | None = None,
    ) -> Iterator[CodedArticle]:
        """Code a stream of articles in input order, parsing them in batches.

        An unexpected error while coding one article must not end a run of a million: that
        article is left out (`on_error` is told, by default the "gestae" logger) and the
        others are coded."""
        report = on_error or log_error
        failed: dict[int, Article] = {}  # by id(); the Article is kept so its id is not reused
        current: Article | None = None
        records: list[EventRecord] = []
        seen: set[str] = set()
        for batch in _batches(self._windows(articles, failed, report), batch_size):
            self._parse(batch, failed, report)
            for window in batch:
                article = window.article
                if article is not current:
                    current, records, seen = article, [], set()
                if id(article) in failed:
                    continue
                try:
                    doc = self._assemble(window)
                    window.parsed = []
                    found = list(self._code_window(window, doc))
                except Exception as exc:
                    failed[id(article)] = article
                    report(article, exc)
                    continue
                for record in found:
                    if record.id not in seen:
                        seen.add(record.id)
                        records.append(record)
                if window.last:
                    yield CodedArticle(article, merge_headline(records))
            for key in [k for k, a in failed.items() if a is not current]:
                del failed[key]  # articles behind us: only the one in progress may continue

    def analyse(self, article: Article, doc: Doc) -> DocActors:
        return self.actors.resolve(doc, article.published, article.title or "")

    def code_doc(self, article: Article, doc: Doc) -> list[EventRecord]:
        """Code an article already parsed in full (as `gestae explain` does), after the same
        lemma mending as `code_many` gives every parsed Doc, so both code alike."""
        self._mend(doc)
        view = TokenView.of(doc)
        run = Run(0, len(doc), True, 0, view.length, doc)
        segments = split_sentences(view, breaks=self._breaks(view))
        window = Window(article, doc, 0, [run], segments, True)
        return list(self._code_window(window, doc))

    def _is_name(self, phrase: str) -> bool:
        """A phrase an actor dictionary lists, or a place of several words ("New York")."""
        if self.dictionary.lookup(phrase):
            return True
        places = self.records.gazetteer.candidates(phrase, alternates=False, variants=False)
        if " " in phrase:
            return bool(places)
        # One word: a country, region or a city big enough to make news under its own name
        # ("Gaza"); a city named like an English word ("Sale", "Nice") only if it is very big.
        size = BIG_CITY if phrase.lower() in self.common else NEWSWORTHY_TOWN
        return any(p.precision != "town" or p.population >= size for p in places)

    def resolve_actor(
        self, phrase: str, on: date | None = None, context: str = ""
    ) -> Mention | None:
        """Resolve a stand-alone actor phrase on a date (the `gestae actor` command); `context`
        is text read before it, as earlier sentences of the same article.

        The phrase is parsed as the subject of a neutral verb, because a bare phrase gets
        unreliable tags ("Kyiv" alone comes out an adjective)."""
        prefix = f"{context.rstrip()}\n\n" if context.strip() else ""
        text = f"{prefix}{phrase.strip()} acted."
        return self.actors.resolve_phrase(self.nlp(text), on, len(prefix))

    # -- planning -----------------------------------------------------------------------------

    def _windows(
        self, articles: Iterable[Article], failed: dict[int, Article], report: ErrorSink
    ) -> Iterator[Window]:
        for article in articles:
            try:
                yield from self.windows(article)
            except Exception as exc:
                failed[id(article)] = article
                report(article, exc)

    def windows(self, article: Article) -> Iterator[Window]:
        """The blocks of one article, each with the sentences to parse and to tokenize only."""
        text = article.text
        index = 0
        carried: Run | None = None
        headline = self.headlines.find(article)
        skip = 0
        if headline is not None:
            yield self._headline_window(article, headline)
            if headline.in_text:  # the line is sentence -1 here too, so the lead stays 0
                skip, index = len(headline.text), HEADLINE_INDEX
        for start, end in block_bounds(text, self.block_chars):
            block = self.nlp.make_doc(text[start:end])
            view = TokenView.of(block)
            breaks = self._breaks(view)
            if start < skip:  # the headline line is a sentence of its own
                breaks = sorted({*breaks, *_after(block, skip - start)})
            for i in breaks:
                block[i].is_sent_start = True  # the parser keeps a boundary set before it
            segments = split_sentences(view, offset=start, first_index=index, breaks=breaks)
            index += len(segments)
            if self.filter is None:
                parse = [True] * len(segments)
            else:
                parse = self.filter.plan(view, segments, first_block=start == 0)
            runs = _runs(block, segments, parse, start, end)
            last = end == len(text)
            yield Window(article, block, start, runs, segments, last, carried, skip_before=skip)
            tail = segments[-CARRIED_SENTENCES:]
            if tail:
                doc = block[tail[0].start : tail[-1].end].as_doc()
                carried = Run(0, len(doc), True, tail[0].start_char, tail[-1].end_char, doc)

    def _breaks(self, view: TokenView) -> list[int]:
        """Tokens that start a sentence the parser would miss: after an abbreviation that ends
        one, and after a subheading glued to its paragraph."""
        return sorted(
            {
                *self.breaks.positions(view.text, view.is_space),
                *glued_heading_breaks(view.text, view.is_space),
            }
        )

    def parse_text(self, text: str) -> Doc:
        """One text parsed in full with the sentence breaks and lemma mending that `code_many`
        gives it, so that `gestae explain` shows the parse the records come from."""
        doc = self.nlp.make_doc(text)
        for i in self._breaks(TokenView.of(doc)):
            doc[i].is_sent_start = True
        doc = self.nlp(doc, disable=self.unused)
        self._mend(doc)
        return doc

    def _mend(self, doc: Doc, headline: bool = False) -> None:
        """The lemma fixes and parse repairs every parsed Doc gets, in one order, wherever it
        was parsed; a headline's own repairs only on a headline."""
        correct_lemmas(doc, self.lexicon.lemma_fixes, self.lemmas)
        mend_progressives(doc)
        mend_persona_grata(doc)
        mend_noun_slips(doc, self.lemmas)
        mend_bare_presents(doc)
        mend_finite_conjuncts(doc)
        mend_conjunct_subjects(doc)
        mend_said_conjuncts(doc)
        mend_aux_nouns(doc)
        mend_dateline_subjects(doc)
        mend_fronted_subjects(doc)
        mend_aside_subjects(doc)
        mend_adverb_subjects(doc)
        mend_modifier_verbs(doc)
        mend_place_dwellings(doc)
        mend_closed_relatives(doc)
        if headline:
            mend_headline_pairs(doc)
            mend_headline_verbs(doc, self.trigger_lemmas)
            mend_headline_noun_verbs(doc, self.verb_lemmas)
            mend_headline_passives(doc)

    def _headline_window(self, article: Article, headline: Headline) -> Window:
        """The headline, in ordinary case, as a window of its own that is parsed in full."""
        block = self.nlp.make_doc(headline.cased)
        view = TokenView.of(block)
        runs = [Run(0, len(block), True, 0, len(headline.cased), block)]
        segments = split_sentences(view, first_index=HEADLINE_INDEX)
        return Window(article, block, 0, runs, segments, False, headline=headline)

    # -- parsing ------------------------------------------------------------------------------

    def _parse(
        self, batch: Sequence[Window], failed: dict[int, Article], report: ErrorSink
    ) -> None:
        """Parse the selected parts of every window of a batch in one `nlp.pipe` call; if that
        fails, window by window, so that only the article at fault is left out."""
        try:
            self._parse_windows(batch)
            return
        except Exception:
            if len(batch) == 1:
                raise
        for window in batch:
            window.parsed = []
            try:
                self._parse_windows([window])
            except Exception as exc:
                if id(window.article) not in failed:
                    failed[id(window.article)] = window.article
                    report(window.article, exc)

    def _parse_windows(self, windows: Sequence[Window]) -> None:
        jobs = [(doc, window) for window in windows for doc in window.to_parse()]
        docs = self.nlp.pipe(
            (doc for doc, _ in jobs), batch_size=max(16, len(jobs)), disable=self.unused
        )
        for doc, (_, window) in zip(docs, jobs, strict=True):
            self._mend(doc, headline=window.headline is not None)
            window.parsed.append(doc)

    def _assemble(self, window: Window) -> Doc:
        """One Doc over the window, at its offset in the article. Parsed runs carry tags, parse
        and entities; the other runs only tokens, each run hung on one root as its own
        sentence. The block's own Doc receives the annotations, so nothing is copied token by
        token unless the block follows another one."""
        parsed = iter(window.parsed)
        carried = next(parsed) if window.carried is not None else None
        block = window.block
        runs = window.runs
        if len(runs) == 1 and runs[0].parse and runs[0].doc is block:
            next(parsed)  # the whole block was parsed in place
        elif runs:
            values: Any = numpy.zeros((len(block), len(ANNOTATIONS)), dtype="uint64")
            for run in runs:
                rows = values[run.start : run.end]
                if run.parse:
                    rows[:] = next(parsed).to_array(ANNOTATIONS)
                else:
                    rows[:, _HEAD_COLUMN] = (-numpy.arange(len(rows), dtype="int64")).astype(
                        "uint64"
                    )
                    rows[:, _DEP_COLUMN] = self.nlp.vocab.strings.add("dep")
                    rows[0, _DEP_COLUMN] = self.nlp.vocab.strings.add("ROOT")
            block.from_array(ANNOTATIONS, values)
        if not window.offset:
            return block
        start = window.carried.start_char if window.carried is not None else window.offset
        docs = [d for d in (self._padding(start), carried, block) if d is not None and len(d)]
        # Tensors are left out: only parsed runs have one. (spaCy's type stub lacks `exclude`.)
        return Doc.from_docs(  # type: ignore[call-arg]
            docs, ensure_whitespace=False, exclude=["tensor", "user_data", "spans"]
        )

    def _padding(self, length: int) -> Doc:
        """Whitespace tokens `length` characters long, so the next token sits at `length`."""
        if not length:
            return Doc(self.nlp.vocab, words=[])
        pieces = [" " * _PAD_PIECE] * (length // _PAD_PIECE)
        if length % _PAD_PIECE:
            pieces.append(" " * (length % _PAD_PIECE))
        doc = Doc(self.nlp.vocab, words=pieces, spaces=[False] * len(pieces))
        values: Any = numpy.zeros((len(doc), 2), dtype="uint64")
        values[:, 0] = (-numpy.arange(len(doc), dtype="int64")).astype("uint64")
        values[:, 1] = self.nlp.vocab.strings.add("dep")
        values[0, 1] = self.nlp.vocab.strings.add("ROOT")
        return doc.from_array([HEAD, DEP], values)

    # -- coding -------------------------------------------------------------------------------

    def _code_window(self, window: Window, doc: Doc) -> Iterator[EventRecord]:
        article = window.article
        actors = self.analyse(article, doc)
        starts = [s.start_char for s in window.segments]
        runs = [window.carried] if window.carried is not None else []
        parsed = [(r.start_char, r.end_char) for r in [*runs, *window.runs] if r.parse]
        # The last three sentences' records: a doer they name may carry into the next act, or
        # be whom a condemnation of "the attack" is aimed at (records/condemned_acts.py).
        earlier: list[tuple[int, list[EventRecord]]] = []
        # Every coded sentence's records, and its incidents: a claim may reach back to them.
        coded: list[tuple[Span, list[EventRecord]]] = []
        incidents: list[list[EventRecord]] = []
        for sent in doc.sents:
            first = _first_word(sent)
            if first < window.offset or not _inside(first, parsed) or first < window.skip_before:
                continue  # padding, carried from the last block, not parsed, or the headline
            if window.headline is not None:
                yield from self._code_headline(article, sent, actors, window.headline)
                continue
            index = window.segments[max(bisect_right(starts, first) - 1, 0)].index
            found = self.records.build_sentence(
                article, index, sent, self.events.find(sent, actors), actors, self.include_negated
            )
            found = self.records.carry_sources(found, sent, earlier)
            earlier = [*earlier[-2:], (index, found)]
            coded.append((sent, found))
            incidents.append(
                self.records.incidents(article, index, sent, actors)
                if self.include_incidents
                else []
            )
        self.records.claimed_sources(coded)
        for (_, found), told in zip(coded, incidents, strict=True):
            yield from self._kept(found)
            yield from told

    def _code_headline(
        self, article: Article, sent: Span, actors: DocActors, headline: Headline
    ) -> Iterator[EventRecord]:
        """The headline's events, marked as the headline's and shown as it is written."""
        found = self.events.find(sent, actors)
        for record in self._kept(
            self.records.build_sentence(
                article, HEADLINE_INDEX, sent, found, actors, self.include_negated
            )
        ):
            yield read_headline(record, headline)

    def _kept(self, records: list[EventRecord]) -> list[EventRecord]:
        """The records asked for: statements (CAMEO 01x) only when they are wanted."""
        if self.include_statements:
            return records
        return [r for r in records if r.kind != "statement"]


def _runs(
    block: Doc, segments: Sequence[Segment], parse: Sequence[bool], start: int, end: int
) -> list[Run]:
    """Consecutive segments with the same parse flag; a parsed run gets a Doc of its tokens
    (the block's own Doc when the whole block is parsed)."""
    if all(parse):
        return [Run(0, len(block), True, start, end, block)]
    runs: list[Run] = []
    first = 0
    for i in range(1, len(segments) + 1):
        if i == len(segments) or parse[i] != parse[first]:
            a, b = segments[first], segments[i - 1]
            doc = block[a.start : b.end].as_doc() if parse[first] else None
            runs.append(Run(a.start, b.end, parse[first], a.start_char, b.end_char, doc))
            first = i
    return runs


def log_error(article: Article, exc: BaseException) -> None:
    """The default report of an article left out: one line on the "gestae" logger."""
    log.error("article %s was not coded: internal error %r", article.id, exc)


def _raise(article: Article, exc: BaseException) -> None:
    raise exc


def _after(block: Doc, char: int) -> list[int]:
    """The first token that is not a space at or after `char`: the sentence after a headline."""
    for token in block:
        if token.idx >= char and not token.is_space:
            return [token.i]
    return []


def _first_word(sent: Span) -> int:
    for token in sent:
        if not token.is_space:
            return token.idx
    return sent.start_char


def _inside(char: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in ranges)


def _batches(windows: Iterator[Window], size: int) -> Iterator[list[Window]]:
    """Windows grouped for one parse call: at most `size` articles' worth and BATCH_CHARS."""
    batch: list[Window] = []
    chars = 0
    for window in windows:
        batch.append(window)
        chars += window.chars
        if len(batch) >= size or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch
