"""Acts a sentence names only as background or as another act's outcome: where a span it
measures starts (generic.since-start), what someone holds the power to do (generic.power-to),
people an attack frees (suppress.freed-by-force). The act the sentence reports still codes."""

from __future__ import annotations

from typing import Any

from tests.coding import events


def test_start_of_a_span_is_background(coder: Any) -> None:
    found = events(coder, "Norway has taken in 40,000 refugees since the invasion began in 2022.")
    assert [r.event_type for r in found] == ["AID"], [(r.trigger, r.rules) for r in found]


def test_used_power_is_an_act(coder: Any) -> None:
    found = events(coder, "Peru's president used his authority to expel two Bolivian diplomats.")
    assert any(r.event_type == "SANCTION" for r in found), [(r.trigger, r.rules) for r in found]


def test_people_freed_by_an_attack_are_no_release(coder: Any) -> None:
    """suppress.freed-by-force: the attackers are not the captors who concede a release."""
    found = events(coder, "Gunmen stormed a police post in Kidal, freeing two prisoners.")
    assert [r.event_type for r in found] == ["ASSAULT"], [(r.trigger, r.rules) for r in found]


def test_captors_freeing_people_is_a_release(coder: Any) -> None:
    found = events(coder, "The rebels freed 20 soldiers on Monday, handing them to the Red Cross.")
    assert any(r.event_type == "RETREAT" for r in found), [(r.trigger, r.rules) for r in found]


def test_start_a_bare_day_names_is_news(coder: Any) -> None:
    text = (
        "Rebels attacked ten villages in Chad this week. The bodies of five soldiers have been"
        " found in villages since the attacks began Tuesday."
    )
    found = [r for r in events(coder, text) if r.sentence_index == 1]
    assert any(r.event_type == "ASSAULT" for r in found), [(r.trigger, r.rules) for r in found]
