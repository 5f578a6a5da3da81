"""Who holds a title or agent noun: a member or officer of a listed body ("Hamas militants",
"the UNICEF director"), or one actor per country the phrase belongs to. Split from
sector_mentions.py, which decides which of the two a phrase is.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from gestae.engine.mentions import MatchAt, Mention, actor_kind, entry_actor, person_name
from gestae.engine.rules import declare
from gestae.engine.sector_cues import (
    ARMED_GROUP_FORCES,
    STATE_FORCES,
    SectorCues,
)
from gestae.resources.actor_dictionary import ActorEntry
from gestae.resources.word_classes import words
from gestae.schema import Actor

# Nouns for people who belong to a body named after them ("members of Hamas").
MEMBER_NOUNS = words("member_nouns")
# Member nouns that stand for several people even in the singular.
GROUP_MEMBER_NOUNS = frozenset({"delegation", "staff"})
# Nouns of one holder of a body's office ("director", "spokeswoman") or one of its members.
OFFICE_NOUNS = MEMBER_NOUNS | words("office_nouns")
# How a rule says one holder of a listed body's office is a person of that body.
OFFICE_OF_BODY = "actor.office-of-body: one holder of the listed body's office, a person"
# Titles any body's officer holds: held for a non-state body, they take its sector.
BODY_TITLES = words("body_office_titles")
# How a rule says a state title word ("spokesman": GOV) of a non-state body takes its sector.
BODY_TITLE_SECTOR = "actor.body-title-sector: the title serves the body, the body's sector"
# The sectors a title word gives alone: "spokesman" GOV, "representative" LEG (a member of a
# house); held for a listed body of another sector, the word serves that body.
TITLE_SECTORS = frozenset({"GOV", "LEG"})

SERVICE_OFFICERS = "actor.service-officers"

declare(
    SERVICE_OFFICERS,
    """'officers of the Federal Security Service', 'a Mossad officer': a force's agent noun
    ("officer", "commander", "guard") of a listed intelligence service names its own people,
    SPY, not the army's MIL; a force word before it ("army officers of ...") keeps its own.

    Example: Officers of the Federal Security Service detained a Latvian trader.
    """,
    __name__,
)


def member_of(
    span: Span,
    head: Token,
    cues: SectorCues,
    org: ActorEntry,
    bits: list[str],
    one_person: bool = False,
) -> Mention:
    """A member of a listed group ("Hamas militants") is of the group's country; an armed
    group keeps its own sector. One person ("the chairman of the AU Commission") is a person
    whose name the text may give beside it, not the body's."""
    sector = cues.sector or org.sector
    if sector in TITLE_SECTORS and body_title(cues, head) and org.sector not in ("GOV", None):
        # "the UNICEF spokesman", "the ICJ president": the title serves the body's work.
        sector = org.sector
        bits.append(BODY_TITLE_SECTOR)
    if org.sector in ("REB", "UAF"):
        sector = cues.noun_sector or org.sector
        if sector in STATE_FORCES:
            # "anti-Balaka militias", "a Taliban commander": a non-state group's own fighters
            # are of its side, not a state's army (rule actor.armed-group-forces).
            sector = org.sector
            bits.append(ARMED_GROUP_FORCES)
    if org.sector == "SPY" and sector in ("MIL", "COP") and cues.modifier is None:
        # "officers of the State Security Service", "an FSB agent": a listed intelligence
        # service's officers are spies, not soldiers (rule actor.service-officers).
        sector = org.sector
        bits.append(f"{SERVICE_OFFICERS}: the officers of an intelligence service are SPY")
    bits.append(f"organization {org.name} ({org.source})")
    rule = "; ".join(bits)
    name = person_name(span)
    kind = actor_kind("person" if name or one_person else "organization")
    actor = Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        country=org.country,
        sector=sector,
        name=name or (None if one_person else org.name),
        kind=kind,
        wikidata=org.wikidata,
        rule=rule,
    )
    body = entry_actor(span, org)
    return Mention(span.start, span.end, head.i, [actor], rule, body=body)


def body_title(cues: SectorCues, head: Token) -> bool:
    """One holder of a title any body's officer holds ("spokesman", "special envoy"), set by
    no modifier; "Quad leaders" are the member states' leaders and stay GOV."""
    return (
        cues.modifier is None
        and cues.title is not None
        and head.tag_ == "NN"
        and head.lemma_.lower() in BODY_TITLES
    )


def one_officer(head: Token, cues: SectorCues) -> bool:
    """One person holding an office or membership: a singular personal title or office noun
    ("director", "commander"), not a body ("the delegation") or a plural."""
    if head.tag_ != "NN" or head.lemma_.lower() in GROUP_MEMBER_NOUNS:
        return False
    if cues.title is not None:
        return cues.title.kind == "person"
    return head.lemma_.lower() in OFFICE_NOUNS


def holders(
    span: Span,
    head: Token,
    cues: SectorCues,
    countries: list[str | None],
    partners: list[tuple[ActorEntry, Token]],
    match_at: MatchAt,
    rule: str,
) -> Mention:
    """One actor per country the phrase belongs to, and the organizations listed with them."""
    name = person_name(span)
    is_person = (cues.title is not None and cues.title.kind == "person") or bool(name)
    kind = actor_kind("person" if is_person else "group")
    actors = [
        Actor(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            country=country,
            sector=cues.sector,
            name=name,
            kind=kind,
            rule=rule,
        )
        for country in countries
    ]
    for partner, token in partners:
        listed = entry_actor(match_at[token.i][0], partner)
        actors.append(replace(listed, rule=f"{rule}; listed with them: {partner.name}"))
    return Mention(span.start, span.end, head.i, actors, rule)
