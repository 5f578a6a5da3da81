"""Who underwent an act told on its victim, and who did it (engine/events/participles.py
finds the shapes): the people a participle or a relative passive stands on are the target,
and the attack the act happened in may name its doer.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.carriers import died_in
from gestae.engine.events.codes import VIOLENT_ROOTS
from gestae.engine.events.context import Event
from gestae.engine.events.instrument_doers import instrument_doer
from gestae.engine.events.mentions import actor_group, pobj_actors, unnamed_target
from gestae.engine.events.nominal import impact_subject, is_violent_noun, noun_doers
from gestae.engine.events.participles import UNDERGONE_CODES, participle_victim, shared_passive
from gestae.engine.rules import rule
from gestae.engine.syntax import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    child,
    of_objects,
    pobjs,
    prep_child,
)
from gestae.resources.word_classes import words
from gestae.schema import Actor

# The prepositions that say which attack an act happened in ("killed in a raid by X").
ATTACK_PREPS = frozenset({"in", "during"})
# What is left of people harmed: the participle on it tells what they underwent.
REMAINS_NOUNS = frozenset({"body", "corpse", "remains"})
# Words that name people counted or described, not named ("nine villagers", "dozens others").
BATTLE_NOUNS = words("battle_nouns")
COUNTED_VICTIMS = words("counted_victims")
# Heads that pick out part of a group ("one of the leaders"): the people after 'of'.
PARTITIVE_HEADS = words("partitive_heads")
PEOPLE_WORDS = words("victim_nouns") | COUNTED_VICTIMS | {"other"}
# One person or a few told by age or kin ("the widow", "his wife"): people, not things.
PERSON_VICTIMS = words("person_victims") | words("kin_nouns")


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
    if found:
        return found
    found = partitive_victims(ev, victim)
    if found:
        return found
    unnamed = None
    if victim.lemma_.lower() in PEOPLE_WORDS or victim.lower_ in PEOPLE_WORDS:
        unnamed = unnamed_target(ev.grammar, victim)
    if unnamed is not None:
        return [unnamed]
    found = person_victim(ev, victim)
    if found:
        return found
    return gapped_count(ev, victim) if ev.clause.dep_ == "conj" else []


@rule("target.person-noun")
def person_victim(ev: Event, victim: Token) -> list[Mention]:
    """'the widow was found murdered', 'a man was shot dead and his wife injured': one person
    told by age or kin (word classes person_victims, kin_nouns) is a victim kept in its words,
    as a counted one is; records.fallbacks.place_victims makes them civilians of the place.

    Example: The widow was found murdered at her home in Kano on Saturday.
    """
    if victim.lemma_.lower() not in PERSON_VICTIMS and victim.lower_ not in PERSON_VICTIMS:
        return []
    unnamed = unnamed_target(ev.grammar, victim)
    if unnamed is None:
        return []
    if not any(step.rule == "target.person-noun" for step in ev.trace.steps):
        ev.trace.add("target.person-noun", f"'{victim.text}': a person told by age or kin")
    return [unnamed]


@rule("target.partitive-head")
def partitive_victims(ev: Event, victim: Token) -> list[Mention]:
    """'one of the group's senior leaders is dead, killed in a raid': a victim headed by a
    word that picks out part of a group (word class partitive_heads, or a number) is the
    people after its 'of', as for a subject (source.partitive-head).

    Example: One of the rebel commanders is dead, killed in an ambush near Gao.
    """
    partitive = victim.lower_ in PARTITIVE_HEADS or (victim.like_num and victim.pos_ == "NUM")
    held = [o for o in of_objects(victim) if o.pos_ in ("NOUN", "PROPN")] if partitive else []
    found = [m for m in actor_group(ev.grammar, held[0], ev.actors) if m.actors] if held else []
    if found and not any(step.rule == "target.partitive-head" for step in ev.trace.steps):
        ev.trace.add("target.partitive-head", f"'{victim.text}' of '{held[0].text}'")
    return found


@rule("target.gapped-count")
def gapped_count(ev: Event, count: Token) -> list[Mention]:
    """'12 people were killed and 30 wounded', 'five soldiers were killed and many wounded': a
    bare count (a number, or counted_victims words) as the victim of a gapped passive counts
    more people like those the first passive names, so it is a victim kept in its own words
    (no country or sector of its own: the same people's act is not merged away).

    Example: Nine soldiers were killed and 14 wounded in an ambush near Mopti.
    """
    bare = count.like_num or count.lower_ in COUNTED_VICTIMS
    if not bare or count.dep_ not in ("nsubj", "nsubjpass") or of_objects(count):
        return []
    first = child(ev.clause.head, PASSIVE_SUBJECT_DEPS)
    if first is None or first.i == count.i:
        return []
    if not _victims(ev, first):
        return []
    doc = count.doc
    span = doc[count.left_edge.i : count.i + 1]
    why = f"'{span.text}' counts more of '{first.text}'"
    actors = [
        Actor(
            text=span.text, start=span.start_char, end=span.end_char, kind="group", rule=why
        )
    ]  # fmt: skip
    if not any(step.rule == "target.gapped-count" for step in ev.trace.steps):
        ev.trace.add("target.gapped-count", why)
    return [Mention(span.start, span.end, count.i, actors, why, reference=True)]


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
        found = noun_doers(ev.grammar, noun, ev.actors)
        if found:
            return ev.found("source.attack-agent", found, noun.text)
    return instrument_doer(ev)  # "killed by a rocket fired by Hamas", "an attack claimed by"


def _setting_nouns(ev: Event) -> Iterator[Token]:
    """The nouns a violent act happened in ("killed in a raid", "died during clashes"), with
    those joined to them ("wounded in the raid and the gunfight that followed with bandits")."""
    if ev.entry.cameo[:2] not in VIOLENT_ROOTS:
        return
    setting = False
    for prep in ev.clause.children:
        if prep.dep_ == "prep" and prep.lower_ in ATTACK_PREPS:
            for noun in pobjs(prep):
                setting = True
                yield noun
                yield from (c for c in noun.children if c.dep_ == "conj")
    if setting:  # the parse may join the second noun to the verb: "in the raid and the battle"
        yield from (c for c in ev.clause.children if c.dep_ == "conj" and c.pos_ == "NOUN")


@rule("source.battle-side")
def battle_side(ev: Event) -> list[Mention]:
    """'was killed in a gun battle with police', 'died in clashes with rebels': harm with no
    agent of its own, suffered in a fight (word class battle_nouns) with a side the "with"
    phrase names, was done by that side.

    Example: A Ugandan rebel commander was killed in a gun battle with Kenyan police.
    """
    for noun in _setting_nouns(ev) if ev.token.pos_ != "NOUN" else [ev.token]:
        # a battle noun that is the trigger ("two soldiers died in clashes with rebels"): its
        # own "with" side did the harm its undergoers suffered
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


@rule("target.impact-victims")
def impact_victims_first(ev: Event) -> bool:
    """'A suicide bombing at a school killed 12 schoolgirls': an attack noun whose entry names
    no preposition of its own, the subject of a verb of impact ('killed', 'hit'), hit whom
    that verb's object names; a phrase on the noun ('at a school') is only where it struck.
    An entry's own preposition ('the attack on a convoy killed eight') still names its target,
    and a fight's sides ('fighting between police and insurgents killed six') stay its sides.

    Example: A suicide bombing at a Kabul school killed twelve Afghan schoolgirls.
    """
    if ev.entry.pos != "noun" or ev.entry.prep or not impact_subject(ev.grammar, ev.token):
        return False
    if ev.token.lemma_.lower() in BATTLE_NOUNS or prep_child(ev.token, "between") is not None:
        return False  # "fighting between police and insurgents killed six": the two sides
    victims = [
        m
        for obj in ev.token.head.children
        if obj.dep_ == "dobj"
        for m in actor_group(ev.grammar, obj, ev.actors, owner=True)
        if m.actors
    ]
    if victims:
        ev.trace.add("target.impact-victims", "whom the attack killed or hit comes first")
    return bool(victims)


@rule("target.died-in")
def died_in_victims(ev: Event) -> list[Mention]:
    """'Twelve Kenyan soldiers died in an attack by al-Shabab', '21 passengers died in the
    initial attack': those who died in an attack noun (trigger.carrying-verb) are whom it hit,
    as the subject of "were killed in" is. Not a fight (word class battle_nouns) without a
    "with" side: "fifty fighters died in clashes" may be its own side; "two soldiers died in
    clashes with rebels" were hit by the rebels (source.battle-side).

    Example: Twelve Kenyan soldiers died in an attack by al-Shabab.
    """
    battle = ev.token.lemma_.lower() in BATTLE_NOUNS
    if ev.entry.pos != "noun" or (battle and prep_child(ev.token, "with") is None):
        return []
    verb = died_in(ev.grammar, ev.token)
    subject = child(verb, SUBJECT_DEPS) if verb is not None else None
    if subject is None or subject.pos_ == "PRON":
        return []
    found = [m for m in actor_group(ev.grammar, subject, ev.actors) if m.actors]
    unnamed = unnamed_target(ev.grammar, subject) if not found else None
    return ev.found("target.died-in", found or ([unnamed] if unnamed is not None else []))


# Nouns of those an attack harmed, heading an "of" phrase that names the attack.
HARMED_NOUNS = frozenset({"victim", "casualty", "survivor"})


@rule("target.victims-of")
def victims_of(ev: Event) -> list[Mention]:
    """'mourned the victims of the Kabul attack', 'the survivors of the bombing': those an
    attack noun is told "of" are whom it hit, in their words (the place may give their
    country, record.place-victims).

    Example: Kenya mourned the victims of the bombing by al-Shabab in Garissa.
    """
    if ev.entry.pos != "noun" or ev.entry.cameo[:2] not in VIOLENT_ROOTS:
        return []
    of = ev.token.head
    noun = of.head
    if ev.token.dep_ != "pobj" or of.lower_ != "of" or noun.lemma_.lower() not in HARMED_NOUNS:
        return []
    if noun.dep_ == "attr":
        return []  # "women are victims of rape": a description of its subject, not an attack
    found = [m for m in actor_group(ev.grammar, noun, ev.actors) if m.actors]
    unnamed = unnamed_target(ev.grammar, noun) if not found else None
    return ev.found("target.victims-of", found or ([unnamed] if unnamed is not None else []))
