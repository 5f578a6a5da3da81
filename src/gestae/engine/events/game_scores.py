"""A game's result told by a noun with its score ("to seal a 2-0 win"): what a player does
for it happens on a pitch, not in politics (read by suppress.sport)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.resources.word_classes import words

RESULT_NOUNS = words("result_nouns")
SCORE_DASHES = frozenset({"-", "\u2013"})


def score_result(verb: Token) -> bool:
    """'fired a missile into the top corner to seal a 2-0 win', 'earned England a 3-1
    victory': the verb's object is a result noun with a score of two small numbers joined
    by a dash in front; "a 20-year win" or "a 2-0 vote" is none."""
    doc = verb.doc
    for noun in (c for c in verb.children if c.dep_ == "dobj"):
        if noun.lemma_.lower() not in RESULT_NOUNS:
            continue
        for t in noun.lefts:
            if t.i + 2 >= noun.i or not (_small(t) and _small(doc[t.i + 2])):
                continue
            if doc[t.i + 1].text in SCORE_DASHES:
                return True
    return False


def _small(token: Token) -> bool:
    return token.tag_ == "CD" and token.text.isdigit() and len(token.text) <= 2
