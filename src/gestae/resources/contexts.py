"""PLOVER contexts suggested by the words of a sentence (data/contexts.yaml)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Span

from gestae.resources.loader import load_data, package_data


@lru_cache(maxsize=1)
def context_words(valid: frozenset[str] | None = None) -> dict[str, tuple[str, ...]]:
    """Lemma -> contexts it signals; validated against the ontology's contexts when given."""
    doc = load_data(package_data("contexts.yaml"))
    if not isinstance(doc.data, dict):
        raise doc.error("expected a mapping of context -> list of lemmas")
    by_word: dict[str, list[str]] = {}
    for context, words in doc.data.items():
        if valid is not None and context not in valid:
            raise doc.error(f"unknown PLOVER context '{context}'", at=(context,))
        if not isinstance(words, list):
            raise doc.error(f"context '{context}' must list lemmas", at=(context,))
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
