"""Measures agreed on: "EU governments agreed to extend sanctions against Belarus" is the
decision to extend them, the sanction itself, not an agreement with Belarus (a named rule the
agreement frame in `matching` asks before it takes a complement)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from gestae.engine.rules import Trace, rule, rule_id_of
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

AGREEING_VERBS = words("measure_agreeing_verbs")
# CAMEO codes of the punitive measures a body decides by agreeing: embargoes, sanctions.
AGREED_MEASURE_CODES = ("163",)


@rule("trigger.agreed-measure")
def agreed_measure(
    match: Callable[[Token], TriggerEntry | None], verb: Token, complement: Token
) -> bool:
    """'agreed to impose sanctions on Russia', 'agreed on Monday to extend the embargo': an
    agreement whose complement is a sanction or an embargo is the decision to impose it, as
    "decided to impose" is: the complement codes the act (COERCE 163 on whom it holds), and
    the agreement frame does not take it. "Agreed to extend the ceasefire", "agreed to lift
    sanctions" keep their agreement.

    Example: Nordic ministers agreed on Friday to tighten sanctions against Iran.
    """
    if verb.lemma_.lower() not in AGREEING_VERBS or complement.pos_ not in ("VERB", "AUX"):
        return False
    entry = match(complement)
    return entry is not None and entry.cameo.startswith(AGREED_MEASURE_CODES)


def note_agreed_measure(trace: Trace, token: Token, entry: TriggerEntry) -> None:
    """Name trigger.agreed-measure on the measure that codes in the agreement's place."""
    head = token.head
    agreed = token.dep_ == "xcomp" and head.i != token.i and head.lemma_.lower() in AGREEING_VERBS
    if agreed and entry.cameo.startswith(AGREED_MEASURE_CODES):
        trace.add(rule_id_of(agreed_measure), f"'{head.text}' decides '{token.text}'")
