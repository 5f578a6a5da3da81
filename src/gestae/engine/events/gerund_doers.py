"""Who does the "-ing" act a stance is taken on. News says "Kenya voiced anger at Uganda
closing the border", "lawmakers protested over the army detaining two journalists", "activists
complained about police beating protesters": the party after the preposition does the act the
"-ing" clause tells, so the stance is aimed at that party, and the act is that party's, not the
stance-taker's. The parse often hangs the "-ing" verb on the main verb and leaves the party as
the preposition's object; before, the stance had no target (or a feeling, "anger") and the act
was given to the stance-taker ("Kenya closed the border").

Narrow: only "about", "of", "over", "at" or "against"; only an "-ing" verb with an object of
its own ("prices falling" tells no act) that follows the party's words at once (no comma: "at
the rally, waving flags" is the subject's); never a building or site ("protested at the
embassy demanding ...": the protesters demand).
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import actor_group
from gestae.engine.events.target_search import Search
from gestae.engine.mentions import place_name
from gestae.engine.rules import rule
from gestae.engine.syntax import OBJECT_DEPS, child
from gestae.resources.word_classes import words

GERUND_PREPS = frozenset({"about", "of", "over", "at", "against"})
# Stances: approval, disapproval, rejection, protest (CAMEO 05x, 11x, 12x, 14x).
STANCE_ROOTS = ("05", "11", "12", "14")
# Places a crowd stands at, never the doer of what it demands there.
SITE_WORDS = words("attacked_sites") | words("siege_buildings") | words("protest_seats")
DOER_DEPS = frozenset({"nsubj", "poss"})


def _acting(verb: Token) -> bool:
    """An "-ing" verb telling an act done to something: it has an object of its own."""
    return verb.tag_ == "VBG" and child(verb, OBJECT_DEPS) is not None


def _party(ev: Event, token: Token) -> list[Mention]:
    """The actors the words name; a country's name after "at" is read as a place, so a
    country (never a town) stands for its state here ("anger at Uganda closing ...")."""
    if token.lemma_.lower() in SITE_WORDS:
        return []
    found = [m for m in actor_group(ev.grammar, token, ev.actors) if m.actors]
    if found or token.pos_ != "PROPN":
        return found
    resolver = ev.grammar.resolver
    place = resolver.gazetteer.lookup(place_name(token), ev.actors.countries())
    if place is None or place.precision != "country":
        return []
    state = resolver.place_actor(token, ev.actors)
    return [state] if state is not None else []


def gerund_doer(ev: Event, prep: Token) -> tuple[Token, list[Mention]] | None:
    """The "-ing" verb a stance preposition introduces and the party that does it: the verb's
    own subject ("about police beating protesters"), or the preposition's object followed at
    once by the verb ("over the army detaining two journalists")."""
    if prep.dep_ != "prep" or prep.lower_ not in GERUND_PREPS:
        return None
    for comp in prep.children:
        if comp.dep_ == "pcomp" and _acting(comp):
            doer = child(comp, DOER_DEPS)
            found = _party(ev, doer) if doer is not None else []
            return (comp, found) if found else None
    pobj = child(prep, {"pobj"})
    if pobj is None or pobj.right_edge.i + 1 >= len(pobj.doc):
        return None
    verb = pobj.doc[pobj.right_edge.i + 1]
    hung = (verb.dep_ == "advcl" and verb.head.i == prep.head.i) or (
        verb.dep_ == "acl" and verb.head.i == pobj.i
    )
    if not hung or not _acting(verb):
        return None
    found = _party(ev, pobj)
    return (verb, found) if found else None


@rule("target.gerund-doer")
def stance_gerund_doer(q: Search) -> list[Mention]:
    """A stance on an "-ing" act its preposition's party does ("voiced anger at Uganda closing
    the border", "complained about police beating protesters") is aimed at that party, not at
    the feeling voiced nor at those the act befell.

    Example: Ghana voiced anger at Togo closing the border.
    """
    if q.depth != 0 or not q.ev.entry.cameo.startswith(STANCE_ROOTS):
        return []
    for prep in q.token.children:
        found = gerund_doer(q.ev, prep)
        if found is not None:
            return q.found("target.gerund-doer", found[1])
    return []


@rule("source.gerund-doer")
def act_gerund_doer(ev: Event, current: Token) -> list[Mention] | None:
    """The "-ing" act a stance's preposition introduces is done by the party before it, not by
    the stance-taker ("Kenya voiced anger at Uganda closing the border": Uganda closed it).

    Example: Ghana voiced anger at Togo closing the border.
    """
    if current.dep_ != "advcl" or current.tag_ != "VBG":
        return None
    for prep in current.head.children:
        found = gerund_doer(ev, prep)
        if found is not None and found[0].i == current.i:
            return ev.found("source.gerund-doer", found[1])
    return None
