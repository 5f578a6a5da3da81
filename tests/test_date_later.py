"""date.told-later: an act told first without a day takes the day a later sentence gives the
same act, and keeps its own (the publication day) when the later sentence tells another one.
date.setting-retold: an act set "during the talks" takes the talks' day, unless the story told
another such event on the way back.

Every sentence here is invented for the test; the act dated is the first token spelled
`trigger`, in the story's first sentence.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from gestae.engine.dates import resolve_date
from gestae.engine.rules import Trace

PUBLISHED = date(2024, 5, 14)  # a Tuesday


def _first_date(nlp: Language, text: str, trigger: str) -> tuple[str | None, str, list[str]]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    trace = Trace()
    when = resolve_date(token, PUBLISHED, trace)
    return when.value, when.basis, [step.rule for step in trace.steps]


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        (
            "Police arrested the opposition leader Tendai Moyo, his party said. Moyo was "
            "arrested at his home in Harare on Sunday.",
            "arrested",
            "2024-05-12",
        ),
        (
            "One of the rebel group's top commanders is dead, killed in what officials "
            "described as a joint operation. The army said Rashid Omar was killed Saturday "
            "in an airstrike near Gao.",
            "killed",
            "2024-05-11",
        ),
        (
            "Gunmen kidnapped 20 pupils from a school in Zamfara state, police said. The "
            "kidnapping happened on Friday night, a teacher said.",
            "kidnapped",
            "2024-05-10",
        ),
    ],
)
def test_day_of_the_later_telling(nlp: Language, text: str, trigger: str, day: str) -> None:
    value, basis, rules = _first_date(nlp, text, trigger)
    assert (value, basis) == (day, "text")
    assert "date.told-later" in rules


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # another act of the same kind, by other doers to other people
        (
            "Gunmen killed five villagers in Zamfara, police said. On Sunday, bandits killed "
            "four people in Katsina.",
            "killed",
        ),
        # the same kind of act counted differently, or in another named place
        (
            "Israeli strikes killed 20 people in Gaza, health officials said. Strikes killed 15 "
            "people in Rafah on Sunday.",
            "killed",
        ),
        (
            "Police arrested protesters in Nairobi, witnesses said. On Monday, police arrested "
            "protesters in Mombasa.",
            "arrested",
        ),
        # the same doers, someone else arrested
        (
            "Police arrested the editor Tendai Moyo, his party said. Police arrested his "
            "deputy on Sunday.",
            "arrested",
        ),
        # another occurrence: "first", "had been", "another"
        (
            "Police arrested the opposition leader Tendai Moyo, his party said. Moyo was "
            "first arrested in Harare on Sunday.",
            "arrested",
        ),
        (
            "Police detained the editor Tendai Moyo, his party said. Moyo had been detained "
            "at his home in Harare on Sunday.",
            "detained",
        ),
        (
            "Police arrested the editor Tendai Moyo, his party said. Another arrest took place "
            "in Bulawayo on Sunday.",
            "arrested",
        ),
        # a day long before publication is background, not the lead's act
        (
            "Police detained the editor Tendai Moyo, his party said. Moyo was detained at his "
            "home in Harare on March 2.",
            "detained",
        ),
        # the lead's own sentence gives a time
        (
            "Police arrested the editor Tendai Moyo this week, his party said. Moyo was "
            "arrested at his home on Sunday.",
            "arrested",
        ),
    ],
)
def test_other_act_keeps_its_date(nlp: Language, text: str, trigger: str) -> None:
    value, basis, rules = _first_date(nlp, text, trigger)
    assert "date.told-later" not in rules, (value, basis)


@pytest.mark.parametrize(
    "text",
    [
        # a new round of talks, told without a day, stands between
        "Ghana and Togo held talks in Accra on Monday. A new round of talks opened in Lome. "
        "During the talks, Ghana's foreign minister accused Togo of meddling.",
        # two meetings on two days: which one the talks are is unknown
        "Chad's army chief met the Libyan premier in Tripoli on Monday. The foreign ministers "
        "met on Sunday. During the talks, the two leaders agreed to reopen the crossing.",
    ],
)
def test_setting_of_unknown_day(nlp: Language, text: str) -> None:
    doc = nlp(text)
    act = [t for t in doc if t.text in ("accused", "agreed")][-1]
    trace = Trace()
    resolve_date(act, PUBLISHED, trace)
    assert "date.setting-retold" not in [step.rule for step in trace.steps]
