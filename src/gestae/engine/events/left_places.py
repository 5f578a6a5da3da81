"""Where a pull-out leaves when the parse hangs the place on the force it moves: 'withdrew
all combat troops from Iraq' reads "from Iraq" as a part of "troops", yet Iraq is still the
place left and so the target (target.withdrawn-from)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.context import Event
from gestae.engine.rules import rule
from gestae.engine.syntax import objects, prep_child


@rule("target.force-left-from")
def force_left_from(ev: Event, token: Token) -> Token | None:
    """'will withdraw all combat troops from Iraq': a "from" phrase hung on the force a
    pull-out moves names the place it leaves, as one on the verb does.

    Example: Chad will withdraw all its combat troops from Niger by the end of the year.
    """
    for moved in objects(token):
        prep = prep_child(moved, "from")
        if prep is not None:
            ev.trace.add("target.force-left-from", f"'{moved.text} {prep.text} ...' is left")
            return prep
    return None
