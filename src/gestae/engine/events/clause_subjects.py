"""A clause after 'after'/'before' the parse broke apart: "resigned after floods in the valley
killed 30 people" hangs "floods" on the preposition and "killed", subjectless, on "resigned",
so the borrowing rules would lend it the main clause's subject (the mayor). The preposition's
object is the clause's subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from gestae.engine.events.context import Event
from gestae.engine.rules import rule
from gestae.engine.syntax import FINITE_TAGS, SUBJECT_DEPS, child

if TYPE_CHECKING:
    from gestae.engine.events.sources import Borrowed

# Words that open a clause of time or cause but that the parse may read as a preposition.
CLAUSE_OPENERS = frozenset({"after", "before", "since", "until", "as"})


def split_clause_subject(current: Token) -> Token | None:
    """The noun a finite verb with no subject of its own follows right after 'after X':
    the subject the parse hung on the preposition."""
    if current.tag_ not in FINITE_TAGS or child(current, SUBJECT_DEPS) is not None:
        return None
    if current.dep_ not in ("advcl", "ccomp", "conj"):
        return None
    for prep in current.head.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ in CLAUSE_OPENERS
            and prep.i < current.i
            and prep.right_edge.i == current.i - 1
        ):
            return child(prep, {"pobj"})
    return None


@rule("source.split-clause-subject")
def split_clause_doer(ev: Event, current: Token) -> Borrowed:
    """'The mayor resigned after floods in the valley killed 30 people': the words after
    'after' are the act's subject, not the mayor; an actor there is the doer, else no one.

    Example: The mayor resigned after floods in the valley killed 30 people.
    """
    from gestae.engine.events.sources import Climb, subject_actors

    subject = split_clause_subject(current)
    if subject is None:
        return Climb.PASS
    found = subject_actors(ev, subject)
    if not found:
        ev.trace.add("source.split-clause-subject", f"'{subject.text}' did it, no actor")
    return ev.found("source.split-clause-subject", found, subject.text)
