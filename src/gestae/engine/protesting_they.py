"""A "they" who protests: "Police arrested 20 students as they marched to parliament". The
subject "they" otherwise goes on with the last group that was a subject (the police); police
and soldiers do not march or rally against anyone, the crowd they acted on does."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.mentions import DocActors, Mention
from gestae.engine.pointers import pointer
from gestae.engine.rules import declare
from gestae.resources.word_classes import words

PROTESTING_THEY_RULE = "reference.protesting-they"
# Verbs a crowd does in protest ("marched", "rallied", "chanted"): word_classes.yaml.
PROTESTING_VERBS = words("protesting_verbs")
# Forces that put protests down; a protest verb's "they" is never theirs.
FORCE_SECTORS = frozenset({"COP", "MIL"})

declare(
    PROTESTING_THEY_RULE,
    """'Police arrested 20 students as they marched to parliament': the subject "they" of a
    protest verb (`protesting_verbs`: march, rally, protest, demonstrate, chant) is the
    nearest group named before it, which is no force, not the police or the army that was the
    last subject, who put protests down rather than hold them.

    Example: Police in Accra detained 15 nurses as they marched to the health ministry.
    """,
    __name__,
)


def _forces(mention: Mention) -> bool:
    return bool(mention.actors) and all(a.sector in FORCE_SECTORS for a in mention.actors)


def crowd_they(token: Token, default: Mention | None, found: DocActors) -> Mention | None:
    """The nearest plural group or people named before a protesting "they" in its sentence,
    when the one "they" would otherwise point to is a force and that group is not."""
    if default is None or token.dep_ != "nsubj" or not _forces(default):
        return None
    if token.head.lemma_.lower() not in PROTESTING_VERBS:
        return None
    doc, start = token.doc, token.sent.start
    for mention in reversed(found.mentions):
        if not start <= mention.head < token.i or doc[mention.head].tag_ not in ("NNS", "NNPS"):
            continue
        if not mention.actors or any(a.sector in FORCE_SECTORS for a in mention.actors):
            return None  # the nearest plural is a force too, or names no one
        what = f"{mention.actors[0].text} ({PROTESTING_THEY_RULE})"
        return pointer(token, mention.actors, what, whole_phrase=False)
    return None
