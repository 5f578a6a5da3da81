"""The place of an incident the article placed a few sentences before: "Gunmen stormed a hotel
in Mogadishu on Friday. ... The attackers held hostages for hours."

News names an incident's place once and goes on telling it without the name. An event that
points back to that incident, by a definite incident noun ("the attack", "the siege") or a
definite doer ("the attackers", "the gunmen"), takes the place of the nearest earlier telling
that has one; an act at a site named before ("arrested two guests at the hotel") takes the
place of that site's nearest earlier mention. The words of the incident come from the dates'
data (`incident_nouns`, `incident_agents` in data/dates.yaml): the same notion of "the same
incident" carries the day (`date.incident-retold`, `date.incident-continues`) and the place.

The carry is kept narrow, since a wrong place is worse than none: it runs after every rule that
reads the sentence itself, within `_REACH` sentences, never into a sentence that names a place
or a nationality of another country, and never past a sentence that names another place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from spacy.tokens import Span, Token

from gestae.engine.date_links import incident_agent, new_telling, refers_back
from gestae.engine.date_periods import words as date_words
from gestae.engine.date_syntax import is_past_event
from gestae.engine.places.match import Match
from gestae.engine.places.phrases import (
    INCIDENT_ACTS,
    PLACE_OBJECT_VERBS,
    SITE_NOUNS,
    is_locative_prep,
    is_place_phrase,
)
from gestae.engine.places.resolver import Resolver
from gestae.engine.syntax import PLACE_ENTITY_TYPES
from gestae.resources.actor_dictionary import ActorDictionary
from gestae.resources.gazetteer import PlaceEntry

# How many sentences back the incident's telling may be.
_REACH = 4
# Determiners of a telling that is not the incident pointed back to: "another attack".
_OTHER = frozenset({"another", "second", "third", "new", "separate"})

SentencePlace = Callable[[Token, Resolver], Match | None]


@cache
def _incident_nouns() -> frozenset[str]:
    return frozenset(date_words().vocabulary.incident_nouns)


def _referring_incident(noun: Token) -> bool:
    """ "the attack", "Friday's siege": a singular incident noun that points back."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _incident_nouns() and refers_back(noun)


def incident_pointed(trigger: Token) -> Token | None:
    """The definite incident noun the event is, or is told through: the trigger itself ("the
    attack"), its subject ("the blast killed five"), the incident it happened in ("were killed
    in the attack") or the one responsibility is claimed for."""
    if _referring_incident(trigger):
        return trigger
    if trigger.pos_ != "VERB":
        return None
    for child in trigger.children:
        if child.dep_ == "nsubj" and _referring_incident(child):
            return child
        if child.dep_ == "prep" and child.lower_ in ("in", "during"):
            found = [o for o in child.children if o.dep_ == "pobj" and _referring_incident(o)]
            if found and is_past_event(trigger):
                return found[0]
        if child.dep_ == "dobj" and child.lower_ == "responsibility":
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "for":
                    found = [o for o in prep.children if o.dep_ == "pobj"]
                    if found and _referring_incident(found[0]):
                        return found[0]
    return None


def incident_doer(trigger: Token) -> Token | None:
    """The definite doer of an incident ("the attackers", "the gunmen") as the active subject
    of a past act: the incident goes on. A past perfect ("had planned") goes back before it."""
    if trigger.pos_ != "VERB" or not is_past_event(trigger):
        return None
    if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in trigger.children):
        return None
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subject is None or incident_agent(subject) is None:
        return None
    return subject


def _is_telling(tok: Token) -> bool:
    """An incident noun ("the blast", "a raid") or a violent act ("stormed", "abducted";
    `incident_acts` in data/places.yaml): words that may tell the incident pointed back to."""
    if tok.pos_ == "NOUN":
        return tok.lemma_.lower() in _incident_nouns()
    return tok.pos_ == "VERB" and tok.lemma_.lower() in INCIDENT_ACTS


def _tellings(
    trigger: Token, is_telling: Callable[[Token], bool]
) -> Iterator[tuple[Token, list[Span]]]:
    """Earlier tellings of the incident (or mentions of the site), nearest first, each with the
    sentences between it and the trigger's; "another attack" ends the look back."""
    sents = list(trigger.doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= trigger.i < s.end)
    for back in range(here - 1, max(-1, here - 1 - _REACH), -1):
        for tok in reversed(sents[back]):
            if not is_telling(tok):
                continue
            if any(c.dep_ in ("det", "amod") and c.lower_ in _OTHER for c in tok.children):
                return
            yield tok, sents[back + 1 : here]
            if new_telling(tok):
                return  # "a bomb attack": the incident's first telling, nothing before it


def definite_site(trigger: Token) -> Token | None:
    """A site the act is done at or to that the text already named: a singular site noun
    (`site_nouns`) with "the" in the trigger's locative phrase ("trapped inside the hotel"),
    or the object or passive subject of an act done to ground (`place_object_verbs`: "stormed
    the hotel"), with no name or place of its own (not "the Kabul hotel", "the hotel in
    Gao")."""
    nouns: list[Token] = []
    if trigger.lemma_.lower() in PLACE_OBJECT_VERBS:  # "took the school to court" is no act there
        nouns.extend(c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass"))
    for prep in trigger.children:
        if prep.dep_ == "prep":
            nouns.extend(o for o in prep.children if o.dep_ == "pobj" and is_locative_prep(prep, o))
    for noun in nouns:
        if noun.tag_ != "NN" or noun.lemma_.lower() not in SITE_NOUNS:
            continue
        if any(c.dep_ in ("compound", "prep", "appos", "nmod", "poss") for c in noun.children):
            continue
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
            return noun
    return None


def _carrier(noun: Token) -> Token | None:
    """The verb an incident noun is the object of ("laid siege to a hotel in Gao"), or whose
    "in" or "under" phrase it is ("were killed in Tuesday's raid on Gao", "came under attack
    near Gao"): its place is the noun's."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("in", "during", "under"):
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    return head if head.pos_ == "VERB" else None


def _states_named(sent: Span, resolver: Resolver) -> set[str | None]:
    """Countries a sentence names by a nationality ("Afghan officials")."""
    found: set[str | None] = set()
    for ent in sent.ents:
        if ent.label_ == "NORP":
            states = ActorDictionary.load().lookup(ent.text)
            found.update(
                resolver.gaz.country_code(e.country)
                for e in states
                if e.kind == "state" and e.country
            )
    return found


def _holds(entry: PlaceEntry | None, place: PlaceEntry) -> bool:
    """`entry` is the carried place or a place around it: its country, its province."""
    if entry is None or entry.country != place.country:
        return False
    if entry.precision == "country":
        return True
    if entry.precision == "admin1":
        return entry.admin1_code == place.admin1_code
    return entry.name == place.name


def _places_named(sent: Span, resolver: Resolver) -> list[PlaceEntry | None]:
    """The places a sentence names: names the tagger calls places, and names in a locative
    phrase whatever the tagger calls them ("in Bamako" tagged an organisation); None for a
    name the gazetteer lacks."""
    found: list[PlaceEntry | None] = []
    inside: set[int] = set()
    for ent in sent.ents:
        if ent.label_ in PLACE_ENTITY_TYPES:
            found.append(resolver.gaz.lookup(ent.text, resolver.hints))
            inside.update(range(ent.start, ent.end))
    for tok in sent:
        if tok.pos_ == "PROPN" and tok.i not in inside and is_place_phrase(tok):
            match = resolver.resolve_name(tok, located=True)
            if match is not None:
                found.append(match.entry)
    return found


def carried(
    trigger: Token, resolver: Resolver, sentence_place: SentencePlace, site: Token | None = None
) -> Match | None:
    """The place of the nearest earlier telling of the incident (or mention of the `site`) that
    has one, when neither the trigger's sentence nor any sentence between names a place other
    than it or around it."""
    sent = trigger.sent
    named = _places_named(sent, resolver)
    if site is None:
        is_telling = _is_telling
    else:
        lemma = site.lemma_.lower()
        is_telling = lambda tok: tok.lemma_.lower() == lemma  # noqa: E731
    for telling, between in _tellings(trigger, is_telling):
        found = sentence_place(telling, resolver)
        verb = _carrier(telling)
        if found is None and verb is not None:
            found = sentence_place(verb, resolver)  # "laid siege to a hotel in Gao"
        if found is None or found.entry is None:
            continue
        place = found.entry
        # the event's sentence, or one between, names another place: not the incident's
        if not all(_holds(e, place) for s in between for e in _places_named(s, resolver)):
            return None
        if not all(_holds(e, place) for e in named):
            return None
        if _states_named(sent, resolver) - {place.country}:
            return None  # "Kenyan troops killed the attackers": another country's act
        return found
    return None
