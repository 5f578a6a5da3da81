"""CAMEO code groupings the event rules consult, gathered in one place (to move to data)."""

from __future__ import annotations

# Roots of violent acts (coerce, assault, fight, mass violence): a participle clause of one
# after another is its outcome ("..., killing nine"), and an attack noun subject is the event.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Codes whose object is the source's own force: mobilization (15), demobilization and
# military retreat (0873, 0874).
OWN_FORCE_CODES = ("15", "0873", "0874")
# Of the own-force codes, the withdrawals: they take the place left as target.
WITHDRAWAL_CODES = ("0873", "0874")
# Codes whose preposition names a place left behind: its country is the target.
LEAVING_CODES = ("0873", "0874", "087", "1663")
# Mobilization: where the force is sent is what it is aimed at.
MOBILIZATION_CODES = ("15",)
# Threats: aimed at whoever must meet their condition.
THREAT_CODES = ("13",)
# Consultations (04) and protests (14): a visit or rally in a 'during' phrase is the act of the
# clause's subject.
HOSTED_ACT_CODES = ("04", "14")
# The demand a reported obligation makes ("X says Y must ..."): demand, not specified below.
DEMAND_CODE = "100"
# Material cooperation announced for the future is an intention to cooperate (PLOVER AGREE):
# PLOVER type -> the CAMEO intent code (031 economic, 033 aid, 035 concessions).
FUTURE_MATERIAL_TO_AGREE = {"COOPERATE": "031", "AID": "033", "RETREAT": "035"}
