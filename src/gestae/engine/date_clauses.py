"""Clauses told at the time of another: an "as" or "while" clause and the clause it hangs on.
Kept apart from engine/date_attach.py, which gathers every word that dates a trigger."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.date_periods import words
from gestae.engine.date_syntax import is_finite, is_verb
from gestae.engine.rules import rule

__all__ = ["PAST_TAGS", "as_clause_climbed", "simple_past", "simultaneous", "toll_when_clause"]

PAST_TAGS = frozenset({"VBD", "VBN"})
_PRESENT_TAGS = frozenset({"VBP", "VBZ"})
_CLIMB = 4  # words a misplaced "as" clause may climb to the past verb it goes with


def simple_past(verb: Token) -> bool:
    """ "attacked", "were killed"; not "had negotiated" (before the other) nor "have captured"
    (up to now)."""
    has_have = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    return verb.tag_ in PAST_TAGS and not has_have


def _opens_simultaneous(verb: Token) -> bool:
    marks = words().vocabulary.simultaneous_marks
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in marks for c in verb.children
    )


@rule("date.as-clause")
def simultaneous(verb: Token) -> list[Token]:
    """A simple-past clause opened by "as", "while", "though" or "although"
    (`simultaneous_marks` in data/dates.yaml) is told at the time of the simple-past clause it
    hangs on, so a date of either dates the other, the verb's own date first ("Police fired
    tear gas as crowds marched on Friday"; "The case went before the court in mid-March,
    though Kenya refused to attend"). A past perfect or present perfect ("as it had done
    before") keeps its own time.

    Example: Police fired tear gas as crowds marched on Friday.
    """
    if not simple_past(verb):
        return []
    if _opens_simultaneous(verb) and simple_past(verb.head) and is_verb(verb.head):
        return [verb.head]
    return [c for c in verb.children if _opens_simultaneous(c) and simple_past(c)]


def _present(verb: Token) -> bool:
    """ "are rising", "says", "has said": a finite verb of the speaker's present."""
    return verb.tag_ in _PRESENT_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _PRESENT_TAGS for c in verb.children
    )


def _participle(verb: Token) -> bool:
    """ "disturbing", "held": a participle with no auxiliary, whatever subject the parse gives
    it; it tells no time of its own, so its dates are the scene's."""
    aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return verb.tag_ in ("VBG", "VBN") and not aux


@rule("date.as-clause-climb")
def as_clause_climbed(verb: Token) -> list[Token]:
    """A simple-past "as" clause (`simultaneous_marks`) that the parse hangs on a word other
    than a simple-past verb goes with the nearest simple-past verb above that word: a past
    act cannot share the time of a future complement ("warned on Monday that it will keep
    troops there, as Lima rejected talks" is Monday's), and a gerund or noun the parse puts
    in between ("shared details of the raid on Monday as the army stormed the camp") lends
    its own dates too. A present head ("prices are rising as the bank cut rates"), or no
    simple-past verb within four words above, lends nothing.

    Example: The army warned on Monday that it will keep troops in Tacna, as Lima rejected
    its call for talks.
    """
    if not (simple_past(verb) and _opens_simultaneous(verb)):
        return []
    head = verb.head
    if is_verb(head) and (simple_past(head) or _present(head)):
        return []  # date.as-clause, or the speaker's present
    found = [head] if not is_verb(head) or _participle(head) else []
    cur = head
    for _ in range(_CLIMB):
        if cur.head.i == cur.i:
            return []
        cur = cur.head
        if is_verb(cur) and simple_past(cur):
            return [*found, cur]
        if is_verb(cur) and is_finite(cur):
            return []  # another tense above: not a past scene
    return []


@rule("date.toll-when-clause")
def toll_when_clause(verb: Token, conj: Token) -> list[Token]:
    """ "Two men were killed and four others wounded when rival clans clashed on Saturday":
    the "when" clause tells the time of both counts, though the parse hangs it on the last,
    so it dates the first as well. Only a simple-past count joined by "and" to a simple-past
    verb lends it.

    Example: Three police officers were killed and two wounded when gunmen ambushed their
    patrol on Sunday.
    """
    if conj.dep_ != "conj" or conj.head.i != verb.i:
        return []
    if not (simple_past(verb) and simple_past(conj)):
        return []
    return [
        c
        for c in conj.children
        if c.dep_ == "advcl"
        and simple_past(c)
        and any(m.dep_ in ("advmod", "mark") and m.lower_ == "when" for m in c.children)
    ]
