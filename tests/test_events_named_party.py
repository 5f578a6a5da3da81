"""target.named-party: after a place preposition ("into", "at"), a name tagged as a body or a
person that is no state is the act's party; a place the gazetteer knows stays a place."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import Article


def _dyads(coder: Any, text: str) -> list[tuple[str, str | None, str | None]]:
    records = [r for r in coder.code(Article(id="t", text=text)) if r.kind == "event"]
    return [
        (
            str(r.event_type),
            r.source.label() if r.source else None,
            r.target.label() if r.target else None,
        )
        for r in records
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A firm the dictionaries know, and one they do not: each is what is investigated.
        (
            "Peruvian police launched an investigation into Andean Mining Corporation.",
            ("ACCUSE", "PER COP", "PER BUS"),
        ),
        (
            "Beijing regulators launched an investigation into Tencent Holdings.",
            ("ACCUSE", "CHN GOV", '"Tencent Holdings"'),
        ),
        # A town the tagger reads as a person or a body is still a place: its state is hit.
        ("Rebels advanced into Goma.", ("ASSAULT", "COD REB", "COD")),
        ("Kenyan troops moved into Kismayo on Monday.", ("ASSAULT", "KEN MIL", "SOM")),
    ],
)
def test_named_party(coder: Any, text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in _dyads(coder, text)


def test_place_is_no_named_party(coder: Any) -> None:
    """A known place after 'into' never becomes a target kept as words."""
    targets = [t for _, _, t in _dyads(coder, "Rebels advanced into Goma.")]
    assert '"Goma"' not in targets
