"""An active verb joined to a passive one: "Kenya was angered and urged Uganda to act". The
parse gives the second verb no subject of its own; the first verb's passive subject is the one
who urged, since being angered and urging are both said of Kenya."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import rule
from gestae.engine.syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS

# Finite active forms: "urged", "urges", "urge". A past participle ("was arrested and charged
# with murder") is itself passive and keeps its undergoer.
ACTIVE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# What makes the joined verb act on something: an object, a dative or a complement verb.
ACTING_DEPS = frozenset({"dobj", "obj", "dative", "xcomp", "ccomp"})
# What marks the joined verb as passive or as having a subject of its own.
OWN_ROLE_DEPS = frozenset({"agent", "auxpass", *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS})


@rule("source.passive-conjunct")
def passive_conjunct(verb: Token) -> Token | None:
    """The doer of an active verb joined to a passive ("Kenya was angered and urged Uganda to
    free him"): the passive's subject, when the joined verb is finite, acts on an object or a
    complement and has no subject, agent or passive auxiliary of its own.

    Example: Ghana was angered by the raid and summoned the Togolese ambassador.
    """
    if verb.dep_ != "conj" or verb.tag_ not in ACTIVE_TAGS:
        return None
    head = verb.head
    if any(c.dep_ in SUBJECT_DEPS for c in head.children):
        return None
    # A real coordination has its "and" between the two verbs; without one the model has
    # joined two clauses it misread ("civilians were killed when militiamen ... launched").
    if not any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return None
    children = list(verb.children)
    if any(c.dep_ in OWN_ROLE_DEPS for c in children):
        return None
    if not any(c.dep_ in ACTING_DEPS for c in children):
        return None
    return next((c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
