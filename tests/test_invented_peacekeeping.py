"""Records of invented wire articles on peacekeeping and observer missions
(tests/data/invented/peacekeeping.jsonl, our own writing) that must hold: a peacekeeping or
monitoring mission is the international body's force or observers, never the government of
the country it serves in nor of the article, and a bare "the mission" after U.N. observers is
the U.N.'s; police who "blocked U.N. peacekeepers from removing a checkpoint" restrict them;
what already worked stays (an ambush on a U.N. patrol, the U.N. chief condemning its doers, a
junta expelling African Union observers, a battalion pledged to a U.N. mission, an envoy
summoned over fire on peacekeepers); and the same words in a film festival and an elephant
herd code nothing."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, invented_events, only_on

INTERNATIONAL = ("UNO", "IGO", "EUR")


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "peacekeeping", article_id)


def test_the_mission_asked_is_the_uns_peacekeeping_mission(coder: Any) -> None:
    """k01: "extend the mandate of its peacekeeping mission in the Central African Republic"
    ... the Central African ministry "asked the mission to hand more responsibility"."""
    found = only_on(_records(coder, "k01"), "asked")
    assert dyad(found) == ("CAF", "GOV", "UNO", "MIL")
    assert found.target is not None and found.target.text == "the mission"


def test_the_monitoring_mission_is_the_eus_not_a_government(coder: Any) -> None:
    """k05: "European Union monitors said ..." then "The monitoring mission, which patrols the
    Armenian side of the border"."""
    found = only_on(_records(coder, "k05"), "patrols")
    assert found.source is not None and found.source.text == "The monitoring mission"
    assert dyad(found)[:2] == ("EUR", "IGO")


@pytest.mark.parametrize("article_id", ["k01", "k05", "k07", "k10"])
def test_no_peace_mission_is_a_government(coder: Any, article_id: str) -> None:
    """Every mission the stories name serves the U.N., the African Union or the European Union:
    none is read as a state's government (GOV) or given the host's or the article's country."""
    missions = [
        actor
        for record in _records(coder, article_id)
        for actor in (record.source, record.target)
        if actor is not None and "mission" in actor.text.lower()
    ]
    assert missions
    for actor in missions:
        assert actor.sector != "GOV" and actor.country in INTERNATIONAL, actor


def test_police_who_blocked_peacekeepers_restricted_them(coder: Any) -> None:
    """k09: "Turkish Cypriot police blocked U.N. peacekeepers from removing a checkpoint"."""
    found = only_on(_records(coder, "k09"), "blocked U.N. peacekeepers from")
    assert found.event_type == "COERCE" and found.cameo == "172"
    assert dyad(found)[2:] == ("UNO", "MIL")


def test_an_ambush_on_a_un_patrol_and_its_condemnation(coder: Any) -> None:
    """k02: "militiamen ambushed a U.N. patrol near the town of Rutshuru ... on Monday";
    "Guterres condemned the attack"."""
    records = _records(coder, "k02")
    ambush = only_on(records, "ambushed")
    assert ambush.event_type == "ASSAULT" and dyad(ambush)[2] == "UNO"
    assert ambush.date is not None and ambush.date.value == "2026-03-02"
    condemned = only_on(records, "condemned")
    assert condemned.event_type == "ACCUSE"
    assert condemned.target is not None and condemned.target.text == "militiamen"


def test_a_junta_ordering_observers_out_expels_them(coder: Any) -> None:
    """k04: "Niger's military government on Tuesday ordered an African Union observer team to
    leave the country"."""
    found = only_on(_records(coder, "k04"), "ordered")
    assert (found.event_type, found.cameo) == ("SANCTION", "166")
    assert dyad(found)[0] == "NER" and dyad(found)[2] == "IGO"


def test_a_battalion_pledged_to_a_un_mission_is_an_intent_to_give_peacekeepers(
    coder: Any,
) -> None:
    """k07: "Bangladesh will send an 850-strong infantry battalion to the U.N. mission in
    South Sudan later this year"."""
    (found,) = [r for r in _records(coder, "k07") if r.trigger.text.startswith("send")]
    assert (found.event_type, found.cameo) == ("AGREE", "0334")
    assert dyad(found)[0] == "BGD"


def test_an_envoy_summoned_over_fire_on_peacekeepers(coder: Any) -> None:
    """k08: "Italy summoned Israel's ambassador on Thursday after Israeli tank fire struck a
    watchtower of the U.N. force"."""
    records = _records(coder, "k08")
    summoned = only_on(records, "summoned")
    assert dyad(summoned)[0] == "ITA" and dyad(summoned)[2] == "ISR"
    assert summoned.date is not None and summoned.date.value == "2026-10-15"
    assert dyad(only_on(records, "struck"))[2:] == ("UNO", "MIL")


@pytest.mark.parametrize("article_id", ["k15", "k16"])
def test_a_film_and_an_elephant_peacekeeper_code_nothing(coder: Any, article_id: str) -> None:
    """A war drama about Dutch peacekeepers premiering in Venice; an elephant matriarch
    "acting as a peacekeeper" watched by observers, with a camera team deployed."""
    assert _records(coder, article_id) == []
