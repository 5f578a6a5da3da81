"""A body named again by where it sits. Rights news names a group once and then by its seat:
"Human Rights Watch accused Russia of torture. The New York-based group condemned the
ban." The place before "-based" says only where the body sits, not that a new body speaks,
so "the New York-based group" points back to the last organization named, as "the group"
does (rule reference.based-group, read in references.py)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import declare

BASED_GROUP_RULE = "reference.based-group"
declare(
    BASED_GROUP_RULE,
    """'Amnesty International accused Peru of torture. The London-based group urged Lima to
    act': a group noun (word class group_references) with "the" and nothing else in front
    but a place and "-based" points back to the last organization named, as "the group"
    does: the place is where the body sits, not a new body.

    Example: Human Rights Watch accused Mexico of abuses on Monday. The New York-based group urged Mexico to free the activists.
    """,
    __name__,
)


def based_bare(head: Token) -> bool:
    """'the London-based organisation', 'the New York-based group': "the", then only a name
    of a place bound to "based" by a hyphen."""
    lefts = [t for t in head.lefts if t.dep_ != "punct"]
    if len(lefts) != 2 or lefts[0].lower_ != "the":
        return False
    based = lefts[1]
    if based.lower_ != "based" or based.dep_ != "amod":
        return False
    place = [t for t in based.subtree if t.i != based.i and t.dep_ != "punct"]
    hyphened = any(t.dep_ == "punct" and t.text == "-" for t in based.children)
    return hyphened and bool(place) and all(t.pos_ == "PROPN" for t in place)


def based_note(head: Token, what: str) -> str:
    """What a group pointer stands for, saying the seat was passed over when it was."""
    return f"{what} ({BASED_GROUP_RULE})" if based_bare(head) else what
