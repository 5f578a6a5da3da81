"""What an event noun says about its own agent: a group in front of an attack, a late 'by'
phrase, a claim of responsibility, the clause hosting a visit, an attack acting as subject."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import DocActors, Mention
from gestae.engine.events.codes import CYBER_CODES, HOSTED_ACT_CODES, VIOLENT_ROOTS
from gestae.engine.events.context import Event
from gestae.engine.events.frame_subjects import is_armed_actor
from gestae.engine.events.matching import Grammar
from gestae.engine.events.mentions import actor_group, pobj_actors, unnamed_target
from gestae.engine.rules import rule
from gestae.engine.syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    child,
    negated,
    objects,
    prep_child,
)
from gestae.resources.word_classes import words

# Verbs whose subject can be an attack rather than an actor: "a suicide attack killed eight",
# "air strikes hit the enclave". The attack noun is then the event.
IMPACT_VERBS = words("impact_verbs")
# Verbs whose subject may be a cyber attack ("a ransomware attack crippled the hospital");
# "knock" only with its particle ("knocked out").
CYBER_IMPACT_VERBS = IMPACT_VERBS | words("cyber_impact_verbs")
PARTICLE_IMPACT_VERBS = frozenset({"knock"})
# Prepositions that name who performs a nominal event ("condemnation from Ankara").
NOMINAL_AGENT_PREPS = frozenset({"by", "from"})
# Verbs by which an actor owns up to an act ("claimed responsibility for the attack").
RESPONSIBILITY_VERBS = frozenset({"claim", "accept", "take", "admit", "assume", "bear"})
# Prepositions of the phrase a hosted act sits in ("during a visit", "at a rally").
HOSTING_PREPS = ("during", "on", "for", "at")
# Verbs of standing ready: a noun after their 'for' is what is awaited ("troops braced for
# riots", "police deployed for the rally"), not the subject's act (source.readied-for).
READINESS_VERBS = words("readiness_verbs")
FORCE_SHOW_ROOT = "15"
# Fights between two sides, and the prepositions that put one before or around a clause's
# act ("seized the dam after heavy fighting with the army": source.fought-with-host).
BATTLE_NOUNS = words("battle_nouns")
FOUGHT_PREPS = frozenset({"after", "amid", "following", "during"})
# Words that make a blast an accident ("a gas explosion"), and works where a blast is one
# ("an explosion at a chemical plant"), with the prepositions that put it there.
ACCIDENT_MODIFIERS = words("accident_modifiers")
ACCIDENT_SITES = words("accident_sites")
SITE_PREPS = frozenset({"at", "in", "inside"})
# Verbs whose subject undergoes the event noun they take ("faced criticism", "suffered
# attacks"); verbs that put their subject under one ("came under fire", "is under attack");
# nouns that make their subject the one an act aims at ("was the target of an attack").
UNDERGOING_VERBS = words("undergoing_verbs")
UNDER_VERBS = frozenset({"come", "be", "remain", "fall"})
AIMED_AT_NOUNS = frozenset({"target", "victim"})


def is_violent_noun(grammar: Grammar, noun: Token) -> bool:
    """An attack, a strike, a bombing: a noun whose entry is violent."""
    entry = grammar.match(noun)
    return entry is not None and entry.cameo[:2] in VIOLENT_ROOTS


def is_cyber_noun(grammar: Grammar, noun: Token) -> bool:
    """A cyberattack, a ransomware attack, hacking: a noun whose entry is a cyber attack."""
    entry = grammar.match(noun)
    return entry is not None and entry.cameo in CYBER_CODES


def impact_subject(grammar: Grammar, noun: Token) -> bool:
    """'Syrian air strikes hit the enclave': an attack noun acting as the subject; also a
    cyber attack that disrupted what the verb names, or the 'by' agent of such a verb in the
    passive (impact_verb)."""
    verb = impact_verb(noun)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if lemma in IMPACT_VERBS and noun.dep_ in SUBJECT_DEPS and is_violent_noun(grammar, noun):
        return True
    return lemma in CYBER_IMPACT_VERBS and is_cyber_noun(grammar, noun)


def impact_verb(noun: Token) -> Token | None:
    """The verb a noun is the subject of, or the 'by' agent of in the passive ('the website
    was hit by a cyberattack'); a particle verb only with its particle ('knocked out')."""
    if noun.dep_ in SUBJECT_DEPS:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        verb = noun.head.head
        if child(verb, PASSIVE_SUBJECT_DEPS) is None:
            return None
    else:
        return None
    if verb.lemma_.lower() in PARTICLE_IMPACT_VERBS and child(verb, {"prt"}) is None:
        return None
    return verb


def impact_undergoers(noun: Token) -> list[Token]:
    """What an attack noun's impact verb hit: its objects, or the passive subject when the
    noun is the verb's 'by' agent."""
    verb = impact_verb(noun)
    if verb is None:
        return []
    if noun.dep_ == "pobj":
        return [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    return objects(verb)


@rule("target.impact-object")
def impact_object(ev: Event) -> list[Mention]:
    """'Israeli air strikes hit Gaza': what the attack noun hit; victims no dictionary names
    ("killed 14 people") as written. A cyber attack goes by target.cyber-impact.

    Example: Turkish drone strikes hit northern Iraq.
    """
    if not impact_subject(ev.grammar, ev.token):
        return []
    if is_cyber_noun(ev.grammar, ev.token):
        return cyber_impact(ev)
    found: list[Mention] = []
    for obj in objects(ev.token.head):
        found += actor_group(ev.grammar, obj, ev.actors, owner=True)
    if not any(m.actors for m in found):
        # "a car bomb killed 14 people": the victims as written (the place names the state).
        unnamed = [unnamed_target(ev.grammar, obj) for obj in objects(ev.token.head)]
        found = [m for m in unnamed if m is not None]
    return ev.found("target.impact-object", found)


@rule("target.cyber-impact")
def cyber_impact(ev: Event) -> list[Mention]:
    """'a ransomware attack crippled the hospital', 'the ministry's website was hit by a
    cyberattack': the cyber attack is the event and what it disrupted (its owner, as
    actor_group reads it) its target; a thing no one owns ('cargo handling') is no target.

    Example: A ransomware attack crippled the Czech health ministry on Friday.
    """
    found: list[Mention] = []
    for obj in impact_undergoers(ev.token):
        found += actor_group(ev.grammar, obj, ev.actors, owner=True)
    return ev.found("target.cyber-impact", [m for m in found if m.actors])


def group_agent(grammar: Grammar, noun: Token, actors: DocActors) -> list[Mention]:
    """'an ELN car bomb attack', 'a Hamas rocket attack': an armed group or organization
    named in front of an attack noun carried it out (a state adjective does not: 'the
    Russian invasion' is often background, not news)."""
    if not is_violent_noun(grammar, noun):
        return []
    for token in noun.subtree:
        if token.i >= noun.i or token.dep_ != "compound":
            continue
        mention = actors.at(token)
        if mention is not None and mention.actors and not mention.reference:
            actor = mention.actors[0]
            if actor.kind in ("group", "organization") and actor.country:
                return [mention]
    return []


def noun_doers(grammar: Grammar, noun: Token, actors: DocActors) -> list[Mention]:
    """Who a violent event noun names as its doer: its possessor ("the army's raid") or its
    "by"/"from" phrase, else the group the noun is told of (group_agent)."""
    found: list[Mention] = []
    for dependent in noun.children:
        if dependent.dep_ == "poss":
            found += actor_group(grammar, dependent, actors)
        elif dependent.dep_ in ("prep", "agent") and dependent.lower_ in NOMINAL_AGENT_PREPS:
            found += pobj_actors(grammar, dependent, actors)
    return [m for m in found if m.actors] or group_agent(grammar, noun, actors)


def undergoing_verb(noun: Token) -> Token | None:
    """The verb whose subject undergoes the event noun: 'X faced criticism from Y', 'X came
    under fire', 'X was the target of an attack by Y', 'X died in clashes'; None for any other
    noun."""
    held = noun.head if noun.dep_ == "conj" else noun  # "faced threats and attacks"
    head = held.head
    if held.dep_ in OBJECT_DEPS and head.pos_ == "VERB":
        return head if head.lemma_.lower() in UNDERGOING_VERBS else None
    if held.dep_ != "pobj" or head.dep_ != "prep":
        return None
    holder = head.head
    if head.lower_ == "under" and holder.lemma_.lower() in UNDER_VERBS:
        return holder
    if head.lower_ in ("in", "during") and holder.lemma_.lower() in ("die", "perish"):
        # "two soldiers died in clashes with rebels": a fight with a side named is news; "died
        # in the attack" alone tells an attack told before
        sided = noun.lemma_.lower() in BATTLE_NOUNS and prep_child(noun, "with") is not None
        return holder if sided else None
    if head.lower_ == "of" and holder.lemma_.lower() in AIMED_AT_NOUNS and holder.dep_ == "attr":
        return holder.head
    return None


@rule("target.undergoer-owner")
def undergoer_owner(ev: Event, subject: Token) -> list[Mention]:
    """'the killing of three soldiers by militants drew condemnation from Nairobi', "Kenya's
    decision drew sharp criticism from Uganda": when what draws the reaction is an act or a
    thing, not an actor, whoever did it (its 'by' phrase) or owns it (its possessor)
    undergoes the reaction, as an actor subject does (target.undergoer-subject).

    Example: The arrest of the journalist by Ugandan police drew condemnation from Kenya.
    """
    mention = ev.actors.at(subject)
    if mention is not None and mention.actors:
        return []
    by = prep_child(subject, "by") or late_agent(subject)
    owner = child(subject, {"poss"})
    if by is not None:
        found = [m for m in pobj_actors(ev.grammar, by, ev.actors) if m.actors]
    else:
        found = [m for m in actor_group(ev.grammar, owner, ev.actors) if m.actors] if owner else []
    return ev.found("target.undergoer-owner", found, subject.text)


def late_agent(noun: Token) -> Token | None:
    """'the expulsion of 23 diplomats by Moscow': the parse hangs the agent on the 'of'
    object; it still names who expelled."""
    of = prep_child(noun, "of")
    obj = child(of, {"pobj"}) if of is not None else None
    if obj is None:
        return None
    return next((c for c in obj.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)


def adjunct_host(grammar: Grammar, noun: Token, actors: DocActors | None = None) -> Token | None:
    """'praised Greece during a visit to Athens': a meeting noun in a 'during/on' phrase
    of a clause is that clause subject's act; returns the clause's verb. With the actors, a
    fight 'with' a side before or around an armed force's act is that force's too
    (source.fought-with-host)."""
    fought = fought_host(grammar, noun, actors) if actors is not None else None
    if fought is not None:
        return fought
    code = grammar.lexicon.candidates(noun.lemma_.lower(), "noun")
    if not code or not code[0].cameo.startswith(HOSTED_ACT_CODES):
        return None
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in HOSTING_PREPS or prep.head.pos_ != "VERB":
        return None
    verb = prep.head
    if negated(verb):
        return None  # "did not meet X during the summit": no sign the subject took part
    if readied_for(grammar, prep, verb):
        return None
    return verb if child(verb, SUBJECT_DEPS) is not None else None


@rule("source.fought-with-host")
def fought_host(grammar: Grammar, noun: Token, actors: DocActors) -> Token | None:
    """'the RSF seized the dam after heavy fighting with the army': a fight with a side its
    'with' phrase names, in an 'after', 'amid', 'following' or 'during' phrase of a clause
    whose subject is an armed force, is that force's fight with that side; returns the
    clause's verb ("days of fighting with" too).

    Example: The rebels captured the town after fierce clashes with government troops.
    """
    if noun.lemma_.lower() not in BATTLE_NOUNS and noun.lower_ not in BATTLE_NOUNS:
        return None
    top, prep = noun, noun.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj":
        top = prep.head  # "after days of fighting with the rebels"
        prep = top.head
    if top.dep_ != "pobj" or prep.lower_ not in FOUGHT_PREPS or prep.head.pos_ != "VERB":
        return None
    side = prep_child(noun, "with")
    if side is None or not pobj_actors(grammar, side, actors):
        return None
    verb = prep.head
    subject = child(verb, SUBJECT_DEPS)
    if negated(verb) or subject is None or not is_armed_actor(subject, actors):
        return None
    return verb


@rule("source.readied-for")
def readied_for(grammar: Grammar, prep: Token, verb: Token) -> bool:
    """'troops braced for riots', 'troops remained on alert for riots': the act after 'for'
    on a verb of standing ready (word class readiness_verbs) or of a show of force (CAMEO 15)
    is what the subject awaits or guards, never its own act; it lends the act no doer (an
    awaited riot with no other doer is then no event).

    Example: Kenyan troops braced for riots in Nairobi.
    """
    if prep.lower_ != "for":
        return False
    if verb.lemma_.lower() in READINESS_VERBS:
        return True
    entry = grammar.match(verb)
    return entry is not None and entry.cameo.startswith(FORCE_SHOW_ROOT)


def claimed_by(noun: Token) -> Token | None:
    """'The Taliban claimed responsibility for the attack': the verb whose subject owns up to
    the act, or None."""
    owned = claiming_relative(noun)
    if owned is not None:
        return owned
    prep = noun.head
    if noun.dep_ == "conj":
        prep = noun.head.head  # "for the Farah and the Ghazni attacks"
    if noun.dep_ not in ("pobj", "conj") or prep.lower_ not in ("for", "on") or prep.dep_ != "prep":
        return None
    duty = prep.head
    if duty.lemma_.lower() in RESPONSIBILITY_VERBS and any(
        o.lemma_.lower() == "responsibility" for o in objects(duty)
    ):
        return duty  # "claimed responsibility on Sunday for the bombing"
    if duty.lemma_.lower() != "responsibility" or duty.dep_ not in OBJECT_DEPS:
        return None
    verb = duty.head
    return verb if verb.lemma_.lower() in RESPONSIBILITY_VERBS else None


def claiming_relative(noun: Token) -> Token | None:
    """'the bombing, for which al-Shabab claimed responsibility', 'the attack, which IS
    claimed': a relative clause on the attack noun by which its subject owns up to it."""
    for clause in noun.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in RESPONSIBILITY_VERBS:
            continue
        held = [
            t
            for t in clause.subtree
            if t.lower_ in ("which", "that") and t.dep_ in ("dobj", "pobj") and t.i < clause.i
        ]
        if not held:
            continue
        responsible = any(o.lemma_.lower() == "responsibility" for o in objects(clause))
        if responsible or (held[0].dep_ == "dobj" and clause.lemma_.lower() == "claim"):
            return clause
    return None


@rule("suppress.accident-site")
def accident_site(noun: Token) -> bool:
    """A blast at works ("an explosion at a chemical plant", "the blast occurred in a coal
    mine") is an industrial accident, not an attack with an unknown attacker; so is one a
    modifier calls an accident ("a gas explosion").

    Example: An explosion at a fertiliser plant in Tianjin killed twelve workers.
    """
    if any(t.lemma_.lower() in ACCIDENT_MODIFIERS for t in noun.lefts):
        return True
    holders = [noun, noun.head] if noun.dep_ in SUBJECT_DEPS else [noun]
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in SITE_PREPS
        and any(o.dep_ == "pobj" and o.lemma_.lower() in ACCIDENT_SITES for o in prep.children)
        for holder in holders
        for prep in holder.children
    )
