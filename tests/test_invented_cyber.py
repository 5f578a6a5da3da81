"""Cyber news written for the test (tests/data/invented/cyber.jsonl, invented wire stories):
a cyber attack told as the subject or the passive agent of a verb of disruption is the event,
aimed at what it disrupted (target.cyber-impact); 'the attack' told after hacking is that
cyber attack (trigger.cyber-antecedent), while an armed attack stays armed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_article


def _cyber(coder: Any, article_id: str) -> list[Any]:
    records = coder.code(invented_article("cyber", article_id))
    return [r for r in records if r.kind == "event" and r.cameo == "176"]


def test_ransomware_attack_forcing_hospitals_to_cancel_is_aimed_at_them(coder: Any) -> None:
    (found,) = _cyber(coder, "c02")
    assert found.event_type == "COERCE" and found.source is None
    assert dyad(found)[2:] == ("IRL", "MED")
    assert found.date is not None and found.date.value == "2026-05-18"


def test_attack_told_after_hacking_is_the_cyber_attack(coder: Any) -> None:
    (found,) = [r for r in _cyber(coder, "c01") if r.sentence_index == 1]
    assert found.source is not None and found.source.country == "RUS"
    records = coder.code(invented_article("cyber", "c01"))
    assert not any(r.event_type == "ASSAULT" for r in records)


def test_product_launch_and_hacking_cough_are_no_events(coder: Any) -> None:
    for article_id in ("c13", "c14"):
        assert [
            r for r in coder.code(invented_article("cyber", article_id)) if r.kind == "event"
        ] == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A ransomware attack paralysed the Moldovan customs service on Friday.", "MDA"),
        ("The Bolivian senate's email system was hit by a cyberattack.", "BOL"),
        ("A cyberattack disrupted the Zambian finance ministry's payment system.", "ZMB"),
    ],
)
def test_cyber_attack_as_subject_or_agent_hits_its_target(
    coder: Any, text: str, target: str
) -> None:
    (found,) = [r for r in events(coder, text) if r.cameo == "176"]
    assert found.target is not None and found.target.country == target


@pytest.mark.parametrize(
    "text",
    [
        "Hackers leaked the files of Ecuador's tax agency. Gunmen later shot a guard at its "
        "office. Police said the attack was carried out by a gang from Quito.",
        "Rebels attacked a checkpoint near Idlib. Turkey said the attack was carried out by "
        "Syrian rebels.",
        "Floods forced the Malawian government to close schools.",
        "A new virus attack spread through the Kenyan school system, doctors said.",
    ],
)
def test_no_cyber_attack_without_one(coder: Any, text: str) -> None:
    assert all(r.cameo != "176" for r in events(coder, text))


def test_fighting_between_two_sides_is_theirs_not_the_main_subjects(coder: Any) -> None:
    records = coder.code(invented_article("cyber", "c04"))
    fights = [r for r in records if r.kind == "event" and r.trigger.text == "fighting"]
    assert {dyad(r) for r in fights} == {
        ("ETH", "MIL", "ETH", "REB"),
        ("ETH", "REB", "ETH", "MIL"),
    }


def test_state_told_of_the_seized_ship_is_not_the_target(coder: Any) -> None:
    records = coder.code(invented_article("cyber", "c09"))
    (seizure,) = [r for r in records if r.kind == "event" and r.trigger.text == "seized"]
    assert seizure.source is not None and seizure.source.country == "FIN"
    assert seizure.target is None or seizure.target.country is None


def test_late_attack_in_a_football_match_is_no_event(coder: Any) -> None:
    assert [r for r in coder.code(invented_article("cyber", "c15")) if r.kind == "event"] == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Hackers broke into the servers of the Georgian defence ministry.", ("GEO", "GOV")),
        ("Hackers hacked the email accounts of the Moldovan election commission.", ("MDA", "GOV")),
    ],
)
def test_hackers_breaking_into_systems_attack_their_owner(
    coder: Any, text: str, target: tuple[str, str]
) -> None:
    (found,) = events(coder, text)
    assert found.cameo == "176" and found.source is None
    assert found.target is not None and (found.target.country, found.target.sector) == target


def test_condemning_the_blackout_is_aimed_at_whoever_cut_the_internet(coder: Any) -> None:
    records = coder.code(invented_article("cyber", "c04"))
    (condemned,) = [r for r in records if r.kind == "event" and r.trigger.text == "condemned"]
    assert dyad(condemned)[2:] == ("ETH", "GOV")


def test_hacking_group_speaking_of_it_is_not_the_victim_state(coder: Any) -> None:
    records = coder.code(invented_article("cyber", "c16"))
    assert not any(
        r.kind == "event" and r.source is not None and r.source.country == "IRN"
        for r in records
        if r.sentence_index == 1
    )


@pytest.mark.parametrize(
    "text",
    [
        "Bahraini police installed spyware on the phones of two activists in Manama.",
        "Hackers planted malware on the Kenyan ministry's servers.",
    ],
)
def test_spyware_put_on_devices_is_a_cyber_attack(coder: Any, text: str) -> None:
    (found,) = events(coder, text)
    assert found.cameo == "176" and found.target is not None and found.target.country


def test_machete_attack_stays_armed(coder: Any) -> None:
    text = (
        "Machete-wielding men hacked two farmers in Benue. The attack was carried out by "
        "Fulani herders, police said."
    )
    assert all(r.cameo != "176" for r in events(coder, text))
