"""What a fired or launched weapon was aimed at. The parse often hangs the aim ("at an army
base", "toward the town") on the weapon noun rather than on the verb, so the lexicon's "+at"
frame misses it and the weapon itself, or the place inside its phrase, was taken for the
target ("fired a salvo of rockets at an army base": the salvo is what was fired)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.codes import VIOLENT_ROOTS
from gestae.engine.events.mentions import pobj_actors, unnamed_target, with_country
from gestae.engine.events.target_search import Search
from gestae.engine.events.thing_targets import INSTRUMENT_VERBS, LAUNCHED_WEAPONS
from gestae.engine.rules import rule
from gestae.engine.syntax import child
from gestae.resources.word_classes import words

ATTACK_MEANS = words("attack_means")
# Prepositions that give the aim of a weapon ("rockets at the base", "shells toward the town").
AIM_PREPS = frozenset({"at", "on", "against", "toward", "towards"})


@rule("target.weapon-aimed-at")
def weapon_aimed_at(q: Search) -> list[Mention]:
    """'fired a salvo of rockets at an army base', 'fired 14 missiles and 100 drones at the
    power grid': when the aim hangs on the weapon fired or launched (or on one listed with
    it), the aim is the target, never the weapon; a place inside the aim gives its country.

    Example: The rebels fired a volley of rockets at an army base near Kiryat Shmona.
    """
    ev = q.ev
    if ev.entry.lemma not in INSTRUMENT_VERBS or ev.entry.cameo[:2] not in VIOLENT_ROOTS:
        return []
    for obj in q.objects:
        if not _weapon(obj, ev.entry.obj) or ev.grammar.is_event_noun(obj):
            continue  # "launched air strikes against the enclave": an attack, no weapon
        for prep in _aim_preps(obj):
            aimed = child(prep, {"pobj"})
            if aimed is None:
                continue
            found = with_country(pobj_actors(ev.grammar, prep, ev.actors, owner=True))
            if not found:
                derived = ev.grammar.resolver.implied_actor(aimed, ev.actors)
                unnamed = unnamed_target(ev.grammar, aimed) if derived is None else derived
                found = [unnamed] if unnamed is not None else []
            if found:
                return q.found("target.weapon-aimed-at", found)
    return []


def _weapon(obj: Token, frame_words: frozenset[str]) -> bool:
    """A weapon noun, or a count or salvo of one ("dozens of rockets", "a volley of shells"),
    also when listed after another ("missiles and drones")."""
    heads = [obj, *obj.conjuncts]
    lemmas = {t.lemma_.lower() for t in heads}
    lemmas |= {p.lemma_.lower() for t in heads for c in t.children if c.lower_ == "of"
               for p in c.children}  # fmt: skip
    return bool(lemmas & (ATTACK_MEANS | LAUNCHED_WEAPONS | frame_words))


def _aim_preps(obj: Token) -> list[Token]:
    """The aim phrases on the weapon, on a weapon listed with it, or on what it counts."""
    heads = [obj, *obj.conjuncts]
    heads += [p for t in heads for c in t.children if c.lower_ == "of" for p in c.children]
    return [c for t in heads for c in t.children if c.dep_ == "prep" and c.lower_ in AIM_PREPS]
