"""Helpers the coding tests share: what the coder says about one invented sentence."""

from __future__ import annotations

from typing import Any

from gestae.engine.pipeline import Coder
from gestae.schema import Article, EventRecord, Location


def events(coder: Any, text: str) -> list[EventRecord]:
    """The event records (not the no-event notes) the coder writes for `text`."""
    records = coder.code(Article(id="t", text=text))
    return [r for r in records if r.kind == "event"]


def place_on(coder: Coder, text: str, trigger: str) -> Location | None:
    """The location of the event on `trigger`; a missing event fails the test, since a test of
    its place would otherwise pass on a sentence that codes nothing."""
    for record in coder.code(Article(id="t", text=text)):
        if record.kind == "event" and record.trigger.text == trigger:
            return record.location
    raise AssertionError(f"no event on {trigger!r} in {text!r}")
