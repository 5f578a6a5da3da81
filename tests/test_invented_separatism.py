"""Records of invented wire articles on separatism and autonomy
(tests/data/invented/separatism.jsonl, our own writing) that must hold: a central government
that dissolves a regional parliament curbs its self-rule (COERCE 1721), not a concession; a
self-declared state no one recognises ("Somaliland", "breakaway Transnistria") is a separatist
actor of the state it broke from, so refusing to recognise it is aimed at it and not at
Mogadishu; a leader of a separatist movement is a rebel leader, not a head of government;
"the recognition" welcomed is aimed at the state that recognised; and a cycling breakaway and
penguins that "declared their independence" code nothing."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "separatism", article_id)


def test_a_central_government_dissolving_a_regional_parliament_coerces(coder: Any) -> None:
    """s01: "Spain's government dissolved the regional parliament of Catalonia on Tuesday"."""
    body = [r for r in _records(coder, "s01") if r.sentence_index == 0]
    found = only_on(body, "dissolved")
    assert (found.event_type, found.cameo) == ("COERCE", "1721")
    assert dyad(found) == ("ESP", "GOV", "ESP", "LEG")
    assert found.date is not None and found.date.value == "2026-01-20"


def test_refusing_to_recognise_a_breakaway_region_is_aimed_at_it(coder: Any) -> None:
    """s02: "The African Union refused on Monday to recognise Somaliland, the breakaway region
    that declared independence from Somalia in 1991"."""
    found = only_on(_records(coder, "s02"), "refused")
    assert found.event_type == "REJECT"
    assert found.target is not None and found.target.text == "Somaliland"
    assert dyad(found) == ("IGO", "IGO", "SOM", "REB")


@pytest.mark.parametrize(
    ("article_id", "trigger", "source_country", "target"),
    [
        ("s02", "signed", "ETH", ("SOM", "REB")),
        ("s05", "rejected", "MDA", ("MDA", "REB")),
    ],
)
def test_a_self_declared_state_is_a_separatist_of_its_parent(
    coder: Any, article_id: str, trigger: str, source_country: str, target: tuple[str, str]
) -> None:
    """s02 s3 "Ethiopia, which signed a port deal with Somaliland last year"; s05 s0 "Moldova
    ... rejected an appeal by the leaders of breakaway Transnistria"."""
    found = only_on(_records(coder, article_id), trigger)
    assert found.source is not None and found.source.country == source_country
    assert dyad(found)[2:] == target


def test_a_leader_of_a_separatist_movement_is_a_rebel(coder: Any) -> None:
    """s04: "arrested a leader of the Ambazonia separatist movement in the city of Bamenda on
    Sunday"."""
    found = only_on(_records(coder, "s04"), "arrested")
    assert dyad(found) == ("CMR", "COP", "CMR", "REB")
    assert found.date is not None and found.date.value == "2026-04-12"


def test_the_recognition_welcomed_is_aimed_at_the_recogniser(coder: Any) -> None:
    """s08: "the Kenyan government recognised Kosovo ... Kosovo's prime minister welcomed the
    recognition"."""
    records = _records(coder, "s08")
    recognised = only_on(records, "recognised")
    assert (recognised.event_type, recognised.cameo) == ("SUPPORT", "054")
    assert dyad(recognised) == ("KEN", "GOV", "KOS", None)
    welcomed = only_on(records, "welcomed")
    assert dyad(welcomed) == ("KOS", "GOV", "KEN", "GOV")
    summoned = only_on(records, "summoned")
    assert summoned.source is not None and summoned.source.country == "SRB"
    assert summoned.target is not None and summoned.target.country == "KEN"


def test_troops_sent_to_a_disputed_city_stay(coder: Any) -> None:
    """s03: "The Iraqi government deployed two army brigades to the disputed city of Kirkuk on
    Monday"."""
    found = only_on(_records(coder, "s03"), "deployed")
    assert found.event_type == "MOBILIZE"
    assert dyad(found)[:2] == ("IRQ", "GOV")
    assert found.location is not None and found.location.name == "Kirkuk"
    assert found.date is not None and found.date.value == "2026-03-02"


def test_talks_with_an_insurgent_group_are_both_ways(coder: Any) -> None:
    """s10: "Ethiopian officials and envoys of the Oromo Liberation Army began talks on
    Monday"."""
    talks = [r for r in _records(coder, "s10") if r.trigger.text == "began talks"]
    assert sorted(dyad(r) for r in talks) == [
        ("ETH", "GOV", "ETH", "REB"),
        ("ETH", "REB", "ETH", "GOV"),
    ]


@pytest.mark.parametrize("article_id", ["s13", "s15"])
def test_a_breakaway_in_sport_or_nature_codes_nothing(coder: Any, article_id: str) -> None:
    """s13: a four-man breakaway "held off the peloton", riders "attacked on the first climb";
    s15: penguins that "declared their independence from the crowded site"."""
    assert _records(coder, article_id) == []
