"""A verb frame's preposition the parse hangs on the verb's object ("strip the senator of his
immunity"): still the frame's, when the frame lists the words after it."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import rule
from gestae.engine.syntax import objects, prep_child
from gestae.resources.lexicon import TriggerEntry


@rule("trigger.object-held-prep")
def object_held_prep(token: Token, entry: TriggerEntry) -> Token | None:
    """'voted to strip the senator of his immunity', 'put the governor on trial': the parse
    hangs a verb frame's preposition on the verb's object, not on the verb; when the frame
    names the words after it (a `pobj` list) and acts on the object, that preposition is the
    frame's all the same. The words listed keep it narrow ("stripped the home of the
    minister" names no immunity).

    Example: Parliament voted to strip the senator of his immunity.
    """
    if entry.pos != "verb" or not entry.prep or not entry.pobj or entry.target != "obj":
        return None
    held = (prep_child(o, entry.prep) for o in objects(token) if o.dep_ == "dobj")
    return next((p for p in held if p is not None), None)
