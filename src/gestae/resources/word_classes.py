"""The engine's word classes (data/word_classes.yaml), validated at load.

The rules in events, records and actors decide by syntax; which words take part in a rule
("said" reports speech, "ready to" announces an intention) is data that a user can read and
correct without touching code.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from gestae.errors import DataFileError

FILE = "word_classes.yaml"
CLASSES = (
    "speech_verbs",
    "impact_verbs",
    "future_governors",
    "irrealis_governors",
    "wish_governors",
    "denial_verbs",
    "allegation_nouns",
    "considering_words",
    "abstract_objects",
    "quantity_nouns",
    "border_nouns",
    "reciprocal_lemmas",
    "not_group_nouns",
    "group_references",
    "state_references",
    "person_pronouns",
    "plural_pronouns",
    "empty_it_verbs",
    "former_title_words",
    "shadow_title_words",
    "passing_title_words",
    "pair_heads",
)


def parse_word_classes(raw: Any, source: str = FILE) -> dict[str, frozenset[str]]:
    """Check the file's shape; errors name the file and the class at fault."""
    if not isinstance(raw, dict):
        raise DataFileError(f"{source}: expected a mapping of word classes")
    unknown = sorted(set(raw) - set(CLASSES))
    if unknown:
        raise DataFileError(f"{source}: unknown word class(es) {', '.join(unknown)}")
    out: dict[str, frozenset[str]] = {}
    for name in CLASSES:
        words = raw.get(name)
        if not isinstance(words, list) or not words:
            raise DataFileError(f"{source}: '{name}' must be a non-empty list of words")
        bad = [w for w in words if not isinstance(w, str) or not w or w != w.lower()]
        if bad:
            raise DataFileError(
                f"{source}: '{name}' has entries that are not lowercase words: {bad}"
            )
        twice = sorted({w for w in words if words.count(w) > 1})
        if twice:
            raise DataFileError(f"{source}: '{name}' lists {', '.join(twice)} more than once")
        out[name] = frozenset(words)
    return out


@cache
def word_classes() -> dict[str, frozenset[str]]:
    text = resources.files("gestae.resources").joinpath("data", FILE).read_text(encoding="utf-8")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{FILE}: not valid YAML ({exc})") from exc
    return parse_word_classes(raw)


def words(name: str) -> frozenset[str]:
    """One class; an unknown name is a programming error, caught by the tests."""
    return word_classes()[name]
