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
# Links from the act up to the verb of reliance: "looking to Trump to veto" read with "Trump"
# as a verb puts the act two links down.
RELIANCE_STEPS = 2
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
    to rely on, is suppress.wish's). The parse may read 'to Trump' as an infinitive, so the
    act is found up to two links below the verb of reliance.

    Example: Hungary is looking to Washington to veto the sanctions bill.
    """
    scope = host_verb(clause)
    if not to_infinitive(scope):
        return False
    current = scope
    for _ in range(RELIANCE_STEPS):
        head = current.head
        if current.dep_ not in ("advcl", "xcomp") or head.i == current.i:
            return False
        if head.lemma_.lower() in RELIANCE_VERBS:
            return _one_relied_on(head, scope)
        current = head
    return False


def _one_relied_on(verb: Token, act: Token) -> bool:
    """Words between the verb and the act name whom the verb relies on: 'looking to Washington
    (to veto)', with the preposition right after the verb."""
    doc = verb.doc
    if verb.i + 1 >= act.i or doc[verb.i + 1].lower_ not in RELIANCE_PREPS:
        return False
    named = doc[verb.i + 2 : act.i]
    return any(t.pos_ in ("PROPN", "NOUN", "PRON") or t.is_title for t in named)


# Auxiliaries that announce an act or make it conditional: "will launch", "would strike".
ANNOUNCING_AUX = frozenset({"will", "would", "shall", "'ll", "'d"})


@rule("modality.announced-aim")
def announced_aim(clause: Token) -> bool:
    """'the army would launch an offensive to drive the militants out': the aim of an act
    announced or made conditional is part of that act's announcement (coded as the threat or
    pledge it is), not a second act done. Only an aim after the means the act names (its
    object noun: an offensive, helicopters, outposts) is so read; the aim of an act done
    ('launched an offensive to retake the town') is left to the other rules.

    Example: Chad said its army would launch an offensive to drive the rebels out of Tibesti.
    """
    if clause.dep_ not in ("advcl", "acl", "xcomp") or not to_infinitive(clause):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    host = clause.head
    if clause.dep_ == "acl" and host.pos_ == "NOUN":
        host = host.head  # "would launch an offensive to drive": the aim hung on the noun
    if host.pos_ not in ("VERB", "AUX") or host.i == clause.i:
        return False
    if not any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in host.children):
        return False  # "would try to strike", "will be in a position to expel": the act itself
    return any(c.dep_ == "aux" and c.lower_ in ANNOUNCING_AUX for c in host.children)


PURPOSE_SUPPRESSIONS = [caused_purpose, relied_on, announced_aim]
