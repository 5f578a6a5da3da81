"""News on the United Nations and other multilateral bodies written for the test
(tests/data/invented/council.jsonl, invented wire stories): whom a condemnation, a charge, a
suspension and an envoy's talks are aimed at, whose a body's officers are, and the acts a
resolution only authorises, which are not done (docs/contract.md)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_events


def test_assembly_condemning_an_invasion_is_aimed_at_the_invader(coder: Any) -> None:
    records = invented_events(coder, "council", "u02")
    (condemnation,) = [r for r in records if r.trigger.text == "condemned"]
    assert dyad(condemnation) == ("UNO", "IGO", "VEN", None)


def test_people_accused_are_the_target_not_the_city_of_their_deeds(coder: Any) -> None:
    (accused,) = [r for r in invented_events(coder, "council", "u03") if r.cameo == "112"]
    assert accused.target is not None and accused.target.text == "The three men"
    assert dyad(accused)[2:] == ("HTI", "CVL")


def test_acts_a_draft_resolution_would_authorise_are_not_done(coder: Any) -> None:
    records = invented_events(coder, "council", "u16")
    assert {r.trigger.text for r in records} == {"met"}


def test_envoy_talks_with_each_side_named_after_with(coder: Any) -> None:
    talks = [r for r in invented_events(coder, "council", "u07") if r.event_type == "CONSULT"]
    assert {dyad(r) for r in talks} == {("UNO", "IGO", "LBY", "GOV"), ("UNO", "IGO", "LBY", "MIL")}


def test_african_union_council_is_no_united_nations_body(coder: Any) -> None:
    records = invented_events(coder, "council", "u08")
    (suspension,) = [r for r in records if r.event_type == "SANCTION"]
    assert dyad(suspension) == ("IGO", "IGO", "NER", None)
    assert all(r.source is None or r.source.country != "UNO" for r in records)


def test_the_blocs_ministers_are_the_unions(coder: Any) -> None:
    (meeting,) = [r for r in invented_events(coder, "council", "u11") if r.trigger.text == "meet"]
    assert dyad(meeting)[:2] == ("EUR", "GOV")


@pytest.mark.parametrize("article_id", ["u12", "u14"])
def test_club_councils_and_mock_councils_give_no_sanction(coder: Any, article_id: str) -> None:
    records = invented_events(coder, "council", article_id)
    assert all(r.event_type not in ("SANCTION", "COERCE") for r in records)
    assert article_id != "u12" or records == []


@pytest.mark.parametrize(
    "text",
    [
        "Lawmakers authorised the president to deploy troops against the insurgents in Cabo Delgado.",
        "The council passed a resolution authorizing a naval force to board ships off Yemen.",
        "The decree empowers the police to arrest protesters without a warrant.",
    ],
)
def test_a_power_granted_is_no_act_done(coder: Any, text: str) -> None:
    assert events(coder, text) == []


def test_condemned_act_of_force_with_its_owner_aims_at_the_owner(coder: Any) -> None:
    (found,) = [
        r
        for r in events(coder, "Chile condemned Russia's shelling of Kharkiv.")
        if r.cameo == "111"
    ]
    assert dyad(found)[2] == "RUS"


def test_a_veto_warned_of_is_a_threat(coder: Any) -> None:
    (warning,) = [r for r in invented_events(coder, "council", "u07") if r.trigger.text == "block"]
    assert warning.event_type == "THREATEN" and warning.cameo == "130"
    (cast,) = [r for r in invented_events(coder, "council", "u01") if r.trigger.text == "vetoed"]
    assert cast.event_type == "REJECT" and cast.cameo == "129"
