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

# The token extension that marks a mended verb, so the event's trace can tell of the repair
# (a window assembled from several parses loses the mark, not the mended parse).
MENDED = "gestae_progressive"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)
# Words that may stand between "be" and the verb: "are now patrolling", "has been patrolling".
BETWEEN_POS = frozenset({"ADV", "AUX", "PART"})


def _copula(word: Token) -> Token | None:
    """The "be" whose attribute the "-ing" word modifies, when they read as a progressive."""
    if word.dep_ != "amod" or word.tag_ != "VBG" or word.pos_ != "VERB":
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
    as its object; the repair gives the verb its clause so triggers and arguments see it.

    Example: Armed militiamen are patrolling villages near the border.
    """
    for word in doc:
        be = _copula(word)
        if be is None:
            continue
        noun = word.head
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
