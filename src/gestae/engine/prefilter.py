"""Sentence pre-filter: find, with the tokenizer alone, the sentences that can hold an event.

The dependency parse and NER cost most of a run, and most sentences of a news story hold no
event. A sentence can only be coded when one of its words can be a lexicon trigger whose frame
words are all present (`impose` with `sanctions`, `call` with `on`), or when a casualty verb
meets an accident or disaster word (an incident). Both are checked here on lowercased words and
their possible lemmas, read from the spaCy lemmatizer's own rule tables for every part of
speech at once; so the check lets through some sentences the parse will not code, but never
rejects one whose words could match.

Actors are resolved across sentences ("he", "the group", "the two countries" point back), so
a kept sentence brings context with it (`Context`): the article's first sentences, which name
its main actors, and the sentence before a kept sentence that points back. docs/scaling.md
gives what each choice costs and keeps.

Sentences are cut by rule (`split_sentences`), the same way whether or not the filter is on, so
that `sentence_index` means the same in every run.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from gestae.engine.actors import GROUP_REFERENCES, PAIR_HEADS, PERSON_PRONOUNS
from gestae.engine.casualties import casualty_lexicon
from gestae.engine.events import OBLIGATION_MODALS, SPEECH_VERBS
from gestae.resources.lexicon import (
    ACTOR_OBJECT,
    ANY_COMPLEMENT,
    PLACE_NAME,
    Lexicon,
    TriggerEntry,
)

# Tokens that end a sentence (spaCy's rule-based sentencizer uses the same idea).
SENTENCE_END = frozenset({".", "!", "?", "...", "…", "?!", "!?", "。", "！", "？"})
# Punctuation that opens the next sentence rather than closing the last one; a straight quote
# opens one when whitespace comes before it.
OPENING = frozenset({"“", "‘", "«", "(", "[", "{", "¿", "¡"})
STRAIGHT_QUOTES = frozenset({'"', "'"})
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# Words by which the actors stage points back to an actor named earlier (actors.py).
POINTERS = (
    PERSON_PRONOUNS | GROUP_REFERENCES | PAIR_HEADS | {"it", "they", "them", "country", "nation"}
)
# Parts of speech whose lemma rules can turn a word into a trigger or a frame word.
LEMMA_POS = ("verb", "noun", "adj")
# Suffix rules used when the model has no rule tables (a lookup or trainable lemmatizer):
# generous on purpose, since a wrong extra lemma only lets one more sentence through.
FALLBACK_RULES: tuple[tuple[str, str], ...] = (
    ("ies", "y"),
    ("ied", "y"),
    ("ves", "f"),
    ("es", ""),
    ("es", "e"),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ier", "y"),
    ("er", ""),
    ("est", ""),
)


@dataclass(frozen=True)
class Segment:
    """One rule-cut sentence: token bounds in the tokenized block and character bounds in the
    article. `end_char` is the next sentence's start, so segments tile the text exactly."""

    index: int
    start: int
    end: int
    start_char: int
    end_char: int


@dataclass(frozen=True)
class Context:
    """Which unkept sentences are parsed anyway, for the actors they name."""

    lead: int = 2  # the article's first sentences
    previous: int = 1  # sentences before a kept sentence that points back ("he", "the group")


@dataclass
class TokenView:
    """The token attributes the cheap pass reads, copied out of the Doc once."""

    lower: list[str]
    text: list[str]
    space_after: list[bool]
    is_space: list[bool]
    is_punct: list[bool]
    idx: list[int]
    length: int

    @classmethod
    def of(cls, doc: Doc) -> TokenView:
        view = cls([], [], [], [], [], [], len(doc.text))
        for token in doc:
            view.lower.append(token.lower_)
            view.text.append(token.text)
            view.space_after.append(bool(token.whitespace_))
            view.is_space.append(token.is_space)
            view.is_punct.append(token.is_punct)
            view.idx.append(token.idx)
        return view


def split_sentences(
    view: TokenView, offset: int = 0, first_index: int = 0, breaks: Collection[int] = ()
) -> list[Segment]:
    """Cut a tokenized text into sentences: after sentence-final punctuation (and any quotes or
    brackets closing it), at blank lines, and at `breaks` (tokens known to start a sentence, as
    after an abbreviation that ends one: engine/sentences.py). `offset` and `first_index` place
    a block of a long article inside the whole text."""
    n = len(view.text)
    starts = [0] if n else []
    seen_end = False
    for i in range(n):
        if i in breaks and i > starts[-1]:
            starts.append(i)
            seen_end = False
            continue
        if view.is_space[i]:
            if view.text[i].count("\n") >= 2:
                seen_end = True  # a blank line ends a paragraph, title or dateline
            continue
        opens = view.text[i] in OPENING or (
            view.text[i] in STRAIGHT_QUOTES and i > 0 and view.space_after[i - 1]
        )
        if seen_end and i > starts[-1] and (not view.is_punct[i] or opens):
            seen_end = False
            first = view.text[i][:1]
            if not (first.islower() or first.isdigit()):  # "Nov . 2", "6 . 5 million"
                starts.append(i)
        elif view.text[i] in SENTENCE_END:
            seen_end = True
    segments: list[Segment] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else n
        end_char = view.idx[end] if end < n else view.length
        segments.append(
            Segment(first_index + k, start, end, offset + view.idx[start], offset + end_char)
        )
    return segments


class LemmaGuesser:
    """Every lemma a lowercased word could get from the model's rule lemmatizer, whatever its
    part of speech turns out to be."""

    def __init__(self, nlp: Language, normalize: Mapping[str, str]) -> None:
        self.exceptions: dict[str, Mapping[str, Sequence[str]]] = {}
        self.rules: dict[str, Sequence[tuple[str, str]]] = {}
        self.normalize = normalize
        lookups = (
            getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if ("lemmatizer" in nlp.pipe_names)
            else None
        )
        if lookups is not None and lookups.has_table("lemma_rules"):
            exc = lookups.get_table("lemma_exc")
            rules = lookups.get_table("lemma_rules")
            for pos in LEMMA_POS:
                self.exceptions[pos] = exc.get(pos, {})
                self.rules[pos] = [(old, new) for old, new in rules.get(pos, [])]
        elif lookups is not None and lookups.has_table("lemma_lookup"):
            table = lookups.get_table("lemma_lookup")
            self.exceptions["lookup"] = {k: [v] for k, v in table.items() if isinstance(k, str)}
        if not self.rules:
            self.rules["fallback"] = FALLBACK_RULES
        self.guess = functools.lru_cache(maxsize=200_000)(self._guess)

    def _guess(self, word: str) -> frozenset[str]:
        forms = {word}
        for table in self.exceptions.values():
            forms.update(table.get(word, ()))
        for rules in self.rules.values():
            for old, new in rules:
                if word.endswith(old) and len(word) > len(old):
                    forms.add(word[: len(word) - len(old)] + new)
        return frozenset(self.normalize.get(f, f) for f in forms)


def correct_lemmas(doc: Doc, fixes: Mapping[str, str], guess: LemmaGuesser) -> None:
    """Mend the model's known lemma slips ('hopes' -> 'hop') in a parsed Doc, so that every
    rule reading a lemma (trigger frames, wish and plan governors, light verbs) sees the word
    the text has. A slip is mended only when the word's own form allows the fix: 'hoped' is
    'hope', 'hopped' stays 'hop'."""
    for token in doc:
        fix = fixes.get(token.lemma_.lower())
        if fix is not None and fix in guess.guess(token.lower_):
            token.lemma_ = fix


@dataclass(frozen=True)
class _Frame:
    """What an entry needs besides its head word: one word of each group in the sentence."""

    entry: TriggerEntry
    groups: tuple[frozenset[str], ...]

    def fits(self, words: set[str]) -> bool:
        return all(not group.isdisjoint(words) for group in self.groups)


def _frame(entry: TriggerEntry) -> _Frame:
    groups: list[frozenset[str]] = []
    if entry.prep:
        groups.extend(frozenset({word}) for word in entry.prep.split())
    if entry.obj and ACTOR_OBJECT not in entry.obj and PLACE_NAME not in entry.obj:
        # "@actor": any actor may be the object, not checked here; "high commissioner": its noun
        groups.append(frozenset(word.split()[-1] for word in entry.obj))
    if entry.xcomp and ANY_COMPLEMENT not in entry.xcomp:
        groups.append(entry.xcomp)
    if entry.pobj and PLACE_NAME not in entry.pobj:
        groups.append(entry.pobj)  # "@place_name": any place name; not checked here
    if entry.mod:
        groups.append(entry.mod)
    return _Frame(entry, tuple(groups))


@dataclass(frozen=True)
class Verdict:
    """Whether a sentence goes to the full parse, and why."""

    keep: bool
    reasons: tuple[str, ...] = ()


class SentenceFilter:
    """Decides, from tokens only, which sentences the full parse must see."""

    def __init__(self, nlp: Language, lexicon: Lexicon, context: Context | None = None) -> None:
        self.lemmas = LemmaGuesser(nlp, lexicon.lemma_fixes)
        self.context = context or Context()
        frames: dict[str, list[_Frame]] = {}
        for entry in lexicon:
            frames.setdefault(entry.lemma, []).append(_frame(entry))
        for wrong, right in lexicon.lemma_fixes.items():
            if right in frames:
                frames.setdefault(wrong, frames[right])
        self.frames: Mapping[str, Sequence[_Frame]] = frames
        casualties = casualty_lexicon()
        self.casualty_verbs = frozenset(casualties.verbs)
        self.causes = casualties.causes

    def words(self, view: TokenView, start: int, end: int) -> set[str]:
        """Lowercased words, every lemma each could have, and hyphenated compounds written as
        one word ("cease-fire" -> "ceasefire"), as the events stage also reads them."""
        out: set[str] = set()
        guess = self.lemmas.guess
        for i in range(start, end):
            forms = guess(view.lower[i])
            out |= forms
            if (
                i - start >= 2
                and view.text[i - 1] in HYPHENS
                and not view.space_after[i - 1]
                and not view.space_after[i - 2]
            ):
                out.update(view.lower[i - 2] + form for form in forms)
        return out

    def verdict(self, view: TokenView, start: int, end: int, explain: bool = False) -> Verdict:
        """Whether tokens start..end can hold an event or an incident; with `explain`, every
        reason instead of the first."""
        words = self.words(view, start, end)
        reasons: list[str] = []
        for word in words:
            for frame in self.frames.get(word, ()):
                if frame.fits(words):
                    if not explain:
                        return Verdict(True)
                    reasons.append(f"trigger {frame.entry.describe()}")
                    break
        if not words.isdisjoint(self.casualty_verbs) and not words.isdisjoint(self.causes):
            reasons.append("incident: casualty verb with an accident or disaster word")
        if not words.isdisjoint(OBLIGATION_MODALS) and not words.isdisjoint(SPEECH_VERBS):
            reasons.append("a speaker says what someone must do (a demand)")
        return Verdict(bool(reasons), tuple(reasons))

    def explain(self, text: str, nlp: Language) -> list[tuple[str, Verdict]]:
        """Each rule-cut sentence of `text` with the filter's verdict (for `gestae explain`)."""
        view = TokenView.of(nlp.make_doc(text))
        return [
            (text[s.start_char : s.end_char].strip(), self.verdict(view, s.start, s.end, True))
            for s in split_sentences(view)
        ]

    def plan(self, view: TokenView, segments: Sequence[Segment], first_block: bool) -> list[bool]:
        """Which segments to parse: those that can hold an event, plus their context."""
        keep = [self.verdict(view, s.start, s.end).keep for s in segments]
        parse = list(keep)
        for i, kept in enumerate(keep):
            if kept and self.points_back(view, segments[i]):
                for j in range(max(0, i - self.context.previous), i):
                    parse[j] = True
        if first_block:
            for i in range(min(self.context.lead, len(parse))):
                parse[i] = True
        return parse

    @staticmethod
    def points_back(view: TokenView, segment: Segment) -> bool:
        return any(view.lower[i] in POINTERS for i in range(segment.start, segment.end))
