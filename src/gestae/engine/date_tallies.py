"""The dates' view of a tally: a sentence that counts many acts ("killed 400 people in 500
attacks in 2024") narrates none, so a later sentence takes no day from it.

The test itself is events/tallies.py. It is imported when first used: the events package
imports the records package, which imports the dates, so a top-level import here would make
`gestae.engine.dates` fail to import on its own.
"""

from __future__ import annotations

from spacy.tokens import Token


def tallied(verb: Token) -> bool:
    """True when the clause of `verb` counts many acts rather than tells one."""
    from gestae.engine.events.tallies import tally

    return tally(verb)
