"""An act told in a relative clause whose object is the clause's own noun: "the town that
rebels captured", "the weapons they seized from the army", "the ban it imposed on Uganda".
The parse gives the verb a relative pronoun or no object at all; the noun the clause hangs
on is what the act was done to."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import TIME_NOUNS
from gestae.engine.events.context import Event
from gestae.engine.rules import rule
from gestae.engine.syntax import OBJECT_DEPS, SUBJECT_DEPS, child
from gestae.resources.word_classes import words

SETTING_NOUNS = words("relative_setting_nouns")
# Mutual acts ("the lands they fought for", "the deal they agreed"): their sides are their
# subjects; the noun the clause hangs on is what they are about, no party.
MUTUAL_LEMMAS = words("reciprocal_lemmas")
RELATIVE_PRONOUNS = frozenset({"that", "which", "whom", "who"})
# "the town where rebels fought", "the day they attacked": the noun is a setting, no object.
SETTING_RELATIVES = frozenset({"where", "when", "why", "how", "whereby", "wherever"})
# Words that fill the object's place: a clause with one of its own (not the relative
# pronoun) has no gap ("the town where police arrested him", "the day it became a state").
GAP_BREAKERS = OBJECT_DEPS | {"nsubjpass", "ccomp", "xcomp", "oprd", "attr", "acomp"}


def gapped_relative(verb: Token) -> bool:
    """'(the town) that rebels captured', '(the weapons) they seized': a relative clause with
    its own subject whose object is the relative pronoun or left out, so the noun it hangs
    on is the object; not a setting ('where', 'when', a time noun) nor a pronoun's 'which'
    after a preposition ('the town in which ...', 'the lands they fought for')."""
    if verb.dep_ != "relcl" or verb.pos_ != "VERB" or verb.i < verb.head.i:
        return False
    if verb.lemma_.lower() in MUTUAL_LEMMAS:
        return False
    noun = verb.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in TIME_NOUNS | SETTING_NOUNS:
        return False
    subject = child(verb, SUBJECT_DEPS)
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return False  # "rebels who captured the town": the noun is the doer
    for c in verb.children:
        if c.lower_ in SETTING_RELATIVES or (c.dep_ == "prep" and _holds_relative(c)):
            return False
        if c.dep_ == "prep" and not any(x.dep_ in ("pobj", "pcomp") for x in c.children):
            return False  # "the lands they fought for": the gap is the preposition's object
        if c.dep_ in GAP_BREAKERS and c.lower_ not in RELATIVE_PRONOUNS:
            return False
    return not any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in verb.children)


def _holds_relative(prep: Token) -> bool:
    return any(t.lower_ in RELATIVE_PRONOUNS for t in prep.subtree)


@rule("target.relative-object")
def relative_object(ev: Event, verb: Token, found: list[Token]) -> list[Token]:
    """'the town that rebels captured last week', 'weapons they seized from the army': an act
    told in a relative clause whose object is the relative pronoun, or is left out, was done
    to the noun the clause hangs on; that noun is the act's object, as if the clause had
    named it ('rebels captured the town').

    Example: The army retook the town that rebels captured last week.
    """
    if not gapped_relative(verb):
        return found
    kept = [t for t in found if t.lower_ not in RELATIVE_PRONOUNS]
    ev.trace.add("target.relative-object", f"'{verb.head.text}' is what '{verb.text}' acted on")
    return [verb.head, *kept]
