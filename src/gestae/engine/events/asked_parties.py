"""Whom an appeal is made to: "urged Western allies to increase pressure on Russia", "called on
the international community to act". The one asked is the object of the appeal, even when no
dictionary gives it a country; the target of what it is asked to do (Russia) is no target of
the appeal itself."""

from __future__ import annotations

from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule

# Appeals and demands (CAMEO 02x, 10x): their object is the party asked.
ASKING_ROOTS = ("02", "10")


@rule("target.asked-party")
def asked_party(q: Search) -> bool:
    """An appeal whose object is a party named only in words ("Western allies", "the
    international community", "both sides") is made to that party: the appeal's complement
    lends it no target.

    Example: Kenya urged Western allies to increase pressure on Sudan.
    """
    if not q.ev.entry.cameo.startswith(ASKING_ROOTS):
        return False
    dictionary = q.ev.grammar.resolver.dictionary
    asked = [c for c in q.token.children if c.dep_ == "dobj"]
    for prep in (c for c in q.token.children if c.dep_ == "prep" and c.lower_ == q.ev.entry.prep):
        asked += [c for c in prep.children if c.dep_ == "pobj"]  # "called on the community"
    for obj in asked:
        if obj.pos_ == "NOUN" and dictionary.is_generic(obj.lemma_.lower()):
            q.ev.trace.add("target.asked-party", f"'{obj.text}' is the party asked")
            return True
    return False
