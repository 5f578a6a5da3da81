"""One search for an act's target: the word it starts from, how deep it is, and how the
word's objects count (targets, or owners of what is asked for)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.codes import OWN_FORCE_CODES
from gestae.engine.events.context import Event
from gestae.engine.events.relative_targets import relative_object
from gestae.engine.events.shared_objects import shared_object
from gestae.engine.rules import rule
from gestae.engine.syntax import objects
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

# Shows of force whose object is another's force met there (target.met-force).
FORCE_MEETING_VERBS = words("force_meeting_verbs")


@dataclass(frozen=True)
class Search:
    """One search for a target from a word: the trigger or, deeper, its complement."""

    ev: Event
    token: Token
    depth: int
    own_force: bool = False
    # "owners": an object that is itself an actor is what is asked for, not the target.
    objects_as: str = "targets"
    frame_words: frozenset[str] = frozenset()
    objects: list[Token] = field(default_factory=list)

    def found(self, rule_id: str, mentions: list[Mention]) -> list[Mention]:
        return self.ev.found(rule_id, mentions)


def searched(
    ev: Event,
    token: Token,
    depth: int,
    own_force: bool = False,
    objects_as: str = "targets",
    frame_words: frozenset[str] = frozenset(),
) -> Search:
    """A search from `token`; what a mobilization moves is its own force, never an object;
    a relative clause's gapped object is the noun it hangs on (target.relative-object)."""
    found = [] if own_force else relative_object(ev, token, objects(token))
    found = found if own_force or depth else shared_object(ev, token, found)
    return Search(ev, token, depth, own_force, objects_as, frame_words, found)


def light_verb(q: Search) -> Token | None:
    """The verb that carries a noun trigger ("launched an attack"), if any."""
    noun = q.token.pos_ in ("NOUN", "PROPN")
    return q.ev.grammar.light_verb(q.token) if noun else None


@rule("target.met-force")
def moves_own_force(ev: Event, token: Token, entry: TriggerEntry) -> bool:
    """What a mobilization moves is the source's own force, never its target; but a show of
    force whose frame puts the target in its object meets another state's force there ("jets
    intercepted two Russian bombers": the bombers' state is the target).

    Example: Norwegian jets intercepted two Russian bombers over the Barents Sea.
    """
    if not entry.cameo.startswith(OWN_FORCE_CODES):
        return False
    if token.lemma_.lower() in FORCE_MEETING_VERBS and objects(token):
        ev.trace.add("target.met-force", f"'{token.text}' meets the force it names")
        return False
    return True
