"""An object two joined verbs share: "police arrested and charged two activists", "militants
attacked and burned a police station". The parse hangs the object on the last verb only; the
first verb, with no object of its own, acted on it too."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.context import Event
from gestae.engine.events.object_heads import joined_objects
from gestae.engine.rules import rule


@rule("target.shared-object")
def shared_object(ev: Event, verb: Token, found: list[Token]) -> list[Token]:
    """A verb with no object, joined by "and" or "or" to a next verb of the same subject
    that has one, acted on that object too: "arrested and charged two activists" arrested
    them, "attacked and burned a police station" attacked it. Not when the first verb has an
    argument of its own ("fired on the crowd and wounded ten"), a passive subject, or the
    next verb a subject of its own ("police arrived and protesters fled"). The first verb's
    lexicon frame reads that object too (events/object_heads.py), so a frame that asks for a
    person finds one: "executed and abducted 40 villagers" is an execution.

    Example: Police detained and questioned three Ugandan journalists in Kampala.
    """
    if found:
        return found
    shared = joined_objects(verb)
    if shared is None:
        return found
    joined, objects = shared
    ev.trace.add("target.shared-object", f"'{verb.text}' acted on what '{joined.text}' did")
    return objects
