"""Verbs that are words of a name, found reading VOA stories: a show's or a book's title
('told CBS's "Meet the Press"') names no act. clause_suppression.py runs
NAME_WORD_SUPPRESSIONS with its other reasons to drop a clause."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.frame_subjects import titled_complement
from gestae.engine.rules import rule


@rule("suppress.titled-verb")
def titled_verb(clause: Token) -> bool:
    """A verb capitalised in mid-sentence under a lower-case verb is a word of a name, a
    show's or a book's ('told ABC's "Meet the Voters" show'), no act; a headline in title
    case capitalises both and keeps its acts (trigger.titled-complement keeps the frame verb
    from reading it as its complement).

    Example: The minister told ABC's "Meet the Voters" show that the duties will stay.
    """
    head = clause.head
    if clause.pos_ not in ("VERB", "AUX"):
        return False  # 'reported "Clashes in Syria killed ..."': a quote opens with its noun
    return head.i != clause.i and head.pos_ in ("VERB", "AUX") and titled_complement(head, clause)


NAME_WORD_SUPPRESSIONS = [titled_verb]
