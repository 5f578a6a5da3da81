"""Military posture news written for the test (tests/data/invented/posture.jsonl, invented
wire stories): the records three of its articles must give (an intercept aimed at the
intercepted craft's state, an arms sale, exercises named by their season) and one the
intercept rule must not turn into a show of force (drones shot down in a war)."""

from __future__ import annotations

from datetime import date
from typing import Any

from gestae.schema import Article, EventRecord
from tests.coding import invented_article


def _on(coder: Any, article_id: str, trigger: str) -> list[EventRecord]:
    records = coder.code(invented_article("posture", article_id))
    return [r for r in records if r.kind == "event" and r.trigger.text.startswith(trigger)]


def test_intercepted_bombers_are_a_show_of_force_against_russia(coder: Any) -> None:
    (found,) = _on(coder, "pos06", "intercepted")
    assert found.event_type == "MOBILIZE" and found.cameo == "150"
    assert found.source is not None and found.source.country == "GBR"
    assert found.target is not None and found.target.country == "RUS"
    assert "target.met-force" in found.rules


def test_approved_arms_sale_is_military_cooperation_with_poland(coder: Any) -> None:
    (found,) = _on(coder, "pos04", "approved")
    assert found.event_type == "COOPERATE" and found.cameo == "062"
    assert found.source is not None and found.source.country == "USA"
    assert found.target is not None and found.target.country == "POL"


def test_annual_spring_exercises_of_two_states_are_joint(coder: Any) -> None:
    found = _on(coder, "pos01", "began")
    pairs = {
        (r.source.country if r.source else None, r.target.country if r.target else None)
        for r in found
    }
    assert pairs == {("KOR", "USA"), ("USA", "KOR")}
    assert all(r.event_type == "COOPERATE" for r in found)


def test_drones_intercepted_in_a_war_code_nothing(coder: Any) -> None:
    article = Article(
        id="neg",
        title="",
        text="Ukraine's air force said it intercepted 40 drones over Kyiv overnight.",
        published=date(2026, 5, 6),
    )
    assert [r for r in coder.code(article) if r.kind == "event"] == []
