"""People named only in words whom a state helps, asks or backs at home, or whom an
international body reaches in a story about one state, are that state's civilians
(`record.story-people`): the non-violent counterpart of record.coerced-people and
record.context-victims, which leave out state doers and help."""

from __future__ import annotations

from gestae.engine.mentions import FROM_ELSEWHERE
from gestae.engine.records.countries import give_country, unplaced_context
from gestae.engine.records.draft import Draft
from gestae.engine.records.held_people import STORY_MENTIONS
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.schema import Actor

# Force and coercion: a state's forces strike and hold foreigners too (record.coerced-people
# and record.context-victims decide those).
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"})
# Bodies of no state of their own: the U.N. and other international or aid organisations.
STATELESS_BODIES = frozenset({"UNO", "IGO", "NGO"})


@rule("record.story-people")
def story_people(draft: Draft) -> None:
    """People named only in words ("190 passengers", "the people", "a million people") whom a
    rescue, aid, appeal or support reaches, in a story wholly about one state (named three
    times or more and leading two to one) with no place of another country, are civilians of
    that state when the doers are its own, by their own words, or a body of no state (the
    U.N., an aid group): a state helps and asks its own people at home, and what the U.N.
    does in a story about Myanmar reaches Myanmar's people. Not force or coercion, whose
    victims may be foreigners; not when another state is named in the sentence (the people
    may be its); not doers given the article's country only by context (record.context-people).

    Example: Nepal's army said on Monday it rescued 40 people. Nepal's rivers flooded. Nepal's
    government asked for help.
    """
    if draft.event_type in FORCE_TYPES or not draft.sources:
        return
    country = unplaced_context(draft)
    if country is None or draft.actors.country_counts[country] < STORY_MENTIONS:
        return
    if not all(_story_doer(a, country) for a in draft.sources):
        return
    if _other_state_named(draft, country):
        return
    why = f"civilians of {country}, whose story it is"
    give_country(draft, country, False, "record.story-people", why)


def _story_doer(actor: Actor, country: str) -> bool:
    """Of the story's state by its own words, or a body of no state."""
    if actor.country in STATELESS_BODIES:
        return True
    if actor.country != country:
        return False
    return CONTEXT_COUNTRY not in actor.rule and FROM_ELSEWHERE not in actor.rule


def _countries_in_sentence(draft: Draft) -> set[str]:
    sent = draft.sent
    return {
        actor.country
        for mention in draft.actors.mentions
        if sent.start <= mention.head < sent.end
        for actor in mention.actors
        if actor.country
    }


def _other_state_named(draft: Draft, country: str) -> bool:
    """A state other than the story's named in the sentence: the people may be its."""
    return bool(_countries_in_sentence(draft) - STATELESS_BODIES - {country})
