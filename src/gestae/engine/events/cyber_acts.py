"""'Hackers broke into the ministry's servers. The attack was traced to ...': a bare attack
noun told right after a cyber attack is that cyber attack (CAMEO 176), not an armed one."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.codes import CYBER_CODES, VIOLENT_ROOTS
from gestae.engine.events.context import Event
from gestae.engine.events.matching import Grammar
from gestae.engine.events.mentions import actor_group
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, child, objects, pobjs, prep_child
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

# Words that make the act just told a cyber one ("hacking", "ransomware", "hackers").
CYBER_WORDS = words("cyber_words")
# Words of bodily harm or arms: with one in its sentence an attack is an armed one. The verb
# "hack" is neither sign: "hacked the servers" is told by its hackers, "hacked to death" by
# "death", "hacked two farmers" by no cyber word.
ARMED_WORDS = (words("lethal_lemmas") - {"hack"}) | words("armed_attack_words")
# The nouns that may point back to a cyber attack, and the determiners that point back.
ATTACK_NOUNS = frozenset({"attack", "assault"})
POINTING_DETS = frozenset({"the", "this", "that", "these", "those"})
# Computer things a cyber attack breaks into or hacks; their owner is its target.
COMPUTER_THINGS = words("computer_things")
# How many sentences back the cyber attack may be told.
REACH = 2
SOURCE = "cyber_acts.py: an attack told after a cyber attack"


def _cyber_told(token: Token) -> bool:
    """A cyber word in the token's sentence before it, or in the REACH sentences before,
    with no word of harm or arms after it (an armed attack told since is the one meant)."""
    doc, sent = token.doc, token.sent
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [sent]
    index = next((k for k, s in enumerate(sents) if s.start == sent.start), 0)
    before = [t for s in sents[max(0, index - REACH) : index] for t in s]
    before += [t for t in sent if t.i < token.i]
    last = max((k for k, t in enumerate(before) if _cyber_word(t)), default=None)
    return last is not None and not any(t.lemma_.lower() in ARMED_WORDS for t in before[last + 1 :])


def _cyber_word(token: Token) -> bool:
    """A cyber word as a noun or modifier ("hackers", "a hacking group", "cyberattack"), or
    the verb "hack" into a computer thing ("of hacking the email servers"); a verb "hacking"
    with any other object may be done with machetes."""
    if token.pos_ in ("VERB", "AUX"):
        things = [o for o in objects(token) if o.lemma_.lower() in COMPUTER_THINGS]
        return token.lemma_.lower() == "hack" and (
            bool(things) or prep_child(token, "into") is not None
        )
    lower = token.lower_
    return token.lemma_.lower() in CYBER_WORDS or lower in CYBER_WORDS or lower.startswith("cyber")


@rule("trigger.cyber-antecedent")
def cyber_antecedent(grammar: Grammar, token: Token, entry: TriggerEntry) -> TriggerEntry | None:
    """'The attack', 'this attack' with no word of its own that makes it armed, told within
    two sentences after hacking, ransomware or a cyberattack, is that cyber attack: COERCE
    176 with the same frame. A sentence with a word of harm or arms ('killed', 'bomb',
    'gunmen') keeps its armed attack.

    Example: Hackers broke into the Latvian ministry's servers. The attack was traced to a group in Minsk.
    """
    if entry.pos != "noun" or entry.cameo[:2] not in VIOLENT_ROOTS or entry.mod:
        return None
    if token.lemma_.lower() not in ATTACK_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in POINTING_DETS for c in token.children):
        return None
    if any(c.dep_ in ("amod", "compound") for c in token.children):
        return None  # "the armed attack", "the rocket attack": told as its own kind
    if any(t.lemma_.lower() in ARMED_WORDS for t in token.sent) or not _cyber_told(token):
        return None
    cyber = [
        e
        for e in grammar.lexicon.candidates(token.lemma_.lower(), "noun")
        if e.cameo in CYBER_CODES and e.prep == entry.prep
    ]
    if not cyber:
        return None
    return replace(cyber[0], mod=frozenset(), source=SOURCE)


@rule("target.system-owner")
def system_owner(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'broke into the Latvian ministry's servers', 'hacked the email accounts of the
    election commission': a cyber attack on a computer thing is aimed at whoever owns it
    (its possessor or 'of' object); a thing no one is named owning gives no target here.

    Example: Hackers broke into the servers of the Latvian foreign ministry.
    """
    if entry.cameo not in CYBER_CODES:
        return []
    things = list(objects(token))
    prep = prep_child(token, entry.prep.split()[-1]) if entry.prep else None
    things += pobjs(prep) if prep is not None else []
    found: list[Mention] = []
    for thing in things:
        if thing.lemma_.lower() not in COMPUTER_THINGS or ev.actors.at(thing) is not None:
            continue
        found += [m for m in actor_group(ev.grammar, thing, ev.actors, owner=True) if m.actors]
    return ev.found("target.system-owner", found)


@rule("source.unnamed-hackers")
def unnamed_hackers(ev: Event) -> bool:
    """'Hackers broke into the ministry's servers', 'a ransomware gang encrypted the
    hospital's records': hackers no one names did a cyber attack on a named target; it stands
    on that target with a null source, as an attack by an unknown attacker does.

    Example: Hackers broke into the servers of the Latvian foreign ministry.
    """
    if ev.entry.cameo not in CYBER_CODES or ev.entry.pos != "verb":
        return False
    subject = child(ev.clause, SUBJECT_DEPS)
    if subject is None:
        return False
    words_of = [subject, *(c for c in subject.children if c.dep_ in ("amod", "compound"))]
    if not any(_cyber_word(t) for t in words_of):
        return False
    ev.trace.add("source.unnamed-hackers", f"'{subject.text}': hackers no one names")
    return True
