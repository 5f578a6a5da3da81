"""PLOVER contexts suggested by the words of a sentence (data/contexts.yaml)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span

from gestae.errors import DataFileError


@lru_cache(maxsize=1)
def context_words(valid: frozenset[str] | None = None) -> dict[str, tuple[str, ...]]:
    """Lemma -> contexts it signals; validated against the ontology's contexts when given."""
    name = "contexts.yaml"
    raw = yaml.safe_load(
        resources.files("gestae.resources").joinpath("data").joinpath(name).read_text("utf-8")
    )
    if not isinstance(raw, dict):
        raise DataFileError(f"{name}: expected a mapping of context -> list of lemmas")
    by_word: dict[str, list[str]] = {}
    for context, words in raw.items():
        if valid is not None and context not in valid:
            raise DataFileError(f"{name}: unknown PLOVER context '{context}'")
        if not isinstance(words, list):
            raise DataFileError(f"{name}: context '{context}' must list lemmas")
        for word in words:
            by_word.setdefault(str(word).lower(), []).append(str(context))
    return {w: tuple(dict.fromkeys(cs)) for w, cs in by_word.items()}


def sentence_contexts(sent: Span, valid: frozenset[str]) -> list[str]:
    words = context_words(valid)
    found: list[str] = []
    for token in sent:
        for context in words.get(token.lemma_.lower(), ()):
            if context not in found:
                found.append(context)
    return found


def merge_contexts(*groups: Iterable[str]) -> list[str]:
    out: list[str] = []
    for group in groups:
        for context in group:
            if context not in out:
                out.append(context)
    return out
