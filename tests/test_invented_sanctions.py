"""Records of invented wire articles on sanctions and economic coercion
(tests/data/invented/sanctions.jsonl, our own writing) that must hold: firms "hit with U.S.
penalties" are sanctioned, not struck; firms added to an export control list are blacklisted;
"said on Thursday it would freeze" is dated that Thursday, not the next; governments that
"agreed to extend" sanctions extend them against the state, they agree nothing with it; a
minister who warns "that Minsk would respond" does not threaten his own capital; "rejected the
warning" answers whoever made it; the Treasury's sanctions, a sanctions lifting and a travel
ban keep their dyads; and the same words in a rugby ban, a hiring freeze and a zoo code
nothing."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "sanctions", article_id)


def test_firms_hit_with_penalties_are_sanctioned_not_struck(coder: Any) -> None:
    """s06: "Turkish defence firms were hit with U.S. penalties in 2020"."""
    found = only_on(_records(coder, "s06"), "hit with")
    assert (found.event_type, found.cameo) == ("COERCE", "163")
    assert dyad(found)[2:] == ("TUR", "BUS")
    assert found.date is not None and found.date.value.startswith("2020")


def test_firms_added_to_an_export_control_list_are_blacklisted(coder: Any) -> None:
    """s04: "Japan on Friday added 38 Russian companies to its export control list"."""
    (found,) = [r for r in _records(coder, "s04") if r.trigger.text.startswith("added")]
    assert (found.event_type, found.cameo) == ("COERCE", "163")
    assert dyad(found)[0] == "JPN" and dyad(found)[2:] == ("RUS", "BUS")
    assert found.date is not None and found.date.value == "2026-09-11"


def test_a_threat_said_on_thursday_is_dated_that_thursday(coder: Any) -> None:
    """s09 (published Friday 9 October): "China said on Thursday it would freeze the assets of
    five American defence companies"."""
    found = only_on(_records(coder, "s09"), "freeze")
    assert (found.event_type, found.cameo) == ("THREATEN", "1312")
    assert dyad(found)[0] == "CHN" and dyad(found)[2:] == ("USA", "BUS")
    assert found.date is not None and found.date.value == "2026-10-08"


def test_governments_that_agreed_to_extend_sanctions_extend_them(coder: Any) -> None:
    """s02: "European Union governments agreed on Monday to extend their economic sanctions
    against Belarus"."""
    records = _records(coder, "s02")
    assert [r for r in records if r.event_type == "AGREE"] == []
    found = only_on(records, "extend")
    assert (found.event_type, found.cameo) == ("COERCE", "163")
    assert dyad(found)[0] == "EUR" and dyad(found)[2] == "BLR"
    assert found.date is not None and found.date.value == "2026-02-23"


def test_a_minister_does_not_threaten_his_own_capital(coder: Any) -> None:
    """s02: "Belarus's foreign minister warned that Minsk would respond with countermeasures
    against European companies"."""
    found = only_on(_records(coder, "s02"), "warned")
    assert found.event_type == "THREATEN"
    assert dyad(found)[:2] == ("BLR", "GOV")
    assert found.target is None or found.target.country != "BLR"


def test_rejecting_the_warning_answers_whoever_made_it(coder: Any) -> None:
    """s06: "The United States will impose sanctions on Turkey if ... Turkish Foreign Minister
    Hakan Fidan rejected the warning"."""
    records = _records(coder, "s06")
    threat = only_on(records, "impose sanctions on")
    assert (threat.event_type, threat.cameo) == ("THREATEN", "1312")
    assert dyad(threat)[0] == "USA" and dyad(threat)[2] == "TUR"
    found = only_on(records, "rejected")
    assert found.event_type == "REJECT"
    assert dyad(found)[0] == "TUR" and dyad(found)[2] == "USA"


def test_calling_the_measures_an_act_of_aggression_condemns_them(coder: Any) -> None:
    """s01: "Nicaragua's foreign ministry called the measures an act of imperial aggression"."""
    found = only_on(_records(coder, "s01"), "called")
    assert (found.event_type, found.cameo) == ("ACCUSE", "111")
    assert dyad(found)[:2] == ("NIC", "GOV")


@pytest.mark.parametrize(
    ("article_id", "trigger", "event", "source", "target"),
    [
        ("s01", "imposed", ("COERCE", "163"), ("USA", "GOV"), ("NIC", "JUD")),
        ("s08", "lifted", ("RETREAT", "085"), ("GBR", None), ("SYR", "GOV")),
        ("s11", "blacklisted", ("COERCE", "163"), ("KOR", None), ("PRK", "CVL")),
    ],
)
def test_the_measures_keep_their_dyads(
    coder: Any,
    article_id: str,
    trigger: str,
    event: tuple[str, str],
    source: tuple[str, str | None],
    target: tuple[str, str],
) -> None:
    """s01 the Treasury's sanctions on four Nicaraguan judges; s08 Britain lifting sanctions
    on Syria's central bank; s11 Seoul blacklisting six North Korean individuals."""
    records = [r for r in _records(coder, article_id) if r.trigger.text == trigger]
    assert records, f"no record on {trigger!r} in {article_id}"
    found = records[0]
    assert (found.event_type, found.cameo) == event
    assert dyad(found) == (*source, *target)


def test_a_travel_ban_and_frozen_assets_are_aimed_at_the_generals(coder: Any) -> None:
    """s05: "Canada has imposed a travel ban on seven Myanmar generals and frozen their
    assets": no record is aimed at "their assets"."""
    records = _records(coder, "s05")
    found = only_on(records, "imposed")
    assert found.event_type == "COERCE"
    assert dyad(found)[0] == "CAN" and dyad(found)[2:] == ("MMR", "MIL")
    assert all(r.target is None or r.target.text != "their assets" for r in records)


@pytest.mark.parametrize("article_id", ["s13", "s14", "s16"])
def test_the_same_words_in_sport_business_and_a_zoo_code_nothing(
    coder: Any, article_id: str
) -> None:
    """s13 a rugby league banning a winger; s14 a carmaker freezing hiring and lifting an
    embargo on dealers; s16 a zoo freezing panda embryos and its panda rejecting a mate."""
    assert _records(coder, article_id) == []
