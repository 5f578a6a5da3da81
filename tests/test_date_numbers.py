"""Numbers that are not dates (ages, counts, money, shares) and dates far in the past
(years, decades, centuries): the date reader must tell them apart.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from gestae.cli.app import app
from gestae.engine.dates import resolve_date
from gestae.query.export import EXPORT_FORMATS
from gestae.schema import EventDate, Granularity
from gestae.store.database import EventStore

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


PUBLICATION = EventDate(
    value=PUBLISHED.isoformat(),
    end=PUBLISHED.isoformat(),
    granularity="day",
    text=None,
    basis="publication",
)


def period(start: str, end: str, granularity: Granularity, text: str) -> EventDate:
    return EventDate(value=start, end=end, granularity=granularity, text=text, basis="text")


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
            period("2019-01-01", "2019-12-31", "year", "2019"),
        ),
        (
            "Karimov, 52, was arrested on March 3, 2020.",
            "arrested",
            period("2020-03-03", "2020-03-03", "day", "March 3, 2020"),
        ),
        (
            "In 1998, the two countries signed a treaty on their border.",
            "signed",
            period("1998-01-01", "1998-12-31", "year", "1998"),
        ),
        (
            "The 40-year-old lawyer was detained by police on Monday.",
            "detained",
            period("2025-03-10", "2025-03-10", "day", "Monday"),
        ),
    ],
)
def test_real_dates_beside_numbers_still_resolve(
    resolve: Resolver, sentence: str, trigger: str, expected: EventDate
) -> None:
    assert resolve(sentence, trigger) == expected


# --- dates far from the publication day -------------------------------------------------------


NINETEENTH = ("1800-01-01", "1899-12-31", "century")


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        (
            "Russia annexed the region in the 19th century.",
            "annexed",
            period(*NINETEENTH, "the 19th century"),
        ),
        (
            "The empire invaded Persia in the nineteenth century.",
            "invaded",
            period(*NINETEENTH, "the nineteenth century"),
        ),
        (
            "Britain colonised the island in the mid-18th century.",
            "colonised",
            period("1700-01-01", "1799-12-31", "century", "the mid-18th century"),
        ),
        (
            "The town was burned in the 1800s.",
            "burned",
            period(*NINETEENTH, "the 1800s"),
        ),
        (
            "Japan occupied Korea in the early 1900s.",
            "occupied",
            period("1900-01-01", "1999-12-31", "century", "the early 1900s"),
        ),
        (
            "The army shelled the town in the 1990s.",
            "shelled",
            period("1990-01-01", "1999-12-31", "decade", "the 1990s"),
        ),
        (
            "Rebels shelled the city throughout the 1980s.",
            "shelled",
            period("1980-01-01", "1989-12-31", "decade", "the 1980s"),
        ),
        (
            "The two countries fought a war in the 2000s.",
            "fought",
            period("2000-01-01", "2009-12-31", "decade", "the 2000s"),
        ),
        (
            "Iraq invaded Kuwait in 1990.",
            "invaded",
            period("1990-01-01", "1990-12-31", "year", "1990"),
        ),
        (
            "The two states signed the pact last century.",
            "signed",
            period("1900-01-01", "1999-12-31", "century", "last century"),
        ),
    ],
)
def test_centuries_decades_and_old_years_date_the_event(
    resolve: Resolver, sentence: str, trigger: str, expected: EventDate
) -> None:
    assert resolve(sentence, trigger) == expected


def test_century_and_decade_records_go_through_store_and_exports(tmp_path: Path) -> None:
    """The new granularities are plain strings to the store, the check and every export."""
    article = {
        "id": "history",
        "published": PUBLISHED.isoformat(),
        "text": "Russia annexed the region in the 19th century. "
        "The army shelled the town in the 1990s.",
    }
    source = tmp_path / "history.jsonl"
    source.write_text(json.dumps(article) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(source), "--db", str(db), "--jobs", "1"])
    assert ingested.exit_code == 0, ingested.output
    assert runner.invoke(app, ["check", "--db", str(db)]).exit_code == 0
    with EventStore(db, read_only=True) as store:
        stored = store.con.execute(
            "SELECT date, date_end, date_granularity FROM events ORDER BY date"
        ).fetchall()
    assert stored == [
        (date(1800, 1, 1), date(1899, 12, 31), "century"),
        (date(1990, 1, 1), date(1999, 12, 31), "decade"),
    ]
    for fmt in EXPORT_FORMATS:
        out = tmp_path / f"events.{fmt}"
        exported = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "-o", str(out)])
        assert exported.exit_code == 0, (fmt, exported.output)
        assert out.stat().st_size > 0
    rows = list(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8")))
    assert sorted(r["date_granularity"] for r in rows) == ["century", "decade"]
    gdelt = (tmp_path / "events.gdelt").read_text(encoding="utf-8").splitlines()
    assert sorted(line.split("\t")[1] for line in gdelt) == ["18000101", "19900101"]


# A past event whose own clause has no date, in a sentence about the distant past, takes that
# old date; a present or future event, or one in a clause the old date does not reach, keeps
# the publication day.
@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        (
            "Relations soured in 2010 after commandos stormed a ship bound for Gaza.",
            "stormed",
            period("2010-01-01", "2010-12-31", "year", "2010"),
        ),
        (
            "The civil war ended in 1995, and the two sides signed a peace deal.",
            "signed",
            period("1995-01-01", "1995-12-31", "year", "1995"),
        ),
        (
            "Since 2011, when the government sent troops into the region, rebels have "
            "attacked the army.",
            "sent",
            period("2011-01-01", "2011-12-31", "year", "2011"),
        ),
        (
            "Since 2011, when the government sent troops into the region, rebels have "
            "attacked the army.",
            "attacked",
            PUBLICATION,
        ),
        (
            "The minister, who visited Moscow in 2019, criticised the sanctions.",
            "criticised",
            PUBLICATION,
        ),
        ("Police arrested the men who attacked the embassy in 2019.", "arrested", PUBLICATION),
        ("The envoy blamed Washington for abandoning the deal in 2018.", "blamed", PUBLICATION),
        ("The court convicted the man of a 2015 murder.", "convicted", PUBLICATION),
        (
            "Protesters, some of whom had fought in the 1990s war, clashed with police.",
            "clashed",
            PUBLICATION,
        ),
        ("The opposition, which was banned in 2019, will hold a rally.", "hold", PUBLICATION),
        # A recent date elsewhere in the sentence still belongs to its own event.
        ("Rebels, who seized the town last week, executed the mayor.", "executed", PUBLICATION),
    ],
)
def test_old_date_of_the_sentence_dates_a_past_event(
    resolve: Resolver, sentence: str, trigger: str, expected: EventDate
) -> None:
    assert resolve(sentence, trigger) == expected


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("1:30 am (2130 GMT", None),  # a clock time in news style, not the year 2130
        ("0900 local time", None),
        ("by 2035", 2035),  # a target year far ahead is still a year
        ("March 2019", 2019),
    ],
)
def test_clock_times_are_no_years(text: str, year: int | None) -> None:
    from gestae.engine.date_periods import resolve_text

    period = resolve_text(text, date(2019, 5, 1), False)
    assert (period.start.year if period else None) == year


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("in March last year", date(2018, 3, 1), date(2018, 3, 31)),
        ("October of last year", date(2018, 10, 1), date(2018, 10, 31)),
        ("in January next year", date(2020, 1, 1), date(2020, 1, 31)),
        ("last year", date(2018, 1, 1), date(2018, 12, 31)),
    ],
)
def test_a_month_of_last_or_next_year_is_that_month(text: str, first: date, last: date) -> None:
    """'detained in March last year' is March of the year before, not the whole year."""
    from gestae.engine.date_periods import resolve_text

    period = resolve_text(text, date(2019, 5, 1), False)
    assert period is not None and (period.start, period.end) == (first, last)
