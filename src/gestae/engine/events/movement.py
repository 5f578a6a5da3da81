"""Whether an armed force's movement goes into territory, which is what makes it an attack.

The lexicon codes an armed force that enters, marches into or advances on a place as ASSAULT
190 (docs/contract.md). A police patrol entering a courtroom or a bomber entering a nightclub
moves into a room, not into anyone's territory: only a goal that is a place name or a noun
that frames one (town, district, camp, airport, ...) makes the move an attack.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import rule
from gestae.engine.syntax import PLACE_ENTITY_TYPES
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.place_words import PlaceWords
from gestae.resources.word_classes import words

# The contexts label the lexicon gives movement entries, and their verbs ("capture" has the
# label too, but its object is the ground taken, checked by its own entry).
MOVEMENT_CONTEXT = "territory"
MOVEMENT_VERBS = words("movement_verbs")
# The prepositions that name where a movement goes ("marched into", "advanced on").
GOAL_PREPS = frozenset({"into", "on", "toward", "towards", "to"})
# Tagger labels of days and hours, which "on" and "to" also take.
TIME_LABELS = frozenset({"DATE", "TIME"})
TERRITORY_LISTS = (
    PlaceWords("place_nouns"),
    PlaceWords("area_nouns"),
    PlaceWords("sub_town_nouns"),
)


def _goals(token: Token) -> list[Token]:
    """The goal of a movement verb: its object ("entered the town") or the object of its
    goal preposition ("marched into the capital")."""
    goals = [c for c in token.children if c.dep_ == "dobj"]
    if goals:
        return goals  # "entered the courtroom on Monday": "on" is the day, not the goal
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in GOAL_PREPS:
            goals.extend(
                c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ not in TIME_LABELS
            )
    return goals


def _is_territory(goal: Token) -> bool:
    """A place name, or a noun that frames a place: 'Zabdeen', 'the town', 'the Hanano district'."""
    if goal.ent_type_ in PLACE_ENTITY_TYPES or goal.pos_ == "PROPN":
        return True
    return any(goal.lemma_.lower() in nouns or goal.lower_ in nouns for nouns in TERRITORY_LISTS)


@rule("suppress.movement-goal")
def movement_goal(token: Token, entry: TriggerEntry) -> bool:
    """An armed force's movement codes only when it goes into territory ('police entered the
    courtroom', 'a bomber stood in line to enter a nightclub' are no attacks); with no goal
    at all ('the army advanced') the move stands.

    Example: Police officers entered the courtroom on Monday.
    """
    if MOVEMENT_CONTEXT not in entry.contexts or entry.lemma not in MOVEMENT_VERBS:
        return False
    goals = _goals(token)
    return bool(goals) and not any(_is_territory(g) for g in goals)
