"""Tests for the places stage: gazetteer lookups and event-to-place attachment."""

from __future__ import annotations

from importlib import resources

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from gestae.engine.places import (
    Gazetteer,
    PlaceDataError,
    is_place_phrase,
    load_fixed_places,
    locate_event,
    normalize_name,
)
from gestae.engine.rules import Trace
from gestae.input.dateline import read_dateline_place
from gestae.schema import Location

CALAIS_TEXT = (
    "Ministers responsible for migration from Germany, the Netherlands, Belgium and France "
    "will hold a meeting in Calais (northern France) today, Sunday, to discuss the crisis "
    "after the worst drowning of migrants in the English Channel that killed at least 27 "
    "people last Wednesday."
)
CALLED_TEXT = (
    "The British government called on France - on Sunday - again to cooperate in combating "
    "migrant smuggling networks in the English Channel."
)


def _token(doc: Doc, word: str, nth: int = 0) -> Token:
    matches = [t for t in doc if t.text == word]
    return matches[nth]


def _locate(
    nlp: Language, gaz: Gazetteer, text: str, trigger: str, hint: tuple[str, ...] = ()
) -> Location | None:
    doc = nlp(text)
    return locate_event(_token(doc, trigger), gaz, hint)


# --- gazetteer ------------------------------------------------------------------------------


def test_default_is_built_once(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is gaz


def test_city_lookup_has_coordinates_and_admin1(gaz: Gazetteer) -> None:
    calais = gaz.lookup("Calais")
    assert calais is not None
    assert (calais.country, calais.precision, calais.admin1) == ("FRA", "town", "Hauts-de-France")
    assert calais.admin1_code == "32"
    assert calais.lat == pytest.approx(50.95, abs=0.05)
    assert calais.lon == pytest.approx(1.86, abs=0.05)


def test_us_admin1_is_readable(gaz: Gazetteer) -> None:
    atlanta = gaz.lookup("Atlanta")
    assert atlanta is not None
    assert (atlanta.country, atlanta.admin1) == ("USA", "Georgia")


def test_country_has_no_invented_coordinates(gaz: Gazetteer) -> None:
    france = gaz.lookup("France")
    assert france is not None
    assert (france.country, france.precision) == ("FRA", "country")
    assert france.lat is None and france.lon is None


@pytest.mark.parametrize(
    ("name", "expected_name", "country"),
    [
        ("Kiev", "Kyiv", "UKR"),
        ("Kyiv", "Kyiv", "UKR"),
        ("UK", "United Kingdom", "GBR"),
        ("U.S.", "United States", "USA"),
        ("the Netherlands", "The Netherlands", "NLD"),
        ("Russian Federation", "Russia", "RUS"),
        ("New York", "New York City", "USA"),
        # News says "Rio" for Rio de Janeiro, not a Greek village spelt Rio.
        ("Rio", "Rio de Janeiro", "BRA"),
        ("Washington", "Washington", "USA"),
        ("Rafah", "Rafaḩ", "PSE"),
    ],
)
def test_name_variants(gaz: Gazetteer, name: str, expected_name: str, country: str) -> None:
    entry = gaz.lookup(name)
    assert entry is not None
    assert (entry.name, entry.country) == (expected_name, country)


@pytest.mark.parametrize("name", ["EU", "NATO", "God", "Hamas", "Union", "Parliament"])
def test_non_places_do_not_resolve(gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name) is None


def test_state_beats_small_town_but_country_beats_state(gaz: Gazetteer) -> None:
    texas = gaz.lookup("Texas")
    georgia = gaz.lookup("Georgia")
    assert texas is not None and (texas.precision, texas.country) == ("admin1", "USA")
    assert georgia is not None and (georgia.precision, georgia.country) == ("country", "GEO")


def test_country_hint_picks_namesake(gaz: Gazetteer) -> None:
    default = gaz.lookup("Tripoli")
    hinted = gaz.lookup("Tripoli", ["LBN"])
    assert default is not None and default.country == "LBY"
    assert hinted is not None and hinted.country == "LBN"
    assert hinted.lat == pytest.approx(34.43, abs=0.05)
    # alpha-2 hints are accepted too
    hyderabad = gaz.lookup("Hyderabad", ["PK"])
    assert hyderabad is not None and hyderabad.country == "PAK"


def test_weak_hint_does_not_move_a_capital_to_a_small_namesake(gaz: Gazetteer) -> None:
    weak = gaz.lookup("Paris", ["USA"])
    strict = gaz.lookup("Paris", ["USA"], strict=True)
    assert weak is not None and weak.country == "FRA"
    assert strict is not None and (strict.country, strict.admin1) == ("USA", "Texas")


@pytest.mark.parametrize(
    ("name", "canonical", "precision"),
    [
        ("English Channel", "English Channel", "water"),
        ("the Channel", "English Channel", "water"),
        ("Strait of Hormuz", "Strait of Hormuz", "water"),
        ("Gulf of Aden", "Gulf of Aden", "water"),
        ("Mediterranean", "Mediterranean Sea", "water"),
        ("Gaza Strip", "Gaza Strip", "region"),
        ("Donbass", "Donbas", "region"),
        ("Nagorno-Karabakh", "Nagorno-Karabakh", "region"),
    ],
)
def test_water_bodies_and_regions(
    gaz: Gazetteer, name: str, canonical: str, precision: str
) -> None:
    entry = gaz.lookup(name)
    assert entry is not None
    assert (entry.name, entry.precision) == (canonical, precision)
    assert entry.lat is not None and entry.lon is not None


def test_normalize_name() -> None:
    assert normalize_name("  The  Gaza-Strip ") == "gaza strip"
    assert normalize_name("Khān Yūnis") == "khan yunis"
    assert normalize_name("U.K.") == "uk"


def test_shipped_yaml_is_valid() -> None:
    text = (resources.files("gestae.resources") / "data" / "water_bodies.yaml").read_text("utf-8")
    entries = load_fixed_places(text, "water_bodies.yaml")
    assert len(entries) >= 60
    names = {entry.name for entry, _ in entries}
    assert {"Black Sea", "South China Sea", "Golan Heights", "Sahel", "Kashmir"} <= names


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("- {name: Bad Sea, kind: water, lat: 95, lon: 0}", "'Bad Sea'"),
        ("- {name: Odd Sea, kind: lake, lat: 1, lon: 0}", "'kind'"),
        ("- {name: Foo, kind: region, lat: 1, lon: 0, country: France}", "'country'"),
        ("- {kind: water, lat: 1, lon: 2}", "entry 1"),
        ("- {name: A Sea, kind: water, lat: 1, lon: 2, colour: blue}", "unknown keys"),
        ("name: not a list", "expected a list"),
    ],
)
def test_malformed_yaml_names_file_and_entry(text: str, fragment: str) -> None:
    with pytest.raises(PlaceDataError) as info:
        load_fixed_places(text, "broken.yaml")
    assert "broken.yaml" in str(info.value)
    assert fragment in str(info.value)


# --- locate_event: worked examples ------------------------------------------------------------


def test_worked_example_meeting_in_calais(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp(CALAIS_TEXT)
    loc = locate_event(_token(doc, "hold"), gaz)
    assert loc is not None
    assert (loc.name, loc.country, loc.precision) == ("Calais", "FRA", "town")
    assert loc.lat == pytest.approx(50.95, abs=0.05)
    assert loc.lon == pytest.approx(1.86, abs=0.05)
    assert loc.text == "Calais"
    assert CALAIS_TEXT[loc.start : loc.end] == "Calais"


def test_worked_example_relative_clause_takes_modified_noun_place(
    nlp: Language, gaz: Gazetteer
) -> None:
    doc = nlp(CALAIS_TEXT)
    loc = locate_event(_token(doc, "killed"), gaz)
    assert loc is not None
    assert (loc.name, loc.precision, loc.country) == ("English Channel", "water", None)
    assert CALAIS_TEXT[loc.start : loc.end] == "English Channel"


def test_worked_example_place_in_embedded_clause_is_not_the_main_verbs(
    nlp: Language, gaz: Gazetteer
) -> None:
    doc = nlp(CALLED_TEXT)
    assert locate_event(_token(doc, "called"), gaz) is None
    # ...but the embedded event itself does get it
    loc = locate_event(_token(doc, "combating"), gaz)
    assert loc is not None and loc.name == "English Channel"


# --- locate_event: attachment -----------------------------------------------------------------


def test_two_places_each_attach_to_their_own_event(nlp: Language, gaz: Gazetteer) -> None:
    text = "Germany and France signed an agreement in Berlin, while Italy protested in Rome."
    doc = nlp(text)
    signed = locate_event(_token(doc, "signed"), gaz)
    protested = locate_event(_token(doc, "protested"), gaz)
    assert signed is not None and (signed.name, signed.country) == ("Berlin", "DEU")
    assert protested is not None and (protested.name, protested.country) == ("Rome", "ITA")
    assert text[protested.start : protested.end] == "Rome"


def test_near_and_in_in_two_clauses(nlp: Language, gaz: Gazetteer) -> None:
    text = (
        "Police arrested dozens of protesters in Paris on Saturday, "
        "while farmers blocked roads near Lyon."
    )
    doc = nlp(text)
    arrested = locate_event(_token(doc, "arrested"), gaz)
    blocked = locate_event(_token(doc, "blocked"), gaz)
    assert arrested is not None and arrested.name == "Paris"
    assert blocked is not None and blocked.name == "Lyon"


def test_frame_noun_object(nlp: Language, gaz: Gazetteer) -> None:
    loc = _locate(nlp, gaz, "Russian forces shelled the outskirts of Kharkiv overnight.", "shelled")
    assert loc is not None and (loc.name, loc.country) == ("Kharkiv", "UKR")


def test_city_of_prefers_the_more_specific_name(nlp: Language, gaz: Gazetteer) -> None:
    text = "Israeli troops raided a refugee camp in the West Bank city of Jenin."
    loc = _locate(nlp, gaz, text, "raided")
    assert loc is not None
    assert (loc.country, loc.precision, loc.text) == ("PSE", "town", "Jenin")


def test_country_level_place_with_direction_adjective(nlp: Language, gaz: Gazetteer) -> None:
    text = "Turkish jets struck Kurdish positions in northern Syria on Tuesday."
    loc = _locate(nlp, gaz, text, "struck")
    assert loc is not None
    assert (loc.name, loc.country, loc.precision, loc.text) == ("Syria", "SYR", "country", "Syria")
    assert loc.lat is None


def test_water_body_object_and_strait(nlp: Language, gaz: Gazetteer) -> None:
    crossed = _locate(nlp, gaz, "Migrants crossed the Channel from France.", "crossed")
    assert crossed is not None and (crossed.name, crossed.text) == ("English Channel", "Channel")
    hormuz = _locate(
        nlp, gaz, "Iranian boats harassed a tanker in the Strait of Hormuz.", "harassed"
    )
    assert hormuz is not None and (hormuz.name, hormuz.precision) == ("Strait of Hormuz", "water")
    assert hormuz.text == "Strait of Hormuz"


def test_appositive_state_picks_us_namesake(nlp: Language, gaz: Gazetteer) -> None:
    text = "Troops were deployed near Paris, Texas after the storm."
    loc = _locate(nlp, gaz, text, "deployed")
    assert loc is not None and (loc.name, loc.country, loc.admin1) == ("Paris", "USA", "Texas")


def test_country_hint_argument_resolves_ambiguous_town(nlp: Language, gaz: Gazetteer) -> None:
    text = "Two people were killed in a bombing in Tripoli."
    default = _locate(nlp, gaz, text, "killed")
    hinted = _locate(nlp, gaz, text, "killed", ("LBN",))
    assert default is not None and default.country == "LBY"
    assert hinted is not None and hinted.country == "LBN"


def test_sentence_country_acts_as_hint(nlp: Language, gaz: Gazetteer) -> None:
    loc = _locate(nlp, gaz, "Rockets hit the city of Tripoli in Lebanon.", "hit")
    assert loc is not None and (loc.name, loc.country) == ("Tripoli", "LBN")


def test_purpose_clause_shares_main_verb_setting(nlp: Language, gaz: Gazetteer) -> None:
    text = "The president met his Turkish counterpart in Ankara to sign a trade deal."
    loc = _locate(nlp, gaz, text, "sign")
    assert loc is not None and loc.name == "Ankara"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Leaders condemned the attack.", "condemned"),
        ("The minister said in a statement that Iran had violated the deal.", "said"),
        ("Beijing condemned Washington's decision.", "condemned"),
        ("The European Union imposed sanctions on Belarus.", "imposed"),
        ("Russia accused Ukraine of attacking Crimea with drones.", "accused"),
    ],
)
def test_no_place_attached_returns_none(
    nlp: Language, gaz: Gazetteer, text: str, trigger: str
) -> None:
    assert _locate(nlp, gaz, text, trigger) is None


# --- is_place_phrase ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Thousands rallied in Paris on Saturday.", "Paris", True),
        ("Paris canceled London's participation in the summit.", "Paris", False),
        ("Paris canceled London's participation in the summit.", "London", False),
        ("The British government called on France to act.", "France", False),
        ("Officials held talks with Russia in Geneva.", "Russia", False),
        ("Officials held talks with Russia in Geneva.", "Geneva", True),
        (CALAIS_TEXT, "Germany", False),
        (CALAIS_TEXT, "Calais", True),
        ("Militants fired rockets from Gaza at Israel.", "Gaza", True),
        ("Militants fired rockets from Gaza at Israel.", "Israel", False),
        ("Shells landed on the outskirts of Kharkiv.", "Kharkiv", True),
        ("Protests spread in Germany and Austria.", "Austria", True),
        ("Iranian boats harassed a tanker in the Strait of Hormuz.", "Hormuz", True),
        ("A London-based group said it had evidence.", "London", True),
        ("Troops massed near the Gaza border.", "Gaza", True),
        ("Fighting raged in Syria's north.", "Syria", True),
        ("Syria's army shelled the town.", "Syria", False),
        ("Troops withdrew from Afghanistan in 2021.", "Afghanistan", True),
        ("Ukraine received weapons from Germany.", "Germany", False),
        ("Aid to Ukraine was approved.", "Ukraine", False),
        # The small model hangs a name apposed to "the capital" on the verb as an adverb.
        ("Hundreds of protesters marched in the capital, Harare, on Monday.", "Harare", True),
        ("The president flew to the capital, Abuja, on Friday.", "Abuja", True),
        (
            "Residents of Kaseke district, outside the capital, Lusaka, blocked a road.",
            "Lusaka",
            True,
        ),
    ],
)
def test_is_place_phrase(nlp: Language, text: str, word: str, expected: bool) -> None:
    doc = nlp(text)
    assert is_place_phrase(_token(doc, word)) is expected


# --- attachment rules (engine/places/attach.py, context.py) -----------------------------------


def _explained(
    nlp: Language, gaz: Gazetteer, text: str, trigger: str, hint: tuple[str, ...] = ()
) -> tuple[Location | None, list[str]]:
    trace = Trace()
    loc = locate_event(_token(nlp(text), trigger), gaz, hint, trace)
    return loc, trace.ids()


def test_unknown_name_in_a_frame_stays_unresolved(nlp: Language, gaz: Gazetteer) -> None:
    text = "Gunmen killed two guards in the Karoweyn neighbourhood of Mogadishu."
    loc, rules = _explained(nlp, gaz, text, "killed")
    assert loc is not None and (loc.text, loc.precision) == ("Karoweyn", "unresolved")
    assert loc.lat is None and loc.geonameid is None
    assert rules == ["place.argument-phrase"] or rules == ["place.locative-phrase"]


def test_possessive_country_gives_way_to_the_named_town(nlp: Language, gaz: Gazetteer) -> None:
    text = "Police patrolled Indonesia's Ambon city on Monday."
    loc, _ = _explained(nlp, gaz, text, "patrolled")
    assert loc is not None and loc.text == "Ambon"


def test_place_measured_from_is_not_the_place(nlp: Language, gaz: Gazetteer) -> None:
    text = "Rebels captured the town of Kabgayi, five kilometres south of Gitarama."
    loc, _ = _explained(nlp, gaz, text, "captured")
    assert loc is not None and loc.text == "Kabgayi"


def test_event_noun_compound_is_not_a_place(nlp: Language, gaz: Gazetteer) -> None:
    text = "Israel captured the hills in the 1967 Middle East war."
    assert _explained(nlp, gaz, text, "captured")[0] is None


def test_participle_shares_the_clause_place(nlp: Language, gaz: Gazetteer) -> None:
    text = "A rocket hit a bus station in Donetsk, killing eight people."
    loc, rules = _explained(nlp, gaz, text, "killing")
    assert loc is not None and loc.name == "Donetsk"
    assert rules == ["place.enclosing-clause"]


def test_reported_clause_does_not_take_the_speakers_place(nlp: Language, gaz: Gazetteer) -> None:
    text = "The minister said in Paris that rebels had bombed a bridge."
    assert _explained(nlp, gaz, text, "bombed")[0] is None


def test_actor_modifier_is_not_the_place(nlp: Language, gaz: Gazetteer) -> None:
    assert _explained(nlp, gaz, "A Kabul shopkeeper was shot on Monday.", "shot")[0] is None


def test_capital_of_the_named_country(nlp: Language, gaz: Gazetteer) -> None:
    loc, rules = _explained(
        nlp, gaz, "Students marched in the Kenyan capital on Monday.", "marched", ("KEN",)
    )
    assert loc is not None and (loc.name, loc.country) == ("Nairobi", "KEN")
    assert rules == ["place.locative-phrase"]
    # the country's name, or an adjective the article's countries do not give
    for text, city in [
        ("Students marched in Somalia's capital on Monday.", "Mogadishu"),
        ("Students marched in the Sri Lankan capital on Monday.", "Colombo"),
        ("Students marched in the Nigerian capital on Monday.", "Abuja"),
        # demonyms that do not spell their country's name
        ("Students marched in the Swiss capital on Monday.", "Bern"),
        ("Students marched in the Dutch capital on Monday.", "Amsterdam"),
    ]:
        loc = _explained(nlp, gaz, text, "marched")[0]
        assert loc is not None and loc.name == city
    named = "Students marched in Yemen's capital Sanaa on Monday."
    assert (_explained(nlp, gaz, named, "marched")[0] or loc).text == "Sanaa"
    bare = "Students marched in the capital on Monday."
    assert _explained(nlp, gaz, bare, "marched", ("KEN",))[0] is None


def test_dateline_place_for_the_lead_only(nlp: Language, gaz: Gazetteer) -> None:
    text = "KIDAL, Mali (AP) -- Troops attacked a post. Later, rebels burned a truck."
    doc = nlp(text)
    lead = locate_event(_token(doc, "attacked"), gaz)
    assert lead is not None and (lead.name, lead.text) == ("Kidal", "KIDAL")
    assert locate_event(_token(doc, "burned"), gaz) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("KABUL, May 3 (AP) -- Gunmen attacked a base.", "KABUL"),
        ("LONDON (Reuters) - Police arrested a man.", "LONDON"),
        ("NEW DELHI, Jan. 4, 2021 -- Farmers marched.", "NEW DELHI"),
        ("BUTEMBO, Democratic Republic of the Congo, May 2 (AP) - Rebels struck.", "BUTEMBO"),
        ("MOSTAR, Bosnia and Herzegovina (AP) -- Police raided a bar.", "MOSTAR"),
        ("Friends of the Earth - a green group - marched.", None),
        ("Police - the city's only force - marched.", None),
        ("Rebels shelled the town.", None),
    ],
)
def test_read_dateline_place(text: str, place: str | None) -> None:
    found = read_dateline_place(text)
    assert (found.name if found else None) == place
    if found is not None:
        assert text[found.start : found.end] == place


def test_street_is_not_the_town_it_is_named_after(nlp: Language, gaz: Gazetteer) -> None:
    """A street named after a town is never read as the namesake (Haifa Street is in Baghdad,
    not Israel): set in a known town, the event is at that town, with its point; alone, it
    has no country."""
    loc = _locate(nlp, gaz, "Gunmen killed two policemen on Haifa Street in Baghdad.", "killed")
    assert loc is not None
    assert (loc.name, loc.country, loc.precision) == ("Baghdad", "IRQ", "town")
    assert loc.lat is not None
    alone = _locate(nlp, gaz, "Gunmen killed two policemen on Haifa Street.", "killed")
    assert alone is None or alone.country is None


@pytest.mark.parametrize(
    ("name", "town"),
    [
        ("White House", ("Washington", "USA")),
        ("the White House", ("Washington", "USA")),
        ("Kremlin", ("Moscow", "RUS")),
        ("Elysee Palace", ("Paris", "FRA")),
    ],
)
def test_seat_of_government_is_no_namesake_town(
    gaz: Gazetteer, name: str, town: tuple[str, str]
) -> None:
    """'met at the White House' is the institution's seat in its own town (the actor file's
    `town`), never White House, Tennessee."""
    towns = [(e.name, e.country) for e in gaz.candidates(name) if e.precision == "town"]
    assert towns == [town]
