"""A dwelling an 'of' phrase says is someone's: a place name in front of it is where it stands."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import Trace, rule
from gestae.resources.word_classes import words

OWNED_DWELLINGS = words("owned_dwellings")


@rule("actor.owned-dwelling")
def owned_dwelling(head: Token) -> bool:
    """'raided the Abuja residence of the senator': a dwelling with an 'of' owner is the
    owner's; the place name in front says where it stands, so the words are no group of that
    place's country and the act falls on the owner, as in "the home of the senator". A
    dwelling with no owner named ("raided the Abuja residence") stays a group of the place.

    Example: Police raided the Abuja residence of the senator.
    """
    return head.lemma_.lower() in OWNED_DWELLINGS and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" for o in c.children)
        for c in head.children
    )


def trace_owned_dwelling(trace: Trace, head: Token) -> None:
    """Tell on an event's trace that a place name in front of its object's dwelling was read
    as where it stands, the owner being the one acted on."""
    if owned_dwelling(head) and any(c.dep_ in ("compound", "amod") for c in head.lefts):
        trace.add("actor.owned-dwelling", f"'{head.text}' is its owner's")
