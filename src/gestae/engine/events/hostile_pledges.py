"""'Russia vowed a tough response to Estonia': a promise whose content is a hostile reply
announces a hostile act, which PLOVER codes THREATEN, not the AGREE of a promise to cooperate."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from gestae.engine.actors import DocActors
from gestae.engine.events.cyber_acts import SOURCE as CYBER_SOURCE
from gestae.engine.events.frame_subjects import is_actor
from gestae.engine.events.matching import Grammar, trigger_lexicon
from gestae.engine.events.misread_tags import gerund_between
from gestae.engine.events.threatened_acts import SOURCE as THREATENED_SOURCE
from gestae.engine.rules import Trace, rule
from gestae.engine.syntax import objects, pobjs
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

# The verbs of a promise whose bare frame codes AGREE (CAMEO 030).
PROMISE_WORDS = words("promise_words")
# Replies that are hostile by their own word ("promised reprisals against").
HOSTILE_REPLIES = words("hostile_reply_nouns")
# Replies that are hostile only when a harsh word sets them ("a tough response", "firm measures").
REPLY_NOUNS = words("answer_nouns")
HARSH_WORDS = words("harsh_reply_words")
# The prepositions that aim a reply at its party ("a harsh reply to Estonia").
AIMING_PREPS = frozenset({"to", "against", "on"})
# A reply to an act of these CAMEO roots (threats, protests, force, coercion, attacks) answers
# a hostile act ("a strong response to the drills"); not a reply to a need or a demand.
HOSTILE_ROOTS = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})
THREATEN_CODE = "130"  # threaten, not specified below
FORCE_CODE = "138"  # threaten with military force (the code of "vowed revenge")
SOURCE = "hostile_pledges.py: promised hostile reply"
ANSWER_SOURCE = "hostile_pledges.py: promised reply to the act told before"
# A build-up of arms promised ("vowed to expand its nuclear arsenal"): the verbs and the arms.
ARMING_VERBS = words("arming_verbs")
ARMS_NOUNS = words("arms_nouns")
# What a build-up makes: the arms, or a capability their word names ("nuclear capability").
ARMS_BUILT = ARMS_NOUNS | {"capability"}
ARMING_SOURCE = "hostile_pledges.py: promised build-up of arms"
# An armed attack promised ("promised to shell the town"): the CAMEO roots of force.
FORCE_ROOTS = frozenset({"18", "19", "20"})
FORCE_SOURCE = "hostile_pledges.py: promised armed attack"


def _aimed(grammar: Grammar, verb: Token, reply: Token, actors: DocActors | None) -> bool:
    """The reply is aimed at a party: 'to/against' an actor or a hostile act."""
    preps = [
        c
        for h in (reply, verb)
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in AIMING_PREPS and c.i > reply.i
    ]
    for prep in preps:
        for pobj in pobjs(prep):
            if is_actor(pobj, actors):
                return True
            act = grammar.match(pobj, actors)
            if act is not None and act.cameo[:2] in HOSTILE_ROOTS:
                return True
    return False


@rule("trigger.answered-act")
def answered_in_clause(grammar: Grammar, verb: Token, actors: DocActors | None) -> bool:
    """'blamed the rebels for the attack and promised a firm response': a harsh reply with
    no party named answers the hostile act the verb it is joined to names, so it is aimed
    (THREATEN); a firm response promised on its own, or after a need, stays AGREE.

    Example: The army blamed the rebels for the attack and vowed a tough response.
    """
    if verb.dep_ != "conj":
        return False
    return any(
        act is not None and act.cameo[:2] in HOSTILE_ROOTS
        for t in verb.head.subtree
        if t.i < verb.i and t.pos_ == "NOUN"
        for act in (grammar.match(t, actors),)
    )


@rule("trigger.hostile-pledge")
def hostile_pledge(
    grammar: Grammar, token: Token, entry: TriggerEntry, actors: DocActors | None
) -> TriggerEntry | None:
    """A promise, vow or pledge whose object is a hostile reply aimed at a party announces a
    hostile act: THREATEN (138 for retaliation, revenge or reprisal; 130 for a reply set by a
    harsh word). A swift response to a need, a firm commitment or a strong economy stay AGREE.

    Example: Russia vowed a harsh response to Estonia.
    """
    if entry.pos != "verb" or entry.cameo != "030" or entry.obj or entry.xcomp:
        return None
    if token.lemma_.lower() not in PROMISE_WORDS:
        return None
    if arming_pledge(token):
        return replace(entry, cameo=THREATEN_CODE, source=ARMING_SOURCE)
    if pledged_force(grammar, token, actors):
        return replace(entry, cameo=FORCE_CODE, source=FORCE_SOURCE)
    for reply in objects(token):
        lemma = reply.lemma_.lower()
        if lemma in HOSTILE_REPLIES:
            code = FORCE_CODE
        elif lemma in REPLY_NOUNS and any(
            c.dep_ == "amod" and c.lemma_.lower() in HARSH_WORDS for c in reply.children
        ):
            code = THREATEN_CODE
        else:
            continue
        if _aimed(grammar, token, reply, actors):
            return replace(entry, cameo=code, source=SOURCE)
        if answered_in_clause(grammar, token, actors):
            return replace(entry, cameo=code, source=ANSWER_SOURCE)
    return None


@rule("trigger.arming-pledge")
def arming_pledge(token: Token) -> bool:
    """A vow or pledge to build up arms ("vowed to expand its nuclear arsenal", "pledged to
    build more missiles") announces a show of force, which PLOVER codes THREATEN (130), not
    the AGREE of a promise to cooperate; "vowed to expand trade" stays AGREE.

    Example: Iran vowed to build more ballistic missiles.
    """
    for verb in (c for c in token.children if c.dep_ == "xcomp"):
        if verb.lemma_.lower() not in ARMING_VERBS:
            continue
        for obj in objects(verb):
            words_of = {obj.lemma_.lower(), *(c.lemma_.lower() for c in obj.lefts)}
            if words_of & ARMS_NOUNS and obj.lemma_.lower() in ARMS_BUILT:
                return True
    return False


@rule("trigger.pledged-force")
def pledged_force(grammar: Grammar, token: Token, actors: DocActors | None) -> bool:
    """A promise or vow whose complement is itself an armed attack ("promised to shell the
    town", "vowed to bomb the bridges") announces that attack: THREATEN with military force
    (138), whatever verb of force the lexicon's promise frames happen to list; a promise to
    protect, rebuild or help stays what its own frame says.

    Example: The militia promised to shell the town.
    """
    for verb in (c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        act = grammar.match(verb, actors)
        if act is not None and act.cameo[:2] in FORCE_ROOTS:
            return True
    return False


def trigger_trace(token: Token, entry: TriggerEntry) -> Trace:
    """The trace of a matched trigger: its lexicon entry, and a promise read as a threat."""
    trace = Trace()
    trigger_lexicon(trace, token, entry)
    if entry.source == SOURCE:
        trace.add("trigger.hostile-pledge", f"'{token.text}' promises a hostile reply")
    if entry.source == ANSWER_SOURCE:
        trace.add("trigger.answered-act", f"'{token.text}' answers the act told before it")
    if entry.source == FORCE_SOURCE:
        trace.add("trigger.pledged-force", f"'{token.text}' promises an armed attack")
    if entry.source == ARMING_SOURCE:
        trace.add("trigger.arming-pledge", f"'{token.text}' promises a build-up of arms")
    if entry.pos == "noun" and gerund_between(token):
        trace.add("trigger.gerund-between", f"'{token.text}' is the act named as a noun")
    if entry.source == THREATENED_SOURCE:
        trace.add("trigger.threatened-act", f"'{token.text}' threatens the act its object names")
    if entry.source == CYBER_SOURCE:
        trace.add("trigger.cyber-antecedent", f"'{token.text}' is the cyber attack told before")
    return trace
