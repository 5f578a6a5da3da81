"""Violence told by nouns and by happening verbs: the act noun as subject carries its own agent
(its 'by' phrase, its possessor), the sides of a clash that 'erupted between' two parties act on
each other, and the phrasal and light-verb forms of bombing and execution code as the verb does.
The same words in sport, business and weather stay silent. Sentences are invented."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import events


def dyads(records: list[EventRecord]) -> set[tuple[str, str]]:
    return {
        (r.source.label() if r.source else "-", r.target.label() if r.target else "-")
        for r in records
    }


def test_clash_sides_under_the_happening_verb_act_on_each_other(coder: Any) -> None:
    found = events(coder, "Heavy clashes broke out between Sudanese and Chadian troops on Friday.")
    assert {r.event_type for r in found} == {"ASSAULT"}
    assert dyads(found) == {("SDN MIL", "TCD MIL"), ("TCD MIL", "SDN MIL")}


def test_gerund_subject_takes_its_by_phrase_as_agent(coder: Any) -> None:
    found = events(coder, "Shelling by government forces killed eleven farmers in Daraa.")
    assert [r.event_type for r in found] == ["ASSAULT"]
    assert found[0].source is not None and found[0].source.sector == "MIL"


def test_possessed_offensive_read_as_adjective_is_the_act(coder: Any) -> None:
    found = events(coder, "The Nigerian army's offensive displaced thousands of herders in Borno.")
    assert [(r.event_type, r.trigger.text if r.trigger else "") for r in found] == [
        ("ASSAULT", "offensive displaced")
    ]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Insurgents set off a landmine under an army truck near Kandahar.", "183"),
        ("A bomber set off his explosive belt outside a mosque in Peshawar.", "1831"),
        ("Rebels detonated a stick of dynamite at a police post in Cauca.", "183"),
        ("The militia executed three of the captured villagers near Beni.", "180"),
        ("A powerful blast ripped through a bus depot in Kano.", "183"),
        ("Gunfire rang out across the Malian capital Bamako on Friday.", "193"),
        ("Ethnic violence killed forty people in the Nigerian city of Jos.", "190"),
    ],
)
def test_violent_families_code(coder: Any, text: str, cameo: str) -> None:
    assert cameo in {r.cameo for r in events(coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "The firm set off a wave of layoffs at its plant in Ohio.",
        "The company launched a new phone in Seoul on Tuesday.",
        "The bank executed the transfer in March.",
        "The striker hit the crossbar twice in the final in Madrid.",
        "A storm tore through the Indian state of Odisha on Sunday.",
        "Prices broke through the ceiling in Tokyo trading.",
        "The floods displaced thousands of families in Assam.",
        "Violence against women rose sharply in Lagos last year.",
        "Killing prisoners is a war crime, the Kenyan minister said.",
    ],
)
def test_same_words_outside_politics_stay_silent(coder: Any, text: str) -> None:
    assert events(coder, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The militia launched rocket attacks on Kenyan border posts on Monday.",
        "Ethiopia launched drone strikes on rebel camps near Gondar.",
    ],
)
def test_weapon_in_front_of_a_carried_attack_is_one_act(coder: Any, text: str) -> None:
    # A light verb whose frame fits only the weapon before the event noun tells the noun's act:
    # no MOBILIZE "launched rockets" beside the ASSAULT.
    assert {r.event_type for r in events(coder, text)} == {"ASSAULT"}


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The rebel offensive on the Malian town of Kidal entered its second day.", "entered"),
        ("The Ethiopian offensive on the Somali town of Baidoa dragged on for a week.", "dragged"),
        ("Clashes between Sudanese and Chadian troops went on for a third day.", "went"),
    ],
)
def test_verb_of_duration_reports_the_act_as_going_on(coder: Any, text: str, verb: str) -> None:
    # "entered its second day", "dragged on": the act is still under way, so it is news, and
    # the verb that says so is part of the trigger, as "broke out" is.
    found = events(coder, text)
    assert {r.event_type for r in found} == {"ASSAULT"}
    assert all(r.trigger is not None and verb in r.trigger.text for r in found)


@pytest.mark.parametrize(
    "text",
    [
        "The festival in Lisbon went on until midnight.",
        "The trial of the former Malian minister entered its second week.",
        "The Malian striker went on to score twice against Ghana.",
    ],
)
def test_verb_of_duration_alone_codes_nothing(coder: Any, text: str) -> None:
    assert events(coder, text) == []
