"""Whom an offer is made to, when the text tells it only by the one who answers it: "North
Korea rejected an offer by Washington to hold talks", "Serbia welcomed Hungary's proposal to
host the talks". The offer names its maker and no receiver; the one who rejects, accepts or
welcomes it is the one it was made to."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.mentions import actor_group
from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS
from gestae.resources.word_classes import words

# Nouns of an offer made to someone ("an offer of talks", "a proposal to mediate").
OFFER_NOUNS = words("offered_nouns")
# Verbs that answer an offer: its subject is the one the offer was made to.
ANSWERING_VERBS = words("offer_answering_verbs")


def _offer(token: Token) -> Token | None:
    """The offer noun the trigger is, or the one whose "to" clause it is ("a proposal to
    mediate")."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in OFFER_NOUNS:
        return token
    head = token.head
    if token.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in OFFER_NOUNS:
        return head
    return None


def _answering(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == "turn":  # "turned down an offer"
        return any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
    return lemma in ANSWERING_VERBS


@rule("target.offer-answerer")
def offer_answerer(q: Search) -> list[Mention]:
    """'North Korea rejected an offer by Washington to hold talks': an offer or proposal
    that is the object of a verb of answering it (reject, accept, welcome, turn down) was made
    to that verb's subject, its target; only a subject that is an actor.

    Example: Serbia welcomed an offer by Hungary to host the talks.
    """
    if q.depth:
        return []
    noun = _offer(q.token)
    if noun is None or noun.dep_ != "dobj" or not _answering(noun.head):
        return []
    subject = next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return []
    return q.found("target.offer-answerer", actor_group(q.ev.grammar, subject, q.ev.actors))
