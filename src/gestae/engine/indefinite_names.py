"""A listed body's name read as one of its kind (actor.indefinite-name): "gunmen stormed a
Catholic church" names a church, not the Catholic Church, whose seat is the Vatican."""

from __future__ import annotations

from spacy.tokens import Span, Token

from gestae.engine.rules import declare
from gestae.resources.actor_dictionary import ActorEntry

INDEFINITE_NAME_RULE = "actor.indefinite-name"

declare(
    INDEFINITE_NAME_RULE,
    """'Gunmen stormed a Catholic church', 'an Orthodox church in the village': a listed
    body's name heading a phrase with 'a'/'an' is one of its kind (a building, a parish), not
    the one body, so it takes neither the body's name nor its seat's country (the Vatican).
    The phrase is read as the common noun it is.

    Example: Gunmen burned a Catholic church in the Kenyan town of Garissa.
    """,
    __name__,
)

INDEFINITE = frozenset({"a", "an"})
# Where the doc keeps the words of the names read as one of their kind, for the actor's reason.
INDEFINITE_KEY = "indefinite_names"


def one_of_kind(span: Span, entries: list[ActorEntry]) -> bool:
    """A body's name that heads a phrase opened by 'a'/'an' (actor.indefinite-name); its
    words are kept on the doc so the common noun read instead can say why."""
    head = span[-1]
    found = (
        span.root.i == head.i
        and all(e.kind in ("organization", "group") for e in entries)
        and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in head.children)
    )
    if found:
        span.doc.user_data.setdefault(INDEFINITE_KEY, set()).add(head.i)
    return found


def read_as_kind(head: Token) -> bool:
    """Whether the phrase on `head` is a body's name read as one of its kind."""
    return head.i in head.doc.user_data.get(INDEFINITE_KEY, ())
