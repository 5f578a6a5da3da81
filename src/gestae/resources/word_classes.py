"""The engine's word classes (data/word_classes.yaml), validated at load.

The rules in events, records and actors decide by syntax; which words take part in a rule
("said" reports speech, "ready to" announces an intention) is data that a user can read and
correct without touching code.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from gestae.resources.loader import DataFile, load_data, package_data

FILE = "word_classes.yaml"
CLASSES = (
    "path_preps",
    "speech_verbs",
    "impact_verbs",
    "future_governors",
    "irrealis_governors",
    "wish_governors",
    "denial_verbs",
    "allegation_nouns",
    "sequence_preps",
    "reporting_passives",
    "considering_words",
    "abstract_objects",
    "authored_nouns",
    "fight_nouns",
    "battle_nouns",
    "flow_nouns",
    "quantity_nouns",
    "partitive_heads",
    "leader_body_nouns",
    "readiness_verbs",
    "makeup_verbs",
    "crowd_nouns",
    "parade_marchers",
    "parade_nouns",
    "crowd_pronouns",
    "object_protest_verbs",
    "animal_nouns",
    "attack_means",
    "accident_modifiers",
    "accident_sites",
    "attack_series",
    "border_nouns",
    "reciprocal_lemmas",
    "one_way_intent_lemmas",
    "release_nouns",
    "sentence_openers",
    "transliterations",
    "not_group_nouns",
    "group_references",
    "state_references",
    "person_pronouns",
    "person_possessives",
    "body_possessives",
    "appointing_verbs",
    "plural_pronouns",
    "empty_it_verbs",
    "former_title_words",
    "shadow_title_words",
    "passing_title_words",
    "pair_heads",
    "counted_state_heads",
    "counted_person_heads",
    "visiting_titles",
    "sports_words",
    "sports_verbs",
    "non_human_beings",
    "everyday_things",
    "creative_works",
    "filmed_things",
    "time_nouns",
    "shared_office_names",
    "kin_nouns",
    "information_nouns",
    "abstract_foes",
    "imposed_measures",
    "occasion_nouns",
    "pundit_nouns",
    "likelihood_words",
    "need_adjectives",
    "doubting_quantifiers",
    "norm_adverbs",
    "facility_nouns",
    "room_nouns",
    "room_verbs",
    "seeming_verbs",
    "belief_verbs",
    "spending_words",
    "hazard_words",
    "case_nouns",
    "many_count_words",
    "bail_terms",
    "asking_words",
    "proposition_nouns",
    "rejecting_verbs",
    "stake_verbs",
    "expectation_verbs",
    "likeness_verbs",
    "siege_buildings",
    "ending_verbs",
    "loosening_verbs",
    "ban_nouns",
    "claim_nouns",
    "forming_verbs",
    "pastime_activities",
    "tallied_act_nouns",
    "span_units",
    "escalation_verbs",
    "span_start_nouns",
    "document_nouns",
    "provision_verbs",
    "counted_state_nouns",
    "comment_request_nouns",
    "reply_nouns",
    "trend_nouns",
    "wish_adjectives",
    "aim_nouns",
    "normative_modals",
    "implication_verbs",
    "need_verbs",
    "procedural_requests",
    "patient_nominals",
    "undergoing_verbs",
    "frequency_adverbs",
    "rarity_adverbs",
    "risk_nouns",
    "relationship_nouns",
    "standing_predicates",
    "economic_quantities",
    "supply_verbs",
    "reception_nouns",
    "carrier_nouns",
    "undoing_nouns",
    "blast_carriers",
    "blast_verbs",
    "force_units",
    "force_craft",
    "body_nouns",
    "side_nouns",
    "side_party_words",
    "follower_nouns",
    "figurative_attack_verbs",
    "exercise_nouns",
    "peacekeeping_words",
    "purpose_verbs",
    "counted_victims",
    "victim_nouns",
    "person_victims",
    "bomb_disposal",
    "member_nouns",
    "office_nouns",
    "body_office_titles",
    "movement_verbs",
    "money_capital_cues",
    "contact_verbs",
    "mission_nouns",
    "pressure_nouns",
    "taking_verbs",
    "under_light_verbs",
    "captured_things",
    "recording_media",
    "figurative_besiegers",
    "conveyances",
    "moved_people",
    "ongoing_act_verbs",
    "people_nouns",
    "mutual_object_nouns",
    "mutual_object_markers",
    "protective_purpose_lemmas",
    "stative_passive_heads",
    "stance_participles",
    "stance_verbs",
    "scheduling_passives",
    "topic_preps",
    "perception_passives",
    "attacked_sites",
    "noun_slip_verbs",
    "act_phase_verbs",
    "protest_purpose_verbs",
)


def parse_word_classes(
    raw: Any, source: str = FILE, doc: DataFile | None = None
) -> dict[str, frozenset[str]]:
    """Check the file's shape; errors name the file, the class at fault and its line."""
    doc = doc or DataFile(source, raw)
    if not isinstance(raw, dict):
        raise doc.error("expected a mapping of word classes")
    unknown = sorted(set(raw) - set(CLASSES))
    if unknown:
        raise doc.error(f"unknown word class(es) {', '.join(unknown)}", at=(unknown[0],))
    return {name: doc.words(name) for name in CLASSES}


@cache
def word_classes() -> dict[str, frozenset[str]]:
    doc = load_data(package_data(FILE))
    return parse_word_classes(doc.data, doc.name, doc)


def words(name: str) -> frozenset[str]:
    """One class; an unknown name is a programming error, caught by the tests."""
    return word_classes()[name]
