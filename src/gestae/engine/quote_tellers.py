"""Who "he" or "she" is when it tells a quote: '"The timing is odd," said Marek Kowalski of
the institute. "If there is evidence, they should seek a trial," he told reporters.' The
teller of a quote that follows another quote given to a named speaker goes on with that
speaker, not with a person named inside the quote or further back."""

from __future__ import annotations

from spacy.tokens import Span, Token

from gestae.engine.mentions import DocActors
from gestae.engine.rules import declare
from gestae.engine.syntax import CLOSING_QUOTE, OPENING_QUOTE, STRAIGHT_QUOTE
from gestae.resources.word_classes import words
from gestae.schema import Actor

QUOTE_TELLER_RULE = "reference.quote-teller"
SPEECH_VERBS = words("speech_verbs")
CLOSING, STRAIGHT = CLOSING_QUOTE, STRAIGHT_QUOTE
_MARKS = (OPENING_QUOTE, CLOSING, STRAIGHT)
# Forms of a saying verb that attach a quote to its teller, read without a parse.
SAID_FORMS = frozenset({"said", "says", "told", "tells", "added", "adds", "wrote", "writes"})

declare(
    QUOTE_TELLER_RULE,
    """'"The timing is odd," said Marek Kowalski of the institute. "If there is evidence,
    they should seek a trial," he told reporters': a subject "he"/"she" of a saying verb
    right after a closing quote mark, whose quote opens a sentence that follows a quote given
    to a named speaker, is that speaker (the one person named before whose name holds it, when
    the name is no actor), and nobody when the coder cannot place that name, rather than a
    person named inside the quote or further back.

    Example: Hungary's president met the envoy. "The talks went well," said Viktor Orban. "We
    will see," he told reporters as he urged Brussels to release frozen funds.
    """,
    __name__,
)


def quote_teller(token: Token, found: DocActors) -> tuple[bool, Actor | None]:
    """Whether a subject pronoun tells a quote that goes on from a named speaker's quote, and
    that speaker's person (None when the coder cannot place the name). Read from the words
    around the marks, as a sentence that holds no event may not have been parsed."""
    doc = token.doc
    if token.dep_ != "nsubj" or token.head.lemma_.lower() not in SPEECH_VERBS:
        return False, None
    if token.i < 2 or doc[token.i - 1].text not in (CLOSING, STRAIGHT):
        return False, None
    opening = next((t for t in reversed(doc[: token.i - 1]) if t.text in _MARKS), None)
    if opening is None or opening.text == CLOSING or opening.sent.start == 0:
        return False, None
    start = doc[opening.sent.start - 1].sent.start
    name = _last_named_teller(doc[start : opening.i])
    if name is None:
        return False, None
    return True, _person_named(name, token, found)


def _last_named_teller(words: Span) -> list[Token] | None:
    """The name that tells the last quote in `words`: '"...," said Janusz Kowal of ...' or
    '"...," Kowal said'; None when a noun or nothing tells it ("the minister said")."""
    for word in reversed(words):
        if word.lower_ not in SAID_FORMS or word.i - 1 < words.start:
            continue
        before = word.doc[word.i - 1]
        if before.text in (CLOSING, STRAIGHT):  # '," said Janusz Kowal'
            name = []
            for after in word.doc[word.i + 1 : words.end]:
                if not after.is_title:
                    break
                name.append(after)
            return name or None
        name = []
        for back in reversed(word.doc[words.start : word.i]):
            if back.text in (CLOSING, STRAIGHT):  # '," Janusz Kowal said'
                return list(reversed(name)) or None
            if not back.is_title:
                return None
            name.append(back)
    return None


def _person_named(name: list[Token], token: Token, found: DocActors) -> Actor | None:
    """The one person named before the pronoun whose name holds the teller's last name word."""
    key = name[-1].lower_
    fits = {
        a.name or a.text: a
        for a in found.persons_seen
        if a.start < token.idx and key in (a.name or a.text).lower().replace("-", " ").split()
    }
    return next(iter(fits.values())) if len(fits) == 1 else None
