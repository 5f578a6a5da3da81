"""The parts of one violent episode take the day the article gives the episode.

A story of one incident (a train hijacking, a hotel siege, a prison break) gives its day once,
in the lead ("Militants seized a train on Tuesday"), and then tells the incident's parts
without one ("the army said it killed 33 militants", "354 passengers were freed, 37 of whom
were injured"). Those parts happened in the episode, days before publication: the publication
day misdates them, and `earlier` (date.story-before) loses a day the article gives. The link
asks for the same kind of act and a shared participant or place, and gives nothing when the
story dates its incidents on two different days (two episodes that compete) or steps back to
an older time on the way.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from gestae.engine.date_attach import is_saying
from gestae.engine.date_past import earlier_adverb
from gestae.engine.date_periods import resolve_text, words
from gestae.engine.date_phrases import doc_candidates
from gestae.engine.date_story import quoted_narration, story_before
from gestae.engine.date_syntax import clause_verb, is_past_event, is_verb
from gestae.engine.rules import rule, rule_id_of
from gestae.schema import EventDate

__all__ = [
    "in_story",
    "moved_on",
    "other_days",
    "reported",
    "same_episode",
    "sentences",
    "span_of_hours",
]

EPISODE_REACH = 12  # sentences back an undated part looks for its episode's day
EPISODE_RECENT = timedelta(days=7)  # an episode a story tells in parts is that week's news
_STORY = frozenset(map(rule_id_of, (quoted_narration, story_before)))
_DOER = "@doer"  # "militants", "terrorists", "gunmen": the incident's doers named alike
_CROWD = "@crowd"  # "protesters", "demonstrators", "the crowd": a protest's crowd named alike
_FORCE = "@force"  # "forces", "soldiers", "troops", "the army": a state's force named alike
_PARTIES = frozenset({"nsubj", "nsubjpass", "dobj"})


def _incident(tok: Token) -> bool:
    """A word that tells the incident itself: its verb ("stormed") or its noun ("the siege",
    "Saturday's rally")."""
    vocabulary = words().vocabulary
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        return lemma in vocabulary.episode_incidents
    nouns = vocabulary.incident_nouns | vocabulary.episode_gatherings
    return tok.pos_ == "NOUN" and lemma in nouns


def _part(tok: Token) -> bool:
    """An act that may be a part of an incident: its verbs, or a further act ("freed")."""
    vocabulary = words().vocabulary
    lemma = tok.lemma_.lower()
    return is_verb(tok) and (
        lemma in vocabulary.episode_incidents or lemma in vocabulary.episode_acts
    )


def _name(tok: Token) -> str | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = tok.lemma_.lower()
    vocabulary = words().vocabulary
    if lemma in vocabulary.episode_crowds or lemma in vocabulary.episode_gatherings:
        return _CROWD  # "the rally" names its crowd
    if lemma in vocabulary.episode_forces:
        return _FORCE
    return _DOER if lemma in vocabulary.episode_doers else lemma


def _clause_names(verb: Token) -> set[str]:
    """Who and what the act names: the nouns of its clause, and the noun a relative clause
    hangs on ("passengers ..., 37 of whom were injured"), also when the parse hangs it on
    the verb."""
    tokens = list(verb.subtree)
    if verb.dep_ in ("relcl", "acl"):
        tokens.append(verb.head)
    elif verb.dep_ == "advcl" and any(t.tag_ in ("WP", "WDT") for t in verb.subtree):
        # "354 passengers were freed, 37 of whom were injured", parsed as a clause on the
        # verb: "whom" are the verb's parties.
        tokens.extend(c for c in verb.head.children if c.dep_ in _PARTIES)
    return {n for n in map(_name, tokens) if n is not None}


_HOURS = frozenset({"hour", "minute"})
_COUNTED = frozenset({"later", "earlier", "ago", "after", "before"})


def span_of_hours(span: Span) -> bool:
    """A length of time in hours ("an operation that lasted more than 30 hours"), which dates
    nothing; "hours later" counts from another act and is a time of its own."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (
        span[-1].lemma_.lower() in _HOURS
        and not any(t.lower_ in _COUNTED for t in span)
        and (after is None or after.lower_ not in _COUNTED)
    )


def reported(verb: Token) -> bool:
    """A past perfect backshifted by a saying ("said it had blown up the tracks", "according
    to security sources, 104 passengers had been rescued") tells the story's act; any other
    past perfect goes back before it."""
    if not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "according" for c in verb.children):
        return True
    return verb.dep_ == "ccomp" and is_saying(verb.head)


def sentences(doc: Doc, starts: list[int], index: int) -> list[tuple[int, int]]:
    """The spans of the EPISODE_REACH sentences before sentence `index`, nearest first."""
    spans = []
    for k in range(index - 1, max(-1, index - 1 - EPISODE_REACH), -1):
        end = starts[k + 1] if k + 1 < len(starts) else len(doc)
        spans.append((starts[k], end))
    return spans


def other_days(doc: Doc, ranges: list[tuple[int, int]], published: date) -> set[str]:
    """The days a sentence's date phrases name besides the publication day (the day most
    sayings are told): a day the narration moved on to."""
    days = set()
    for start, end in ranges:
        period = resolve_text(doc[start:end].text, published, False)
        if period is not None and period.granularity == "day" and period.start != published:
            days.add(period.start.isoformat())
    return days


def _episode(
    doc: Doc, index: int, published: date, alone: Callable[[Token], EventDate]
) -> tuple[list[EventDate], set[str], set[str]]:
    """The days the sentences before give the incident, nearest first, every other day they
    name, and the names of the sentences that tell the incident; the walk back ends where the
    story dates an incident by an older or vaguer time (its background)."""
    starts, by_sent = doc_candidates(doc)
    recent = (published - EPISODE_RECENT).isoformat()
    days: list[EventDate] = []
    others: set[str] = set()
    names: set[str] = set()
    for start, end in sentences(doc, starts, index):
        tellings = [t for t in doc[start:end] if _incident(t) or _part(t)]
        for telling in filter(_incident, tellings):
            when = alone(telling)
            if when.basis != "text" or when.value is None:
                continue
            if when.granularity != "day" or not recent <= when.value <= published.isoformat():
                return days, others, names
            days.append(when)
        others |= other_days(doc, by_sent.get(start, []), published)
        if tellings:
            names |= {n for n in map(_name, doc[start:end]) if n is not None}
    return days, others, names


def _days_after(
    doc: Doc, index: int, published: date, alone: Callable[[Token], EventDate]
) -> set[str]:
    """The recent days the rest of the article gives an incident, after sentence `index`
    ("came under attack on Tuesday", told far below a lead dated by Wednesday's rescue): an
    episode told on two days anywhere competes, whichever comes first."""
    starts, _ = doc_candidates(doc)
    recent = (published - EPISODE_RECENT).isoformat()
    found = set()
    start = starts[index + 1] if index + 1 < len(starts) else len(doc)
    for telling in filter(_incident, doc[start:]):
        when = alone(telling)
        day = when.value if when.basis == "text" and when.granularity == "day" else None
        if day is not None and recent <= day <= published.isoformat():
            found.add(day)
    return found


_MOVED_ON = frozenset({"later", "afterwards", "afterward", "subsequently"})


def moved_on(verb: Token) -> bool:
    """ "A bomber later attacked a checkpoint": the act comes after the episode, on a day the
    article does not give."""
    return any(c.dep_ == "advmod" and c.lower_ in _MOVED_ON for c in verb.children)


@rule("date.same-episode")
def same_episode(
    trigger: Token, published: date | None, alone: Callable[[Token], EventDate]
) -> EventDate | None:
    """An undated simple-past act of a violent incident's kind ("killed", "were freed",
    "stormed") in a sentence with no date phrase takes the day the article gave the incident
    in a sentence before (within 12 sentences and 7 days before publication), when it names a
    participant or place the incident's sentences name ("militants" and "terrorists" are one
    side, and so are "forces", "soldiers" and "troops"): the story tells one episode in parts.
    An act placed "later" comes after the episode and takes none of its day. Two days told on the way back (the
    incident's and another, save the publication day) compete and date nothing, and so does
    another day the rest of the article gives an incident; an older date on the way back
    ends the episode.

    Example: Gunmen stormed a prison in Kano on Tuesday, freeing 40 inmates. Guards killed
    three of the gunmen at the prison gate.
    """
    if published is None or not is_verb(trigger) or not _part(trigger):
        return None
    verb = clause_verb(trigger)
    if verb is None or not is_past_event(trigger) or not reported(verb) or moved_on(verb):
        return None
    doc = trigger.doc
    starts, by_sent = doc_candidates(doc)
    index = bisect_right(starts, trigger.i) - 1
    if not all(span_of_hours(doc[s:e]) for s, e in by_sent.get(starts[index], [])):
        return None  # the sentence gives a time of its own, even if not this act's
    days, others, names = _episode(doc, index, published, alone)
    if not days or others | {d.value for d in days} != {days[0].value}:
        return None  # no day, or two that compete
    if _days_after(doc, index, published, alone) - {days[0].value}:
        return None  # the article gives the incident another day further on
    return days[0] if _clause_names(verb) & names else None


def _early_on(cue: str, rules: list[str]) -> bool:
    """A bare "early on" ("they freed dozens of women early on") puts an act early in the
    episode the story tells, not before it: the episode's day holds it."""
    return bool(rules) and rules[-1] == rule_id_of(earlier_adverb) and cue.lower() == "early on"


# A rule that dates an undated act by the story part it belongs to (date.same-episode,
# date.same-meeting): the trigger, the publication day and the reading of a sentence alone.
StoryPart = Callable[[Token, date | None, Callable[[Token], EventDate]], EventDate | None]


def in_story(
    part: StoryPart,
    trigger: Token,
    published: date | None,
    cue: str | None,
    rules: list[str],
    alone: Callable[[Token], EventDate],
) -> EventDate | None:
    """`part` (date.same-episode, date.same-meeting) where no rule dates the act, or only a
    story's `earlier` would (date.quoted-narration, date.story-before; for an incident also a
    bare "early on"): the day the article gives the episode or meeting the act is part of
    outranks them. The deciding rule's id replaces the story rule's in `rules`."""
    early = part is same_episode and cue is not None and _early_on(cue, rules)
    if cue is not None and (not rules or rules[-1] not in _STORY) and not early:
        return None
    when = part(trigger, published, alone)
    if when is not None:
        del rules[len(rules) - (cue is not None) :]
        rules.append(rule_id_of(part))
    return when
