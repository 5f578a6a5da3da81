"""Words the small tagger reads as the wrong part of speech, told by the parse around them.

The lexicon matches a word by its part of speech, so a gerund read as a verb ("Shelling by the
army killed 15"), a headline verb read as a noun ("allies launch drills") or a noun read as an
adjective ("the army's offensive") would find no entry; these tests let matching.py try the
other reading.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import rule
from gestae.engine.syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    pobjs,
    prep_child,
)


def gerund_subject(token: Token) -> bool:
    """'Shelling by government forces killed 15': a gerund the tagger reads as a verb stands
    as the subject with no object of its own, so it is the act named as a noun, whose agent is
    its 'by' phrase; 'Killing civilians is a crime' keeps its object and stays a verb."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
        and not any(c.dep_ in OBJECT_DEPS or c.dep_ in SUBJECT_DEPS for c in token.children)
    )


@rule("trigger.gerund-between")
def gerund_between(token: Token) -> bool:
    """'as fighting between the army and rebels spread': a gerund the tagger reads as a verb,
    with a 'between' phrase of two sides joined by 'and' and neither subject nor object of
    its own, is the act named as a noun, whose sides are its 'between' phrase
    (source.between), not the main clause's subject.

    Example: Schools closed as fighting between Tuareg rebels and Malian soldiers spread.
    """
    between = prep_child(token, "between") if token.tag_ == "VBG" else None
    sides = [c for p in pobjs(between) for c in p.children] if between is not None else []
    return any(c.dep_ == "conj" for c in sides) and not any(
        c.dep_ in OBJECT_DEPS or c.dep_ in SUBJECT_DEPS for c in token.children
    )


def clause_head_noun(token: Token) -> bool:
    """'EU and UN hand over medical supplies': a word the tagger reads as a noun but that the
    parser gives a subject and a direct object or particle heads a clause, so it is a verb
    (present-tense headlines: 'allies launch drills', 'donors hand over aid')."""
    deps = {c.dep_ for c in token.children}
    return bool(deps & SUBJECT_DEPS) and bool(deps & {"dobj", "prt"})


def adjective_as_noun(token: Token) -> bool:
    """'The army's offensive displaced thousands': a word the tagger reads as an adjective but
    that heads a subject or object and has its own possessor or article is a noun."""
    return token.dep_ in SUBJECT_DEPS | OBJECT_DEPS | {"pobj"} and any(
        c.dep_ in ("poss", "det") for c in token.children
    )
