"""Fallbacks that give an actor named only in words a country: the event's place
(`record.place-country`, not a place merely reached), or the country the article's context
gave the doers (`record.context-people`). Split from `fallbacks`, which runs them in order."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from gestae.engine.acronyms import LISTED_ACRONYM_RULE
from gestae.engine.apposition_context import GUESS_YIELDS_RULE
from gestae.engine.based_groups import BASED_GROUP_RULE
from gestae.engine.body_links import BODY_OFFICERS_RULE
from gestae.engine.body_names import BODY_IN_NAME_RULE
from gestae.engine.country_references import COUNTRY_NOT_MODIFIER_RULE
from gestae.engine.craft_references import CRAFT_IT_RULE
from gestae.engine.diaspora import DIASPORA_RULE
from gestae.engine.events.mentions import FOREIGN_RULE
from gestae.engine.group_references import COMPATRIOTS_RULE, OPPOSED_RULE
from gestae.engine.holders import SERVICE_OFFICERS
from gestae.engine.home_states import ANNOUNCING_RULE
from gestae.engine.indefinite_names import INDEFINITE_NAME_RULE
from gestae.engine.media_workers import OUTLET_RULE
from gestae.engine.mentions import (
    DESCRIBED_PERSON,
    FROM_ELSEWHERE,
    HEADS_BODY_RULE,
    LOCAL_STAFF_RULE,
    OWNED_BODY,
    TOLD_NATIONALITY,
)
from gestae.engine.named_mentions import CAPITAL_SITE_OWNER, PEOPLE_DEMONYM, WHO_PERSON_RULE
from gestae.engine.nationality import FROM_COUNTRY
from gestae.engine.object_pronouns import PARTICIPLE_OBJECT_RULE
from gestae.engine.pair_owners import PAIR_OWNER
from gestae.engine.peace_missions import PEACE_MISSION_RULE
from gestae.engine.people_references import SAME_OFFICE_RULE, SAME_PEOPLE_RULE, SAME_PERSON_RULE
from gestae.engine.place_owners import PLACE_OF, PLACE_TITLE
from gestae.engine.placed_groups import FROM_PLACE_RULE, PLACED_GROUP_RULE
from gestae.engine.protesting_they import PROTESTING_THEY_RULE
from gestae.engine.quote_tellers import QUOTE_TELLER_RULE
from gestae.engine.quoted_speakers import QUOTED_SPEAKER
from gestae.engine.records.codes import STATE_POWER_CODES
from gestae.engine.records.draft import Draft
from gestae.engine.records.removals import is_ouster
from gestae.engine.rules import rule
from gestae.engine.sea_words import FLAG_STATE_RULE
from gestae.engine.sector_cues import (
    DEPUTY_RULE,
    FAITH_ARMED_RULE,
    FORMER_ACADEMIC_RULE,
    MEMBERS_BODY_RULE,
    OWNER_TITLE_RULE,
    REGIONAL_RULE,
    SEPARATIST_PARTY_RULE,
    SERVES_BODY_RULE,
    SIDE_ADHERENTS_RULE,
    SIDE_BODY_RULE,
    STATE_SECTORS,
)
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.engine.sentence_antecedents import (
    FRONTED_IT_RULE,
    JOINED_THEY_RULE,
    RELATIVE_IT_RULE,
    SPEAKER_BODY_RULE,
    SPEAKERS_THEY_RULE,
    SPOKEN_FOR_RULE,
)
from gestae.engine.syntax import prep_child
from gestae.resources.actor_dictionary import ActorDictionary
from gestae.resources.actor_entries import PSEUDO_COUNTRIES
from gestae.resources.word_classes import words
from gestae.schema import Actor, Location

# Nouns for people described by a count or a role ('14 people', 'the passengers').
# People named in words; with the persons told by age or kin ("the widow", "his son").
VICTIM_NOUNS = words("victim_nouns") | words("person_victims") | words("kin_nouns")
# Words that count people ('wounded 20 others', 'hundreds were killed').
COUNTED_VICTIMS = words("counted_victims")
# Prepositions of a place reached or passed (word_classes.yaml).
PATH_PREPS = words("path_preps")


@rule("record.place-country")
def place_country(draft: Draft) -> None:
    """A group named only by what it does ("gunmen", "protesters", "police") whose words give
    no country belongs to the country where the event happened, not to the article's main one.

    Only groups with a sector whose country came from nowhere or from the article's context;
    a country in the words ("Malian troops", "police in Mali") is kept.

    A place the doers reach or pass ("sent soldiers into Somalia": `path_preps`) is where
    they went, not where they are from: it places only the targets
    (`record.place-country-path`).

    Example: A Danish engineer said gunmen killed five villagers near Timbuktu.
    """
    location = draft.location
    if location is None or not location.country or location.precision in ("water", "region"):
        return
    country = location.country
    moved: list[str] = []
    reached = path_place(draft, location)

    def placed(actor: Actor, source: bool = False) -> Actor:
        if not _unplaced(actor) or actor.country == country or (source and reached):
            return actor
        moved.append(actor.text)
        reason = f"country from the event's place, {location.text} ({country})"
        return replace(actor, country=country, rule=f"{actor.rule}; {reason}")

    draft.sources = [placed(a, source=True) for a in draft.sources]
    draft.targets = [placed(a) for a in draft.targets]
    if moved:
        draft.trace.add(
            "record.place-country", f"{', '.join(moved)}: of {country}, where it happened"
        )


@rule("record.place-country-path")
def path_place(draft: Draft, location: Location) -> bool:
    """A country the act's own verb reaches or passes ("sent soldiers into Somalia", "moved
    through Niger": `path_preps`) is where the doers went across a border, not where they
    are from: it gives the sources no country (record.place-country still places the
    targets). A town reached stays theirs ("rebels advanced into Goma"). No country beats a
    wrong one.

    Example: Al-Shabab attacked Kenyan troops after the government sent soldiers into Somalia.
    """
    if not reached_country(draft, location):
        return False
    span = draft.words_of(location)
    kept = [a.text for a in draft.sources if _unplaced(a) and a.country != location.country]
    if kept:
        prep = span.root.head.lower_ if span is not None else ""
        draft.trace.add(
            "record.place-country-path",
            f"{', '.join(kept)}: not of {location.country}, a place reached ({prep} {location.text})",
        )
    return True


def reached_country(draft: Draft, location: Location) -> bool:
    """Whether the act's own verb reaches or passes the country it is placed in."""
    if location.precision != "country":
        return False  # "rebels advanced into Goma": moving within their own country
    span = draft.words_of(location)
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in PATH_PREPS:
        return False
    # "workers crossed into Kuwait and were deported": the others' path
    return bool(span.root.head.head.i == draft.candidate.trigger.i)


def _unplaced(actor: Actor) -> bool:
    """A group, or a person not named, by sector whose own words name no country."""
    unnamed_person = actor.kind == "person" and actor.name is None
    if not (actor.kind == "group" or unnamed_person) or actor.sector is None:
        return False
    if FROM_ELSEWHERE in actor.rule:
        return False  # "foreign troops", "the envoy": not of the place they are in
    return actor.country is None or CONTEXT_COUNTRY in actor.rule


def _sent_to(draft: Draft, country: str) -> bool:
    """The context's state is named where the act sends people ('deported to Honduras')."""
    goal = prep_child(draft.candidate.trigger, "to")
    if goal is None:
        return False
    mentions = (draft.actors.at(t) for t in goal.subtree)
    return any(a.country == country for m in mentions if m is not None for a in m.actors)


# The state's own bodies, whose words stand for the state before any other words of its
# country; not JUD, which holds lawyers too.
STATE_ORGANS = STATE_SECTORS - {"JUD"}


@rule("record.context-state-agent")
def context_state_agent(draft: Draft) -> None:
    """An arrest, expulsion or ban with no named agent and no place ("the book was banned",
    "Khalil's deportation") was done by the state the article is about, as one with a place
    was by the state where it happened (record.state-agent): only a state does these acts.
    Not when the place found has no country (the context may not hold), nor when someone of
    another state is the one held ("a Russian journalist was arrested": arrested where?), nor
    for an ouster ("Assad was ousted"), which a leader's own state does not do to him.

    Example: Uganda's elections are in May. The opposition leader was arrested on Monday.
    """
    if draft.sources or not draft.cameo.startswith(STATE_POWER_CODES) or is_ouster(draft):
        return  # "Assad was ousted": by whom the words do not say, not by his own state
    country = draft.actors.dominant_country()
    if country is None or draft.location is not None:
        return
    if any(
        t.kind in ("person", "group") and t.country not in (None, country, *PSEUDO_COUNTRIES)
        for t in draft.targets
    ):
        return
    if _sent_to(draft, country):
        return  # "were deported to Honduras": where they are sent does not send them
    # The source stands on words that name the state ("Zimbabwe", "Afghan"), else on one of
    # its bodies, else on any words of that country: the last told up to the act's sentence
    # and not the target's (never a later sentence's words).
    at = draft.sent.end_char
    of_country = [
        a
        for m in reversed(draft.actors.mentions)
        for a in m.actors
        if a.country == country and a.start < at and all(a.start != t.start for t in draft.targets)
    ]
    named = (
        next((a for a in of_country if a.kind == "state"), None)
        or next((a for a in of_country if a.sector in STATE_ORGANS), None)
        or next(iter(of_country), None)
    )
    if named is None:
        return
    why = f"source: the state of the article's context ({country}) holds and bans"
    draft.sources = [
        Actor(
            text=named.text,
            start=named.start,
            end=named.end,
            country=country,
            sector="GOV",
            name=named.name if named.kind == "state" else None,
            kind="state",
            rule=why,  # not CONTEXT_COUNTRY: no chain to record.context-people
        )
    ]
    draft.trace.add("record.context-state-agent", f"no named agent, no place: {country} GOV")


def names_people(actor: Actor, sent: Span) -> bool:
    """The words name people ('seven people', 'four villagers', 'dozens of women'), read
    from the parse's lemmas (block offsets are relative to the whole text)."""
    span = sent.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in VICTIM_NOUNS for t in span)


@rule("record.context-people")
def context_people(draft: Draft) -> None:
    """People or things named only in words ("the passengers", "innocent people", "the
    tracks") that the act's sources reach, when those sources got their country only from
    the article's context ("the militants" in a Pakistani story) and no place gives one, are
    of that same country: the doers were put in the article's country, so the incident is
    there, and so are the people in it (civilians, CVL). Things count only when attacked.
    Words with a name, a demonym or a place of their own keep no country (no guess).

    Example: Pakistani police said militants seized a train. The militants freed the women.
    """
    country = unplaced_context(draft)
    if country is None or not draft.sources:
        return
    if not all(a.country == country and CONTEXT_COUNTRY in a.rule for a in draft.sources):
        return
    why = f"of {country}, where the context puts the doers"
    give_country(draft, country, draft.event_type == "ASSAULT", "record.context-people", why)


@rule("record.context-victims")
def context_victims(draft: Draft) -> None:
    """People named only in words ("hundreds of people were killed", "354 passengers were
    freed", "the group said it had killed 10 people") in an act no place puts in a country
    are civilians of the article's country when nobody, or only non-state doers of that
    same country (rebels, gunmen, civilians), reach them: as victims told by their number
    (record.counted-victims). A state's own forces may act abroad ("Israeli troops killed
    20 people" in Gaza), so they give none; nor do things.

    Example: Somali officials spoke on Monday. Since 2009, hundreds of people have been killed.
    """
    country = unplaced_context(draft)
    if country is None:
        return
    if not all(a.country == country and a.sector not in STATE_SECTORS for a in draft.sources):
        return
    why = f"civilians of {country}, the article's country"
    give_country(draft, country, False, "record.context-victims", why)


def unplaced_context(draft: Draft) -> str | None:
    """The article's country, for an act whose place gives none."""
    location = draft.location
    if location is not None and location.country:
        return None  # record.place-country and record.place-victims read the place
    return draft.actors.dominant_country()


# Entity types that name someone or somewhere: such words are no anonymous people.
NAMING_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})


def _names_someone(token: Token) -> bool:
    """A word of a name (a proper noun, or a word the tagger put in a name), not a number."""
    return token.pos_ == "PROPN" or (token.ent_type_ in NAMING_ENTS and not token.like_num)


def give_country(draft: Draft, country: str, things: bool, rule_id: str, why: str) -> None:
    """Unnamed targets with no country of their own take `country` (people as CVL); the
    trace tells `rule_id` which, and `why`."""
    moved: list[str] = []

    def placed(target: Actor) -> Actor:
        if target not in draft.unnamed or target.country is not None:
            return target
        if FROM_ELSEWHERE in target.rule:
            return target  # actor.foreign-people: "foreign nationals" are not the story's
        span = draft.words_of(target)
        # A count the tagger took for a name ("104" tagged ORG) names no one.
        if span is None or any(_names_someone(t) for t in span):
            return target
        people = names_people(target, draft.sent) or (
            draft.event_type == "ASSAULT" and span.root.lower_ in COUNTED_VICTIMS
        )  # "killed five people and injured five others"
        if not (people or things):
            return target
        moved.append(target.text)
        return replace(
            target,
            country=country,
            sector="CVL" if people else target.sector,
            rule=f"{target.rule}; {CONTEXT_COUNTRY} ({country})",
        )

    draft.targets = [placed(t) for t in draft.targets]
    if moved:
        draft.trace.add(rule_id, f"{', '.join(moved)}: {why}")


# Actor rules whose mark in an actor's reason the record's trace repeats, so a rule table row
# can name them.
NOTED_ACTOR_RULES = (
    CAPITAL_SITE_OWNER,
    DEPUTY_RULE,
    SPOKEN_FOR_RULE,
    RELATIVE_IT_RULE,
    FRONTED_IT_RULE,
    HEADS_BODY_RULE,
    SPEAKERS_THEY_RULE,
    SERVES_BODY_RULE,
    REGIONAL_RULE,
    JOINED_THEY_RULE,
    BODY_IN_NAME_RULE,
    DIASPORA_RULE,
    GUESS_YIELDS_RULE,
    WHO_PERSON_RULE,
    SERVICE_OFFICERS,
    FLAG_STATE_RULE,
    LOCAL_STAFF_RULE,
    PLACED_GROUP_RULE,
    SPEAKER_BODY_RULE,
    COUNTRY_NOT_MODIFIER_RULE,
    QUOTE_TELLER_RULE,
    INDEFINITE_NAME_RULE,
    COMPATRIOTS_RULE,
    OPPOSED_RULE,
    PROTESTING_THEY_RULE,
    FROM_PLACE_RULE,
    OWNER_TITLE_RULE,
    SIDE_BODY_RULE,
    SEPARATIST_PARTY_RULE,
    MEMBERS_BODY_RULE,
    FAITH_ARMED_RULE,
    FORMER_ACADEMIC_RULE,
    SIDE_ADHERENTS_RULE,
    SAME_PEOPLE_RULE,
    SAME_PERSON_RULE,
    PARTICIPLE_OBJECT_RULE,
    LISTED_ACRONYM_RULE,
    BODY_OFFICERS_RULE,
    BASED_GROUP_RULE,
    SAME_OFFICE_RULE,
    PEACE_MISSION_RULE,
    CRAFT_IT_RULE,
)


def note_told_nationality(draft: Draft) -> None:
    """Say in the record's trace which participants took the nationality the article told of
    them (actor.told-nationality), the country of the place that owns them (actor.place-of,
    actor.place-title), the states of the pair that owns them (actor.pair-owner), the home
    state a people's words name (actor.people-demonym) or the state whose act a body announces
    (actor.announcing-state), decided when the actors were read."""
    pairs = [a for a in (*draft.sources, *draft.targets) if PAIR_OWNER in a.rule and a.country]
    if pairs:
        owned_by = ", ".join(dict.fromkeys(a.country or "" for a in pairs))
        draft.trace.add(PAIR_OWNER, f"{pairs[0].text}: of {owned_by}, the pair its words name")
    for actor in (*draft.sources, *draft.targets):
        if TOLD_NATIONALITY in actor.rule and actor.country:
            draft.trace.add(TOLD_NATIONALITY, f"{actor.text}: of {actor.country}, as told")
        if FROM_COUNTRY in actor.rule and actor.country:
            draft.trace.add(FROM_COUNTRY, f"{actor.text}: of {actor.country}, as its words say")
        if OUTLET_RULE in actor.rule and actor.country:
            draft.trace.add(OUTLET_RULE, f"{actor.text}: of {actor.country}, its outlet's")
        if FOREIGN_RULE in actor.rule and not actor.country:
            draft.trace.add(FOREIGN_RULE, f"{actor.text}: from abroad, no country")
        if OWNED_BODY in actor.rule and actor.country:
            draft.trace.add(OWNED_BODY, f"{actor.text}: of {actor.country}, as its words say")
        if DESCRIBED_PERSON in actor.rule:
            draft.trace.add(DESCRIBED_PERSON, f"{actor.text}: {actor.sector}, as described")
        if QUOTED_SPEAKER in actor.rule:
            draft.trace.add(QUOTED_SPEAKER, f"{actor.text}: {actor.name or actor.country}")
        for noted in NOTED_ACTOR_RULES:
            if noted in actor.rule:
                draft.trace.add(noted, f"{actor.text}: {actor.label()}")
        for owned in (PLACE_OF, PLACE_TITLE):
            if owned in actor.rule and actor.country:
                draft.trace.add(owned, f"{actor.text}: of {actor.country}, by its place")
        if PEOPLE_DEMONYM in actor.rule and actor.country:
            draft.trace.add(PEOPLE_DEMONYM, f"{actor.text}: of {actor.country}, as its words say")
        if ANNOUNCING_RULE in actor.rule and actor.country:
            draft.trace.add(
                ANNOUNCING_RULE, f"{actor.text}: of {actor.country}, whose act it tells"
            )


def home_elsewhere(victim: Actor, country: str) -> str | None:
    """The one home state of a listed people held away from it ("14 Rohingya men" held in
    Bangladesh are of Myanmar), when `country` is not among its homes; None otherwise."""
    if victim.name is None or victim.country is not None:
        return None
    for entry in ActorDictionary.load().lookup(victim.name):
        if entry.homes and country not in entry.homes:
            return entry.homes[0] if len(entry.homes) == 1 else None
    return None
