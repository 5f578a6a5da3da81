"""CAMEO code groupings the event rules consult.

The groups themselves are data (resources/data/cameo.yaml, `groups`, each with its reason);
these names are how the rules refer to them. A code of a group stands for its whole subtree.
"""

from __future__ import annotations

from gestae.resources.ontology import cameo_group

VIOLENT_ROOTS = frozenset(cameo_group("violent_roots"))
CYBER_CODES = frozenset(cameo_group("cyber_acts"))
# Acts done, not said: a clause hung on one from before it is no content of it.
MATERIAL_ACTS = tuple(cameo_group("material_acts"))
BLAST_DAMAGE_CODES = tuple(cameo_group("blast_damage"))
OWN_FORCE_CODES = cameo_group("own_force")
SENT_FORCE_CODES = cameo_group("sent_force")
OWN_MEASURE_CODES = cameo_group("own_measure")
AIMED_ACT_CODES = cameo_group("aimed_acts")
ADDRESSED_CODES = cameo_group("addressed")
MEDIATION_CODES = cameo_group("mediation")
REQUEST_CODES = cameo_group("requests")
WITHDRAWAL_CODES = cameo_group("withdrawal")
LEAVING_CODES = cameo_group("leaving")
REMOVAL_CODES = cameo_group("removal")
MOBILIZATION_CODES = cameo_group("mobilization")
THREAT_CODES = cameo_group("threat")
TOLD_ABOUT_CODES = cameo_group("told_about")
DISCUSSION_CODES = cameo_group("discussion")
TERRITORIAL_CODES = cameo_group("territorial")
HOME_TERRITORIAL_CODES = cameo_group("home_territorial")
HOSTED_ACT_CODES = cameo_group("hosted_act")
EXPECTED_ACT_CODES = cameo_group("expected_acts")
DEPORTATION_CODES = cameo_group("deportation")
NO_ACCIDENT_ACTS = cameo_group("no_accident_acts")
# Demonstrations, strikes, boycotts, riots: the CAMEO root of PROTEST.
PROTEST_ROOT = "14"
# The demand a reported obligation makes ("X says Y must ..."): demand, not specified below.
DEMAND_CODE = "100"


def impact_harm(cameo: str) -> bool:
    """Harm an attack noun does as subject ("strikes killed 12", "a bomb razed a school"):
    violence, or the destroying of property (blast_damage), told as that attack's outcome."""
    return cameo[:2] in VIOLENT_ROOTS or cameo.startswith(BLAST_DAMAGE_CODES)
