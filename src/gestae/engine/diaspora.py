"""People of one state by origin and another by home: "Somali Canadians", "Turkish Germans",
"Chinese-American scientists" (actor.diaspora-people). The last demonym names where they live
and whose citizens they are; the first only their roots, so it gives no country of its own."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Span, Token

from gestae.engine.mentions import Mention, span_actor
from gestae.engine.named_mentions import NounPhrase
from gestae.engine.rules import declare
from gestae.resources.actor_dictionary import ActorEntry

DIASPORA_RULE = "actor.diaspora-people"

declare(
    DIASPORA_RULE,
    """'Somali Canadians protested in Ottawa', 'Chinese-American scientists': two demonyms of
    different states on one group name people living in the second, its citizens, whose roots
    are in the first; they are civilians of the second state, not the first state nor its
    people ("Kenyan and Ugandan traders", two demonyms joined by "and", stay people of both).

    Example: Haitian Canadians protested outside the legislature in Toronto on Monday.
    """,
    __name__,
)


def _demonym_states(entries: list[ActorEntry]) -> list[ActorEntry]:
    return [e for e in entries if e.kind == "state" and e.role == "demonym" and e.country]


def _origin_modifies(origin: Span, home: Span) -> bool:
    """The first demonym hangs on the second's words, right before it or over a hyphen."""
    between = origin.doc[origin.end : home.start]
    if any(t.text != "-" for t in between):
        return False
    return origin.root.head.i in range(home.start, home.end + 1) or origin.root.head.i > home.end


def diaspora_home(np: NounPhrase) -> ActorEntry | None:
    """The home state of a group two demonyms name, the second's ("Somali Canadians"); None
    when the phrase has no such pair."""
    spans = sorted(
        ((span, _demonym_states(entries)) for span, entries in np.inner),
        key=lambda pair: pair[0].start,
    )
    spans = [(span, states) for span, states in spans if states]
    for (origin, first), (home, second) in pairwise(spans):
        if home.end > np.head.i + 1 or not _origin_modifies(origin, home):
            continue
        if {e.country for e in first} & {e.country for e in second}:
            continue
        if not any(t.tag_ in ("NNPS", "NNS") for t in home) and home.end == np.head.i + 1:
            continue  # "a Somali Canadian" is one person: left to the person rules
        return second[0]
    return None


def diaspora_mention(np: NounPhrase, home: ActorEntry, head: Token) -> Mention:
    """The group as civilians of its home state."""
    span = np.span
    rule = f"{DIASPORA_RULE}: '{span.text}' live in {home.country}, its citizens"
    actor = span_actor(span, "group", rule, country=home.country, sector="CVL")
    return Mention(np.start, np.end, head.i, [actor], rule)


def without_origin(np: NounPhrase) -> NounPhrase:
    """The phrase without the origin state's entries when two demonyms name where its people
    live ("Somali Canadian activists": Canada's only)."""
    home = diaspora_home(np)
    if home is None:
        return np
    kept = [e for e in np.entries if e.kind != "state" or e.country == home.country]
    return replace(np, entries=kept)
