"""Verbs joined by "and" that share the date of the verb before them though the small model
tags them in another form: a participle after a simple past, a simple past after a past
perfect, a past spelled as its base, a passive after a simple past; and the gerund a verb of
stopping takes. Split from date_attach.py, which asks them while it
walks a trigger's clause."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.date_syntax import has_subject, is_verb
from gestae.engine.rules import rule
from gestae.resources.word_classes import words as word_class


@rule("date.past-conjunct")
def past_conjunct(verb: Token) -> bool:
    """A verb joined by "and" to a simple past before it, with no subject and no auxiliary of
    its own, is that past too though the small model tags it a participle ("dismissed the
    prime minister on Sunday and suspended parliament": "suspended" VBN): it shares the head's
    date, as a conjunct of the same form does.

    Example: The president dismissed the prime minister on Sunday and suspended parliament.
    """
    return _participle_after_past(verb) and not any(c.dep_.startswith("aux") for c in verb.children)


def _participle_after_past(verb: Token) -> bool:
    """A participle with no subject of its own joined by "and" to a simple past before it."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and head.i < verb.i
        and is_verb(head)
        and head.tag_ == "VBD"
        and verb.tag_ == "VBN"
        and not has_subject(verb)
    )


@rule("date.perfect-conjunct")
def perfect_conjunct(verb: Token) -> bool:
    """A verb joined by "and" to a past perfect before it (not a relative clause's, which a
    misparse may give a main verb), with no subject and no auxiliary of its own, shares its
    "had" ("had attacked the train last month and kidnapped 60 people") and its date.

    Example: Gunmen had raided the village last week and abducted 20 farmers.
    """
    head = verb.head
    return (
        verb.dep_ == "conj"
        and head.i < verb.i
        and head.tag_ == "VBN"
        and head.dep_ != "relcl"
        and any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children)
        and any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children)
        and verb.tag_ == "VBD"
        and not has_subject(verb)
        and not any(c.dep_.startswith("aux") for c in verb.children)
    )


@rule("date.bare-past-conjunct")
def bare_past_conjunct(tok: Token) -> bool:
    """'Rioters looted shops and set fire to buildings on Wednesday': a verb whose past is
    spelled as its base ("set", "put", "cut") is tagged a bare infinitive after "and"; with
    no auxiliary or "to" of its own, joined to a past verb, it is past too and shares its
    dates.

    Example: Rioters looted shops and set fire to a bank in Lagos on Monday.
    """
    return (
        tok.dep_ == "conj"
        and tok.tag_ == "VB"
        and tok.head.tag_ == "VBD"
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    )


@rule("date.passive-conjunct")
def passive_conjunct(verb: Token) -> bool:
    """A passive joined by "and" to a simple past before it, with no subject of its own
    ("crossed the river on Friday and were pushed back by guards"), tells what befell the
    same doers next: it shares the head's date, as an active conjunct does; one told as
    "later" or "eventually" ("and were later captured") keeps its own time.

    Example: Rebels raided the depot on Sunday and were driven off by police.
    """
    return (
        _participle_after_past(verb)
        and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
        and not any(c.dep_ == "aux" or c.lower_ in _LATER_WORDS for c in verb.children)
    )


_LATER_WORDS = frozenset({"later", "eventually", "subsequently", "afterwards", "afterward"})


STOPPING_VERBS = word_class("stopping_verbs")


@rule("date.stopped-gerund")
def stopped_gerund(verb: Token, child: Token) -> bool:
    """'Gazprom stopped pumping gas to Moldova on January 1': the gerund names the act the
    stop ends, so a date on the gerund dates the stop.

    Example: Hungary stopped pumping oil to Croatia on Monday.
    """
    return verb.lemma_.lower() in STOPPING_VERBS and child.dep_ == "xcomp" and child.tag_ == "VBG"
