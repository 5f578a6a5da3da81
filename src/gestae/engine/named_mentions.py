"""Mentions the dictionary names: an organization, a state by its name, demonym or capital,
and a name the dictionary lacks. The resolver (`gestae.engine.actors`) reads the noun phrase
and decides which of these it is; the builders here only make the mention and say why."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from gestae.engine.mentions import (
    DESCRIBED_PERSON,
    OWNED_BODY,
    TOLD_NATIONALITY,
    DocActors,
    MatchAt,
    Mention,
    choose_entry,
    dictionary_token,
    entry_actor,
    person_name,
    span_actor,
)
from gestae.engine.places import is_place_phrase
from gestae.engine.rules import declare
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.resources.actor_dictionary import ActorEntry
from gestae.resources.word_classes import words
from gestae.schema import Actor, ActorKind

# Entity labels of names the dictionary lacks that may still act ("Action Against Hunger").
UNLISTED_NAME_KINDS: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organization"}
# How a rule says a body whose name ends "of <state>" is that state's.
NAME_OF_STATE_RULE = "actor.name-of-state"
WHO_PERSON_RULE = "actor.who-person"

declare(
    WHO_PERSON_RULE,
    """A name the tagger took for a body but that a relative clause opens with "who" ("X, who
    heads Laos's Open Doors Foundation, said") is a person: "who" is said only of people (a
    body is "which" or "that"). So a later "she" can point to them, and the body they head
    gives their country (actor.heads-body).

    Example: Siriporn Thanawat, who heads Laos's Open Doors Foundation, criticized Vietnam.
    """,
    __name__,
)


def who_clause(head: Token) -> bool:
    """Whether a relative clause on the name opens with "who" or "whom" (not "whose": "a
    firm whose owner" is still a firm)."""
    return any(
        c.dep_ == "relcl"
        and c.i > head.i
        and any(
            g.dep_ in ("nsubj", "nsubjpass", "dobj") and g.lower_ in ("who", "whom")
            for g in c.children
        )
        for c in head.children
    )


@dataclass(frozen=True)
class NounPhrase:
    """A noun phrase being resolved: its head and tokens, the dictionary matches inside it
    (with the entries they stand for) and the span those matches widen it to."""

    head: Token
    tokens: list[Token]
    inner: list[tuple[Span, list[ActorEntry]]]
    entries: list[ActorEntry]
    start: int
    end: int

    @property
    def span(self) -> Span:
        return self.head.doc[self.start : self.end]


def organization_mention(np: NounPhrase, org: ActorEntry, home: str | None = None) -> Mention:
    span = np.span
    if home is not None and home != org.country:
        # "the Peruvian Congress", "Labour" in an Israeli story: that state's own body.
        rule = f"'{span.text}' names a body of several states; here {home}'s"
        own = span_actor(span, "organization", rule, country=home, sector=org.sector)
        return Mention(np.start, np.end, np.head.i, [own], rule)
    actor = entry_actor(span, org)
    return Mention(np.start, np.end, np.head.i, [actor], actor.rule)


CAPITAL_SITE_OWNER = "actor.capital-site-owner"
declare(
    CAPITAL_SITE_OWNER,
    """A capital that owns a public site ("Kyiv's main train station", "Kabul's busiest
    market") is the city, not its government: an act on the site is aimed at the state's
    people, so the actor keeps the country and no sector. The seats of government a capital
    owns (an embassy, a ministry, a palace: not in `city_sites`) stay the government's.

    Example: Russian missiles struck Kyiv's main train station on Monday.
    """,
    __name__,
)
# Public sites a city's name owns as their place (word_classes.yaml `city_sites`).
CITY_SITES = words("city_sites")


def _owns_city_site(head: Token) -> bool:
    """`actor.capital-site-owner`: the name owns a public site ("Kyiv's station")."""
    site = head.head
    owner = head.dep_ == "poss" or (head.dep_ == "compound" and head.i + 1 == site.i)
    return owner and site.pos_ == "NOUN" and site.lemma_.lower() in CITY_SITES


def state_mention(np: NounPhrase, entry: ActorEntry, modifier: str | None) -> Mention | None:
    """A country name, demonym or capital that stands for its state; none where it names the
    place ("in Moscow")."""
    head, span = np.head, np.span
    if entry.role == "capital_metonym" and is_place_phrase(head):
        return None
    if entry.role in ("country_name", "demonym") and is_place_phrase(head):
        return None
    city = entry.role == "capital_metonym" and _owns_city_site(head)
    sector = (None if city else entry.sector) if entry.role == "capital_metonym" else modifier
    rule = {
        "capital_metonym": f"'{span.text}' stands for the government of {entry.country}",
        "demonym": f"demonym '{span.text}' -> {entry.country}",
    }.get(entry.role, f"country name '{span.text}' -> {entry.country}")
    if city:
        rule = (
            f"{CAPITAL_SITE_OWNER}: '{span.text}' owns a public site, the city of {entry.country}"
        )
    actor = Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        country=entry.country,
        sector=sector,
        name=entry.name,
        kind="state",
        wikidata=entry.wikidata,
        rule=f"{rule} ({entry.source})",
    )
    return Mention(np.start, np.end, head.i, [actor], actor.rule)


def unlisted_name(
    np: NounPhrase,
    states: list[ActorEntry],
    of_state: ActorEntry | None = None,
    owner: ActorEntry | None = None,
    home: tuple[str, str] | None = None,
    side: str | None = None,
) -> Mention:
    """A name the dictionary does not know keeps its text, with no country guessed; a body
    whose name ends "of <state>" is that state's (`of_state`, actor.name-of-state), and a
    person a state's name owns ("Uganda's Bobi Wine") or a demonym describes in apposition
    ("X, an Azerbaijani national") is of it (`owner`, actor.told-nationality), as is a body a
    state's name owns ("Senegal's Constitutional Council", actor.owned-body); else one named
    after a town and a title ("Kazan teacher Oleg Sidorov") is of the town's country (`home`,
    actor.place-title)."""
    head, span = np.head, np.span
    kind = UNLISTED_NAME_KINDS[head.ent_type_]
    who = kind == "organization" and who_clause(head)
    kind = "person" if who else kind
    name = (person_name(span) if kind == "person" else None) or span.text
    if name.lower().startswith("the "):
        name = name[4:]
    country = None
    rule = f"named {head.ent_type_} not in the dictionary: no country assumed"
    if who:
        rule = f"{rule}; {WHO_PERSON_RULE}: 'who' tells a person"
    described = [e for e in states if e.role in ("country_name", "demonym")]
    if kind == "person" and described:
        # "US basketball star Brittney Griner", "Iranian activist X": the NP says whose.
        country = described[0].country
        rule = f"named person not in the dictionary, described as {described[0].name}"
    elif kind == "person" and owner is not None:
        country = owner.country
        rule = f"named person not in the dictionary; {TOLD_NATIONALITY}: told {owner.name}"
    elif kind == "person" and home is not None:
        country = home[0]
        rule = f"named person not in the dictionary; {home[1]}"
    named_after = named_after_state(np)
    if kind == "organization" and named_after is not None:
        # "the Pakistani Frontier Corps", "the Iraqi Islamic Party": a body whose name opens
        # with a country or its demonym belongs to that country.
        country = named_after.country
        rule = f"named organization not in the dictionary, named after {named_after.name}"
    elif kind == "organization" and of_state is not None:
        country = of_state.country
        rule = f"{NAME_OF_STATE_RULE}: named organization not in the dictionary, of {of_state.name}"
    elif kind == "organization" and owner is not None:
        country = owner.country
        rule = f"named organization not in the dictionary; {OWNED_BODY}: {owner.name}'s"
    if side is not None:
        rule = f"{rule}; {DESCRIBED_PERSON}: {side}"
    actor = span_actor(span, kind, rule, country=country, sector=side, name=name)
    return Mention(np.start, np.end, head.i, [actor], actor.rule)


# Sectors of a side a modifier gives a named person before a plain noun ("opposition activist
# X", "pro-democracy campaigner X", "student leader X"). Not a state's ("state TV presenter X" is
# no official), nor a fighter's or a former official's: "Islamist preacher X", "retired
# basketball star X", "former militant X" are no rebel and no former official.
DESCRIBED_SIDES = frozenset({"OPP", "CVL", "EDU", "LAB"})

declare(
    DESCRIBED_PERSON,
    """A named person the dictionaries lack, described by a side's modifier before a noun that
    is no title ("opposition activist Ilya Sorokin", "pro-democracy campaigner X"), is a person
    of that side (OPP, CVL, EDU, LAB): the modifier used to leave the whole phrase no actor at
    all. A state's, a fighter's or a former official's modifier ("state TV presenter X",
    "Islamist preacher X", "retired basketball star X") gives none.

    Example: A Belarusian court jailed opposition activist Pavel Sevko on Monday.
    """,
    __name__,
)


def described_side(head: Token, modifier: str | None) -> str | None:
    """The side a modifier gives a named person the dictionaries lack, if it names one."""
    if head.ent_type_ != "PERSON" or modifier not in DESCRIBED_SIDES:
        return None
    return modifier


def state_in_name(head: Token, match_at: MatchAt, found: DocActors) -> ActorEntry | None:
    """ "The Central Bank of Kenya", "the Distilled Spirits Council of the United States": the
    state a body's name ends with, after "of" and inside the tagger's name ("the Friends of
    Syria group" and "the Council of Churches of Kenya", the state outside the name, give none)."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.ent_iob_ != "I":
            continue
        for obj in prep.children:
            named = dictionary_token(obj, match_at) if obj.dep_ == "pobj" else None
            if named is None or obj.ent_iob_ != "I" or obj.ent_type_ != head.ent_type_:
                continue
            entry = choose_entry(match_at[named.i][1], found)
            if entry.kind == "state" and entry.role == "country_name" and entry.country:
                return entry
    return None


def named_after_state(np: NounPhrase) -> ActorEntry | None:
    """The state whose name or demonym opens the phrase's name (after "the")."""
    doc = np.head.doc
    first = np.start + (doc[np.start].dep_ == "det")
    for span, entries in np.inner:
        if span.start != first or span.end > np.head.i:
            continue
        for entry in entries:
            if (
                entry.kind == "state"
                and entry.country
                and entry.role in ("country_name", "demonym")
            ):
                return entry
    return None


def at_home(entry: ActorEntry, found: DocActors) -> ActorEntry:
    """A people without a state ("Baloch", "Kurdish") in an article that clearly concerns one
    of the states it lives in is that state's ("Baloch separatists" in a Pakistan story: PAK
    REB); elsewhere, or with no leading country, it keeps no country."""
    if entry.country is not None or not entry.homes:
        return entry
    home = found.dominant_country()
    if home is None or home not in entry.homes:
        return entry
    return replace(entry, country=home, source=f"{entry.source}; {CONTEXT_COUNTRY} ({home})")


PEOPLE_DEMONYM = "actor.people-demonym"

declare(
    PEOPLE_DEMONYM,
    """A people of several homes or of none listed without a state ("Kurds", "Uyghurs",
    "Tamils") written with the name or demonym of one of its home states ("Iraqi Kurds",
    "Chinese Uyghurs", "Syria's Kurds") is of that state: the words name it, before any
    country the article's context would give (at_home). A state not among its homes
    ("German Kurds") tells where they live, not whose they are: no country.

    Example: Turkish jets bombed Iraqi Kurds near the border on Monday.
    """,
    __name__,
)


def people_home(org: ActorEntry, states: list[ActorEntry]) -> ActorEntry | None:
    """The people's entry given the one home state its phrase names, if it names one."""
    if not org.homes:
        return None
    named = {e.country for e in states if e.country and e.role in ("country_name", "demonym")}
    if len(named) != 1:
        return None
    home = next(iter(named))
    if home not in org.homes:
        return None
    why = f"{org.source.split('; ')[0]}; {PEOPLE_DEMONYM}: of {home}, as its words say"
    return replace(org, country=home, source=why)
