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

__all__ = ["Dateline", "read_dateline"]

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
_PLACE = rf"{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,3}}"
_DATELINE_RE = re.compile(
    rf"(?:{_PLACE}(?:,[ ]{_PLACE}){{0,2}},?[ ]+)?"
    rf"(?:(?P<month>{_MONTH_ALT})\.?[ ]+(?P<day>\d{{1,2}})"
    rf"|(?P<day2>\d{{1,2}})[ ]+(?P<month2>{_MONTH_ALT})\.?)"
    r"(?:,?[ ]+(?P<year>\d{4}))?"
    r"[ ]*(?:\([^()\n]{1,40}\)[ ]*)?"
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


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
