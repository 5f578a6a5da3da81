"""Wire stories written for the test (tests/data/invented/headlines.jsonl): a Title Case
headline over a datelined lead. What must hold: a headline whose verb the model reads as a
noun still codes its act and merges into the lead (parse.headline-noun-verb), the dateline is
no part of the lead subject's words (parse.dateline-subject), and a reaction to "the move" is
aimed at whoever made it (record.reacted-act-doer); "the air" warning shots go into is no
target (word class abstract_objects)."""

from __future__ import annotations

from typing import Any

from gestae.schema import EventRecord
from tests.coding import invented_events


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "headlines", article_id)


def test_headline_read_as_a_noun_phrase_merges_into_the_lead(coder: Any) -> None:
    records = _records(coder, "hl10")  # "Sudan Army Shells Rebel Positions Near Khartoum"
    lead = next(r for r in records if r.sentence_index == 0)
    assert (lead.event_type, lead.source.country, lead.source.sector) == ("ASSAULT", "SDN", "MIL")
    assert "record.headline-restated" in lead.rules
    assert not [r for r in records if r.sentence_index == -1]


def test_dateline_is_not_the_subjects_words(coder: Any) -> None:
    records = _records(coder, "hl04")  # "KADUNA, Nigeria (AFP) -- Gunmen abducted ..."
    lead = next(r for r in records if r.sentence_index == 0)
    assert lead.source is not None and lead.source.text == "Gunmen"


def test_condemned_move_is_aimed_at_its_maker(coder: Any) -> None:
    records = _records(coder, "hl07")  # "... Caracas condemned the move as an act of aggression."
    reaction = next(r for r in records if r.sentence_index == 2)
    assert reaction.target is not None and reaction.target.country == "USA"


def test_shots_into_the_air_hit_no_one(coder: Any) -> None:
    records = _records(coder, "hl04")  # "The attackers ... fired into the air ..."
    # Shots into the air are no assault (lexicon statement frames); if any record of the
    # sentence stays, the air is never its target.
    shots = [r for r in records if r.sentence_index == 1]
    assert all(r.target is None or "air" not in r.target.text for r in shots)
    assert all(r.event_type != "ASSAULT" for r in shots)
