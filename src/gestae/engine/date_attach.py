"""Which date phrase of a sentence belongs to an event: the dependency paths that tie a date
phrase to a verb or event noun, and the clauses whose dates an event shares (engine/dates.py
resolves the chosen phrase and carries dates between sentences)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from spacy.tokens import Doc, Span, Token

from gestae.engine.date_clauses import (
    PAST_TAGS,
    as_clause_climbed,
    simple_past,
    simultaneous,
    toll_when_clause,
)
from gestae.engine.date_conjuncts import (
    bare_past_conjunct,
    passive_conjunct,
    past_conjunct,
    perfect_conjunct,
    stopped_gerund,
)
from gestae.engine.date_links import count_anchor, counted_days
from gestae.engine.date_periods import Period, resolve_text, words
from gestae.engine.date_phrases import dateline_date, dateline_passed
from gestae.engine.date_subject import incident_subject
from gestae.engine.date_syntax import (
    determined_gerund,
    has_subject,
    is_finite,
    is_past,
    is_verb,
    span_root,
)
from gestae.engine.rules import rule, rule_id_of
from gestae.resources.word_classes import words as word_class

NOUN_PREMODIFIERS = frozenset({"compound", "poss", "amod", "nmod", "nummod"})
_NONFINITE_LINKS = frozenset({"xcomp", "acl"})
SPEECH_VERBS = word_class("speech_verbs")


def date_anchors(span: Span) -> set[int]:
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
    if cur.dep_ in NOUN_PREMODIFIERS and cur.head.pos_ in ("NOUN", "PROPN"):
        # "Sunday's attack", "the 2020 election": the date dates the noun, not whatever
        # the clause says about it later.
        return {cur.head.i}
    while cur.head.i != cur.i:
        cur = cur.head
        if span.start <= cur.i < span.end:
            continue
        if cur.dep_ == "prep" and cur.head.lemma_.lower() in words().vocabulary.reason_nouns:
            # "in retaliation for the killing of X last month": the date is the killing's
            return path
        path.add(cur.i)
        if is_verb(cur) and not determined_gerund(cur):
            if cur.dep_ == "acl" and not is_finite(cur) and cur.head.pos_ in ("NOUN", "PROPN"):
                path.add(cur.head.i)
                if _is_ongoing(cur) or holding_participle(cur):
                    continue
            return path
    return path


HOLDING_PARTICIPLES = word_class("holding_participles")


@rule("date.holding-participle")
def holding_participle(acl: Token) -> bool:
    """A participle telling who holds or runs a place ("positions held by the RSF", "areas
    controlled by rebels") tells a standing state with no day: the small model hangs the
    clause's date on it, and the date reaches on up to the act told of the place.

    Example: The army shelled villages held by the militia on Sunday.
    """
    return (
        acl.tag_ == "VBN"
        and acl.lemma_.lower() in HOLDING_PARTICIPLES
        and any(c.dep_ == "agent" for c in acl.children)
    )


def held_through(span: Span) -> bool:
    """The date phrase reaches its event through a holding participle (trace of the rule)."""
    doc = span.doc
    return any(doc[i].dep_ == "acl" and holding_participle(doc[i]) for i in date_anchors(span))


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
        if _is_when_clause(tok) and simple_past(tok) and simple_past(tok.head):
            return True  # "attacked the town when police arrived on Monday"
        return tok.tag_ in ("VBG", "VBN") and not is_finite(tok)
    # Same form as the head ("arrested and sentenced", "killing ... and injuring"): a
    # different one ("some of whom had fought ..., clashed with police") is a misparsed
    # main clause, not a shared one.
    return (
        tok.dep_ == "conj"
        and is_verb(tok.head)
        and (tok.tag_ == tok.head.tag_ or bare_past_conjunct(tok))
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


# A past act inside a dated report ("This week, sources said rebels attacked ten villages")
# may take the report's date only when it is a week or longer (engine/dates.py).
SAID_PERIOD = "date.said-period"


def is_saying(tok: Token) -> bool:
    """A verb whose complement is what it says: a speech verb, or a verb that states an act
    ("warned that it would", `statement_verbs` in data/dates.yaml)."""
    lemma = tok.lemma_.lower()
    return is_verb(tok) and (lemma in SPEECH_VERBS or lemma in words().vocabulary.statement_verbs)


def _speech_or_content_head(verb: Token, ruled: dict[int, str]) -> Token | None:
    """The saying whose complement the trigger's clause is, when that clause is not in the
    past ("told reporters on Monday that Ankara must release ..."): such an act is the
    statement, made when it was said. A past event inside ("said Monday that rebels
    attacked") keeps its own time, within the saying's week, month or year
    (`SAID_PERIOD`, marked in `ruled`). Or the noun whose content it is ("Tuesday's announcement
    that Kyiv had agreed"): what an announcement states is done by its day."""
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and any(c.dep_ == "mark" for c in verb.children):
        return head  # "Tuesday's announcement that Kyiv had agreed": known by Tuesday
    if verb.dep_ != "ccomp" or not is_saying(head):
        return None
    if not is_past(verb):
        return head
    if said_progressive(verb):
        ruled[head.i] = rule_id_of(said_progressive)
        return head
    ruled[head.i] = SAID_PERIOD  # a past act: only the saying's week, month or year (dates.py)
    return head


@rule("date.said-progressive")
def said_progressive(verb: Token) -> bool:
    """A saying's complement in the past progressive is its speaker's present, backshifted:
    the act is under way when it is said, so the saying's date dates it ("announced in
    December it was cutting ties"), as it dates a complement in the present. A report put
    after its words ("Troops were patrolling the village when ..., the police chief told
    reporters on Tuesday") narrates an earlier scene and lends nothing.

    Example: In January, the government announced it was expelling the ambassador.
    """
    return (
        verb.tag_ == "VBG"
        and verb.head.i < verb.i
        and any(
            c.dep_ == "aux" and c.tag_ == "VBD" and c.lemma_.lower() == "be" for c in verb.children
        )
    )


def _dated_together(verb: Token, other: Token) -> bool:
    """A past clause joined by "and" after the trigger's ("Two soldiers were killed and four
    injured on Monday"), or a "when" clause ("were killed when gunmen attacked the town on
    Wednesday"): a date in it dates the trigger too, unless the trigger has its own."""
    if other.lemma_.lower() in SPEECH_VERBS or other.tag_ not in PAST_TAGS:
        return False
    if not (simple_past(verb) and simple_past(other)):
        return False
    if other.dep_ == "advcl":
        return _is_when_clause(other)
    return other.dep_ == "conj" and other.i > verb.i


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


def _add_simultaneous(verb: Token, anchors: set[int], ruled: dict[int, str]) -> None:
    """The clause an "as" clause is told at the time of (date.as-clause), or the past verb a
    misplaced one goes with (date.as-clause-climb), join the anchors."""
    for found in (simultaneous, as_clause_climbed):
        for clause in found(verb):
            if clause.i not in anchors:
                anchors.add(clause.i)
                ruled[clause.i] = rule_id_of(found)


def trigger_anchors(trigger: Token, ruled: dict[int, str] | None = None) -> set[int]:
    """Tokens whose dates also date the trigger; `ruled` gets those a named rule added.

    Non-finite verbs, participle clauses and subjectless coordinated verbs borrow the clause
    they hang from; an act stated in the present inside a report borrows the saying; event
    nouns borrow the verb they are an argument of, directly or through one preposition, but
    never a further clause, and a relative clause saying when they began.
    """
    anchors = {trigger.i}
    ruled = {} if ruled is None else ruled
    if is_verb(trigger):
        anchors.update(
            c.i
            for c in trigger.children
            if (c.dep_ == "conj" and _borrows_head(c)) or _dated_together(trigger, c)
        )
        for c in trigger.children:
            if c.tag_ != trigger.tag_ and bare_past_conjunct(c) and _borrows_head(c):
                ruled[c.i] = rule_id_of(bare_past_conjunct)
            for when in toll_when_clause(trigger, c) if c.i in anchors else ():
                anchors.add(when.i)
                ruled.setdefault(when.i, rule_id_of(toll_when_clause))
        for c in trigger.children:
            if stopped_gerund(trigger, c):
                anchors.add(c.i)
                ruled[c.i] = rule_id_of(stopped_gerund)
        anchors.update(_setting_events(trigger))
        for i in set(incident_subject(trigger)) - anchors:
            anchors.add(i)
            ruled[i] = rule_id_of(incident_subject)
        _add_simultaneous(trigger, anchors, ruled)
        if (noun := dated_noun_relative(trigger)) is not None:
            anchors.add(noun.i)
            ruled[noun.i] = rule_id_of(dated_noun_relative)
        cur = trigger
        for _ in range(4):
            if past_conjunct(cur):
                ruled[cur.head.i] = rule_id_of(past_conjunct)
            elif perfect_conjunct(cur):
                ruled[cur.head.i] = rule_id_of(perfect_conjunct)
            elif passive_conjunct(cur):
                ruled[cur.head.i] = rule_id_of(passive_conjunct)
            elif not _borrows_head(cur):
                break
            joined = cur.dep_ == "conj"
            cur = cur.head
            anchors.add(cur.i)
            # "... as the army stormed the camp and killed 20 rebels": the conjunct shares
            # the "as" clause's time with the clause it is joined to.
            if joined and simple_past(trigger):
                _add_simultaneous(cur, anchors, ruled)
            if not is_verb(cur):
                break
        if (goal := purpose_head(trigger)) is not None and goal.i not in anchors:
            anchors.add(goal.i)
            ruled[goal.i] = rule_id_of(purpose_head)
        for setting in borrowed_settings(trigger, cur):
            if setting not in anchors:
                anchors.add(setting)
                ruled[setting] = rule_id_of(borrowed_settings)
        if is_verb(cur) and (said := _speech_or_content_head(cur, ruled)) is not None:
            anchors.add(said.i)
        if _joins_dated_narration(cur):
            anchors.add(cur.head.i)
        return anchors
    head = trigger.head
    if head.i != trigger.i and head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    if head.i != trigger.i and is_verb(head):
        anchors.add(head.i)
    elif (verb := series_verb(trigger)) is not None:
        anchors.add(verb.i)
        ruled[verb.i] = rule_id_of(series_verb)
    # "the invasion, which began on February 24", "the raid, which happened on Sunday": a
    # relative clause telling when the event started or took place dates the event noun.
    occurred = words().vocabulary.occurrence_verbs
    anchors.update(
        c.i for c in trigger.children if c.dep_ == "relcl" and c.lemma_.lower() in occurred
    )
    return anchors


@rule("date.purpose-period")
def purpose_head(verb: Token) -> Token | None:
    """A "to" clause of purpose ("were in Washington this week to meet officials", "flew to
    Riyadh last month to negotiate") tells what the trip was for, done during it: a week,
    month or year that dates the verb it hangs on dates it too. A day does not (engine/dates.py):
    the meeting may fall the day after the arrival.

    Example: Kenyan envoys were in Mogadishu this week to meet Somali officials.
    """
    if verb.dep_ != "advcl" or verb.tag_ != "VB" or not is_verb(verb.head):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return verb.head


@rule("date.borrowed-setting")
def borrowed_settings(trigger: Token, borrowed: Token) -> list[int]:
    """The event noun that the verb a trigger borrows its time from happens in dates the
    trigger too, as it dates that verb ("the agency said in a November report, calling for
    more ambitious targets": the call is the report's).

    Example: The agency said in a November report, calling for higher targets, that demand fell.
    """
    if borrowed.i == trigger.i or not is_verb(borrowed):
        return []
    return list(_setting_events(borrowed))


@rule("date.noun-relative")
def dated_noun_relative(verb: Token) -> Token | None:
    """A simple-past relative clause on a noun tells what that thing did at its time, so a
    date of the noun dates it ("Sunday's bombing, which killed 12 people", "the 2004 attack
    that killed nine soldiers"); the clause's own date still comes first.

    Example: Sunday's bombing, which killed 12 soldiers, was the deadliest this year.
    """
    noun = verb.head
    if verb.dep_ != "relcl" or noun.pos_ not in ("NOUN", "PROPN") or not simple_past(verb):
        return None
    return noun


@rule("date.series-of")
def series_verb(noun: Token) -> Token | None:
    """An event noun counted by a noun of quantity ("carried out a series of airstrikes on
    Monday", "launched a wave of arrests") is the act of the verb that governs the quantity:
    that verb's date dates it, as it dates a noun that is its own argument
    (`quantity_nouns` in data/dates.yaml). Other nouns of an event noun ("the anniversary of
    the invasion") tell another time and lend nothing.

    Example: On Monday, U.S. forces carried out a series of airstrikes against rebels.
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return None
    quantity = prep.head
    if quantity.lemma_.lower() not in words().vocabulary.quantity_nouns:
        return None
    verb = quantity.head
    if quantity.dep_ not in ("dobj", "nsubj", "nsubjpass") or not is_verb(verb):
        return None
    return verb


def is_future(tokens: list[Token]) -> bool:
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


def within_coarser(
    text: str,
    period: Period,
    coarser: list[tuple[Span, Period]],
    rules: list[str],
    trigger: Token | None = None,
) -> Period:
    """Re-anchor the most specific phrase inside a coarser one of the same clause.

    "Last week, police arrested two men on Monday" means Monday of last week, and "In 2019
    ... on March 3" means March 3, 2019: resolve the specific phrase as if published at the
    end of the coarser period. A count from another act is no frame (`date.count-not-frame`),
    nor is a period that dates a noun (`date.noun-frame`).
    """
    for span, outer in coarser:
        if outer.granularity == period.granularity:
            continue
        if trigger is not None and frames_a_noun(span, trigger):
            rules.append(rule_id_of(frames_a_noun))
            continue
        if outer.start <= period.start and period.end <= outer.end:
            return period
        if counted_from_act(span):
            rules.append(rule_id_of(counted_from_act))
            continue
        inner = resolve_text(text, outer.end, False)
        if inner is not None and outer.start <= inner.start and inner.end <= outer.end:
            return inner
    return period


@rule("date.count-not-frame")
def counted_from_act(span: Span) -> bool:
    """ "lifted the curfew on Wednesday, a week after the riots": the week counts from the
    riots to Wednesday; it is no period the Wednesday lies in, so the day keeps its own
    reading (the last Wednesday), not one a week after a day the riots borrowed.

    Example: Police reopened the mosque on Thursday, a week after riots in the town.
    """
    return counted_days(span) is not None and count_anchor(span) is not None


@rule("date.noun-frame")
def frames_a_noun(span: Span, trigger: Token) -> bool:
    """ "arrested three men on Monday over the killing of a student last week": the week
    hangs on the killing and dates it, not the arrest, so the Monday is no Monday of that
    week. Only a period hung on the act's own clause frames a day in it ("Last week, police
    arrested two men on Monday").

    Example: Police detained two men on Monday over a riot in the market last week.
    """
    cur = span_root(span).head
    while cur.i != trigger.i and cur.head.i != cur.i:
        if cur.pos_ in ("NOUN", "PROPN"):
            return True
        if is_verb(cur):
            return False
        cur = cur.head
    return False


# "before closing the hearing last week": done by then; "after losing it last week" may be
# this week, so "after" lends nothing.
TIME_CLAUSE_PREPS = frozenset({"before"})
ANCHORED_BY_CLAUSE = -1  # marks a path made by `outer_anchor`, for `coarse_only`


def outer_anchor(span: Span, trigger_anchors: set[int], start_event: Token | None) -> set[int]:
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
    if cur.dep_ == "pcomp" and prep.lower_ in TIME_CLAUSE_PREPS and prep.head.i in trigger_anchors:
        return {prep.head.i, ANCHORED_BY_CLAUSE}
    return set()


def coarse_only(span: Span, path: set[int], period: Period) -> bool:
    """A day from a time clause is that clause's, not the event's ("before leaving on Monday");
    a week, month or year holds both."""
    return ANCHORED_BY_CLAUSE in path and period.granularity == "day"


@rule("date.said-in-past")
def said_in_past(path: set[int], doc: Doc) -> bool:
    """A day attached to a saying in the past ("said on Sunday that it will strike") is the
    day of the saying, counted back from publication, even when the act said is future: the
    announcement is the event (record.future-*), and "Sunday" is not the coming one.

    Example: The union said on Sunday that it will strike.
    """
    return any(i >= 0 and is_saying(doc[i]) and is_past(doc[i]) for i in path)


@rule(SAID_PERIOD)
def said_period(period: Period, published: date | None) -> bool:
    """A past act inside a report takes the saying's date when that date is a week, month or
    year begun by publication ("This week, military sources said rebels attacked ten
    villages"): the act was known by then and most likely falls in it. The saying's day is
    not the act's ("said Monday that bandits raided" may tell Sunday's raid).

    Example: This week, army sources said rebels attacked ten villages near the border.
    """
    return published is not None and period.granularity != "day" and period.start <= published


@rule("date.said-day-before")
def said_day_before(period: Period, published: date | None) -> bool:
    """A past act inside a report dated by a day before publication ("On Thursday, officials
    said troops had been deployed", published Friday) is on or before that day: `earlier`,
    not the publication day, which is surely after it; the saying's own day is not the act's.

    Example: On Monday, officials said troops had been deployed to the border.
    """
    return published is not None and period.granularity == "day" and period.start < published


@rule("date.reported-future")
def reported_future(
    verbs: list[Token], ranges: list[tuple[int, int]], published: date | None
) -> bool:
    """A "would" act reported by a past saying ("told reporters that officials would convene
    this weekend") is future from the saying's time, so its weekday or weekend is the coming
    one, when the saying is undated or told on the publication day; a saying dated before it
    ("said on Monday that they would meet Tuesday") may mean a day already past.

    Example: The minister told reporters that envoys would meet this weekend.
    """
    for tok in verbs:
        head = tok.head
        if (
            published is None
            or tok.dep_ != "ccomp"
            or not any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children)
            or not (is_saying(head) and is_past(head))
        ):
            continue
        doc = tok.doc
        said_on = [resolve_text(doc[a:b].text, published, False) for a, b in ranges]
        if all(
            period is not None and period.start == published
            for (a, b), period in zip(ranges, said_on, strict=True)
            if head.i in date_anchors(doc[a:b])
        ):
            return True
    return False


def read_forward(
    verbs: list[Token], path: set[int], ranges: list[tuple[int, int]], published: date | None
) -> tuple[bool, str | None]:
    """Whether a date phrase reads forward, and the rule that decided if one did: a past
    saying's own day reads back (date.said-in-past), a "would" act it reports forward
    (date.reported-future)."""
    future = is_future(verbs)
    past_saying = bool(verbs) and said_in_past(path, verbs[0].doc)
    if future and past_saying:
        return False, rule_id_of(said_in_past)
    if not future and not past_saying and reported_future(verbs, ranges, published):
        return True, rule_id_of(reported_future)
    return future, None


def deciding_rules(
    span: Span, through: set[int], tense_rules: dict[int, str], ruled: dict[int, str], sent: int
) -> list[str]:
    """The named rules that brought the chosen date phrase to the trigger."""
    found = [tense_rules[span.start]] if span.start in tense_rules else []
    if through and through <= ruled.keys():
        found.extend(sorted({ruled[i] for i in through}))
    if held_through(span):
        found.append(rule_id_of(holding_participle))
    if any(determined_gerund(span.doc[i]) for i in date_anchors(span)):
        found.append(rule_id_of(determined_gerund))
    if dateline_passed(span.doc, sent):
        found.append(rule_id_of(dateline_date))
    return found
