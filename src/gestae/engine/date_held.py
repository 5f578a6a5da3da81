"""The day a holding began dates the arrest that began it.

News tells a detention's start once ("had been in pretrial detention since September 30") and
later refers to the arrest without a day ("Mech Dara's arrest drew condemnation"). The day of
"since" is the arrest's; without this the arrest took the publication day.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta

from spacy.tokens import Span, Token

from gestae.engine.date_links import refers_back
from gestae.engine.date_periods import Period, resolve_text, words
from gestae.engine.date_phrases import doc_candidates
from gestae.engine.date_syntax import span_root
from gestae.engine.rules import rule
from gestae.schema import EventDate

HELD_REACH = 12  # sentences back an arrest noun looks for the day its holding began
_RECENT = timedelta(days=31)


def _holding(since: Token) -> bool:
    """The "since" phrase bounds a holding: on a word of holding ("detention since", "held
    since") or on a verb whose "in" phrase names one ("had been in detention since")."""
    holding = words().vocabulary.holding_words
    head = since.head
    if head.lemma_.lower() in holding:
        return True
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "in"
        and any(o.dep_ == "pobj" and o.lemma_.lower() in holding for o in prep.children)
        for prep in head.children
    )


def held_since_day(noun: Token, published: date) -> tuple[Span, Period] | None:
    """The nearest earlier "since <day>" of a holding, within HELD_REACH sentences and 31 days
    before publication; a week, month or year dates nothing."""
    doc = noun.doc
    starts, by_sent = doc_candidates(doc)
    index = bisect_right(starts, noun.i) - 1
    for sent_start in reversed(starts[max(0, index - HELD_REACH) : index]):
        for start, end in reversed(by_sent.get(sent_start, [])):
            span = doc[start:end]
            root = span_root(span)
            if root.dep_ != "pobj" or root.head.lower_ != "since" or not _holding(root.head):
                continue
            period = resolve_text(span.text, published, False)
            if period is None or period.granularity != "day":
                return None
            return (span, period) if published - _RECENT <= period.start <= published else None
    return None


@rule("date.held-since")
def held_since(trigger: Token, published: date | None) -> EventDate | None:
    """An arrest noun that refers back ("Mech Dara's arrest", "the detention") and that no
    telling dates takes the day an earlier sentence says the holding began ("in detention
    since September 30"), within 12 sentences and 31 days before publication: the holding
    began with the arrest. A bare "an arrest" is a new one and takes nothing.

    Example: The editor has been in detention since Friday. His arrest drew condemnation.
    """
    if published is None or trigger.pos_ != "NOUN" or not refers_back(trigger):
        return None
    if trigger.lemma_.lower() not in words().vocabulary.arrest_nouns:
        return None
    found = held_since_day(trigger, published)
    if found is None:
        return None
    span, period = found
    return EventDate(
        value=period.start.isoformat(),
        end=period.end.isoformat(),
        granularity=period.granularity,
        text=span.text,
        basis="text",
    )
