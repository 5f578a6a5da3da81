"""Who acted, read off an event noun ("Russia's invasion", "talks between X and Y", "a Hamas
rocket attack"), and the attacker nobody names (a car that went off, "they ambushed ...", "a man
detonated a bomb"); each a named rule, tried in a fixed order. Clause subjects: sources.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.blamed_doers import blamed_doer
from gestae.engine.events.codes import (
    LEAVING_CODES,
    OWN_FORCE_CODES,
    REMOVAL_CODES,
    VIOLENT_ROOTS,
)
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import actor_group, names_someone, pobj_actors, with_country
from gestae.engine.events.nominal import (
    NOMINAL_AGENT_PREPS,
    adjunct_host,
    claimed_by,
    fought_host,
    group_agent,
    impact_subject,
    is_violent_noun,
    late_agent,
)
from gestae.engine.events.sources import subject_actors, subject_owner
from gestae.engine.mentions import span_actor
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, child, objects
from gestae.resources.word_classes import words

# Event nouns whose possessor undergoes the act ("the journalist's arrest").
PATIENT_NOMINALS = words("patient_nominals")
# What carries a bomb into place, and the verbs that tell a bomb going off.
BLAST_CARRIERS = words("blast_carriers")
BLAST_VERBS = words("blast_verbs")
# Bombings (CAMEO 183: suicide, vehicle and roadside bombing below it).
BOMBING_ROOT = "183"
PROTEST_ROOT = "14"
# Sectors that police, fight or rule: acting during a protest, they are not who holds it.
PROTEST_OUTSIDERS = frozenset({"COP", "MIL", "SPY", "GOV", "JUD", "REB", "UAF"})
# Pronouns that may point back to an attacker the text never names ("they captured ...").
ATTACKER_PRONOUNS = words("person_pronouns") | words("plural_pronouns") | {"we", "it"}
# Violent verbs also used for words ("he attacked the president"): no attack on a pronoun alone.
FIGURATIVE_ATTACK_VERBS = words("figurative_attack_verbs")


# -- who performs an event noun ------------------------------------------------------------------


@dataclass
class NounFrame:
    """What the event noun's own dependents say: its possessor or 'by/from' agents, its 'of'
    phrase (who undergoes it, or the force that moves), 'between' participants, and the
    possessor of a patient nominal ("the journalist's arrest"), who undergoes it."""

    agents: list[Mention] = field(default_factory=list)
    patient: Token | None = None
    between: list[Mention] = field(default_factory=list)
    undergoers: list[Mention] = field(default_factory=list)


def noun_frame(ev: Event) -> NounFrame:
    """Read the event noun's dependents once, in the parse's order."""
    frame = NounFrame()
    owners: list[Mention] = []
    for dependent in ev.token.children:
        if dependent.dep_ == "poss":
            owners += actor_group(ev.grammar, dependent, ev.actors)
        elif dependent.dep_ in ("prep", "agent") and dependent.lower_ in NOMINAL_AGENT_PREPS:
            if not place_left(ev, dependent):
                frame.agents += pobj_actors(ev.grammar, dependent, ev.actors)
        elif dependent.dep_ == "prep" and dependent.lower_ == "of":
            frame.patient = dependent
        elif dependent.dep_ == "prep" and dependent.lower_ == "between":
            frame.between += pobj_actors(ev.grammar, dependent, ev.actors)
    if frame.patient is None and ev.token.lemma_.lower() in PATIENT_NOMINALS:
        frame.undergoers = owners  # "Navalny's killing"; "Russia's capture of X" stays
    else:
        frame.agents = owners + frame.agents
    return frame


@rule("source.place-left")
def place_left(ev: Event, prep: Token) -> bool:
    """'the pullout of Russian forces from Armenia': after a withdrawal or retreat noun,
    'from' names the place left (its target), never the agent, as it does after
    'condemnation from Ankara'; after a noun of putting people out ('the eviction of
    families from Kirkuk homes') it names what they are put out of.

    Example: The pullout of Russian forces from Armenia began on Monday.
    """
    if prep.lower_ != "from" or not ev.entry.cameo.startswith(LEAVING_CODES + REMOVAL_CODES):
        return False
    ev.trace.add("source.place-left", f"'{prep.text} ...' is the place left, not the agent")
    return True


@rule("source.possessor")
def possessor(ev: Event, frame: NounFrame) -> list[Mention]:
    """ "Russia's invasion", "condemnation by Ankara": the noun names its own agent.

    Example: Turkey's condemnation of Greece was swift.
    """
    return ev.found("source.possessor", frame.agents)


@rule("source.host-subject")
def host_subject(ev: Event, frame: NounFrame) -> list[Mention]:
    """'praised Greece during a visit to Athens': the visit is the clause subject's act.

    Example: Qatar praised Oman during a visit to Muscat.
    """
    host = adjunct_host(ev.grammar, ev.token, ev.actors)
    subject = child(host, SUBJECT_DEPS) if host is not None else None
    if subject is None:
        return []
    found = subject_actors(ev, subject)
    if ev.entry.cameo.startswith(PROTEST_ROOT) and _forces(found):
        # "police shot two protesters during demonstrations": others held the protest.
        ev.trace.add("source.host-subject", "forces acting during a protest do not hold it")
        return []
    fought = fought_host(ev.grammar, ev.token, ev.actors) is not None
    told = "source.fought-with-host" if fought else "source.host-subject"
    return ev.found(told, found, f"'{ev.token.text}'")


def _forces(found: list[Mention]) -> bool:
    return any(a.sector in PROTEST_OUTSIDERS for m in found for a in m.actors)


@rule("source.late-agent")
def late_by_agent(ev: Event, frame: NounFrame) -> list[Mention]:
    """'the expulsion of 23 diplomats by Moscow': the parse hangs 'by' on the 'of' object.

    Example: Poland condemned the expulsion of its diplomats by Belarus.
    """
    late = late_agent(ev.token)
    if late is None:
        return []
    return ev.found("source.late-agent", pobj_actors(ev.grammar, late, ev.actors))


@rule("source.claimed-by")
def claimed_responsibility(ev: Event, frame: NounFrame) -> list[Mention]:
    """Whoever claims responsibility for an attack carried it out.

    Example: Al-Shabaab claimed responsibility for the bombing in Mogadishu.
    """
    claim = claimed_by(ev.token)
    subject = child(claim, SUBJECT_DEPS) if claim is not None else None
    if subject is None:
        return []
    return ev.found("source.claimed-by", subject_actors(ev, subject))


@rule("source.blamed-doer")
def blamed(ev: Event, frame: NounFrame) -> list[Mention]:
    """Whoever a plain statement says is responsible for or behind a violent act carried it
    out, as a claim of responsibility does; a guess ("may be behind") or a denial does not.

    Example: Kenyan police said al-Shabaab was behind the bombing of the bus in Mandera.
    """
    subject = blamed_doer(ev.grammar, ev.token, ev.actors)
    if subject is None:
        return []
    return ev.found("source.blamed-doer", subject_actors(ev, subject))


@rule("source.group-in-front")
def group_in_front(ev: Event, frame: NounFrame) -> list[Mention]:
    """'a Hamas rocket attack': an armed group named in front of the attack carried it out.

    Example: A Hezbollah rocket attack hit northern Israel.
    """
    return ev.found("source.group-in-front", group_agent(ev.grammar, ev.token, ev.actors))


@rule("source.impact-owner")
def impact_owner(ev: Event, frame: NounFrame) -> list[Mention]:
    """'Syrian air strikes hit the town': whose strikes they were.

    Example: Russian air strikes hit Kharkiv.
    """
    if not impact_subject(ev.grammar, ev.token):
        return []
    return ev.found("source.impact-owner", subject_owner(ev, ev.token))


# Sides whose word in front of an attack noun tells who carried it out ("a military air
# strike", "a rebel attack", "a police raid").
ARMED_SIDE_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "GOV"})


@rule("source.side-in-front")
def side_in_front(ev: Event, frame: NounFrame) -> list[Mention]:
    """'a military air strike', 'a rebel attack': a word in front of an attack noun that names
    an armed side says which side carried it out, though not whose side: the source is that
    sector with no country of its own (the records' context rules may give one).

    Example: A rebel attack killed four soldiers near Beni on Sunday.
    """
    noun = ev.token
    if noun.pos_ != "NOUN" or not is_violent_noun(ev.grammar, noun):
        return []
    dictionary = ev.grammar.resolver.dictionary
    for word in (t for t in noun.lefts if t.dep_ in ("amod", "compound")):
        sector = dictionary.modifier_sector(word.lemma_.lower())
        if sector not in ARMED_SIDE_SECTORS or ev.actors.at(word) is not None:
            continue
        start = min(t.i for t in noun.lefts if t.i <= word.i)
        span = noun.doc[start : noun.i + 1]
        why = f"'{word.text}' in front of '{noun.text}' names the side that carried it out"
        side = span_actor(span, "group", why, sector=sector)
        return ev.found(
            "source.side-in-front", [Mention(span.start, span.end, noun.i, [side], why)]
        )
    return []


@rule("source.between")
def between_participants(ev: Event, frame: NounFrame) -> list[Mention]:
    """'talks between Serbia and Kosovo': each side acts toward the other.

    Example: Talks between Armenia and Azerbaijan resumed.
    """
    return ev.found("source.between", frame.between)


@rule("source.own-force")
def own_force_of(ev: Event, frame: NounFrame) -> list[Mention]:
    """'the withdrawal of French troops': the force that moves stands for its state.

    Example: Officials confirmed the withdrawal of Russian troops from Armenia.
    """
    if frame.patient is None or not ev.entry.cameo.startswith(OWN_FORCE_CODES):
        return []
    found = with_country(pobj_actors(ev.grammar, frame.patient, ev.actors))
    return ev.found("source.own-force", found)


NOUN_SOURCE_RULES: list[Callable[[Event, NounFrame], list[Mention]]] = [
    possessor,
    host_subject,
    late_by_agent,
    claimed_responsibility,
    blamed,
    group_in_front,
    impact_owner,
    side_in_front,
    between_participants,
    own_force_of,
]
# After these sources the 'of' phrase is no patient: it gave the source, or the sides met.
NO_PATIENT_AFTER = (between_participants, own_force_of)


def noun_sources(
    ev: Event, frame: NounFrame
) -> tuple[list[Mention], Callable[[Event, NounFrame], list[Mention]] | None]:
    """The first noun source rule that finds someone wins; returns its findings and itself."""
    for strategy in NOUN_SOURCE_RULES:
        found = strategy(ev, frame)
        if found:
            return found, strategy
    return [], None


@rule("source.carried-noun")
def carried_noun(ev: Event) -> list[Mention]:
    """'The withdrawal of French troops was completed', 'Russia's pullout was finished': a
    passive light verb whose subject is the event noun itself names no doer of its own; the
    noun's own words do (its possessor or 'by' agent, the force of its 'of').

    Example: The withdrawal of Kenyan troops from Somalia was completed on Monday.
    """
    found, _ = noun_sources(ev, noun_frame(ev))
    return ev.found("source.carried-noun", [m for m in found if m.actors], ev.token.text)


# -- an attacker nobody names ---------------------------------------------------------------------


def blast_verb(verb: Token) -> bool:
    """'detonated', 'exploded', 'went off', 'blew up': a bomb going off."""
    lemma = verb.lemma_.lower()
    return lemma in BLAST_VERBS or any(
        f"{lemma} {c.lower_}" in BLAST_VERBS for c in verb.children if c.dep_ in ("prt", "prep")
    )


def acting_thing(clause: Token, steps: int) -> tuple[Token, Token] | None:
    """The noun a clause tells of as doing it, and the verb it does it with: the clause's own
    subject, or the one a participle or conjunct shares (", killing five"), the noun a relative
    'that/which' stands for ("the bombing that killed 60"), or the noun the parse hangs a blast
    verb on as a participle ("a car bomb detonated near a patrol, the source said") or a verb
    with an object that a slip of the parse hangs on a root noun ("artillery fire killed 12")."""
    current = clause
    for _ in range(steps):
        subject = child(current, SUBJECT_DEPS)
        if subject is not None:
            relative = subject.lower_ in ("that", "which") and current.dep_ == "relcl"
            return (current.head if relative else subject), current
        if current.dep_ == "acl" and blast_verb(current) and not objects(current):
            return current.head, current
        if headless_object_verb(current):
            return current.head, current
        slipped = slipped_subject(current)
        if slipped is not None:
            return slipped, current
        if current.dep_ not in ("advcl", "conj", "xcomp") or current.head.i == current.i:
            return None
        current = current.head
    return None


def headless_object_verb(verb: Token) -> bool:
    """'Artillery fire killed 12 civilians': the parse sometimes makes the noun the root and
    the verb a participle hanging on it, but a past participle with a direct object is no
    passive: the noun is the verb's subject (a repair of the parse for acting_thing)."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "dobj" for c in verb.children)
    )


# How a slipped main verb hangs inside its own subject phrase: the links climbed back to it.
SLIP_LINKS = frozenset({"acl", "advmod", "appos", "compound", "nmod", "npadvmod", "pobj", "prep"})
# Verbs of reporting whose object a slipped sentence may be ('Reuters reported "A bomb ..."').
REPORT_LEMMAS = frozenset({"report", "say"})
SLIP_STEPS = 8


def slipped_subject(verb: Token) -> Token | None:
    """'A suicide bomber driving a minibus packed with explosives killed 50 people': the parse
    may hang the main verb as a participle on the last noun before it ("explosives killed").
    A past form with a direct object and no subject is no passive participle, so the verb
    is the sentence's own and its subject is the noun heading the phrase the verb hangs in
    (rule source.slipped-participle reads the actors off it)."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN"):
        return None
    if not any(c.dep_ == "dobj" for c in verb.children) or child(verb, SUBJECT_DEPS) is not None:
        return None
    current = verb.head
    for _ in range(SLIP_STEPS):
        if current.dep_ in SUBJECT_DEPS:
            break
        inner_object = current.dep_ == "dobj" and current.head.dep_ == "acl"
        if current.dep_ not in SLIP_LINKS and not inner_object:
            break
        current = current.head
    reported = current.dep_ == "dobj" and current.head.lemma_.lower() in REPORT_LEMMAS
    if current.dep_ not in SUBJECT_DEPS and current.dep_ != "ROOT" and not reported:
        return None
    if current.i > verb.i or current.pos_ not in ("NOUN", "PROPN"):
        return None
    return current


@rule("source.blast-carrier")
def blast_carrier(ev: Event, thing: Token, verb: Token) -> bool:
    """A car, a bag or a bicycle that goes off carried a bomb: it stands for the bomb, whose
    attacker is unknown (source.attack-means). A car that kills with no blast is an accident.

    Example: A car parked outside the governor's office in Baquba detonated on Monday.
    """
    if thing.lemma_.lower() not in BLAST_CARRIERS or not blast_verb(verb):
        return False
    ev.trace.add("source.blast-carrier", f"'{thing.text}' {verb.text}: it carried the bomb")
    return True


@rule("source.unresolved-pronoun")
def unresolved_pronoun(ev: Event, targets: list[Mention]) -> bool:
    """A pronoun subject that points back to no actor in the text ("they captured seven
    soldiers") is an attacker the text never names: a violent act on a victim the dictionary
    knows (a state, or a group or person with a sector) still codes, with no source, as the
    same act in the passive would ("seven soldiers were captured"). Not verbs that news also
    uses for words ("he attacked the president").

    Example: They ambushed two Kenyan policemen near Garissa on Monday.
    """
    if ev.entry.cameo[:2] not in VIOLENT_ROOTS or ev.entry.pos != "verb":
        return False
    if ev.entry.lemma in FIGURATIVE_ATTACK_VERBS:
        return False  # "he attacked the president for his visit": words, not force
    subject = child(ev.clause, SUBJECT_DEPS)
    if subject is None or subject.pos_ != "PRON" or subject.lower_ not in ATTACKER_PRONOUNS:
        return False
    victims = [ev.actors.at(o) for o in objects(ev.clause)] + targets
    if not any(a.country or a.sector for m in victims if m is not None for a in m.actors):
        return False  # "he shot John Smith": a crime between private people
    ev.trace.add("source.unresolved-pronoun", f"'{subject.text}' names no one; on its victim")
    return True


# Definite groups that may point back to an attacker the text never names ("the group").
DOER_GROUPS = words("doer_group_references")


@rule("source.unresolved-group")
def unresolved_group(ev: Event, subject: Token) -> bool:
    """A definite group as the subject that points back to no actor of the text ("the group
    bombed a bus station in Kano") is an attacker the text does not name: the violent act
    stands on its victim or its place, as a bomb going off alone would. Not an indefinite or
    counted group ("a group of youths"), nor verbs news also uses for words, nor a victim
    named only in words ("the group shot dead a man" may be a crime between private people).

    Example: The group bombed a police station in northern Nigeria on Sunday.
    """
    if ev.entry.cameo[:2] not in VIOLENT_ROOTS or ev.entry.pos != "verb":
        return False
    if ev.entry.lemma in FIGURATIVE_ATTACK_VERBS or subject.dep_ != "nsubj":
        return False
    if subject.lemma_.lower() not in DOER_GROUPS or subject.tag_ != "NN":
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return False
    if any(c.dep_ in ("prep", "poss", "compound", "relcl", "acl") for c in subject.children):
        return False  # "the group of youths", "the rebels' group", "the Mai-Mai group"
    for victim in objects(ev.clause):
        if names_someone(victim, True) and ev.actors.at(victim) is None:
            return False  # "the group shot dead a man": maybe a crime between private people
    ev.trace.add("source.unresolved-group", f"'{subject.text}' names no one; on its place")
    return True


@rule("source.unnamed-bomber")
def unnamed_bomber(ev: Event, verb: Token) -> bool:
    """Whoever sets off a bomb carried out a bombing ("a woman detonated a bomb in a house",
    "the man detonated himself near the gate"): when the words name no actor, the attacker is
    unknown and the bombing stands on its place, as a bomb going off alone would.

    Example: A young man detonated a bomb at a bus stop in Maiduguri on Sunday.
    """
    if not ev.entry.cameo.startswith(BOMBING_ROOT) or verb.i != ev.token.i:
        return False
    if not blast_verb(verb):
        return False
    ev.trace.add("source.unnamed-bomber", f"'{verb.text}': a bombing by someone not named")
    return True


# Sectors of armed forces: the ones a deployment or mobilisation moves.
FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "SPY"})


@rule("source.armed-conjunct")
def armed_conjuncts(ev: Event, mentions: list[Mention]) -> list[Mention]:
    """'Troops and aid workers were deployed to the villages': when some of those moved are
    forces and some are not, the forces are the mobilisation's doers; the aid workers,
    doctors or journalists sent along are no force. Without any force named all stay.

    Example: Kenyan troops and aid workers were deployed to the border.
    """
    forces = [m for m in mentions if any(a.sector in FORCE_SECTORS for a in m.actors)]
    if not forces or len(forces) == len(mentions):
        return mentions
    return ev.found("source.armed-conjunct", forces, "forces among those sent")
