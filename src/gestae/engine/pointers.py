"""A mention that points back to actors named earlier in the article ("the country", "he",
"the two leaders"): the words that point, the actors they stand for, and why."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from gestae.engine.mentions import FROM_ELSEWHERE, Mention, relocate
from gestae.schema import Actor


def pointer(
    token: Token, earlier: Sequence[Actor], what: str, whole_phrase: bool = True
) -> Mention:
    """A mention that points back to earlier actors ("the country", "he", "they")."""
    start = min([token.i, *(c.i for c in token.lefts)]) if whole_phrase else token.i
    span = token.doc[start : token.i + 1]
    rule = f"'{span.text}' refers to {what}"
    sentence_start = token.sent.start_char
    # A pronoun whose antecedent sits in the same sentence ("Lebanon says it will ...") is
    # shown by the antecedent's own words; one pointing further back keeps the pronoun.
    actors = [
        relocate(a, a.text, a.start, a.end, _kept(rule, a))
        if token.pos_ == "PRON" and sentence_start <= a.start < span.start_char
        else relocate(a, span.text, span.start_char, span.end_char, _kept(rule, a))
        for a in earlier
    ]
    return Mention(start, token.i + 1, token.i, actors, rule, reference=True)


def _kept(rule: str, earlier: Actor) -> str:
    """The pointer's rule, still saying its actor came from elsewhere when it did: "the
    embassy ... it urged" takes no country from the place of the act "it" does."""
    return f"{rule}; {FROM_ELSEWHERE}" if FROM_ELSEWHERE in earlier.rule else rule


def as_state(actor: Actor) -> Actor:
    """The state of an actor named earlier, on that actor's words ("the country", "his country")."""
    return Actor(
        text=actor.text,
        start=actor.start,
        end=actor.end,
        country=actor.country,
        kind="state",
        rule=actor.rule,
    )
