"""Verbs joined by "and" that share the date of the verb before them though the small model
tags them in another form: a participle after a simple past, a simple past after a past
perfect, a past spelled as its base. Split from date_attach.py, which asks them while it
walks a trigger's clause."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.date_syntax import has_subject, is_verb
from gestae.engine.rules import rule


@rule("date.past-conjunct")
def past_conjunct(verb: Token) -> bool:
    """A verb joined by "and" to a simple past before it, with no subject and no auxiliary of
    its own, is that past too though the small model tags it a participle ("dismissed the
    prime minister on Sunday and suspended parliament": "suspended" VBN): it shares the head's
    date, as a conjunct of the same form does.

    Example: The president dismissed the prime minister on Sunday and suspended parliament.
    """
    head = verb.head
    return (
        verb.dep_ == "conj"
        and head.i < verb.i
        and is_verb(head)
        and head.tag_ == "VBD"
        and verb.tag_ == "VBN"
        and not has_subject(verb)
        and not any(c.dep_.startswith("aux") for c in verb.children)
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
