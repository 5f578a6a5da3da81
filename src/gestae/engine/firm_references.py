"""'Mali revoked the licence of an Australian gold company. The ministry accused the firm of tax
evasion': a singular "the firm" or "the company" points back to the last firm named, whose
country is the one the article gave it, not the article's context state."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.mentions import DocActors
from gestae.resources.word_classes import words
from gestae.schema import Actor

# The nouns by which a story names a firm and names it again ("a Canadian company ... the firm").
FIRM_NOUNS = words("firm_nouns")


def same_firm(head: Token, found: DocActors) -> Actor | None:
    """ "the company", "the firm" with nothing but "the" in front: the last firm named before
    by one of the same nouns (word class firm_nouns) with a country of its own (rule
    reference.same-noun-group); None when no firm was named before."""
    if head.tag_ != "NN" or head.lemma_.lower() not in FIRM_NOUNS:
        return None
    if [t.lower_ for t in head.lefts] != ["the"]:
        return None
    firms = [
        a
        for a in found.bodies_seen
        if a.sector == "BUS" and (a.text.lower().split() or [""])[-1] in FIRM_NOUNS
    ]
    return firms[-1] if firms and firms[-1].country else None
