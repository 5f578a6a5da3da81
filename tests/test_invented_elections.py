"""News on elections and migration written for the test (tests/data/invented/elections.jsonl,
invented wire stories): the dates a dated dateline must not give, the reactions aimed at the
act they name, headlines that announce, and the people held or rescued."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gestae.schema import Article
from tests.coding import events, invented_events, only_on


def _label(actor: Any) -> str | None:
    return actor.label() if actor is not None else None


def test_the_lead_act_takes_its_weekday_not_the_dateline_date(coder: Any) -> None:
    records = invented_events(coder, "elections", "e05")
    shooting = only_on(records, "shot")
    assert shooting.date is not None and shooting.date.value == "2026-05-17"
    assert "date.dateline-not-event" in shooting.rules
    arrests = only_on(invented_events(coder, "elections", "e14"), "arrested")
    assert arrests.date is not None and arrests.date.value == "2026-07-01"


def test_a_dateline_date_alone_is_the_publication_day(coder: Any) -> None:
    text = "LIMA, May 14 (Reuters) - Police arrested the mayor of Cusco, prosecutors said."
    records = coder.code(Article(id="t", text=text, published=date(2024, 5, 14)))
    (arrest,) = [r for r in records if r.kind == "event"]
    assert arrest.date is not None and arrest.date.basis == "publication"


def test_a_running_toll_takes_no_carried_attacker(coder: Any) -> None:
    records = invented_events(coder, "elections", "e05")
    assert only_on(records, "killed").source is None


def test_the_ruling_mexican_party_is_mexican(coder: Any) -> None:
    records = invented_events(coder, "elections", "e05")
    assert _label(only_on(records, "condemned").source) == "MEX PTY"


def test_condemning_an_arrest_is_aimed_at_the_police_who_made_it(coder: Any) -> None:
    records = invented_events(coder, "elections", "e04")
    assert _label(only_on(records, "condemned").target) == "TUN COP"


def test_praising_a_crackdown_is_aimed_at_the_forces_that_made_it(coder: Any) -> None:
    records = invented_events(coder, "elections", "e14")
    praise = only_on(records, "praised")
    assert praise.event_type == "SUPPORT" and _label(praise.target) == "LBY COP"


def test_a_headline_infinitive_announces_the_boycott(coder: Any) -> None:
    records = invented_events(coder, "elections", "e01")
    boycotts = [r for r in records if r.trigger.text == "boycott"]
    assert boycotts and all(r.event_type == "THREATEN" for r in boycotts)


def test_rohingya_held_in_bangladesh_are_of_myanmar(coder: Any) -> None:
    records = invented_events(coder, "elections", "e13")
    assert _label(only_on(records, "detained").target) == "MMR CVL"


def test_a_rescue_is_not_aimed_at_the_island_it_happened_near(coder: Any) -> None:
    records = invented_events(coder, "elections", "e09")
    rescue = only_on(records, "rescued")
    assert rescue.target is not None and rescue.target.text == "48 people"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "Ghana expels 200 Nigerian traders\nThe traders had no permits, officials said.",
            "COERCE",
        ),
        ("Opposition boycotts Malawi polls\nThe party's leaders gave no reason.", "PROTEST"),
    ],
)
def test_a_headline_with_a_finite_verb_stays_asserted(
    coder: Any, text: str, event_type: str
) -> None:
    found = [r for r in events(coder, text) if r.sentence_index == -1]
    assert [(r.event_type, r.modality) for r in found] == [(event_type, "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled Goma on Monday. The mayor of Goma praised the courage of rescuers.",
        "Police arrested the mayor of Gulu on Monday. Uganda's parliament praised the decision "
        "of the court to free two journalists.",
    ],
)
def test_praise_of_something_else_is_not_aimed_at_the_doer_told_before(
    coder: Any, text: str
) -> None:
    praises = [r for r in events(coder, text) if r.event_type == "SUPPORT"]
    assert all("record.praised-act-doer" not in r.rules for r in praises)


def test_the_government_announcing_its_states_closure_is_that_states(coder: Any) -> None:
    records = invented_events(coder, "elections", "e11")
    closure = only_on(records, "close")
    assert closure.event_type == "THREATEN" and _label(closure.source) == "FIN"
    assert closure.date is not None and closure.date.value == "2026-11-26"
    assert _label(only_on(records, "accusing").source) == "FIN GOV"


@pytest.mark.parametrize(
    "text",
    [
        "Russia attacked the port of Odesa overnight, the government said.",
        "Kenya sent 1,000 police officers to Haiti last month, the ministry said.",
    ],
)
def test_a_body_telling_a_states_act_not_announced_is_not_read_as_its(
    coder: Any, text: str
) -> None:
    (act,) = events(coder, text)
    assert act.reported_by is None or "actor.announcing-state" not in act.reported_by.rule


def test_a_headline_closure_the_body_announces_is_told_once(coder: Any) -> None:
    records = invented_events(coder, "elections", "e11")
    assert [r for r in records if r.sentence_index == -1] == []
