"""A warning a state puts to its own people is advice, not a threat: "the embassy warned its
citizens to leave Haiti", "Britain warned Britons to avoid the border". The same words put to
another party ("warned Manila to stop its provocations") or to a crowd ("police warned
protesters to leave the square") stay coercive warnings (THREATEN)."""

from __future__ import annotations

from gestae.engine.records.departures import OWN_MARKERS
from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.resources.word_classes import words
from gestae.schema import Actor

ADVISED_PEOPLE = words("advised_people")
# Verbs whose object is told to take care: the warning frames of CAMEO 13.
WARNING_LEMMAS = frozenset({"warn", "caution"})
# Sectors of the people a warning may be for their own good: the public, or no sector at all.
PUBLIC_SECTORS = frozenset({None, "CVL"})


def _own_people(draft: Draft, actor: Actor, own: set[str]) -> bool:
    """'its citizens', 'Britons' (the warner's own nationals), 'residents' of its country."""
    if actor.sector not in PUBLIC_SECTORS:
        return False
    span = draft.words_of(actor)
    if span is None:
        return False
    head = span.root.lemma_.lower()
    owned = any(c.dep_ == "poss" and c.lower_ in OWN_MARKERS for c in span.root.children)
    if owned and head in ADVISED_PEOPLE:
        return True
    same_state = actor.country is not None and actor.country in own
    # A demonym names the nation's people ("Britons"); a listed word its public ("residents").
    return same_state and (head in ADVISED_PEOPLE or actor.rule.startswith("demonym"))


@rule("record.own-people-warned")
def own_people_warned(draft: Draft) -> bool:
    """A warning a state or its office gives its own people, for their own good, threatens
    no one: False drops the record. Put to another state, a group or a crowd it stays.

    Example: The Foreign Office warned Britons to avoid all travel to the border area.
    """
    if draft.event_type != "THREATEN" or draft.candidate.entry.lemma not in WARNING_LEMMAS:
        return True
    if not draft.targets:
        return True
    own = {s.country for s in draft.sources if s.country}
    if not all(_own_people(draft, t, own) for t in draft.targets):
        return True
    draft.trace.add("record.own-people-warned", "the warner's own people: advice, no threat")
    return False
