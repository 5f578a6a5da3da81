"""Date phrases of a sentence: the spans that may date an event, found once per Doc.

The small model's DATE and TIME entities, plus phrases it often leaves untagged (bare months
after "in", "on the 12th", "since 2019"), less numbers that count things ("2000 attacks").
engine/dates.py decides which phrase dates which event.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from gestae.engine.date_periods import words
from gestae.engine.lead_words import dateline_end
from gestae.engine.rules import rule

__all__ = ["dateline_date_dropped", "doc_candidates", "filing_day"]

_YEAR_AFTER_IN_RE = re.compile(r"\b(?:in|since|during)\s+((?:1[89]|20)\d{2})\b(?!s)")

# "on the 12th": a day of the month the story is in (not "the 4th floor", not "the 19th
# century": the number must be the preposition's object).
_ORDINAL_DAY_RE = re.compile(r"\b[Oo]n\s+the\s+(\d{1,2}(?:st|nd|rd|th))\b")
_CACHE_KEY = "gestae.engine.dates.candidates"
_DATELINE_KEY = "gestae.engine.dates.dateline-dropped"
_DATE_LABELS = frozenset({"DATE", "TIME"})


def _regex_spans(sent: Span) -> list[tuple[int, int]]:
    text = sent.text
    vocab = words()
    months, month_context = vocab.months, vocab.vocabulary.month_context
    spans: list[tuple[int, int]] = []
    for m in vocab.extra.finditer(text):
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
    for m in _ORDINAL_DAY_RE.finditer(text):
        span = sent.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and len(span) == 1 and span[0].dep_ == "pobj":
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


@rule("date.dateline-not-event")
def filing_day(span: Span, filed: int) -> bool:
    """'KABUL, May 3 (AP) -- Police arrested ten men on Sunday': the dateline's date is the day
    the story was filed (the publication day), never the day of an act the lead tells, so it
    is no date phrase of the lead's; the act takes its own ("on Sunday") or the publication
    day.

    Example: LIMA, May 14 (Reuters) - Police arrested the mayor of Cusco at his home on Sunday.
    """
    return filed > 0 and span[0].idx < filed


def dateline_date_dropped(doc: Doc, sent_start: int) -> bool:
    """Whether the dateline's date was left out of this sentence's date phrases."""
    doc_candidates(doc)
    return doc.user_data.get(_DATELINE_KEY) == sent_start


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


def doc_candidates(doc: Doc) -> tuple[list[int], dict[int, list[tuple[int, int]]]]:
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
    filed = dateline_end(doc)
    for sent in doc.sents:
        starts.append(sent.start)
        ranges = [r for r in ents if sent.start <= r[0] < sent.end]
        ranges.extend(_regex_spans(sent))
        ranges = [r for r in ranges if not _is_count(doc[r[0] : r[1]])]
        kept = [r for r in ranges if not filing_day(doc[r[0] : r[1]], filed)]
        if len(kept) < len(ranges):
            doc.user_data[_DATELINE_KEY] = sent.start
        ranges = kept
        if ranges:
            by_sent[sent.start] = _merge(ranges, doc)
    doc.user_data[_CACHE_KEY] = (len(doc), starts, by_sent)
    return starts, by_sent
