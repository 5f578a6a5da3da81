"""Acts another is given the power to do, found writing wire stories on the United Nations:
'will vote on a resolution authorising a force to help Haiti's police fight gangs', 'the
parliament authorised the army to strike rebel bases'. The power is granted; the act is not
yet done. clause_suppression.py runs AUTHORISED_SUPPRESSIONS with its other reasons to drop
a clause."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.generic import governors
from gestae.engine.events.nonpolitical import word_forms
from gestae.engine.rules import rule
from gestae.resources.word_classes import words

AUTHORISING_VERBS = words("authorising_verbs")
AUTHORISING_TEXTS = words("authorising_texts")
PROVISION_VERBS = words("provision_verbs")
# Links by which an act completes the verb that grants it ("authorised X to strike").
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})


@rule("suppress.authorised-act")
def authorised_act(clause: Token) -> bool:
    """'Ministers authorised the navy to intercept ships', 'a resolution authorising troops
    to help the army fight gangs', 'a plan allowing police to detain suspects': the act is
    one the source gives another the power to do, not one done. The grant itself is no act
    either; the act done under it is told with its own verb ("the navy intercepted a ship").

    Example: Parliament authorised the army to strike rebel camps in the north.
    """
    for link, head in governors(clause, 3):
        if link.dep_ not in COMPLEMENT_DEPS or head.pos_ != "VERB":
            continue
        forms = word_forms(head)
        if forms & AUTHORISING_VERBS:
            return True
        on_text = head.dep_ == "acl" and head.head.lemma_.lower() in AUTHORISING_TEXTS
        if on_text and forms & PROVISION_VERBS:
            return True
    return False


AUTHORISED_SUPPRESSIONS = [authorised_act]
