"""What "the country" points back to: the last state named, but not one the noun phrase it
hangs on names itself ("the withdrawal of U.S. troops from the country" is not the U.S.)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.mentions import Mention
from gestae.engine.pointers import as_state, pointer
from gestae.engine.rules import declare
from gestae.schema import Actor

COUNTRY_NOT_MODIFIER_RULE = "reference.country-not-modifier"
declare(
    COUNTRY_NOT_MODIFIER_RULE,
    """'The rebel leader praised the withdrawal of U.S. troops from the country': "the
    country" hung by a preposition on a noun phrase is not a state that phrase itself names
    ("U.S. troops", "Chinese citizens in the country", "a British envoy to the country"), but
    the last state named before that phrase; nothing when there is none.

    Example: Yemen's rebel leader praised the withdrawal of U.S. troops from the country.
    """,
    __name__,
)


def last_state(token: Token, states_seen: list[Actor]) -> Mention | None:
    """ "the country": the last state named, passing over one the noun phrase it hangs on
    names (rule reference.country-not-modifier)."""
    last = states_seen[-1]
    prep = token.head
    host = prep.head
    if token.dep_ == "pobj" and prep.dep_ == "prep" and host.pos_ in ("NOUN", "PROPN"):
        while host.dep_ == "pobj" and host.head.dep_ == "prep" and host.head.head.pos_ == "NOUN":
            host = host.head.head  # "the withdrawal of U.S. troops from the country"
        first, end = host.left_edge.idx, prep.idx
        earlier = [a for a in states_seen if not first <= a.start < end and a.start < token.idx]
        if earlier and earlier[-1] is not last:
            last = earlier[-1]
            what = f"the last state named before its phrase ({last.country}; {COUNTRY_NOT_MODIFIER_RULE})"
            return pointer(token, [as_state(last)], what)
        if not earlier:
            return None
    return pointer(token, [as_state(last)], f"the last state named ({last.country})")
