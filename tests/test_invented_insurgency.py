"""Records of invented wire articles on insurgency and counter-insurgency
(tests/data/invented/insurgency.jsonl, our own writing) that must hold: a raid by rebels is an
attack, not a search; a dateline whose country has "of" in its name ("Democratic Republic of
Congo") lends no words to the lead's subject; the assailants of a story opened by a dateline go
on at the day of the attack; a chief freed in a raid
is rescued, not released; a district named after its province is not the namesake in another
province; the aim of an announced offensive is no act done; rebels "fighting for the rights"
of a people fight no one; and the same words in a pop chart, a football match and a safari code
nothing."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "insurgency", article_id)


def test_a_raid_by_rebels_on_an_army_camp_is_an_attack(coder: Any) -> None:
    """i12: "Boko Haram fighters raided an army camp on an island in Lake Chad overnight"."""
    found = only_on(_records(coder, "i12"), "raided")
    assert (found.event_type, found.cameo) == ("ASSAULT", "190")
    assert dyad(found)[1] == "REB" and dyad(found)[2:] == ("TCD", "MIL")


def test_a_dateline_country_with_of_gives_no_subject(coder: Any) -> None:
    """i09: "BENI, Democratic Republic of Congo, Nov 3 (AP) - Rebels of the Allied Democratic
    Forces attacked a church ... during a night vigil on Sunday"."""
    records = _records(coder, "i09")
    found = only_on(records, "attacked")
    assert found.source is not None and found.source.text == "Rebels"
    assert dyad(found)[:2] == ("COD", "REB")
    assert found.date is not None and found.date.value == "2026-11-01"
    assert [r for r in records if r.event_type == "PROTEST"] == []


def test_the_assailants_after_a_dateline_go_on_at_the_attacks_day(coder: Any) -> None:
    """i01: "OUAGADOUGOU, March 16 (Reuters) - Gunmen on motorcycles stormed a cattle market
    ... on Saturday ... The assailants set fire to stalls"; "carried out air strikes on Sunday
    against the attackers' hideouts"."""
    records = _records(coder, "i01")
    fire = only_on(records, "set fire to")
    assert fire.date is not None and fire.date.value == "2026-03-14"
    assert fire.location is not None and fire.location.name == "Sebba"
    strikes = only_on(records, "carried out air strikes")
    assert dyad(strikes)[:2] == ("BFA", "MIL")
    assert strikes.date is not None and strikes.date.value == "2026-03-15"


def test_a_chief_freed_in_a_raid_is_rescued_not_released(coder: Any) -> None:
    """i10: "Government troops freed the chief on Sunday in a raid on a separatist camp near
    Bamenda, killing four fighters"."""
    records = _records(coder, "i10")
    freed = only_on(records, "freed")
    assert (freed.event_type, freed.cameo) == ("AID", "073")
    assert only_on(records, "killing").event_type == "ASSAULT"


def test_the_district_is_in_the_province_that_owns_it(coder: Any) -> None:
    """i11: "killed 16 Maoist rebels in a gunfight in the forests of Chhattisgarh's Bijapur
    district"; "The rebels say they are fighting for the rights of poor tribal people"."""
    records = _records(coder, "i11")
    killed = only_on(records, "killed")
    assert killed.location is not None
    assert (killed.location.country, killed.location.admin1) == ("IND", "Chhattisgarh")
    assert [r for r in records if r.trigger.text == "fighting"] == []


def test_the_aim_of_an_announced_offensive_is_no_act_done(coder: Any) -> None:
    """i12: "announced that the army would launch an offensive to drive the militants out of
    the lake region"."""
    records = _records(coder, "i12")
    assert [r for r in records if r.trigger.text.startswith("drive")] == []
    assert only_on(records, "launch an offensive").event_type == "THREATEN"


def test_the_ambush_of_a_convoy_stays(coder: Any) -> None:
    """i02: "Suspected Boko Haram insurgents ambushed a military convoy near the town of Damboa
    in Borno state on Monday"."""
    found = only_on(_records(coder, "i02"), "ambushed")
    assert dyad(found) == ("NGA", "REB", "NGA", "MIL")
    assert found.date is not None and found.date.value == "2026-04-06"
    assert found.location is not None and found.location.name == "Damboa"


def test_the_mosque_bombing_stays(coder: Any) -> None:
    """i05: "A bomb hidden in a handcart exploded outside a Shi'ite mosque in Herat, in western
    Afghanistan, during Friday prayers, killing at least nine worshippers"."""
    found = only_on(_records(coder, "i05"), "exploded")
    assert (found.event_type, dyad(found)[2:]) == ("ASSAULT", ("AFG", "CVL"))
    assert found.location is not None and found.location.country == "AFG"
    assert found.date is not None and found.date.value == "2026-07-10"


@pytest.mark.parametrize("article_id", ["i15", "i16"])
def test_a_band_storming_the_charts_and_lions_ambushing_buffalo_code_nothing(
    coder: Any, article_id: str
) -> None:
    """A folk band that "stormed to the top of the album charts"; lions that ambushed a buffalo
    herd and hyenas that raided a cattle enclosure."""
    assert _records(coder, article_id) == []


def test_a_stoppage_time_goal_is_no_ambush(coder: Any) -> None:
    """i13: "Orlando Pirates ambushed league leaders Mamelodi Sundowns with a stoppage-time goal
    on Saturday" (the headline's "ambush" still codes: see the hand-check sheet)."""
    assert [r for r in _records(coder, "i13") if r.trigger.text == "ambushed"] == []
