"""First person inside a quotation: "We condemn this attack," said President Ruto. The "we" or
"I" of a quote is its speaker, named in the same sentence as the subject of the saying verb
outside the quote marks, or, for a sentence wholly inside a quote, the speaker of the quote
in the sentence before. A quote whose speaker the text does not name stays unknown."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from gestae.engine.mentions import DocActors, Mention
from gestae.engine.pointers import pointer
from gestae.engine.rules import declare
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.engine.syntax import CLOSING_QUOTE, OPENING_QUOTE, STRAIGHT_QUOTE
from gestae.resources.word_classes import words
from gestae.schema import Actor

QUOTED_SPEAKER = "reference.quoted-speaker"

declare(
    QUOTED_SPEAKER,
    """'"We will not accept this," the foreign minister said': the first person of a quote
    ("I", "we", "me", "us", "our") is the one who says it, when the sentence names that
    speaker as the subject of the saying verb the quote hangs on; in a quoted sentence that
    names no speaker, the speaker of the quote just before. A speaker the coder does not
    know resolves nothing.

    Example: "We condemn this attack," said Kenyan President William Ruto.
    """,
    __name__,
)

FIRST_PERSON = words("first_person_pronouns")
SPEECH_VERBS = words("speech_verbs")
OPENING, CLOSING, STRAIGHT = OPENING_QUOTE, CLOSING_QUOTE, STRAIGHT_QUOTE


def resolve_quoted_speakers(doc: Doc, found: DocActors) -> None:
    """Point every unresolved first-person pronoun inside a quote at the quote's speaker."""
    added = False
    for token in doc:
        if token.lower_ not in FIRST_PERSON or token.pos_ != "PRON" or token.i in found.by_token:
            continue
        quoted = _quoted(token.sent)
        if token.i not in quoted:
            continue
        speaker = _speaker(token, quoted, found) or _speaker_before(token.sent, quoted, found)
        if speaker is None:
            continue
        what = f"the speaker of the quote, {speaker.actors[0].text} ({QUOTED_SPEAKER})"
        found.add(pointer(token, speaker.actors, what, whole_phrase=False))
        added = True
    if added:
        found.mentions.sort(key=lambda m: m.start)


def _quoted(sent: Span) -> set[int]:
    """Indices of the sentence's tokens inside quote marks. A sentence with one closing mark
    and none before it is the end of a quote opened earlier: its start is inside."""
    marks = [t for t in sent if t.text in (OPENING, CLOSING, STRAIGHT)]
    if not marks:
        return set()
    inside: set[int] = set()
    open_ = marks[0].text == CLOSING or (
        marks[0].text == STRAIGHT and len(marks) % 2 == 1 and _ends_quote(marks[0])
    )
    for t in sent:
        if t.text == OPENING:
            open_ = True
        elif t.text == CLOSING:
            open_ = False
        elif t.text == STRAIGHT:
            open_ = not open_
        elif open_:
            inside.add(t.i)
    return inside


def _ends_quote(mark: Token) -> bool:
    """A straight mark that closes: it follows a word or punctuation with no space."""
    return mark.i > mark.sent.start and not mark.doc[mark.i - 1].whitespace_


def _speaker(token: Token, quoted: set[int], found: DocActors) -> Mention | None:
    """The known actor that is the subject of the saying verb, outside the quote, whose
    clause holds the pronoun."""
    for verb in token.ancestors:
        if verb.i in quoted or verb.lemma_.lower() not in SPEECH_VERBS:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i in quoted:
            return None
        mention = found.by_token.get(subject.i)
        if mention is None or not mention.actors:
            return None
        if not all(_speaks_for_someone(a) for a in mention.actors):
            return None
        return mention
    return None


def _speaker_before(sent: Span, quoted: set[int], found: DocActors) -> Mention | None:
    """'"We condemn the attack," the minister said. "We will find those behind it."': a
    sentence that opens inside a quote and says nowhere who speaks goes on with the quote
    the sentence before gave to its speaker."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None or (first.i not in quoted and first.text not in (OPENING, STRAIGHT)):
        return None
    if any(t.lemma_.lower() in SPEECH_VERBS for t in sent if t.i not in quoted):
        return None  # a saying of its own: its speaker or none
    if sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent
    quoted_before = _quoted(before)
    for verb in before:
        if verb.i in quoted_before or verb.lemma_.lower() not in SPEECH_VERBS:
            continue
        if not any(t.i in quoted_before for c in verb.children for t in c.subtree):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        mention = found.by_token.get(subject.i) if subject is not None else None
        if (
            mention is not None
            and mention.actors
            and all(_speaks_for_someone(a) for a in mention.actors)
        ):
            return mention
    return None


def _speaks_for_someone(actor: Actor) -> bool:
    """An actor whose "we" is a side: not an analyst or a witness of no known country, nor
    one whose country is only the article's, nor an unnamed civilian ("one resident said")."""
    if actor.country is None or CONTEXT_COUNTRY in actor.rule:
        return False
    return not (actor.sector == "CVL" and actor.name is None)
