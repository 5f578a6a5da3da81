"""The engine's word classes are data: the shipped file loads, and mistakes in it are named."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.errors import DataFileError
from gestae.resources.word_classes import CLASSES, parse_word_classes, word_classes


def _valid() -> dict[str, Any]:
    return {name: ["word"] for name in CLASSES}


def test_shipped_file_has_every_class() -> None:
    loaded = word_classes()
    assert set(loaded) == set(CLASSES)
    assert "say" in loaded["speech_verbs"]
    assert "hundreds" in loaded["quantity_nouns"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(extra=["x"]), "unknown word class(es) extra"),
        (lambda d: d.pop("speech_verbs"), "'speech_verbs' must be a non-empty list"),
        (lambda d: d.update(impact_verbs=[]), "'impact_verbs' must be a non-empty list"),
        (lambda d: d.update(border_nouns=["Border"]), "not lowercase words: ['Border']"),
        (lambda d: d.update(pair_heads=["side", "side"]), "'pair_heads' lists side more than once"),
    ],
)
def test_mistakes_are_named(change: Any, message: str) -> None:
    data = _valid()
    change(data)
    with pytest.raises(
        DataFileError,
        match=message.replace("(", r"\(")
        .replace(")", r"\)")
        .replace("[", r"\[")
        .replace("]", r"\]"),
    ):
        parse_word_classes(data, "word_classes.yaml")
