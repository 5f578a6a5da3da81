"""Who a message speaks for: its author, named by a possessive, a 'from' or 'by' phrase, a
participle or relative clause with a 'by' agent, or the subject of the verb that issued it."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import actor_group, pobj_actors
from gestae.engine.rules import rule
from gestae.engine.syntax import OBJECT_DEPS, SUBJECT_DEPS, agent, child


def author(ev: Event, noun: Token) -> list[Mention]:
    """Who wrote a message: "Johnson's letter", "a letter from X", "X published a letter"."""
    if noun.dep_ in OBJECT_DEPS and noun.head.pos_ == "VERB":
        subject = child(noun.head, SUBJECT_DEPS)
        if subject is not None:
            return actor_group(ev.grammar, subject, ev.actors)
    for dependent in noun.children:
        if dependent.dep_ == "poss":
            return actor_group(ev.grammar, dependent, ev.actors)
        if dependent.dep_ == "prep" and dependent.lower_ in ("from", "by"):
            return pobj_actors(ev.grammar, dependent, ev.actors)
        if dependent.dep_ == "acl":
            by = agent(dependent)
            if by is not None:
                return pobj_actors(ev.grammar, by, ev.actors)
    return []


@rule("source.message-from")
def message_from(ev: Event, subject: Token) -> list[Mention]:
    """A message that acts as subject speaks for whoever it comes from: 'a statement from the
    Kenyan foreign ministry condemned ...', 'a report by Human Rights Watch accused ...', 'the
    report, which was published by Amnesty, accuses ...' (communication_nouns of triggers.yaml).

    Example: A statement from the Kenyan foreign ministry condemned Somalia.
    """
    if subject.lemma_.lower() not in ev.grammar.communication_nouns:
        return []
    found = [m for m in author(ev, subject) if m.actors]
    for clause in (c for c in subject.children if c.dep_ == "relcl" and not found):
        by = agent(clause)  # "the report, which was published by Amnesty, ..."
        found = [m for m in pobj_actors(ev.grammar, by, ev.actors) if m.actors] if by else []
    return ev.found("source.message-from", found, subject.text)
