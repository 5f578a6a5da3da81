"""Date phrases to calendar periods: "last Wednesday" published 2021-11-24 is 2021-11-17.

Our own rules cover the frequent news phrasings, relative to the publication day or absolute
("March 3, 2020", "the 1990s", "the 19th century"); `dateparser` is only a guarded fallback for
unusual absolute dates, because it is slow and happily turns durations into dates. Which
phrase dates which event is engine/dates.py's business.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

from gestae.resources.date_words import DateVocabulary, date_vocabulary
from gestae.resources.numbers import NUMBER_WORDS, ORDINAL_WORDS
from gestae.schema import Granularity

__all__ = ["GRANULARITIES", "Period", "Words", "resolve_text", "words"]

# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

_DAYPART = r"(?:\s+(?:morning|afternoon|evening|night))?"

# --------------------------------------------------------------------------------------
# Resolution rules (applied to lower-cased, normalised expression text)
# --------------------------------------------------------------------------------------

# "a week ago" counts one; other words come from the shared table.
_NUMBER_WORDS = {"a": 1, "an": 1, **NUMBER_WORDS}
_NUM_ALT = r"\d+|" + "|".join(_NUMBER_WORDS)
_ORD = r"(?:st|nd|rd|th)?"

_AGO_RE = re.compile(rf"\b({_NUM_ALT})\s+(day|week|month|year)s?\s+ago\b")
_ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_TODAY_RE = re.compile(
    r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+today)\b"
)
_YESTERDAY_RE = re.compile(r"\b(?:yesterday|last\s+night)\b")
_TOMORROW_RE = re.compile(r"\btomorrow\b")
_REL_PERIOD_RE = re.compile(
    r"\b(earlier\s+this|later\s+this|last|previous|this|next|coming)\s+(week|month|year)\b"
)
# "the 19th century", "the mid-twentieth century": the whole century (early/mid/late are kept
# in the text but do not narrow the period).
_CENTURY_RE = re.compile(
    r"\b(\d{1,2}(?:st|nd|rd|th)|"
    + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
    + r")[\s-]+century\b"
)
# "over the weekend", "last weekend": the Saturday and Sunday before (or, said of the future,
# after) publication.
_WEEKEND_RE = re.compile(r"\b(?:(last|past|previous|this|next|coming)\s+)?weekend\b")
# "in the past 15 months": a span that ends at publication, not a day in it.
_SPAN_RE = re.compile(rf"\b(?:last|past|previous)\s+({_NUM_ALT})\s+(day|week|month|year)s\b")
# "over the past week": one unit back from publication ("last week" is the calendar week).
_PAST_UNIT_RE = re.compile(r"\bpast\s+(week|month|year)\b")
_REL_CENTURY_RE = re.compile(r"\b(last|previous|this|next|coming)\s+century\b")
# "the 1990s" is a decade; "the 1800s" a century (but "the 2000s" the decade 2000-2009).
# Two-digit decades ("their 50s", "the '90s") are ages or ambiguous: never dates.
_DECADES_RE = re.compile(r"(?<![\d'\u2019])\b(1[0-9]|20)(\d)0s\b")
# "the 12th" (from "on the 12th"): a day of the publication month, or of the month before
# when that day is still to come (the month after, said of the future).
_ORDINAL_DAY_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_YEAR_RE = re.compile(r"\b((?:1[89]|20)\d{2})\b(?!s)")
_DURATION_RE = re.compile(
    rf"\b(?:{_NUM_ALT}|few|several|many|couple|some)\s+"
    r"(?:(?:more|other|straight|consecutive|full)\s+)?"
    r"(?:second|minute|hour|day|night|week|month|year|decade|centur(?:y|ie))s?\b"
    r"|\b(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b"
)
_VAGUE_RE = re.compile(
    r"\b(?:recent(?:ly)?|soon|past|future|now|currently|once|previously|annual(?:ly)?"
    r"|daily|weekly|monthly|yearly|same\s+day|that\s+day|the\s+day|weekend|\d{4}s|century)\b"
)
_LEADING_PREP_RE = re.compile(r"^(?:on|in|at|during|since|by|from|until|of|the)\s+")

GRANULARITIES: tuple[Granularity, ...] = ("day", "week", "month", "year", "decade", "century")


@dataclass(frozen=True)
class Words:
    """data/dates.yaml with the patterns built from its day and month names.

    Built on first use, so a broken data file is reported when coding starts (a DataError),
    not while modules are imported.
    """

    weekday_index: dict[str, int]
    months: dict[str, int]
    vocabulary: DateVocabulary
    # Phrases the small model often leaves untagged, found in the sentence's own text.
    extra: re.Pattern[str]
    mdy: re.Pattern[str]
    dmy: re.Pattern[str]
    md: re.Pattern[str]
    dm: re.Pattern[str]
    my: re.Pattern[str]
    # "March last year", "October of next year": a month of the year before or after.
    m_rel_year: re.Pattern[str]
    weekday: re.Pattern[str]
    month: re.Pattern[str]
    # Anything worth handing to dateparser must look like an absolute date.
    absolute_hint: re.Pattern[str]


def _untagged_phrases(vocabulary: DateVocabulary) -> re.Pattern[str]:
    """Date phrases the small model often leaves untagged.

    Case-sensitive on purpose: capitalised month/weekday names keep "may" (modal) and "march"
    (verb) out.
    """
    full_months = "|".join(names[0].capitalize() for names in vocabulary.months)
    # Longest abbreviation first: "Sept|Sep" as "Sept?" was.
    abbr_months = "|".join(
        abbr.capitalize()
        for names in vocabulary.months
        for abbr in sorted(names[1:], key=len, reverse=True)
    )
    weekday_names = "|".join(day.capitalize() for day in vocabulary.weekdays)
    return re.compile(
        r"\b(?:"
        rf"(?:(?:[Tt]oday|[Yy]esterday|[Tt]onight),\s+(?:{weekday_names}))"
        rf"|(?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+)?(?:{weekday_names}){_DAYPART}"
        rf"|(?:[Tt]oday|[Yy]esterday|[Tt]omorrow){_DAYPART}|[Tt]onight"
        r"|(?:[Tt]his|[Ll]ast)\s+(?:morning|afternoon|evening|night)"
        r"|(?:[Ee]arlier|[Ll]ater)\s+in\s+the\s+day"
        r"|(?:(?:[Ee]arlier|[Ll]ater)\s+this|[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious|[Cc]oming)"
        r"\s+(?:week|month|year)"
        rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:{full_months}|(?:{abbr_months})\.?)"
        r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{4})?"
        r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}"
        r")\b"
    )


@cache
def words() -> Words:
    vocabulary = date_vocabulary()
    months = {name: i for i, names in enumerate(vocabulary.months, start=1) for name in names}
    month_alt = "|".join(sorted(months, key=len, reverse=True))
    return Words(
        weekday_index={name: i for i, name in enumerate(vocabulary.weekdays)},
        months=months,
        vocabulary=vocabulary,
        extra=_untagged_phrases(vocabulary),
        mdy=re.compile(rf"\b({month_alt})\.?\s+(\d{{1,2}}){_ORD}\b,?\s+(\d{{4}})\b"),
        dmy=re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({month_alt})\b\.?,?\s+(\d{{4}})\b"),
        md=re.compile(rf"\b({month_alt})\.?\s+(\d{{1,2}}){_ORD}\b"),
        dm=re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({month_alt})\b"),
        my=re.compile(rf"\b({month_alt})\.?,?\s+(?:of\s+)?(\d{{4}})\b"),  # "August of 2015"
        m_rel_year=re.compile(
            rf"\b({month_alt})\.?,?\s+(?:of\s+)?(last|previous|this|next|coming)\s+year\b"
        ),
        weekday=re.compile(
            r"\b(?:(last|past|previous|next|coming|this)\s+)?("
            + "|".join(vocabulary.weekdays)
            + r")\b"
        ),
        month=re.compile(rf"\b({month_alt})\b"),
        # A month name or a four-digit year: a bare number ("Omarov, 40," an age the model
        # tags DATE), "their 50s" or "3 a.m." is no date, and dateparser would read "40" as
        # the year 1940.
        absolute_hint=re.compile(rf"\b(?:{month_alt})\b|(?<![\d,.])\d{{4}}(?![\d,.])"),
    )


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    granularity: Granularity


# --------------------------------------------------------------------------------------
# Calendar helpers
# --------------------------------------------------------------------------------------


def _month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(date(year, month, 1), date(year, month, last), "month")


def _year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), "year")


def _century_period(century: int) -> Period | None:
    """The nth century as news uses it: the 19th century is 1800-1899 (the same as "the
    1800s"), not the astronomers' 1801-1900."""
    if not 1 <= century <= len(ORDINAL_WORDS):
        return None
    first = (century - 1) * 100
    return Period(date(max(first, 1), 1, 1), date(first + 99, 12, 31), "century")


def _historical(text: str) -> Period | None:
    """Centuries and decades, which need no publication date."""
    if m := _CENTURY_RE.search(text):
        number = m[1]
        return _century_period(int(number[:-2]) if number[0].isdigit() else ORDINAL_WORDS[number])
    if m := _DECADES_RE.search(text):
        start = int(m[1] + m[2] + "0")
        if m[2] == "0" and start < 2000:
            return _century_period(start // 100 + 1)
        return Period(date(start, 1, 1), date(start + 9, 12, 31), "decade")
    return None


def _day(d: date) -> Period:
    return Period(d, d, "day")


def _week_of(d: date) -> Period:
    monday = d - timedelta(days=d.weekday())
    return Period(monday, monday + timedelta(days=6), "week")


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


# --------------------------------------------------------------------------------------
# Expression -> period
# --------------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    text = re.sub(r"[\u2013\u2014,()]+|\s-+\s", " ", text.lower())
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    while True:
        stripped = _LEADING_PREP_RE.sub("", text)
        if stripped == text:
            return text
        text = stripped


def _weekday(published: date, target: int, mode: str | None, future: bool) -> date:
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if mode in ("last", "past", "previous"):
        return published - timedelta(days=back or 7)
    if mode in ("next", "coming"):
        return published + timedelta(days=ahead or 7)
    return published + timedelta(days=ahead) if future else published - timedelta(days=back)


def _weekend(published: date, mode: str | None, future: bool) -> Period:
    """The Saturday and Sunday meant: the last one, unless the phrase or the tense says the next
    (publication on a weekend day means that weekend)."""
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    if published.weekday() < 5 and (mode in ("next", "coming") or (future and mode != "last")):
        saturday += timedelta(days=7)
    elif mode in ("last", "previous") and published.weekday() >= 5:
        saturday -= timedelta(days=7)
    return Period(saturday, saturday + timedelta(days=1), "week")


def _span_to(published: date, count: int, unit: str) -> Period:
    """From `count` units before publication to publication, at the unit's granularity."""
    if unit == "day":
        return Period(published - timedelta(days=count), published, "day")
    if unit == "week":
        return Period(published - timedelta(weeks=count), published, "week")
    day = min(published.day, 28)
    if unit == "month":
        year, month = _shift_month(published.year, published.month, -count)
        return Period(date(year, month, day), published, "month")
    return Period(date(published.year - count, published.month, day), published, "year")


def _month_day_no_year(published: date, month: int, day: int, future: bool) -> date | None:
    same_year = _safe_date(published.year, month, day)
    if same_year is None:
        return None
    if future and same_year < published:
        return _safe_date(published.year + 1, month, day)
    if not future and same_year > published:
        return _safe_date(published.year - 1, month, day)
    return same_year


def _day_of_month(published: date, day: int, future: bool) -> date | None:
    """The nearest such day on the side of publication the tense points to."""
    shift = 0
    if future and day < published.day:
        shift = 1
    elif not future and day > published.day:
        shift = -1
    year, month = _shift_month(published.year, published.month, shift)
    return _safe_date(year, month, day)


def _absolute(text: str) -> Period | None:
    """Dates that need no publication date to resolve."""
    vocab = words()
    if m := _ISO_RE.search(text):
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return _day(d) if d else None
    if m := vocab.mdy.search(text):
        d = _safe_date(int(m[3]), vocab.months[m[1]], int(m[2]))
        return _day(d) if d else None
    if m := vocab.dmy.search(text):
        d = _safe_date(int(m[3]), vocab.months[m[2]], int(m[1]))
        return _day(d) if d else None
    if m := vocab.my.search(text):
        return _month_period(int(m[2]), vocab.months[m[1]])
    return _historical(text)


def _relative(text: str, published: date, future: bool) -> Period | None:
    """Dates anchored on the publication day, most specific phrasing first."""
    vocab = words()
    if m := _AGO_RE.search(text):
        n, unit = _number(m[1]), m[2]
        if unit == "day":
            return _day(published - timedelta(days=n))
        if unit == "week":
            return _week_of(published - timedelta(weeks=n))
        if unit == "month":
            return _month_period(*_shift_month(published.year, published.month, -n))
        return _year_period(published.year - n)
    if m := vocab.md.search(text):
        d = _month_day_no_year(published, vocab.months[m[1]], int(m[2]), future)
        return _day(d) if d else None
    if m := vocab.dm.search(text):
        d = _month_day_no_year(published, vocab.months[m[2]], int(m[1]), future)
        return _day(d) if d else None
    if m := _ORDINAL_DAY_RE.match(text):
        d = _day_of_month(published, int(m[1]), future)
        return _day(d) if d else None
    if _TODAY_RE.search(text):
        return _day(published)
    if _YESTERDAY_RE.search(text):
        return _day(published - timedelta(days=1))
    if _TOMORROW_RE.search(text):
        return _day(published + timedelta(days=1))
    if m := vocab.weekday.search(text):
        return _day(_weekday(published, vocab.weekday_index[m[2]], m[1], future))
    if m := _SPAN_RE.search(text):
        return None if future else _span_to(published, _number(m[1]), m[2])
    if m := _PAST_UNIT_RE.search(text):
        return None if future else _span_to(published, 1, m[1])
    if m := _WEEKEND_RE.search(text):
        return _weekend(published, m[1], future)
    if m := vocab.m_rel_year.search(text):
        offset = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m[2], 0)
        return _month_period(published.year + offset, vocab.months[m[1]])
    if m := _REL_PERIOD_RE.search(text):
        offset = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m[1], 0)
        if m[2] == "week":
            return _week_of(published + timedelta(weeks=offset))
        if m[2] == "month":
            return _month_period(*_shift_month(published.year, published.month, offset))
        return _year_period(published.year + offset)
    if m := _REL_CENTURY_RE.search(text):
        offset = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m[1], 0)
        return _century_period(published.year // 100 + 1 + offset)
    if m := vocab.month.search(text):
        month = vocab.months[m[1]]
        year = published.year
        if future and month < published.month:
            year += 1
        elif not future and month > published.month:
            year -= 1
        return _month_period(year, month)
    return None


def _parse_expression(text: str, published: date | None, future: bool) -> Period | None:
    period = _absolute(text)
    if period is None and published is not None:
        period = _relative(text, published, future)
    if period is None and _NUMERIC_DATE_RE.search(text):
        return _dateparser_fallback(text, published)
    if period is None and (m := _YEAR_RE.search(text)):
        period = _year_period(int(m[1]))
    if period is not None:
        return period
    if _DURATION_RE.search(text) or _VAGUE_RE.search(text):
        return None
    if not words().absolute_hint.search(text):
        return None
    return _dateparser_fallback(text, published)


# A clock time in news style ("2130 GMT", "1400 local time"): four digits that are no year.
_CLOCK_TIME = re.compile(
    r"\b[0-2]\d[0-5]\d\s*(?:GMT|UTC|EST|EDT|CET|IST|hrs|hours|local(?:\s+time)?)\b", re.I
)


@lru_cache(maxsize=4096)
def resolve_text(text: str, published: date | None, future: bool) -> Period | None:
    return _parse_expression(_normalise(_CLOCK_TIME.sub(" ", text)), published, future)


def _dateparser_fallback(text: str, published: date | None) -> Period | None:
    """Last resort for odd absolute formats ("12/25/2020").

    Without a publication date dateparser would silently fill gaps from today's clock, so
    only expressions carrying their own year are accepted then.
    """
    if published is None and not re.search(r"\d{4}", text):
        return None
    from dateparser.date import DateDataParser  # imported lazily: slow and rarely needed

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data.date_obj is None:
        return None
    found = data.date_obj.date()
    if data.period == "month":
        return _month_period(found.year, found.month)
    if data.period == "year":
        return _year_period(found.year)
    if data.period == "week":
        return _week_of(found)
    return _day(found)
