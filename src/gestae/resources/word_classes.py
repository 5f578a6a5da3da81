"""The engine's word classes (data/word_classes.yaml), validated at load.

The rules in events, records and actors decide by syntax; which words take part in a rule
("said" reports speech, "ready to" announces an intention) is data that a user can read and
correct without touching code.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from gestae.resources.loader import DataError, DataFile, data_error, load_data, package_data

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
    "pair_heads",
)


def parse_word_classes(
    raw: Any, source: str = FILE, doc: DataFile | None = None
) -> dict[str, frozenset[str]]:
    """Check the file's shape; errors name the file, the class at fault and its line."""

    def error(problem: str, name: str | None = None) -> DataError:
        line = doc.line(name) if doc is not None and name is not None else None
        return data_error(source, problem, line=line)

    if not isinstance(raw, dict):
        raise error("expected a mapping of word classes")
    unknown = sorted(set(raw) - set(CLASSES))
    if unknown:
        raise error(f"unknown word class(es) {', '.join(unknown)}", unknown[0])
    out: dict[str, frozenset[str]] = {}
    for name in CLASSES:
        words = raw.get(name)
        if not isinstance(words, list) or not words:
            raise error(f"'{name}' must be a non-empty list of words", name)
        bad = [w for w in words if not isinstance(w, str) or not w or w != w.lower()]
        if bad:
            raise error(f"'{name}' has entries that are not lowercase words: {bad}", name)
        twice = sorted({w for w in words if words.count(w) > 1})
        if twice:
            raise error(f"'{name}' lists {', '.join(twice)} more than once", name)
        out[name] = frozenset(words)
    return out


@cache
def word_classes() -> dict[str, frozenset[str]]:
    doc = load_data(package_data(FILE))
    return parse_word_classes(doc.data, doc.name, doc)


def words(name: str) -> frozenset[str]:
    """One class; an unknown name is a programming error, caught by the tests."""
    return word_classes()[name]
