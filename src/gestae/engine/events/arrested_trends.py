"""What is arrested, halted or checked may be a trend, not a person: "demand arrested a
three-week rally", "the show arrested attention" (`suppress.arrested-trend`). An arrest is
done to people; a rally, a slide or a decline that is "arrested" only stopped."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import rule
from gestae.resources.word_classes import words

# Verbs of arrest whose object may be a movement stopped ("arrest the decline").
ARREST_VERBS = frozenset({"arrest"})
# Movements, trends and attention that a figure of speech "arrests".
ARRESTED_TRENDS = words("arrested_trends")


@rule("suppress.arrested-trend")
def arrested_trend(clause: Token) -> bool:
    """ "arrested a rally", "arrested the slide", "arrested attention": a trend or an eye that
    is stopped or caught is no one detained (CAMEO 173). Only when every object is such a
    noun: "arrested 30 people at a rally" detains the people.

    Example: Cheap imports arrested the decline of the peso.
    """
    if clause.lemma_.lower() not in ARREST_VERBS or clause.pos_ != "VERB":
        return False
    held = [c for c in clause.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(held) and all(t.lemma_.lower() in ARRESTED_TRENDS for t in held)
