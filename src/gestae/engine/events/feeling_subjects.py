"""Who acts in a verb joined to a feeling told as a passive: "the embassy said it was troubled
by the closure and urged Phnom Penh to reverse it". The parse joins "urged" to "troubled",
whose subject "it" is a passive subject; one troubled is no patient of an act but the one
who feels, and the verb joined after it is that one's act."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import rule
from gestae.resources.word_classes import words

# Participles of a feeling ("troubled", "concerned", "dismayed"): word_classes.yaml.
FEELING_PARTICIPLES = words("feeling_participles")


@rule("source.feeling-subject")
def feeling_subject(head: Token) -> Token | None:
    """The subject of a feeling told as a passive ("it was troubled by the closure"), when
    it has no agent ("by" names the cause, not a doer): the one who feels, the doer of a
    verb joined to it with no subject of its own.

    Example: The Danish embassy said it was troubled by the arrests and urged Ankara to free
    the reporters.
    """
    if head.tag_ != "VBN" or head.lemma_.lower() not in FEELING_PARTICIPLES:
        return None
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)
