"""Locative phrases of the trigger that the parser hangs on another word of its own: a phrase
joined to another by "and" ("demonstrated outside the parliament and in Hebron": the second
preposition hangs on the first as its conjunct), and a phrase after an adverb ("Back in Tal
Afar, residents demonstrated": it hangs on "back"). The rules that read the trigger's own
phrases never see them; they set the event's scene as much as they would alone."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import is_locative_prep
from gestae.engine.places.resolver import Resolver
from gestae.engine.rules import rule


def _joined_preps(trigger: Token) -> list[tuple[Token, Token]]:
    """The prepositions joined by "and" to a locative preposition of the trigger, with their
    objects: "outside the parliament and in Hebron" gives ("in", "Hebron")."""
    joined: list[tuple[Token, Token]] = []
    for prep in trigger.children:
        if prep.dep_ != "prep":
            continue
        for other in prep.children:
            if other.dep_ != "conj" or other.pos_ != "ADP":
                continue
            pobj = next((c for c in other.children if c.dep_ == "pobj"), None)
            if pobj is not None and is_locative_prep(other, pobj, attaching=True):
                joined.append((other, pobj))
    return joined


@rule("place.joined-phrase")
def joined_phrase(trigger: Token, resolver: Resolver) -> Match | None:
    """A locative phrase joined by "and" to one on the trigger sets the event's scene too:
    "demonstrated outside the parliament and in Hebron" is in Hebron. It is read after the
    trigger's own phrases, so "in Paris and in Lyon" stays at Paris.

    Example: Settlers demonstrated outside the parliament and in Hebron on Friday.
    """
    matches = [m for _, pobj in _joined_preps(trigger) if (m := resolver.resolve_phrase(pobj))]
    return resolver.best(matches)


# Prepositions that set a scene after an adverb ("back in X", "elsewhere in X", "down at X").
_SCENE_PREPS = frozenset(
    {"across", "around", "at", "in", "inside", "near", "outside", "throughout"}
)
# Adverbs whose phrase is no scene of the act: "not in X", "far from X", "away from X".
_NOT_SCENES = frozenset({"away", "far", "never", "not", "rather", "instead"})


def _adverb_preps(trigger: Token) -> list[tuple[Token, Token]]:
    """The locative phrases hung on an adverb of the trigger, with their objects: "Back in
    Tal Afar" gives ("in", "Afar")."""
    found: list[tuple[Token, Token]] = []
    for adverb in trigger.children:
        if adverb.dep_ != "advmod" or adverb.pos_ != "ADV" or adverb.lower_ in _NOT_SCENES:
            continue
        for prep in adverb.children:
            if prep.dep_ != "prep" or prep.lower_ not in _SCENE_PREPS:
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and is_locative_prep(prep, pobj, attaching=True):
                found.append((prep, pobj))
    return found


@rule("place.adverb-phrase")
def adverb_phrase(trigger: Token, resolver: Resolver) -> Match | None:
    """A locative phrase the parser hangs on an adverb of the trigger ("back in X", "elsewhere
    in X", "here in X") is the trigger's own setting; "not in X", "far from X" are none.

    Example: Back in Tal Afar, dozens of residents demonstrated overnight.
    """
    matches = [m for _, pobj in _adverb_preps(trigger) if (m := resolver.resolve_phrase(pobj))]
    return resolver.best(matches)
