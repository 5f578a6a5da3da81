"""Event dates: find the date expression that belongs to one event and resolve it.

News stories date events relative to their publication day ("on Sunday", "last week"), so
most of the work is (1) deciding which date phrase in a sentence belongs to which event, using
the dependency parse (here), and (2) turning the phrase into a calendar period
(engine/date_periods.py).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from spacy.tokens import Span, Token

from gestae.engine.date_links import (
    count_anchor,
    counted_days,
    goes_on,
    narration_day,
    quote_day,
    refers_back,
    retellings,
    shift,
)
from gestae.engine.date_periods import GRANULARITIES, Period, resolve_text, words
from gestae.engine.date_phrases import doc_candidates
from gestae.engine.date_syntax import (
    clause_verb,
    has_subject,
    is_finite,
    is_past,
    is_past_event,
    is_verb,
    span_root,
)
from gestae.resources.word_classes import words as word_class
from gestae.schema import EventDate

__all__ = ["resolve_date"]

_NOUN_PREMODIFIERS = frozenset({"compound", "poss", "amod", "nmod", "nummod"})
_NONFINITE_LINKS = frozenset({"xcomp", "acl"})
SPEECH_VERBS = word_class("speech_verbs")


# --------------------------------------------------------------------------------------
# Attachment
# --------------------------------------------------------------------------------------


def _date_anchors(span: Span) -> set[int]:
    """Tokens a date phrase is attached to: its path up to the governing verb (none if the
    phrase only bounds the event).

    A participle modifying a noun ("a message published Thursday") also anchors the noun, so
    sibling modifiers of the same noun ("... asking Paris to ...") share the date; an "-ing" or
    "to" clause on a noun passes the date on to the verb above (`_is_ongoing`).
    """
    path: set[int] = set()
    cur = span_root(span)
    if cur.head.lower_ in words().vocabulary.non_event_preps and cur.dep_ == "pobj":
        return path
    if cur.dep_ in _NOUN_PREMODIFIERS and cur.head.pos_ in ("NOUN", "PROPN"):
        # "Sunday's attack", "the 2020 election": the date dates the noun, not whatever
        # the clause says about it later.
        return {cur.head.i}
    while cur.head.i != cur.i:
        cur = cur.head
        if span.start <= cur.i < span.end:
            continue
        path.add(cur.i)
        if is_verb(cur):
            if cur.dep_ == "acl" and not is_finite(cur) and cur.head.pos_ in ("NOUN", "PROPN"):
                path.add(cur.head.i)
                if _is_ongoing(cur):
                    continue
            return path
    return path


def _is_ongoing(acl: Token) -> bool:
    """An "-ing" or "to" clause on a noun ("a statement criticising China on Friday", "an
    accord to end the war on Tuesday"): the small model often hangs the main clause's date on
    it, and what it says holds at the main event's time, so the date reaches on up. A passive
    participle ("a message published Thursday") tells an earlier event of its own."""
    return acl.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in acl.children)


def _borrows_head(tok: Token) -> bool:
    """True when a verb takes the dates of the verb it hangs from: a non-finite complement
    ("agreed to meet"), a participle clause ("opened fire on Monday, killing two"), or a verb
    coordinated without its own subject ("was arrested and sentenced in 2011")."""
    if tok.head.i == tok.i:
        return False
    if tok.dep_ in _NONFINITE_LINKS:
        return not is_finite(tok)
    if tok.dep_ == "advcl":
        if _is_when_clause(tok) and _simple_past(tok) and _simple_past(tok.head):
            return True  # "attacked the town when police arrived on Monday"
        return tok.tag_ in ("VBG", "VBN") and not is_finite(tok)
    # Same form as the head ("arrested and sentenced", "killing ... and injuring"): a
    # different one ("some of whom had fought ..., clashed with police") is a misparsed
    # main clause, not a shared one.
    return (
        tok.dep_ == "conj"
        and is_verb(tok.head)
        and tok.tag_ == tok.head.tag_
        and not has_subject(tok)
    )


def _joins_dated_narration(verb: Token) -> bool:
    """A past clause joined by "and" to a past clause before it ("Thousands marched on
    Saturday, and soldiers opened fire on them"): the narration goes on at the same time. A
    saying ("..., and officials said ...") is the reporting, of the story's own time."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.lemma_.lower() not in SPEECH_VERBS
        and head.i < verb.i
        and verb.tag_ == "VBD"
        and head.tag_ == "VBD"
        and has_subject(verb)
    )


def _speech_or_content_head(verb: Token) -> Token | None:
    """The saying whose complement the trigger's clause is, when that clause is not in the
    past ("told reporters on Monday that Ankara must release ..."): such an act is the
    statement, made when it was said, while a past event inside ("said Monday that rebels
    attacked") keeps its own time. Or the noun whose content it is ("Tuesday's announcement
    that Kyiv had agreed"): what an announcement states is done by its day."""
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and any(c.dep_ == "mark" for c in verb.children):
        return head  # "Tuesday's announcement that Kyiv had agreed": known by Tuesday
    if is_past(verb):
        return None
    if verb.dep_ == "ccomp" and is_verb(head) and head.lemma_.lower() in SPEECH_VERBS:
        return head
    return None


def _dated_together(verb: Token, other: Token) -> bool:
    """A past clause joined by "and" after the trigger's ("Two soldiers were killed and four
    injured on Monday"), or a "when" clause ("were killed when gunmen attacked the town on
    Wednesday"): a date in it dates the trigger too, unless the trigger has its own."""
    if other.lemma_.lower() in SPEECH_VERBS or other.tag_ not in _PAST_TAGS:
        return False
    if not (_simple_past(verb) and _simple_past(other)):
        return False
    if other.dep_ == "advcl":
        return _is_when_clause(other)
    return other.dep_ == "conj" and other.i > verb.i


_PAST_TAGS = frozenset({"VBD", "VBN"})


def _simple_past(verb: Token) -> bool:
    """ "attacked", "were killed"; not "had negotiated" (before the other) nor "have captured"
    (up to now)."""
    has_have = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    return verb.tag_ in _PAST_TAGS and not has_have


def _is_when_clause(verb: Token) -> bool:
    return any(c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in verb.children)


def _setting_events(verb: Token) -> Iterator[int]:
    """The event noun a verb happens in ("were killed in Monday's clashes", "died during
    Sunday's protest", "killed in a shooting on Monday"): its date dates the verb."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
            yield from (
                o.i for o in prep.children if o.dep_ == "pobj" and o.tag_ in ("NN", "NNS", "VBG")
            )


def _trigger_anchors(trigger: Token) -> set[int]:
    """Tokens whose dates also date the trigger.

    Non-finite verbs, participle clauses and subjectless coordinated verbs borrow the clause
    they hang from; an act stated in the present inside a report borrows the saying; event
    nouns borrow the verb they are an argument of, directly or through one preposition, but
    never a further clause, and a relative clause saying when they began.
    """
    anchors = {trigger.i}
    if is_verb(trigger):
        anchors.update(
            c.i
            for c in trigger.children
            if (c.dep_ == "conj" and _borrows_head(c)) or _dated_together(trigger, c)
        )
        anchors.update(_setting_events(trigger))
        cur = trigger
        for _ in range(4):
            if not _borrows_head(cur):
                break
            cur = cur.head
            anchors.add(cur.i)
            if not is_verb(cur):
                break
        if is_verb(cur) and (said := _speech_or_content_head(cur)) is not None:
            anchors.add(said.i)
        if _joins_dated_narration(cur):
            anchors.add(cur.head.i)
        return anchors
    head = trigger.head
    if head.i != trigger.i and head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    if head.i != trigger.i and is_verb(head):
        anchors.add(head.i)
    # "the invasion, which began on February 24", "the raid, which happened on Sunday": a
    # relative clause telling when the event started or took place dates the event noun.
    occurred = words().vocabulary.occurrence_verbs
    anchors.update(
        c.i for c in trigger.children if c.dep_ == "relcl" and c.lemma_.lower() in occurred
    )
    return anchors


def _is_future(tokens: list[Token]) -> bool:
    vocabulary = words().vocabulary
    for tok in tokens:
        if any(c.dep_ == "aux" and c.lower_ in vocabulary.future_aux for c in tok.children):
            return True
        head = tok.head
        if (
            tok.dep_ == "xcomp"
            and head.lemma_.lower() in vocabulary.future_heads
            and (head.lemma_ != "go" or head.tag_ == "VBG")
            and not is_past(head)
        ):
            return True
    return False


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def _within_coarser(text: str, period: Period, coarser: list[Period]) -> Period:
    """Re-anchor the most specific phrase inside a coarser one of the same clause.

    "Last week, police arrested two men on Monday" means Monday of last week, and "In 2019
    ... on March 3" means March 3, 2019: resolve the specific phrase as if published at the
    end of the coarser period.
    """
    for outer in coarser:
        if outer.granularity == period.granularity:
            continue
        if outer.start <= period.start and period.end <= outer.end:
            return period
        inner = resolve_text(text, outer.end, False)
        if inner is not None and outer.start <= inner.start and inner.end <= outer.end:
            return inner
    return period


# A date this long before publication marks a sentence about the past (docs/contract.md).
_HISTORICAL_GAP = timedelta(days=31)


def _in_other_clause(span: Span, trigger: Token) -> bool:
    """True when the phrase sits in a clause inside the trigger's own arguments ("blamed X
    for quitting the deal in 2018", "arrested the men who attacked it in 2019"): it dates
    that clause's event, which is earlier than the trigger's."""
    cur = span_root(span)
    crossed_clause = False
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.i == trigger.i:
            return crossed_clause
        if is_verb(cur) and cur.dep_ != "xcomp":
            crossed_clause = True
    return False


def _premodifies_noun(tok: Token, span: Span) -> bool:
    outside = not span.start <= tok.head.i < span.end
    return outside and tok.dep_ in _NOUN_PREMODIFIERS and tok.head.pos_ in ("NOUN", "PROPN")


def _historical_date(
    trigger: Token, ranges: list[tuple[int, int]], published: date
) -> tuple[Span, Period] | None:
    """A date long before publication elsewhere in the sentence, for a past event whose own
    clause has none ("Relations soured in 2010 after commandos stormed a ship").

    The publication day is most likely wrong for such an event, and the sentence's old date is
    the best reading; present and future events keep the publication day.
    """
    if not is_past_event(trigger):
        return None
    doc = trigger.doc
    best: tuple[int, Span, Period] | None = None
    for start, end in ranges:
        span = doc[start:end]
        if span.start <= trigger.i < span.end or _in_other_clause(span, trigger):
            continue
        if any(_premodifies_noun(tok, span) for tok in span):
            continue  # "the group's 2014 abduction", "the 1990s war": dates that noun only
        period = resolve_text(span.text, published, False)
        if period is None or period.end >= published - _HISTORICAL_GAP:
            continue
        distance = min(abs(trigger.i - span.start), abs(trigger.i - (span.end - 1)))
        if best is None or distance < best[0]:
            best = (distance, span, period)
    return (best[1], best[2]) if best is not None else None


def _under_speech(verb: Token) -> bool:
    """True inside a report ("said they had arrested five men", "according to the police, 40
    people had been rescued"): there "had" is the report's backshift of "have arrested", which
    may be the same day."""
    for tok in (verb, *verb.ancestors):
        if any(c.lower_ == "according" for c in tok.children):
            return True
        if tok is not verb and is_verb(tok) and tok.lemma_.lower() in SPEECH_VERBS:
            return True
    return False


def _earlier_cue(trigger: Token) -> str | None:
    """Words of the event's clause saying it happened before the story's time, on a day the
    sentence does not give: "previously", "formerly", "recently", "in the past", or the past
    perfect of narration ("the general had ordered the arrest"), not of a report."""
    verb = clause_verb(trigger)
    if verb is None:
        return None
    clause = [verb] if verb.i == trigger.i else [verb, trigger]
    for tok in clause:
        for c in tok.children:
            if c.dep_ == "advmod" and c.lower_ in words().vocabulary.earlier_adverbs:
                return c.text
            if c.dep_ == "prep" and c.lower_ == "in":
                objects = [o for o in c.children if o.dep_ == "pobj" and o.lower_ == "past"]
                if objects and any(d.lower_ == "the" for d in objects[0].children):
                    return "in the past"
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    had = [c for c in aux if c.lower_ in ("had", "'d") and c.tag_ == "VBD"]
    if not had or verb.tag_ != "VBN" or _under_speech(verb):
        return None
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return None  # "if they had attacked": a condition, not a past event
    return verb.doc[had[0].i : aux[-1].i + 1].text


def _earlier(cue: str) -> EventDate:
    return EventDate(value=None, end=None, granularity=None, text=cue, basis="earlier")


def _fallback(published: date | None) -> EventDate:
    if published is None:
        return EventDate(value=None, end=None, granularity=None, text=None, basis="unknown")
    iso = published.isoformat()
    return EventDate(value=iso, end=iso, granularity="day", text=None, basis="publication")


def resolve_date(trigger: Token, published: date | None) -> EventDate:
    """Date the event expressed by `trigger`, falling back to the publication day.

    A date phrase attached to the trigger's own clause counts; a recent date elsewhere in the
    sentence belongs to another event, and guessing wrong is worse than saying "publication".
    Only a past event in a sentence about the distant past takes the sentence's old date. An
    undated act told before in the article with its day takes that day, and a count of days
    ("a day earlier") is counted from the event or date it names (engine/date_links.py).
    """
    if isinstance(published, datetime):
        published = published.date()
    return _resolve(trigger, published, linked=True)


def _resolve(trigger: Token, published: date | None, linked: bool) -> EventDate:
    """`resolve_date`; `linked` False reads the sentence alone (what a link may borrow)."""
    if trigger.dep_ in ("aux", "auxpass") and trigger.head.i != trigger.i:
        trigger = trigger.head  # "must maintain": the modal's verb carries the clause
    doc = trigger.doc
    starts, by_sent = doc_candidates(doc)
    sent_start = starts[bisect_right(starts, trigger.i) - 1]
    trigger_anchors = _trigger_anchors(trigger)
    found: list[tuple[tuple[int, int, int], Span, Period]] = []
    for start, end in by_sent.get(sent_start, ()):
        span = doc[start:end]
        if span.start <= trigger.i < span.end:
            continue
        counted = counted_days(span) if linked and published is not None else None
        start_event = count_anchor(span) if counted is not None else None
        if start_event is not None and start_event.i in trigger_anchors:
            continue  # "two days after the vote" does not date the vote
        path = _date_anchors(span)
        if not (path & trigger_anchors):
            path = _outer_anchor(span, trigger_anchors, start_event)
            if not path:
                continue
        verbs = [doc[i] for i in trigger_anchors | path if i >= 0 and is_verb(doc[i])]
        period = resolve_text(span.text, published, _is_future(verbs))
        if period is None and counted is not None and published is not None:
            period = _counted(span, counted, start_event, published)
        if period is None or (start_event is None and _coarse_only(span, path, period)):
            continue
        borrowed = int(trigger.i not in path or _ANCHORED_BY_CLAUSE in path)
        specificity = GRANULARITIES.index(period.granularity)
        distance = min(abs(trigger.i - span.start), abs(trigger.i - (span.end - 1)))
        found.append(((borrowed, specificity, distance), span, period))
    if not found:
        old = None
        if published is not None:
            old = _historical_date(trigger, by_sent.get(sent_start, []), published)
        if old is None:
            told = None
            if linked:
                told = (
                    _retold(trigger, sent_start, published)
                    or _continued(trigger, published)
                    or _quoted_after(trigger, published)
                )
            if told is not None:
                return told
            cue = _earlier_cue(trigger)
            return _fallback(published) if cue is None else _earlier(cue)
        span, period = old
    else:
        found.sort(key=lambda item: item[0])
        key, span, period = found[0]
        # Only a phrase attached as closely re-anchors it: "marched on Monday in a May Day
        # rally" is not a Monday in May.
        coarser = [p for other, _, p in found[1:] if other[0] <= key[0]]
        period = _within_coarser(span.text, period, coarser)
    return _from_text(span.text, period)


def _from_text(text: str, period: Period) -> EventDate:
    return EventDate(
        value=period.start.isoformat(),
        end=period.end.isoformat(),
        granularity=period.granularity,
        text=text,
        basis="text",
    )


# --------------------------------------------------------------------------------------
# Dates told elsewhere (engine/date_links.py finds the words, these functions the dates)
# --------------------------------------------------------------------------------------

# "before closing the hearing last week": done by then; "after losing it last week" may be
# this week, so "after" lends nothing.
_TIME_CLAUSE_PREPS = frozenset({"before"})
_ANCHORED_BY_CLAUSE = -1  # marks a path made by `_outer_anchor`, for `_coarse_only`


def _outer_anchor(span: Span, trigger_anchors: set[int], start_event: Token | None) -> set[int]:
    """A date phrase that dates a time clause of the trigger's verb, which tells when the
    trigger's event happened: "asked him, before concluding the hearing last week, ..." (last
    week), "visited them the day after the men were deported" (counted from that clause).
    Empty when the phrase has nothing to do with the trigger."""
    if start_event is not None:
        head = start_event.head
        return {head.i} if head.i in trigger_anchors else set()
    cur = span_root(span)
    while cur.head.i != cur.i:
        cur = cur.head
        if not span.start <= cur.i < span.end and is_verb(cur):
            break
    else:
        return set()
    prep = cur.head
    if cur.dep_ == "pcomp" and prep.lower_ in _TIME_CLAUSE_PREPS and prep.head.i in trigger_anchors:
        return {prep.head.i, _ANCHORED_BY_CLAUSE}
    return set()


def _coarse_only(span: Span, path: set[int], period: Period) -> bool:
    """A day from a time clause is that clause's, not the event's ("before leaving on Monday");
    a week, month or year holds both."""
    return _ANCHORED_BY_CLAUSE in path and period.granularity == "day"


def _counted(
    span: Span, counted: tuple[int, str], start_event: Token | None, published: date
) -> Period | None:
    """ "a day earlier", "two days after the vote": counted from the named event's day, or,
    with none named, from the last day the narration gave (this sentence or the three before)."""
    count, unit = counted
    base = _event_day(start_event, published) if start_event is not None else None
    if start_event is None:
        base = narration_day(span, published)
    return None if base is None else shift(base, count, unit)


def _event_day(event: Token, published: date) -> Period | None:
    """The day an event word is dated by its own sentence, or by an earlier telling."""
    when = _resolve(event, published, linked=False)
    if when.basis != "text":
        when = _retold(event, _sentence_start(event), published) or when
    if when.basis != "text" or when.granularity != "day" or when.value is None:
        return None
    day = date.fromisoformat(when.value)
    return Period(day, day, "day")


def _sentence_start(tok: Token) -> int:
    starts, _ = doc_candidates(tok.doc)
    return starts[bisect_right(starts, tok.i) - 1]


def _retold(trigger: Token, sent_start: int, published: date | None) -> EventDate | None:
    """The date of the same act told earlier in the article, for a past event or an event
    noun that refers back ("the arrest") whose own sentence gives none. The nearest telling
    decides: when it is undated too, so is this one."""
    if is_verb(trigger):
        if not is_past_event(trigger):
            return None
    elif not refers_back(trigger):
        return None
    for earlier in retellings(trigger, sent_start):
        when = _resolve(earlier, published, linked=False)
        if when.basis != "text" or when.value is None:
            return None
        if published is None:
            return when
        if is_verb(trigger) and when.value > published.isoformat():
            return None  # a past act is not dated by a day still to come
        recent = (published - _HISTORICAL_GAP).isoformat()
        if not is_verb(trigger) and (when.end or when.value) < recent:
            return None  # "his government's call" is the news, not the 2016 call told as background
        return when
    return None


_CONTINUING_PRONOUNS = frozenset({"he", "she", "they"})


def _continued(trigger: Token, published: date | None) -> EventDate | None:
    """The day of the sentence before for a main clause in the simple past whose subject is
    "he", "she" or "they" ("Mujahid disclosed the decision late Tuesday. He accused the envoy
    of ..."), or that says "also" of the act before (date.also-continues): the story goes on
    that day. A past perfect goes back before it; another subject may tell another day's."""
    verb = _narrated(trigger)
    if verb is None or published is None:
        return None
    subject = _subject(verb)
    start = _sentence_start(verb)
    if subject is None or start == 0:
        return None
    before = verb.doc[start - 1].sent.root
    pronoun = subject.lower_ in _CONTINUING_PRONOUNS
    if not (pronoun or goes_on(verb, before)) or before.tag_ != "VBD" or _subject(before) is None:
        return None
    return _past_day(before, published)


def _quoted_after(trigger: Token, published: date | None) -> EventDate | None:
    """The day of the quote that follows, attributed to the same speaker, for a main clause in
    the simple past with a named subject ("Stevandic denounced the moves. "We are right," he
    said Wednesday."): the quote is the act's own words."""
    verb = _narrated(trigger)
    if verb is None or published is None:
        return None
    subject = _subject(verb)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN"):
        return None
    sent = verb.sent
    if sent.end >= len(verb.doc):
        return None
    words = quote_day(verb.doc[sent.end].sent.text)
    period = resolve_text(words, published, False) if words else None
    if words is None or period is None or period.start > published:
        return None
    return _from_text(words, period)


def _narrated(trigger: Token) -> Token | None:
    """The trigger's verb when it is the main clause of its sentence, in the simple past."""
    verb = clause_verb(trigger)
    if verb is None or verb.dep_ != "ROOT" or verb.tag_ != "VBD":
        return None
    return verb


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _past_day(verb: Token, published: date) -> EventDate | None:
    """The day a verb's own sentence gives it, when that day is not after publication."""
    when = _resolve(verb, published, linked=False)
    if when.basis != "text" or when.granularity != "day" or when.value is None:
        return None
    return when if when.value <= published.isoformat() else None
