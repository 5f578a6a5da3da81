"""Where session 19's target rules must not fire: a person held abroad or deported keeps
no country of the holder (record.held-at-home); a "from" phrase that names no state gives a
pull-out no target (target.force-left-from); talks with no sides named give a mediator none
(target.mediated-object); a foreign envoy or a place left stays the target (record.own-envoy,
record.moved-force)."""

from __future__ import annotations

from typing import Any

from tests.coding import events


def test_a_person_held_abroad_takes_no_country_of_the_holder(coder: Any) -> None:
    """The arrest fell in Peru, not Egypt: the person may be of the place."""
    found = events(coder, "Egyptian police arrested Juan Ortega in Lima on Friday.")
    assert found and all("record.held-at-home" not in r.rules for r in found)
    assert all(r.target is None or r.target.country != "EGY" for r in found)


def test_a_deportee_is_not_of_the_deporting_state(coder: Any) -> None:
    """A deportation sends someone away: the deportee is no one of the state at home."""
    found = events(coder, "Kenyan police deported Peter Mwangi on Tuesday.")
    assert found and all("record.held-at-home" not in r.rules for r in found)
    assert all(r.target is None or r.target.country != "KEN" for r in found)


def test_a_person_of_known_country_keeps_it(coder: Any) -> None:
    found = events(coder, "Iran released the French researcher Anne Dupont.")
    assert [r.target.country for r in found if r.target] == ["FRA"]
    assert all("record.held-at-home" not in r.rules for r in found)


def test_a_pull_out_from_a_place_of_no_state_has_no_target(coder: Any) -> None:
    text = "The United Kingdom will withdraw all combat troops from the region by the summer."
    found = events(coder, text)
    assert found and all(r.target is None for r in found)


def test_a_from_phrase_on_the_force_is_the_place_left(coder: Any) -> None:
    text = "The United Arab Emirates will withdraw all combat troops from Yemen by the end of 2020."
    found = events(coder, text)
    assert [r.target.country for r in found if r.target] == ["YEM"]


def test_a_mediation_whose_object_names_no_sides_has_no_target(coder: Any) -> None:
    """target.mediated-object: talks named with no 'between' give the mediator no target."""
    found = events(coder, "Qatar mediated the talks in Doha on Monday.")
    assert found and all(r.target is None for r in found)
    assert all("target.mediated-object" not in r.rules for r in found)


def test_a_foreign_envoy_expelled_stays_the_target(coder: Any) -> None:
    """record.own-envoy: only the source's own envoy is no target."""
    found = events(coder, "Chile expelled the Peruvian ambassador on Monday.")
    assert [r.target.country for r in found if r.target] == ["PER"]
    assert all("record.own-envoy" not in r.rules for r in found)


def test_the_place_a_pull_out_leaves_stays_its_target(coder: Any) -> None:
    """record.moved-force: a target with a country is no force moved."""
    found = events(coder, "Uganda ordered the withdrawal of troops from Somalia.")
    assert "SOM" in [r.target.country for r in found if r.target]
    assert all("record.moved-force" not in r.rules for r in found)


def test_a_lower_case_word_before_a_place_name_is_no_part_of_it(coder: Any) -> None:
    """'neighbouring Estonia' tagged as one compound name is still Estonia."""
    found = events(coder, "Russia sent troops into neighbouring Estonia.")
    assert [r.target.country for r in found if r.target] == ["EST"]


def test_forces_a_surrender_is_made_to_stay_its_target(coder: Any) -> None:
    """record.moved-force: only the act noun's 'of' patient is the force moved."""
    found = events(
        coder, "Rebel fighters surrendered their last town to government forces on Monday."
    )
    assert [r.target.sector for r in found if r.target] == ["MIL"]
    assert all("record.moved-force" not in r.rules for r in found)


def test_a_recalled_envoys_own_country_is_no_target(coder: Any) -> None:
    """record.own-envoy: France's own ambassador is no target of its recall."""
    found = events(coder, "The dispute prompted France to recall its ambassador.")
    assert found and all(r.target is None for r in found)
    assert "record.own-envoy" in found[0].rules


def test_an_attack_in_the_articles_country_stands_on_the_states_name(coder: Any) -> None:
    """record.context-target: the words are the state's own name, not reporters named later."""
    text = (
        "Israel sealed the crossing. A bomb was detonated as an army convoy passed. "
        "An Israeli spokesman spoke to reporters later."
    )
    found = [r for r in events(coder, text) if "record.context-target" in r.rules]
    assert [(r.target.text, r.target.country) for r in found if r.target] == [("Israel", "ISR")]
