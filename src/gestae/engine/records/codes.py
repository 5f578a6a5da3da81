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
# Intents one party states to a third ("offered", "pledged"): never mutual by their type.
ONE_WAY_INTENT_LEMMAS = words("one_way_intent_lemmas")
# Mediating (045) is done between others: "Egypt and Qatar are mediating" do not mediate
# between each other.
ONE_WAY_CODES = frozenset({"045"})
# Codes mutual by themselves, whatever the verb: a formal agreement signed, renewed or
# extended ("China and Chile extended their trade pact") binds its parties to each other.
RECIPROCAL_CODES = frozenset({"057"})
# A bond the doers share ("upgraded their ties"): the act is mutual whatever its type.
MUTUAL_OBJECT_NOUNS = words("mutual_object_nouns")
MUTUAL_OBJECT_MARKERS = words("mutual_object_markers")
# Military exercises ("held naval drills"): held by several states together, they cooperate.
EXERCISE_NOUNS = words("exercise_nouns")
SHOW_OF_FORCE = "150"
JOINT_EXERCISE = "062"
# A deployment of troops whose own words make it peacekeeping gives peacekeepers (074).
DEPLOYMENT = "154"
PEACEKEEPING = "074"
PEACEKEEPING_WORDS = words("peacekeeping_words")
PURPOSE_VERBS = words("purpose_verbs")
# Acts only a state performs: with no named agent, the state where they happen did them
# (cameo.yaml, group `state_power`).
STATE_POWER_CODES = cameo_group("state_power")
# Deportations are done to the people sent away, never to where they go.
DEPORTATION_CODES = cameo_group("deportation")
OPERATION_CODES = cameo_group("operation_results")
RESCUE_CODES = cameo_group("rescues")
# Material conflict whose target, when unnamed, is the country where it happened.
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE"})
# Types that PLOVER codes only with a target; an implicit one may come from the sentence.
TARGET_NEEDED = frozenset(
    {"THREATEN", "SANCTION", "COERCE", "ACCUSE", "REQUEST", "REJECT", "AID", "COOPERATE"}
)
# PLOVER's auxiliary modes (records/modes.py). Auxiliaries by which an actor commits to an act
# ("will", "would"); "could" and "might" only speculate.
COMMITTING_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
# Cooperation announced or promised is an intention to cooperate (PLOVER AGREE).
FUTURE_COOPERATION_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT"})
# CAMEO code of the act (longest prefix) -> CAMEO 03x code of the matching intent: to meet or
# visit (036), to back (032), to sign (030), to cooperate (031x), to give aid (033x), to free,
# ease sanctions or let outsiders in (035x).
INTENT_CODES = {
    "04": "036", "05": "032", "057": "030",
    "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "084": "0353", "085": "0354", "086": "0355",
}  # fmt: skip
# RETREAT modes that, announced or declared but not carried out, are a verbal concession.
FUTURE_CONCESSION_MODES = frozenset({"withdraw", "ceasefire", "disarm", "resign"})
# A resignation promised keeps CAMEO's code for giving in to calls for new leadership (0831).
RESIGN_MODE = "resign"
# CAMEO codes a withdrawal, truce or disarmament promised as an intent to de-escalate (0356),
# where PLOVER's type is CONCEDE: the record keeps both (docs/contract.md).
INTENT_TO_DEESCALATE = "0356"
# Verbs by which a truce or withdrawal is declared rather than carried out.
DECLARATION_VERBS = frozenset({"declare", "announce", "proclaim", "pledge", "promise", "offer"})
# CAMEO code of a hostile act (longest prefix) -> the CAMEO 13x threat of that act.
# A refusal announced as a warning ("warned it will no longer tolerate rallies") threatens
# what the refusal leaves: refusing to tolerate dissent is a threat of repression (137).
# A veto announced ("would block any resolution") threatens it (130): CAMEO has no 13x of its own.
WARNED_REFUSAL_TO_THREAT = {"124": "137", "1241": "137", "1242": "137"}
# Verbs that make what their complement refuses a warning.
WARNING_VERBS = frozenset({"warn", "caution", "threaten", "vow"})
HOSTILE_TO_THREAT = {
    "129": "130", "14": "133",
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
    "166": "136",
    "17": "130", "171": "130", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323",
    "1724": "1324", "173": "137", "174": "137", "175": "137",
    "18": "1383", "19": "138", "191": "1381", "192": "1382", "193": "1384",
    "194": "1384", "195": "1384", "196": "1384", "20": "1385",
}  # fmt: skip
# The threat of a protest or strike (CAMEO 133): aimed, like a protest, at the own state.
PROTEST_THREAT_CODE = "133"

# A CONSULT among this many participants or more, with no target, is a multilateral meeting.
MULTILATERAL_PARTICIPANTS = 3
# Sectors of a state's own forces and officials: such a target of the source's own country,
# whose country came only from the article's context, is the source's own side.
OWN_SIDE_SECTORS = frozenset({"MIL", "COP", "GOV", "SPY"})


def by_prefix(table: dict[str, str], cameo: str) -> str | None:
    """The value of the longest prefix of `cameo` in `table`, or None."""
    for size in range(len(cameo), 1, -1):
        found = table.get(cameo[:size])
        if found is not None:
            return found
    return None
