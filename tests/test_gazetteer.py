"""The cities500 gazetteer and the location record (issue 16); every sentence is invented."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gestae.engine.pipeline import Coder
from gestae.errors import DataError
from gestae.resources.gazetteer import Gazetteer, unresolved_place
from gestae.resources.loader import package_data
from gestae.resources.place_index import INDEX_FILE, PlaceIndex, admin_keys, normalize_name
from gestae.schema import LOCATION_PRECISIONS, Article, EventRecord
from tests.coding import place_on


def _events(coder: Coder, text: str) -> list[EventRecord]:
    return [r for r in coder.code(Article(id="t", text=text)) if r.kind == "event"]


# --- coverage --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Kidal", "MLI"),  # a desert town of 25,000
        ("Bakwa", "COD"),
        ("Ansongo", "MLI"),  # villages under 5,000: new with cities500
        ("Zaitseve", "UKR"),
        ("Taoudenni", "MLI"),
    ],
)
def test_small_towns_and_villages_are_found(gaz: Gazetteer, name: str, country: str) -> None:
    place = gaz.lookup(name)
    assert place is not None and place.precision == "town" and place.country == country
    assert place.lat is not None and place.lon is not None and place.geonameid is not None


def test_towns_carry_the_admin1_name_and_code(gaz: Gazetteer) -> None:
    calais = gaz.lookup("Calais")
    assert calais is not None
    assert (calais.admin1, calais.admin1_code) == ("Hauts-de-France", "32")
    austin = gaz.lookup("Austin")
    assert austin is not None and (austin.admin1, austin.admin1_code) == ("Texas", "TX")


def test_admin_areas_resolve_under_the_names_news_uses(gaz: Gazetteer) -> None:
    for name in ("Zamfara", "Zamfara State", "Borno"):
        state = gaz.lookup(name)
        assert state is not None and (state.precision, state.country) == ("admin1", "NGA")
        assert state.lat is not None
    helmand = gaz.lookup("Helmand Province")
    assert helmand is not None and (helmand.precision, helmand.name) == ("admin1", "Helmand")
    kivu = gaz.lookup("North Kivu")
    assert kivu is not None and (kivu.precision, kivu.country) == ("admin1", "COD")
    assert admin_keys("Dohuk District", "admin2") == ["dohuk district", "dohuk"]


def test_a_town_beats_the_area_named_after_it(gaz: Gazetteer) -> None:
    # The oblast is officially "Kiev"; the city answers to it as an alternate name.
    kyiv = gaz.lookup("Kiev")
    assert kyiv is not None and (kyiv.name, kyiv.precision) == ("Kyiv", "town")
    gaza = gaz.lookup("Gaza")  # not Mozambique's Gaza Province
    assert gaza is not None and (gaza.country, gaza.precision) == ("PSE", "town")


def test_transliterations_with_apostrophes_match(gaz: Gazetteer) -> None:
    assert normalize_name("Dara\u2019a") == normalize_name("Daraa") == "daraa"
    sanaa = gaz.lookup("Sana'a")
    assert sanaa is not None and sanaa.country == "YEM"


# --- disambiguation --------------------------------------------------------------------------


def test_tripoli_follows_the_countries_of_the_story(gaz: Gazetteer, coder: Coder) -> None:
    libya = gaz.lookup("Tripoli")
    assert libya is not None and libya.country == "LBY"
    lebanon = gaz.lookup("Tripoli", ["LBN"])
    assert lebanon is not None and (lebanon.country, lebanon.admin1) == ("LBN", "Liban-Nord")
    text = (
        "Lebanese soldiers patrolled the northern coast on Monday. "
        "Gunmen attacked a Lebanese army checkpoint in Tripoli on Tuesday."
    )
    place = place_on(coder, text, "attacked")
    assert place is not None and (place.name, place.country) == ("Tripoli", "LBN")


def test_a_story_country_finds_a_town_under_its_other_name(gaz: Gazetteer) -> None:
    # Towns in the US are officially "Palmyra"; Syria's is Tadmur, "Palmyra" only as an
    # alternate name: a Syria story still finds it.
    syria = gaz.lookup("Palmyra", ["SYR"])
    assert syria is not None and (syria.name, syria.country) == ("Tadmur", "SYR")
    anbar = gaz.lookup("Anbar")  # the governorate "Al Anbar" without its article
    assert anbar is not None and (anbar.precision, anbar.country) == ("admin1", "IRQ")


def test_common_words_are_not_places(gaz: Gazetteer) -> None:
    # Villages named "Congress", "Hope" or "Mission" exist; the words must not resolve to them.
    for word in ("Congress", "Hope", "Mission", "Hamas", "Justice"):
        place = gaz.lookup(word)
        assert place is None or place.population >= 5000, (word, place)
    assert gaz.lookup("Parliament") is None
    assert gaz.lookup("East") is None  # a region of Cameroon: not the compass word


def test_other_names_that_are_common_words_are_not_indexed(gaz: Gazetteer) -> None:
    # geonames gives towns other names that are English words or their inflections ("Sues"
    # for Suez, "Drug" for Durg, "Tunes" is a Portuguese village); a Title Case quote names
    # no place with them. A town's English plural spelling ("Marseilles") stays, and so do the
    # official names of large towns named by a word ("Hit", Iraq; "Split", Croatia).
    for word in ("Sues", "Drug", "Tunes", "Rest", "Bust"):
        assert gaz.lookup(word) is None, (word, gaz.lookup(word))
    for name, country in (("Marseilles", "FRA"), ("Hit", "IRQ"), ("Split", "HRV")):
        place = gaz.lookup(name)
        assert place is not None and place.country == country, (name, place)
    vegas = gaz.lookup("Vegas")  # places.yaml city_aliases: the build drops the alternate
    assert vegas is not None and vegas.name == "Las Vegas"


def test_a_common_word_in_a_sentence_stays_no_place(coder: Coder) -> None:
    text = "Protesters marched in Congress on Friday, demanding new elections."
    for record in _events(coder, text):
        assert record.location is None or record.location.name != "Congress"


# --- the location record ---------------------------------------------------------------------


def test_unresolved_place_names_stay_visible(coder: Coder) -> None:
    # A place by the tagger that no gazetteer lists: kept, with no country and no point.
    text = "Gunmen attacked two farmers near the village of Tarkuloma on Sunday."
    place = place_on(coder, text, "attacked")
    assert place is not None
    assert (place.precision, place.text, place.lat, place.country) == (
        "unresolved",
        "Tarkuloma",
        None,
        None,
    )
    assert text[place.start : place.end] == "Tarkuloma"


def test_town_location_has_every_field(coder: Coder) -> None:
    text = "Rebels shelled the town of Kidal on Monday, killing three soldiers."
    place = place_on(coder, text, "shelled")
    assert place is not None
    assert (place.name, place.country, place.precision) == ("Kidal", "MLI", "town")
    assert place.admin1 == "Kidal" and place.admin1_code
    assert place.lat is not None and place.geonameid is not None


def test_precisions_are_the_documented_ones() -> None:
    assert "city" not in LOCATION_PRECISIONS
    assert unresolved_place("Tarkuloma").precision in LOCATION_PRECISIONS


# --- the shipped index ------------------------------------------------------------------------


def test_index_of_another_version_is_refused(tmp_path: Path) -> None:
    stale = tmp_path / INDEX_FILE
    db = sqlite3.connect(stale)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO meta VALUES ('version', '0')")
    db.commit()
    db.close()
    with pytest.raises(DataError, match="make gazetteer"):
        PlaceIndex(stale).places("kidal", alternate=False)
    with pytest.raises(DataError, match="missing"):
        PlaceIndex(tmp_path / "none.sqlite").places("kidal", alternate=False)


def test_index_ships_with_the_package() -> None:
    assert Path(str(package_data(INDEX_FILE))).is_file()


def test_a_town_the_words_spell_beats_a_namesake_of_its_size(gaz: Gazetteer) -> None:
    """Two Ukrainian cities of about 105,000 answer to "Sloviansk" (one of them only by an old
    name); the one whose own name the words spell is meant. A far larger namesake still wins
    over a small town of the exact name."""
    found = gaz.lookup("Sloviansk")
    assert found is not None and found.name == "Slovyansk"
    tripoli = gaz.lookup("Tripoli")
    assert tripoli is not None and tripoli.country == "LBY"


def test_the_holy_cities_go_by_their_english_names(gaz: Gazetteer) -> None:
    # geonames gives "Mecca" and "Medina" officially to small US towns (places.yaml
    # city_aliases): news means Makkah and Madinah.
    for name in ("Mecca", "Medina"):
        found = gaz.lookup(name)
        assert found is not None and found.country == "SAU"
    ohio = gaz.lookup("Medina", ["USA"], strict=True)  # "Medina, Ohio" still finds Ohio's
    assert ohio is not None and ohio.country == "USA"
