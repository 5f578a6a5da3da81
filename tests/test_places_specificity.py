"""Choosing the most specific place, and no place rather than a wrong one (places/specificity)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from gestae.engine.places import Gazetteer, locate_event
from gestae.schema import Location


def _locate(nlp: Language, gaz: Gazetteer, text: str, trigger: str) -> Location | None:
    doc = nlp(text)
    return locate_event(next(t for t in doc if t.text == trigger), gaz)


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # the tagger calls the measured name an organisation; the landmark is not the scene
        (
            "Two engineers were captured as they repaired a bridge at Kabwe Junction, "
            "80 kilometres north of the capital Lusaka.",
            "captured",
            "Kabwe Junction",
        ),
        ("Gunmen shot two farmers in Kasra, just south of Mosul.", "shot", "Kasra"),
        # a known town measured from a landmark is read from the gazetteer
        (
            "A bomber blew himself up at a bus stop near Netanya, about 30 kilometers "
            "northeast of Tel Aviv.",
            "blew",
            "Netanya",
        ),
    ],
)
def test_a_place_measured_from_a_landmark_is_not_the_landmark(
    nlp: Language, gaz: Gazetteer, text: str, trigger: str, place: str
) -> None:
    location = _locate(nlp, gaz, text, trigger)
    assert location is not None
    assert location.text == place


def test_a_measured_unknown_name_keeps_the_landmarks_country(nlp: Language, gaz: Gazetteer) -> None:
    location = _locate(nlp, gaz, "Gunmen shot two farmers in Kasra, just south of Mosul.", "shot")
    assert location is not None
    assert (location.precision, location.country) == ("unresolved", "IRQ")


def test_a_landmark_alone_is_still_the_place(nlp: Language, gaz: Gazetteer) -> None:
    # nothing else is named: the annotation, and a reader, take the landmark
    location = _locate(
        nlp, gaz, "A soldier was shot during an ambush 30 km north of Mosul.", "shot"
    )
    assert location is not None
    assert location.text == "Mosul"


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # the tagger calls the village a facility or an organisation; the district holds it
        ("She was murdered at Kolanur in Tirupur district.", "murdered", "Kolanur"),
        (
            "Militants detonated a bomb at Kulgam Chowk in Anantnag district.",
            "detonated",
            "Kulgam Chowk",
        ),
    ],
)
def test_a_name_inside_a_known_place_is_more_specific_than_it(
    nlp: Language, gaz: Gazetteer, text: str, trigger: str, place: str
) -> None:
    location = _locate(nlp, gaz, text, trigger)
    assert location is not None
    assert location.text == place
    assert location.country == "IND"


def test_a_named_building_in_a_town_still_gives_way_to_the_town(
    nlp: Language, gaz: Gazetteer
) -> None:
    text = "Protesters demonstrated outside the Grand Hotel in Warsaw on Friday."
    location = _locate(nlp, gaz, text, "demonstrated")
    assert location is not None
    assert location.text == "Warsaw"


@pytest.mark.parametrize(
    ("text", "trigger", "place", "precision"),
    [
        # the tagger calls the township a nationality; it lies in the town named before it
        (
            "One activist was shot dead Sunday in the Harare township of Mabvuku.",
            "shot",
            "Mabvuku",
            "unresolved",
        ),
        # a namesake abroad (Dora, Alabama) is not the part of Baghdad the frame names
        (
            "A bomb killed two policemen in the Baghdad district of Dora on Sunday.",
            "killed",
            "Dora",
            "unresolved",
        ),
    ],
)
def test_a_part_a_frame_names_after_its_town_is_the_place(
    nlp: Language, gaz: Gazetteer, text: str, trigger: str, place: str, precision: str
) -> None:
    location = _locate(nlp, gaz, text, trigger)
    assert location is not None
    assert (location.text, location.precision) == (place, precision)
    assert location.country in ("ZWE", "IRQ")


def test_a_frame_named_before_its_town_keeps_its_own_name(nlp: Language, gaz: Gazetteer) -> None:
    # "the X neighbourhood of Baghdad": the name on the frame is the part, Baghdad the whole
    text = "A bomb exploded in a market in the Karrada neighbourhood of Baghdad, killing nine."
    location = _locate(nlp, gaz, text, "exploded")
    assert location is not None
    assert location.text == "Karrada"


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Police shot dead three Maoists in Chhattisgarh's Bijapur district.", "Chhattisgarh"),
        ("Police arrested three smugglers in Karnataka's Bijapur district.", "Karnataka"),
    ],
)
def test_an_owner_province_rules_out_a_namesake_in_another(
    nlp: Language, gaz: Gazetteer, text: str, admin1: str
) -> None:
    """A district named after its province ("Chhattisgarh's Bijapur district") is never the
    namesake in another province of the same country (Bijapur, Karnataka)."""
    location = _locate(nlp, gaz, text, text.split()[1])
    assert location is not None
    assert (location.country, location.admin1) == ("IND", admin1)
