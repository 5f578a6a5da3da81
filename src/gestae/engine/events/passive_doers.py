"""Who does an act told in a clause hung on a passive: the passive's own subject, for what it
was doing when the main act befell it ("three militants were killed while trying to storm a
base"), or the passive's agent, for the purpose a thing was used for ("gunboats used by Iran
to attack shipping"). Before, such acts had no doer and coded nothing."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import actor_group
from gestae.engine.rules import rule
from gestae.engine.syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, agent, child
from gestae.resources.word_classes import words

# Markers of an "-ing" clause that tells what the main clause's subject was doing at the time.
WHILE_MARKS = frozenset({"while", "when"})
# Participles of use whose "by" agent does the purpose the thing served ("used by Iran to").
USE_PARTICIPLES = words("use_participles")


def opening_passive(current: Token) -> bool:
    """'Backed by Russian jets, the army ...': a past participle opening the sentence, with
    its agent, tells what was done to the main clause's subject."""
    if current.dep_ != "advcl" or current.tag_ != "VBN" or current.i > current.head.i:
        return False
    return any(c.dep_ == "agent" for c in current.children)


def _actors(ev: Event, words_of: Token) -> list[Mention]:
    return [m for m in actor_group(ev.grammar, words_of, ev.actors) if m.actors]


@rule("source.undergoer-gerund")
def undergoer_gerund_doer(ev: Event, current: Token) -> list[Mention] | None:
    """'Two rebels were killed while trying to storm a post': an "-ing" clause with no subject
    of its own, opened by "while" or "when" and hung on a passive with no doer as subject, is
    done by the passive's subject; it underwent the main act and did the clause's (they tried
    to storm the post). A subject of its own ("while police stormed") keeps its own doer.

    Example: Three Somali militants were killed while trying to storm an army base in Baidoa.
    """
    if current.dep_ != "advcl" or current.tag_ != "VBG":
        return None
    if not any(c.dep_ == "mark" and c.lower_ in WHILE_MARKS for c in current.children):
        return None
    head = current.head
    undergoer = child(head, PASSIVE_SUBJECT_DEPS)
    if undergoer is None or child(head, SUBJECT_DEPS) is not None:
        return None
    found = _actors(ev, undergoer)
    return ev.found("source.undergoer-gerund", found, head.text) if found else None


@rule("source.user-agent")
def user_agent_doer(ev: Event, current: Token) -> list[Mention] | None:
    """'Gunboats used by Iran to attack shipping': the purpose infinitive of a participle of
    use (word class `use_participles`) is done by the participle's "by" agent, the user, not by
    the thing used. A thing used with no user named ("a drone used to attack") is left to the
    rules for a task with no doer (`suppress.hired-for`).

    Example: The navy sank three speedboats used by Eritrea to attack Yemeni fishing boats.
    """
    head = current.head
    if current.dep_ not in ("xcomp", "advcl") or current.tag_ != "VB":
        return None
    if head.tag_ != "VBN" or head.lemma_.lower() not in USE_PARTICIPLES:
        return None
    by = agent(head)
    user = child(by, {"pobj"}) if by is not None else None
    found = _actors(ev, user) if user is not None else []
    return ev.found("source.user-agent", found, head.text) if found else None


def passive_clause_doer(ev: Event, current: Token) -> list[Mention] | None:
    """The doer of the clause `current` heads, read from the passive it hangs on, or None."""
    return undergoer_gerund_doer(ev, current) or user_agent_doer(ev, current)
