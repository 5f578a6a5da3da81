"""Actors named only by title or sector take no country from the article's context when that
country is where the act goes: one visits another country, faces one across a border, and
strikes one from outside."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Token

from gestae.engine.events.nonpolitical import own_state
from gestae.engine.mentions import FROM_ELSEWHERE
from gestae.engine.places.capitals import capitals
from gestae.engine.records.draft import Draft, same
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.resources.gazetteer import country_names
from gestae.resources.word_classes import words
from gestae.schema import Actor

# A visit made (042) or announced (036, which also holds announced meetings: only a visit
# goes to a country, so the rule needs the country named as where the act goes).
VISIT_CODES = frozenset({"042", "036"})
BORDER_NOUNS = words("border_nouns")


@rule("record.visitor-abroad")
def visitor_abroad(draft: Draft) -> None:
    """A visitor named only by title ("the prime minister") takes no country from an article
    whose context is the very country visited or its capital: one does not visit one's own
    country, so the country stays unknown and the host stays the target. A visit to another
    town of that country may be a trip at home, and keeps it.

    Example: The prime minister visited Kenya on Monday.
    """
    if draft.cameo not in VISIT_CODES:
        return
    strangers = [a for a in draft.sources if _visiting(draft, a)]
    if not strangers:
        return
    _unplace(draft, strangers, f"a visitor is not of the country visited ({strangers[0].country})")
    draft.trace.add("record.visitor-abroad", "the visitor's country is not the host's")


@rule("record.attacker-abroad")
def attacker_abroad(draft: Draft) -> None:
    """Forces named only by sector that strike a country itself ("warplanes bombed Yemen",
    "fired shells into Venezuela") take no country from an article whose context is that
    country: nobody bombs their own state. Strikes on a town or villages of it may be at
    home ("the army shelled villages in Syria") and keep it.

    Example: Warplanes bombed Yemen on Sunday.
    """
    location = draft.location
    if draft.event_type != "ASSAULT" or location is None or location.precision != "country":
        return
    host = location.country
    struck = any(t.kind == "state" and t.country == host and not t.sector for t in draft.targets)
    into = any(c.dep_ == "prep" and c.lower_ == "into" for c in draft.candidate.trigger.children)
    if not (struck or into):
        return
    # With no country yet, the place would give them the struck state's (record.place-country).
    strangers = [
        a
        for a in draft.sources
        if a.kind != "state"
        and (a.country is None or (a.country == host and CONTEXT_COUNTRY in a.rule))
    ]
    if strangers:
        _unplace(draft, strangers, f"forces striking {host} are not its own")
        draft.trace.add("record.attacker-abroad", f"forces striking {host} are not its own")


# Expelling (166), expelling peacekeepers (1661) and deporting (174) send foreigners away.
EXPEL_CODES = frozenset({"166", "1661", "174"})


@rule("record.expeller-abroad")
def expeller_abroad(draft: Draft) -> None:
    """A doer named only by title ("the junta") takes no country from an article whose context
    is the country of those it expels: a state does not expel its own soldiers or deport its
    own citizens, so the country stays unknown.

    Example: The junta ordered the French soldiers to leave within a month.
    """
    if draft.cameo not in EXPEL_CODES:
        return
    expelled = {
        t.country
        for t in draft.targets
        if t.country
        and CONTEXT_COUNTRY not in t.rule
        and not any(same(t, s) for s in draft.sources)  # a target read as the doer itself
    }
    # The place they expel from is theirs ("expelled from Burkina Faso by the junta").
    why = "those it expels ({}) are not its own"
    _disown(draft, expelled, "record.expeller-abroad", why, elsewhere=False)


# Meetings, talks and negotiations (04x) and announced ones (036).
MEETING_ROOT = "04"
MEETING_INTENT = "036"


@rule("record.partner-abroad")
def partner_abroad(draft: Draft) -> None:
    """Doers named only by title or sector ("the foreign minister") take no country from an
    article whose context is the country of the party they meet or negotiate with, when that
    party names its country in its own words ("Iranian officials", "Iran"; "his Chinese
    counterpart", who is by its word the other side's): the guess would make the two one side
    and drop the party met, whom the words name plainly.

    Example: The foreign minister held talks with Iranian officials in Tehran.
    """
    if not (draft.cameo.startswith(MEETING_ROOT) or draft.cameo == MEETING_INTENT):
        return
    if draft.cameo in VISIT_CODES and draft.location is not None:
        return  # a trip to a place of that country may be at home (record.visitor-abroad)
    met = {
        t.country
        for t in draft.targets
        if t.country
        and CONTEXT_COUNTRY not in t.rule
        and any(
            _guessed(s) and (same(s, t) or own_state(s, t) or _counterpart(t))
            for s in draft.sources
        )
    }
    why = "the party met ({}) is not their side"
    _disown(draft, met, "record.partner-abroad", why)


COUNTERPART_NOUNS = words("counterpart_nouns")


def _counterpart(actor: Actor) -> bool:
    """ "met his Chinese counterpart": a counterpart is by its word the other side's."""
    last = actor.text.split()[-1].lower() if actor.text.split() else ""
    return last in COUNTERPART_NOUNS


def _guessed(actor: Actor) -> bool:
    """A doer whose country is only the article context's guess."""
    return actor.kind != "state" and CONTEXT_COUNTRY in actor.rule


PROPOSING_VERBS = words("proposing_verbs")


@rule("record.proposer-abroad")
def proposer_abroad(draft: Draft) -> None:
    """Doers named only by sector take no country from an article whose context is the state
    that proposed, brokered or hosted what they act on ("the rebels accepted a ceasefire
    proposed by Qatar"): a go-between is rarely a side. The event's place may still give it.

    Example: The rebels accepted a ceasefire proposed by Norway.
    """
    why = "the one who proposed it ({}) is not their side"
    _disown(draft, _proposers(draft), "record.proposer-abroad", why, elsewhere=False)


def _proposers(draft: Draft) -> set[str]:
    """The countries a "proposed/brokered/hosted by" phrase on the act's object names."""
    found: set[str] = set()
    verb = draft.candidate.trigger
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj", "pobj", "prep")):
        for clause in (c for c in obj.subtree if c.dep_ == "acl"):
            if clause.lemma_.lower() not in PROPOSING_VERBS:
                continue
            for by in (c for c in clause.children if c.dep_ == "agent"):
                found |= _named_countries(draft, by.subtree)
    return found


def _disown(
    draft: Draft, countries: set[str], rule_id: str, why: str, elsewhere: bool = True
) -> None:
    """Sources named only by title or sector whose country came from the article's context
    and is one of `countries` lose it; `why` names that country at its "{}"."""
    strangers = [
        a
        for a in draft.sources
        if a.kind != "state" and a.country in countries and CONTEXT_COUNTRY in a.rule
    ]
    if strangers:
        text = why.format(strangers[0].country)
        _unplace(draft, strangers, text, elsewhere)
        draft.trace.add(rule_id, text)


def _unplace(draft: Draft, strangers: list[Actor], why: str, elsewhere: bool = True) -> None:
    """The strangers lose the context's country and, with `elsewhere`, are marked as from
    elsewhere (the event's place then gives them no country either)."""
    mark = f": {FROM_ELSEWHERE}" if elsewhere else ""
    draft.sources = [
        replace(a, country=None, rule=f"{a.rule.split('; ')[0]}; {why}{mark}")
        if a in strangers
        else a
        for a in draft.sources
    ]


def _visiting(draft: Draft, actor: Actor) -> bool:
    """The actor got its country from the context, and that country is where the act goes:
    the event's place at country level, or (a noun such as "for a two-day visit", which has no
    place of its own) a country the sentence names."""
    host = actor.country
    if host is None or actor.kind == "state" or CONTEXT_COUNTRY not in actor.rule:
        return False
    location = draft.location
    if location is not None:
        # "will visit Beijing": the capital stands for the state, as the country's name does
        capital = location.name is not None and location.name == capitals().get(host)
        return location.country == host and (location.precision == "country" or capital)
    return any(
        re.search(rf"\b{re.escape(name)}\b", draft.sent.text) for name in country_names(host)
    )


@rule("record.across-border")
def across_border(draft: Draft) -> None:
    """Forces or officials named only by sector take no country from an article whose context
    is the state "the border with" names: that state lies across the border from them.

    Example: The army deployed tanks along the border with Lebanon.
    """
    why = "the state across the border ({}) is not theirs"
    _disown(draft, _across_border(draft), "record.across-border", why)


def _across_border(draft: Draft) -> set[str]:
    """The countries a "border with" phrase of the sentence names."""
    found: set[str] = set()
    for border in (t for t in draft.sent if t.lemma_.lower() in BORDER_NOUNS):
        for prep in (c for c in border.children if c.dep_ == "prep" and c.lower_ == "with"):
            found |= _named_countries(draft, prep.subtree)
    return found


def _named_countries(draft: Draft, tokens: Iterable[Token]) -> set[str]:
    """The countries of the actors the tokens name (the first actor of each mention)."""
    found: set[str] = set()
    for token in tokens:
        mention = draft.actors.at(token)
        if mention is not None and mention.actors and mention.actors[0].country:
            found.add(mention.actors[0].country)
    return found
