""" "The same day", "that night", "earlier in the day": a day the article gave just before.

News tells a second act by pointing at the first one's day ("Rebels attacked a base on
Wednesday. The army shelled their positions the same day."). Read alone the phrase names no
day, and the act fell back to the publication day or `earlier`; it is the day of the nearest
date phrase told before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Span

from gestae.engine.date_periods import Period, resolve_text
from gestae.engine.date_phrases import doc_candidates
from gestae.engine.rules import rule

_SAME_DAY = re.compile(
    r"^(?:(?:on\s+|later\s+|earlier\s+)?(?:the\s+same|that)\s+"
    r"(?:day|night|morning|afternoon|evening)"
    r"|(?:earlier|later)\s+in\s+the\s+day)$",
    re.IGNORECASE,
)
# How many sentences back the day may be told (a story tells its day in the lead, and "the same
# day" may come several sentences on); a nearer date phrase stops the look back.
_REACH = 5


def same_day_phrase(span: Span) -> bool:
    """Whether a date phrase only points at a day told before ("the same day", "that night",
    "later in the day")."""
    return bool(_SAME_DAY.match(span.text.strip()))


@rule("date.same-day")
def same_day(span: Span, published: date) -> Period | None:
    """'The army shelled their positions the same day': the day of the nearest date phrase
    told before the pointer, in its own sentence or up to five sentences back, when that
    phrase names one day. A nearer phrase naming a week, month or year stops the look back:
    the pointer's day is then unknown.

    Example: Rebels attacked a base on Wednesday. The army shelled their positions the same day.
    """
    if not same_day_phrase(span):
        return None
    doc = span.doc
    starts, by_sent = doc_candidates(doc)
    here = bisect_right(starts, span.start) - 1
    for index in range(here, max(-1, here - _REACH - 1), -1):
        for start, end in reversed(by_sent.get(starts[index], [])):
            if end > span.start or same_day_phrase(doc[start:end]):
                continue
            period = resolve_text(doc[start:end].text, published, False)
            if period is not None:
                return period if period.granularity == "day" else None
    return None
