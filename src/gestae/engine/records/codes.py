"""The CAMEO codes and PLOVER types the record rules group together, in one place.

Each grouping is a linguistic or ontological claim the rules rely on, kept here with its reason;
CAMEO code groups are data (resources/data/cameo.yaml, `groups`).
"""

from __future__ import annotations

from gestae.resources.ontology import cameo_group
from gestae.resources.word_classes import words

# Types whose participants act on each other: "A and B met" is A->B and B->A.
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Triggers that are mutual whatever their type: "A and B clashed / exchanged fire".
RECIPROCAL_LEMMAS = words("reciprocal_lemmas")
# Acts only a state performs: with no named agent, the state where they happen did them
# (cameo.yaml, group `state_power`).
STATE_POWER_CODES = cameo_group("state_power")
# Material conflict whose target, when unnamed, is the country where it happened.
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE"})
# Types that PLOVER codes only with a target; an implicit one may come from the sentence.
TARGET_NEEDED = frozenset(
    {"THREATEN", "SANCTION", "COERCE", "ACCUSE", "REQUEST", "REJECT", "AID", "COOPERATE"}
)
# Material cooperation announced for the future is an intention to cooperate (PLOVER AGREE):
# the type -> the CAMEO code of the matching intent (031 economic, 033 aid, 035 concessions).
FUTURE_MATERIAL_TO_AGREE = {"COOPERATE": "031", "AID": "033", "RETREAT": "035"}
# A CONSULT among this many participants or more, with no target, is a multilateral meeting.
MULTILATERAL_PARTICIPANTS = 3
# Sectors of a state's own forces and officials: such a target of the source's own country,
# whose country came only from the article's context, is the source's own side.
OWN_SIDE_SECTORS = frozenset({"MIL", "COP", "GOV", "SPY"})
