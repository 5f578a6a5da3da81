"""Names the sentence shows are no place: a captured person, a people (issue 16, precision of
places); sentences invented."""

from __future__ import annotations

import pytest

from gestae.engine.pipeline import Coder
from tests.coding import place_on


@pytest.mark.parametrize(
    "text",
    [
        "Medina, 42, was captured by police in a village on Friday.",
        "Castillo, a rebel commander, was captured by troops in the hills.",
        "The 30-year-old Salinas was captured during a raid north of the border.",
        "Guzman, born in 1960, was captured by soldiers on Friday.",
        "Merida was captured as he left a bar on Sunday.",
        "Toledo and his bodyguards were captured by soldiers on Friday.",
        "A former officer of the presidential guard, Durango was captured by police on Monday.",
    ],
)
def test_a_captured_person_is_not_a_town(coder: Coder, text: str) -> None:
    assert place_on(coder, text, "captured") is None


@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        ("Ferrara was captured by the army after a long siege.", "captured", "Ferrara"),
        ("Rebels captured Goma after the army fled.", "captured", "Goma"),
        # the pronouns are the captors', another party's, or in another act
        ("Kismayo was captured by militias led by Hassan and his brother.", "captured", "Kismayo"),
        ("Rebels shelled Mopti to force the colonel to withdraw his men.", "shelled", "Mopti"),
        ("Alexandria was bombed in 1941, yet she stayed in the city.", "bombed", "Alexandria"),
        ("He was killed in the battle for Tikrit along with his guards.", "killed", "Tikrit"),
    ],
)
def test_a_town_acted_on_is_still_the_place(
    coder: Coder, text: str, trigger: str, name: str
) -> None:
    place = place_on(coder, text, trigger)
    assert place is not None and place.text == name


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Gunmen attacked a cafe in the Druze area of the city.", "attacked"),
        ("Soldiers shelled the Hezbollah area on Sunday.", "shelled"),
        ("Troops attacked the Hamas district of the camp.", "attacked"),
    ],
)
def test_a_people_or_party_named_on_an_area_is_not_a_place(
    coder: Coder, text: str, trigger: str
) -> None:
    assert place_on(coder, text, trigger) is None


@pytest.mark.parametrize(
    ("text", "trigger", "capital"),
    [
        ("Students protested in the Sierra Leonean capital on Friday.", "protested", "Freetown"),
        ("Farmers marched in the Costa Rican capital on Monday.", "marched", "San José"),
    ],
)
def test_a_nationality_before_capital_is_the_capital(
    coder: Coder, text: str, trigger: str, capital: str
) -> None:
    place = place_on(coder, text, trigger)
    assert place is not None and place.name == capital


@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        # money: no article, words of investment in the sentence
        ("The minister praised the growing flow of Indian capital.", "praised", None),
        # the city: an article, or a headline's bare phrase with no money word
        ("Police arrested 40 protesters in the Kenyan capital on Monday.", "arrested", "Nairobi"),
        ("Car bomb kills nine in Somali capital", "bomb kills", "Mogadishu"),
    ],
)
def test_capital_as_money_is_no_city(
    coder: Coder, text: str, trigger: str, name: str | None
) -> None:
    location = place_on(coder, text, trigger)
    assert (location.name if location is not None else None) == name
