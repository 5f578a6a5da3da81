"""An object two joined verbs share: "police arrested and charged two activists", "militants
attacked and burned a police station". The parse hangs the object on the last verb only; the
first verb, with no object of its own, acted on it too."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.context import Event
from gestae.engine.rules import rule
from gestae.engine.syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, objects

# What gives a verb an argument of its own, so that a later verb's object is not its.
_OWN_ARGUMENTS = frozenset({"dobj", "dative", "attr", "oprd", "ccomp", "xcomp", "prep", "prt"})


PAST_TAGS = frozenset({"VBD", "VBN"})


def _own_argument(verb: Token, word: Token) -> bool:
    """An argument of the verb's own; a phrase in front of it ('On Monday, police arrested
    and charged ...') sets the sentence's scene and leaves the verb free to share an object."""
    return word.dep_ in _OWN_ARGUMENTS and not (word.dep_ == "prep" and word.i < verb.i)


def _same_tense(verb: Token, joined: Token) -> bool:
    """The same tag, or a past participle with no auxiliary read where a past tense stands
    ('police detained and questioned', 'detained' tagged VBN)."""
    if verb.tag_ == joined.tag_:
        return True
    bare = not any(c.dep_ in ("aux", "auxpass") for t in (verb, joined) for c in t.children)
    return bare and {verb.tag_, joined.tag_} == PAST_TAGS


@rule("target.shared-object")
def shared_object(ev: Event, verb: Token, found: list[Token]) -> list[Token]:
    """A verb with no object, joined by "and" or "or" to a next verb of the same subject
    that has one, acted on that object too: "arrested and charged two activists" arrested
    them, "attacked and burned a police station" attacked it. Not when the first verb has an
    argument of its own ("fired on the crowd and wounded ten"), a passive subject, or the
    next verb a subject of its own ("police arrived and protesters fled"). A phrase in front
    of the first verb ("On Monday, police arrested and charged two activists") is no argument
    of its own, and a past participle with no auxiliary stands for the past tense it was
    misread from.

    Example: Police detained and questioned three Ugandan journalists in Kampala.
    """
    if found or verb.pos_ != "VERB" or any(_own_argument(verb, c) for c in verb.children):
        return found
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return found
    for joined in verb.children:
        if joined.dep_ != "conj" or joined.pos_ != "VERB" or joined.i < verb.i:
            continue
        if joined.i - verb.i > 3 or not _same_tense(verb, joined):
            continue  # "stormed and seized", "arrested and later charged": right after
        if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in joined.children):
            continue
        shared = objects(joined)
        if shared:
            ev.trace.add("target.shared-object", f"'{verb.text}' acted on what '{joined.text}' did")
            return shared
    return found
