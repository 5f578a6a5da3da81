"""One participant named twice: "the Baloch Liberation Army, or BLA," is one actor."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from gestae.engine.rules import Trace, rule
from gestae.schema import Actor

# What stands between a name and its other name: ", or ".
OR_GLOSS = re.compile(r"^\s*,\s*or\s*$")


@rule("record.or-alias")
def drop_aliases(actors: list[Actor], doc: Doc, trace: Trace) -> list[Actor]:
    """A name set off by commas after "or" right after another participant is that
    participant's other name (an acronym, or a name of the same country and sector), not a
    second participant: the act gets one record, not two.

    Example: The Rapid Support Forces, or RSF, shelled the market.
    """
    kept: list[Actor] = []
    for actor in sorted(actors, key=lambda a: a.start):
        last = kept[-1] if kept else None
        if last is not None and _alias(last, actor, doc):
            trace.add("record.or-alias", f"'{actor.text}' is another name of '{last.text}'")
            continue
        kept.append(actor)
    return [a for a in actors if any(a is k for k in kept)]


def _alias(first: Actor, other: Actor, doc: Doc) -> bool:
    if not OR_GLOSS.match(doc.text[first.end : other.start]):
        return False
    after = doc.text[other.end : other.end + 2].lstrip()
    if after[:1] not in (",", ")", "."):
        return False
    if other.text.isupper() and len(other.text) >= 2:
        return True
    return first.country is not None and (first.country, first.sector) == (
        other.country,
        other.sector,
    )
