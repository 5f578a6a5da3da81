"""A place that acts: "California sued the administration", "Quebec banned the symbols". A
town, province or state inside a country, named as the subject of a non-violent act, stands for
the government that runs it; the dictionaries list countries and their capitals, not these.
Kept apart from sources.py, which holds the subject rules this one falls back from."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.codes import VIOLENT_ROOTS
from gestae.engine.events.context import Event
from gestae.engine.mentions import place_name
from gestae.engine.rules import rule

# Places inside a country whose name can stand for the body that governs them.
GOVERNED_PRECISIONS = frozenset({"town", "admin1", "admin2"})
# The entity labels of a named place.
PLACE_ENTS = frozenset({"GPE"})


@rule("source.place-government")
def place_government(ev: Event, subject: Token) -> list[Mention] | None:
    """A town, province or state named as the subject of a non-violent act ("Texas sued",
    "Quebec banned") is the government that runs it: of its country, sector GOV. A violent
    verb keeps its doer unknown ("Kharkiv shelled" is no act of the city), and a country's own
    name is the dictionaries' to read.

    Example: Quebec banned religious symbols for public servants.
    """
    if subject.pos_ != "PROPN" or subject.ent_type_ not in PLACE_ENTS:
        return None
    if subject.dep_ != "nsubj" or ev.entry.cameo[:2] in VIOLENT_ROOTS:
        return None
    own = ev.actors.at(subject)
    if own is not None and own.actors:
        return None
    gazetteer = ev.grammar.resolver.gazetteer
    place = gazetteer.lookup(place_name(subject), ev.actors.countries())
    if place is None or place.precision not in GOVERNED_PRECISIONS or not place.country:
        return None
    mention = ev.grammar.resolver.place_actor(subject, ev.actors)
    if mention is None or not mention.actors:
        return None
    rule_text = f"source.place-government: '{mention.actors[0].text}' governs itself"
    actor = replace(mention.actors[0], sector="GOV", rule=rule_text)
    governed = Mention(mention.start, mention.end, mention.head, [actor], rule_text)
    return ev.found("source.place-government", [governed], subject.text)
