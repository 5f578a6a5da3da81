"""A person the text names with no country, whom a state's own body arrests, tries,
convicts or frees, is taken to be of that state: holding people is done at home, as
record.coerced-people says of people named only in words."""

from __future__ import annotations

from dataclasses import replace

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.engine.sector_cues import STATE_SECTORS
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.schema import Actor

# CAMEO codes of holding a person: arrest and detention (173), a conviction or sentence
# (116), a release (0841). Not a deportation (174): deportees keep their words
# (record.deportees-kept).
HOLDING_CODES = ("173", "116", "0841")
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
    return actor.kind == "person" and actor.country is None


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
