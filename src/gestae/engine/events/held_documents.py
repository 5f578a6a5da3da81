"""Whom a paper taken away was held by: "revoked the citizenship of 40 government critics" is
aimed at the critics. A holder the dictionaries know is found as an owner elsewhere ("the
licence of an Australian company"); this module gives the words of an unnamed one."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule
from gestae.engine.syntax import child, prep_child
from gestae.resources.word_classes import words

HELD_DOCUMENTS = words("held_documents")
DOCUMENT_HOLDER_RULE = "target.document-holder"


@rule(DOCUMENT_HOLDER_RULE)
def document_holder(q: Search, obj: Token) -> Token:
    """A citizenship, passport, visa or accreditation (word class `held_documents`) with an
    "of" phrase after it stands for its holder: the act's target in words is the holder, not
    the paper ("the citizenship" is no party). The object itself when it is no such paper.

    Example: Nicaragua revoked the citizenship of 40 government critics on Wednesday.
    """
    if obj.lemma_.lower() not in HELD_DOCUMENTS:
        return obj
    of = prep_child(obj, "of")
    holder = child(of, {"pobj"}) if of is not None else None
    if holder is None or holder.pos_ not in ("NOUN", "PROPN"):
        return obj
    q.ev.trace.add(DOCUMENT_HOLDER_RULE, f"'{holder.text}' holds the {obj.text}")
    return holder
