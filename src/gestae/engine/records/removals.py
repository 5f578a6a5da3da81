"""Removals from office: the holder removed is the remover's own, and still its target.

A president who sacks "his defence minister", a parliament that impeaches "the prime
minister", officers who topple "the president": the one removed is of the remover's own state,
often of its own sector and named only by title, so the rules that drop a target read as the
source itself or its own side would leave the act with no one removed. The removed holder is
told by other words than the remover, and that is the test kept here. A removal verb that
drives a force out of a place, or that only names what a plot or an invasion aimed at, removes
no one from office.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.records.draft import Draft, Pair
from gestae.engine.rules import rule
from gestae.engine.syntax import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS
from gestae.resources.word_classes import words
from gestae.schema import Actor

# Verbs whose object is a holder removed from office (triggers.yaml, CAMEO 172).
REMOVAL_VERBS = words("removal_verbs")
REMOVAL_CODE = "172"
DRIVEN_OUT = words("driven_out_groups")
STRIVING_VERBS = words("striving_verbs")
OUSTER_VERBS = words("ouster_verbs")
COUP_NOUNS = words("coup_nouns")
ARMY_WORDS = frozenset({"military", "army"})


def is_removal(draft: Draft) -> bool:
    """The draft codes a removal from office."""
    return draft.cameo == REMOVAL_CODE and draft.candidate.trigger.lemma_.lower() in REMOVAL_VERBS


def is_ouster(draft: Draft) -> bool:
    """An ouster ('was ousted', 'was toppled'): with no agent told, no state's own act."""
    return is_removal(draft) and draft.candidate.trigger.lemma_.lower() in OUSTER_VERBS


@rule("record.coup-leader")
def coup_leader(draft: Draft) -> None:
    """An ouster told with no agent but 'in a coup led by X' was done by X; in a 'military
    coup' or an 'army takeover' with no leader named, by the army of the one ousted.

    Example: Egypt's president was ousted in a military coup led by the defence minister.
    """
    if draft.sources or not draft.targets or not is_ouster(draft):
        return
    trigger = draft.candidate.trigger
    coups = [
        pobj
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.lemma_.lower() in COUP_NOUNS
    ]
    for coup in coups:
        leaders = _leaders(draft, coup)
        if not leaders and any(c.lemma_.lower() in ARMY_WORDS for c in coup.children):
            target = draft.targets[0]
            leaders = [_army_of(coup, target)] if target.country else []
        if leaders:
            draft.sources = leaders
            draft.trace.add("record.coup-leader", coup.text)
            return


def _leaders(draft: Draft, coup: Token) -> list[Actor]:
    """The actors named after 'led by' on the coup noun."""
    for led in coup.children:
        if led.dep_ != "acl" or led.lemma_.lower() != "lead":
            continue
        for agent in led.children:
            if agent.dep_ != "agent":
                continue
            for pobj in agent.children:
                mention = draft.actors.at(pobj)
                if pobj.dep_ == "pobj" and mention is not None and mention.actors:
                    return list(mention.actors)
    return []


def _army_of(coup: Token, target: Actor) -> Actor:
    """The army of the state of the one a military coup ousted."""
    return Actor(
        text=coup.text,
        start=coup.idx,
        end=coup.idx + len(coup.text),
        country=target.country,
        sector="MIL",
        kind="group",
        rule=f"the army behind a military coup ({target.country} MIL)",
    )


@rule("record.removal-not-done")
def removal_not_done(draft: Draft) -> bool:
    """A removal verb that drives a force out ('ousted Iraqi troops from Kuwait'), that names
    only the aim of a plot, an invasion or an attempt ('an invasion to overthrow the regime',
    'plotted to topple the president'), or whose object holds no office ('dismissed the U.N.
    findings') removes no one from office: no record.

    Example: The coalition ousted the invading troops from the border town in March.
    """
    if not is_removal(draft):
        return False
    trigger = draft.candidate.trigger
    if not (_aim_only(trigger) or _force_driven_out(trigger) or _no_holder(draft, trigger)):
        return False
    draft.trace.add("record.removal-not-done", trigger.text)
    return True


def _aim_only(trigger: Token) -> bool:
    """'an invasion to overthrow', 'plotted to topple', 'in order to oust': an infinitive
    that hangs on a noun, a striving verb or a purpose."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    if trigger.dep_ == "acl" or trigger.dep_ == "advcl":
        return True
    return trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in STRIVING_VERBS


def _no_holder(draft: Draft, trigger: Token) -> bool:
    """The object is a common noun no office is held by and no part of a name ('Han
    Duck-soo'), an actor only through a word in front of it: 'dismissed the U.N. findings'."""
    holders = draft.candidate.entry.obj
    return any(
        o.pos_ == "NOUN" and o.lemma_.lower() not in holders and not _named(draft, o)
        for o in _removed(trigger)
    )


def _named(draft: Draft, token: Token) -> bool:
    """The word is part of a name: tagged one, or inside a person the target names."""
    if token.ent_type_:
        return True
    return any(t.kind == "person" and t.start <= token.idx < t.end for t in draft.targets)


def _force_driven_out(trigger: Token) -> bool:
    """The object is a force or a crowd, moved out of a place rather than out of office."""
    return any(o.lemma_.lower() in DRIVEN_OUT for o in _removed(trigger))


def _removed(trigger: Token) -> list[Token]:
    """The words of whoever or whatever the verb removes: its object or passive subject."""
    return [c for c in trigger.children if c.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS]


@rule("record.removed-holder")
def removed_holders(draft: Draft) -> list[Pair]:
    """A holder removed from office by their own state is the removal's target, though of
    the remover's country and sector: told by other words, it is another participant.

    Example: The Zambian president sacked his defence minister on Friday.
    """
    if not is_removal(draft):
        return []
    pairs: list[Pair] = [
        (source, target)
        for source in draft.sources
        for target in draft.targets
        if target not in draft.unnamed and _other_words(source, target)
    ]
    if pairs:
        draft.trace.add("record.removed-holder", "the holder removed is the target")
    return pairs


def _other_words(source: Actor, target: Actor) -> bool:
    """Source and target stand on words that do not overlap."""
    return source.end <= target.start or target.end <= source.start
