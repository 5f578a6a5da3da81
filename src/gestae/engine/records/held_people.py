"""A person the text names with no country, whom a state's own body arrests, tries,
convicts or frees, is taken to be of that state: holding people is done at home, as
record.coerced-people says of people named only in words (record.held-at-home); and one in a
quarrel with the state or civil bodies of the one country a story is about is of it
(record.home-person). People named only in words whom a state's body detains are civilians
of the place or of that state (record.coerced-people, moved here from fallbacks.py, which
runs all three in order)."""

from __future__ import annotations

from dataclasses import replace

from gestae.engine.mentions import FROM_ELSEWHERE
from gestae.engine.records.countries import (
    context_state_agent,
    give_country,
    home_elsewhere,
    names_people,
)
from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule, rule_id_of
from gestae.engine.sector_cues import STATE_SECTORS
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.resources.word_classes import words
from gestae.schema import Actor

# CAMEO codes of holding a person: arrest and detention (173), a conviction or sentence
# (116), a release (0841). Not a deportation (174): deportees keep their words
# (record.deportees-kept).
HOLDING_CODES = ("173", "116", "0841")
# Quarrels a state's own civil bodies have with people at home: accusations, refusals,
# punishments and bans. Not force (ASSAULT, THREATEN, MOBILIZE), whose victims are often the
# foreign enemy; not protests, often against a foreign leader ("students demonstrated against
# Bush in Ghent"); nor meetings, deals or help, whose partner is often a visitor.
QUARREL_TYPES = frozenset({"ACCUSE", "REJECT", "SANCTION", "COERCE"})
# CAMEO codes of holding, deporting or seizing (and "captured" a prize or a seat): the one
# taken may well be a foreigner caught there ("Venezuelan authorities captured a Colombian
# trafficker"); record.held-at-home reads the arrests of named states' bodies.
TAKING_CODES = ("173", "174", "0841", "19")
# The story must be wholly about its country: so many mentions of it at least (one sentence
# naming a state once is no story about it).
STORY_MENTIONS = 3
# A state's own civil bodies at home: government, lawmakers, courts, police, and its schools.
# Not armed sides, whose foe may come from abroad ("soldiers seized X"), nor crowds or
# parties, who quarrel with foreigners as readily ("a mob captured the pilot").
HOME_BODIES = frozenset({"GOV", "LEG", "JUD", "COP", "EDU"})
# What record.place-country writes into the rule of an actor it gave the event's country.
PLACED = "country from the event's place"


def _home_state(draft: Draft) -> str | None:
    """The one country all sources are state bodies of, if the act fell there or nowhere."""
    countries = {a.country or "" for a in draft.sources}
    if len(countries) != 1 or "" in countries:
        return None
    if not all(a.kind == "state" or a.sector in STATE_SECTORS for a in draft.sources):
        return None
    country = next(iter(countries))
    if any(PLACED in a.rule or CONTEXT_COUNTRY in a.rule for a in draft.sources):
        return None  # a holder given the place's or the article's country says nothing of home
    location = draft.location
    if location is not None and location.country and location.country != country:
        return None  # "arrested in Colombia": the person may be of the place
    if _foreign_named(draft, country):
        return None  # "with help from the CIA, Pakistan captured ...": maybe foreigners
    return country


def _foreign_named(draft: Draft, country: str) -> bool:
    """Another state's actor named in the sentence: the person held may be of it."""
    sent = draft.sent
    return any(
        actor.country and actor.country != country
        for mention in draft.actors.mentions
        if sent.start <= mention.head < sent.end
        for actor in mention.actors
    )


def _stateless_person(actor: Actor) -> bool:
    """A person of no country whose words do not put them abroad ("a foreign journalist")."""
    return actor.kind == "person" and actor.country is None and FROM_ELSEWHERE not in actor.rule


@rule("record.held-at-home")
def held_at_home(draft: Draft) -> None:
    """'an Istanbul court convicted the philanthropist X', 'Hanoi freed the blogger Y': a
    named person of no known country whom one state's own bodies arrest, convict or free,
    where that state's country is the event's place or no place is given and the sentence
    names no other state's actor, is of that state.

    Example: A Cairo court convicted the activist Karim Selim on Monday.
    """
    if not draft.cameo.startswith(HOLDING_CODES) or not draft.targets:
        return
    if not any(_stateless_person(t) for t in draft.targets):
        return
    country = _home_state(draft)
    if country is None:
        return
    held = [t.text for t in draft.targets if _stateless_person(t)]
    draft.targets = [
        replace(t, country=country, rule=f"{t.rule}; held by a body of {country} at home")
        if _stateless_person(t)
        else t
        for t in draft.targets
    ]
    draft.trace.add("record.held-at-home", f"{', '.join(held)}: of {country}, who holds them")


@rule("record.home-person")
def home_person(draft: Draft) -> None:
    """A named person the article gives no country ("the Taliban banned her book", "Mbewe
    took the school to court"), in a quarrel whose other side is all of the one country the
    article is about, is of that country: a story wholly about one state tells its quarrels
    at home, and a foreigner is most often introduced as one ("an Azerbaijani national",
    actor.told-nationality). Not in force, protests, arrests, deportations or seizures,
    meetings, deals or help (an enemy, a foreign leader, a foreigner caught there or a visitor
    may be meant); only in a story naming its country three times or more; only against the
    state or its civil bodies (not armed sides, crowds or parties); not when the act's place
    is elsewhere or the sentence names another state's actor; never for a person the words
    put abroad.

    Example: Kenya's parliament met. Kenya's economy grew. Amos Kiprono accused Kenyan
    officials of lying on Monday.
    """
    if draft.event_type not in QUARREL_TYPES or draft.cameo.startswith(TAKING_CODES):
        return
    country = draft.actors.dominant_country()
    if country is None or draft.actors.country_counts[country] < STORY_MENTIONS:
        return
    sides = [(draft.sources, draft.targets), (draft.targets, draft.sources)]
    location = draft.location
    if location is not None and location.country and location.country != country:
        return
    for mine, theirs in sides:
        if not theirs or not any(_home_candidate(a) for a in mine):
            continue
        if not all(_at_home(a, country) for a in theirs):
            continue
        if _foreign_named(draft, country):
            return
        moved = [a.text for a in mine if _home_candidate(a)]
        mine[:] = [
            replace(a, country=country, rule=f"{a.rule}; of {country}, the story's country")
            if _home_candidate(a)
            else a
            for a in mine
        ]
        draft.trace.add(
            "record.home-person", f"{', '.join(moved)}: of {country}, whose story it is"
        )


def _at_home(actor: Actor, country: str) -> bool:
    """The story's state, or one of its civil bodies, not put abroad."""
    body = (actor.kind == "state" and actor.sector in (None, "GOV")) or actor.sector in HOME_BODIES
    return actor.country == country and body and FROM_ELSEWHERE not in actor.rule


def _home_candidate(actor: Actor) -> bool:
    """A named person of no country, and no sector that could put them abroad."""
    return (
        actor.kind == "person"
        and actor.country is None
        and actor.name is not None
        and FROM_ELSEWHERE not in actor.rule
    )


@rule("record.coerced-people")
def coerced_people(draft: Draft) -> None:
    """People named only in words whom a state's own body detains, bars or punishes are
    civilians of the country where it happened, else of that state: coercion is done at home
    ("Afghan authorities barred girls from school": AFG CVL). Only when every object names
    people, and the sources are of one state. A listed people of one home held elsewhere is
    of its home ("detained 14 Rohingya men" in Bangladesh: MMR CVL).

    Example: Ugandan police detained 40 passengers on Sunday.
    Example: Bangladeshi police detained 14 Rohingya men in Cox's Bazar.
    """
    if draft.targets or not draft.unnamed or draft.event_type != "COERCE":
        return
    if not all(names_people(victim, draft.sent) for victim in draft.unnamed):
        return
    location = draft.location
    states = {a.country for a in draft.sources if a.country and a.sector in STATE_SECTORS}
    if location is not None and location.country:
        country, why = location.country, "where it happened"
    elif len(states) == 1 and all(a.country in states for a in draft.sources):
        country, why = states.pop(), "the state that holds them"
    else:
        return
    draft.targets = [
        victim
        if FROM_ELSEWHERE in victim.rule
        else replace(victim, country=home, sector="CVL", rule=f"{victim.rule}; its home ({home})")
        if (home := home_elsewhere(victim, country))
        else replace(
            victim, country=country, sector="CVL", rule=f"{victim.rule}; {why} ({country})"
        )
        for victim in draft.unnamed
    ]
    draft.trace.add(
        "record.coerced-people",
        ", ".join(t.text for t in draft.targets) + f": civilians of {country}, {why}",
    )


DEPORTING = words("deporting_words")


@rule("record.deportees-not-home")
def deportees_not_home(draft: Draft) -> None:
    """People a state deports are foreigners to it: deported people ("deported 177
    detainees") whose country is only the article's or the place's guess, and that guess is
    the deporting state's own, lose it; no country is better than the wrong one. A demonym or
    a people's name ("40 Uyghurs", "30 Somali traders") keeps its country; evictions and
    expulsions (also CAMEO 174) are left alone, as they are often done to the state's own.

    Example: Kenya's police spoke. Kenya's courts ruled. Kenyan authorities deported 50 detainees to Ethiopia on Monday.
    """
    if draft.candidate.trigger.lemma_.lower() not in DEPORTING or not draft.targets:
        return
    homes = {a.country for a in draft.sources if a.country}
    guessed = [
        t
        for t in draft.targets
        if t.kind != "state"
        and t.country in homes
        and (CONTEXT_COUNTRY in t.rule or PLACED in t.rule)
    ]
    if not guessed:
        return
    draft.targets = [
        replace(t, country=None, rule=f"{t.rule}; deported by its state: no country")
        if t in guessed
        else t
        for t in draft.targets
    ]
    draft.trace.add(
        "record.deportees-not-home", ", ".join(t.text for t in guessed) + ": deported, not its own"
    )


# The step record.context-state-agent leaves when it names the state that held someone.
CONTEXT_AGENT = rule_id_of(context_state_agent)


@rule("record.context-held")
def context_held(draft: Draft) -> None:
    """People named only in words whom the story's state arrested with no agent told ("Five
    people were arrested on Monday", record.context-state-agent) are its civilians, as those
    its named bodies hold are (record.coerced-people): the state holds people at home.

    Example: Ugandan officials spoke on Monday. Five men were arrested in connection with the
    robbery, police said.
    """
    if draft.event_type != "COERCE" or not draft.cameo.startswith(HOLDING_CODES):
        return
    if len(draft.sources) != 1 or not any(s.rule == CONTEXT_AGENT for s in draft.trace.steps):
        return
    country = draft.sources[0].country
    if country is None or not draft.unnamed:
        return
    if not all(names_people(victim, draft.sent) for victim in draft.unnamed):
        return
    give_country(draft, country, False, "record.context-held", "civilians the state holds")
