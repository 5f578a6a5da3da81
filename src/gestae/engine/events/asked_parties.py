"""Whom an appeal is made to: "urged Western allies to increase pressure on Russia", "called on
the international community to act". The one asked is the object of the appeal, even when no
dictionary gives it a country; the target of what it is asked to do (Russia) is no target of
the appeal itself."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import actor_group, with_country
from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule
from gestae.engine.syntax import prep_child
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

# Appeals and demands (CAMEO 02x, 10x): their object is the party asked.
ASKING_ROOTS = ("02", "10")
# Heads of a pair reference ("both sides", "the two parties": group_references.py).
PAIR_HEADS = words("pair_heads")
# What an appeal asks for when it asks for relief: whom it is for is a beneficiary.
RELIEF_NOUNS = words("relief_nouns")
# Prepositions on a relief noun that name whom it is for ("aid for refugees", "help to Chad").
BENEFICIARY_PREPS = frozenset({"for", "to"})


@rule("target.asked-party")
def asked_party(q: Search) -> bool:
    """An appeal whose object is a party named only in words ("Western allies", "the
    international community", "both sides") or by a pronoun no actor stands behind ("urged
    them to ...") is made to that party: the appeal's complement lends it no target.

    Example: Kenya urged Western allies to increase pressure on Sudan.
    """
    if not q.ev.entry.cameo.startswith(ASKING_ROOTS):
        return False
    dictionary = q.ev.grammar.resolver.dictionary
    asked = [c for c in q.token.children if c.dep_ == "dobj"]
    for prep in (c for c in q.token.children if c.dep_ == "prep" and c.lower_ == q.ev.entry.prep):
        asked += [c for c in prep.children if c.dep_ == "pobj"]  # "called on the community"
    for obj in asked:
        generic = obj.pos_ == "NOUN" and dictionary.is_generic(obj.lemma_.lower())
        # "urged them to halt the shipments into Ukraine": a pronoun no actor stands behind
        # (one that does is the object's target before this is asked) is still the one asked.
        unresolved = obj.pos_ == "PRON" and not _resolved(q, obj)
        if generic or unresolved:
            q.ev.trace.add("target.asked-party", f"'{obj.text}' is the party asked")
            return True
    return False


def _resolved(q: Search, obj: Token) -> bool:
    mention = q.ev.actors.at(obj)
    return mention is not None and bool(mention.actors)


@rule("target.pair-asked")
def pair_asked(ev: Event, prep: Token) -> bool:
    """'called on both sides to talk': a pair reference after the entry's own preposition is
    the two parties the act reaches, not a place ("on both sides of the border" stays one, as
    do casualties "on both sides", which no entry preposition frames).

    Example: Serbia accused Kosovo of provoking violence. The EU called on both sides to talk.
    """
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or (obj.lemma_.lower() not in PAIR_HEADS and obj.lower_ not in PAIR_HEADS):
        return False
    if any(c.dep_ == "prep" for c in obj.children):
        return False  # "on both sides of the border", "the two sides of the river"
    mention = ev.actors.at(obj)
    if mention is None or not mention.reference or len(mention.actors) < 2:
        return False
    ev.trace.add("target.pair-asked", f"'{obj.text}' are the parties, no place")
    return True


@rule("target.asked-for-party")
def asked_for_party(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'asked the Bolivian government for help': in an appeal framed by 'for', what is asked
    follows the preposition, so the verb's own object is the party asked, as the dictionaries
    name it (a government stays GOV; a state's name stays the state).

    Example: Peru asked the Bolivian government for help in the search.
    """
    if not entry.cameo.startswith(ASKING_ROOTS) or entry.target != "none" or entry.prep != "for":
        return []
    if prep_child(token, "for") is None:
        return []
    found: list[Mention] = []
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        found += with_country(actor_group(ev.grammar, obj, ev.actors))
    return ev.found("target.asked-for-party", found)


@rule("target.asked-beneficiary")
def asked_beneficiary(q: Search, prep: Token) -> bool:
    """'appealed for aid for refugees in Chad': after an appeal's own preposition comes what
    is asked; relief asked for someone names whom it is for, a beneficiary and not the party
    asked, so that phrase lends the appeal no target (the party asked is the object or the
    'to' party: "appealed to the UN for aid").

    Example: Niger appealed for food aid for Malian refugees on Monday.
    """
    entry = q.ev.entry
    if not entry.cameo.startswith(ASKING_ROOTS) or entry.target != "none":
        return False
    if prep.lower_ != entry.prep:
        return False
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if obj.lemma_.lower() not in RELIEF_NOUNS and obj.lower_ not in RELIEF_NOUNS:
            continue
        if any(c.dep_ == "prep" and c.lower_ in BENEFICIARY_PREPS for c in obj.children):
            q.ev.trace.add("target.asked-beneficiary", f"'{obj.text}' is for a beneficiary")
            return True
    return False
