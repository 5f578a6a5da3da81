"""Blaming a cause that is nobody is no accusation: "blamed heavy rains for the floods", "blamed
a payroll error for the pay cut", "blamed the deaths on natural causes". The one blamed is the
object of "blame X for Y" or the object of "on" in "blame Y on X"; when that is a thing, not a
person, a body or a state, and the record found no target, the act accuses no one and gives no
record. "Kenya blamed the attack" (no one named as blamed) and "blamed Russian shelling for
the blackout" (a target from the modifier) stay."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.mentions import names_someone
from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.engine.syntax import child, prep_child

BLAME_LEMMAS = frozenset({"blame"})


def _blamed(verb: Token) -> Token | None:
    """The one blamed: the object of "blame X for Y", or the object of "on" in "blame Y on X"."""
    obj = child(verb, {"dobj"})
    on = prep_child(verb, "on") or (prep_child(obj, "on") if obj is not None else None)
    if on is not None:
        return child(on, {"pobj"})
    has_for = prep_child(verb, "for") is not None
    if obj is not None and (has_for or prep_child(obj, "for") is not None):
        return obj
    return None


def _thing(noun: Token) -> bool:
    """A common noun whose words name no one. An ending of agent nouns counts only on a
    plural ("smugglers"): a singular "error" or "factor" is a thing."""
    if noun.pos_ != "NOUN" or any(names_someone(t, False) for t in [*noun.lefts, noun]):
        return False
    return not (noun.tag_ == "NNS" and names_someone(noun, True))


def _actor_words(draft: Draft, noun: Token) -> bool:
    """The words were read as an actor with a sector or a country ("the government")."""
    for actor in [*draft.targets, *draft.unnamed]:
        words = draft.words_of(actor)
        if words is not None and noun in words and (actor.sector or actor.country):
            return True
    return False


@rule("record.blamed-cause")
def blamed_cause(draft: Draft) -> bool:
    """'blamed heavy rains for the floods': the cause blamed is a thing, no one is accused;
    False drops the record.

    Example: Kenya's president blamed heavy rains for the floods.
    """
    verb = draft.candidate.trigger
    named = [t for t in draft.targets if t.country or t.sector]
    if named or verb.lemma_.lower() not in BLAME_LEMMAS:
        return True
    blamed = _blamed(verb)
    if blamed is None or not _thing(blamed) or _actor_words(draft, blamed):
        return True
    draft.trace.add("record.blamed-cause", f"'{blamed.text}' is a cause, no one blamed")
    return False
