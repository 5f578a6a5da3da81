"""Whom a subject "it" stands for when the main clause has just shot down, forced down or
seized a craft: "Greece shot down a Turkish drone after it crossed into Greek airspace" speaks
of the drone, not of Greece. A state never violates its own airspace, so reading "it" as the
main clause's subject (the usual choice of "it") turns the violator into its own victim."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.mentions import DocActors, Mention
from gestae.engine.pointers import pointer
from gestae.engine.rules import declare
from gestae.resources.word_classes import words

CRAFT_IT_RULE = "reference.craft-it"
# Aircraft, drones and vessels: what is shot down, intercepted or seized (flagged_craft), and
# the warplanes and balloons named only in air news (airborne_craft).
CRAFT_NOUNS = words("flagged_craft") | words("airborne_craft")
# Words that open a clause of time or cause hung on the main verb.
CLAUSE_MARKS = frozenset({"after", "when", "because", "as", "once", "since"})

declare(
    CRAFT_IT_RULE,
    """'Greece shot down a Turkish drone after it crossed into Greek airspace': a subject "it" of
    a clause opened by "after", "when", "because", "as", "once" or "since" and hung on a verb
    whose direct object is a craft (a jet, drone, plane, helicopter, ship; word classes
    flagged_craft and airborne_craft) is that craft, named or not, never the main clause's
    subject.

    Example: Algeria said it had destroyed a Malian drone after it violated Algerian airspace.
    """,
    __name__,
)


def craft_it(token: Token, found: DocActors) -> tuple[bool, Mention | None]:
    """Whether "it" is the craft object of the verb its clause hangs on, and that craft's
    mention (None for a craft the coder knows no actor for: "an unidentified drone")."""
    verb = token.head
    if token.dep_ != "nsubj" or token.lower_ != "it" or verb.dep_ != "advcl":
        return False, None
    if not any(c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS for c in verb.children):
        return False, None
    craft = next(
        (
            c
            for c in verb.head.children
            if c.dep_ == "dobj" and c.i < token.i and c.lemma_.lower() in CRAFT_NOUNS
        ),
        None,
    )
    if craft is None:
        return False, None
    mention = found.by_token.get(craft.i)
    if mention is None or not mention.actors:
        return True, None
    what = f"the craft {craft.text!r} ({CRAFT_IT_RULE})"
    return True, pointer(token, mention.actors, what, whole_phrase=False)
