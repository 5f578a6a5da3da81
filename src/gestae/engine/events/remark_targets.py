"""Whom a worry or a hope is about: "voiced concern over North Korea's missile launches" is a
remark about North Korea, "is skeptical of a Russian announcement" one about Russia. The frame's
own object ("concern") is no party, and the topic phrase names an act or a thing, so the party is
whose that act or thing is: the topic itself when it is an actor, else its possessor or the
demonym before it, else the actor its "that" clause is about."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.mentions import actor_group, with_country
from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, agent, child

# Pessimistic (012) and optimistic (013) remarks.
REMARK_CODES = ("012", "013")
# Prepositions that give what a remark is about.
REMARK_TOPIC_PREPS = frozenset(
    {"about", "over", "of", "at", "on", "for", "regarding", "concerning"}
)


@rule("target.remark-topic")
def remark_topic(q: Search) -> list[Mention]:
    """A worry or a hope is about the party of what it names: the actor its "about", "over",
    "of" ... phrase names, owns, or names as the doer or party of the act ("concern over Iraq's
    missile tests", "the use of force by police", "skeptical about Iranian motives"), or the
    owner of its "that" clause's subject ("optimism that the British government's plan ...");
    a topic naming no one ("the peace talks") gives no target, nor does an actor deeper in it,
    and nothing is taken from the article's context.

    Example: Japan voiced concern over Iraq's missile tests.
    """
    if q.depth != 0 or q.ev.entry.cameo not in REMARK_CODES:
        return []
    words = [*q.objects, q.token, *(c for c in q.token.children if c.dep_ == "acomp")]
    for word in words:
        found = _topic_party(q, word)
        if found:
            return q.found("target.remark-topic", found)
    return []


def _topic_party(q: Search, word: Token) -> list[Mention]:
    ev = q.ev
    preps = [c for c in word.children if c.dep_ == "prep"]
    if any(p.lower_ == "to" for p in preps):
        return []  # "conveyed concern about the move to Athens": the addressee's (dative rules)
    for prep in preps:
        topic = child(prep, {"pobj"}) if prep.lower_ in REMARK_TOPIC_PREPS else None
        if topic is None:
            continue
        # The topic itself, its possessor, the "by" doer or "of" party of the act it names.
        holders = [topic, child(topic, {"poss"}), *_act_parties(topic)]
        for holder in holders:
            found = with_country(actor_group(ev.grammar, holder, ev.actors)) if holder else []
            if found:
                return found
        implied = ev.grammar.resolver.implied_actor(topic, ev.actors, through_places=False)
        if implied is not None and "the demonym" in implied.rule:
            return [implied]  # "Iranian motives": only a demonym in front, nothing deeper
    for clause in (c for c in word.children if c.dep_ in ("acl", "ccomp")):
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            continue
        subject = child(clause, SUBJECT_DEPS | {"nsubjpass"})
        if subject is not None and subject.pos_ != "PRON":
            found = with_country(actor_group(ev.grammar, subject, ev.actors, owner=True))
            if found:
                return found
    return []


def _act_parties(topic: Token) -> list[Token | None]:
    """The doer of the act a topic names ("force by police", "reforms taken by the
    government"), then its "of" party ("the future of Estonia")."""
    doers = [agent(c) for c in topic.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    preps = [c for c in topic.children if c.lower_ == "by"] + [d for d in doers if d is not None]
    preps += [c for c in topic.children if c.lower_ == "of"]
    return [child(p, {"pobj"}) for p in preps]
