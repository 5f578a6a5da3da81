"""Sentence ends the tokenizer hides: an abbreviation with its own full stop that ends a sentence.

"Canada sent troops to the U.S. Trudeau said ..." is one token "U.S." and no separate full
stop, so neither the rule cut (prefilter.split_sentences) nor the parser sees a sentence end,
and one leader is credited with another's act. The usual reading of "U.S." before a capital
is a modifier ("the U.S. Army said", "U.S. officials said"), so a break is made only when what
follows is a name no English dictionary lists (the model's own lemma index) followed by a verb:
"the U.S. Trudeau said" breaks, "the U.S. Army said" and "the U.S. Biden administration" do not.
The break is set on the tokens before the parser runs, which respects it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Token

from gestae.engine.rules import Trace, rule
from gestae.resources.word_classes import words as word_class

# "U.S.", "U.K.", "D.C.", "E.U.": capitals each followed by a full stop, at least two.
ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,}$")
# How many capitalised words a name after the abbreviation may have ("Justin Trudeau").
MAX_NAME_WORDS = 3
_VERB, _OTHER = "verb", ("noun", "adj", "adv")
SENTENCE_OPENERS = word_class("sentence_openers")
# A glued subheading is a short line: at most this many words before the opener.
MAX_HEADING_WORDS = 8
_ENDS = frozenset({".", "!", "?", "\u201d", '"', ":"})


class AbbreviationBreaks:
    """Finds the tokens that start a sentence right after a sentence-ending abbreviation."""

    def __init__(self, nlp: Language, lemmas: Callable[[str], Iterable[str]]) -> None:
        self.lemmas = lemmas
        self.words: set[str] = set()
        self.verbs: set[str] = set()
        if "lemmatizer" not in nlp.pipe_names:
            return
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is None or not lookups.has_table("lemma_index"):
            return
        index = lookups.get_table("lemma_index")
        self.verbs = set(index.get(_VERB, ()))
        for pos in (_VERB, *_OTHER):
            self.words.update(index.get(pos, ()))

    def _listed(self, word: str, within: set[str]) -> bool:
        lower = word.lower()
        return lower in within or any(lemma in within for lemma in self.lemmas(lower))

    def _is_name(self, word: str) -> bool:
        return word[:1].isupper() and word.isalpha() and not self._listed(word, self.words)

    def positions(self, words: list[str], is_space: list[bool]) -> list[int]:
        """Indices of the tokens that start a new sentence (empty without the lemma index)."""
        if not self.words:
            return []
        found: list[int] = []
        n = len(words)
        for i, word in enumerate(words):
            if not ABBREVIATION.match(word):
                continue
            start = i + 1
            while start < n and is_space[start]:
                start += 1
            end = start
            while end < n and end - start < MAX_NAME_WORDS and self._is_name(words[end]):
                end += 1
            if end == start or end >= n:
                continue
            follower = words[end]
            if follower.islower() and self._listed(follower, self.verbs):
                found.append(start)
        return found


@rule("parse.glued-heading")
def glued_heading_breaks(words: list[str], is_space: list[bool]) -> list[int]:
    """Indices of tokens that start a sentence after a subheading glued to it.

    Scraped stories often lose the line break after a subheading, so "Media outlets closed On
    another front, the agency said it shut 12 sites" reads as one sentence and its heading's
    words join the next act. A capitalised opener ("On", "But", "They") right after a lowercase
    word, two to eight words after the last sentence end, marks where the paragraph begins.

    Example: Talks stall Meanwhile, Kenya and Uganda closed their border.
    """
    found: list[int] = []
    since_end = 0  # words since the last sentence end
    line_start = True  # the words since then began with a capital
    previous = ""
    for i, word in enumerate(words):
        if is_space[i]:
            continue
        if word in _ENDS:
            since_end, line_start, previous = 0, True, word
            continue
        if since_end == 0:
            line_start = word[:1].isupper()
        elif line_start and 2 <= since_end <= MAX_HEADING_WORDS and _glued(previous, word):
            found.append(i)
            since_end, line_start = 0, True
        since_end += word.isalnum()
        previous = word
    return found


def _glued(previous: str, word: str) -> bool:
    """A capitalised opener straight after a lowercase word, with no punctuation between."""
    return (
        word[:1].isupper()
        and word[1:].islower()
        and word.lower() in SENTENCE_OPENERS
        and previous.isalpha()
        and previous.islower()
    )


def trace_glued_heading(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its sentence was cut from a subheading glued before it."""
    first = token.sent[0]
    if first.i > 0 and _glued(token.doc[first.i - 1].text, first.text):
        trace.add("parse.glued-heading", f"the sentence begins at '{first.text}'")
