"""The people an attack killed are its target, not the vehicle it used or the place it fell
in (target.attack-vehicle, record.place-victims); a passive joined to a verb undergoes the
act on that verb's subject whatever the act (target.shared-passive)."""

from __future__ import annotations

from typing import Any

from tests.coding import events


def test_the_bombers_vehicle_is_no_target(coder: Any) -> None:
    found = events(coder, "A suicide bomber driving a lorry killed six guards outside Dorvan.")
    targets = [r.target.text for r in found if r.target is not None]
    assert targets and all("lorry" not in t for t in targets), targets
    assert any("six guards" in t for t in targets), targets


def test_a_rammed_car_that_is_aimed_at_stays_the_target(coder: Any) -> None:
    found = events(coder, "Protesters rammed a police car in Lagos.")
    assert any(r.target is not None and "police car" in r.target.text for r in found)


def test_victims_named_in_words_keep_their_words_and_the_places_country(coder: Any) -> None:
    found = events(coder, "Armed youths killed nine people on Saturday in Bouake.")
    assert len(found) == 1
    target = found[0].target
    assert target is not None
    assert (target.text, target.country, target.sector) == ("nine people", "CIV", "CVL")
    assert "record.place-victims" in found[0].rules


def test_a_shared_passive_release_targets_the_captives(coder: Any) -> None:
    found = events(
        coder, "Ten Greek sailors, held hostage off Somalia for weeks, were freed by the pirates."
    )
    assert any(r.target is not None and r.target.country == "GRC" for r in found), [
        (r.event_type, r.target) for r in found
    ]


def test_a_bare_role_word_beside_the_captives_is_no_second_victim(coder: Any) -> None:
    """target.object: "took hostage 20 workers" has one victim, the workers."""
    found = events(coder, "Gunmen took hostage 20 Kenyan workers near Mandera on Monday.")
    targets = [r.target.text for r in found if r.target is not None]
    assert targets == ["20 Kenyan workers"], targets


def test_a_phrase_is_not_the_state_it_is_about(coder: Any) -> None:
    """Implied actors: "concerns about Uganda's threat" are nobody's; only a state the phrase
    belongs to or lies in lends its country ("residential districts of Donetsk")."""
    found = events(coder, "Kenya dismissed concerns about Uganda's threat to close the border.")
    assert all(r.target is None or "concerns" not in r.target.text for r in found), [
        r.target for r in found
    ]


def test_a_place_in_a_time_phrase_is_not_whose_the_object_is(coder: Any) -> None:
    """Implied actors: "restore ties after talks in Nairobi" (invented) are the two states'
    ties; Kenya, where the talks were, is no party (word class time_preps)."""
    text = (
        "Ethiopia and Eritrea agreed on Sunday to restore diplomatic ties after talks in Nairobi."
    )
    found = events(coder, text)
    pairs = {(r.source.country, r.target.country) for r in found if r.source and r.target}
    assert pairs == {("ETH", "ERI"), ("ERI", "ETH")}, pairs


def test_an_attack_nouns_victims_come_before_where_it_struck(coder: Any) -> None:
    """target.impact-victims: "at a school" is where the bombing struck; the schoolgirls it
    killed are whom it hit."""
    found = events(coder, "A suicide bombing at a Kabul school killed twelve Afghan schoolgirls.")
    assert [(r.target.text if r.target else None) for r in found] == ["twelve Afghan schoolgirls"]
    assert "target.impact-victims" in found[0].rules


def test_an_entrys_own_preposition_still_names_the_target(coder: Any) -> None:
    """The attack "on" a convoy is aimed at the convoy: the rule does not fire."""
    found = events(coder, "The attack on the Kenyan convoy killed eight soldiers.")
    assert found and all("target.impact-victims" not in r.rules for r in found)
    assert any(r.target is not None and "convoy" in r.target.text for r in found)


def test_those_who_died_in_an_attack_are_its_target(coder: Any) -> None:
    """target.died-in: the dead of "died in an attack by X" are whom X's attack hit."""
    found = events(coder, "Twelve Kenyan soldiers died in an attack by al-Shabab.")
    assert [(r.target.country, r.target.sector) for r in found if r.target] == [("KEN", "MIL")]
    assert "target.died-in" in found[0].rules


def test_those_who_died_in_a_fight_are_no_target_of_it(coder: Any) -> None:
    """A fight's dead may be its own side: the rule does not fire on a battle noun that names
    no other side."""
    text = "Fifty Ugandan rebels and soldiers died in clashes near the border on Monday."
    assert all("target.died-in" not in r.rules for r in events(coder, text))


def test_those_who_died_in_a_fight_with_a_side_were_hit_by_it(coder: Any) -> None:
    """With a "with" side the dead were hit by that side, as "were killed in clashes with"
    reads (source.battle-side; session 35)."""
    text = "Fifty Ugandan rebels died in clashes with the Kenyan army on Monday."
    found = events(coder, text)
    assert [(r.source.country, r.target.country) for r in found if r.source and r.target] == [
        ("KEN", "UGA")
    ]


def test_what_was_used_is_no_target(coder: Any) -> None:
    """target.used-instrument: the tear gas police used is the means, not the target."""
    found = events(coder, "Kenyan police used tear gas and batons on Monday.")
    assert found and all(r.target is None for r in found)
    assert "target.used-instrument" in found[0].rules


def test_people_used_as_shields_are_the_target(coder: Any) -> None:
    """A "use X as" frame's object is its victim: the rule does not fire."""
    found = events(coder, "Gunmen used thirty Malian villagers as human shields.")
    assert [r.target.country for r in found if r.target] == ["MLI"]
    assert all("target.used-instrument" not in r.rules for r in found)


def test_an_object_it_is_the_thing_attacked_before(coder: Any) -> None:
    """target.thing-pronoun: "stormed it" is the base the gunmen surrounded."""
    found = events(coder, "Gunmen surrounded a Kenyan army base and attacked it on Monday.")
    hit = [r for r in found if "target.thing-pronoun" in r.rules]
    assert [(r.target.country, r.target.sector) for r in hit if r.target] == [("KEN", "MIL")]


def test_a_weapon_before_it_stands_for_no_one(coder: Any) -> None:
    """A rocket fired is no stand-in for people: the rule does not fire on "seized it"."""
    found = events(coder, "Rebels fired a rocket and police seized it.")
    assert all("target.thing-pronoun" not in r.rules for r in found)


def test_a_sum_of_money_is_no_target(coder: Any) -> None:
    """target.sum-of-money: the euros given are what moves, not whom the aid reaches."""
    found = events(coder, "The EU provided 10 million euros in aid.")
    assert found and all(r.target is None for r in found)


def test_a_sum_given_to_someone_keeps_its_recipient(coder: Any) -> None:
    """The recipient is the target: the rule does not fire."""
    found = events(coder, "Japan gave 5 million dollars to Nepal.")
    assert [r.target.country for r in found if r.target] == ["NPL"]
    assert all("target.sum-of-money" not in r.rules for r in found)


def test_the_victims_of_an_attack_are_its_target(coder: Any) -> None:
    """target.victims-of: the victims an attack is told "of" are whom it hit."""
    found = events(coder, "Kenya mourned the victims of the bombing by al-Shabab in Garissa.")
    hit = [r for r in found if "target.victims-of" in r.rules]
    assert [r.target.text for r in hit if r.target] == ["the victims"]


def test_an_attack_on_named_people_keeps_them(coder: Any) -> None:
    """The entry's "on" names the target: the rule does not fire."""
    text = "Kenya mourned the victims of the al-Shabab attack on Kenyan soldiers."
    found = events(coder, text)
    assert any(r.target is not None and r.target.sector == "MIL" for r in found)
    assert all("target.victims-of" not in r.rules for r in found)


def test_a_joined_complement_names_the_partner(coder: Any) -> None:
    """target.joined-complement: "and join forces with X" names whom the agreement reaches."""
    text = "The rebels agreed to lay down their arms and join forces with the Ugandan army."
    found = events(coder, text)
    assert [(r.target.country, r.target.sector) for r in found if r.target] == [("UGA", "MIL")]


def test_joined_complements_naming_no_one_give_no_target(coder: Any) -> None:
    """Nothing joined names a party: the rule does not fire, the target stays empty."""
    found = events(coder, "Ghana agreed to cut taxes and raise spending.")
    assert found and all(r.target is None for r in found)
    assert all("target.joined-complement" not in r.rules for r in found)
