"""The purpose of a gathering is done at the gathering, on its day.

date.purpose-period keeps a trip's day from its purpose ("flew to Cairo on Monday to meet
officials": the meeting may fall the day after). A sit-in, rally or meeting is different: its
"to" clause tells what the gathering itself did ("held a sit-in on Monday to protest the fuel
levy"), so the gathering's day dates it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import rule
from gestae.resources.word_classes import words

__all__ = ["gathering_purpose"]

GATHERINGS = words("purpose_gatherings")
_OBJECTS = frozenset({"dobj", "nsubjpass"})
_OUTSIDE = frozenset({"prep", "relcl", "acl", "advcl", "appos", "conj"})


@rule("date.gathering-purpose")
def gathering_purpose(doc: Doc, path: set[int]) -> bool:
    """A day that reaches a "to" clause of purpose through a gathering (word class
    `purpose_gatherings`: a verb of gathering, "rallied", "met"; a gathering noun on the date's
    path, "a meeting on Wednesday"; or the object of the verb, "held a sit-in") dates the
    purpose too: it is done at the gathering.

    Example: Taxi drivers held a sit-in on Monday to protest the new fuel levy.
    """
    for i in path:
        tok = doc[i]
        if tok.lemma_.lower() in GATHERINGS and tok.pos_ in ("VERB", "NOUN"):
            return True
        if tok.pos_ == "VERB" and any(map(_names_gathering, tok.children)):
            return True
    return False


def _names_gathering(obj: Token) -> bool:
    """The object names a gathering, also through a modifier the small model hangs on a
    date it takes for the object ("held a sit-in Monday" parsed as a "sit-in Monday")."""
    if obj.dep_ not in _OBJECTS:
        return False
    words_ = [obj]
    for word in words_:  # the object's own words, not those of a clause or phrase on it
        words_.extend(c for c in word.children if c.dep_ not in _OUTSIDE)
    return any(w.lemma_.lower() in GATHERINGS for w in words_)
