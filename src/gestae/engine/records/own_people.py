"""The source's own people an act sends, recalls or moves are no target of it: 'recalled its
ambassador', 'the withdrawal of forces by America'. With them gone, the rules after may still
find whom the act is aimed at (record.implicit-target)."""

from __future__ import annotations

from gestae.engine.events.codes import OWN_FORCE_CODES
from gestae.engine.records.draft import Draft, state_of
from gestae.engine.rules import rule
from gestae.engine.sector_cues import STATE_FORCES
from gestae.schema import Actor

OWN_POSSESSIVES = ("its ", "their ", "his ", "her ")
# Acts that send or call back one's own envoys, staff or forces (recalls, withdrawn missions,
# deployments); acts done to people (arrests, releases) often are to one's own nationals.
SENDING_TYPES = frozenset({"SANCTION", "MOBILIZE"})
# Downgrading or breaking diplomatic ties (161): the host of the envoy is whom it is aimed at.
ENVOY_TIES = "161"
# PLOVER's SANCTION mode for one's own envoys, staff or peacekeepers called back.
WITHDRAW_MODE = "withdraw"


def _head_lemma(draft: Draft, actor: Actor) -> str:
    words = draft.words_of(actor)
    return words.root.lemma_.lower() if words is not None else ""


def _own_envoy(draft: Draft, actor: Actor) -> bool:
    """The entry's own object word ('recall ambassador'), held by the source: 'its' words or
    the source's own country."""
    if _head_lemma(draft, actor) not in draft.candidate.entry.obj:
        return False
    own = {s.country for s in draft.sources if s.country}
    # What the source withdraws (PLOVER mode withdraw: "withdrew peacekeepers from the
    # border"), named with no country, is its own; what it expels is another's.
    withdrawn = draft.mode == WITHDRAW_MODE and actor.country is None
    return (
        withdrawn
        or actor.text.lower().startswith(OWN_POSSESSIVES)
        or (actor.country is not None and actor.country in own)
    )


@rule("record.own-envoy")
def own_envoy(draft: Draft) -> None:
    """'France recalled its ambassador', 'both countries withdrew their ambassadors': the
    envoy or staff the entry names as what the act moves is the source's own, not whom the act
    is aimed at; a named foreign one stays ("expelled the Russian ambassador").

    Example: Peru recalled its ambassador on Monday after Chile closed the border.
    """
    if draft.event_type not in SENDING_TYPES:
        return  # "released 40 activists", "captured smugglers": one's own people acted on
    dropped = [a.text for a in (*draft.targets, *draft.unnamed) if _own_envoy(draft, a)]
    if not dropped:
        return
    draft.targets = [a for a in draft.targets if not _own_envoy(draft, a)]
    draft.unnamed = [a for a in draft.unnamed if not _own_envoy(draft, a)]
    draft.trace.add("record.own-envoy", f"{', '.join(dropped)}: the source's own, no target")
    envoy_host(draft)


@rule("record.envoy-host")
def envoy_host(draft: Draft) -> None:
    """'Mexico closed its embassy in Ecuador': a state that recalls its envoy or closes its
    mission where the act's place says, with no other target, downgrades its ties with the
    state of that place; a place at home ("closed its consulate in Chicago") names none.

    Example: Peru closed its embassy in Caracas on Monday.
    """
    location = draft.location
    if draft.targets or not draft.cameo.startswith(ENVOY_TIES):
        return
    if location is None:
        envoys_swapped(draft)
        return
    host = location.country
    if not host or any(s.country == host for s in draft.sources):
        return
    draft.targets = [state_of(location, host, "target: the state that hosted the mission")]
    draft.trace.add("record.envoy-host", f"the mission was in {host}")


# Words that make a compound doer the two parties of a tie: "both countries", "the two sides".
PAIR_WORDS = frozenset({"both", "two"})


@rule("record.envoys-swapped")
def envoys_swapped(draft: Draft) -> None:
    """'Egypt and Turkey fell out in 2013, when both countries withdrew their ambassadors':
    two states named as "both" or "the two" that call back their own envoys, with no host
    named, downgrade their ties with each other; the pairs go both ways. Without those words
    ("France and Germany recalled their ambassadors") the host may be a third state.

    Example: Ties froze in 2013, when both Egypt and Turkey withdrew their ambassadors.
    """
    states = {s.country for s in draft.sources if s.country}
    if len(draft.sources) != 2 or len(states) != 2:
        return
    subject = [c for c in draft.candidate.trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not any(t.lower_ in PAIR_WORDS for s in subject for t in s.subtree):
        return
    draft.reciprocal = True
    draft.trace.add("record.envoys-swapped", "the two states call back their envoys")


def _moved_force(draft: Draft, actor: Actor) -> bool:
    """Forces of no country named as the act noun's 'of' patient ("the withdrawal of forces");
    not whom a verb acts toward ("surrendered to US-backed forces")."""
    if actor.country is not None or actor.sector not in STATE_FORCES:
        return False
    words = draft.words_of(actor)
    of = words.root.head if words is not None else None
    trigger = draft.candidate.trigger
    return of is not None and of.lower_ == "of" and of.head.i == trigger.i


@rule("record.moved-force")
def moved_force(draft: Draft) -> None:
    """'the withdrawal of forces by America', 'the deployment of troops': what a
    mobilization, demobilization or retreat moves is the source's own force; forces named
    with no country are that force, not the act's target.

    Example: Nairobi welcomed the withdrawal of troops by Uganda on Monday.
    """
    if not draft.cameo.startswith(OWN_FORCE_CODES) or not draft.sources:
        return
    dropped = [a.text for a in draft.targets if _moved_force(draft, a)]
    if not dropped:
        return
    draft.targets = [a for a in draft.targets if not _moved_force(draft, a)]
    draft.trace.add("record.moved-force", f"{', '.join(dropped)}: the force moved, no target")
