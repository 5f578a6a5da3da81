"""Who takes part in an event noun that a happening verb reports ("clashes erupted between
police and protesters"): the parse hangs the sides on the verb, not on the noun."""

from __future__ import annotations

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import pobj_actors
from gestae.engine.rules import rule
from gestae.engine.syntax import prep_child


@rule("source.happening-between")
def happening_between(ev: Event) -> list[Mention]:
    """A clash, fight or shootout that "erupted" or "broke out" between two sides is their
    act, as "clashes between A and B" is: the parse hangs the 'between' phrase on the verb
    that reports the noun as happening, so the noun's own dependents miss it.

    Example: Fierce clashes erupted between soldiers and rebels in Beni on Sunday.
    """
    verb = ev.clause
    reporter = ev.grammar.happening_verb(ev.token)
    if verb.i == ev.token.i or reporter is None or reporter.i != verb.i:
        return []
    between = prep_child(verb, "between")
    if between is None:
        return []
    return ev.found("source.happening-between", pobj_actors(ev.grammar, between, ev.actors))
