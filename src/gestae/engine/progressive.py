"""Parse repair: a progressive verb the model read as an adjective of its object.

The small English model often parses "troops are patrolling the streets" as "are" (the
root) with "patrolling" an adjective of "streets" (an attribute): the verb then has neither
subject nor object and no trigger rule can see it. The copula, the "-ing" word and the noun
after it say which reading is right: "be" + "-ing" + noun, with a subject on "be", is the
progressive. The repair puts the verb where "be" was, before any rule reads the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, rule
from gestae.resources.word_classes import words

# The token extension that marks a mended verb, so the event's trace can tell of the repair
# (a window assembled from several parses loses the mark, not the mended parse).
MENDED = "gestae_progressive"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)
# Words that may stand between "be" and the verb: "are now patrolling", "has been patrolling".
BETWEEN_POS = frozenset({"ADV", "AUX", "PART"})
# Verbs whose "-ing" form the model may even tag as an adjective ("are patrolling streets").
SLIP_VERBS = words("progressive_slip_verbs")


def _slipped_lemma(word: Token) -> str | None:
    """The verb of an "-ing" word tagged as an adjective, when it is one of SLIP_VERBS:
    "patrolling" (doubled consonant), "guarding", "besieging" (dropped "e")."""
    if word.pos_ != "ADJ" or not word.lower_.endswith("ing"):
        return None
    stem = word.lower_[:-3]
    doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
    return next((v for v in (stem, doubled, stem + "e") if v in SLIP_VERBS), None)


def _copula(word: Token) -> Token | None:
    """The "be" whose attribute the "-ing" word modifies, when they read as a progressive."""
    verb = word.tag_ == "VBG" and word.pos_ == "VERB"
    if word.dep_ != "amod" or not (verb or _slipped_lemma(word) is not None):
        return None
    noun = word.head
    if noun.dep_ != "attr" or noun.i <= word.i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    be = noun.head
    if be.lemma_.lower() != "be" or be.i >= word.i:
        return None
    if any(t.pos_ not in BETWEEN_POS for t in word.doc[be.i + 1 : word.i]):
        return None
    if not any(c.dep_ == "nsubj" for c in be.children):
        return None
    return be


@rule("parse.progressive-amod")
def mend_progressives(doc: Doc) -> None:
    """'Police are patrolling the markets': a verb in "-ing" read as an adjective of the noun
    after "be" is the progressive verb of the clause, with the subject of "be" and the noun
    as its object; the repair gives the verb its clause so triggers and arguments see it. A
    verb of presence or siege (progressive_slip_verbs) is read so also when the model tagged
    its "-ing" form as an adjective ("troops are patrolling streets").

    Example: Armed militiamen are patrolling villages near the border.
    """
    for word in doc:
        be = _copula(word)
        if be is None:
            continue
        noun = word.head
        lemma = _slipped_lemma(word)
        if lemma is not None:  # "are patrolling streets" tagged as an adjective
            word.pos_, word.tag_, word.lemma_ = "VERB", "VBG", lemma
        children = [c for c in be.children if c.i != noun.i]
        word.head = word if be.dep_ == "ROOT" else be.head
        word.dep_ = be.dep_
        for c in children:
            c.head = word
        be.head, be.dep_ = word, "aux"
        noun.head, noun.dep_ = word, "dobj"
        word._.set(MENDED, True)


def trace_progressive(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its verb's clause is the mended progressive."""
    if token._.get(MENDED):
        trace.add("parse.progressive-amod", f"'{token.text}' is the verb of its clause")
