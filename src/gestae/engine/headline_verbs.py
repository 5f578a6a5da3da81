"""Parse repair for a headline whose verb the model reads as a plural noun: "Venezuela Frees
Detained Americans", "Iran Releases Detained British Woman". In ordinary case ("Venezuela frees
detained Americans") the small model takes "frees" for a noun, the subject of "detained", and
codes an arrest the headline never reports. A headline tells its act in the present; a plural
noun right before a participle that has an object, with a name before it, is that verb."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, rule

MENDED = "gestae_headline_verb"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)  # set on the noun made the headline's verb
PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})


@rule("parse.headline-verb")
def mend_headline_verbs(doc: Doc, verbs: Collection[str]) -> None:
    """'Venezuela Frees Detained Americans': a plural noun after the headline's subject and
    before a participle with an object is the headline's verb when the lexicon lists its lemma
    (`verbs`: "Army Officers Detained Journalists" keeps its reading); the participle describes
    the object ("detained Americans"), it is no act of its own.

    Example: Chile Frees Jailed Peruvian Fishermen
    """
    for noun in doc:
        participle = noun.head
        if noun.dep_ != "nsubj" or noun.tag_ != "NNS" or not noun.lower_.endswith("s"):
            continue
        if noun.lemma_.lower() not in verbs:
            continue
        if participle.i != noun.i + 1 or participle.tag_ not in PARTICIPLE_TAGS:
            continue
        obj = next((c for c in participle.children if c.dep_ == "dobj"), None)
        doer = next((c for c in noun.children if c.i < noun.i and c.dep_ == "compound"), None)
        if obj is None or doer is None or doer.pos_ != "PROPN":
            continue
        _mend(noun, participle, obj, doer)


def _mend(noun: Token, participle: Token, obj: Token, doer: Token) -> None:
    # The noun takes the participle's place in the tree (the root points to itself).
    at_root = participle.dep_ == "ROOT"
    noun.head, noun.dep_ = (noun if at_root else participle.head), participle.dep_
    noun.pos_, noun.tag_ = "VERB", "VBZ"
    for c in [c for c in participle.children if c.i not in (noun.i, obj.i)]:
        c.head = noun
    doer.head, doer.dep_ = noun, "nsubj"
    obj.head, obj.dep_ = noun, "dobj"
    participle.head, participle.dep_ = obj, "amod"
    participle.pos_, participle.tag_ = "ADJ", "JJ"
    noun._.set(MENDED, True)


def trace_headline_verb(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its headline verb was read as a noun and mended."""
    if token._.get(MENDED):
        trace.add("parse.headline-verb", f"'{token.text}' is the headline's verb")
