"""Acts a sentence names only as background: where a span it measures starts
(generic.since-start), or what someone holds the power to do (generic.power-to). The act the
sentence reports still codes."""

from __future__ import annotations

from typing import Any

from tests.coding import events


def test_start_of_a_span_is_background(coder: Any) -> None:
    found = events(coder, "Norway has taken in 40,000 refugees since the invasion began in 2022.")
    assert [r.event_type for r in found] == ["AID"], [(r.trigger, r.rules) for r in found]


def test_used_power_is_an_act(coder: Any) -> None:
    found = events(coder, "Peru's president used his authority to expel two Bolivian diplomats.")
    assert any(r.event_type == "SANCTION" for r in found), [(r.trigger, r.rules) for r in found]
