"""Economic statecraft written for the test (tests/data/invented/trade.jsonl, invented wire
stories): the records four of its articles must give. Energy and trade cuts told by a stopped
gerund or a cut transit, a blacklisting told as a list, tariffs on a sum of a foreign currency,
and a refusal followed by a speech participle."""

from __future__ import annotations

from typing import Any

from gestae.schema import EventRecord
from tests.coding import invented_article


def _in(coder: Any, article_id: str, sentence: int) -> list[EventRecord]:
    records = coder.code(invented_article("trade", article_id))
    return [r for r in records if r.sentence_index == sentence]


def _dyad(record: EventRecord) -> tuple[str | None, str | None]:
    source = record.source.country if record.source else None
    target = record.target.country if record.target else None
    return source, target


def test_gas_stopped_to_moldova_on_its_day(coder: Any) -> None:
    (found,) = [r for r in _in(coder, "tr05", 0) if r.kind == "event"]
    assert found.event_type == "COERCE" and _dyad(found) == ("RUS", "MDA")
    assert found.date is not None and found.date.value == "2025-01-01"


def test_firms_added_to_the_blacklist_are_its_target(coder: Any) -> None:
    found = [r for r in _in(coder, "tr09", 0) if r.kind == "event"]
    assert ("USA", "CHN") in {_dyad(r) for r in found}
    assert {r.event_type for r in found} == {"COERCE"}


def test_tariffs_on_canadian_dollars_of_american_goods_hit_the_united_states(coder: Any) -> None:
    found = [r for r in _in(coder, "tr04", 0) if r.kind == "event" and _dyad(r)[0] == "CAN"]
    assert [_dyad(r) for r in found] == [("CAN", "USA")]


def test_refusal_before_saying_is_a_rejection_not_a_declined_comment(coder: Any) -> None:
    found = _in(coder, "tr14", 1)
    assert "REJECT" in {r.event_type for r in found}
    assert all(r.kind != "statement" for r in found)
