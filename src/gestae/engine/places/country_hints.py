"""Which country a place name with namesakes is in: the countries the sentence names, the
cities of 100,000+ the article names (`place.article-city-hint`), and the resolver's own
readings (`place.apposed-area`, `place.held-name`), declared here as the rules they are."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, declare
from gestae.resources.gazetteer import Gazetteer
from gestae.schema import Location


def sentence_country_hints(trigger: Token, gazetteer: Gazetteer) -> list[str]:
    """Countries the sentence names as places (tagged GPE): the first hints for a name."""
    codes: list[str] = []
    for ent in trigger.sent.ents:
        if ent.label_ != "GPE":
            continue
        entry = gazetteer.lookup(ent.text)
        is_country = entry is not None and entry.precision == "country"
        if is_country and entry and entry.country and entry.country not in codes:
            codes.append(entry.country)
    return codes


# A city this large named anywhere in the article hints its country for the other names:
# "Hyderabad" after "Lahore" is Pakistan's, not India's (`place.article-city-hint`).
_HINT_CITY_POPULATION = 100_000
_ARTICLE_HINTS_KEY = "gestae_article_place_hints"


def article_place_hints(doc: Doc, gazetteer: Gazetteer) -> list[str]:
    """Countries of the cities of 100,000+ the article names (tagged GPE), first named first.
    Weaker than the actors' countries, so tried after them."""
    cached = doc.user_data.get(_ARTICLE_HINTS_KEY)
    if isinstance(cached, list):
        return cached
    codes: list[str] = []
    for ent in doc.ents:
        if ent.label_ != "GPE":
            continue
        entry = gazetteer.lookup(ent.text)
        if (
            entry is not None
            and entry.precision == "town"
            and entry.population >= _HINT_CITY_POPULATION
            and entry.country
            and entry.country not in codes
        ):
            codes.append(entry.country)
    doc.user_data[_ARTICLE_HINTS_KEY] = codes
    return codes


declare(
    "place.apposed-area",
    """A country or province written beside a name, also after its settlement noun and an
    apposed area ("X village, Y local government area of Edo State"), rules out the name's
    namesakes elsewhere: with none in that place the name stays unresolved inside it.

    Example: Gunmen killed a farmer in Okha village, Ovia local government area of Edo State.
    """,
    __name__,
)


declare(
    "place.held-name",
    """A town apposed to a holder noun (`holder_nouns`: capital, city, town) or to its "of"
    place is the town the frame names, not a place around it: "the capital of Chad,
    N'Djamena" is N'Djamena, not Chad.

    Example: French troops patrolled the capital of Chad, N'Djamena, on Monday.
    """,
    __name__,
)


declare(
    "place.owner-namesake",
    """A name framed as part of a province, region or country it is written "of" or owned by
    ("the X area of Y province", "Y's X district") is in that owner: a namesake the gazetteer
    knows in another country is not it, and the name stays unresolved inside the owner, so the
    event and its unnamed actors keep the owner's country.

    Example: Gunmen killed five herders in the Dalo area of Kaduna state on Monday.
    """,
    __name__,
)


declare(
    "place.article-city-hint",
    """A city of 100,000+ the article names (tagged a place) hints its country for the
    names with namesakes, after the countries of its actors and of the sentence: "Hyderabad"
    after "Lahore" is in Pakistan, not India.

    Example: Police patrolled Lahore on Friday. Gunmen shot two guards in Hyderabad.
    """,
    __name__,
)


def note_city_hint(
    location: Location, gazetteer: Gazetteer, hints: list[str], trace: Trace
) -> None:
    """Record the hint when the name, read without the article's cities, is elsewhere."""
    alone = gazetteer.lookup(location.text, hints)
    if alone is None or alone.country != location.country:
        trace.add("place.article-city-hint", location.text)
