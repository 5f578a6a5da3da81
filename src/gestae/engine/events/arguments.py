"""Source and target of one trigger: the noun strategies for an event noun standing alone,
the clause's voice and subject for a verb (or a noun its light verb carries)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.carriers import DYING_VERBS
from gestae.engine.events.codes import (
    BLAST_DAMAGE_CODES,
    OWN_FORCE_CODES,
    OWN_MEASURE_CODES,
    SENT_FORCE_CODES,
    VIOLENT_ROOTS,
)
from gestae.engine.events.context import Event
from gestae.engine.events.given_things import given_thing
from gestae.engine.events.happenings import happening_between
from gestae.engine.events.mentions import (
    actor_group,
    joined_words,
    pobj_actors,
    unnamed_target,
    with_country,
)
from gestae.engine.events.nominal import (
    NOMINAL_AGENT_PREPS,
    accident_site,
    impact_object,
    is_violent_noun,
    undergoer_owner,
    undergoing_verb,
)
from gestae.engine.events.noun_sources import (
    NO_PATIENT_AFTER,
    PATIENT_NOMINALS,
    NounFrame,
    acting_thing,
    armed_conjuncts,
    blast_carrier,
    carried_noun,
    noun_frame,
    noun_sources,
    slipped_subject,
    unnamed_bomber,
    unresolved_group,
)
from gestae.engine.events.participle_subjects import (
    interrupting_participle,
    participle_crowd,
    participle_subject,
    slipped_participle,
)
from gestae.engine.events.place_targets import measure_place
from gestae.engine.events.sources import crowd, inherited_subject, subject_actors, subject_owner
from gestae.engine.events.summons import summoned_to
from gestae.engine.events.targets import recipient, target_from_entry
from gestae.engine.events.thing_targets import instrument_used
from gestae.engine.events.victim_kin import victim_kin
from gestae.engine.events.victims import (
    attack_agent,
    battle_side,
    died_in_victims,
    impact_victims_first,
    participle_victims,
    shared_patient,
    undergone,
    victims_of,
)
from gestae.engine.events.whom_clauses import whom_clause
from gestae.engine.rules import rule
from gestae.engine.syntax import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    agent,
    child,
    of_objects,
)
from gestae.resources.word_classes import words

# Measures a state imposes and lifts ("sanctions", "a curfew"): their owner acts on them.
MEASURES = words("imposed_measures")
# Weapons and blasts that stand as the subject of a violent act whose attacker is unknown.
ATTACK_MEANS = words("attack_means")
# Verbs a past participle completes as a state undergone ("stands accused", "remains detained").
STATIVE_PASSIVE_HEADS = words("stative_passive_heads")
# Verbs that make their object a planned act ("to plan Alinejad's murder"): no act yet.
FUTURE_GOVERNORS = words("future_governors")
# "A wave of bombings", "a barrage of rockets": the attacks a gathering noun holds.
ATTACK_SERIES = words("attack_series")
# How far a participle climbs to the clause whose subject it shares (", killing five").
MEANS_STEPS = 3
# Participles of a stance held ("is committed to peace"): their subject holds it.
STANCE_PARTICIPLES = words("stance_participles")
UNDER_LIGHT_VERBS = words("under_light_verbs")
# Prepositions of a passive verb whose object may carry the verb's 'by' agent.
LATE_AGENT_PREPS = frozenset({"of", "with"})
# ... and those that do only when their object is an attack ("arrested in a raid by police").
LATE_AGENT_SETTING_PREPS = frozenset({"in", "during"})


@rule("target.of-patient")
def of_patient(ev: Event, patient: Token) -> list[Mention]:
    """'the expulsion of 23 diplomats by Moscow': the 'of' object undergoes the act.

    Example: Nobody expected the arrest of Chinese officials by Taiwan.
    """
    return ev.found("target.of-patient", pobj_actors(ev.grammar, patient, ev.actors, owner=True))


@rule("target.undergoer-subject")
def undergoer_subject(ev: Event) -> tuple[list[Mention], list[Mention]]:
    """'X faced criticism from Y', 'X came under fire from Y', 'X was the target of an attack
    by Y', 'X suffered attacks by Y': the subject undergoes the event noun, so it is the
    target; the source is the noun's 'from/by' actor (or one the parse hung on the verb).
    Returns the sources the verb holds and the targets.

    Example: The Peruvian mayor faced sharp criticism from Chile.
    """
    verb = undergoing_verb(ev.token)
    subject = child(verb, SUBJECT_DEPS) if verb is not None else None
    if verb is None or subject is None or verb.lemma_.lower() in DYING_VERBS:
        return [], []  # "died in an attack": target.died-in reads the dead
    found = [m for m in actor_group(ev.grammar, subject, ev.actors) if m.actors]
    found = found or undergoer_owner(ev, subject)
    sources: list[Mention] = []
    for prep in verb.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in NOMINAL_AGENT_PREPS:
            sources += pobj_actors(ev.grammar, prep, ev.actors)  # "suffered attacks by X"
    return sources, ev.found("target.undergoer-subject", found, subject.text)


@rule("target.possessed-patient")
def possessed_patient(ev: Event, frame: NounFrame) -> list[Mention]:
    """'Mech Dara's arrest', 'the hostages' release', 'his abduction': the possessor of a
    patient nominal (word class patient_nominals) undergoes the act; the doer is the 'by'
    phrase or, for state acts, the state where it happened (record.state-agent).

    Example: Colombia condemned the senator's kidnapping by guerrillas.
    """
    found = [m for m in frame.undergoers if m.actors]
    return ev.found("target.possessed-patient", found)


def patient_named(ev: Event) -> bool:
    """The noun names who undergoes it though no one is named doing it: like a passive, it
    stands on its target ('Navalny's killing', 'the convoy came under fire'); not when it is
    only planned ('paid them to plan Alinejad's murder')."""
    if ev.entry.pos != "noun" or ev.clause.i != ev.token.i:
        return False
    if ev.token.dep_ == "dobj" and ev.token.head.lemma_.lower() in FUTURE_GOVERNORS:
        return False
    possessed = ev.token.lemma_.lower() in PATIENT_NOMINALS and any(
        c.dep_ == "poss" for c in ev.token.children
    )
    violent = ev.entry.cameo[:2] in VIOLENT_ROOTS  # "X faced criticism" alone says too little
    return possessed or (violent and undergoing_verb(ev.token) is not None)


def noun_arguments(ev: Event) -> tuple[list[Mention], list[Mention]]:
    """Nominal event: "Russia's invasion of Ukraine", "the expulsion of X by Moscow"."""
    frame = noun_frame(ev)
    sources, winner = noun_sources(ev, frame)
    held, undergoers = undergoer_subject(ev)
    sources = sources or held or happening_between(ev)
    targets: list[Mention] = undergoers or possessed_patient(ev, frame) or died_in_victims(ev)
    if not sources and targets:
        sources = battle_side(ev)  # "two soldiers died in clashes with rebels": the rebels'
    if not targets and impact_victims_first(ev):
        targets += impact_object(ev)
    if not targets and frame.patient is not None and sources and winner not in NO_PATIENT_AFTER:
        targets += of_patient(ev, frame.patient)
    if not targets:
        targets += joined_words(ev, target_from_entry(ev, ev.token, ev.entry))
    if not targets:
        targets += impact_object(ev) or victims_of(ev)
    return sources, targets


@rule("source.passive-agent")
def passive_agent(ev: Event) -> list[Mention]:
    """In the passive, the 'by' agent acted ("were attacked by Hamas").

    Example: Syrian soldiers were attacked by Turkish troops.
    """
    by = agent(ev.clause)
    for joined in (c for c in ev.clause.children if c.dep_ == "conj" and by is None):
        # "were attacked and wounded by gunmen": the agent of both; a verb with its own
        # auxiliary ("were kidnapped ... and have been freed by the army") is its own clause.
        if not any(a.dep_ in ("aux", "auxpass") for a in joined.children):
            by = agent(joined)
    if by is None:
        return late_passive_agent(ev)
    return ev.found("source.passive-agent", pobj_actors(ev.grammar, by, ev.actors))


@rule("source.late-passive-agent")
def late_passive_agent(ev: Event) -> list[Mention]:
    """'was threatened with sanctions by China', 'were accused of spying by Poland', 'were
    arrested in a raid by police': the parse hangs the passive's 'by' agent on the object of
    the verb's 'with' or 'of' (or 'in'/'during' an attack); the agent still did the act. Not
    when that object is an event noun with its own 'of' patient ("accused of the killing of
    two soldiers by troops": the troops killed).

    Example: Vietnam was threatened with sanctions by China over the dispute.
    """
    for prep in ev.clause.children:
        if prep.dep_ != "prep":
            continue
        setting = prep.lower_ in LATE_AGENT_SETTING_PREPS
        if setting and ev.entry.cameo[:2] in VIOLENT_ROOTS:
            continue  # a violent act's setting: source.attack-agent
        # "was placed under investigation by prosecutors": the noun's 'by' on a verb that
        # puts someone under it (under_light_verbs), never "killed under fire by X".
        under = prep.lower_ == "under" and ev.clause.lemma_.lower() in UNDER_LIGHT_VERBS
        if prep.lower_ not in LATE_AGENT_PREPS and not setting and not under:
            continue
        for held in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
            if of_objects(held) or (setting and not is_violent_noun(ev.grammar, held)):
                continue
            by = agent(held)
            found = [m for m in pobj_actors(ev.grammar, by, ev.actors) if m.actors] if by else []
            if found:
                return ev.found("source.late-passive-agent", found, f"{prep.text} {held.text}")
    return []


@rule("source.measure-owner")
def measure_owner(ev: Event, patient: Token) -> list[Mention]:
    """'UN sanctions against Iran were lifted', 'the EU's arms embargo on China was eased': a
    measure (imposed_measures) lifted, extended or imposed in the passive with no agent is its
    owner's act, never done to that owner (cameo group own_measure).

    Example: United Nations sanctions against Iran were lifted in January.
    """
    if not ev.entry.cameo.startswith(OWN_MEASURE_CODES):
        return []
    if patient.lemma_.lower() not in MEASURES:
        return []
    return ev.found("source.measure-owner", subject_owner(ev, patient), patient.text)


@rule("source.stance-participle")
def stance_participle(ev: Event) -> Token | None:
    """'Ukraine is committed to peace', 'Kenya is opposed to the deal': a participle of stance
    (word class stance_participles) with its 'to' and no 'by' is an adjective the parse may
    read as a passive; its subject holds the stance and acts, it does not undergo it.

    Example: The Kenyan government is committed to supporting peace talks with Somalia.
    """
    clause = ev.clause
    if ev.entry.pos != "verb" or clause.tag_ != "VBN" or agent(clause) is not None:
        return None
    if clause.lemma_.lower() not in STANCE_PARTICIPLES:
        return None
    if not any(c.lower_ == "to" and c.dep_ in ("prep", "aux") for c in clause.children):
        return None
    subject = child(clause, PASSIVE_SUBJECT_DEPS)
    if subject is not None:
        ev.trace.add("source.stance-participle", f"'{subject.text}' holds '{clause.text}'")
    return subject


@rule("source.attacking-clause")
def attacking_clause(ev: Event) -> list[Mention]:
    """'were killed when gunmen attacked the patrol', 'died after warplanes bombed the town':
    harm with no agent of its own was done by whoever carries out the attack of the clause that
    says when it happened. Not a pronoun there: 'were shot dead after they stormed a bank' tells
    of the harmed men's own attack before they were shot.

    Example: Six Malian soldiers were killed when gunmen attacked their patrol.
    """
    if ev.entry.cameo[:2] not in VIOLENT_ROOTS:
        return []
    for clause in ev.clause.children:
        marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}
        if clause.dep_ != "advcl" or not marks & {"when", "as", "after"}:
            continue
        entry = ev.grammar.match(clause, ev.actors)
        subject = child(clause, SUBJECT_DEPS)
        if entry is None or entry.cameo[:2] not in VIOLENT_ROOTS or subject is None:
            continue
        if subject.pos_ == "PRON":
            continue  # 'were shot dead after they attacked': the harmed attacked first
        found = [m for m in subject_actors(ev, subject) if m.actors]
        return ev.found("source.attacking-clause", found, clause.text)
    return []


@rule("source.passive-force")
def passive_force(ev: Event, patient: Token) -> list[Mention]:
    """'Thousands of police officers were deployed', 'Ugandan peacekeepers were deployed to
    Mogadishu': the force moved or sent is its state's own, not the one it is sent to aid.

    Example: Thousands of Indian troops were deployed.
    """
    group = armed_conjuncts(ev, with_country(actor_group(ev.grammar, patient, ev.actors)))
    return ev.found("source.passive-force", group)


@rule("target.passive-subject")
def passive_subject(ev: Event, patient: Token, sources: list[Mention]) -> list[Mention]:
    """In the passive, the grammatical subject undergoes the act (or, with an agent named,
    the words of an unnamed one: "prisoners were released by rebel forces").

    Example: Greek fishermen were detained by Turkey.
    """
    if instrument_used(ev, patient) or given_thing(ev, patient):
        return []  # "40 drones launched by Russia": the weapons, not whom they hit
    targets = [m for m in actor_group(ev.grammar, patient, ev.actors) if m.actors]
    if not targets and sources:
        unnamed = unnamed_target(ev.grammar, patient)
        targets += [unnamed] if unnamed is not None else []
    return ev.found("target.passive-subject", targets)


@rule("target.passive-recipient")
def passive_recipient(ev: Event, patient: Token) -> list[Mention]:
    """'a sarcophagus was returned to Egypt': when the entry's target is whom a thing is handed
    to, the passive subject is the thing, and the "to" phrase still names the target.

    Example: A stolen statue was returned to Nepal by the museum.
    """
    if ev.entry.target != "dative":
        return []
    if any(m.actors for m in actor_group(ev.grammar, patient, ev.actors)) and not given_thing(
        ev, patient
    ):
        return []  # "tanks were delivered": the gift, though "tanks" read as an army
    return ev.found("target.passive-recipient", recipient(ev, ev.token, ev.entry))


def _subject(clause: Token) -> Token | None:
    subject = child(clause, SUBJECT_DEPS)
    if subject is None:
        # A parse slip hangs the subject on the auxiliary ("France have opposed").
        for aux in (c for c in clause.children if c.dep_ in ("aux", "auxpass")):
            subject = subject or child(aux, SUBJECT_DEPS)
    return subject


BRACKETS = {"(": ")", "[": "]"}
CLOSERS = frozenset(BRACKETS.values())


@rule("source.bracketed-name")
def bracketed_name(ev: Event, subject: Token) -> bool:
    """'sent a letter to the head of the World Health Organization (WHO) threatening to ...':
    a name in brackets right after another is that name's short form, which the parse may
    take for the subject of the participle that follows; the participle borrows its doer.

    Example: Brazil has sent a letter to the head of the World Health Organization ( WHO )
    threatening to halt its funding.
    """
    doc = subject.doc
    inner = [t.i for t in subject.subtree if t.text not in BRACKETS and t.text not in CLOSERS]
    start, end = inner[0], inner[-1]
    if ev.clause.dep_ not in ("advcl", "acl") or start == 0 or end + 1 >= len(doc):
        return False
    opener = doc[start - 1].text
    if BRACKETS.get(opener) != doc[end + 1].text or ev.clause.i != end + 2:
        return False
    ev.trace.add("source.bracketed-name", f"'{subject.text}' names the one before it")
    return True


@rule("source.split-subject")
def split_subjects(ev: Event, subject: Token) -> list[Mention]:
    """'Kenya, a group of Ugandan parties and the rebels condemned ...': the parse may split
    a list of subjects into sibling subjects of the verb; each one in front of it acts too.

    Example: The Kenyan government, several Ugandan parties and Tanzania condemned the vote.
    """
    found: list[Mention] = []
    for other in ev.clause.children:
        if other.dep_ == "nsubj" and other.i != subject.i and other.i < ev.clause.i:
            found += [m for m in subject_actors(ev, other) if m.actors and m not in found]
    return ev.found("source.split-subject", found) if found else []


def clause_arguments(ev: Event) -> tuple[list[Mention], list[Mention]]:
    """A verb, or a noun its light verb carries: voice decides where source and target sit."""
    sources: list[Mention] = []
    targets: list[Mention] = []
    clause = ev.clause
    subject = _subject(clause)
    if subject is not None and bracketed_name(ev, subject):
        subject = None
    slipped = slipped_subject(clause) if subject is None and ev.entry.pos == "verb" else None
    stance = stance_participle(ev)
    subject = stance or subject
    # "aid workers abducted near Gao", "nine wounded"
    shape = undergone(ev) if stance is None else None
    victim = shape[0] if shape is not None else None
    stative = stative_passive(ev)
    if stance is None and (
        victim is not None
        or stative is not None
        or any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in clause.children)
    ):
        sources += passive_agent(ev) or summoned_to(ev) or attacking_clause(ev)
        sources += [] if sources else attack_agent(ev) or battle_side(ev)
        if shape is not None and not sources and clause.dep_ == "conj":
            # "were killed when gunmen attacked, and nine others wounded": the head's doer.
            head = replace(ev, clause=clause.head)
            sources += passive_agent(head) or attacking_clause(head) or attack_agent(head)
        patient = victim or stative or child(clause, PASSIVE_SUBJECT_DEPS) or shared_patient(ev)
        if not sources and patient is not None and patient.i == ev.token.i != clause.i:
            sources += carried_noun(ev)  # "the withdrawal of French troops was completed"
            patient = None if sources else patient
        owners = measure_owner(ev, patient) if patient is not None and not sources else []
        if owners:
            sources += owners
            patient = None  # the measure is its owner's, no one it is done to
        if patient is not None and ev.entry.cameo.startswith(OWN_FORCE_CODES + SENT_FORCE_CODES):
            if not sources:
                sources += passive_force(ev, patient)
            patient = None
        if shape is not None:
            if not instrument_used(ev, shape[0]):
                ev.trace.add(shape[1], f"'{shape[0].text}' underwent '{clause.text}'")
                targets += participle_victims(ev, shape[0])
        elif patient is not None and ev.entry.pos == "verb":
            targets += passive_recipient(ev, patient) or passive_subject(ev, patient, sources)
    elif subject is not None:
        sources += subject_actors(ev, subject)
        if not any(m.actors for m in sources):
            sources += (
                crowd(ev, subject) or victim_kin(ev, subject) or participle_subject(ev, subject)
            )
        sources += split_subjects(ev, subject)
    elif (whom := whom_clause(ev)) is not None:
        sources += whom[0]  # "X, whom police arrested": the police, on X
        targets += whom[1]
    else:
        borrowed = fronted_gerund_agent(ev) or interrupting_participle(ev)
        sources += borrowed or inherited_subject(ev, clause)
        if not any(m.actors for m in sources):  # "hundreds gathered, chanting slogans"
            slip = slipped_participle(ev, slipped) if slipped is not None else []
            sources += slip or participle_crowd(ev, clause)
    if not targets:
        targets += joined_words(ev, target_from_entry(ev, ev.token, ev.entry))
    return sources, targets


@rule("source.fronted-gerund-agent")
def fronted_gerund_agent(ev: Event) -> list[Mention]:
    """'Shelling by Ukrainian forces killed 15 people': the parse may read an attack noun in
    "-ing" with its 'by' agent as a clause hung before a verb that has no subject; it is that
    verb's subject, and its agent did the act.

    Example: Shelling by Ukrainian forces killed 15 people in Donetsk.
    """
    for gerund in ev.clause.lefts:
        if gerund.dep_ != "advcl" or gerund.tag_ != "VBG" or gerund.i != gerund.left_edge.i:
            continue
        by = agent(gerund)
        if by is None or child(gerund, SUBJECT_DEPS) is not None:
            continue
        found = [m for m in pobj_actors(ev.grammar, by, ev.actors) if m.actors]
        if found:
            return ev.found("source.fronted-gerund-agent", found, gerund.text)
    return []


@rule("target.stative-passive")
def stative_passive(ev: Event) -> Token | None:
    """'Lai stands accused of sedition', 'the activist remains detained': a past participle
    completing a verb of state (word class stative_passive_heads) is a passive, and that
    verb's subject undergoes the act rather than doing it.

    Example: The Kenyan activist stands accused of sedition.
    """
    subject = stative_subject(ev.clause) if ev.entry.pos == "verb" else None
    if subject is not None:
        words = f"'{ev.clause.head.text} {ev.clause.text}' is undergone"
        ev.trace.add("target.stative-passive", words)
    return subject


def stative_subject(clause: Token) -> Token | None:
    """The subject of the verb of state a past participle completes ("Lai stands accused")."""
    if clause.tag_ != "VBN" or clause.dep_ not in STATIVE_DEPS:
        return None
    if clause.head.lemma_.lower() not in STATIVE_PASSIVE_HEADS:
        return None
    if any(c.lower_ == "to" for c in clause.children):
        return None  # "stands opposed to", "remains committed to": the subject's own stance
    return child(clause.head, SUBJECT_DEPS)


# How a parser hangs the participle of "stands accused" on its verb.
STATIVE_DEPS = frozenset({"advcl", "acomp", "oprd", "xcomp"})


@rule("source.attack-means")
def attack_means(ev: Event) -> bool:
    """A bomb, a blast or shelling as the subject ("a roadside bomb killed three soldiers",
    "the blast destroyed the market, killing five"): the attacker is unknown, so the act has
    no source and stands on its victims or place; never an accident ("a gas explosion"). A
    noun that gathers attacks stands for them ("a wave of bombings killed 30").

    Example: A roadside bomb exploded near a checkpoint in Mosul, killing four policemen.
    """
    if ev.entry.cameo[:2] not in VIOLENT_ROOTS and not blast_damage(ev):
        return False
    found = acting_thing(ev.clause, MEANS_STEPS)
    if found is None or ev.actors.at(found[0]) is not None:
        return False
    subject, verb = found
    if subject.lemma_.lower() in ATTACK_SERIES:
        held = [o for o in of_objects(subject) if o.pos_ == "NOUN"]
        subject = held[0] if held else subject  # "a wave of attacks killed 30": the attacks
    means = (
        subject.lemma_.lower() in ATTACK_MEANS
        or any(c.dep_ == "compound" and c.lemma_.lower() in ATTACK_MEANS for c in subject.lefts)
        or is_violent_noun(ev.grammar, subject)
        or blast_carrier(ev, subject, verb)
        or unnamed_bomber(ev, verb)
        or unresolved_group(ev, subject)
    )
    accident = accident_site(subject)
    if not means or accident:
        return False
    ev.trace.add("source.attack-means", f"'{subject.text}': attacker unknown")
    return True


def blast_damage(ev: Event) -> bool:
    """Destroying property (cameo.yaml group blast_damage): with a weapon or a blast as its
    subject it is an attack whose attacker is unknown, like the violent roots."""
    return ev.entry.cameo.startswith(BLAST_DAMAGE_CODES)


@rule("source.unknown-attacker")
def unknown_attacker(ev: Event, passive: bool, impact: bool) -> bool:
    """A violent act that names neither attacker nor victim still happened: a passive with no
    agent, a weapon or an attack as the subject ("a car bomb exploded", "clashes broke out",
    "shells hit the market"). It codes with a null source and, as target, the country of the
    event's place (record.place-target); with no place resolved to a country, no event.
    Never an accident ("a gas tanker exploded").

    Example: A car bomb exploded outside a police station in Kirkuk on Monday.
    """
    if ev.entry.cameo[:2] not in VIOLENT_ROOTS:
        # "a rocket destroyed a school": property destroyed only by the weapon it names
        if not (blast_damage(ev) and attack_means(ev)):
            return False
        ev.trace.add("source.unknown-attacker", f"'{ev.token.text}': no one named")
        return True
    token = ev.token
    happening = ev.entry.pos == "noun" and ev.grammar.happening_verb(token) is not None
    if accident_site(token):
        return False
    patient = child(ev.clause, PASSIVE_SUBJECT_DEPS) if passive else None
    if patient is not None and patient.pos_ == "PRON" and ev.entry.cameo.startswith("192"):
        return False  # "he was captured in Kenya": a person taken, no territory occupied
    if not (passive or impact or happening or attack_means(ev)):
        return False
    ev.trace.add("source.unknown-attacker", f"'{token.text}': no one named; stands on its place")
    return True


def core_arguments(ev: Event) -> tuple[list[Mention], list[Mention]]:
    """Sources and targets with actors; a target that is also a source is dropped."""
    # A noun reported as happening ("the attack occurred") is the subject of its carrier: its
    # arguments are the noun's own, not the clause's.
    happening = (ev.token.dep_ == "nsubj" and ev.token.head.i == ev.clause.i) or (
        ev.clause.dep_ == "relcl" and ev.clause.head.i == ev.token.i
    )
    if ev.entry.pos == "noun" and (ev.clause.i == ev.token.i or happening):
        sources, targets = noun_arguments(ev)
        if happening and not any(m.actors for m in sources):
            sources += crowd(ev, ev.token)  # "protests took place": source.protest-happened
    else:
        sources, targets = clause_arguments(ev)
    sources = [m for m in sources if m.actors]
    targets = [m for m in targets if m.actors and m not in sources]
    if not targets:
        targets = measure_place(ev, sources)
    return sources, targets
