"""Parse repair: a subject the model hung inside the phrase that opens the sentence.

"Along the highway, the army's 4th Division continued its assault" often comes out with
"Division" an apposition of "highway" and the verb with no subject at all: no rule then sees
who acted. The commas say which reading is right: a noun phrase after the last comma of an
opening phrase that runs right up to a finite verb lacking a subject is that verb's subject,
not a second name of the place or day before it. The repair hangs the phrase on the verb as
its subject before any rule reads the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, rule

MENDED = "gestae_fronted_subject"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)  # set on the verb that got its subject back

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# How an opening phrase hangs on its verb: "Along the highway,", "Minutes ago,", "After
# capturing the hill,". A complement clause ("..., police said") is no opening phrase.
OPENING_DEPS = frozenset({"prep", "advmod", "npadvmod", "advcl"})
# How the model hangs the stray subject inside the opening phrase.
STRAY_DEPS = frozenset({"appos", "conj", "npadvmod", "dep"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# A second name of the place or day the opening phrase gives ("in Qalamoun, Rural Damascus,")
# is no subject.
NOT_SUBJECT_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL"})


def _finite(verb: Token) -> bool:
    """'continued', 'has launched': a verb that can take a subject of its own."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ == "aux" and c.lower_ != "to" for c in verb.children)


def _stray_subject(verb: Token) -> Token | None:
    """The noun after the last comma of an opening phrase that ends right before the verb."""
    doc = verb.doc
    found: list[Token] = []
    for phrase in verb.lefts:
        if phrase.dep_ not in OPENING_DEPS:
            continue
        for word in phrase.subtree:
            if word.dep_ not in STRAY_DEPS or word.pos_ not in ("NOUN", "PROPN"):
                continue
            start = word.left_edge.i
            if word.right_edge.i != verb.i - 1 or start == 0 or doc[start - 1].text != ",":
                continue
            found.append(word)
    # Outermost first: "the Division - backed by X, Y and Z -" is the subject, not Y.
    found.sort(key=lambda w: w.left_edge.i)
    return next((w for w in found if w.ent_type_ not in NOT_SUBJECT_ENTS), None)


@rule("parse.fronted-subject")
def mend_fronted_subjects(doc: Doc) -> None:
    """'Along the highway, the 4th Division continued its assault': a noun phrase after the
    last comma of the opening phrase, running up to a finite verb that has no subject, is
    that verb's subject, not an apposition of the place or day; the repair hangs it on the
    verb so the act has its doer.

    Example: Along the coastal highway, the Kenyan army's 5th Brigade launched an assault on the town.
    """
    for verb in doc:
        if verb.pos_ != "VERB" or verb.dep_ != "ROOT" or not _finite(verb):
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue
        subject = _stray_subject(verb)
        if subject is None:
            continue
        subject.head, subject.dep_ = verb, "nsubj"
        verb._.set(MENDED, True)


def trace_fronted_subject(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its verb's subject was taken out of the opening phrase;
    for an event noun, the subject of the light verb it is the object of ('launched an
    offensive')."""
    verb = token.head if token.pos_ == "NOUN" and token.dep_ == "dobj" else token
    if verb._.get(MENDED):
        trace.add("parse.fronted-subject", f"'{verb.text}' has its subject back")
