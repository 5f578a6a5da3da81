"""Event dates: find the date expression that belongs to one event and resolve it.

News stories date events relative to their publication day ("on Sunday", "last week"), so
most of the work is (1) deciding which date phrase in a sentence belongs to which event, using
the dependency parse, and (2) turning relative phrases into calendar periods. Our own rules
cover the frequent news phrasings; `dateparser` is only a guarded fallback for unusual
absolute dates, because it is slow and happily turns durations into dates.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from gestae.resources.date_words import DateVocabulary, date_vocabulary
from gestae.resources.numbers import NUMBER_WORDS
from gestae.schema import EventDate, Granularity

__all__ = ["resolve_date"]

# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

_DAYPART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_YEAR_AFTER_IN_RE = re.compile(r"\b(?:in|since|during)\s+((?:1[89]|20)\d{2})\b(?!s)")

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

_NOUN_PREMODIFIERS = frozenset({"compound", "poss", "amod", "nmod", "nummod"})
_NONFINITE_LINKS = frozenset({"xcomp", "acl"})
_CACHE_KEY = "gestae.engine.dates.candidates"
_GRANULARITIES: tuple[Granularity, ...] = ("day", "week", "month", "year")
_DATE_LABELS = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class _Words:
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
        r"|(?:(?:[Ee]arlier|[Ll]ater)\s+this|[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious|[Cc]oming)"
        r"\s+(?:week|month|year)"
        rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:{full_months}|(?:{abbr_months})\.?)"
        r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{4})?"
        r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}"
        r")\b"
    )


@cache
def _words() -> _Words:
    vocabulary = date_vocabulary()
    months = {name: i for i, names in enumerate(vocabulary.months, start=1) for name in names}
    month_alt = "|".join(sorted(months, key=len, reverse=True))
    return _Words(
        weekday_index={name: i for i, name in enumerate(vocabulary.weekdays)},
        months=months,
        vocabulary=vocabulary,
        extra=_untagged_phrases(vocabulary),
        mdy=re.compile(rf"\b({month_alt})\.?\s+(\d{{1,2}}){_ORD}\b,?\s+(\d{{4}})\b"),
        dmy=re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({month_alt})\b\.?,?\s+(\d{{4}})\b"),
        md=re.compile(rf"\b({month_alt})\.?\s+(\d{{1,2}}){_ORD}\b"),
        dm=re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({month_alt})\b"),
        my=re.compile(rf"\b({month_alt})\.?,?\s+(\d{{4}})\b"),
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
class _Period:
    start: date
    end: date
    granularity: Granularity


# --------------------------------------------------------------------------------------
# Calendar helpers
# --------------------------------------------------------------------------------------


def _month_period(year: int, month: int) -> _Period:
    last = calendar.monthrange(year, month)[1]
    return _Period(date(year, month, 1), date(year, month, last), "month")


def _year_period(year: int) -> _Period:
    return _Period(date(year, 1, 1), date(year, 12, 31), "year")


def _day(d: date) -> _Period:
    return _Period(d, d, "day")


def _week_of(d: date) -> _Period:
    monday = d - timedelta(days=d.weekday())
    return _Period(monday, monday + timedelta(days=6), "week")


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


def _month_day_no_year(published: date, month: int, day: int, future: bool) -> date | None:
    same_year = _safe_date(published.year, month, day)
    if same_year is None:
        return None
    if future and same_year < published:
        return _safe_date(published.year + 1, month, day)
    if not future and same_year > published:
        return _safe_date(published.year - 1, month, day)
    return same_year


def _absolute(text: str) -> _Period | None:
    """Dates that need no publication date to resolve."""
    words = _words()
    if m := _ISO_RE.search(text):
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return _day(d) if d else None
    if m := words.mdy.search(text):
        d = _safe_date(int(m[3]), words.months[m[1]], int(m[2]))
        return _day(d) if d else None
    if m := words.dmy.search(text):
        d = _safe_date(int(m[3]), words.months[m[2]], int(m[1]))
        return _day(d) if d else None
    if m := words.my.search(text):
        return _month_period(int(m[2]), words.months[m[1]])
    return None


def _relative(text: str, published: date, future: bool) -> _Period | None:
    """Dates anchored on the publication day, most specific phrasing first."""
    words = _words()
    if m := _AGO_RE.search(text):
        n, unit = _number(m[1]), m[2]
        if unit == "day":
            return _day(published - timedelta(days=n))
        if unit == "week":
            return _week_of(published - timedelta(weeks=n))
        if unit == "month":
            return _month_period(*_shift_month(published.year, published.month, -n))
        return _year_period(published.year - n)
    if m := words.md.search(text):
        d = _month_day_no_year(published, words.months[m[1]], int(m[2]), future)
        return _day(d) if d else None
    if m := words.dm.search(text):
        d = _month_day_no_year(published, words.months[m[2]], int(m[1]), future)
        return _day(d) if d else None
    if _TODAY_RE.search(text):
        return _day(published)
    if _YESTERDAY_RE.search(text):
        return _day(published - timedelta(days=1))
    if _TOMORROW_RE.search(text):
        return _day(published + timedelta(days=1))
    if m := words.weekday.search(text):
        return _day(_weekday(published, words.weekday_index[m[2]], m[1], future))
    if m := _REL_PERIOD_RE.search(text):
        offset = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m[1], 0)
        if m[2] == "week":
            return _week_of(published + timedelta(weeks=offset))
        if m[2] == "month":
            return _month_period(*_shift_month(published.year, published.month, offset))
        return _year_period(published.year + offset)
    if m := words.month.search(text):
        month = words.months[m[1]]
        year = published.year
        if future and month < published.month:
            year += 1
        elif not future and month > published.month:
            year -= 1
        return _month_period(year, month)
    return None


def _parse_expression(text: str, published: date | None, future: bool) -> _Period | None:
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
    if not _words().absolute_hint.search(text):
        return None
    return _dateparser_fallback(text, published)


@lru_cache(maxsize=4096)
def _resolve_text(text: str, published: date | None, future: bool) -> _Period | None:
    return _parse_expression(_normalise(text), published, future)


def _dateparser_fallback(text: str, published: date | None) -> _Period | None:
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


# --------------------------------------------------------------------------------------
# Candidate date phrases in a sentence
# --------------------------------------------------------------------------------------


def _regex_spans(sent: Span) -> list[tuple[int, int]]:
    text = sent.text
    words = _words()
    months, month_context = words.months, words.vocabulary.month_context
    spans: list[tuple[int, int]] = []
    for m in words.extra.finditer(text):
        matched = m.group(0)
        is_bare_month = matched.rstrip(".") in months or matched.lower().rstrip(".") in months
        if is_bare_month and " " not in matched:
            before = text[: m.start()].split()
            if not before or before[-1].lower().strip("-") not in month_context:
                continue
        span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
        # "the Sunday Times", "Bloody Sunday": a name, not a date.
        if span is not None and all(t.ent_type_ in _DATE_LABELS or not t.ent_type_ for t in span):
            spans.append((span.start, span.end))
    for m in _YEAR_AFTER_IN_RE.finditer(text):
        span = sent.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None:
            spans.append((span.start, span.end))
    return spans


def _is_count(span: Span) -> bool:
    """True for a number that counts a plural noun: "2000 attacks", "in 1850 cases".

    The small model tags such numbers DATE when they look like years. A year premodifying a
    noun comes after a determiner ("the 2020 elections"), a count does not.
    """
    if len(span) != 1 or not span[0].like_num:
        return False
    number, noun = span[0], span[0].head
    if number.dep_ != "nummod" or noun.tag_ not in ("NNS", "NNPS"):
        return False
    return not any(c.dep_ in ("det", "poss") and c.i < number.i for c in noun.children)


def _merge(ranges: list[tuple[int, int]], doc: Doc) -> list[tuple[int, int]]:
    """Union touching or overlapping ranges; keeps "Thursday" (DATE) + "evening" (TIME) whole."""
    ranges.sort()
    merged: list[list[int]] = [list(ranges[0])]
    for start, end in ranges[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out = []
    for start, end in merged:
        while start < end and (doc[start].is_punct or doc[start].lower_ in ("on", "in")):
            start += 1
        while end > start and doc[end - 1].is_punct:
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def _doc_candidates(doc: Doc) -> tuple[list[int], dict[int, list[tuple[int, int]]]]:
    """Sentence starts and the date phrases of every sentence, computed once per Doc.

    A coder asks about many triggers per sentence, and `Span.ents` scans the whole Doc each
    time, so the result is memoised in `doc.user_data`.
    """
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1], cached[2]
    ents = [(e.start, e.end) for e in doc.ents if e.label_ in _DATE_LABELS]
    starts: list[int] = []
    by_sent: dict[int, list[tuple[int, int]]] = {}
    for sent in doc.sents:
        starts.append(sent.start)
        ranges = [r for r in ents if sent.start <= r[0] < sent.end]
        ranges.extend(_regex_spans(sent))
        ranges = [r for r in ranges if not _is_count(doc[r[0] : r[1]])]
        if ranges:
            by_sent[sent.start] = _merge(ranges, doc)
    doc.user_data[_CACHE_KEY] = (len(doc), starts, by_sent)
    return starts, by_sent


# --------------------------------------------------------------------------------------
# Attachment
# --------------------------------------------------------------------------------------


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass")


def _is_finite(tok: Token) -> bool:
    if "Fin" in tok.morph.get("VerbForm", []):
        return True
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and c.lower_ != "to"
        for c in tok.children
    )


def _span_root(span: Span) -> Token:
    for tok in span:
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head.i == tok.i:
            return tok
    return span.root


def _date_anchors(span: Span) -> set[int]:
    """Tokens a date phrase is attached to: its path up to the governing verb (none if the
    phrase only bounds the event).

    A participle modifying a noun ("a message published Thursday") also anchors the noun, so
    sibling modifiers of the same noun ("... asking Paris to ...") share the date.
    """
    path: set[int] = set()
    cur = _span_root(span)
    if cur.head.lower_ in _words().vocabulary.non_event_preps and cur.dep_ == "pobj":
        return path
    if cur.dep_ in _NOUN_PREMODIFIERS and cur.head.pos_ in ("NOUN", "PROPN"):
        # "Sunday's attack", "the 2020 election": the date dates the noun, not whatever
        # the clause says about it later.
        return {cur.head.i}
    while cur.head.i != cur.i:
        cur = cur.head
        if span.start <= cur.i < span.end:
            continue
        path.add(cur.i)
        if _is_verb(cur):
            if cur.dep_ == "acl" and not _is_finite(cur) and cur.head.pos_ in ("NOUN", "PROPN"):
                path.add(cur.head.i)
            return path
    return path


def _trigger_anchors(trigger: Token) -> set[int]:
    """Tokens whose dates also date the trigger.

    Non-finite verbs borrow the clause they hang from (xcomp/acl); event nouns borrow the verb
    they are an argument of, directly or through one preposition, but never a further clause.
    """
    anchors = {trigger.i}
    if _is_verb(trigger):
        cur = trigger
        for _ in range(3):
            if cur.dep_ not in _NONFINITE_LINKS or _is_finite(cur) or cur.head.i == cur.i:
                break
            cur = cur.head
            anchors.add(cur.i)
            if not _is_verb(cur):
                break
        return anchors
    head = trigger.head
    if head.i != trigger.i and head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    if head.i != trigger.i and _is_verb(head):
        anchors.add(head.i)
    return anchors


def _is_past(tok: Token) -> bool:
    """True for "planned to" / "was going to", which are not future from the article's view."""
    if tok.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in tok.children)


def _is_future(tokens: list[Token]) -> bool:
    vocabulary = _words().vocabulary
    for tok in tokens:
        if any(c.dep_ == "aux" and c.lower_ in vocabulary.future_aux for c in tok.children):
            return True
        head = tok.head
        if (
            tok.dep_ == "xcomp"
            and head.lemma_.lower() in vocabulary.future_heads
            and (head.lemma_ != "go" or head.tag_ == "VBG")
            and not _is_past(head)
        ):
            return True
    return False


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def _within_coarser(text: str, period: _Period, coarser: list[_Period]) -> _Period:
    """Re-anchor the most specific phrase inside a coarser one of the same clause.

    "Last week, police arrested two men on Monday" means Monday of last week, and "In 2019
    ... on March 3" means March 3, 2019: resolve the specific phrase as if published at the
    end of the coarser period.
    """
    for outer in coarser:
        if outer.granularity == period.granularity:
            continue
        if outer.start <= period.start and period.end <= outer.end:
            return period
        inner = _resolve_text(text, outer.end, False)
        if inner is not None and outer.start <= inner.start and inner.end <= outer.end:
            return inner
    return period


def _fallback(published: date | None) -> EventDate:
    if published is None:
        return EventDate(None, None, None, None, "unknown")
    iso = published.isoformat()
    return EventDate(iso, iso, "day", None, "publication")


def resolve_date(trigger: Token, published: date | None) -> EventDate:
    """Date the event expressed by `trigger`, falling back to the publication day.

    Only a date phrase attached to the trigger's own clause counts; a date elsewhere in the
    sentence belongs to another event, and guessing wrong is worse than saying "publication".
    """
    if isinstance(published, datetime):
        published = published.date()
    doc = trigger.doc
    starts, by_sent = _doc_candidates(doc)
    sent_start = starts[bisect_right(starts, trigger.i) - 1]
    trigger_anchors = _trigger_anchors(trigger)
    found: list[tuple[tuple[int, int], Span, _Period]] = []
    for start, end in by_sent.get(sent_start, ()):
        span = doc[start:end]
        if span.start <= trigger.i < span.end:
            continue
        path = _date_anchors(span)
        if not (path & trigger_anchors):
            continue
        verbs = [doc[i] for i in trigger_anchors | path if _is_verb(doc[i])]
        period = _resolve_text(span.text, published, _is_future(verbs))
        if period is None:
            continue
        specificity = _GRANULARITIES.index(period.granularity)
        distance = min(abs(trigger.i - span.start), abs(trigger.i - (span.end - 1)))
        found.append(((specificity, distance), span, period))
    if not found:
        return _fallback(published)
    found.sort(key=lambda item: item[0])
    _, span, period = found[0]
    period = _within_coarser(span.text, period, [p for _, _, p in found[1:]])
    return EventDate(
        period.start.isoformat(),
        period.end.isoformat(),
        period.granularity,
        span.text,
        "text",
    )
