"""A dwelling an 'of' phrase says is someone's: a place name in front of it is where it stands."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, rule
from gestae.resources.word_classes import words

OWNED_DWELLINGS = words("owned_dwellings")
MENDED = "gestae_place_dwelling"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)  # set on a dwelling made its verb's object
ADVERB_DEPS = frozenset({"advmod", "npadvmod"})


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
    if head._.get(MENDED):
        trace.add("parse.place-dwelling", f"'{head.text}' is the object")
    if owned_dwelling(head) and any(c.dep_ in ("compound", "amod") for c in head.lefts):
        trace.add("actor.owned-dwelling", f"'{head.text}' is its owner's")


@rule("parse.place-dwelling")
def mend_place_dwellings(doc: Doc) -> None:
    """'Agents raided the Lagos home of a former governor': the model reads "home" as an
    adverb ("went home") and the place name before it as the verb's object, so the act falls
    on a town. A dwelling right after a place name that is its verb's object, with an owner
    in an "of" phrase, is the object itself and the name a word in front of it (then
    actor.owned-dwelling gives the owner).

    Example: Agents raided the Lagos home of a former governor on Tuesday.
    """
    for home in doc:
        if home.dep_ not in ADVERB_DEPS or home.i == 0 or not owned_dwelling(home):
            continue
        place, verb = doc[home.i - 1], home.head
        if place.dep_ != "dobj" or place.head.i != verb.i or place.pos_ != "PROPN":
            continue
        if verb.pos_ != "VERB" or place.ent_type_ not in ("GPE", "LOC"):
            continue
        for c in [c for c in place.children if c.dep_ in ("det", "poss", "amod")]:
            c.head = home
        home.dep_ = "dobj"
        place.head, place.dep_ = home, "compound"
        home._.set(MENDED, True)
