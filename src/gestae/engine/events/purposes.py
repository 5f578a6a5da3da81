"""What a purpose would make another actor do: 'ramped up sanctions in an effort to make the
country give up its weapons'. The outcome a causing verb aims at is the purpose's content,
not an act of the one made to do it (modality.caused-purpose)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.generic import to_infinitive
from gestae.engine.events.modality import host_verb
from gestae.engine.rules import rule
from gestae.resources.word_classes import words

CAUSATIVE_VERBS = words("causative_verbs")
# How the causing verb hangs when it is only aimed at: on a noun of aim ('an effort to
# make', 'a bill to make', which the parse may call a relative clause) or as a purpose
# clause ('imposed sanctions to make Iran ...').
PURPOSE_DEPS = frozenset({"acl", "advcl", "relcl"})


@rule("modality.caused-purpose")
def caused_purpose(clause: Token) -> bool:
    """'in an effort to make the country give up its weapons', 'sanctions to get Iran to free
    the sailors': an act that a causing verb ('make', 'get', 'let', 'have') in a purpose
    aims to bring about is what the purpose wants, not an act of the one made to do it. A
    causing that was done ('police made the crowd leave the square') keeps its outcome.

    Example: Sweden cut aid to Iran in an effort to make the country free the sailors.
    """
    scope = host_verb(clause)
    if scope.dep_ not in ("ccomp", "xcomp") or scope.tag_ != "VB":
        return False
    causer = scope.head
    return (
        causer.i != scope.i
        and causer.lemma_.lower() in CAUSATIVE_VERBS
        and causer.dep_ in PURPOSE_DEPS
        and to_infinitive(causer)
    )


PURPOSE_SUPPRESSIONS = [caused_purpose]
