"""Acts that another is only meant or hoped to do: what a purpose would make another actor do
('ramped up sanctions in an effort to make the country give up its weapons',
modality.caused-purpose) and what one counts on another to do ('is looking to Washington to
veto the bill', modality.relied-on)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.generic import to_infinitive
from gestae.engine.events.modality import host_verb
from gestae.engine.rules import rule
from gestae.resources.word_classes import words

CAUSATIVE_VERBS = words("causative_verbs")
RELIANCE_VERBS = words("reliance_verbs")
# The preposition that names whom one counts on: 'look to X', 'count on X', 'rely on X'.
RELIANCE_PREPS = frozenset({"on", "to", "upon"})
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


@rule("modality.relied-on")
def relied_on(clause: Token) -> bool:
    """'Ankara is looking to Washington to veto the bill', 'the rebels count on Russia to block
    the resolution': what one looks to, counts on or relies on another to do is a hope about
    the other, not an act of either (the speaker's own 'looking to veto', with no one named
    to rely on, is suppress.wish's).

    Example: Hungary is looking to Washington to veto the sanctions bill.
    """
    scope = host_verb(clause)
    head = scope.head
    if scope.dep_ not in ("advcl", "xcomp") or head.i == scope.i or not to_infinitive(scope):
        return False
    if head.lemma_.lower() not in RELIANCE_VERBS:
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in RELIANCE_PREPS
        and any(o.dep_ == "pobj" for o in c.children)
        for c in head.children
    )


PURPOSE_SUPPRESSIONS = [caused_purpose, relied_on]
