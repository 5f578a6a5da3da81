"""Dates of events told as the past: a sentence's date long before publication for a past
event whose clause has none, and the words that put an event before the story's time without
a day (basis `earlier`)."""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

from gestae.engine.date_attach import NOUN_PREMODIFIERS, SPEECH_VERBS
from gestae.engine.date_clauses import simultaneous
from gestae.engine.date_periods import Period, resolve_text, words
from gestae.engine.date_phrases import doc_candidates
from gestae.engine.date_syntax import (
    clause_verb,
    is_finite,
    is_past_event,
    is_verb,
    span_root,
)
from gestae.engine.rules import rule, rule_id_of

# A main clause of the present ("remains", "is") or present perfect ("has fallen"): what a
# time clause under it tells is before now.
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})

# Words that name when a state ends ("extended the curfew until June"); "since March" starts
# one, and an act done since then may be dated by it.
ENDING_PREPS = frozenset({"until", "till"})

# A date this long before publication marks a sentence about the past (docs/contract.md).
HISTORICAL_GAP = timedelta(days=31)


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
    return outside and tok.dep_ in NOUN_PREMODIFIERS and tok.head.pos_ in ("NOUN", "PROPN")


def historical_date(
    trigger: Token, ranges: list[tuple[int, int]], published: date, rules: list[str] | None = None
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
    bounded = False
    for start, end in ranges:
        span = doc[start:end]
        if span.start <= trigger.i < span.end or _in_other_clause(span, trigger):
            continue
        if any(_premodifies_noun(tok, span) for tok in span):
            continue  # "the group's 2014 abduction", "the 1990s war": dates that noun only
        period = resolve_text(span.text, published, False)
        if period is None or period.end >= published - HISTORICAL_GAP:
            continue
        if yearless_bound(span):
            bounded = True  # "extended the truce until the end of May": the bound lies ahead
            continue
        distance = min(abs(trigger.i - span.start), abs(trigger.i - (span.end - 1)))
        if best is None or distance < best[0]:
            best = (distance, span, period)
    if best is None and bounded and rules is not None:
        rules.append(rule_id_of(yearless_bound))
    return (best[1], best[2]) if best is not None else None


@rule("date.yearless-bound")
def yearless_bound(span: Span) -> bool:
    """A bound named with no year ("extended the ceasefire until the end of May", "until
    June") is near the story's time, mostly ahead of it: read as the month gone by, it would
    make the act a year old. A bound with its year ("held the town until 2019") stays.

    Example: Myanmar's junta extended its truce with the rebels until the end of May.
    """
    root = span_root(span)
    ending = root.dep_ == "pobj" and root.head.lower_ in ENDING_PREPS
    return ending and not any(t.like_num and len(t.text) == 4 for t in span)


@rule("date.recent-clause")
def recent_clause(trigger: Token, ranges: list[tuple[int, int]], published: date) -> bool:
    """A past act in a clause that hangs on a clause dated recently ("fighting that began
    May 6 in the hills, where soldiers clashed with rebels") belongs to that clause's time,
    not to a date long before publication that another clause of the sentence gives ("The
    king was deposed in 2019 but ..."): the nearest dated word above the act decides, and an
    old date there still dates it ("soured in 2010 after commandos stormed a ship").

    Example: The king fell in 2019, but fighting began on May 6 in the hills, where soldiers clashed with rebels.
    """
    doc = trigger.doc
    cur = clause_verb(trigger) or trigger
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        cur = cur.head  # a noun too: "for the first time since 2015, when ..."
        # A verb joined by "and" shares its first conjunct's dates ("erupted on Friday
        # [14 March] and continued until Saturday").
        frame = (cur, cur.head) if cur.dep_ == "conj" else (cur,)
        ends = [
            period.end
            for start, end in ranges
            if any(_dates(doc[start:end], tok) for tok in frame)
            and (period := resolve_text(doc[start:end].text, published, False)) is not None
        ]
        if ends:  # an old date among them ("in 2009, when ...") still dates the act
            return min(ends) >= published - HISTORICAL_GAP
    return False


def _dates(span: Span, tok: Token) -> bool:
    """The date phrase holds `tok` ("since August 2015, when ...") or hangs on it, directly
    or through a preposition ("began on March 2")."""
    if span.start <= tok.i < span.end:
        return True
    head = span_root(span).head
    if head.dep_ == "prep" and not span.start <= head.i < span.end:
        head = head.head
    return head.i == tok.i


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


def earlier_cue(trigger: Token) -> str | None:
    """Words of the event's clause saying it happened before the story's time, on a day the
    sentence does not give: "previously", "formerly", "recently", "in the past", "in recent
    weeks", or the past perfect of narration ("the general had ordered the arrest"), not of a
    report."""
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
            if c.dep_ == "prep" and c.lower_ in ("in", "over", "during") and _recent_units(c):
                return c.doc[c.i : c.right_edge.i + 1].text
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    had = [c for c in aux if c.lower_ in ("had", "'d") and c.tag_ == "VBD"]
    if not had or verb.tag_ != "VBN" or _under_speech(verb):
        return None
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return None  # "if they had attacked": a condition, not a past event
    return verb.doc[had[0].i : aux[-1].i + 1].text


# "in recent weeks", "over recent months": a stretch before the story that names no day.
_RECENT_UNITS = frozenset({"day", "week", "month", "year"})


def _recent_units(prep: Token) -> bool:
    """Whether a phrase is "in recent weeks" and the like (a plural unit after "recent")."""
    return any(
        o.dep_ == "pobj"
        and o.lemma_.lower() in _RECENT_UNITS
        and o.tag_ == "NNS"
        and any(m.lower_ == "recent" for m in o.children)
        for o in prep.children
    )


@rule("date.earlier-adverb")
def earlier_adverb(trigger: Token) -> str | None:
    """A bare "earlier" on a past act's clause ("A court earlier charged him", "The spokesman,
    earlier, told reporters that ...") puts the act before the story's time on a day the
    sentence does not give: `earlier`, not the publication day; so does a bare "early on" ("the
    group early on picked fights with rivals"). With words of its own ("earlier this week", "a
    day earlier", "earlier than planned", "early on Monday") it is a date phrase or a count,
    read as one.

    Example: A Kenyan court earlier charged the opposition leader with treason.
    """
    verb = clause_verb(trigger)
    if verb is None or not is_past_event(trigger):
        return None
    clause = [verb] if verb.i == trigger.i else [verb, trigger]
    if (
        verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in SPEECH_VERBS
        and is_past_event(verb.head)
    ):
        clause.append(verb.head)  # "told media earlier that troops had been sent": by then
    for tok in list(clause):  # "The spokesman, earlier, told ...": the model hangs it on him
        clause.extend(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
    for tok in clause:
        for c in tok.children:
            bare = not any(w.dep_ != "punct" for w in c.children)
            if c.dep_ == "advmod" and c.lower_ == "earlier" and bare:
                return c.text
            if c.dep_ == "advmod" and c.lower_ == "on" and c.pos_ == "ADV":
                early = [w for w in c.children if w.lower_ == "early" and w.dep_ == "advmod"]
                if early:  # "early on", with no day after it ("early on Monday" is a date)
                    return verb.doc[early[0].i : c.i + 1].text
    return None


@rule("date.past-perfect-progressive")
def past_perfect_progressive(trigger: Token) -> str | None:
    """A past perfect progressive of narration ("the two leaders had been exchanging barbs")
    tells an act under way before the story's time, as a past perfect does: `earlier`. Inside
    a report ("said they had been fighting") it is the speaker's present perfect, backshifted,
    and may run up to now; in a condition ("if they had been ...") it is no act.

    Example: Only last year the two leaders had been trading insults over the border.
    """
    verb = clause_verb(trigger)
    if verb is None or verb.tag_ != "VBG":
        return None
    aux = [c for c in verb.children if c.dep_ == "aux"]
    words_ = [c.lower_ for c in aux]
    if len(words_) < 2 or words_[-2:] not in (["had", "been"], ["'d", "been"]):
        return None
    if aux[-2].tag_ != "VBD" or _under_speech(verb):
        return None
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return None
    return verb.doc[aux[-2].i : aux[-1].i + 1].text


@rule("date.speaker-background")
def speaker_background(trigger: Token) -> str | None:
    """A past perfect in a relative clause on the speaker of a saying ("Evans Revere, a former
    official who had negotiated with Pyongyang, said ...") tells who the speaker is by what
    they did before: it is narration, not part of the report, so it is `earlier` like any
    narrative past perfect. A past perfect inside what is said stays the report's.

    Example: Jane Doe, a diplomat who had negotiated with the rebels, said the talks would fail.
    """
    verb = clause_verb(trigger)
    if verb is None or verb.dep_ != "relcl" or verb.tag_ != "VBN":
        return None
    had = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("had", "'d")]
    if not had or had[0].tag_ != "VBD":
        return None
    cur = verb.head
    for _ in range(4):  # the noun, up through appositions, to the speaker's saying
        if cur.dep_ in ("nsubj", "nsubjpass") and is_verb(cur.head):
            break
        if cur.dep_ != "appos" or cur.head.i == cur.i:
            return None
        cur = cur.head
    saying = cur.head
    if cur.dep_ not in ("nsubj", "nsubjpass") or saying.lemma_.lower() not in SPEECH_VERBS:
        return None
    if _under_speech(saying):
        return None  # the saying is itself reported: leave the whole report be
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.doc[had[0].i : aux[-1].i + 1].text


_COUNTED_UNITS = frozenset({"day", "week", "month", "year", "decade"})
_PAST_MARKS = frozenset({"past", "previous", "earlier", "former"})


@rule("date.past-occasions")
def past_occasions(trigger: Token) -> str | None:
    """An act set "in past tensions", "in previous rounds of talks", "during earlier crises"
    happened on occasions before the story's time, as "in the past" says: `earlier`, not the
    publication day. A span of time ("in past years", "in the previous week") reaches up to
    now and is left to the date phrases.

    Example: In previous border disputes, Uganda has closed its crossings with Kenya.
    """
    verb = clause_verb(trigger)
    if verb is None:
        return None
    clause = [verb] if verb.i == trigger.i else [verb, trigger]
    units = _COUNTED_UNITS | {"hour", "minute", "time", "period"}
    for tok in clause:
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            if prep.lower_ not in ("in", "during"):
                continue
            for noun in (o for o in prep.children if o.dep_ == "pobj" and o.tag_ == "NNS"):
                marks = [a for a in noun.children if a.dep_ == "amod" and a.lower_ in _PAST_MARKS]
                if marks and noun.lemma_.lower() not in units:
                    return verb.doc[prep.i : noun.i + 1].text
    return None


@rule("date.counted-after")
def counted_after(trigger: Token) -> str | None:
    """A past act in an "after" clause counted by days or longer ("eight years after he left
    office", "a day after the Taliban reported that they had barred him") happened at least that
    long before the clause it hangs on, which is not future: `earlier`, not the publication day.
    Hours may still be today, and a future head ("will vote a year after ...") may follow a
    recent act.

    Example: Analysts question the arrest of the mayor eight years after he left office.
    """
    verb = clause_verb(trigger)
    if verb is None or not is_past_event(trigger):
        return None
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS:
        verb = verb.head  # "after the Taliban reported that they had barred him"
    after = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "after"), None)
    if verb.dep_ != "advcl" or after is None:
        return None
    # "eight years after he left" hangs the count on the verb, or on "after" itself
    counts = [c for c in (*verb.children, *after.children) if c.dep_ == "npadvmod"]
    count = next((c for c in counts if c.i < after.i), None)
    if count is None or count.lemma_.lower() not in _COUNTED_UNITS:
        return None
    head = verb.head
    if not is_verb(head) or any(
        c.dep_ == "aux" and c.lower_ in words().vocabulary.future_aux for c in head.children
    ):
        return None
    return verb.doc[min(t.i for t in count.subtree) : after.i + 1].text


@rule("date.earlier-time-clause")
def earlier_time_clause(trigger: Token) -> str | None:
    """A simple-past act in a "before" or "since" clause of a present or present-perfect
    clause happened before the story's time: the main clause compares now with then, so the
    act is `earlier`, not the publication day (`earlier_clause_marks` in data/dates.yaml).

    Example: Trade with the region remains smaller than before Russia invaded Ukraine.
    """
    verb = clause_verb(trigger)
    if verb is None or verb.dep_ not in ("advcl", "pcomp") or verb.tag_ != "VBD":
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None  # "since they had attacked", "before it was seized": leave those be
    marks = words().vocabulary.earlier_clause_marks
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in marks), None)
    head = verb.head
    for _ in range(3):  # "lower than before Russia invaded": up through "than" and "lower"
        if is_verb(head) or head.head.i == head.i:
            break
        head = head.head
    if mark is None or not is_verb(head):
        return None
    aux = {c.tag_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"VBD", "MD"}:
        return None  # "had fallen since", "will end before": not the present
    if head.tag_ in _PRESENT_TAGS or (head.tag_ == "VBN" and aux & _PRESENT_TAGS):
        return mark.text
    return None


@rule("date.earlier-relative")
def earlier_relative(trigger: Token) -> str | None:
    """A simple-past relative clause on a noun of a present, present-perfect or future clause
    tells who the noun's referent is by what it did before ("Barnier, who led the Brexit
    talks, says ...", "an NGO that worked with the archaeologists is ..."): background, so
    `earlier`, not the publication day.

    Example: The general, who led the 2019 offensive, now heads the defence ministry.
    """
    verb = clause_verb(trigger)
    if verb is None or verb.dep_ != "relcl" or verb.tag_ != "VBD":
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    head = verb.head
    for _ in range(4):  # the noun, up through prepositions, to the verb of its clause
        if is_verb(head) or head.head.i == head.i:
            break
        head = head.head
    if not is_verb(head) or head.dep_ != "ROOT":
        return None  # only the main clause: a noun the tagger reads as a verb has none
    aux = {c.tag_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if "VBD" in aux:
        return None
    if (
        head.tag_ in _PRESENT_TAGS
        or "MD" in aux
        or (head.tag_ in ("VBN", "VB") and aux & _PRESENT_TAGS)
    ):
        pronoun = next((c for c in verb.children if c.tag_ in ("WDT", "WP")), None)
        return pronoun.text if pronoun is not None else verb.text
    return None


# How long after the last date told a count with no number may reach, by unit: "days later"
# after a date that ended more than a week before publication is still before it.
_VAGUE_REACH = {"day": timedelta(days=7), "week": timedelta(days=28)}
_LOOK_BACK = 3  # sentences before the phrase that may give the date it counts from


@rule("date.vague-later")
def vague_later(trigger: Token, published: date | None) -> str | None:
    """A simple-past act placed "days later", "weeks later" or "several months later" after
    another (`vague_later_units` in data/dates.yaml) happened before the story's time when the
    count cannot reach publication: months or years always, days or weeks when the last date
    told (in the sentence or the three before) ended more than a week, or four weeks, before
    publication. It is `earlier`, not the publication day; a count with a number is left to
    the counted-days link.

    Example: Last month, insurgents ambushed a bus. Days later, a roadside bomb killed 11 miners.
    """
    verb = clause_verb(trigger)
    if published is None or verb is None or not is_past_event(trigger):
        return None
    units = words().vocabulary.vague_later_units
    for later in (c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "later"):
        unit = next((u for u in later.children if u.dep_ == "npadvmod"), None)
        if unit is None or unit.lemma_.lower() not in units or unit.tag_ != "NNS":
            continue
        if any(c.dep_ == "nummod" for c in unit.children):
            continue  # "two days later": a count the counted-days link reads
        reach = _VAGUE_REACH.get(unit.lemma_.lower())
        if reach is None or _told_before(unit, published, reach):
            return verb.doc[min(t.i for t in unit.subtree) : later.i + 1].text
    return None


def _told_before(unit: Token, published: date, reach: timedelta) -> bool:
    """The last date phrase before the count (its sentence or the three before) ended more
    than `reach` before publication."""
    doc = unit.doc
    starts, by_sent = doc_candidates(doc)
    index = max(i for i, start in enumerate(starts) if start <= unit.i)
    for sent_start in reversed(starts[max(0, index - _LOOK_BACK) : index + 1]):
        for start, end in reversed(by_sent.get(sent_start, [])):
            if end > unit.i or start <= unit.i < end:
                continue
            period = resolve_text(doc[start:end].text, published, False)
            if period is not None:
                return period.end + reach < published
    return False


@rule("date.simultaneous-earlier")
def simultaneous_earlier(trigger: Token, published: date | None) -> str | None:
    """A simple-past clause opened by "as", "while", "though" or "although" is told at the
    time of the simple-past clause it hangs on (date.as-clause): when that clause's words put
    it before the story's time without a day ("Days later, a bomb killed 11 miners, while the
    group took credit for attacking a convoy"; "previously", a bare "earlier", a counted
    "after" clause), the opened clause is `earlier` too. Not the other way: an adverb of the
    opened clause ("While Kenya previously rejected it, ...") contrasts the two times. An act
    named by a gerund after a preposition ("took credit for attacking") goes with its verb.

    Example: Weeks later, rebels shelled the port, while militiamen attacked the airport.
    """
    verb = clause_verb(trigger)
    if verb is None:
        return None
    if not is_finite(verb) and verb.head.pos_ == "ADP" and is_verb(verb.head.head):
        verb = verb.head.head  # "took credit for attacking": the claim's time or before
    # Only the clause it hangs on lends its cue: "While Kenya previously rejected the plan, it
    # accepted it" sets the two apart in time.
    for partner in (p for p in simultaneous(verb) if p.i == verb.head.i):
        cue = (
            earlier_cue(partner)
            or earlier_adverb(partner)
            or past_occasions(partner)
            or counted_after(partner)
            or vague_later(partner, published)
        )
        if cue is not None:
            return cue
    return None
