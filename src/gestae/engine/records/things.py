"""Things kept as words are no target of a non-violent act: 'signed a constitutional
declaration', 'relaxed fiscal rules', 'banned the supply' name what the act is about, not
whom it is aimed at. Run before record.unnamed-target, which would bring them back."""

from __future__ import annotations

from spacy.tokens import Span

from gestae.engine.events.mentions import names_someone
from gestae.engine.records.codes import PLACE_TARGET_TYPES
from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.resources.word_classes import words
from gestae.schema import Actor

# Acts whose words-only object may be a place, a building or property hit, raided, seized or
# entered ("attacked the hotel", "raided a warehouse", "sent its soldiers into the valley"):
# those keep it (record.place-victims, record.unnamed-target).
PLACE_ACTS = PLACE_TARGET_TYPES | {"MOBILIZE"}
FLOW_NOUNS = words("flow_nouns")


def _thing(actor: Actor, sent: Span) -> bool:
    """The words' head is a common noun and none of them names a person or a body."""
    span = sent.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or span.root.pos_ != "NOUN":
        return False
    return not any(names_someone(t, t.i == span.root.i) for t in span)


@rule("record.thing-target")
def thing_target(draft: Draft) -> None:
    """A non-violent act's object named only in words that are a thing, not a person or a
    body, is what the act is about: no target (prefer none over a thing).

    Example: The ministers signed a constitutional declaration on Monday.
    """
    if draft.targets or not draft.unnamed or not draft.sources:
        return  # with no source either, the words are all the record has: kept
    if draft.event_type in PLACE_ACTS:
        flow_target(draft)
        return
    things = [t for t in draft.unnamed if _thing(t, draft.sent)]
    if not things:
        return
    draft.unnamed = [t for t in draft.unnamed if t not in things]
    draft.trace.add(
        "record.thing-target",
        "a thing, not a participant: " + ", ".join(t.text for t in things),
    )


@rule("record.flow-target")
def flow_target(draft: Draft) -> None:
    """An act that may hit a place or property (a seizure, a ban) keeps its words as target,
    but a flow of goods or people (word class flow_nouns: 'the import of chicks', 'entry
    visas') is what is banned or stopped, no place and no party: no target.

    Example: Kenya banned the export of maize on Monday.
    """
    flows = []
    for actor in draft.unnamed:
        span = draft.words_of(actor)
        if (
            span is not None
            and span.root.lemma_.lower() in FLOW_NOUNS
            and _thing(actor, draft.sent)
        ):
            flows.append(actor)
    if flows:
        draft.unnamed = [t for t in draft.unnamed if t not in flows]
        draft.trace.add(
            "record.flow-target", "a flow, not a participant: " + ", ".join(t.text for t in flows)
        )
