"""A frame preposition said twice, found writing wire stories on U.N. envoys: 'held separate
talks with Dbeibah in Tripoli and with Haftar in Benghazi'. The parse hangs the second "with"
on the verb and the first on the object noun, so the frame saw only the second party."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import pobj_actors
from gestae.engine.rules import rule
from gestae.engine.syntax import objects

# Words that join the repeated phrase to the first ("and with X", "or with X").
JOINING_WORDS = frozenset({"and", "or"})


@rule("target.repeated-prep")
def repeated_prep(ev: Event, token: Token, prep: Token, named: list[Mention]) -> list[Mention]:
    """The frame's preposition said again after "and" ("talks with Kiir in Juba and with
    Machar in Nairobi"): each names a party, in the order said, beside those the frame's
    own preposition named (`named`). The parse hangs the second on the verb (the first then
    sits on the object noun) or joins it to a phrase inside the first.

    Example: The envoy held talks with Kiir in Juba and with Machar in Addis Ababa.
    """
    earlier: list[Mention] = []
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    if prep.head.i == token.i and before.dep_ == "cc" and before.lower_ in JOINING_WORDS:
        for obj in objects(token):
            for other in obj.children:
                if other.dep_ == "prep" and other.lower_ == prep.lower_ and other.i < prep.i:
                    earlier += [m for m in pobj_actors(ev.grammar, other, ev.actors) if m.actors]
    later = [
        m
        for other in prep.subtree
        if other.i != prep.i and other.dep_ == "conj" and other.lower_ == prep.lower_
        for m in pobj_actors(ev.grammar, other, ev.actors)
        if m.actors
    ]
    if not earlier and not later:
        return named
    ev.found("target.repeated-prep", earlier + later)
    return [
        *earlier,
        *(m for m in named if m not in earlier),
        *(m for m in later if m not in named),
    ]
