"""Who acted, read off a clause: its subject (a relative pronoun's antecedent, the owner of an
acting thing, a crowd) or the subject a verb with none of its own borrows; each a named rule,
tried in a fixed order. Event nouns and unnamed attackers: noun_sources.py."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.clause_subjects import split_clause_doer
from gestae.engine.events.codes import (
    EXPECTED_ACT_CODES,
    OWN_FORCE_CODES,
    PROTEST_ROOT,
    VIOLENT_ROOTS,
)
from gestae.engine.events.context import Event
from gestae.engine.events.crowd_sources import crowd as crowd  # also read by arguments.py
from gestae.engine.events.feeling_subjects import feeling_subject
from gestae.engine.events.gerund_doers import act_gerund_doer
from gestae.engine.events.mentions import actor_group, called_party, made_of, pobj_actors
from gestae.engine.events.nominal import is_violent_noun, noun_doers
from gestae.engine.events.participles import charged_participle, comma_participle, object_participle
from gestae.engine.events.relations import relation_not_owner
from gestae.engine.rules import rule
from gestae.engine.syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    PLACE_ENTITY_TYPES,
    SUBJECT_DEPS,
    agent,
    child,
    objects,
    of_objects,
)
from gestae.resources.word_classes import words

# Heads that pick out part of a group or a mix of people: the people after 'of' act.
PARTITIVE_HEADS = words("partitive_heads")
REPORTING_PASSIVES = words("reporting_passives")
SCHEDULING_PASSIVES = words("scheduling_passives")
EXPECTATION_VERBS = words("expectation_verbs")
# Passive verbs of seeing or showing whose subject does the act of their "-ing" complement.
PERCEPTION_PASSIVES = words("perception_passives")
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
# Places and things an attack is made on ("the attack on the police station, which killed 12").
ATTACKED_SITES = words("attacked_sites")
# How far a verb with no subject of its own climbs to the clause that lends it one.
INHERITANCE_STEPS = 4


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


# Prepositions that put an attack on or at its site ("the bombing at a mosque, which killed").
SITE_PREPS = ("on", "against", "at", "in", "near", "outside", "inside")


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
    attacked = attack_relative(ev, subject, antecedent)
    if attacked is not None:
        return attacked
    group = actor_group(ev.grammar, antecedent, ev.actors)
    return ev.found("source.relative-antecedent", group, antecedent.text)


@rule("source.attack-relative")
def attack_relative(ev: Event, subject: Token, antecedent: Token) -> list[Mention] | None:
    """'the attack on the police station, which killed 12': a violent 'which' clause the parse
    hangs on the site an attack was made on or at (word class attacked_sites, or a place name)
    tells what the attack did; the attack's own agent (its possessor, 'by' phrase or a group
    named before it) did it, never the site, and with none named the attacker is unknown.

    Example: The attack on a Kenyan police station, which killed 12 officers, shocked Nairobi.
    Example: Islamic State claimed a bombing at a mosque in Herat that killed 20 worshippers.
    """
    if ev.entry.cameo[:2] not in VIOLENT_ROOTS or subject.lower_ not in ("which", "that"):
        return None
    prep = antecedent.head
    if antecedent.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in SITE_PREPS:
        return None
    site = antecedent.lemma_.lower() in ATTACKED_SITES or antecedent.ent_type_ in PLACE_ENTITY_TYPES
    attack = prep.head
    if not site or not is_violent_noun(ev.grammar, attack):
        return None
    found = noun_doers(ev.grammar, attack, ev.actors)
    if not found:
        ev.trace.add("source.attack-relative", f"'{subject.text}': the {attack.text}, not its site")
    return ev.found("source.attack-relative", found, attack.text)


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
        return partitive_head(ev, subject)
    return ev.found("source.subject", found, subject.text)


def _partitive(token: Token) -> bool:
    return (
        token.lemma_.lower() in PARTITIVE_HEADS
        or token.lower_ in PARTITIVE_HEADS
        or (token.like_num and token.pos_ == "NUM")
    )


@rule("source.partitive-head")
def partitive_head(ev: Event, subject: Token) -> list[Mention] | None:
    """'Most of the demonstrators marched', 'one of the gunmen opened fire', 'hordes of
    protesters rallied', 'a mixture of students and veterans': a head that picks out part, a
    band or a mix of people (word class partitive_heads, or a number) is no actor; the people
    after its 'of' act, with their own country and sector.

    Example: Most of the demonstrators marched through the centre of Nairobi.
    """
    head = subject
    for _ in range(2):  # "one of the members of the militia"
        own = ev.actors.at(head)
        if not _partitive(head) or (own is not None and own.actors):
            return None
        held = [o for o in of_objects(head) if o.pos_ in ("NOUN", "PROPN")]
        if not held:
            return None
        found = [m for m in actor_group(ev.grammar, held[0], ev.actors) if m.actors]
        if found:
            return ev.found("source.partitive-head", found, subject.text)
        head = held[0]
    return None


@rule("source.subject-owner")
def owner_of_subject(ev: Event, subject: Token) -> list[Mention] | None:
    """A subject that is a thing or office acts for its owner ("the EU's foreign chief").

    Example: Egypt's foreign ministry condemned Ethiopia.
    """
    if split_modifier(ev, subject) or relation_not_owner(ev, subject):
        return []
    owners = subject_owner(ev, subject)
    return ev.found("source.subject-owner", owners, subject.text) if owners else None


@rule("source.split-modifier")
def split_modifier(ev: Event, subject: Token) -> bool:
    """'Sudan's paramilitary Rapid Support Forces shelled': the parse may split an adjective off
    the name after it as a subject of its own; it modifies that name, so its possessor owns
    the name's phrase and is no doer beside it (the name is the source, source.split-subject).

    Example: Sudan's paramilitary Rapid Support Forces shelled a camp near El Fasher.
    """
    if subject.pos_ != "ADJ":
        return False
    after = ev.clause.doc[subject.i + 1] if subject.i + 1 < len(ev.clause.doc) else None
    nxt = after.head if after is not None and after.dep_ == "compound" else after
    if nxt is None or nxt.dep_ != "nsubj" or nxt.head.i != subject.head.i:
        return False
    ev.trace.add("source.split-modifier", f"'{subject.text}' modifies '{nxt.text}'")
    return True


def subject_actors(ev: Event, subject: Token) -> list[Mention]:
    """The actors a subject stands for, relative pronouns and owners included."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        authored = relative_author(ev, subject)
        if authored is not None:
            return authored
        return relative_antecedent(ev, subject) or []
    if split_modifier(ev, subject):
        return []  # "The paramilitary Rapid Support Forces": an agent word, yet the name acts
    found = plain_subject(ev, subject)
    if found is not None:
        return found
    owners = owner_of_subject(ev, subject)
    if owners is not None:
        return owners
    return message_subject(ev, subject) or actor_group(ev.grammar, subject, ev.actors)


@rule("source.message-subject")
def message_subject(ev: Event, subject: Token) -> list[Mention]:
    """A report, letter or statement that accuses, urges or condemns speaks for whoever wrote
    or issued it: "a report by Amnesty International accuses", "the report, which was
    published by Human Rights Watch, accuses".

    Example: A report by Amnesty International accuses Ethiopian forces of ethnic cleansing.
    """
    if subject.lemma_.lower() not in ev.grammar.communication_nouns:
        return []
    found = [m for m in author(ev, subject) if m.actors]
    for clause in subject.children:
        if not found and clause.dep_ == "relcl":
            by = agent(clause)
            found = [m for m in pobj_actors(ev.grammar, by, ev.actors) if m.actors] if by else []
    return ev.found("source.message-subject", found, subject.text) if found else []


# -- a verb with no subject of its own borrows one ----------------------------------------------


class Climb(Enum):
    """What a borrowing rule says when it finds no source at this link."""

    PASS = "not this rule's link"
    UP = "climb to the head and try again"


Borrowed = list[Mention] | Climb


# Attacks and weapons, which can kill but cannot say, vow or agree.
ACTING_THINGS = words("side_acts") | words("attack_means")


@rule("source.coordinated-subject")
def coordinated_subject(ev: Event, current: Token) -> Borrowed:
    """A coordinated verb shares its first conjunct's subject ("X met Y and signed ...").

    Example: Peru recalled its ambassador and criticized Bolivia.
    """
    if current.dep_ != "conj":
        return Climb.PASS
    subject = child(current.head, SUBJECT_DEPS)
    if subject is None and (felt := feeling_subject(current.head)) is not None:
        return ev.found("source.feeling-subject", subject_actors(ev, felt), current.head.text)
    if subject is None:
        return Climb.UP
    thing = is_violent_noun(ev.grammar, subject) or subject.lemma_.lower() in ACTING_THINGS
    if thing and ev.entry.cameo[:2] not in VIOLENT_ROOTS:
        return coordinated_teller(ev, current)
    return ev.found("source.coordinated-subject", subject_actors(ev, subject), current.head.text)


@rule("source.coordinated-teller")
def coordinated_teller(ev: Event, current: Token) -> list[Mention]:
    """'Pakistan said the strikes killed 31 civilians and vowed to retaliate': an attack can
    kill but cannot vow, so a speech or intent verb that the parse joined to a reported violent
    clause is the teller's second verb; its source is the teller, else no one.

    Example: Mali said the air strikes killed ten herders and vowed to respond.
    """
    reported = current.head
    teller = reported.head if reported.dep_ == "ccomp" else None
    told_by = child(teller, SUBJECT_DEPS) if teller is not None else None
    if teller is None or told_by is None:
        return []
    return ev.found("source.coordinated-teller", subject_actors(ev, told_by), teller.text)


@rule("source.contact-caller")
def contact_caller(ev: Event, current: Token) -> Borrowed:
    """'called Erdogan to apologize', 'phoned Lavrov to discuss Syria': the purpose of a call
    is the caller's act; the one called is its partner (target.contact-partner), not its doer.

    Example: The Kenyan president called Ugandan President Yoweri Museveni to apologize.
    """
    called = called_party(current)
    if called is None or not actor_group(ev.grammar, called, ev.actors):
        return Climb.PASS
    subject = child(current.head, SUBJECT_DEPS)
    if subject is None:
        return Climb.UP
    return ev.found("source.contact-caller", subject_actors(ev, subject), current.head.text)


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


def opening_passive(current: Token) -> bool:
    """'Backed by Russian jets, the army ...': a past participle opening the sentence, with
    its agent, tells what was done to the main clause's subject."""
    if current.dep_ != "advcl" or current.tag_ != "VBN" or current.i > current.head.i:
        return False
    return any(c.dep_ == "agent" for c in current.children)


@rule("source.subject-control")
def subject_control(ev: Event, current: Token) -> Borrowed:
    """'Iran agreed to release ...': the governing verb's subject does the complement's act;
    not the subject of a verb of seeing (perception_passives), who witnessed it, nor one an
    opening past participle with its agent tells of ('Backed by jets, the army stormed').

    Example: Mali decided to expel French diplomats.
    """
    if current.dep_ not in ("xcomp", "advcl"):
        return Climb.PASS
    gerund = act_gerund_doer(ev, current)
    if gerund is not None:
        return gerund  # "voiced anger at Uganda closing the border": Uganda closed it
    if comma_participle(current) is not None and not ev.entry.cameo.startswith(OWN_FORCE_CODES):
        return []  # "the commander is dead, killed in a raid": he underwent it
    if current.dep_ == "advcl" and current.head.lemma_.lower() in PERCEPTION_PASSIVES:
        return []  # "a reporter saw a bomb explode, killing four": a witness, no doer
    if opening_passive(current) and not ev.entry.cameo.startswith(OWN_FORCE_CODES):
        return []  # "Backed by Russian jets, the army stormed": the army was backed
    subject = child(current.head, SUBJECT_DEPS)
    if subject is None:
        return Climb.UP
    found = subject_actors(ev, subject)
    if not found and current.dep_ == "xcomp" and (crowded := crowd(ev, subject)):
        return crowded  # "thousands have continued to march": the crowd (source.crowd)
    return ev.found("source.subject-control", found, current.head.text)


@rule("source.raised-subject")
def raised_subject(ev: Event, current: Token) -> Borrowed:
    """'bandits are reported to have killed 36 people', 'rebels are believed to have seized
    the town': the subject of a passive verb of report or opinion (reporting_passives) does
    the act its infinitive tells.

    Example: Malian rebels are reported to have seized the town of Kidal.
    """
    head = current.head
    if current.dep_ != "xcomp" or head.lemma_.lower() not in REPORTING_PASSIVES:
        return Climb.PASS
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
        return Climb.PASS
    return _passive_subject(ev, head, "source.raised-subject")


@rule("source.scheduled-subject")
def scheduled_subject(ev: Event, current: Token) -> Borrowed:
    """'Modi is scheduled to meet Kishida', 'the envoy is set to visit Kyiv': the subject of a
    passive verb of plan or timetable (scheduling_passives) does the planned act, which
    modality.future then holds for later. "Is expected to" counts only for acts of
    cooperation: "is expected to attack" is others' forecast, not the subject's threat.

    Example: Kenya's foreign minister is scheduled to meet Ugandan officials in Kampala.
    """
    head = current.head
    lemma = head.lemma_.lower()
    if current.dep_ != "xcomp" or lemma not in SCHEDULING_PASSIVES:
        return Climb.PASS
    if lemma in EXPECTATION_VERBS and not ev.entry.cameo.startswith(EXPECTED_ACT_CODES):
        return Climb.PASS
    return _passive_subject(ev, head, "source.scheduled-subject")


def _passive_subject(ev: Event, head: Token, rule_id: str) -> Borrowed:
    """The subject of a passive `head` ("are reported", "were seen") as the act's doer."""
    if not any(c.dep_ == "auxpass" for c in head.children):
        return Climb.PASS
    subject = child(head, PASSIVE_SUBJECT_DEPS)
    if subject is None:
        return Climb.PASS
    return ev.found(rule_id, subject_actors(ev, subject), head.text)


@rule("source.seen-doer")
def seen_doer(ev: Event, current: Token) -> Borrowed:
    """'rebels were seen attacking the convoy', 'fighters are shown shooting at vehicles': the
    subject of a passive verb of seeing or showing (perception_passives) does the act its
    "-ing" complement tells.

    Example: Syrian rebels were seen attacking a Turkish army convoy.
    """
    head = current.head
    if current.dep_ not in ("xcomp", "advcl") or current.tag_ != "VBG":
        return Climb.PASS
    if head.lemma_.lower() not in PERCEPTION_PASSIVES:
        return Climb.PASS
    return _passive_subject(ev, head, "source.seen-doer")


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
    if ev.entry.cameo.startswith(PROTEST_ROOT):
        return protesting_crowd(ev, current)
    # "companies accused of supplying parts": a charge participle with its "of" is passive
    # even when the tagger took it for a past tense (VBD).
    past = current.tag_ == "VBN" or charged_participle(current) or object_participle(current)
    undergone = current.dep_ == "acl" and past and not objects(current)
    if undergone and not ev.entry.cameo.startswith(OWN_FORCE_CODES):
        return []  # "the soldiers killed in the ambush": they underwent it
    return ev.found("source.modified-actor", actor_group(ev.grammar, current.head, ev.actors))


@rule("source.protesting-crowd")
def protesting_crowd(ev: Event, current: Token) -> Borrowed:
    """'a crowd of people protesting the new tax', 'Some 50 women today protested in Tuzla': a
    protest verb on a noun is that noun's act, a crowd's too (no one is 'protested' as a
    participle); a past form only when the noun heads the sentence (the parse took the verb
    for a participle) and no 'by' names another.

    Example: Some 300 women today protested in Nairobi against the new tax.
    """
    noun = current.head
    if current.tag_ == "VBN" and (noun.dep_ != "ROOT" or agent(current) is not None):
        return []
    found = [m for m in actor_group(ev.grammar, noun, ev.actors) if m.actors]
    if found:
        return ev.found("source.protesting-crowd", found, noun.text)
    return crowd(ev, noun)


@rule("source.gerund-subject")
def gerund_subject(ev: Event, current: Token) -> Borrowed:
    """'was guilty of violating', 'are committed to opening': the clause's subject acts.

    Example: Nigeria is committed to supporting Niger.
    """
    if current.dep_ != "pcomp" or current.head.dep_ != "prep":
        return Climb.PASS
    anchor = current.head.head
    # An adjective that heads a statement frame of the lexicon ("skeptical about", "concerned
    # over"), itself or as the acomp of a linking verb.
    remark = [anchor, *(c for c in anchor.children if c.dep_ == "acomp")]
    if any(ev.grammar.lexicon.candidates(w.lemma_, "adj") for w in remark):
        return []  # "is skeptical about ... providing cash": a remark's topic, not its act
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


def _to_be(participle: Token) -> bool:
    """'suspected to be herdsmen', 'believed to be rebels'."""
    return any(
        c.dep_ == "xcomp" and c.lemma_ == "be" and any(a.lower_ == "to" for a in c.children)
        for c in participle.children
    )


@rule("source.suspected-doer")
def suspected_doer(ev: Event, current: Token) -> Borrowed:
    """'gunmen suspected to be herdsmen attacked the village': the parse takes the participle
    for the main verb and hangs the act on it as a complement; whoever is 'suspected' or
    'believed to be' someone (the participle's subject, beside its 'to be') did the act.

    The parse may also hang the participle on the act, or beside it on the verb the act is
    joined to ("people were killed when gunmen suspected to be bandits attacked"): its
    subject did the act all the same.

    Example: Gunmen suspected to be bandits attacked a village in Zamfara.
    """
    head = current.head
    if current.dep_ != "ccomp" or head.tag_ != "VBN" or not _to_be(head):
        near = list(current.children)
        if current.dep_ == "conj":
            near += [c for c in head.children if head.i < c.i < current.i]
        hung = [c for c in near if c.dep_ == "advcl" and c.tag_ in ("VBN", "VBD") and _to_be(c)]
        if not hung or hung[0].i > current.i:
            return Climb.PASS
        head = hung[0]
    subject = child(head, SUBJECT_DEPS)
    if subject is None:
        return []
    return ev.found("source.suspected-doer", subject_actors(ev, subject), head.text)


BORROWING_RULES: list[Callable[[Event, Token], Borrowed]] = [
    split_clause_doer,
    suspected_doer,
    coordinated_subject,
    contact_caller,
    object_control,
    raised_subject,
    scheduled_subject,
    seen_doer,
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
