"""An act told in a relative clause opened by "whom" on a name: "Ali Musa, whom Ugandan police
arrested on Monday, is a lawyer". The parse often hangs the verb on the clause's subject as a
participle ("police arrested" read as "police who were arrested"), which would make the doers
the victims; the subject did the act, and the name before "whom" underwent it."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import actor_group
from gestae.engine.events.participles import whom_before
from gestae.engine.rules import rule


@rule("source.whom-subject")
def whom_clause(ev: Event) -> tuple[list[Mention], list[Mention]] | None:
    """'Ali Musa, whom Ugandan police arrested on Monday, ...': the noun the parse hangs the
    verb on, right after "whom", is its subject and did the act (not its victim:
    target.whom-subject); the name before ", whom" is its object. None for any other clause.

    Example: Ali Musa, whom Ugandan police arrested on Monday, is a Kenyan lawyer.
    """
    clause = ev.clause
    if clause.dep_ != "acl" or clause.i < clause.head.i:
        return None
    noun = clause.head
    whom = whom_before(noun)
    if whom is None:
        return None
    doers = [m for m in actor_group(ev.grammar, noun, ev.actors) if m.actors]
    named = _antecedent(ev, whom)
    if not doers or named is None:
        return None
    ev.found("source.whom-subject", doers, f"'{noun.text}' after 'whom'")
    ev.trace.add("target.whom-subject", f"'{named.actors[0].text}' is whom '{clause.text}'")
    return doers, [named]


def _antecedent(ev: Event, whom: Token) -> Mention | None:
    """The named actor right before ", whom"."""
    doc = whom.doc
    if whom.i < 2 or doc[whom.i - 1].text != ",":
        return None
    mention = ev.actors.at(doc[whom.i - 2])
    return mention if mention is not None and len(mention.actors) == 1 else None
