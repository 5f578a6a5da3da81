"""What the words of seafaring news say of states: a craft's flag names its own state
(actor.flag-state), while a state's name inside the name of a sea names none (word class
`sea_name_heads`: "the Indian Ocean", "the South China Sea", "the Sea of Japan" are no actor
and no implicit target of an act there; they add weight to a state the article names
otherwise, but never make the article a state's on their own)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Span, Token

from gestae.engine.rules import declare
from gestae.resources.actor_dictionary import ActorEntry
from gestae.resources.word_classes import words

FLAG_STATE_RULE = "actor.flag-state"
# The head words of a named sea, ocean, gulf or strait ("the Indian Ocean", "the Sea of Japan").
SEA_NAME_HEADS = words("sea_name_heads")
# The participles that join a craft's own state to it: "Liberian-flagged", "Russian-registered".
FLAG_WORDS = words("flag_participles")

declare(
    FLAG_STATE_RULE,
    """A craft "X-flagged" or "X-registered" (word class flag_participles) flies the flag of
    X, which is its own state, as "a Greek tanker" is Greece's: the demonym or name before the
    hyphen stays in the craft's phrase and gives its country (unlike "Russian-backed", which
    names another party).

    Example: Houthi rebels seized a Liberian-flagged tanker in the Red Sea.
    """,
    __name__,
)


def flag_state(tokens: Sequence[Token]) -> str:
    """The rule's id when the phrase names its craft's flag ("a Panama-flagged ship"), else ""."""
    return FLAG_STATE_RULE if any(t.lower_ in FLAG_WORDS for t in tokens) else ""


def in_sea_name(span: Span) -> bool:
    """True when the matched state name is a word of a sea's proper name ("the Indian Ocean")."""
    root = span.root
    name = root.head
    if root.dep_ == "pobj" and name.lower_ == "of":
        name = name.head  # "the Sea of Japan", "the Gulf of Thailand"
    elif root.dep_ not in ("compound", "amod", "nmod") or name.i < root.i:
        return False
    return name.i != root.i and name.pos_ == "PROPN" and name.lower_ in SEA_NAME_HEADS


def flag_of(span: Span) -> bool:
    """True for the state of "X-flagged": the craft's flag, which makes the story no story of X
    (counted as no mention for the article's country, as an envoy's state is not)."""
    root = span.root
    flagged = root.head
    return (
        flagged.lower_ in FLAG_WORDS
        and root.i + 2 == flagged.i
        and root.doc[root.i + 1].text == "-"
    )


def count_sea_names(
    named: Sequence[tuple[Span, Sequence[ActorEntry]]], counts: Counter[str]
) -> None:
    """A sea named after a state the article names otherwise ("Beijing ... the South China
    Sea") is one more mention of that state; a sea alone ("pirates in the Indian Ocean")
    makes no story India's."""
    for span, entries in named:
        if not in_sea_name(span):
            continue
        for country in {e.country for e in entries if e.country and e.kind == "state"}:
            if counts[country]:
                counts[country] += 1
