"""Doers told in the sentence before: an act the sentence tells with no doer of its own takes
the doer of the act it follows up.

News names the doer once and tells the rest of the incident without it: "Militants stormed a
base on Monday. Three soldiers were killed." (the toll of the attack just told), or "Police
arrested the editor on Friday. He was charged with sedition." (the next step of one legal
procedure). Each sentence is coded alone, so the second act would stand with no source.

The carry is narrow, since a wrong doer is worse than none: only into an act whose sentence
names no doer at all, only from the sentence just before (two for a procedure), only when that
sentence names exactly one doer of the kind of act followed up, never onto the doer's own side,
and never into an act the sentence tells as a new one ("a roadside bomb killed ...").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Literal

from spacy.tokens import Span, Token

from gestae.engine.records.merge import record_id
from gestae.engine.rules import rule
from gestae.schema import Actor, EventRecord

# The sentences already coded before the one at hand: (sentence index, its records).
Earlier = Sequence[tuple[int, Sequence[EventRecord]]]

# Sentences back a reaction looks for the act it reacts to.
REACTION_REACH = 3
# How the text may hold an act that a doer is carried into, or carried from.
_HELD = frozenset({"asserted", "reported"})
# Sectors of a state's own bodies: its forces never take a toll of their own state's people.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# Sectors of armed men outside a state: the attackers killed in an attack are not its toll.
_ARMED_GROUPS = frozenset({"REB", "UAF", "CRM"})
# Determiners and modifiers of an act told as a new one, not the one just told.
_NEW = frozenset({"a", "an", "another", "separate", "second", "new"})
# Steps of a legal procedure (CAMEO): arrest, charge, indictment, jailing; conviction or
# sentence; release. What each step may take its doer from, and which doer may do it.
_HOLDING, _SENTENCING, _RELEASING = "173", "116", "0841"
_FOLLOWS = {
    _HOLDING: (_HOLDING,),
    _SENTENCING: (_HOLDING, _SENTENCING),
    _RELEASING: (_HOLDING, _RELEASING),
}
_PRONOUNS = frozenset({"he", "him", "she", "her", "they", "them"})
_PROCEDURE_REACH = 2


def carry_sources(records: list[EventRecord], sent: Span, earlier: Earlier) -> list[EventRecord]:
    """The sentence's records, each act with no doer given the doer it follows up, if any."""
    out: list[EventRecord] = []
    for record in records:
        carried = attack_carried(record, sent, earlier) or procedure_carried(record, earlier)
        out.append(carried or record)
    return out


# Rules that stand the state in for a doer the sentence does not name (records/fallbacks.py).
_STAND_INS = ("record.state-agent", "record.context-state-agent")


def doerless(record: EventRecord, stand_in: bool = False) -> bool:
    """An act the sentence names no doer of; with `stand_in`, also one whose source is only
    the state standing in for that doer."""
    unnamed = record.source is None or (stand_in and any(r in record.rules for r in _STAND_INS))
    return (
        record.kind == "event"
        and unnamed
        and not record.negated
        and record.modality in _HELD
        and record.event_type is not None
    )


def doer_key(actor: Actor) -> tuple[str | None, ...]:
    """One doer, however often it is named: its country, sector and name, or its words."""
    if actor.country or actor.sector:
        return (actor.country, actor.sector, actor.name)
    return (None, None, actor.text.lower())


def one_doer(records: Sequence[EventRecord], held: frozenset[str] = _HELD) -> Actor | None:
    """The only doer of the records, when they name exactly one with a country or a sector;
    `held` says how the text may hold their acts (a threat answered: also announced)."""
    doers = {
        doer_key(r.source): r.source
        for r in records
        if r.source is not None and not r.negated and r.modality in held
    }
    if len(doers) != 1:
        return None
    doer = next(iter(doers.values()))
    return doer if doer.country or doer.sector else None


def reaction_trigger(
    record: EventRecord,
    sent: Span,
    earlier: Earlier,
    fits: Callable[[str], bool],
    statements: frozenset[str] = frozenset(),
) -> Span | None:
    """The trigger words of an event record whose CAMEO code `fits` (or a statement whose code
    is one of `statements`: a denial answers a charge), with no target, not denied, when the
    article told sentences before it: what the rules read that aim a reaction at the act it
    reacts to."""
    code = record.cameo or ""
    if record.kind == "event":
        reacts = fits(code)
    else:
        reacts = record.kind == "statement" and code in statements
    if not reacts or record.target is not None or record.negated or not earlier:
        return None
    return sent.doc.char_span(record.trigger.start, record.trigger.end, "expand")


# Determiners of an act named as one the article told: "the strike", "this decision".
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def definite_object(trigger: Span) -> Token | None:
    """The reaction's object when it is named with "the", "this" or "that" ("condemned the
    strike", "rejected this decision"): an act the article told before. Not one a verb of
    the noun's own word tells earlier in the same sentence ("a court ordered the union back
    to work, but doctors defied the order"): that act's doer is no doer of the sentences
    before, and no target beats a wrong one."""
    obj = next((c for c in trigger.root.children if c.dep_ == "dobj"), None)
    if obj is None or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in obj.children):
        return None
    lemma = obj.lemma_.lower()
    if any(t.pos_ == "VERB" and t.lemma_.lower() == lemma for t in obj.sent if t.i < trigger.start):
        return None
    return obj


def aim_at_doer_told(
    record: EventRecord,
    earlier: Earlier,
    acts: Callable[[EventRecord], bool],
    rule_id: str,
    why: str,
    veto: Callable[[Actor], bool] = lambda doer: False,
    held: frozenset[str] = _HELD,
) -> EventRecord | None:
    """The reaction aimed at the one doer of the nearest of the three sentences before that
    tells such `acts` (doer_told_before), unless `veto` refuses that doer; `why` names the
    sentence at its "{index}"."""
    found = doer_told_before(record, earlier, acts, REACTION_REACH, held)
    if found is None or veto(found[1]):
        return None
    index, doer = found
    return with_actor(record, "target", doer, rule_id, why.format(index=index))


def doer_told_before(
    record: EventRecord,
    earlier: Earlier,
    acts: Callable[[EventRecord], bool],
    reach: int,
    held: frozenset[str] = _HELD,
) -> tuple[int, Actor] | None:
    """The one doer of the nearest of the `reach` sentences before that tells such `acts`,
    with that sentence's index; None when that sentence names several doers, or the record's
    own source. The look back of the rules that aim a reaction at the act it reacts to."""
    for index, before in reversed(earlier):
        if index < record.sentence_index - reach:
            return None
        told = [r for r in before if r.kind == "event" and acts(r)]
        if not told:
            continue
        doer = one_doer(told, held)
        if doer is None or (
            record.source is not None and doer_key(doer) == doer_key(record.source)
        ):
            return None
        return index, doer
    return None


def own_side(doer: Actor, victim: Actor | None) -> bool:
    """The victim is on the doer's side: the same actor, the doer's own state's people (or
    people of no known side) when the doer is a state's body ("soldiers shot two militants.
    Seven officials were killed": not by their own soldiers), or armed men when the doer is
    armed men ("six attackers were killed": not by their own group)."""
    if victim is None:
        return False
    if victim.country == doer.country and victim.sector == doer.sector:
        return True
    if doer.sector in _STATE_SECTORS and victim.country in (None, doer.country):
        return victim.kind == "state" or victim.sector in _STATE_SECTORS or victim.sector is None
    return doer.sector in _ARMED_GROUPS and victim.sector in _ARMED_GROUPS


def tells_new(trigger: Span) -> bool:
    """The act is told as a new one: its words, its subject or the incident it happened in
    are a noun with "a", "another" or "separate" ("a roadside bomb killed five", "were killed
    in a separate attack")."""
    nouns: list[Token] = [t for t in trigger if t.pos_ in ("NOUN", "PROPN")]
    for tok in trigger:
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                nouns.append(child)
            if child.dep_ == "prep" and child.lower_ in ("in", "during", "by"):
                nouns.extend(o for o in child.children if o.dep_ == "pobj")
    return any(
        c.dep_ in ("det", "amod") and c.lower_ in _NEW for noun in nouns for c in noun.children
    )


def counted_since(trigger: Span) -> bool:
    """The act is counted over a span that runs up to now: "have been killed since September",
    "since the campaign began"."""
    for child in trigger.root.children:
        if child.dep_ == "prep" and child.lower_ == "since":
            return True
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "since" for m in child.children
        ):
            return True
    return False


def dated_apart(record: EventRecord, other: EventRecord) -> bool:
    """Both acts are dated from the text, in periods that do not meet: two incidents
    ("this week" holds "Tuesday")."""
    a, b = record.date, other.date
    if a.basis != "text" or b.basis != "text" or not a.value or not b.value:
        return False
    return (a.end or a.value) < b.value or (b.end or b.value) < a.value


def with_source(record: EventRecord, doer: Actor, rule_id: str, why: str) -> EventRecord:
    """The record with `doer` as its source, told by `rule_id` for the reason `why`."""
    return with_actor(record, "source", doer, rule_id, why)


def with_actor(
    record: EventRecord, role: Literal["source", "target"], actor: Actor, rule_id: str, why: str
) -> EventRecord:
    """The record with `actor` in `role` (its rule `why`), its id remade, the rule told."""
    placed = replace(actor, rule=why)
    source = placed if role == "source" else record.source
    target = placed if role == "target" else record.target
    return replace(
        record,
        id=record_id(
            record.article_id,
            record.sentence_index,
            record.trigger.start,
            str(record.event_type),
            source,
            target,
        ),
        source=source,
        target=target,
        explanation=f"{record.explanation}; {rule_id}: {why} ({actor.text})",
        rules=[*record.rules, rule_id],
    )


@rule("source.attack-carried")
def attack_carried(record: EventRecord, sent: Span, earlier: Earlier) -> EventRecord | None:
    """A violent act told with no doer right after a sentence that names the one attacker
    was done by that attacker: the toll or the next blow of the same incident. A toll counted
    since a time ("30 candidates have been killed since campaigning began") is a running tally
    of many hands, not that incident's.

    Example: Militants stormed an army base in Mali on Monday. Three soldiers were killed.
    """
    if not doerless(record) or record.event_type != "ASSAULT" or not earlier:
        return None
    index, before = earlier[-1]
    if index != record.sentence_index - 1:
        return None
    attacks = [r for r in before if r.kind == "event" and r.event_type == "ASSAULT"]
    doer = one_doer(attacks)
    if doer is None or own_side(doer, record.target):
        return None
    if any(dated_apart(record, r) for r in attacks):
        return None
    trigger = sent.doc.char_span(record.trigger.start, record.trigger.end, "expand")
    if trigger is None or tells_new(trigger) or counted_since(trigger):
        return None
    why = "source: the attacker the sentence before names"
    return with_source(record, doer, "source.attack-carried", why)


def _same_person(one: Actor | None, other: Actor | None) -> bool:
    """The same person or group held: the same name or words, or "he" for one of the same
    country and sector."""
    if one is None or other is None:
        return False
    if one.name and one.name == other.name:
        return True
    if one.text.lower() == other.text.lower():
        return True
    pronoun = one.text.lower() in _PRONOUNS or other.text.lower() in _PRONOUNS
    return (
        pronoun
        and one.kind in ("person", "group")
        and other.kind in ("person", "group")
        and (one.country, one.sector) == (other.country, other.sector)
    )


@rule("source.procedure-carried")
def procedure_carried(record: EventRecord, earlier: Earlier) -> EventRecord | None:
    """A legal step told with no doer (charged, jailed, sentenced, released) on the person an
    authority arrested or charged a sentence or two before was taken by that authority; a
    conviction or sentence only by a court.

    Example: Police in Nairobi arrested the editor on Friday. He was charged with sedition.
    """
    if not doerless(record, stand_in=True) or record.cameo not in _FOLLOWS:
        return None
    steps = [
        r
        for index, before in earlier
        if record.sentence_index - _PROCEDURE_REACH <= index < record.sentence_index
        for r in before
        if r.kind == "event"
        and r.cameo in _FOLLOWS[str(record.cameo)]
        and _same_person(r.target, record.target)
    ]
    doer = one_doer(steps)
    if doer is None or (record.cameo == _SENTENCING and doer.sector != "JUD"):
        return None
    if record.source is not None and record.source.country != doer.country:
        return None  # the state standing in is another than the authority's
    why = "source: the authority that took the earlier step on the same person"
    return with_source(record, doer, "source.procedure-carried", why)
