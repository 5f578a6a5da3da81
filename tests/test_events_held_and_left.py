"""Where session 19's target rules must not fire: a person held abroad or deported keeps
no country of the holder (record.held-at-home); a "from" phrase that names no state gives a
pull-out no target (target.force-left-from); talks with no sides named give a mediator none."""

from __future__ import annotations

from typing import Any

from gestae.schema import Article, EventRecord


def events(coder: Any, text: str) -> list[EventRecord]:
    records = coder.code(Article(id="t", text=text))
    return [r for r in records if r.kind == "event"]


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
