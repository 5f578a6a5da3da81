"""What every argument rule reads: the trigger, its clause and entry, the sentence's actors,
and the trace the rule writes its step into."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from gestae.engine.actors import DocActors, Mention
from gestae.engine.events.matching import Grammar
from gestae.engine.rules import Trace
from gestae.resources.lexicon import TriggerEntry


@dataclass(frozen=True)
class Event:
    """One matched trigger under study: `clause` is the light verb carrying a noun, else the
    trigger itself."""

    grammar: Grammar
    token: Token
    clause: Token
    entry: TriggerEntry
    actors: DocActors
    trace: Trace

    def found(self, rule_id: str, mentions: list[Mention], words: str = "") -> list[Mention]:
        """Record the rule's step when it found someone, and hand the mentions on."""
        if mentions:
            named = ", ".join(m.actors[0].label() for m in mentions if m.actors)
            self.trace.add(rule_id, f"{words}: {named}" if words else named)
        return mentions
