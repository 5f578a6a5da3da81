"""Property-based tests: whatever the input, the reader and the coder give records in the
contract (docs/contract.md) or a reported rejection, never an exception that ends the run.

Runs are bounded and derandomized, so the suite is fast and gives the same verdict every time.
`GESTAE_HYPOTHESIS_EXAMPLES=N` multiplies nothing but the example counts, for a longer fuzzing
run by hand.
"""

from __future__ import annotations

import io
import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from gestae.engine.pipeline import Coder
from gestae.input.read import Rejection, read_inputs
from gestae.input.rejects import CATEGORIES, Notice
from gestae.schema import EVENT_TYPES, LOCATION_PRECISIONS, Article

SCALE = int(os.environ.get("GESTAE_HYPOTHESIS_EXAMPLES", "1"))


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        derandomize=SCALE == 1,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --------------------------------------------------------------------------------------
# Strategies
# --------------------------------------------------------------------------------------

# Any code point, lone surrogates included (they reach the reader as JSON escapes).
ANY_CHAR = st.characters(codec=None, categories=None)
# Words that make the coder work: actors, triggers, dates, places, markup, odd bytes.
NEWS_WORDS = [
    "Russian", "police", "arrested", "dozens", "of", "protesters", "in", "Moscow", "on",
    "Saturday", ".", "Turkish", "troops", "attacked", "Kurdish", "rebels", "near", "the",
    "Syrian", "border", "last", "week", ",", "officials", "said", "The", "president", "met",
    "his", "French", "counterpart", "Paris", "March", "3", "2024", "and", "they", "signed", "a",
    "deal", "Iran", "threatened", "to", "impose", "sanctions", "Israel", "if", "it", "did",
    "not", "withdraw", "Two", "people", "were", "killed", "flood", "Lagos", "yesterday",
    "Prime", "Minister", "Boris", "Johnson", "called", "France", "cooperate", "He", "will",
    "meet", "envoy", "12/25/2020", "1999", "next", "Tuesday", "ago", "weeks", "<p>", "</p>",
    "<script>", "&amp;", "&#39;", "\u00a0", "\u2028", "\x00", "\n", "\t", "«", "»", "—",
    "Путин", "警方", "ميليشيا",
]  # fmt: skip
# Whole sentences that code to events, so that records are checked, not only rejections.
NEWS_SENTENCES = [
    "Russian police arrested dozens of protesters in Moscow on Saturday.",
    "Turkish troops attacked Kurdish rebels near the Syrian border last week.",
    "The French president met the German chancellor in Paris on March 3, 2024.",
    "Iran threatened to impose sanctions on Israel.",
    "Prime Minister Boris Johnson called on France to cooperate.",
    "Two people were killed in a flood in Lagos yesterday.",
    "Officials said Kenya and Uganda signed a trade deal in 1999.",
]
NEWS_TEXT = st.lists(
    st.one_of(
        st.sampled_from(NEWS_SENTENCES),
        st.sampled_from(NEWS_WORDS),
        st.text(ANY_CHAR, max_size=4),
    ),
    max_size=30,
).map(" ".join)
# Any JSON value, with some of the fields a record may carry.
JSON_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(ANY_CHAR, max_size=20),
)
JSON_VALUE = st.recursive(
    JSON_SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
FIELD_VALUE = st.one_of(
    JSON_VALUE,
    NEWS_TEXT,
    st.sampled_from(["2024-03-04", "2021-11-28 20:30:26Z", "2024-02-30", "en", "fr", "", " "]),
)
RECORD = st.one_of(
    st.dictionaries(
        st.sampled_from(["id", "text", "published", "title", "url", "source", "language", "x"]),
        FIELD_VALUE,
        max_size=6,
    ),
    st.fixed_dictionaries(
        {"text": NEWS_TEXT},
        optional={name: FIELD_VALUE for name in ("id", "published", "title", "language", "x")},
    ),
)
# A JSON Lines line: any text, or a record cut anywhere (truncated writes, broken pipes).
JSONL_LINE = st.one_of(
    st.text(ANY_CHAR.filter(lambda c: not 0xD800 <= ord(c) <= 0xDFFF)),
    RECORD.map(json.dumps),
    st.tuples(RECORD.map(json.dumps), st.integers(min_value=0)).map(
        lambda pair: pair[0][: pair[1] % (len(pair[0]) + 1)]
    ),
)


# --------------------------------------------------------------------------------------
# What a valid outcome is
# --------------------------------------------------------------------------------------


def check_items(items: list[Article | Rejection], notices: list[Notice]) -> list[Article]:
    articles = []
    for item in items:
        event(f"rejected: {item.category}" if isinstance(item, Rejection) else "article")
        if isinstance(item, Rejection):
            assert item.category in CATEGORIES
            assert item.reason and "\n" not in item.reason
            json.dumps(item.to_dict())
        else:
            assert isinstance(item, Article)
            check_article(item)
            articles.append(item)
    for notice in notices:
        assert notice.category in CATEGORIES
        assert notice.id in {a.id for a in articles}
    ids = [a.id for a in articles]
    assert len(ids) == len(set(ids))  # ids are unique within a run
    return articles


def check_article(article: Article) -> None:
    assert isinstance(article.id, str) and article.id.strip()
    assert isinstance(article.text, str) and article.text.strip()
    assert "\x00" not in article.text
    assert not re.search(r"[\ud800-\udfff]", article.text + article.id)
    assert article.language in ("en", None)
    assert article.published is None or isinstance(article.published, date)
    for name in ("title", "url", "source"):
        assert getattr(article, name) is None or isinstance(getattr(article, name), str)
    article.text.encode("utf-8")  # writable to any UTF-8 output and to the store


def check_records(article: Article, records: list[dict[str, Any]]) -> None:
    """Each record against docs/contract.md: fields, types, ranges, offsets, dates."""
    json.dumps(records, ensure_ascii=False).encode("utf-8")
    published = article.published.isoformat() if article.published else None
    for r in records:
        assert isinstance(r["id"], str) and r["id"]
        assert r["kind"] in ("event", "incident")
        assert r["article_id"] == article.id
        assert r["published"] == published
        assert isinstance(r["sentence_index"], int) and r["sentence_index"] >= -1
        assert isinstance(r["sentence"], str)
        # Sentence -1 is the headline: offsets into the title, or into the text when it is the
        # text's first line (docs/contract.md).
        text = article.text
        if r["sentence_index"] == -1 and not text.lstrip().startswith(r["sentence"]):
            assert article.title is not None and r["sentence"] == article.title.strip()
            text = article.title
        if r["kind"] == "event":
            assert r["event_type"] in EVENT_TYPES
            assert isinstance(r["cameo"], str) and r["cameo"].isdigit()
            assert r["quad_class"] in (1, 2, 3, 4)
            for score in ("intensity", "goldstein"):
                assert r[score] is None or -10 <= r[score] <= 10
        else:
            assert r["event_type"] is None and r["cameo"] is None
        assert r["mode"] is None or isinstance(r["mode"], str)
        assert isinstance(r["contexts"], list) and all(isinstance(c, str) for c in r["contexts"])
        for role in ("source", "target", "reported_by"):
            if r[role] is not None:
                check_actor(text, r[role])
        check_span(text, r["trigger"])
        check_date(article, r["date"])
        if r["location"] is not None:
            place = r["location"]
            assert isinstance(place["name"], str)
            assert place["precision"] in LOCATION_PRECISIONS
            check_span(text, place)
        assert isinstance(r["negated"], bool)
        assert r["modality"] in ("asserted", "future", "hypothetical", "reported")
        for count in ("fatalities", "injured"):
            assert r[count] is None or (isinstance(r[count], int) and r[count] >= 0)
        assert 0 <= r["confidence"] <= 1
        assert isinstance(r["explanation"], str) and r["explanation"]
        assert r["group"] is None or isinstance(r["group"], str)


def check_actor(text: str, actor: dict[str, Any]) -> None:
    check_span(text, actor)
    assert actor["kind"] in ("state", "person", "organization", "group")
    for key in ("country", "sector", "name", "wikidata"):
        assert actor[key] is None or isinstance(actor[key], str)


def check_span(text: str, span: dict[str, Any]) -> None:
    start, end = span["start"], span["end"]
    assert isinstance(start, int) and isinstance(end, int)
    assert 0 <= start < end <= len(text)
    assert text[start:end] == span["text"]  # offsets point into the (cleaned) article text


def check_date(article: Article, when: dict[str, Any]) -> None:
    assert when["basis"] in ("text", "publication", "earlier", "unknown")
    assert when["granularity"] in ("day", "week", "month", "year", None)
    if when["basis"] in ("unknown", "earlier"):
        assert when["value"] is None
    if when["basis"] == "publication":
        assert article.published is not None
        assert when["value"] == article.published.isoformat()
    if when["value"] is not None:
        value = date.fromisoformat(when["value"])
        assert when["end"] is None or date.fromisoformat(when["end"]) >= value
        if article.published is None:
            # Never a made-up date: with no publication date, only a year the text states.
            assert when["basis"] == "text"
            assert str(value.year) in f"{article.title or ''} {article.text}"  # or the headline


def _stdin(data: bytes) -> io.TextIOWrapper:
    """Stdin as the CLI sees it: text over a byte buffer."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


def _read(
    inputs: list[str], stdin: io.TextIOWrapper | None = None
) -> tuple[list[Article | Rejection], list[Notice]]:
    notices: list[Notice] = []
    items = list(read_inputs(inputs, stdin=stdin, on_notice=notices.append))
    return items, notices


# --------------------------------------------------------------------------------------
# The reader
# --------------------------------------------------------------------------------------


@_settings(150)
@given(st.lists(JSONL_LINE, max_size=5))
def test_any_jsonl_lines(tmp_path_factory: pytest.TempPathFactory, lines: list[str]) -> None:
    wire = tmp_path_factory.mktemp("lines", numbered=True) / "wire.jsonl"
    data = "\n".join(lines).encode("utf-8")
    wire.write_bytes(data)
    items, notices = _read([str(wire)])
    check_items(items, notices)
    content = [n for n, t in enumerate(data.decode().split("\n"), 1) if t.strip()]
    if content:
        assert len(items) == len(content)  # one outcome per non-blank line, none lost
        rejected = [r.line for r in items if isinstance(r, Rejection)]
        assert set(rejected) <= set(content)
    else:
        assert [r.category for r in items if isinstance(r, Rejection)] == ["empty"]


@_settings(60)
@given(st.lists(st.text(ANY_CHAR.filter(lambda c: not 0xD800 <= ord(c) <= 0xDFFF)), max_size=4))
def test_any_stdin(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8")
    items, notices = _read(["-"], _stdin(data))
    check_items(items, notices)
    texts = [line.removeprefix("\ufeff") if n == 0 else line for n, line in enumerate(lines)]
    content = [t for t in "\n".join(texts).split("\n") if t.strip()]
    if content and content[0].lstrip().startswith("{"):
        assert len(items) == len(content)  # JSON Lines: one outcome per non-blank line
    else:
        assert len(items) == 1  # anything else on stdin is one plain-text article


@_settings(150)
@given(st.lists(RECORD, min_size=1, max_size=4), st.booleans())
def test_any_json_records(records: list[dict[str, Any]], ascii_only: bool) -> None:
    data = "\n".join(json.dumps(r, ensure_ascii=ascii_only) for r in records)
    try:
        raw = data.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate written raw: bytes as a scraper would send
        raw = data.encode("utf-8", "surrogatepass")
    items, notices = _read(["-"], _stdin(raw))
    assert len(items) == len(records)
    check_items(items, notices)
    for record, item in zip(records, items, strict=True):
        if isinstance(item, Article):
            assert isinstance(record.get("text"), str)
            assert item.id == str(record.get("id", item.id))


@_settings(80)
@given(st.binary(max_size=300) | NEWS_TEXT.map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_any_txt_file(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("txt", numbered=True)
    story = folder / "story.txt"
    story.write_bytes(data)
    items, notices = _read([str(story)])
    assert len(items) == 1  # one file, one outcome
    check_items(items, notices)


@_settings(80)
@given(st.binary(max_size=400))
def test_any_jsonl_file_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    wire = Path(tmp_path_factory.mktemp("jsonl", numbered=True)) / "wire.jsonl"
    wire.write_bytes(data)
    items, notices = _read([str(wire)])
    check_items(items, notices)
    assert items  # at least the rejection of an empty file
    lines = [n for n, r in enumerate(items, 1) if isinstance(r, Rejection) and r.line]
    assert lines == sorted(lines)


# --------------------------------------------------------------------------------------
# Reader and coder together
# --------------------------------------------------------------------------------------


@_settings(120)
@given(NEWS_TEXT, st.sampled_from([None, "2024-03-04", "soon"]))
def test_any_article_text_is_coded_in_the_contract(
    coder: Coder, text: str, published: str | None
) -> None:
    line = json.dumps({"id": "p", "text": text, "published": published})
    items, notices = _read(["-"], _stdin(line.encode("utf-8")))
    (item,) = items
    check_items(items, notices)
    if isinstance(item, Article):
        records = [r.to_dict() for r in coder.code(item)]
        event("records" if records else "no records")
        check_records(item, records)


@_settings(60)
@given(st.text(st.characters(codec="utf-8"), max_size=200))
def test_coder_on_raw_text(coder: Coder, text: str) -> None:
    # The coder itself (as `explain` and the API call it), without the reader's clean-up.
    article = Article(id="raw", text=text, published=date(2024, 3, 4))
    check_records(article, [r.to_dict() for r in coder.code(article)])
