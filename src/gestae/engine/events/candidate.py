"""The event read off one trigger, before records add dates, places and ids."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from gestae.engine.rules import Trace
from gestae.resources.lexicon import TriggerEntry
from gestae.schema import Actor, Modality, Trigger


@dataclass
class EventCandidate:
    """An event read off one trigger, before dates, places and ids are added."""

    trigger: Token
    trigger_tokens: list[Token]
    entry: TriggerEntry
    sources: list[Actor]
    targets: list[Actor]
    negated: bool
    modality: Modality
    reported_by: Actor | None
    # The named rules (gestae/engine/rules.py) that found this candidate and its arguments.
    trace: Trace = field(default_factory=Trace)
    implicit_target: bool = False
    # "will not", "would not", "cannot": a negation that announces a refusal.
    refusal_frame: bool = False
    # "shelled the town, killing four soldiers": the participles that tell the act's outcome
    # (trigger.outcome). They stay out of the trigger; the record lists them in
    # extra["also_told_by"]. Place and date hang on the act's own word.
    outcomes: list[Token] = field(default_factory=list)
    # "managed to recapture", "rallied to protest", "were killed when gunmen stormed": other
    # words that tell the same act (events/same_act.py), listed in extra["also_told_by"] too.
    same_act: list[Token] = field(default_factory=list)

    def trigger_words(self) -> Trigger:
        """The record's trigger: the words from the first trigger token to the last."""
        first, last = self.trigger_tokens[0], self.trigger_tokens[-1]
        text = first.doc[first.i : last.i + 1].text
        return Trigger(text=text, start=first.idx, end=last.idx + len(last))

    @property
    def reasons(self) -> list[str]:
        """The trace as text, for readers written before the trace existed."""
        return [str(s) for s in self.trace.steps]
