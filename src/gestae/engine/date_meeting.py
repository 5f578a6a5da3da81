"""What the parties of a dated meeting or visit said and did there takes the meeting's day.

A story of a meeting gives its day once ("Haiti's prime minister met Blinken in Port-au-Prince
on Thursday") and then tells what was said and done at it without one ("Blinken praised him
for his efforts", "the two signed a security pact"). Those acts happened at the meeting: the
publication day misdates them, and `earlier` (date.story-before) loses a day the article gives.
The link asks for a named participant of the meeting in the act's clause, as date.same-episode
asks for a shared participant of a violent incident.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import date, timedelta

from spacy.tokens import Token

from gestae.engine.date_episode import (
    moved_on,
    other_days,
    reported,
    sentences,
    span_of_hours,
)
from gestae.engine.date_phrases import doc_candidates
from gestae.engine.date_syntax import clause_verb, is_past_event, is_verb
from gestae.engine.rules import rule
from gestae.resources.word_classes import words
from gestae.schema import EventDate

MEETING_VERBS = words("meeting_verbs")
MEETING_ACTS = words("meeting_acts")
MEETING_REACH = 6  # sentences back an act looks for the meeting it was told at
MEETING_RECENT = timedelta(days=7)


def _names(tokens: list[Token]) -> set[str]:
    """The proper names among the tokens ("Blinken", "Conille"): who took part."""
    return {t.lemma_.lower() for t in tokens if t.pos_ == "PROPN"}


@rule("date.same-meeting")
def same_meeting(
    trigger: Token, published: date | None, alone: Callable[[Token], EventDate]
) -> EventDate | None:
    """An undated simple-past act of what is said or done at a meeting ("praised", "pledged",
    "signed", "urged"; word class `meeting_acts`) in a sentence with no date phrase takes the
    day the article gave a meeting or visit before it (`meeting_verbs`, within six sentences
    and seven days before publication), when its clause names one of the meeting's named
    participants. An act placed "later", two days told on the way back, or an older or vaguer
    date on it leaves the act undated.

    Example: Kenya's president met Blinken in Nairobi on Tuesday. Blinken praised his reforms.
    """
    if published is None or not is_verb(trigger):
        return None
    verb = clause_verb(trigger)
    if verb is None or trigger.lemma_.lower() not in MEETING_ACTS:
        return None
    if not is_past_event(trigger) or not reported(verb) or moved_on(verb):
        return None
    doc = trigger.doc
    starts, by_sent = doc_candidates(doc)
    index = bisect_right(starts, trigger.i) - 1
    if not all(span_of_hours(doc[s:e]) for s, e in by_sent.get(starts[index], [])):
        return None
    own = _names(list(verb.subtree))
    recent = (published - MEETING_RECENT).isoformat()
    days: set[str] = set()
    for start, end in sentences(doc, starts, index)[:MEETING_REACH]:
        days |= other_days(doc, by_sent.get(start, []), published)
        for meeting in (t for t in doc[start:end] if t.lemma_.lower() in MEETING_VERBS):
            if not is_verb(meeting):
                continue
            when = alone(meeting)
            if when.basis != "text" or when.value is None:
                continue
            if when.granularity != "day" or not recent <= when.value <= published.isoformat():
                return None
            if days - {when.value} or not own & _names(list(doc[start:end])):
                return None
            return when
    return None
