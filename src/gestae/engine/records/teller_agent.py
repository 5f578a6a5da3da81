"""Who made an arrest that a passive tells without an agent, when the teller is the force
that makes arrests: "Police said 45 protesters were detained", "the army said three
suspects were arrested". The police, the army or a ministry telling its own arrests is the
one that made them, so the record takes the teller, not the bare state of the place or of
the article's context (record.state-agent, record.context-state-agent). The same holds for a
force telling the results of its own operation: armed men it killed or captured, hostages it
freed (record.teller-operation), people named only in words that it rescued
(record.teller-rescued-people)."""

from __future__ import annotations

from dataclasses import replace

from gestae.engine.records.codes import (
    DEPORTATION_CODES,
    OPERATION_CODES,
    RESCUE_CODES,
    STATE_POWER_CODES,
)
from gestae.engine.records.countries import names_people
from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.engine.syntax import SUBJECT_DEPS, child
from gestae.resources.word_classes import words
from gestae.schema import Actor

SPEECH_VERBS = words("speech_verbs")
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
# Sectors of armed men a force fights; a force never tells its own dead this way.
ENEMY_SECTORS = frozenset({"REB", "UAF", "INS", "CRM"})
# Forces whose passive reports of fighting tell their own acts.
FIGHTING_SECTORS = frozenset({"COP", "MIL", "SPY"})
# Sectors whose members make arrests, expulsions and bans in their state's name.
ARRESTING_SECTORS = frozenset({"COP", "MIL", "GOV", "JUD", "SPY"})


@rule("record.teller-agent")
def teller_agent(draft: Draft) -> None:
    """An agentless passive arrest, expulsion or ban told by the police, the army, a ministry
    or a court (the subject of the "said" that governs it) was made by that teller. Not a
    teller of another state than the one the arrest's place gives, and not a person or a
    civilian body, who may only report what someone else did.

    Example: Police in Kampala said 12 students were detained on Monday.
    """
    if draft.sources or not draft.cameo.startswith(STATE_POWER_CODES):
        return
    teller = _teller(draft, ARRESTING_SECTORS)
    if teller is None:
        return
    if draft.cameo.startswith(DEPORTATION_CODES) and CONTEXT_COUNTRY in teller.rule:
        return  # "deported to Niger" may lend the teller the country people are sent to
    _make_doer(draft, teller, "record.teller-agent", "tells the act it made")


@rule("record.teller-operation")
def teller_operation(draft: Draft) -> None:
    """A security force telling in the agentless passive that armed men were killed, shot
    or captured, or that hostages were freed, tells its own operation: the army (or the
    officer speaking for it) did it. Not its own men (the dead of an ambush are others' act),
    not a civilian body or a civilian person, and not a force of another state than the
    place's.

    Example: The army said 20 insurgents were killed in raids near Maiduguri.
    """
    if draft.sources or not draft.targets:
        return
    if draft.cameo.startswith(OPERATION_CODES):
        if not all(a.sector in ENEMY_SECTORS for a in draft.targets):
            return
    elif not draft.cameo.startswith(RESCUE_CODES):
        return
    teller = _teller(draft, FIGHTING_SECTORS, persons=True)
    if teller is None or any(a.sector == teller.sector for a in draft.targets):
        return
    _make_doer(draft, teller, "record.teller-operation", "tells its own operation")


@rule("record.teller-rescued-people")
def teller_rescued_people(draft: Draft) -> None:
    """A force telling in the agentless passive that people named only in words ("120
    passengers", "all the miners") were rescued or freed did it, as with the hostages it
    names (record.teller-operation): those words are no target until the last fallbacks,
    so that rule does not see them. Not "were released" (captors release, forces free), not
    words that name no people ("the town was freed"), and the same limits on the teller.

    Example: The navy said 40 passengers were rescued from the sinking ferry.
    """
    if draft.sources or draft.targets or not draft.unnamed:
        return
    if (
        not draft.cameo.startswith(RESCUE_CODES)
        or draft.candidate.trigger.lemma_.lower() == "release"
    ):
        return
    if not all(names_people(a, draft.sent) for a in draft.unnamed):
        return
    teller = _teller(draft, FIGHTING_SECTORS, persons=True)
    if teller is not None:
        _make_doer(draft, teller, "record.teller-rescued-people", "tells its own rescue")


def _teller(draft: Draft, sectors: frozenset[str], persons: bool = False) -> Actor | None:
    """The one actor that tells an agentless passive act ("the army said ... were detained",
    "... were killed or captured, the police said"), when it is a body of `sectors` (or, with
    `persons`, an officer of one: "General Musa said 30 bandits were killed")."""
    verb = draft.candidate.trigger
    passive = child(verb, PASSIVE_DEPS) is not None
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head  # "were either killed or captured": the first verb holds the "were"
        passive = passive or child(verb, PASSIVE_DEPS) is not None
    if not passive or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    subject = child(verb.head, SUBJECT_DEPS)
    mention = draft.actors.at(subject) if subject is not None else None
    if mention is None or len(mention.actors) != 1:
        return None
    teller = mention.actors[0]
    if (teller.kind == "person" and not persons) or teller.sector not in sectors:
        return None
    return teller


def _make_doer(draft: Draft, teller: Actor, rule_id: str, says: str) -> None:
    """The teller as the act's doer: not when it belongs to another state than the act's
    place; a force with no country of its own ("the army said ... near Goma") is the place's."""
    where = draft.location.country if draft.location is not None else None
    if where and teller.country and where != teller.country:
        return
    if teller.country is None and where:
        teller = replace(teller, country=where, rule=f"{teller.rule}; of {where}, where it acted")
    draft.sources = [teller]
    draft.trace.add(rule_id, f"{teller.text} {says} ({teller.country})")
