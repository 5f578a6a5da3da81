"""People who stand for a person: "Assad loyalists", "Navalny supporters", "Ruto's
supporters". They are a group of that person's country, never the person, nor of the
person's office (rule actor.person-followers)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from gestae.engine.mentions import DocActors, Mention
from gestae.resources.word_classes import words
from gestae.schema import Actor

FOLLOWER_NOUNS = words("follower_nouns")
FOLLOWERS_RULE = "actor.person-followers"


def is_followers(head: Token) -> bool:
    """A plural noun of people who stand for someone ("supporters", "loyalists")."""
    return head.lemma_.lower() in FOLLOWER_NOUNS and head.tag_ == "NNS"


def followers_mention(span: Span, head: Token, leader: Actor) -> Mention:
    """The followers of `leader` on the words of `span`: a group of the leader's country."""
    rule = f"{FOLLOWERS_RULE}: {leader.name or leader.text}'s {head.lower_}, of {leader.country}"
    group = Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        country=leader.country,
        kind="group",
        rule=rule,
    )
    return Mention(span.start, span.end, head.i, [group], rule)


def possessed_followers(head: Token, end: int, found: DocActors) -> Mention | None:
    """ "Ruto's supporters", "the opposition leader's followers": a person named as the
    possessor of followers, already resolved, leads them; the phrase takes the possessor's
    words in."""
    if not is_followers(head):
        return None
    for owner in (c for c in head.children if c.dep_ == "poss"):
        mention = found.by_token.get(owner.i)
        if mention is None or len(mention.actors) != 1 or mention.actors[0].kind != "person":
            continue
        start = min(t.i for t in owner.subtree)
        return followers_mention(head.doc[start:end], head, mention.actors[0])
    return None
