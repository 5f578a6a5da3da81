"""Who "they" and "he" are beside a saying verb (engine/sentence_antecedents.py,
engine/quote_tellers.py, engine/country_references.py): a lone speaker's "they" is the body
they speak for and never that speaker; a quote's teller goes on with the quote's named
speaker; "the country" is not a state its own phrase names. Sentences are invented."""

from __future__ import annotations

from typing import Any

from tests.coding import events, only_on

RAID = "Gunmen raided a village in northern Niger on Friday. "


def _source(record: Any) -> str:
    return "-" if record.source is None else str(record.source.label())


def test_a_lone_speakers_they_is_their_body(coder: Any) -> None:
    text = RAID + "An army spokesman said they had killed four of the attackers."
    assert _source(only_on(events(coder, text), "killed")) == "NER MIL"


def test_a_civilian_speaker_is_not_they(coder: Any) -> None:
    # Not the farmer: the gunmen named before, as without a speaker.
    text = RAID + "A farmer, Moussa Issa, said they burned down the granary."
    assert _source(only_on(events(coder, text), "burned down")) == "NER UAF"


def test_a_passive_they_is_not_the_speakers_body(coder: Any) -> None:
    text = (
        "Students marched through Dhaka on Monday. "
        "Prime Minister Sheikh Hasina said they would be punished."
    )
    record = only_on(events(coder, text), "punished")
    assert record.target is not None and record.target.label() != "BGD GOV"


def test_a_teller_is_not_a_person_named_inside_the_quote(coder: Any) -> None:
    text = (
        "Kenya's president met the envoy on Monday. "
        '"The talks went well," said Joseph Kamau of the Nairobi Policy Forum. '
        '"Even President Ruto agreed," he told reporters, urging Brussels to release the funds.'
    )
    record = only_on(events(coder, text), "urging")
    assert record.source is not None and record.source.country is None  # Kamau, not Ruto


def test_a_teller_after_an_unnamed_speaker_reads_as_before(coder: Any) -> None:
    text = (
        "Kenya's president met the envoy on Monday. "
        '"The talks went well," the minister said. '
        '"Even President Ruto agreed," he told reporters, urging Brussels to release the funds.'
    )
    assert _source(only_on(events(coder, text), "urging")) == "KEN GOV"


def test_the_country_said_of_its_own_state_stays(coder: Any) -> None:
    text = "Germany's defense minister said the country would send more soldiers to Lithuania."
    assert _source(only_on(events(coder, text), "send")) == "DEU"
