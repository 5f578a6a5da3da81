"""A game's result told with its score, by a verb ("beat Chelsea 2-1") or a noun ("to seal a
2-0 win"): what a player does for it happens on a pitch, not in politics (read by
suppress.sport)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.resources.word_classes import words

RESULT_NOUNS = words("result_nouns")
# Verbs of a game's result that a score hangs on ("beat Chelsea 2-1", "drew 1-1").
RESULT_VERBS = words("result_verbs")
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


def game_result(verb: Token) -> bool:
    """'beat Chelsea 2-1', 'defeated Nigeria 3-0', 'drew 1-1': a verb of a game's result
    (result_verbs) with a score of two small numbers joined by a dash hung on it or on the
    team that is its object; 'ruled 6-3' (a court) and 'lost 20-30 soldiers' are no game."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in RESULT_VERBS:
        return False
    doc = verb.doc
    for t in verb.subtree:
        if t.i + 2 >= len(doc) or not _small(t) or not _small(doc[t.i + 2]):
            continue
        if doc[t.i + 1].text not in SCORE_DASHES:
            continue
        host = t.head
        if t.dep_ == "nummod" and host.pos_ == "PROPN":
            host = host.head  # "beat Chelsea 2-1": the parse hangs the score on the team
        elif t.dep_ == "nummod":
            continue
        if host.i == verb.i:
            return True
    return False


def _small(token: Token) -> bool:
    return token.tag_ == "CD" and token.text.isdigit() and len(token.text) <= 2
