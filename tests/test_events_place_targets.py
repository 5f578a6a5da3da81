"""target.measure-place: a territorial measure over another state's place targets that state;
at home, or by a source whose country only the place gives, it has no target."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import Article


def _dyads(coder: Any, text: str) -> list[tuple[str, str | None, str | None]]:
    records = [r for r in coder.code(Article(id="t", text=text)) if r.kind == "event"]
    return [
        (
            str(r.event_type),
            r.source.country if r.source else None,
            r.target.country if r.target else None,
        )
        for r in records
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syrian forces declared a curfew in Sidon.", ("COERCE", "SYR", "LBN")),
        ("Turkey declared a ceasefire in Idlib on Monday.", ("CONCEDE", "TUR", "SYR")),
        # At home: the place only places the measure.
        ("Nepalese authorities lifted the curfew in Kathmandu.", ("CONCEDE", "NPL", None)),
        # The rebels' country comes from Goma itself: no self-directed surrender.
        ("The rebels surrendered in Goma on Friday.", ("RETREAT", "COD", None)),
        # A sea lies in no state, whatever its name says; "Gulf" alone is a province of PNG.
        ("The Indian navy deployed two frigates in the Bay of Bengal.", ("MOBILIZE", "IND", None)),
        ("Iran deployed warships in the Gulf of Oman on Monday.", ("MOBILIZE", "IRN", None)),
    ],
)
def test_measure_place(coder: Any, text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in _dyads(coder, text)
