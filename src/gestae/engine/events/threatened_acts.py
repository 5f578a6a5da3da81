"""'The unions threatened a general strike': a threat whose object names the hostile act
threatened is the CAMEO 13x threat of that act (133 a strike or protest, 1312 sanctions, 1384
an attack), not the threat of force the bare word 'strike' would give."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from gestae.engine.actors import DocActors
from gestae.engine.events.matching import Grammar
from gestae.engine.records.codes import HOSTILE_TO_THREAT, by_prefix
from gestae.engine.rules import rule
from gestae.engine.syntax import objects
from gestae.resources.lexicon import TriggerEntry

# The verbs whose object is the act they threaten.
THREAT_VERBS = frozenset({"threaten"})
# CAMEO roots of the acts a threat may name: protests, reduced relations, coercion, assaults,
# fights and mass violence.
THREATENED_ROOTS = frozenset({"14", "16", "17", "18", "19", "20"})
SOURCE = "threatened_acts.py: the act the threat names"


@rule("trigger.threatened-act")
def threatened_act(
    grammar: Grammar, token: Token, entry: TriggerEntry, actors: DocActors | None
) -> TriggerEntry | None:
    """'threatened a general strike', 'threatened nationwide protests', 'threatened a hunger
    strike': the object is an event noun of its own (a protest, 14x), so the threat is the
    threat of that act, THREATEN 133, not a threat of force (1384) or an unspecified one (130).
    The noun, which no light verb carries, is part of the threat, so the verb is kept. Where
    the threat's own frame names the noun ("threatened sanctions", 1312) and no modifier of the
    noun says more, the lexicon's code stands.

    Example: Ghana's trade unions threatened a general strike.
    """
    if entry.pos != "verb" or entry.cameo[:2] != "13":
        return None
    if token.lemma_.lower() not in THREAT_VERBS or entry.xcomp:
        return None
    for thing in objects(token):
        act = grammar.match(thing, actors)
        if act is None or act.pos != "noun" or act.cameo[:2] not in THREATENED_ROOTS:
            continue
        if entry.obj and not act.mod:
            return None  # the lexicon names the act already ("threatened sanctions": 1312)
        code = by_prefix(HOSTILE_TO_THREAT, act.cameo)
        if code is None or (code == entry.cameo and not entry.obj):
            return None
        return replace(entry, cameo=code, obj=frozenset(), target="obj", source=SOURCE)
    return None
