"""Who made an arrest that a passive tells without an agent, when the teller is the force
that makes arrests: "Police said 45 protesters were detained", "the army said three
suspects were arrested". The police, the army or a ministry telling its own arrests is the
one that made them, so the record takes the teller, not the bare state of the place or of
the article's context (record.state-agent, record.context-state-agent)."""

from __future__ import annotations

from dataclasses import replace

from gestae.engine.records.codes import DEPORTATION_CODES, STATE_POWER_CODES
from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.engine.syntax import SUBJECT_DEPS, child
from gestae.resources.word_classes import words

SPEECH_VERBS = words("speech_verbs")
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
    trigger = draft.candidate.trigger
    if draft.sources or not draft.cameo.startswith(STATE_POWER_CODES):
        return
    if child(trigger, {"nsubjpass", "auxpass"}) is None or trigger.dep_ != "ccomp":
        return
    say = trigger.head
    if say.lemma_.lower() not in SPEECH_VERBS:
        return
    subject = child(say, SUBJECT_DEPS)
    mention = draft.actors.at(subject) if subject is not None else None
    if mention is None or len(mention.actors) != 1:
        return
    teller = mention.actors[0]
    if teller.kind == "person" or teller.sector not in ARRESTING_SECTORS:
        return
    if draft.cameo.startswith(DEPORTATION_CODES) and CONTEXT_COUNTRY in teller.rule:
        return  # "deported to Niger" may lend the teller the country people are sent to
    where = draft.location.country if draft.location is not None else None
    if where and teller.country and where != teller.country:
        return
    if teller.country is None and where:
        # "The army said ... near Goma": a force with no country of its own is the place's.
        teller = replace(teller, country=where, rule=f"{teller.rule}; of {where}, where it acted")
    draft.sources = [teller]
    draft.trace.add(
        "record.teller-agent", f"{teller.text} tells the act it made ({teller.country})"
    )
