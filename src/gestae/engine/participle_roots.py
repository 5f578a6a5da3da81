"""Parse repair: a participle after the subject read as the main verb of the sentence.

"Gunmen suspected to be members of the sect attacked the village" and "troops acting on a
tip captured a suspect" often come out with "suspected" or "acting" the root, the noun before
it its subject, and the real verb "attacked" or "captured" hung on it as a loose dependent with
no subject of its own: no rule then sees who acted. A participle with no auxiliary cannot head
a clause when a finite verb follows it; the participle is a reduced relative of the noun. The
repair makes the finite verb the root and the noun its subject, before any rule reads the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, rule

MENDED = "gestae_participle_root"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)  # set on the verb that got its subject back

# 'said' and 'believed' before 'to be' are often tagged as past tense.
PARTICIPLE_TAGS = frozenset({"VBN", "VBG", "VBD"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# How the model hangs the real verb on the participle ('..., yesterday, attacked').
STRAY_DEPS = frozenset({"dep", "ccomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _shows_participle(child: Token) -> bool:
    """'suspected to be', 'backed by': what only a participle takes."""
    if child.dep_ == "agent":
        return child.head.tag_ == "VBN"
    return child.dep_ == "xcomp" and child.lemma_ == "be"


def _bare_participle(word: Token) -> Token | None:
    """The noun subject of a root participle with no auxiliary ('gunmen suspected', 'troops
    acting'); a participle with 'were', 'have' or 'to' is a verb after all."""
    if word.dep_ != "ROOT" or word.pos_ != "VERB" or word.tag_ not in PARTICIPLE_TAGS:
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in word.children):
        return None
    # A past participle must show it is one ('suspected to be', 'said to be', 'backed by'): a
    # root 'captured' with a subject may be the finite verb the tagger misread.
    if word.tag_ != "VBG" and not any(_shows_participle(c) for c in word.children):
        return None
    subjects = [c for c in word.lefts if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return None
    return subjects[0]


def _stray_verb(word: Token) -> Token | None:
    """The finite verb after the participle that the model hung on it with no subject."""
    for child in word.rights:
        if child.dep_ not in STRAY_DEPS or child.pos_ != "VERB" or child.tag_ not in FINITE_TAGS:
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in child.children):
            continue
        return child
    return None


@rule("parse.participle-root")
def mend_participle_roots(doc: Doc) -> None:
    """'Gunmen suspected to be members of the sect attacked the village': a participle with no
    auxiliary heading the sentence, with a noun subject and a subjectless finite verb hung on
    it, is a reduced relative of that noun; the finite verb is the root and the noun its
    subject.

    Example: Gunmen believed to be members of a local militia attacked a village in Ituri.
    """
    for word in doc:
        subject = _bare_participle(word)
        if subject is None:
            continue
        verb = _stray_verb(word)
        if verb is None:
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        subject.head, subject.dep_ = verb, "nsubj"
        word.head, word.dep_ = subject, "acl"
        # What follows the verb, and a day hung on the participle ('..., yesterday, attacked').
        for child in [c for c in word.children if c.i > verb.i or c.dep_ == "npadvmod"]:
            child.head = verb
        verb._.set(MENDED, True)


def trace_participle_root(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its verb got its subject back from a participle."""
    if token._.get(MENDED):
        trace.add("parse.participle-root", f"'{token.text}' has its subject back")
