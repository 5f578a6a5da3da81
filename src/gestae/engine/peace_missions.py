"""Peace operations named as "missions": the sector words read "mission" as a state's
diplomatic mission (GOV) and give it the country of the place it serves in or of the article,
so "the U.N. peacekeeping mission in Mali" became Mali's government and "the monitoring
mission" on a border the host's. A peacekeeping or monitoring mission is an international
body's force or observers; a bare "the mission" after such words is that body again."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from gestae.engine.mentions import DocActors, Mention
from gestae.engine.rules import declare
from gestae.resources.actor_entries import ABOVE_STATES
from gestae.resources.word_classes import words
from gestae.schema import Actor

PEACE_MISSION_RULE = "actor.peace-mission"

declare(
    PEACE_MISSION_RULE,
    """'the U.N. peacekeeping mission in Mali', 'the monitoring mission', 'the mission' after
    U.N. observers: a mission that a peacekeeping or monitoring word qualifies, or that an
    international body (UNO, IGO, EUR) owns, is that body's force (MIL: peacekeeping,
    stabilisation) or observers (IGO: monitoring, observer, verification), never the
    government of the place it serves in nor of the article. With no owner in its own words
    it is the international body named last before it; a bare "the mission" is read so only
    when peacekeeping or monitoring words came before. A state's own mission ("the French
    mission", "Russia's mission") is left to the sector words.

    Example: The U.N. peacekeeping mission in Mali accused the army of blocking its convoy.
    """,
    __name__,
)

MISSION = "mission"
NATIONAL_ENTITIES = frozenset({"NORP", "GPE"})
PEACEKEEPING_WORDS = words("peacekeeping_words")
MONITORING_WORDS = words("monitoring_words")


def settle_peace_missions(doc: Doc, found: DocActors) -> None:
    """Give each peace or monitoring mission its international owner and sector, in reading
    order, so a later bare "the mission" follows the one settled before it."""
    peace_seen = False
    last: Actor | None = None
    for mention in sorted(found.mentions, key=lambda m: m.start):
        head = doc[mention.head]
        kind = _kind_words(head, mention)
        if len(mention.actors) == 1 and _is_mission(head, mention.actors[0]):
            settled = _settle(doc, mention, found, kind, last) if peace_seen or kind else None
            settled = settled or _owned(doc, mention, found, kind, last)
            if settled is not None:
                mention.actors[0] = last = settled
        peace_seen = peace_seen or kind is not None or _peace_words_in(doc, mention)


def _is_mission(head: Token, actor: Actor) -> bool:
    return head.lemma_.lower() == MISSION and actor.sector == "GOV"


def _kind_words(head: Token, mention: Mention) -> str | None:
    """MIL for a peacekeeping word before the head, IGO for a monitoring one, else None."""
    before = [t.lemma_.lower() for t in head.doc[mention.start : head.i]]
    before += [t.lower_ for t in head.doc[mention.start : head.i]]
    if any(w in PEACEKEEPING_WORDS for w in before):
        return "MIL"
    if any(w in MONITORING_WORDS for w in before):
        return "IGO"
    return None


def _peace_words_in(doc: Doc, mention: Mention) -> bool:
    inside = (t.lemma_.lower() for t in doc[mention.start : mention.end])
    return any(w in PEACEKEEPING_WORDS or w in MONITORING_WORDS for w in inside)


def _national(head: Token, found: DocActors) -> bool:
    """'the French mission', 'Russia's mission': a state's own words name whose it is."""
    for child in head.children:
        if child.i > head.i or child.dep_ not in ("amod", "compound", "poss", "nmod"):
            continue
        if child.ent_type_ in NATIONAL_ENTITIES:
            return True
        owner = found.by_token.get(child.i)
        if owner is None or owner is found.by_token.get(head.i):
            continue
        if any(a.country and a.country not in ABOVE_STATES for a in owner.actors):
            return True
    return False


def _settle(
    doc: Doc, mention: Mention, found: DocActors, kind: str | None, last: Actor | None
) -> Actor | None:
    """A mission qualified by peace words, or a bare one after them: the international body
    named last before it (or none), never the place's or the article's state."""
    actor = mention.actors[0]
    if _national(doc[mention.head], found) or actor.country in ABOVE_STATES:
        return None
    anchor = _international_before(doc, mention, found)
    if kind is None:
        if anchor is None and last is None:
            return None  # a bare "the mission" with no international body told before
        sector = last.sector if last is not None and last.sector else "IGO"
        country = anchor or (last.country if last is not None else None)
        return _marked(actor, country, sector, "the peace mission told before")
    why = f"the body named before ({anchor})" if anchor else "no owner told"
    return _marked(actor, anchor, kind or "IGO", why)


def _owned(
    doc: Doc, mention: Mention, found: DocActors, kind: str | None, last: Actor | None
) -> Actor | None:
    """'the U.N. mission', 'the African Union mission': a body above states owns it in its own
    words, so it keeps that country and is the body's force or observers, not a government."""
    actor = mention.actors[0]
    if actor.country not in ABOVE_STATES or _possessed(doc[mention.head], found):
        return None
    told = last.sector if mention.reference and last is not None else None
    return _marked(actor, actor.country, kind or told or "IGO", f"{actor.country}'s mission")


def _possessed(head: Token, found: DocActors) -> bool:
    """'his U.N. mission', 'Iran's U.N. mission': a state's or an envoy's mission to the body,
    not the body's own; only a possessor above states ("the U.N.'s mission") keeps it."""
    for child in head.children:
        if child.dep_ != "poss":
            continue
        owner = found.by_token.get(child.i)
        if owner is None or not any(a.country in ABOVE_STATES for a in owner.actors):
            return True
    return False


def _international_before(doc: Doc, mention: Mention, found: DocActors) -> str | None:
    """The country of the last actor above states (UNO, IGO, EUR) named before the mission."""
    best: tuple[int, str] | None = None
    for other in found.mentions:
        if other.start >= mention.start:
            continue
        for actor in other.actors:
            if actor.country in ABOVE_STATES and (best is None or other.start > best[0]):
                best = (other.start, actor.country)
    return best[1] if best else None


def _marked(actor: Actor, country: str | None, sector: str, why: str) -> Actor:
    rule = f"{actor.rule}; {PEACE_MISSION_RULE}: {country or 'no country'} {sector}, {why}"
    return replace(actor, country=country, sector=sector, rule=rule)
