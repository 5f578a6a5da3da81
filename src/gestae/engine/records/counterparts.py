"""A counterpart holds the same office on the other side: "met his Chinese counterpart",
"appealed to my Russian colleague". The words give the country but no sector (or the civilian
one a colleague has elsewhere); the office is the one the other party holds."""

from __future__ import annotations

from dataclasses import replace

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.engine.sector_cues import STATE_SECTORS
from gestae.resources.word_classes import words
from gestae.schema import Actor

# "counterpart", "colleague": the holder of the same office elsewhere.
OFFICE_PEERS = words("office_peer_nouns")
# Sectors a peer noun may carry before this rule: none, or a colleague's civilian one.
PEER_SECTORS = (None, "CVL")


def _peer(draft: Draft, actor: Actor) -> bool:
    span = draft.words_of(actor)
    return span is not None and span.root.lower_ in OFFICE_PEERS and actor.sector in PEER_SECTORS


def _office(others: list[Actor]) -> str | None:
    """The one state office the other side holds, if it holds one only."""
    sectors = {a.sector for a in others if a.sector in STATE_SECTORS}
    return next(iter(sectors)) if len(sectors) == 1 else None


@rule("record.counterpart-office")
def counterpart_office(draft: Draft) -> None:
    """'The envoy appealed to his Russian counterpart': a counterpart or colleague of another
    country than the other party's holds that party's office (GOV for a minister or envoy, MIL
    for a general), not a civilian's and not none. A peer of the same country, or of a party
    with no state office, is left as it is.

    Example: Kenya's foreign minister appealed to his Ugandan counterpart to reopen the border.
    """
    moved: list[str] = []

    def fill(actors: list[Actor], others: list[Actor]) -> list[Actor]:
        office = _office(others)
        homes = {a.country for a in others}
        out = []
        for actor in actors:
            if office and actor.country and actor.country not in homes and _peer(draft, actor):
                why = f"the other side's holder of the same office ({office})"
                actor = replace(actor, sector=office, rule=f"{actor.rule}; {why}")
                moved.append(f"'{actor.text}' is {why}")
            out.append(actor)
        return out

    draft.targets = fill(draft.targets, draft.sources)
    draft.sources = fill(draft.sources, draft.targets)
    if moved:
        draft.trace.add("record.counterpart-office", "; ".join(moved))
