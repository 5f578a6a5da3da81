"""At whom an act of force on a gathering is aimed: the people whose gathering it is.

Police "broke up a rally by opposition supporters", "fired tear gas to disperse a march of
students": the object is the gathering, a noun that is no actor, and the people it names after
"by" or "of" are whom the force was used on. Only acts of coercion or force (CAMEO 17x-20x)
read the gathering this way: joining, backing or calling off a rally is no act on its people.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.mentions import actor_group, pobj_actors, with_country
from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule
from gestae.resources.word_classes import words

GATHERING_NOUNS = words("gathering_nouns")
CROWD_PARTICIPLES = words("crowd_participles")
# The CAMEO roots of coercion and force: what is done to a gathering's people.
FORCE_ROOTS = ("17", "18", "19", "20")
# Prepositions that name a gathering's people: "a rally by students", "a march of workers".
AGENT_PREPS = frozenset({"by", "of"})


def _gathering(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in GATHERING_NOUNS


@rule("target.gathering-agent")
def gathering_agent(q: Search) -> list[Mention]:
    """'broke up a rally by opposition supporters': an act of force whose object is a gathering
    is aimed at the people the gathering's "by" or "of" phrase names.

    Example: Ugandan police broke up a rally by opposition supporters in Kampala.
    """
    if not q.ev.entry.cameo.startswith(FORCE_ROOTS):
        return []
    for obj in q.objects:
        if not _gathering(obj):
            continue
        for prep in _agent_preps(obj):
            found = with_country(pobj_actors(q.ev.grammar, prep, q.ev.actors))
            described = [
                m for n in _described(prep) for m in actor_group(q.ev.grammar, n, q.ev.actors)
            ]
            found = found or with_country(described)
            if found:
                return q.found("target.gathering-agent", found)
    return []


def _agent_preps(obj: Token) -> list[Token]:
    """The gathering's "by" or "of" phrase; the small model often hangs "by" on the verb
    ("broke up [a rally] [by students]"): a "by" right after the object of an active verb
    is the gathering's too."""
    preps = [c for c in obj.children if c.dep_ == "prep" and c.lower_ in AGENT_PREPS]
    if obj.right_edge.i + 1 >= len(obj.doc):
        return preps
    after, verb = obj.doc[obj.right_edge.i + 1], obj.head
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    by_verb = after.lower_ == "by" and after.head.i == verb.i
    named = [o for o in after.children if o.dep_ == "pobj"] + _described(after)
    if by_verb and not passive and any(_people(o) for o in named):
        preps.append(after)
    return preps


def _described(prep: Token) -> list[Token]:
    """The people a crowd participle the parse read as a verb describes ("a march by striking
    teachers": "striking" with "teachers" as its object; suppress.striking-people)."""
    return [
        d
        for p in prep.children
        if p.dep_ == "pcomp" and p.lemma_.lower() in CROWD_PARTICIPLES
        for d in p.children
        if d.dep_ == "dobj"
    ]


def _people(noun: Token) -> bool:
    """A "by" object that names people ("by students", "by the union"), not a manner ("by
    force"): a plural, a name, or a noun with a determiner or a word in front."""
    if noun.tag_ in ("NNS", "NNPS") or noun.pos_ == "PROPN":
        return True
    return any(c.dep_ in ("det", "poss", "compound", "amod") for c in noun.children)
