"""Whom a protest is aimed at when the sentence names no target: a state's seat where it is
held, the state the protesters are "anti-", else the protesters' own state (CAMEO)."""

from __future__ import annotations

from gestae.engine.records.codes import PROTEST_THREAT_CODE
from gestae.engine.records.draft import Draft, state_of, state_words
from gestae.engine.rules import rule
from gestae.resources.word_classes import words
from gestae.schema import Actor, Location


@rule("record.protest-own-state")
def protest_own_state(draft: Draft) -> None:
    """A protest (or a protest announced: THREATEN 133) that names no target is aimed at the
    protesters' own state (CAMEO).

    Example: Thousands of Serbian students protested in Belgrade on Friday.
    """
    protest = draft.event_type == "PROTEST" or draft.cameo.startswith(PROTEST_THREAT_CODE)
    if draft.targets or not protest or not draft.sources:
        return
    aimed = protest_seat(draft) or protest_opposed(draft)
    if aimed:
        draft.targets = aimed
        return
    home = draft.sources[0]
    if not home.country:
        return
    # The target stands on words that name the state or its place ("Serbia", "Belgrade"), not
    # on the protesters' own.
    named = state_words(draft, home.country)
    place = draft.location if draft.location and draft.location.country == home.country else None
    words: Actor | Location = home
    if named is not None and named.kind == "state":
        words = named
    elif place is not None:
        words = place
    draft.targets = [
        state_of(
            words, home.country, "target: a protest with no named target is aimed at its own state"
        )
    ]
    draft.trace.add(
        "record.protest-own-state", f"aimed at the protesters' own state ({home.country})"
    )


# Prepositions that set a protest at a building ("outside the Kenyan embassy", "in front of").
SEAT_PREPS = frozenset({"at", "outside", "near", "before", "opposite", "in"})
PROTEST_SEATS = words("protest_seats")


@rule("record.protest-seat")
def protest_seat(draft: Draft) -> list[Actor]:
    """'demonstrated outside the Kenyan embassy in London': a protest set at a state's seat of
    power is aimed at that state, not at the protesters' own.

    Example: Hundreds rallied outside the Ugandan embassy in Nairobi on Friday.
    """
    verb = draft.candidate.trigger
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in SEAT_PREPS):
        seat = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if seat is not None and seat.lemma_.lower() == "front":  # "in front of the embassy"
            of = next((c for c in seat.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            seat = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if seat is None or seat.lemma_.lower() not in PROTEST_SEATS:
            continue
        mention = draft.actors.at(seat)
        found = [a for a in mention.actors if a.country] if mention is not None else []
        if found:
            draft.trace.add("record.protest-seat", f"set at '{seat.text}': {found[0].label()}")
            return found
    return []


@rule("record.protest-opposed")
def protest_opposed(draft: Draft) -> list[Actor]:
    """'Anti-American protesters', 'an anti-French rally': the state named after "anti-" is
    whom the protest is against, not the protesters' own state.

    Example: Anti-Israeli demonstrators marched through Amman on Friday.
    """
    spans = [(a.start, a.end) for a in draft.sources]
    trigger = draft.candidate.trigger
    if trigger.pos_ == "NOUN":
        spans.append((trigger.idx, trigger.idx + len(trigger.text)))
        spans += [(t.idx, t.idx + len(t.text)) for t in trigger.lefts]
    for state in draft.actors.opposed_states(draft.sent):
        if any(start <= state.start and state.end <= end for start, end in spans):
            draft.trace.add("record.protest-opposed", f"against '{state.text}': {state.country}")
            return [state]
    return []
