"""Objects the parse cut off from their verb.

The small model hangs an object on the wrong word in two common shapes: a light verb's event
noun set off from it by a phrase in commas, or read as an adjective of the word before it
("launched, late on Friday, a heavy attack"; "launched a surprise offensive"); and the object
of two verbs joined by "and", which it gives to the last verb only ("executed and buried ten
soldiers"). Both rules only say which word is the object; the lexicon still decides the act.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from gestae.engine.rules import rule
from gestae.engine.syntax import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS

# Children after the first of two joined verbs that give it a frame of its own: then the
# object after the second verb is not shared ("fled to Peru and sought asylum"). A phrase in
# front ("According to X, rebels executed and ...") is the sentence's setting, not its frame.
OWN_FRAME_DEPS = frozenset({*OBJECT_DEPS, "prep", "dative", "prt", "xcomp", "ccomp", "attr"})


@rule("trigger.displaced-object")
def displaced_object(light_verbs: Collection[str], noun: Token) -> Token | None:
    """An event noun the parse cut off from its light verb is still its object: set off by a
    phrase in commas ("launched, late on Friday, a heavy attack", read as a loose dependent or
    an adverb), or read as an adjective after the noun it heads ("launched a surprise
    offensive", with "surprise" the object). Returns the light verb.

    Example: The Bolivian army launched, late on Friday, a heavy attack on the rebel camp.
    """
    head = noun.head
    if noun.dep_ == "amod" and head.i < noun.i and head.dep_ in OBJECT_DEPS:
        verb = head.head
    elif (
        noun.dep_ in ("dep", "npadvmod")
        and head.i < noun.i
        and head.pos_ == "VERB"
        and any(t.lower_ == "," for t in noun.doc[head.i + 1 : noun.i])
        and not any(c.dep_ in OBJECT_DEPS for c in head.children)
    ):
        verb = head
    else:
        return None
    return verb if verb.lemma_.lower() in light_verbs else None


@rule("trigger.shared-object")
def shared_objects(verb: Token) -> list[Token]:
    """'executed and buried ten soldiers': the first of two verbs joined by "and" or "or",
    with no object or frame of its own, acts on the object of the second (the parse hangs it
    on the second only), when the second has no subject of its own. Only an object for the
    lexicon's frames: the act is still the one its own entry names.

    Example: Peruvian rebels executed and buried ten soldiers near Tambo.
    """
    if verb.pos_ != "VERB" or any(
        c.dep_ in PASSIVE_SUBJECT_DEPS or (c.dep_ in OWN_FRAME_DEPS and c.i > verb.i)
        for c in verb.children
    ):
        return []
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i]
    if not joined:
        return []
    second = joined[0]
    between = verb.doc[verb.i + 1 : second.i]
    if len(between) != 1 or between[0].lower_ not in ("and", "or"):
        return []
    if any(c.dep_ in SUBJECT_DEPS for c in second.children):
        return []
    return [c for c in second.children if c.dep_ in OBJECT_DEPS]
