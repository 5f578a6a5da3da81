"""The doer of a violent act named only through its weapon or the attack it happened in: "were
killed by a rocket fired by Hamas", "was struck by shells fired by government forces",
"were wounded in a bomb attack claimed by the PKK". The participle on the weapon or the attack
says who fired, planted, launched or claimed it (word class doing_participles), and that one
did the harm (rule source.instrument-doer)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.codes import VIOLENT_ROOTS
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import pobj_actors
from gestae.engine.rules import rule
from gestae.engine.syntax import agent
from gestae.resources.word_classes import words

# Participles whose 'by' agent set a weapon or an attack going ("fired by", "claimed by").
DOING_PARTICIPLES = words("doing_participles")
# The prepositions of the attack the harm happened in ("killed in a bomb attack").
SETTING_PREPS = frozenset({"in", "during"})


def _held_nouns(clause: Token) -> Iterator[Token]:
    """The passive's 'by' objects (the weapon) and the attacks it happened in, also those of
    a verb joined to it by "and" with no auxiliary of its own ("six were killed and ten
    wounded in an attack launched by ...": the phrase hangs on one verb of the two)."""
    joined = [c for c in clause.children if c.dep_ == "conj" and not _own_auxiliary(c)]
    if clause.dep_ == "conj" and not _own_auxiliary(clause):
        joined.append(clause.head)  # "... killed and ten wounded": the first verb's phrase
    for verb in (clause, *joined):
        by = agent(verb)
        if by is not None:
            yield from (c for c in by.children if c.dep_ == "pobj")
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in SETTING_PREPS:
                yield from (c for c in prep.children if c.dep_ == "pobj")


def _own_auxiliary(verb: Token) -> bool:
    return any(a.dep_ in ("aux", "auxpass") for a in verb.children)


def _doer_of(ev: Event, noun: Token) -> list[Mention]:
    """Whom the noun's own participle ("fired by Hamas") names as its doer."""
    for participle in noun.children:
        if participle.dep_ != "acl" or participle.tag_ != "VBN":
            continue
        if participle.lemma_.lower() not in DOING_PARTICIPLES:
            continue
        by = agent(participle)
        found = [m for m in pobj_actors(ev.grammar, by, ev.actors) if m.actors] if by else []
        if found:
            return found
    return []


@rule("source.instrument-doer")
def instrument_doer(ev: Event) -> list[Mention]:
    """Harm done by a weapon, or in an attack, that a participle says someone fired, planted,
    launched or claimed was done by that one; only when the clause names no doer itself.

    Example: Five civilians were killed by a rocket fired by Hamas near Sderot.
    """
    if ev.entry.cameo[:2] not in VIOLENT_ROOTS:
        return []
    for noun in _held_nouns(ev.clause):
        found = _doer_of(ev, noun)
        if found:
            return ev.found("source.instrument-doer", found, noun.text)
    return []
