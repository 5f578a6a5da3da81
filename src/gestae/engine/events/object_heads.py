"""What a trigger acts on, as its lexicon frame reads it: its own objects, the victim a
participle stands on, or the object it shares with the verb joined after it ("rebels executed
and abducted 40 villagers": the parse hangs the villagers on "abducted" only, and a frame that
asks for a person, as "execute" does, would otherwise find none on "executed")."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.participles import UNDERGONE_CODES, participle_victim
from gestae.engine.syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, objects
from gestae.resources.lexicon import TriggerEntry

# What gives a verb an argument of its own, so that a later verb's object is not its.
OWN_ARGUMENTS = frozenset({"dobj", "dative", "attr", "oprd", "ccomp", "xcomp", "prep", "prt"})
# "stormed and seized", "arrested and later charged": the joined verb comes right after.
JOINED_WITHIN = 3
PAST_TAGS = frozenset({"VBD", "VBN"})


def _own_argument(verb: Token, word: Token) -> bool:
    """An argument of the verb's own; a phrase in front of it ('According to a witness, ...')
    sets the sentence's scene, and leaves the verb free to share the next verb's object."""
    return word.dep_ in OWN_ARGUMENTS and not (word.dep_ == "prep" and word.i < verb.i)


def _same_tense(verb: Token, joined: Token) -> bool:
    """The same tag, or a past participle with no auxiliary read where a past tense stands
    ('forces executed and kidnapped 120 people', 'executed' tagged VBN)."""
    if verb.tag_ == joined.tag_:
        return True
    bare = not any(c.dep_ in ("aux", "auxpass") for t in (verb, joined) for c in t.children)
    return bare and {verb.tag_, joined.tag_} == PAST_TAGS


def joined_objects(verb: Token) -> tuple[Token, list[Token]] | None:
    """The next verb joined to `verb` by "and" or "or" and the objects it has, when `verb`
    has no argument of its own, no passive subject, and the joined verb the same tense and no
    subject of its own ("police arrived and protesters fled" shares nothing)."""
    if verb.pos_ != "VERB" or any(_own_argument(verb, c) for c in verb.children):
        return None
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return None
    for joined in verb.children:
        if joined.dep_ != "conj" or joined.pos_ != "VERB" or joined.i < verb.i:
            continue
        if joined.i - verb.i > JOINED_WITHIN or not _same_tense(verb, joined):
            continue
        if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in joined.children):
            continue
        shared = objects(joined)
        if shared:
            return joined, shared
    return None


def object_heads(token: Token, entry: TriggerEntry) -> list[Token]:
    """The heads of what the trigger acts on: its objects, or the victim a violent or
    coercive participle stands on ("soldiers captured"); a statement frame (01x), which is
    there to outrank such an act ("hostages freed and taken to a hospital"), sees it too.
    A verb with no object reads the one it shares with the verb joined after it
    (`target.shared-object`: "executed and abducted 40 villagers")."""
    undergone = entry.cameo.startswith(UNDERGONE_CODES) or entry.cameo.startswith("01")
    victim = participle_victim(token) if undergone else None
    if victim is not None:
        return [victim[0]]
    own = objects(token)
    if own:
        return own
    shared = joined_objects(token)
    return shared[1] if shared is not None else []
