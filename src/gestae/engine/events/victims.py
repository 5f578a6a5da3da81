"""Who underwent an act told on its victim, and who did it (engine/events/participles.py
finds the shapes): the people a participle or a relative passive stands on are the target,
and the attack the act happened in may name its doer.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.codes import VIOLENT_ROOTS
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import actor_group, pobj_actors, unnamed_target
from gestae.engine.events.nominal import NOMINAL_AGENT_PREPS, group_agent, is_violent_noun
from gestae.engine.events.participles import UNDERGONE_CODES, participle_victim, shared_passive
from gestae.engine.rules import rule
from gestae.engine.syntax import of_objects
from gestae.resources.word_classes import words

# The prepositions that say which attack an act happened in ("killed in a raid by X").
ATTACK_PREPS = frozenset({"in", "during"})
# What is left of people harmed: the participle on it tells what they underwent.
REMAINS_NOUNS = frozenset({"body", "corpse", "remains"})
# Words that name people counted or described, not named ("nine villagers", "dozens others").
BATTLE_NOUNS = words("battle_nouns")
PEOPLE_WORDS = words("victim_nouns") | words("counted_victims") | {"other"}


def undergone(ev: Event) -> tuple[Token, str] | None:
    """The people who underwent a violent or coercive act told by a participle or a relative
    passive on them ("aid workers abducted near Gao", "a commander captured in the raid",
    "soldiers who were captured"), with the id of the shape that tells it: they stand as a
    passive subject does. None for any other clause, and when the noun names no people (a
    thing or an animal: "a bomb planted by X", "weapons captured in the raid"), which the
    clause rules read as before."""
    if ev.entry.pos != "verb" or not ev.entry.cameo.startswith(UNDERGONE_CODES):
        return None
    shape = participle_victim(ev.clause)
    if shape is None:
        return None
    victim = shape[0]
    if victim.lemma_.lower() in REMAINS_NOUNS:
        held = of_objects(victim)  # "the bodies of 15 villagers, shot in the head"
        victim = held[0] if held else victim
    return (victim, shape[1]) if _victims(ev, victim) else None


def _victims(ev: Event, victim: Token) -> list[Mention]:
    found = [m for m in actor_group(ev.grammar, victim, ev.actors) if m.actors]
    if found or not (victim.lemma_.lower() in PEOPLE_WORDS or victim.lower_ in PEOPLE_WORDS):
        return found
    unnamed = unnamed_target(ev.grammar, victim)
    return [unnamed] if unnamed is not None else []


@rule("target.participle-victim")
def participle_victims(ev: Event, victim: Token) -> list[Mention]:
    """The people a participle stands on are the target (for "the bodies of five soldiers,
    killed ...", the soldiers); people no dictionary names are kept in words ("nine
    villagers", "dozens others").

    Example: Six people abducted near Kidal were freed on Friday.
    """
    found = _victims(ev, victim)
    named = any(a.country or a.sector for m in found for a in m.actors)
    return ev.found("target.passive-subject" if named else "target.participle-victim", found)


@rule("source.attack-agent")
def attack_agent(ev: Event) -> list[Mention]:
    """'killed in a raid by government troops', 'captured in the army's offensive', 'killed in
    an ELN ambush': whoever carried out the attack the act happened in did it. A state
    adjective ('in an Israeli raid') is not enough, as for the attack noun itself.

    Example: Nine fighters were killed in a raid by Malian troops near Gao.
    """
    for noun in _setting_nouns(ev):
        if not is_violent_noun(ev.grammar, noun):
            continue
        found: list[Mention] = []
        for dependent in noun.children:
            if dependent.dep_ == "poss":
                found += actor_group(ev.grammar, dependent, ev.actors)
            elif dependent.dep_ in ("prep", "agent") and dependent.lower_ in NOMINAL_AGENT_PREPS:
                found += pobj_actors(ev.grammar, dependent, ev.actors)
        found = [m for m in found if m.actors] or group_agent(ev.grammar, noun, ev.actors)
        if found:
            return ev.found("source.attack-agent", found, noun.text)
    return []


def _setting_nouns(ev: Event) -> Iterator[Token]:
    """The nouns a violent act happened in ("killed in a raid", "died during clashes")."""
    if ev.entry.cameo[:2] not in VIOLENT_ROOTS:
        return
    for prep in ev.clause.children:
        if prep.dep_ == "prep" and prep.lower_ in ATTACK_PREPS:
            yield from (c for c in prep.children if c.dep_ == "pobj")


@rule("source.battle-side")
def battle_side(ev: Event) -> list[Mention]:
    """'was killed in a gun battle with police', 'died in clashes with rebels': harm with no
    agent of its own, suffered in a fight (word class battle_nouns) with a side the "with"
    phrase names, was done by that side.

    Example: A Ugandan rebel commander was killed in a gun battle with Kenyan police.
    """
    for noun in _setting_nouns(ev):
        if noun.lemma_.lower() not in BATTLE_NOUNS:
            continue
        found = [
            m
            for side in noun.children
            if side.dep_ == "prep" and side.lower_ == "with"
            for m in pobj_actors(ev.grammar, side, ev.actors)
            if m.actors
        ]
        if found:
            return ev.found("source.battle-side", found, noun.text)
    return []


def shared_patient(ev: Event) -> Token | None:
    """Any act's passive joined to a verb whose subject it shares undergoes it on that
    subject (target.shared-passive, which `undergone` reads for violent and coercive acts
    only): "twelve sailors, held hostage for months, were freed by the pirates", where the
    parse takes the participle for the main verb."""
    patient = shared_passive(ev.clause)
    if patient is not None:
        ev.trace.add("target.shared-passive", f"'{patient.text}' underwent '{ev.clause.text}'")
    return patient
