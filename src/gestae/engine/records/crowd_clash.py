"""A clash between a crowd and the police is the crowd's violent protest (CAMEO 145), however the
sentence words it: "protesters and police clashed", "clashes between police and students",
"protesters clashed with security forces"."""

from __future__ import annotations

from gestae.engine.events.protests import RIOT_CODE
from gestae.engine.records.draft import Draft, unique
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import ARMED_SECTORS
from gestae.resources.ontology import Ontology
from gestae.resources.word_classes import words

CLASH_CODE = "190"
# People who take to the streets (not herders or farmers, whose clashes with troops are armed
# ones), and the forces that police them (record.riot-sides).
CROWD_SECTORS = frozenset({"CVL", "EDU", "LAB", "OPP", "REF", "MED", "JRN"})
POLICING_SECTORS = frozenset({"COP", "MIL"})
# Armed sides that are no police force: a clash of theirs with the police is a fight, not a
# riot (record.armed-clash).
FIGHTING_SECTORS = ARMED_SECTORS - POLICING_SECTORS


@rule("record.crowd-clash")
def crowd_clash(draft: Draft, ontology: Ontology) -> None:
    """Crowds do not wage war on the police: a clash whose sides are a crowd and the police or
    troops is the crowd's riot aimed at the forces, one record, not an assault both ways.
    Clashes between armed sides, or with gunmen, stay CAMEO 190.

    Example: Students and riot police clashed in Dhaka on Sunday.
    """
    if draft.cameo != CLASH_CODE or draft.candidate.entry.lemma != "clash":
        return
    sides = unique([*draft.sources, *draft.targets])
    crowd = [a for a in sides if a.sector in CROWD_SECTORS]
    forces = [a for a in sides if a.sector in POLICING_SECTORS]
    if not crowd or not forces or len(crowd) + len(forces) != len(sides):
        return
    draft.sources, draft.targets, draft.reciprocal = crowd, forces, False
    draft.retype(ontology, RIOT_CODE)
    draft.trace.add("record.crowd-clash", f"{crowd[0].label()} against {forces[0].label()}")


@rule("record.armed-clash")
def armed_clash(draft: Draft, ontology: Ontology) -> None:
    """A clash with the police is a riot only when a crowd is on the other side: gunmen,
    rebels or gangs that clash with police, or soldiers with police, fight an armed clash
    (CAMEO 190), whatever word names the police.

    Example: Suspected bandits clashed with police near Kaduna on Sunday.
    """
    if not draft.cameo.startswith(RIOT_CODE) or draft.candidate.entry.lemma != "clash":
        return
    sides = unique([*draft.sources, *draft.targets])
    fighters = [a for a in sides if a.sector in FIGHTING_SECTORS]
    forces_only = len(sides) > 1 and all(a.sector in POLICING_SECTORS for a in sides)
    if not fighters and not forces_only:
        return
    draft.retype(ontology, CLASH_CODE)
    draft.trace.add("record.armed-clash", f"{(fighters or sides)[0].label()} fights, not riots")


# Violent acts a crowd may commit in a riot: storming, attacking, burning property.
RIOT_ACT_CODES = frozenset({"180", "190", "1712"})
PROTEST_CROWDS = words("protest_crowd_nouns")
LETHAL = words("lethal_lemmas")


@rule("record.crowd-riot")
def crowd_riot(draft: Draft, ontology: Ontology) -> None:
    """Protesters who storm a building, attack the police or torch cars are rioting (CAMEO
    145): the crowd is named by its protest, and the act is no armed assault. Taking a life
    stays an assault.

    Example: Demonstrators stormed the electoral commission in Maseru.
    """
    trigger = draft.candidate.trigger
    if draft.cameo not in RIOT_ACT_CODES or not draft.sources or trigger.lemma_ in LETHAL:
        return
    for actor in draft.sources:
        span = draft.words_of(actor)
        if span is None or span.root.lemma_.lower() not in PROTEST_CROWDS:
            return
    draft.trace.add("record.crowd-riot", f"{draft.sources[0].text!r} riot: {RIOT_CODE}")
    draft.retype(ontology, RIOT_CODE)
