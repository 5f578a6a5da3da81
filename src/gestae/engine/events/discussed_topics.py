"""A concession or cooperation named as what parties talk about or put forward has not
happened: "talks on a ceasefire between Israel and Hezbollah" tell of talks, and the ceasefire
is their topic. Run by suppression.MATCH_SUPPRESSIONS on a matched trigger."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gestae.engine.rules import rule
from gestae.engine.syntax import first_conjunct
from gestae.resources.word_classes import words

if TYPE_CHECKING:
    from gestae.engine.events.suppression import Matched

TOPIC_HOST_NOUNS = words("topic_host_nouns")
TALKED_TOPIC_PREPS = words("talked_topic_preps")
TOPIC_VERBS = words("topic_verbs")
# CAMEO roots of the acts talks are about: intents, cooperation, aid, concessions (03-08).
# Hostile acts named as a topic ("talks on the attack") happened before the talks.
NEGOTIATED_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})


@rule("suppress.discussed-topic")
def discussed_topic(m: Matched) -> bool:
    """'talks on a truce between the army and the rebels', 'negotiations over the release of
    the hostages', 'discussed a ceasefire', 'proposed a truce': a ceasefire, release,
    withdrawal or aid named as the topic of talks or a proposal (word classes
    topic_host_nouns, talked_topic_preps, topic_verbs) is not yet done; the talks code on
    their own. 'reached a deal on a ceasefire' and 'brokered a truce' are not topics.

    Example: Kenyan envoys held talks with Somali officials on a truce with al-Shabaab.
    """
    if m.entry.pos != "noun" or m.entry.cameo[:2] not in NEGOTIATED_ROOTS:
        return False
    noun = first_conjunct(m.token)  # 'a ceasefire and the release of hostages'
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in TALKED_TOPIC_PREPS and head.dep_ == "prep":
        host = head.head
        if host.pos_ == "VERB":  # "held talks with Somalia on a truce": the talks' verb
            return any(
                c.dep_ == "dobj" and c.lemma_.lower() in TOPIC_HOST_NOUNS for c in host.children
            )
        return host.pos_ == "NOUN" and host.lemma_.lower() in TOPIC_HOST_NOUNS
    return noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in TOPIC_VERBS
