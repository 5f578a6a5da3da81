"""Acts told as the subject of a film, a novel or a play: "a drama about a family evicted from
their farm by a greedy uncle", "a documentary on soldiers who burned a village". What a work is
about is its plot, told by critics and festivals, not an act done on the day of the news; the
work itself becomes no party to it. An act done to or with the work ("police banned the film
about the massacre", "the jury praised the drama") is the sentence's own, and is left to the
other rules. clause_suppression.py runs WORK_PLOT_SUPPRESSIONS with its other reasons to drop
a clause."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from gestae.engine.rules import rule
from gestae.resources.word_classes import words

CREATIVE_WORKS = words("creative_works")
# The prepositions that give a work its subject ("a film about", "a novel on").
SUBJECT_PREPS = frozenset({"about", "on"})
# Links by which an act hangs inside the subject phrase: a participle or relative clause on a
# noun there, the noun's own phrases, a clause after "about how".
INSIDE_DEPS = frozenset({"acl", "relcl", "pobj", "pcomp", "prep", "ccomp", "conj", "dobj"})
# How far up the subject phrase the work may stand ("a drama about a family of potato farmers
# evicted": evicted -> farmers -> of -> family -> about).
PLOT_DEPTH = 7


@rule("suppress.work-plot")
def work_plot(clause: Token) -> bool:
    """An act inside the "about" or "on" phrase of a creative work (word class
    `creative_works`) is the work's plot, not news.

    Example: A Chilean novel about miners who seized a copper mine won the prize.
    """
    if _misattached(clause):
        return True
    current = clause
    for _ in range(PLOT_DEPTH):
        if current.dep_ not in INSIDE_DEPS or current.head.i == current.i:
            return False
        current = current.head
        if (
            current.dep_ == "prep"
            and current.lower_ in SUBJECT_PREPS
            and current.head.lemma_.lower() in CREATIVE_WORKS
        ):
            return True
    return False


def _misattached(clause: Token) -> bool:
    """The parse may hang the plot's participle on the work itself ("a drama about a family
    of farmers evicted from their land": "evicted" on "drama"): a participle after the work's
    subject phrase, with no comma between, belongs to that phrase."""
    work = clause.head
    if clause.dep_ != "acl" or work.lemma_.lower() not in CREATIVE_WORKS:
        return False
    about = [c for c in work.children if c.dep_ == "prep" and c.lower_ in SUBJECT_PREPS]
    if not about or not about[0].i < clause.i:
        return False
    between = clause.doc[about[0].i : clause.i]
    return not any(t.is_punct for t in between)


WORK_PLOT_SUPPRESSIONS: list[Callable[[Token], bool]] = [work_plot]
