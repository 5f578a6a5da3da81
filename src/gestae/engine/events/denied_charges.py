"""A charge denied after the fact: "X accused Y of backing the rebels, a charge Kigali denies".

Wire copy closes an accusation or a report with the other side's denial of it, set off by a
comma: "..., a charge Kigali denies", "..., an allegation Moscow has denied". The parser
often makes the denial the root and hangs the accusation under it as its complement, which
reads as "denied that X accused Y". The denial answers the claim; it does not say the
accusation, or the report, was never made.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import Trace, rule
from gestae.resources.word_classes import words

# The nouns that name what was said as a charge ("a charge", "an accusation", "claims").
CHARGE_NOUNS = frozenset(words("allegation_nouns")) - {"concern", "fear", "optimism"}


def answered_charge(denier: Token, clause: Token) -> Token | None:
    """The charge noun of the denial's own words that stands after the clause and a comma
    ("the rebels, a charge Kigali denies")."""
    comma = next(
        (t for t in denier.doc[clause.i : denier.i] if t.text == "," and t.head.i != clause.i),
        None,
    )
    if comma is None:
        return None
    for tok in denier.doc[comma.i + 1 : denier.i]:
        if tok.lemma_.lower() in CHARGE_NOUNS and tok.pos_ == "NOUN":
            return tok
    return None


@rule("modality.charge-denied")
def charge_denied(trace: Trace, clause: Token, denier: Token) -> bool:
    """A denial that follows the act's clause after a comma and names it a charge, claim or
    accusation ("..., a charge Kigali denies") denies what was claimed, not that the claim
    or the act was told: the act is not kept apart as denied.

    Example: Mali accused Algeria of arming the rebels, a charge Algiers denies.
    """
    if denier.i < clause.i:
        return False
    charge = answered_charge(denier, clause)
    if charge is None:
        return False
    trace.add("modality.charge-denied", f"'{charge.text} ... {denier.text}' answers the claim")
    return True
