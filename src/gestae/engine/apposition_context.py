"""Which side of an apposition gives a person's country when the two sides give different
ones: the words of one side over the article's context guessed for the other ("the
spokesperson for Kenya's foreign ministry, Ambassador Peter Kamau" in a story about Somalia
is Kenya's, and so is a later "Kamau")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from gestae.engine.mentions import DocActors
from gestae.engine.rules import declare
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.schema import Actor

GUESS_YIELDS_RULE = "actor.apposition-over-context"

declare(
    GUESS_YIELDS_RULE,
    """'the spokesperson for Kenya's foreign ministry, Ambassador Peter Kamau': when a person
    and the apposition that describes them give two countries, one read from their own words
    and the other only guessed from the article's context, the words win, so the two join as
    one person of that country (and a later "Kamau" or "he" is of it too). Two countries both
    read from words stay apart (a list of people of several states).

    Example: The spokesman for Kenya's foreign ministry, Ambassador Peter Kamau, criticized Somalia.
    """,
    __name__,
)


def yield_guessed_countries(doc: Doc, found: DocActors) -> None:
    """Drop the context's guess from the side of a person's apposition that has only that,
    when the other side's words give another country (before widen_appositions joins them)."""
    for mention in found.mentions:
        if len(mention.actors) != 1 or mention.reference:
            continue
        head = doc[mention.head]
        appos = [c for c in head.children if c.dep_ == "appos" and c.i >= mention.end]
        other = found.by_token.get(appos[0].i) if appos else None
        if other is None or other is mention or len(other.actors) != 1 or other.reference:
            continue
        mine, theirs = mention.actors[0], other.actors[0]
        if mine.kind != "person" or theirs.kind != "person":
            continue
        if not (mine.country and theirs.country) or mine.country == theirs.country:
            continue
        guessed = [CONTEXT_COUNTRY in a.rule for a in (mine, theirs)]
        if guessed[0] == guessed[1]:
            continue
        loser, winner = (mention, other) if guessed[0] else (other, mention)
        lost, won = loser.actors[0], winner.actors[0]
        loser.actors[0] = replace(lost, country=None)
        why = f"{GUESS_YIELDS_RULE}: {won.country} from the words, not the context"
        winner.actors[0] = _marked(won, why)
        _refresh_copies(found, lost, won, why)


def _refresh_copies(found: DocActors, lost: Actor, won: Actor, why: str) -> None:
    """Later "Kamau" or "he", read before the apposition was settled, copied the guessed
    country of the named side: they take the words' country and sector."""
    if not lost.name:
        return
    for mention in found.mentions:
        if not mention.reference or len(mention.actors) != 1:
            continue
        copy = mention.actors[0]
        if copy.name == lost.name and copy.country == lost.country and copy.start > lost.start:
            sector = won.sector or copy.sector
            mention.actors[0] = _marked(replace(copy, country=won.country, sector=sector), why)


def _marked(actor: Actor, why: str) -> Actor:
    return replace(actor, rule=f"{actor.rule}; {why}")
