"""Numbers that are not dates (ages, counts, money, shares) and dates far in the past
(years, decades, centuries): the date reader must tell them apart.

Every sentence here is invented for the test.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language

from gestae.engine.dates import resolve_date
from gestae.schema import EventDate

PUBLISHED = date(2025, 3, 13)

Resolver = Callable[[str, str], EventDate]


@pytest.fixture(scope="module")
def resolve(nlp: Language) -> Resolver:
    """Parse `sentence` and date the first token spelled `trigger`, published PUBLISHED."""

    def _resolve(sentence: str, trigger: str) -> EventDate:
        doc = nlp(sentence)
        matches = [t for t in doc if t.text == trigger]
        assert matches, f"{trigger!r} not in {sentence!r}"
        return resolve_date(matches[0], PUBLISHED)

    return _resolve


PUBLICATION = EventDate(PUBLISHED.isoformat(), PUBLISHED.isoformat(), "day", None, "publication")


# --- numbers that are never years -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # ages after a name (the small model tags them DATE)
        ("Karimov, 52, and Tursunov, 38, hired a lawyer to sue the ministry.", "hired"),
        ("Police said the suspect, 62, attacked a guard outside the embassy.", "attacked"),
        ("The opposition leader, 71, was detained by police at the airport.", "detained"),
        ("Rebels, most of them in their 50s, attacked the base.", "attacked"),
        # "aged N"
        ("Police arrested a man aged 40 in Kabul.", "arrested"),
        ("Soldiers detained two students aged 19 and 20 near the border.", "detained"),
        ("Protesters, aged between 20 and 30, clashed with police.", "clashed"),
        # "N-year-old"
        ("The 40-year-old opposition leader was arrested by police.", "arrested"),
        ("Police arrested a 19-year-old protester in Minsk.", "arrested"),
        ("A 65-year-old farmer was shot by soldiers near the village.", "shot"),
        # counts
        ("Police detained 40 people in the capital.", "detained"),
        ("Rebels launched 2000 attacks on the army.", "attacks"),
        ("Police recorded 1850 arrests during the protests.", "arrests"),
        ("Soldiers detained protesters in 2000 cases.", "detained"),
        # money
        ("The World Bank granted $40 million to Kenya.", "granted"),
        ("Donors pledged 45 million dollars to Sudan.", "pledged"),
        # percentages
        ("Inflation rose 40 percent after the government devalued the currency.", "devalued"),
        ("Turnout fell to 45% when the opposition boycotted the vote.", "boycotted"),
    ],
)
def test_ages_counts_money_and_shares_are_not_years(
    resolve: Resolver, sentence: str, trigger: str
) -> None:
    assert resolve(sentence, trigger) == PUBLICATION


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        (
            "Police arrested 45 protesters in 2019.",
            "arrested",
            EventDate("2019-01-01", "2019-12-31", "year", "2019", "text"),
        ),
        (
            "Karimov, 52, was arrested on March 3, 2020.",
            "arrested",
            EventDate("2020-03-03", "2020-03-03", "day", "March 3, 2020", "text"),
        ),
        (
            "In 1998, the two countries signed a treaty on their border.",
            "signed",
            EventDate("1998-01-01", "1998-12-31", "year", "1998", "text"),
        ),
        (
            "The 40-year-old lawyer was detained by police on Monday.",
            "detained",
            EventDate("2025-03-10", "2025-03-10", "day", "Monday", "text"),
        ),
    ],
)
def test_real_dates_beside_numbers_still_resolve(
    resolve: Resolver, sentence: str, trigger: str, expected: EventDate
) -> None:
    assert resolve(sentence, trigger) == expected
