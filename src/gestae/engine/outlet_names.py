"""Outlets whose name is "The" and a common word ("The Hindu", "The Independent", "The
Times"): the word alone is no outlet (guard actor.outlet-needs-the)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from gestae.resources.actor_entries import ActorEntry


def outlet_without_the(span: Span, entries: Sequence[ActorEntry]) -> bool:
    """A news outlet whose name is "The" and a word of its own ("The Hindu", "The
    Independent", "The Guardian") is named only with its "the": "Hindu mobs", "Independent
    monitors" and "Guardian angels" name no outlet, so the words keep their own reading. A
    listed longer name ("Guardian newspaper", "Sunday Times") still names the outlet."""
    if not entries or any(e.role != "media" for e in entries):
        return False
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if before == "the" or span[0].lower_ == "the":
        return False
    words = span.text.lower()
    return all(e.name.lower().startswith("the ") and e.name[4:].lower() == words for e in entries)
