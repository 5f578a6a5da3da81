"""What a giving or selling verb hands over ("tanks were delivered", "the guns will be
shipped"): the gift, never the one it reaches, even when its words read as a force."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.context import Event
from gestae.engine.rules import rule

# Giving (070 to 073) and the arms trade (062, "sold rifles to Chad"): frames whose object
# words name what changes hands.
GIFT_CODES = frozenset({"062", "070", "071", "072", "073"})


def is_gift(ev: Event, word: Token) -> bool:
    """The word (or a compound in front of it) is one the entry's frame hands over."""
    entry = ev.entry
    if entry.pos != "verb" or not entry.obj or entry.cameo not in GIFT_CODES:
        return False
    compounds = (c.lemma_.lower() for c in word.lefts if c.dep_ == "compound")
    return bool({word.lemma_.lower(), word.lower_, *compounds} & entry.obj)


@rule("target.given-thing")
def given_thing(ev: Event, word: Token) -> bool:
    """'Ten tanks were delivered to Morocco by Spain', 'the first guns will be delivered next
    year': the passive subject of a giving or selling verb that its frame names as handed
    over is the gift, not whom it reaches, even when "tanks" or "drones" read as an army: the
    target is the "to" phrase (target.passive-recipient), or no one named.

    Example: Twelve howitzers were delivered to Ghana by France.
    """
    if not is_gift(ev, word):
        return False
    ev.trace.add("target.given-thing", f"'{word.text}' is what was handed over, no target")
    return True
