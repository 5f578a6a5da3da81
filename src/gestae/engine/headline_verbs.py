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
NOUN_VERB = "gestae_headline_noun_verb"
if not Token.has_extension(NOUN_VERB):
    Token.set_extension(NOUN_VERB, default=False)  # set on a verbless headline's mended verb
PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# "hosts Russia-Ukraine talks", "shells Congolese villages": the object read as an apposition
# or a bare-noun adverbial
_OBJECTS = frozenset({"dobj", "appos", "npadvmod"})


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
    elif token._.get(NOUN_VERB):
        trace.add("parse.headline-noun-verb", f"'{token.text}' is the headline's verb")


@rule("parse.headline-noun-verb")
def mend_headline_noun_verbs(doc: Doc, verbs: Collection[str]) -> None:
    """A Title Case headline read as one long noun phrase ("Sudan army shells rebel positions",
    "Police fire tear gas at protesters") has no verb, so no act. A noun the lexicon lists as
    a verb (`verbs`), in the present ("shells", "fire"), after a noun that modifies it and
    before the noun phrase it heads or modifies, is the headline's verb: the noun before it
    is its subject, the phrase after it its object. Only when the headline's root is a noun.

    Example: Sudan Army Shells Rebel Positions Near Khartoum
    """
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or any(t.pos_ == "AUX" for t in doc):
        return
    if root.pos_ == "VERB":
        _subject_of(root, verbs)
        return
    if root.pos_ not in _NOUNS:
        return
    for noun in doc:
        doer = _doer(noun, verbs)
        if doer is None:
            continue
        if noun.i == root.i and _has_object(noun):
            obj = None
        elif noun.dep_ == "compound" and noun.head.i == root.i and root.i > noun.i:
            obj = root
        else:
            continue
        _make_verb(noun, doer, obj)
        return


def _is_object(tok: Token) -> bool:
    """A noun after the verb the parse hung on it as its object, or as what stands for one."""
    return tok.dep_ in _OBJECTS and tok.i > tok.head.i and tok.ent_type_ not in ("DATE", "TIME")


def _has_object(verb: Token) -> bool:
    return any(_is_object(c) for c in verb.children)


def _doer(noun: Token, verbs: Collection[str]) -> Token | None:
    """The noun right before a present-tense noun the lexicon lists as a verb, hung on it."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or noun.i == 0 or lemma not in verbs:
        return None
    present = (noun.tag_ == "NNS" and noun.lower_.endswith("s")) or (
        noun.tag_ == "NN" and noun.lower_ == lemma
    )
    return _compound_doer(noun, verbs) if present else None


def _compound_doer(verb: Token, verbs: Collection[str]) -> Token | None:
    """The noun right before the verb, hung on it as a compound, when it names no act itself
    ("Kenyan police tear gas rally": "tear" is no doer of "gas"); a plural or a name may."""
    doer = verb.doc[verb.i - 1]
    if doer.head.i != verb.i or doer.dep_ != "compound" or doer.pos_ not in _NOUNS:
        return None
    if doer.tag_ == "NN" and doer.lemma_.lower() in verbs:
        return None
    return doer


def _subject_of(verb: Token, verbs: Collection[str]) -> None:
    """ "Myanmar Army shells villages": the verb is read, but its doer is left a compound."""
    if verb.tag_ not in ("VBZ", "VBP") or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        return
    if verb.i == 0 or not _has_object(verb):
        return
    doer = _compound_doer(verb, verbs)
    if doer is not None:
        for c in [c for c in verb.children if c.dep_ == "compound" and c.i < doer.i]:
            c.head = doer
        doer.dep_ = "nsubj"
        for c in verb.children:
            if _is_object(c):
                c.dep_ = "dobj"
        verb._.set(NOUN_VERB, True)


def _make_verb(noun: Token, doer: Token, obj: Token | None) -> None:
    if obj is not None:  # the object was the root: the verb takes its place and its phrases
        noun.head, noun.dep_ = noun, "ROOT"
        for c in [c for c in obj.children if c.i > obj.i and c.dep_ in ("prep", "npadvmod")]:
            c.head = noun
        obj.head, obj.dep_ = noun, "dobj"
    for c in noun.children:
        if _is_object(c):
            c.dep_ = "dobj"
    for c in [c for c in noun.subtree if c.i > noun.i]:
        if c.dep_ == "compound" and c.pos_ == "VERB":
            c.pos_, c.tag_ = "NOUN", "NN"  # "rebel" in "shells rebel positions"
    for c in [c for c in noun.children if c.dep_ == "compound" and c.i < doer.i]:
        c.head = doer
    noun.pos_ = "VERB"
    noun.tag_ = "VBZ" if noun.tag_ == "NNS" else "VBP"
    doer.head, doer.dep_ = noun, "nsubj"
    noun._.set(NOUN_VERB, True)
