"""The day told between a verb of saying and its clause's subject ("said on Thursday it would
freeze the assets") is the saying's, whatever the parse hangs it on: it reads back from the
publication like any day of a report, never forward into the act's future."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from gestae.engine.date_attach import read_forward
from gestae.engine.rules import rule, rule_id_of
from gestae.resources.word_classes import words

SPEECH_VERBS = words("speech_verbs")
CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@rule("date.said-day-before-clause")
def said_day_before_clause(verbs: list[Token], span: Span) -> bool:
    """'China said on Thursday it would freeze the assets': a date phrase after a past verb
    of saying and before the subject of the clause it reports dates the saying, even where
    the parse makes it the reported verb's; so the day is the last one past, not the coming
    one ("would freeze" is future from the saying, not its day).

    Example: BEIJING, May 9 (Reuters) - China said on Thursday it would expel two envoys.
    """
    for tok in verbs:
        head = tok.head
        if tok.dep_ != "ccomp" or head.i > tok.i or head.tag_ != "VBD":
            continue
        if head.lemma_.lower() not in SPEECH_VERBS:
            continue
        subject = next((c for c in tok.children if c.dep_ in CLAUSE_SUBJECTS), None)
        if subject is None:
            continue
        if head.i < span.start and span.end <= subject.i:
            return True
    return False


def told_tense(
    verbs: list[Token],
    path: set[int],
    ranges: list[tuple[int, int]],
    published: date | None,
    span: Span,
) -> tuple[bool, str | None]:
    """`date_attach.read_forward`, except that the day of a saying told before its clause
    reads back (date.said-day-before-clause)."""
    future, tense_rule = read_forward(verbs, path, ranges, published)
    if future and said_day_before_clause(verbs, span):
        return False, rule_id_of(said_day_before_clause)
    return future, tense_rule
