"""Event dates: find the date expression that belongs to one event and resolve it.

News stories date events relative to their publication day ("on Sunday", "last week"), so
most of the work is (1) deciding which date phrase in a sentence belongs to which event, using
the dependency parse (engine/date_attach.py, and engine/date_past.py for the past told without
a day), (2) turning the phrase into a calendar period (engine/date_periods.py), and (3) here,
choosing among them and carrying a date from another sentence of the article that tells the
same act or the day it counts from (engine/date_links.py finds the words).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, datetime
from functools import partial

from spacy.tokens import Span, Token

from gestae.engine.date_attach import (
    ANCHORED_BY_CLAUSE,
    SAID_PERIOD,
    SPEECH_VERBS,
    coarse_only,
    date_anchors,
    deciding_rules,
    is_saying,
    outer_anchor,
    purpose_head,
    said_day_before,
    said_period,
    trigger_anchors,
    within_coarser,
)
from gestae.engine.date_clauses import simultaneous
from gestae.engine.date_episode import in_story, same_episode
from gestae.engine.date_gathering import gathering_purpose
from gestae.engine.date_held import held_since
from gestae.engine.date_later import told_around
from gestae.engine.date_links import (
    bare_incident_agent,
    count_anchor,
    counted_days,
    doer_tellings,
    goes_on,
    in_past_clause,
    incident_agent,
    incident_doer,
    incident_nouns_back,
    incident_setting,
    incident_tellings,
    narration_day,
    new_telling,
    participants,
    pronoun_retelling,
    quote_day,
    reacts_to_told_act,
    refers_back,
    retellings,
    retold_past_undated,
    shift,
    untagged_count,
)
from gestae.engine.date_meeting import same_meeting
from gestae.engine.date_past import (
    HISTORICAL_GAP,
    counted_after,
    earlier_adverb,
    earlier_cue,
    earlier_relative,
    earlier_time_clause,
    historical_date,
    past_occasions,
    past_perfect_progressive,
    recent_clause,
    simultaneous_earlier,
    speaker_background,
    vague_later,
)
from gestae.engine.date_periods import GRANULARITIES, Period, resolve_text
from gestae.engine.date_periods import words as date_words
from gestae.engine.date_phrases import doc_candidates
from gestae.engine.date_said_clause import told_tense
from gestae.engine.date_same_day import same_day
from gestae.engine.date_story import quoted_narration, statement_earlier, story_before
from gestae.engine.date_subject import effect_subject
from gestae.engine.date_syntax import clause_verb, is_past_event, is_verb, light_carrier
from gestae.engine.date_tallies import tallied
from gestae.engine.rules import Trace, rule, rule_id_of
from gestae.schema import EventDate

__all__ = ["resolve_date"]

AS_CLAUSE = rule_id_of(simultaneous)
PURPOSE = rule_id_of(purpose_head)


def _earlier(cue: str) -> EventDate:
    return EventDate(value=None, end=None, granularity=None, text=cue, basis="earlier")


def _fallback(published: date | None) -> EventDate:
    if published is None:
        return EventDate(value=None, end=None, granularity=None, text=None, basis="unknown")
    iso = published.isoformat()
    return EventDate(value=iso, end=iso, granularity="day", text=None, basis="publication")


def resolve_date(trigger: Token, published: date | None, trace: Trace | None = None) -> EventDate:
    """Date the event expressed by `trigger`, falling back to the publication day.

    A date phrase attached to the trigger's own clause counts; a recent date elsewhere in the
    sentence belongs to another event, and guessing wrong is worse than saying "publication".
    Only a past act in a sentence about the distant past takes its old date. An undated act
    told with its day in another sentence takes that day (engine/date_links.py, date_later.py),
    and "a day earlier" counts from the event or date it names. Named rules go into `trace`.
    """
    if isinstance(published, datetime):
        published = published.date()
    rules: list[str] = []
    when = _resolve(trigger, published, linked=True, rules=rules)
    if trace is not None:
        for rule_id in rules:
            trace.add(rule_id, when.text or "")
    return when


def _resolve(
    trigger: Token, published: date | None, linked: bool, rules: list[str] | None = None
) -> EventDate:
    """`resolve_date`; `linked` False reads the sentence alone (what a link may borrow).
    `rules` gets the ids of the named date rules that decided."""
    rules = [] if rules is None else rules
    if trigger.dep_ in ("aux", "auxpass") and trigger.head.i != trigger.i:
        trigger = trigger.head  # "must maintain": the modal's verb carries the clause
    doc = trigger.doc
    starts, by_sent = doc_candidates(doc)
    sent_start = starts[bisect_right(starts, trigger.i) - 1]
    ruled: dict[int, str] = {}
    anchors = trigger_anchors(trigger, ruled)
    found: list[tuple[tuple[int, int, int], Span, Period, set[int]]] = []
    said_before: str | None = None  # the day of a report made before publication
    tense_rules: dict[int, str] = {}  # date phrases whose reading forward a rule decided
    for start, end in by_sent.get(sent_start, ()):
        span = doc[start:end]
        if span.start <= trigger.i < span.end:
            continue
        counted = counted_days(span) if linked and published is not None else None
        start_event = count_anchor(span) if counted is not None else None
        if start_event is not None and start_event.i in anchors:
            continue  # "two days after the vote" does not date the vote
        path = date_anchors(span)
        if not (path & anchors):
            path = outer_anchor(span, anchors, start_event)
            if not path:
                continue
        verbs = [doc[i] for i in anchors | path if i >= 0 and is_verb(doc[i])]
        future, tense_rule = told_tense(verbs, path, by_sent.get(sent_start, []), published, span)
        if tense_rule is not None:
            tense_rules[span.start] = tense_rule
        period = resolve_text(span.text, published, future)
        if period is None and published is not None and (period := same_day(span, published)):
            tense_rules[span.start] = rule_id_of(same_day)  # "the same day": a day told before
        if period is None and counted is not None and published is not None:
            period = _counted(span, counted, start_event, published)
        if period is None or (start_event is None and coarse_only(span, path, period)):
            continue
        through = path & anchors
        if period.granularity == "day" and _all_ruled(through, ruled, PURPOSE):
            if not gathering_purpose(doc, path):
                continue  # a trip's day is not its purpose's (date.purpose-period)
            tense_rules[span.start] = rule_id_of(gathering_purpose)
        said = through and all(ruled.get(i) == SAID_PERIOD for i in through)
        if said and not said_period(period, published):
            if said_day_before(period, published):
                said_before = span.text
            continue
        borrowed = int(trigger.i not in path or ANCHORED_BY_CLAUSE in path)
        if through and all(ruled.get(i) == AS_CLAUSE for i in through):
            borrowed = 2  # an "as" clause's date yields to any the clause itself reaches
        specificity = GRANULARITIES.index(period.granularity)
        distance = min(abs(trigger.i - span.start), abs(trigger.i - (span.end - 1)))
        found.append(((borrowed, specificity, distance), span, period, through))
    old = None
    if published is not None and all(item[0][0] == 2 for item in found):
        # A date the sentence gives the trigger's own clause, if old, outranks an "as" clause's.
        old = _old_date(trigger, by_sent.get(sent_start, []), published, rules)
    if old is not None:
        span, period = old
    elif not found:
        sayings = [doc[i] for i in sorted(anchors) if i != trigger.i and _states(doc[i], ruled)]
        return _undated(trigger, sent_start, published, linked, said_before, sayings, rules)
    else:
        found.sort(key=lambda item: item[0])
        key, span, period, through = found[0]
        rules.extend(deciding_rules(span, through, tense_rules, ruled, sent_start))
        # Only a phrase attached as closely re-anchors it: "marched on Monday in a May Day
        # rally" is not a Monday in May.
        coarser = [(s, p) for other, s, p, _ in found[1:] if other[0] <= key[0]]
        period = within_coarser(span.text, period, coarser, rules, trigger)
    return _from_text(span.text, period)


def _undated(
    trigger: Token,
    sent_start: int,
    published: date | None,
    linked: bool,
    said_before: str | None,
    sayings: list[Token],
    rules: list[str],
) -> EventDate:
    """The date of an act its sentence gives no date phrase: told elsewhere, `earlier`, the
    day of the episode it is part of, or the publication day."""
    told = _told_elsewhere(trigger, sent_start, published, rules) if linked else None
    if told is not None:
        return told
    cue = _earlier_word(trigger, published, said_before, rules)
    if cue is None and (cue := statement_earlier(trigger, sayings, published)):
        rules.append(rule_id_of(statement_earlier))
    alone = partial(_resolve, published=published, linked=False)
    if linked and (
        episode := in_story(same_episode, trigger, published, cue, rules, alone)
        or in_story(same_meeting, trigger, published, cue, rules, alone)
    ):
        return episode
    return _fallback(published) if cue is None else _earlier(cue)


def _old_date(
    trigger: Token, ranges: list[tuple[int, int]], published: date, rules: list[str]
) -> tuple[Span, Period] | None:
    """The sentence's date long before publication for a past act, unless the clause the
    act hangs on is dated recently and the date is not the act's own (date.recent-clause)."""
    old = historical_date(trigger, ranges, published, rules)
    # "told a court on Tuesday that he tried to kill her in 2022": the act's own date stays.
    own = clause_verb(trigger) or trigger
    if old and not own.is_ancestor(old[0].root) and recent_clause(trigger, ranges, published):
        rules.append(rule_id_of(recent_clause))
        return None
    return old


def _all_ruled(through: set[int], ruled: dict[int, str], rule_id: str) -> bool:
    """Every token a date phrase reaches the trigger through was added by `rule_id`."""
    return bool(through) and all(ruled.get(i) == rule_id for i in through)


def _states(tok: Token, ruled: dict[int, str]) -> bool:
    """A saying the trigger's clause borrows its time from as its statement (not a past act
    inside a report, which `ruled` marks)."""
    return is_saying(tok) and tok.i not in ruled


def _earlier_word(
    trigger: Token, published: date | None, said_before: str | None, rules: list[str]
) -> str | None:
    """The word that puts an undated act before publication, if any rule finds one; the
    deciding rule's id goes into `rules`."""
    cue = earlier_cue(trigger)
    for clause_rule in (
        earlier_adverb,
        past_occasions,
        past_perfect_progressive,
        speaker_background,
        counted_after,
        earlier_time_clause,
        earlier_relative,
    ):
        if cue is None and (cue := clause_rule(trigger)) is not None:
            rules.append(rule_id_of(clause_rule))
    if cue is None and (cue := vague_later(trigger, published)) is not None:
        rules.append(rule_id_of(vague_later))
    if cue is None and (cue := simultaneous_earlier(trigger, published)) is not None:
        rules.append(rule_id_of(simultaneous_earlier))
    if cue is None and (cue := said_before) is not None:
        rules.append(rule_id_of(said_day_before))
    for story_rule in (quoted_narration, story_before):
        if cue is None and (cue := story_rule(trigger, published)) is not None:
            rules.append(rule_id_of(story_rule))
    return cue


def _told_elsewhere(
    trigger: Token, sent_start: int, published: date | None, rules: list[str]
) -> EventDate | None:
    """The date another sentence of the article gives the act (engine/date_links.py)."""
    told = (
        _retold(trigger, sent_start, published, rules)
        or _continued(trigger, published)
        or _quoted_after(trigger, published)
    )
    if told is None and (told := counted_back(trigger, sent_start, published)):
        rules.append(rule_id_of(counted_back))
    if told is None and (told := incident_day(trigger, sent_start, published)):
        rules.append(rule_id_of(incident_day))
    if told is None and (told := bare_doer_day(trigger, sent_start, published)):
        rules.append(rule_id_of(bare_doer_day))
    if told is None and (told := incident_retold(trigger, sent_start, published)):
        rules.append(rule_id_of(incident_retold))
        if is_verb(trigger) and incident_setting(trigger) is None:
            rules.append(rule_id_of(effect_subject))  # "the attack left 12 dead"
    if told is None and (told := held_since(trigger, published)):
        rules.append(rule_id_of(held_since))
    if told is None and (told := background_day(trigger, sent_start, published)):
        rules.append(rule_id_of(background_day))
    alone = partial(_resolve, published=published, linked=False)
    return told or told_around(trigger, published, alone, rules)


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


def _retold(
    trigger: Token, sent_start: int, published: date | None, rules: list[str] | None = None
) -> EventDate | None:
    """The date of the same act told earlier in the article, for a past event or an event
    noun that refers back ("the arrest") whose own sentence gives none. The nearest telling
    decides: when it is undated too, so is this one, except that an event noun of a past
    clause looks past undated tellings to the dated one (date.retold-past-undated)."""
    if is_verb(trigger):
        if not is_past_event(trigger):
            return None
    elif not refers_back(trigger):
        return None
    skipped = False
    for earlier in retellings(trigger, sent_start):
        when = _resolve(earlier, published, linked=False)
        if when.basis != "text" or when.value is None:
            if is_verb(trigger) or new_telling(earlier) or not in_past_clause(trigger):
                return None
            skipped = True
            continue
        if published is None:
            return when
        if is_verb(trigger) and when.value > published.isoformat():
            return None  # a past act is not dated by a day still to come
        recent = (published - HISTORICAL_GAP).isoformat()
        if not is_verb(trigger) and (when.end or when.value) < recent:
            return None  # "his government's call" is the news, not the 2016 call told as background
        if skipped and rules is not None:
            rules.append(rule_id_of(retold_past_undated))
        if rules is not None and is_verb(trigger) and not participants(trigger):
            rules.append(rule_id_of(pronoun_retelling))  # "He was arrested": him, named before
        return when
    return None


@rule("date.counted-back")
def counted_back(trigger: Token, sent_start: int, published: date | None) -> EventDate | None:
    """A past act counted from in its own sentence ("released the sailors on Wednesday, a day
    after they were detained") is that count before the day of the clause the count dates:
    Tuesday (also when the model left "a day" untagged); a present-tense clause counts from
    the publication day ("the talks come two days after X denounced Y"). With no day there, `date.counted-after` still puts it `earlier`.

    Example: Iran freed the sailors on Wednesday, a day after its navy detained them.
    """
    verb = clause_verb(trigger) if is_verb(trigger) else None
    if published is None or verb is None or not is_past_event(trigger):
        return None
    doc = verb.doc
    _, by_sent = doc_candidates(doc)
    untagged = untagged_count(verb)
    for start, end in [*by_sent.get(sent_start, ()), *([untagged] if untagged else [])]:
        span = doc[start:end]
        counted = counted_days(span)
        if counted is None or counted[0] <= 0 or getattr(count_anchor(span), "i", -1) != verb.i:
            continue  # only "a day after <this act>"
        if not is_verb(verb.head) or verb.head.i == verb.i:
            return None
        head = _past_day(verb.head, published)
        if head is not None and head.value is not None:
            day = date.fromisoformat(head.value)
        elif verb.head.tag_ in ("VBZ", "VBP"):
            day = published  # "his comments come two days after X denounced Y": counted from now
        else:
            return None
        period = shift(Period(day, day, "day"), -counted[0], counted[1])
        return None if period is None else _from_text(span.text, period)
    return None


@rule("date.incident-continues")
def incident_day(trigger: Token, sent_start: int, published: date | None) -> EventDate | None:
    """A simple-past act of a definite doer of an incident ("the attackers", "the hijackers",
    "the gunmen"; `incident_agents` in data/dates.yaml) with no date of its own goes on at the
    day the story gave that incident, within 31 days of publication: "Gunmen seized a train
    on Tuesday. The attackers demanded the release of prisoners." The nearest dated telling
    decides; a day after publication, or a week, month or year, dates nothing.

    Example: Gunmen seized a train on Tuesday. The attackers demanded a ransom.
    """
    subject = incident_doer(trigger) if published is not None else None
    agent_verb = incident_agent(subject) if subject is not None else None
    if subject is None or agent_verb is None or published is None:
        return None
    return _recent_day(incident_tellings(subject, agent_verb, sent_start), published)


@rule("date.incident-bare-doer")
def bare_doer_day(trigger: Token, sent_start: int, published: date | None) -> EventDate | None:
    """A simple-past act of doers named by a bare plural ("officials said attackers detonated
    a car bomb") with no date of its own goes on at the day of the nearest dated telling of
    the incident (its verb, or any incident noun: "Saturday's blasts"), within 12 sentences
    and 31 days before publication. A count or article ("six militants") is no bare doer; an
    act the sentence puts earlier ("had earlier said attackers collaborated") is left so.

    Example: Saturday's blasts killed 20 people. Police said attackers detonated a car bomb.
    """
    subject = incident_doer(trigger) if published is not None else None
    agent_verb = bare_incident_agent(subject) if subject is not None else None
    if subject is None or agent_verb is None or published is None:
        return None
    saying = subject.head.head if subject.head.dep_ == "ccomp" else subject.head
    if earlier_adverb(trigger) or any(c.lower_ in ("had", "'d") for c in saying.children):
        return None
    return _recent_day(doer_tellings(subject, agent_verb, sent_start), published)


@rule("date.incident-retold")
def incident_retold(trigger: Token, sent_start: int, published: date | None) -> EventDate | None:
    """A referring noun of a violent incident ("the attack", "the Kabul attack") that no
    telling by its own word dates takes the day of the nearest earlier incident noun the
    article dates ("Tuesday's train hijacking", "Saturday's blasts"; `incident_nouns` in
    data/dates.yaml), within 12 sentences and 31 days before publication: news tells one
    incident by several words. A telling with "a", "an" or "another" is a new incident and
    stops the look back; an undated one is passed over. A past act that happens in such a
    noun ("five guards were killed in the attack") takes its day too.

    Example: Gunmen seized a train in Tuesday's hijacking. The president condemned the attack.
    """
    noun = (incident_setting(trigger) or effect_subject(trigger)) if is_verb(trigger) else trigger
    nouns = date_words().vocabulary.incident_nouns
    if published is None or noun is None or noun.lemma_.lower() not in nouns:
        return None
    if not refers_back(noun):
        return None
    if noun is not trigger and (told := _retold(noun, sent_start, published)) is not None:
        return told
    return _recent_day(incident_nouns_back(noun, sent_start), published)


def _recent_day(tellings: Iterable[Token], published: date) -> EventDate | None:
    """The day of the nearest earlier telling the text dates, if it falls within 31 days
    before publication; a new telling ("another attack") or a vaguer date ends the look back,
    an undated telling is passed over."""
    recent = (published - HISTORICAL_GAP).isoformat()
    for earlier in tellings:
        if new_telling(earlier):
            return None
        when = _resolve(earlier, published, linked=False)
        if when.basis != "text" or when.value is None:
            continue
        if when.granularity != "day" or not recent <= when.value <= published.isoformat():
            return None
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


@rule("date.background-continues")
def background_day(trigger: Token, sent_start: int, published: date | None) -> EventDate | None:
    """A main clause in the simple past, in a sentence with no date phrase at all, goes on at
    the time of the sentence before when that sentence's main clause is in the simple past,
    dated by a week, month, year or longer that ended before publication, and no tally of
    many acts (generic.tally), unless it reacts to an act told ("criticised the verdict"): the story has stepped back into its background ("The country
    descended into chaos in 2013 when rebels seized power. A militia fought back."). An event
    noun its light verb carries ("launched an offensive") goes on with that verb. A day, a
    saying or another tense lends nothing.

    Example: Rebels seized the capital in 2013. A rival militia fought back.
    """
    verb = light_carrier(trigger)  # the main clause's verb, or the light verb of its noun
    if published is None or sent_start == 0 or not _simple_past_root(verb):
        return None
    if reacts_to_told_act(verb):
        return None  # "The EU criticised the verdict": after the act told, not background
    doc = verb.doc
    _, by_sent = doc_candidates(doc)
    if by_sent.get(sent_start):
        return None  # the sentence gives a time of its own, even if not this act's
    before = doc[sent_start - 1].sent.root
    if not _simple_past_root(before) or tallied(before):
        return None  # a yearly tally ("killed 400 people in 500 attacks in 2024") narrates nothing
    when = _resolve(before, published, linked=False)
    if when.basis != "text" or when.granularity in (None, "day") or when.end is None:
        return None
    return when if when.end < published.isoformat() else None


def _simple_past_root(verb: Token) -> bool:
    """The main clause of its sentence in the simple past ("fought", "were killed"), not a
    saying, not "had fought"."""
    if verb.dep_ != "ROOT" or verb.lemma_.lower() in SPEECH_VERBS:
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return not aux
    return verb.tag_ == "VBN" and [c.lemma_.lower() for c in aux] == ["be"] and aux[0].tag_ == "VBD"


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
