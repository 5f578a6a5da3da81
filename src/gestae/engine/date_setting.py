"""An act told "during the talks" or "at the meeting" happened on the day the story gave them.

A story gives a meeting, a vote or a hearing its day once ("Sudan's army chief met the
Egyptian president in Cairo on Monday") and then sets further acts in it by a definite noun
("During the talks, the two leaders agreed to reopen the border"). The noun points back to the
told event: its day dates the act, as "killed in the attack" takes the attack's day
(date.incident-retold).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import date, timedelta

from spacy.tokens import Token

from gestae.engine.date_episode import other_days, sentences
from gestae.engine.date_links import family
from gestae.engine.date_phrases import doc_candidates
from gestae.engine.date_syntax import clause_verb, is_past_event, is_verb
from gestae.engine.rules import rule
from gestae.resources.word_classes import words
from gestae.schema import EventDate

__all__ = ["setting_retold"]

SETTING_NOUNS = words("setting_nouns")
MEETINGS = words("told_meetings")
HEARING_SEATS = words("hearing_seats")
HEARD_MATTERS = words("heard_matters")
SETTING_PREPS = frozenset({"during", "at", "in"})
SETTING_REACH = 6  # sentences back the setting's telling may stand
SETTING_RECENT = timedelta(days=7)
_POINTING = frozenset({"the", "this", "that", "these", "those"})


def _setting(verb: Token) -> Token | None:
    """The definite noun of "during the talks", "at the meeting" on the act's verb."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in SETTING_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in SETTING_NOUNS:
                continue
            if _definite(noun):
                return noun
    return None


def _key(tok: Token) -> str:
    """The event a word tells: a meeting by any of its names ("met", "talks", "summit"), a
    court hearing by its noun or a verb that tells one ("appeared in court")."""
    lemma = tok.lemma_.lower()
    if lemma in MEETINGS:
        return "@meeting"
    if (lemma == "hearing" and tok.pos_ == "NOUN") or _tells_hearing(tok):
        return "@hearing"
    return family(tok)


def _tells_hearing(verb: Token) -> bool:
    """A verb that tells a court's sitting: "appeared in court", "appeared before a judge"
    (`hearing_seats`), "heard the appeal" (`heard_matters`); "heard gunfire" tells none."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in ("appear", "hear"):
        return False
    if lemma == "hear":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in HEARD_MATTERS for c in verb.children)
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("in", "before")
        and any(o.dep_ == "pobj" and o.lemma_.lower() in HEARING_SEATS for o in prep.children)
        for prep in verb.children
    )


def _definite(noun: Token) -> bool:
    """ "the talks", "that meeting": a noun pointing at an event told before."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in _POINTING for c in noun.children
    )


@rule("date.setting-retold")
def setting_retold(
    trigger: Token, published: date | None, alone: Callable[[Token], EventDate]
) -> EventDate | None:
    """A simple-past act set in a definite meeting, vote or hearing ("during the talks", "at
    the meeting"; word class `setting_nouns`), or such a noun itself, in a sentence with no
    date phrase takes the day of the nearest earlier telling of that event (its noun or verb;
    a meeting by any of its names, `told_meetings`: "met", "held talks"; a hearing by a verb
    that tells one: "appeared in court", "heard the appeal"), within six
    sentences and seven days before publication. Another telling on the way back that is not
    definite ("talks opened in Mombasa", "a new round of talks"), two tellings on different
    days, or another day told on the way back date nothing.

    Example: Sudan's army chief met the Egyptian president on Monday. During the talks, the
    two leaders agreed to reopen the border.
    """
    noun = _setting_of(trigger) if published is not None else None
    if noun is None or published is None:
        return None
    doc = trigger.doc
    starts, by_sent = doc_candidates(doc)
    index = bisect_right(starts, trigger.i) - 1
    if by_sent.get(starts[index]):
        return None  # the sentence gives a time of its own
    key = _key(noun)
    recent = (published - SETTING_RECENT).isoformat()
    days: set[str] = set()
    found: EventDate | None = None
    for start, end in sentences(doc, starts, index)[:SETTING_REACH]:
        if found is None:
            days |= other_days(doc, by_sent.get(start, []), published)
        for telling in reversed(doc[start:end]):
            if telling.pos_ not in ("VERB", "NOUN") or _key(telling) != key:
                continue
            dated = bool(by_sent.get(start))  # read alone, a sentence naming no time is undated
            when = alone(telling) if dated else None
            if when is None or when.basis != "text" or when.value is None:
                if found is None and not _definite(telling):
                    return None  # another meeting told on the way back
                continue
            if when.granularity != "day" or not recent <= when.value <= published.isoformat():
                if found is None:
                    return None
                continue
            if found is not None and when.value != found.value:
                return None  # two such events on different days: which one is unknown
            found = found or when
    return None if found is None or days - {found.value} else found


def _setting_of(trigger: Token) -> Token | None:
    """The told event the trigger is set in: the noun of "during the talks" on a simple-past
    act, or the trigger itself when it is such a definite noun."""
    if not is_verb(trigger):
        return trigger if trigger.lemma_.lower() in SETTING_NOUNS and _definite(trigger) else None
    verb = clause_verb(trigger)
    if verb is None or not is_past_event(trigger):
        return None
    if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children):
        return None
    return _setting(trigger) or (_setting(verb) if verb is not trigger else None)
