"""Records of invented wire articles on the arms trade (tests/data/invented/arms.jsonl, our own
writing) that must hold: an arms embargo extended is an embargo imposed, not arms given; guns
and tanks "delivered" or "shipped" are the gift, never the target; clearing agents are a
business, not spies; an export licence suspended, a shipment delivered, a pledge and an
accusation stay as they were; and a winger's "missile", a startup's drone deliveries and
exports and cuckoos' "arms race" code nothing political."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "arms", article_id)


def test_an_arms_embargo_extended_is_an_embargo_not_arms_given(coder: Any) -> None:
    """a03: "The U.N. Security Council extended an arms embargo on South Sudan"."""
    found = only_on([r for r in _records(coder, "a03") if r.sentence_index == 0], "extended")
    assert (found.event_type, found.cameo) == ("COERCE", "163")
    assert dyad(found) == ("UNO", "IGO", "SSD", None)


@pytest.mark.parametrize(("article_id", "trigger"), [("a01", "delivered"), ("a11", "shipped")])
def test_weapons_delivered_are_never_the_target(coder: Any, article_id: str, trigger: str) -> None:
    """a01 "The first guns will be delivered next year"; a11 "the first tanks would be shipped
    in 2027": the gift is no target, so no record names it as one."""
    for record in _records(coder, article_id):
        if record.trigger.text == trigger:
            assert record.target is None or record.target.text not in (
                "The first guns",
                "the first tanks",
            )


def test_clearing_agents_are_a_business_not_spies(coder: Any) -> None:
    """a04: "Four clearing agents were arrested and charged with arms trafficking"."""
    found = only_on(_records(coder, "a04"), "arrested")
    assert found.target is not None and found.target.text == "Four clearing agents"
    assert found.target.sector == "BUS"


def test_an_export_licence_suspension_cuts_military_aid(coder: Any) -> None:
    """a02: "Germany suspended all arms export licences for Saudi Arabia on Wednesday"."""
    found = only_on([r for r in _records(coder, "a02") if r.sentence_index == 0], "suspended")
    assert (found.event_type, found.cameo) == ("SANCTION", "1622")
    assert dyad(found)[0] == "DEU" and dyad(found)[2] == "SAU"


def test_drones_delivered_last_month_are_military_aid(coder: Any) -> None:
    """a08: "Turkey delivered a second batch of armed drones to Ethiopia last month"."""
    found = only_on([r for r in _records(coder, "a08") if r.sentence_index == 0], "delivered")
    assert (found.event_type, found.cameo) == ("AID", "072")
    assert dyad(found)[0] == "TUR" and dyad(found)[2] == "ETH"
    assert found.date is not None and found.date.value == "2026-09-01"


def test_a_pledge_and_an_accusation_stay(coder: Any) -> None:
    """a06 "The Netherlands pledged a military aid package ... to Ukraine"; a05 "Mexico has
    long accused the United States of failing to stop the flow of guns"."""
    pledged = only_on(_records(coder, "a06"), "pledged")
    assert pledged.event_type == "AGREE" and dyad(pledged)[0::2] == ("NLD", "UKR")
    accused = only_on(_records(coder, "a05"), "accused")
    assert accused.event_type == "ACCUSE" and dyad(accused)[0::2] == ("MEX", "USA")


@pytest.mark.parametrize("article_id", ["a13", "a14", "a16"])
def test_the_same_words_off_the_field_of_war_code_nothing(coder: Any, article_id: str) -> None:
    """a13 "fired a missile into the top corner to seal a 2-0 win"; a14 a startup
    "delivering medicines by drone" that "plans to export the aircraft to Iceland and
    Canada"; a16 warblers that "reject" the eggs cuckoos "smuggle" into their nests."""
    assert _records(coder, article_id) == []


def test_the_purchase_criticised_is_aimed_at_its_buyer(coder: Any) -> None:
    """a01: "Vietnam signed a $600 million contract with South Korea ... China criticised the
    purchase"."""
    found = only_on(_records(coder, "a01"), "criticised")
    assert found.event_type == "ACCUSE" and dyad(found)[0::2] == ("CHN", "VNM")


def test_rifles_seized_at_a_home_port_have_no_target(coder: Any) -> None:
    """a04: "Kenyan customs officers seized 300 rifles ... at the port of Mombasa": the port's
    country is the seizer's own, no target."""
    found = only_on(_records(coder, "a04"), "seized")
    assert dyad(found)[:2] == ("KEN", "COP")
    assert found.target is None
