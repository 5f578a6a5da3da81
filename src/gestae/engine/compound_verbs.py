"""Parse repair: a violent verb that English never uses as a noun ("detonate"), tagged by the
small model as a compound in front of its own object.

Chronologies and wire summaries tell acts in the present: "militants detonate car bombs in the
city". The model reads the run of nouns as one noun phrase, "militants detonate car bombs",
with "detonate" a modifier of "bombs", so the sentence has no verb and codes nothing. A word of
word class `verbs_never_nouns` between a noun and the noun phrase it heads is the clause's
verb: the noun before it is its subject, the phrase after it its object."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, rule
from gestae.resources.word_classes import words

VERBS_NEVER_NOUNS = words("verbs_never_nouns")
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
# A subject in front: a plural noun or a name ("militants", "ETA"), not a word like "the".
SUBJECT_TAGS = frozenset({"NNS", "NNPS", "NNP"})
MENDED = "gestae_compound_verb"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)  # set on the word made the clause's verb


def _object(word: Token) -> Token | None:
    """The head of the noun phrase the word was read into, after it ('car bombs')."""
    head = word
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    return head if head.i > word.i and head.pos_ in NOUN_TAGS else None


def _ancestor(token: Token, of: Token) -> bool:
    return any(a.i == token.i for a in of.ancestors)


def _clause_place(subject: Token, obj: Token) -> Token | None:
    """The word whose place in the tree the verb takes: the root among subject and object, or
    the participle the sentence was hung on after them ('bombs ... , killing at least 18')."""
    top = subject if _ancestor(subject, obj) else obj if _ancestor(obj, subject) else None
    if top is not None and top.dep_ == "ROOT":
        return top
    root = obj.sent.root
    if root.tag_ == "VBG" and root.i > obj.i and _ancestor(root, obj) and _ancestor(root, subject):
        return root
    return None


@rule("parse.compound-verb")
def mend_compound_verbs(doc: Doc) -> None:
    """'Militants detonate car bombs in the city': a verb of word class `verbs_never_nouns`
    tagged as a compound noun, after a plural noun or a name and before the noun phrase it
    was read into, is the verb of its clause: the noun before it its subject, the phrase
    after it its object, the words after the object (the place, 'killing 12') its own.

    Example: Separatist rebels detonate car bombs outside a barracks in Quetta, killing nine.
    """
    for word in doc:
        if word.pos_ not in NOUN_TAGS or word.dep_ != "compound" or word.i == 0:
            continue
        if word.lower_ not in VERBS_NEVER_NOUNS and word.lemma_.lower() not in VERBS_NEVER_NOUNS:
            continue
        subject, obj = doc[word.i - 1], _object(word)
        if obj is None or subject.pos_ not in NOUN_TAGS or subject.tag_ not in SUBJECT_TAGS:
            continue
        place = _clause_place(subject, obj)
        if place is not None:
            _mend(word, subject, obj, place)


def _mend(word: Token, subject: Token, obj: Token, place: Token) -> None:
    later = [c for t in (subject, obj) for c in t.children if c.i > obj.i]
    participle = place if place.i not in (subject.i, obj.i) else None
    if place.dep_ == "ROOT":
        word.head, word.dep_ = word, "ROOT"
    else:
        word.head, word.dep_ = place.head, place.dep_
    if participle is not None:
        fronted = [c for c in participle.children if c.i < subject.i]  # 'On May 3, ...'
        later = [c for c in later if c.i != participle.i] + fronted
        participle.head, participle.dep_ = word, "advcl"
    subject.head, subject.dep_ = word, "nsubj"
    obj.head, obj.dep_ = word, "dobj"
    for c in later:
        c.head = word
        if c.dep_ == "acl":
            c.dep_ = "advcl"  # 'killing 12': the outcome of the act, no longer of the bombs
    lower = word.lower_
    word.pos_, word.tag_ = "VERB", ("VBZ" if lower.endswith("s") else "VBP")
    word.lemma_ = lower[:-1] if lower.endswith("s") and lower[:-1] in VERBS_NEVER_NOUNS else lower
    word._.set(MENDED, True)


def trace_compound_verb(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its verb was read as a compound noun and mended."""
    if token._.get(MENDED):
        trace.add("parse.compound-verb", f"'{token.text}' is the verb of its clause")
