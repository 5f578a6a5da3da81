"""Whom aid serves when its words name no recipient: the people or the country its purpose
clause names ("gave $20 million to help flood victims in Pakistan"). A named rule that
`targets.FALLBACK_RULES` tries after the complement's own target."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.mentions import actor_group, with_country
from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule

# CAMEO root of material aid (AID): money, relief, arms, experts given.
AID_ROOT = "07"
# How a purpose clause hangs on the act or on what is given ("$5 million to fund ...").
PURPOSE_DEPS = ("advcl", "xcomp", "acl", "relcl")
# Where the served people are, inside the purpose clause ("help victims in Pakistan").
SERVED_PLACE_PREPS = ("in", "to", "across", "throughout")
# Clauses inside the purpose clause that tell something else ("projects which benefit X");
# a participle ("those affected in Yemen") still describes whom it serves.
NESTED_CLAUSE_DEPS = ("relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis")


@rule("target.aid-purpose")
def aid_purpose(q: Search) -> list[Mention]:
    """'gave $20 million to help flood victims in Pakistan', 'granted funds to promote health
    care in Liberia': aid whose words name no recipient serves whom its "to" purpose clause
    names: a party with a country there, else the state of a place the clause names (a
    region of several states names none). The money or goods given are never the party.

    Example: Japan gave 20 million dollars to help flood victims in Pakistan.
    """
    if q.depth != 0 or not q.ev.entry.cameo.startswith(AID_ROOT):
        return []
    for clause in _purpose_clauses(q):
        found = _served_parties(q, clause) or _served_places(q, clause)
        if found:
            return q.found("target.aid-purpose", found)
    return []


def _purpose_clauses(q: Search) -> list[Token]:
    """The "to" clauses on the act or on what it gives, in the order of the sentence."""
    heads = [q.token, *q.objects]
    return sorted(
        (
            c
            for head in heads
            for c in head.children
            if c.dep_ in PURPOSE_DEPS
            and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        key=lambda c: c.i,
    )


def _served_parties(q: Search, clause: Token) -> list[Mention]:
    """Parties with a country the clause's objects or 'for' phrases name."""
    found: list[Mention] = []
    for token in clause.subtree:
        if token.dep_ in ("dobj", "pobj") and _in_clause(token, clause):
            for mention in with_country(actor_group(q.ev.grammar, token, q.ev.actors)):
                if mention not in found:
                    found.append(mention)
    return found


def _served_places(q: Search, clause: Token) -> list[Mention]:
    """The state of a place the clause names ("development in Ethiopia")."""
    for token in clause.subtree:
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in SERVED_PLACE_PREPS
            and _in_clause(token, clause)
        ):
            place = q.ev.grammar.resolver.place_actor(token, q.ev.actors)
            if place is not None and any(a.country for a in place.actors):
                return [place]
    return []


def _in_clause(token: Token, clause: Token) -> bool:
    """`token` belongs to the clause itself, not to a clause nested inside it."""
    current = token.head
    while current.i != clause.i:
        if current.dep_ in NESTED_CLAUSE_DEPS:
            return False
        current = current.head
    return True
