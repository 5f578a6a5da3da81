"""Who acted: the source strategies, each a named rule, tried in a fixed order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.codes import OWN_FORCE_CODES, PROTEST_ROOT, VIOLENT_ROOTS
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import actor_group, made_of, pobj_actors, with_country
from gestae.engine.events.nominal import (
    NOMINAL_AGENT_PREPS,
    adjunct_host,
    claimed_by,
    group_agent,
    impact_subject,
    late_agent,
)
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.engine.syntax import OBJECT_DEPS, SUBJECT_DEPS, agent, child, objects
from gestae.resources.word_classes import words
from gestae.schema import Actor

# People counted or gathered with no sector word: the civilians of a protest.
CROWD_NOUNS = words("crowd_nouns")
# Event nouns whose possessor undergoes the act ("the journalist's arrest").
PATIENT_NOMINALS = words("patient_nominals")
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
# How far a verb with no subject of its own climbs to the clause that lends it one.
INHERITANCE_STEPS = 4
# What carries a bomb into place, and the verbs that tell a bomb going off.
BLAST_CARRIERS = words("blast_carriers")
BLAST_VERBS = words("blast_verbs")
# Bombings (CAMEO 183: suicide, vehicle and roadside bombing below it).
BOMBING_ROOT = "183"
# Pronouns that may point back to an attacker the text never names ("they captured ...").
ATTACKER_PRONOUNS = words("person_pronouns") | words("plural_pronouns") | {"we", "it"}
# Violent verbs also used for words ("he attacked the president"): no attack on a pronoun alone.
FIGURATIVE_ATTACK_VERBS = words("figurative_attack_verbs")


def author(ev: Event, noun: Token) -> list[Mention]:
    """Who wrote a message: "Johnson's letter", "a letter from X", "X published a letter"."""
    if noun.dep_ in OBJECT_DEPS and noun.head.pos_ == "VERB":
        subject = child(noun.head, SUBJECT_DEPS)
        if subject is not None:
            return actor_group(ev.grammar, subject, ev.actors)
    for dependent in noun.children:
        if dependent.dep_ == "poss":
            return actor_group(ev.grammar, dependent, ev.actors)
        if dependent.dep_ == "prep" and dependent.lower_ in ("from", "by"):
            return pobj_actors(ev.grammar, dependent, ev.actors)
        if dependent.dep_ == "acl":
            by = agent(dependent)
            if by is not None:
                return pobj_actors(ev.grammar, by, ev.actors)
    return []


def subject_owner(ev: Event, subject: Token) -> list[Mention]:
    """Whose the acting thing is: 'the EU's diplomatic chief', 'Syrian regime air strikes',
    'the missiles fired by the Israeli military'."""
    for dependent in subject.children:
        if dependent.dep_ == "poss" or (
            dependent.dep_ in ("compound", "amod") and dependent.i < subject.i
        ):
            found = [m for m in actor_group(ev.grammar, dependent, ev.actors) if m.actors]
            if found:
                return found
        if dependent.dep_ == "acl" and dependent.tag_ == "VBN":
            by = agent(dependent)
            if by is not None:
                found = [m for m in pobj_actors(ev.grammar, by, ev.actors) if m.actors]
                if found:
                    return found
    return []


# -- a subject and what it stands for --------------------------------------------------------


@rule("source.relative-author")
def relative_author(ev: Event, subject: Token) -> list[Mention] | None:
    """A relative clause on a message ('a letter which accused X') is its author's act.

    Example: Spain sent a letter that accused Morocco of spying.
    """
    antecedent = subject.head.head
    if antecedent.lemma_.lower() not in ev.grammar.communication_nouns:
        return None
    return ev.found("source.relative-author", author(ev, antecedent), antecedent.lemma_)


@rule("source.relative-antecedent")
def relative_antecedent(ev: Event, subject: Token) -> list[Mention] | None:
    """'who', 'which', 'that' stand for the noun the relative clause hangs on.

    Example: Officials praised Ghana, which criticized Togo over the vote.
    """
    antecedent = subject.head.head
    group = actor_group(ev.grammar, antecedent, ev.actors)
    return ev.found("source.relative-antecedent", group, antecedent.text)


@rule("source.subject")
def plain_subject(ev: Event, subject: Token) -> list[Mention] | None:
    """The grammatical subject of an active clause performs the act.

    Example: Argentina condemned Chile.
    """
    made = [m for d in subject.children for m in made_of(ev.grammar, d, ev.actors)]
    if made:
        return ev.found("source.made-of", made, subject.text)
    found = actor_group(ev.grammar, subject, ev.actors)
    if not any(m.actors for m in found):
        return None
    return ev.found("source.subject", found, subject.text)


@rule("source.subject-owner")
def owner_of_subject(ev: Event, subject: Token) -> list[Mention] | None:
    """A subject that is a thing or office acts for its owner ("the EU's foreign chief").

    Example: Egypt's foreign ministry condemned Ethiopia.
    """
    owners = subject_owner(ev, subject)
    return ev.found("source.subject-owner", owners, subject.text) if owners else None


def _crowd_word(token: Token) -> bool:
    """'people', 'hundreds', 'a crowd', or a bare number ('40,000 protested')."""
    lemma = token.lemma_.lower()
    return lemma in CROWD_NOUNS or token.lower_ in CROWD_NOUNS or token.pos_ == "NUM"


@rule("source.crowd")
def crowd(ev: Event, subject: Token) -> list[Mention]:
    """People who demonstrate are civilians, even when the words give only their number
    ("10,000 people", "hundreds", "a crowd of students"): PLOVER codes them CVL, of the
    country where they protest (the record stage puts them there) or else the article's.

    Only for protest triggers: "thousands of people" doing anything else is no actor.

    Example: About 3,000 people marched in Nairobi to protest against the new tax.
    """
    if not ev.entry.cameo.startswith(PROTEST_ROOT) or not _crowd_word(subject):
        return []
    end = subject.i
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = child(of, {"pobj"}) if of is not None else None
    if counted is not None:
        if counted.pos_ not in ("NOUN", "PROPN") or ev.actors.at(counted) is not None:
            return []  # "thousands of Kenyans" is the dictionary's, not a crowd
        end = counted.i
    doc = subject.doc
    span = doc[subject.left_edge.i : end + 1]
    country = ev.actors.dominant_country()
    reason = f"people protesting are civilians; {CONTEXT_COUNTRY} ({country})"
    actor = Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        kind="group",
        country=country,
        sector="CVL",
        rule=reason if country else "people protesting are civilians",
    )
    mention = Mention(span.start, span.end, subject.i, [actor], actor.rule, reference=True)
    return ev.found("source.crowd", [mention], span.text)


def subject_actors(ev: Event, subject: Token) -> list[Mention]:
    """The actors a subject stands for, relative pronouns and owners included."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        authored = relative_author(ev, subject)
        if authored is not None:
            return authored
        return relative_antecedent(ev, subject) or []
    found = plain_subject(ev, subject)
    if found is not None:
        return found
    owners = owner_of_subject(ev, subject)
    if owners is not None:
        return owners
    return actor_group(ev.grammar, subject, ev.actors)


# -- a verb with no subject of its own borrows one ----------------------------------------------


class Climb(Enum):
    """What a borrowing rule says when it finds no source at this link."""

    PASS = "not this rule's link"
    UP = "climb to the head and try again"


Borrowed = list[Mention] | Climb


@rule("source.coordinated-subject")
def coordinated_subject(ev: Event, current: Token) -> Borrowed:
    """A coordinated verb shares its first conjunct's subject ("X met Y and signed ...").

    Example: Peru recalled its ambassador and criticized Bolivia.
    """
    if current.dep_ != "conj":
        return Climb.PASS
    subject = child(current.head, SUBJECT_DEPS)
    if subject is None:
        return Climb.UP
    return ev.found("source.coordinated-subject", subject_actors(ev, subject), current.head.text)


@rule("source.object-control")
def object_control(ev: Event, current: Token) -> Borrowed:
    """'asked Paris to mediate': the object of the asking verb does the complement's act.

    Example: Officials persuaded Norway to criticize Denmark.
    """
    if current.dep_ != "xcomp":
        return Climb.PASS
    obj = child(current.head, OBJECT_DEPS)
    group = actor_group(ev.grammar, obj, ev.actors) if obj is not None else []
    return ev.found("source.object-control", group, current.head.text) if group else Climb.PASS


@rule("source.subject-control")
def subject_control(ev: Event, current: Token) -> Borrowed:
    """'Iran agreed to release ...': the governing verb's subject does the complement's act.

    Example: Mali decided to expel French diplomats.
    """
    if current.dep_ not in ("xcomp", "advcl"):
        return Climb.PASS
    subject = child(current.head, SUBJECT_DEPS)
    if subject is None:
        return Climb.UP
    return ev.found("source.subject-control", subject_actors(ev, subject), current.head.text)


@rule("source.message-author")
def message_author(ev: Event, current: Token) -> Borrowed:
    """A clause modifying a message ('a statement condemning X') is the author's act.

    Example: Cuba issued a statement condemning the United States.
    """
    noun = current.head
    if current.dep_ not in ("acl", "relcl") or (
        noun.lemma_.lower() not in ev.grammar.communication_nouns
    ):
        return Climb.PASS
    return ev.found("source.message-author", author(ev, noun), noun.lemma_)


@rule("source.modified-actor")
def modified_actor(ev: Event, current: Token) -> Borrowed:
    """A participle or relative clause on an actor ('Kenyan troops fighting X') is its act.

    A past participle with no object is passive: the noun underwent the act ("the soldiers
    killed in the ambush"), it did not do it; a force moved is still its state's own act
    ("Kenyan troops deployed in Somalia").

    Example: Chinese warships patrolling the strait threatened Vietnam.
    """
    if current.dep_ not in ("acl", "relcl"):
        return Climb.PASS
    undergone = current.dep_ == "acl" and current.tag_ == "VBN" and not objects(current)
    if undergone and not ev.entry.cameo.startswith(OWN_FORCE_CODES):
        return []  # "the soldiers killed in the ambush": they underwent it
    return ev.found("source.modified-actor", actor_group(ev.grammar, current.head, ev.actors))


@rule("source.gerund-subject")
def gerund_subject(ev: Event, current: Token) -> Borrowed:
    """'was guilty of violating', 'are committed to opening': the clause's subject acts.

    Example: Nigeria is committed to supporting Niger.
    """
    if current.dep_ != "pcomp" or current.head.dep_ != "prep":
        return Climb.PASS
    anchor = current.head.head
    while anchor.pos_ not in ("VERB", "AUX") and anchor.head.i != anchor.i:
        anchor = anchor.head
    subject = child(anchor, SUBJECT_DEPS)
    if subject is None:
        return []
    return ev.found("source.gerund-subject", subject_actors(ev, subject), anchor.text)


@rule("source.predicate-subject")
def predicate_subject(ev: Event, current: Token) -> Borrowed:
    """'France is ready to send troops': the predicate adjective's subject acts.

    Example: Japan is ready to help the Philippines.
    """
    head = current.head
    if current.dep_ not in ("acomp", "attr") or head.pos_ not in ("AUX", "VERB"):
        return Climb.PASS
    subject = child(head, SUBJECT_DEPS)
    if subject is None:
        return []
    return ev.found("source.predicate-subject", subject_actors(ev, subject), head.text)


BORROWING_RULES: list[Callable[[Event, Token], Borrowed]] = [
    coordinated_subject,
    object_control,
    subject_control,
    message_author,
    modified_actor,
    gerund_subject,
    predicate_subject,
]


def inherited_subject(ev: Event, verb: Token) -> list[Mention]:
    """Subjects shared through coordination, control and participles: the first borrowing
    rule that answers for a link decides; 'climb' goes on to the head."""
    current = verb
    for _ in range(INHERITANCE_STEPS):
        if current.head.i == current.i:
            return []
        for borrow in BORROWING_RULES:
            answer = borrow(ev, current)
            if answer is Climb.UP:
                current = current.head
                break
            if isinstance(answer, list):
                return answer
        else:
            return []
    return []


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
    host = adjunct_host(ev.grammar, ev.token)
    subject = child(host, SUBJECT_DEPS) if host is not None else None
    if subject is None:
        return []
    return ev.found("source.host-subject", subject_actors(ev, subject), f"'{ev.token.text}'")


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
    group_in_front,
    impact_owner,
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
