"""What the event tests share: code one invented text and keep its event records."""

from __future__ import annotations

from typing import Any

from gestae.schema import Article, EventRecord


def events(coder: Any, text: str) -> list[EventRecord]:
    """The event records (not the no-event notes) the coder writes for `text`."""
    records = coder.code(Article(id="t", text=text))
    return [r for r in records if r.kind == "event"]
