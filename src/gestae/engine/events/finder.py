"""EventFinder: the order of the steps from a parsed sentence to event candidates."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from gestae.engine.actors import ActorResolver, DocActors, Mention
from gestae.engine.casualties import is_incident_cause
from gestae.engine.events.arguments import (
    attack_means,
    core_arguments,
    patient_named,
    stative_subject,
    unknown_attacker,
)
from gestae.engine.events.candidate import EventCandidate
from gestae.engine.events.carriers import carrying_verb
from gestae.engine.events.clause_suppression import clause_suppressed
from gestae.engine.events.codes import NO_ACCIDENT_ACTS, VIOLENT_ROOTS
from gestae.engine.events.context import Event
from gestae.engine.events.cyber_acts import cyber_antecedent, unnamed_hackers
from gestae.engine.events.hostile_pledges import hostile_pledge, trigger_trace
from gestae.engine.events.idiom_objects import set_aside_rule
from gestae.engine.events.matching import (
    Grammar,
    clause_carrier,
    describe_entry,
)
from gestae.engine.events.mentions import animal
from gestae.engine.events.modality import REFUSAL_AUX, denial, modality, negation
from gestae.engine.events.nominal import impact_subject
from gestae.engine.events.noun_sources import unresolved_pronoun
from gestae.engine.events.obligations import obligation_content, reported_obligations
from gestae.engine.events.same_act import same_act_words
from gestae.engine.events.suppression import Matched, consequence_host, no_actor, suppressed
from gestae.engine.events.threatened_acts import threatened_act
from gestae.engine.events.victims import undergone
from gestae.engine.rules import rule
from gestae.engine.sentences import trace_glued_heading
from gestae.engine.syntax import (
    PASSIVE_SUBJECT_DEPS,
    PLACE_ENTITY_TYPES,
    SUBJECT_DEPS,
    auxiliaries,
    child,
    objects,
    prep_child,
)
from gestae.engine.verb_slips import trace_parse_repairs
from gestae.resources.lexicon import Lexicon, TriggerEntry
from gestae.resources.word_classes import words
from gestae.schema import Actor

# "witnessed a bomb explode, killing four": verbs of seeing, whose subject did not act.
PERCEPTION_VERBS = words("perception_passives")

# Where a dropped trigger is told: (the trigger, the id of the rule that dropped it).
Dropped = list[tuple[Token, str]]


def not_reporter(ev: Event, targets: list[Mention], reported_by: Actor) -> list[Mention]:
    """Whoever reports the event is not its target (a parse slip can hang "..., Defence
    Minister X said" on the object): part of reading the act as a report. A pronoun is meant:
    "Bennett said the Taliban had barred him" (kept by modality.reported)."""
    doc = ev.token.doc
    kept = [
        m
        for m in targets
        if not any(a.start == reported_by.start for a in m.actors)
        or (m.reference and doc[m.head].pos_ == "PRON")
    ]
    if len(kept) < len(targets):
        ev.trace.add("modality.reported", f"{reported_by.label()} reports it, is not its target")
    return kept


def _named_place(verb: Token) -> bool:
    """The verb has a phrase with a place name in it ('exploded in the Al-Zahraa district'),
    not only a common noun ('went off in the middle of a convoy')."""
    return any(
        prep.dep_ == "prep" and any(t.ent_type_ in PLACE_ENTITY_TYPES for t in prep.subtree)
        for prep in verb.children
    )


def _anchor(token: Token, clause: Token, impact: bool) -> Token:
    """The word the event's place and date hang on. A weapon or attack reported as happening
    or striking ("a bomb exploded in Kirkuk", "a car bomb killed five in Kirkuk"): the verb;
    reported by a relative clause ("the riots that broke out in Nairobi"): the relative's verb,
    unless the noun strikes and only the striking verb names a place."""
    relative = clause.dep_ == "relcl" and clause.head.i == token.i
    if relative and (not impact or _named_place(clause)):
        return clause
    if impact or (clause.i != token.i and token.head.i == clause.i and token.dep_ == "nsubj"):
        return token.head
    return token


def _passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def _violent(token: Token, matched: dict[int, TriggerEntry]) -> bool:
    return token.i in matched and matched[token.i].cameo[:2] in VIOLENT_ROOTS


@rule("trigger.joined-verbs")
def joined_verb(token: Token, matched: dict[int, TriggerEntry]) -> Token | None:
    """'shot and killed', 'attacked and wounded', 'was shot and killed': two violent verbs
    joined by 'and' that share their subject and object name one act; its trigger spans
    both verbs, and the verb that holds the arguments codes it (the other codes nothing apart).

    Active, the object follows the last verb, which codes the act; passive, the subject is the
    first verb's, which does. The place and date come from the last verb, where the parse hangs
    them.

    Example: Rebels shot and wounded two Ugandan soldiers.
    """
    if token.pos_ != "VERB" or not _violent(token, matched):
        return None
    head = token.head
    shares = child(token, SUBJECT_DEPS) is None and not objects(head) and not _passive(head)
    if token.dep_ == "conj" and _violent(head, matched) and head.i < token.i and shares:
        return head
    if _passive(token):
        for partner in token.children:
            if partner.dep_ != "conj" or not _violent(partner, matched):
                continue
            if child(partner, SUBJECT_DEPS) is None and not objects(partner):
                return partner
    return None


@rule("trigger.outcome")
def outcome_participles(
    grammar: Grammar, sent: Span, matched: dict[int, TriggerEntry], actors: DocActors
) -> dict[int, list[Token]]:
    """'shelled the town, killing four soldiers': the participle that tells a violent act's
    outcome codes nothing apart (suppress.consequence), but it names the same act; the act's
    record lists it among the words that tell it (extra["also_told_by"]), its trigger stays
    the act's own word. Keyed by the host trigger's index.

    Example: Rebels shelled the town, killing four soldiers.
    """
    outcomes: dict[int, list[Token]] = {}
    for index, entry in matched.items():
        host = consequence_host(Matched(grammar, sent.doc[index], entry, matched, actors))
        if host is not None:
            outcomes.setdefault(host.i, []).append(sent.doc[index])
    return outcomes


@rule("trigger.uncoded-host")
def host_uncoded(m: Matched, coded: set[int]) -> bool:
    """'They attacked late on Sunday, killing 11 people': when the act a participle tells the
    outcome of codes nothing (no actor known for it, a noun in a witness's clause), the
    outcome is the only record of it and codes on its own (not suppress.consequence). Not
    after a verb of seeing (perception_passives): its subject is a witness.

    Example: Gunmen laid siege on a police post in Kaduna State, killing two officers.
    """
    host = consequence_host(m)
    if host is None or host.i > m.token.i or host.i in coded:
        return False
    # "witnessed a bomb explode, killing four": the subject saw the act, it did not do it.
    return m.token.head.lemma_.lower() not in PERCEPTION_VERBS


@rule("suppress.accident-cause")
def accident_cause(clause: Token, has_sources: bool, cameo: str = "") -> bool:
    """'five people were killed in a car crash', 'died in the floods': harm with no agent whose
    cause is an accident or a disaster is an incident, not an attack. No accident arrests or
    abducts anyone ('captured when their plane crash-landed': cameo group no_accident_acts),
    and a participle after the act tells its outcome, not its cause ('was shot down by a
    missile, crashing in flames').

    Example: Five people were killed in a car crash near Lagos.
    """
    if has_sources or cameo.startswith(NO_ACCIDENT_ACTS):
        return False
    # "were either destroyed or submerged by floods": verbs joined under one subject share
    # the cause the last of them names.
    shared = [c for c in clause.conjuncts if child(c, SUBJECT_DEPS) is None]
    for prep in (p for verb in (clause, *shared) for p in verb.children):
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("in", "by", "during"):
            continue
        if any(is_incident_cause(obj) for obj in prep.children if obj.dep_ == "pobj"):
            return True
    # "were killed when their boat capsized": the clause that says when names the accident.
    return any(
        c.dep_ == "advcl"
        and not _outcome_participle(clause, c)
        and (
            is_incident_cause(c)
            or any(is_incident_cause(s) for s in c.children if s.dep_ in SUBJECT_DEPS)
        )
        for c in clause.children
    )


def _outcome_participle(clause: Token, clause_child: Token) -> bool:
    """'shot down by a missile, crashing in flames': an '-ing' clause after the act with no
    subject or marker of its own tells what followed."""
    return (
        clause_child.tag_ == "VBG"
        and clause_child.i > clause.i
        and not any(c.dep_ in ("mark", *SUBJECT_DEPS) for c in clause_child.children)
    )


def _stands_on_target(ev: Event, targets: list[Mention]) -> bool:
    """An act with a target and no source that still codes: a weapon as subject, a pronoun no
    actor stands behind, hackers no one names."""
    return attack_means(ev) or unresolved_pronoun(ev, targets) or unnamed_hackers(ev)


class EventFinder:
    """Matches lexicon entries against the parse and extracts their arguments."""

    def __init__(self, lexicon: Lexicon, resolver: ActorResolver) -> None:
        self.grammar = Grammar(lexicon, resolver)

    def match(self, token: Token, actors: DocActors | None = None) -> TriggerEntry | None:
        """The most specific lexicon entry whose frame fits this token, or None."""
        return self.grammar.match(token, actors)

    def find(
        self, sent: Span, actors: DocActors, dropped: Dropped | None = None
    ) -> Iterator[EventCandidate]:
        """Every event the sentence codes; with `dropped`, also why each other matched
        trigger codes nothing."""
        matched: dict[int, TriggerEntry] = {}
        passed: dict[int, TriggerEntry] = {}  # what trigger.object-head-first set aside
        for token in sent:
            entry, over = self.grammar.match_over(token, actors)
            if entry is not None:
                entry = hostile_pledge(self.grammar, token, entry, actors) or entry
                entry = threatened_act(self.grammar, token, entry, actors) or entry
                entry = cyber_antecedent(self.grammar, token, entry) or entry
                matched[token.i] = entry
            if over is not None:
                passed[token.i] = over
        demands = reported_obligations(self.grammar, sent, actors)
        joins = {i: joined_verb(sent.doc[i], matched) for i in matched}
        heads = {j.i for j in joins.values() if j is not None}
        outcomes = outcome_participles(self.grammar, sent, matched, actors)
        coded: set[int] = set()
        for index, entry in matched.items():
            token = sent.doc[index]
            if index in heads:
                reason: str | None = "trigger.joined-verbs"
            elif obligation_content(token, demands):
                reason = "suppress.obligation-content"
            else:
                reason = suppressed(Matched(self.grammar, token, entry, matched, actors))
            uncoded = reason == "suppress.consequence" and host_uncoded(
                Matched(self.grammar, token, entry, matched, actors), coded
            )
            if reason == "suppress.consequence" and not uncoded:
                coded.add(index)  # told by its act: "killing nine, injuring several others"
            if reason is None or uncoded:
                found = self._candidate(token, entry, actors, joins[index], passed.get(index))
                if isinstance(found, EventCandidate):
                    if uncoded:
                        found.trace.add("trigger.uncoded-host", "its act codes nothing")
                    _tell_same_act(self.grammar, found, outcomes.get(index, []), matched)
                    coded.update(t.i for t in [token, *found.trigger_tokens])
                    yield found
                    continue
                reason = found
            if dropped is not None:
                dropped.append((token, reason))
        yield from demands

    def _candidate(
        self,
        token: Token,
        entry: TriggerEntry,
        actors: DocActors,
        joined: Token | None = None,
        over: TriggerEntry | None = None,
    ) -> EventCandidate | str:
        """The candidate of one trigger (`over`: what it won over), or the id of a drop rule."""
        trace = trigger_trace(token, entry)
        if over is not None:
            trace.add(set_aside_rule(over, token), f"over entry {describe_entry(over)}")
        trace_parse_repairs(trace, token)
        trace_glued_heading(trace, token)
        verb = clause_carrier(self.grammar, trace, token, entry.pos)
        clause = verb if verb is not None else token
        reason = clause_suppressed(clause)
        if reason is not None:
            return reason
        victims = [
            *objects(clause),
            *(c for c in clause.children if c.dep_ in PASSIVE_SUBJECT_DEPS),
        ]
        if victims and all(animal(v) for v in victims):
            return "target.animal"
        ev = Event(self.grammar, token, clause, entry, actors, trace)
        sources, targets = core_arguments(ev)
        passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in clause.children)
        shape = undergone(ev)  # told on its victim: "soldiers wounded in the ambush"
        victim = shape[0] if shape is not None else None
        if victim is not None and animal(victim):
            return "target.animal"
        if (passive or victim is not None) and accident_cause(clause, bool(sources), entry.cameo):
            return "suppress.accident-cause"
        impact = impact_subject(self.grammar, token)
        means = not sources and bool(targets) and _stands_on_target(ev, targets)
        unknown = not (sources or targets) and unknown_attacker(ev, passive, impact)
        # "Navalny's killing", "commanders captured in the raid": stand like a passive.
        stands = passive or victim is not None or patient_named(ev)
        stands = stands or stative_subject(clause) is not None  # "stands accused"
        if no_actor(bool(sources), stands, impact or means, bool(targets), unknown):
            return "suppress.no-actor"
        negated = negation(ev) or denial(ev)
        mood, reported_by = modality(ev)
        if reported_by is not None:
            targets = not_reporter(ev, targets, reported_by)
        trigger_tokens = [token]
        if entry.prep:
            prep = prep_child(token, entry.prep)
            if prep is not None:
                trigger_tokens.append(prep)
        if clause.i != token.i:
            trigger_tokens.insert(0, clause)
        elif entry.pos == "noun" and entry.cameo[:2] in VIOLENT_ROOTS:
            carrier = carrying_verb(self.grammar, trace, token)
            if carrier is not None:
                trigger_tokens.insert(0, carrier)
        if impact:
            trigger_tokens.append(token.head)  # "a car bomb killed": the noun and its outcome
        anchor = _anchor(token, clause, impact)
        if joined is not None:
            first, last = sorted((token, joined), key=lambda t: t.i)
            trace.add("trigger.joined-verbs", f"'{first.text} and {last.text}': one act")
            trigger_tokens.append(joined)
            anchor = last
        return EventCandidate(
            refusal_frame=negated and bool(auxiliaries(clause) & REFUSAL_AUX),
            trigger=anchor,
            trigger_tokens=sorted(trigger_tokens, key=lambda t: t.i),
            entry=entry,
            sources=[a for m in sources for a in m.actors],
            targets=[a for m in targets for a in m.actors],
            negated=negated,
            modality=mood,
            reported_by=reported_by,
            trace=trace,
        )


def _tell_same_act(
    grammar: Grammar,
    found: EventCandidate,
    outcomes: list[Token],
    matched: dict[int, TriggerEntry],
) -> None:
    """The outcome participles of the candidate's trigger (trigger.outcome), then the other
    words that tell its act (events/same_act.py), each traced under its rule."""
    found.outcomes = outcomes
    for outcome in outcomes:
        found.trace.add("trigger.outcome", f"'{outcome.text}': its outcome")
    for rule_id, word in same_act_words(grammar, found, matched):
        found.same_act.append(word)
        found.trace.add(rule_id, f"'{word.text}': the same act")
