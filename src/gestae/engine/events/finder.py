"""EventFinder: the order of the steps from a parsed sentence to event candidates."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from gestae.engine.actors import ActorResolver, DocActors, Mention
from gestae.engine.events.arguments import core_arguments
from gestae.engine.events.candidate import EventCandidate
from gestae.engine.events.context import Event
from gestae.engine.events.matching import Grammar, trigger_lexicon, trigger_light_verb
from gestae.engine.events.modality import REFUSAL_AUX, denial, modality, negation
from gestae.engine.events.nominal import impact_subject
from gestae.engine.events.obligations import obligation_content, reported_obligations
from gestae.engine.events.suppression import (
    Matched,
    clause_suppressed,
    no_actor,
    suppressed,
)
from gestae.engine.rules import Trace
from gestae.engine.syntax import PASSIVE_SUBJECT_DEPS, auxiliaries, prep_child
from gestae.resources.lexicon import Lexicon, TriggerEntry
from gestae.schema import Actor

# Where a dropped trigger is told: (the trigger, the id of the rule that dropped it).
Dropped = list[tuple[Token, str]]


def not_reporter(ev: Event, targets: list[Mention], reported_by: Actor) -> list[Mention]:
    """Whoever reports the event is not its target (a parse slip can hang "..., Defence
    Minister X said" on the object): part of reading the act as a report."""
    kept = [m for m in targets if not any(a.start == reported_by.start for a in m.actors)]
    if len(kept) < len(targets):
        ev.trace.add("modality.reported", f"{reported_by.label()} reports it, is not its target")
    return kept


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
        for token in sent:
            entry = self.grammar.match(token, actors)
            if entry is not None:
                matched[token.i] = entry
        demands = reported_obligations(self.grammar, sent, actors)
        for index, entry in matched.items():
            token = sent.doc[index]
            if obligation_content(token, demands):
                reason: str | None = "suppress.obligation-content"
            else:
                reason = suppressed(Matched(self.grammar, token, entry, matched, actors))
            if reason is None:
                found = self._candidate(token, entry, actors)
                if isinstance(found, EventCandidate):
                    yield found
                    continue
                reason = found
            if dropped is not None:
                dropped.append((token, reason))
        yield from demands

    def _candidate(
        self, token: Token, entry: TriggerEntry, actors: DocActors
    ) -> EventCandidate | str:
        """The candidate of one trigger, or the id of the rule that drops it."""
        trace = Trace()
        trigger_lexicon(trace, token, entry)
        verb = trigger_light_verb(self.grammar, trace, token) if entry.pos == "noun" else None
        clause = verb if verb is not None else token
        reason = clause_suppressed(clause)
        if reason is not None:
            return reason
        ev = Event(self.grammar, token, clause, entry, actors, trace)
        sources, targets = core_arguments(ev)
        passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in clause.children)
        impact = impact_subject(self.grammar, token)
        if no_actor(bool(sources), passive, impact, bool(targets)):
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
        return EventCandidate(
            refusal_frame=negated and bool(auxiliaries(clause) & REFUSAL_AUX),
            trigger=token,
            trigger_tokens=sorted(trigger_tokens, key=lambda t: t.i),
            entry=entry,
            sources=[a for m in sources for a in m.actors],
            targets=[a for m in targets for a in m.actors],
            negated=negated,
            modality=mood,
            reported_by=reported_by,
            trace=trace,
        )
