"""News of borders and territorial disputes written for the test (tests/data/invented/
borders.jsonl, invented wire stories): troops pushed back the day they crossed, guards firing
at a crossing on the day told, a high commissioner summoned, a protest filed, a reply of force
announced as a threat; and the same words about a painting, a rugby match and a video game
code no border event."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import dyad, events, invented_events, only_on


def test_troops_pushed_back_share_the_day_they_crossed(coder: Any) -> None:
    pushed = only_on(invented_events(coder, "borders", "bd01"), "pushed back")
    assert dyad(pushed) == ("IND", "MIL", "CHN", "MIL")
    assert pushed.date is not None and pushed.date.value == "2026-12-11"


def test_fire_exchanged_at_a_crossing_takes_the_day_under_the_crossing(coder: Any) -> None:
    exchanged = [
        r for r in invented_events(coder, "borders", "bd15") if r.trigger.text == "exchanged"
    ]
    assert {dyad(r)[0] for r in exchanged} == {"PAK", "AFG"}
    assert {r.date.value for r in exchanged if r.date} == {"2026-02-18"}


def test_a_high_commissioner_summoned_is_a_diplomat_summoned(coder: Any) -> None:
    summoned = only_on(invented_events(coder, "borders", "bd10"), "summoned")
    assert summoned.event_type == "ACCUSE" and dyad(summoned) == ("BGD", None, "IND", "GOV")


def test_a_diplomatic_protest_filed_is_an_official_complaint(coder: Any) -> None:
    filed = only_on(invented_events(coder, "borders", "bd08"), "filed")
    assert filed.cameo == "114" and dyad(filed)[0] == "PHL"


def test_forces_that_would_respond_if_fired_on_threaten(coder: Any) -> None:
    reply = only_on(invented_events(coder, "borders", "bd15"), "respond")
    assert (reply.event_type, reply.cameo) == ("THREATEN", "138")
    assert dyad(reply) == ("AFG", "MIL", "PAK", None)


@pytest.mark.parametrize("article_id", ["bd12", "bd14"])
def test_borders_and_maps_outside_politics_code_nothing(coder: Any, article_id: str) -> None:
    assert invented_events(coder, "borders", article_id) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police responded to the shooting within minutes.",
        "The ministry did not respond to a request for comment.",
        "Paramedics responded to a call from the village on Sunday.",
        "Lawmakers summoned the police commissioner to explain the killings.",
    ],
)
def test_replies_told_as_done_and_domestic_summons_code_nothing(coder: Any, text: str) -> None:
    assert events(coder, text) == []


def test_reply_with_its_means_keeps_the_means(coder: Any) -> None:
    records = events(coder, "Beijing retaliated by raising tariffs on American soybeans.")
    assert [r.trigger.text for r in records] == ["raising"]
