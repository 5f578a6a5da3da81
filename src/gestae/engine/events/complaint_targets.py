"""Whom a formal complaint is about when it is lodged with a body above states: "lodged a
complaint with the U.N. over Pakistani shelling" is addressed to the U.N. but aimed at
Pakistan. CAMEO 114 (complain officially) is aimed at the one complained about; a body that
only receives the complaint (an observer mission, the Security Council) is its addressee."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import pobj_actors
from gestae.engine.rules import rule
from gestae.engine.syntax import objects
from gestae.resources.actor_entries import ABOVE_STATES
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

COMPLAINT_CODE = "114"
MATTER_PREPS = words("complaint_matter_preps")


@rule("target.complained-about")
def complained_about(
    ev: Event, token: Token, entry: TriggerEntry, found: list[Mention]
) -> list[Mention]:
    """'lodged a complaint with the U.N. over Pakistani shelling', 'complained to the Security
    Council about Russian strikes': an official complaint whose only target found is a body
    above states (UNO, IGO, EUR) that receives it is aimed at the state or group an "over",
    "about" or "against" phrase names (word class complaint_matter_preps), when one does;
    a complaint to a state ("complained to Somalia over raids") keeps that state.

    Example: India lodged a complaint with the U.N. over Pakistani shelling.
    """
    if not entry.cameo.startswith(COMPLAINT_CODE) or not found:
        return []
    if not all(_international(m) for m in found):
        return []
    holders = [token, *objects(token), *(token.doc[m.head] for m in found)]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in MATTER_PREPS:
                continue
            accused = [
                m
                for m in pobj_actors(ev.grammar, prep, ev.actors)
                if m.actors and not _international(m)
            ]
            if accused:
                return ev.found("target.complained-about", accused)
    return []


def _international(mention: Mention) -> bool:
    return bool(mention.actors) and all(a.country in ABOVE_STATES for a in mention.actors)
