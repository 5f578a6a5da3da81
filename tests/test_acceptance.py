"""Acceptance: the article that started the project must yield the events the issue lists."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.input.read import read_inputs
from tests.conftest import SHARED, requires_shared

EXAMPLE = SHARED / "examples" / "channel-dispute-2021-11-28.jsonl"

pytestmark = requires_shared


@pytest.fixture(scope="module")
def records(coder: Any) -> list[dict[str, Any]]:
    articles = [a for a in read_inputs([str(EXAMPLE)]) if not hasattr(a, "reason")]
    assert len(articles) == 1
    return [r.to_dict() for r in coder.code(articles[0])]  # type: ignore[arg-type]


def _find(records: list[dict[str, Any]], cue: str, types: set[str]) -> list[dict[str, Any]]:
    return [r for r in records if cue in r["sentence"] and r["event_type"] in types]


def _country(actor: dict[str, Any] | None) -> str | None:
    return actor["country"] if actor else None


def test_request_to_cooperate(records: list[dict[str, Any]]) -> None:
    found = _find(records, "called on France", {"REQUEST"})
    assert any(
        _country(r["source"]) == "GBR"
        and r["source"]["sector"] == "GOV"
        and _country(r["target"]) == "FRA"
        and r["date"]["value"] == "2021-11-28"
        for r in found
    ), found


def test_paris_excluded_london(records: list[dict[str, Any]]) -> None:
    found = _find(records, "excluded London", {"SANCTION", "REJECT"})
    assert any(
        _country(r["source"]) == "FRA"
        and r["source"]["sector"] == "GOV"
        and _country(r["target"]) == "GBR"
        and r["target"]["sector"] == "GOV"
        for r in found
    ), found


def test_multilateral_meeting_in_calais(records: list[dict[str, Any]]) -> None:
    # An announced meeting is an intention to meet: PLOVER AGREE (CAMEO 036), modality future;
    # an act of many parties is coded as its directed pairs, all in one group.
    found = _find(records, "will hold a meeting in Calais", {"AGREE"})
    sources = {_country(r["source"]) for r in found}
    assert {"DEU", "NLD", "BEL", "FRA"} <= sources, found
    pairs = {(_country(r["source"]), _country(r["target"])) for r in found}
    assert ("DEU", "FRA") in pairs and ("FRA", "DEU") in pairs, pairs
    for r in found:
        assert (r["cameo"], r["modality"]) == ("036", "future")
        assert _country(r["target"]) in sources and _country(r["target"]) != _country(r["source"])
        assert r["date"]["value"] == "2021-11-28"
        assert r["location"]["name"] == "Calais" and r["location"]["country"] == "FRA"
    assert len({r["group"] for r in found}) == 1


def test_paris_canceled_participation(records: list[dict[str, Any]]) -> None:
    found = _find(records, "canceled London's participation", {"SANCTION", "REJECT"})
    assert any(
        _country(r["source"]) == "FRA"
        and r["source"]["sector"] == "GOV"
        and _country(r["target"]) == "GBR"
        and r["target"]["sector"] == "GOV"
        for r in found
    ), found


def test_johnson_asks_paris_to_take_back_migrants(records: list[dict[str, Any]]) -> None:
    found = _find(records, "take back migrants", {"REQUEST"})
    assert any(
        _country(r["source"]) == "GBR"
        and r["source"]["sector"] == "GOV"
        and r["source"]["name"] == "Boris Johnson"
        and _country(r["target"]) == "FRA"
        and r["date"]["value"] == "2021-11-25"
        for r in found
    ), found


def test_nandy_denounced(records: list[dict[str, Any]]) -> None:
    found = _find(records, "Lisa Nandy denounced", {"ACCUSE"})
    assert any(
        _country(r["source"]) == "GBR"
        and r["source"]["sector"] in ("LEG", "OPP")
        and r["date"]["value"] == "2021-11-28"
        for r in found
    ), found


def test_france_threatens_sanctions(records: list[dict[str, Any]]) -> None:
    found = _find(records, "France is threatening sanctions", {"THREATEN"})
    assert any(_country(r["source"]) == "FRA" and _country(r["target"]) == "GBR" for r in found)


def test_secret_negotiation_among_three(records: list[dict[str, Any]]) -> None:
    found = _find(records, "secretly negotiated", {"CONSULT", "AGREE"})
    assert {"USA", "GBR", "AUS"} <= {_country(r["source"]) for r in found}, found


def test_media_and_generic_nouns_are_never_actors(records: list[dict[str, Any]]) -> None:
    for record in records:
        for role in ("source", "target"):
            actor = record[role]
            if actor is None:
                continue
            assert actor["text"] not in ("Sky News", "Twitter", "people", "children"), record


def test_drowning_is_visible_as_incident(records: list[dict[str, Any]]) -> None:
    found = [r for r in records if r["fatalities"] == 27]
    assert found, "the 27 deaths must appear on a record"
    incident = found[0]
    assert incident["kind"] == "incident" and incident["event_type"] is None
    assert incident["date"]["value"] == "2021-11-24"
    assert incident["location"]["name"] == "English Channel"


def test_every_record_has_evidence(records: list[dict[str, Any]]) -> None:
    (article,) = [a for a in read_inputs([str(EXAMPLE)]) if not hasattr(a, "reason")]
    text = article.text  # type: ignore[union-attr]
    assert records
    for record in records:
        trig = record["trigger"]
        assert record["explanation"]
        assert trig["text"] and trig["start"] < trig["end"]
        # offsets point at the evidence in the article text
        assert text[trig["start"] : trig["end"]] == trig["text"]
        assert record["sentence"] in text
        for role in ("source", "target"):
            actor = record[role]
            if actor is not None:
                assert actor["end"] > actor["start"]
                assert text[actor["start"] : actor["end"]] == actor["text"]
