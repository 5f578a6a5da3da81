"""The dateline of a wire story ("KABUL, May 3 (AP) --"): a publication date when none is given.

Without a publication date every event the text dates only relatively ("on Monday") is
undated, so the dateline is the next best source. It is read only from the start of the text
and only in the wire form: place, date, optional agency, then a dash. "LONDON (Reuters) -"
has no date and gives none.

The month names are the English wire forms (AP style abbreviates "Sept."); they are not read
from resources/data/dates.yaml because the input layer does not depend on the resources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["Dateline", "DatelinePlace", "read_dateline", "read_dateline_place"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_ALT = "|".join(
    alt for name in sorted(_MONTHS, key=len, reverse=True) for alt in (name, name.upper())
)
_PLACE_WORD = r"[A-Z][A-Za-z.'\u2019-]*"
# Small words inside a name of several words: "Democratic Republic of (the) Congo", "Bosnia and
# Herzegovina", "Rio de Janeiro". Without them such a dateline is not read, and its words become
# the lead's subject ("BENI, Democratic Republic of Congo, Nov 3 (AP) - Rebels ...").
_PLACE_LINK = r"(?:(?:of|and|de|da|do|du|del|dos|das)[ ](?:the[ ])?)?"
_PLACE = rf"{_PLACE_WORD}(?:[ ]{_PLACE_LINK}{_PLACE_WORD}){{0,3}}"
_DATELINE_RE = re.compile(
    rf"(?:{_PLACE}(?:,[ ]{_PLACE}){{0,2}},?[ ]+)?"
    rf"(?:(?P<month>{_MONTH_ALT})\.?[ ]+(?P<day>\d{{1,2}})"
    rf"|(?P<day2>\d{{1,2}})[ ]+(?P<month2>{_MONTH_ALT})\.?)"
    r"(?:,?[ ]+(?P<year>\d{4}))?"
    r"[ ]*(?:\([^()\n]{1,40}\)[ ]*)?"
    r"(?:-{1,2}|\u2014|\u2013)(?=\s)"
)
# The place of a dateline, with or without a date: "KABUL, May 3 (AP) --", "LONDON (Reuters) -",
# "GOMA, Congo --". Its first word is in capitals, or a date or an agency follows it, so that an
# ordinary sentence opening with a name and a dash is not read as one.
_DATE_PART = (
    rf"(?:(?:{_MONTH_ALT})\.?[ ]+\d{{1,2}}|\d{{1,2}}[ ]+(?:{_MONTH_ALT})\.?)(?:,?[ ]+\d{{4}})?"
)
_PLACE_LINE_RE = re.compile(
    rf"(?P<place>{_PLACE})(?:,[ ]{_PLACE}){{0,2}},?[ ]*"
    rf"(?P<date>{_DATE_PART})?[ ]*(?P<agency>\([^()\n]{{1,40}}\))?[ ]*"
    r"(?:-{1,2}|\u2014|\u2013)(?=\s)"
)
# A dateline sits on the first line; a story's opening sentence is never this far in.
_HEAD_CHARS = 160


@dataclass(frozen=True)
class Dateline:
    """The date a dateline gives, its words, and whether its year was assumed."""

    date: date
    text: str
    year_assumed: bool

    def note(self) -> str:
        """The notice a reader prints: where the publication date came from."""
        message = f"publication date {self.date.isoformat()} taken from the dateline {self.text!r}"
        if self.year_assumed:
            message += " (it gives no year: the latest such day up to today is assumed)"
        return message + "; give --published or a 'published' field to set another"


def read_dateline(text: str, today: date | None = None) -> Dateline | None:
    """The dateline's date at the start of `text`, or None when it opens with none.

    A dateline without a year ("May 3") is taken as the latest such day on or before `today`
    (the day of coding by default): wire stories are coded soon after they are written."""
    head = text.lstrip()[:_HEAD_CHARS]
    m = _DATELINE_RE.match(head)
    if m is None:
        return None
    month = _MONTHS[(m["month"] or m["month2"]).capitalize()]
    day = int(m["day"] or m["day2"])
    words = m.group(0).rstrip(" -\u2013\u2014")
    if m["year"] is not None:
        found = _safe_date(int(m["year"]), month, day)
        return Dateline(found, words, False) if found else None
    today = today or date.today()
    found = _safe_date(today.year, month, day)
    if found is not None and found > today:
        found = _safe_date(today.year - 1, month, day)
    return Dateline(found, words, True) if found else None


@dataclass(frozen=True)
class DatelinePlace:
    """The place a dateline names, its offsets in the text, and where the dateline ends."""

    name: str
    start: int
    end: int
    dateline_end: int


def read_dateline_place(text: str) -> DatelinePlace | None:
    """The place of the dateline at the start of `text` ("KABUL" in "KABUL, May 3 (AP) --").

    Its words are given as written (a dateline spells them in capitals); the places stage
    resolves them. None when the text opens with no dateline."""
    offset = len(text) - len(text.lstrip())
    m = _PLACE_LINE_RE.match(text[offset : offset + _HEAD_CHARS])
    if m is None:
        return None
    place = m["place"]
    if not (place.isupper() or m["date"] or m["agency"]):
        return None
    return DatelinePlace(
        place, offset + m.start("place"), offset + m.end("place"), offset + m.end()
    )


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
