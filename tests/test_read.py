"""Read stage: every bad line or file becomes a Rejection with its place and reason."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gestae.input.read import Rejection, parse_published, read_inputs
from gestae.input.rejects import Notice
from gestae.schema import Article

ARRESTS = "Police in Lagos detained six journalists on Monday."
TALKS = "The Kenyan president met the Ugandan foreign minister in Nairobi."


def _write_jsonl(path: Path, lines: list[Any]) -> Path:
    """Write raw strings as they are and everything else as JSON."""
    path.write_text(
        "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines),
        encoding="utf-8",
    )
    return path


def _split(items: list[Article | Rejection]) -> tuple[list[Article], list[Rejection]]:
    articles = [i for i in items if isinstance(i, Article)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    return articles, rejections


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "wire.jsonl",
        [
            {"id": "a1", "text": ARRESTS, "published": "2021-11-28", "title": "Arrests"},
            '{"id": "a2", "text": "unterminated',
            {"id": "a3", "title": "no text at all"},
            {"id": "a4", "text": "   \n "},
            {"id": "a5", "text": 42},
            ["a", "list", "not", "an", "object"],
            {"id": 7, "text": TALKS},
            {"text": ARRESTS},
            "",
            {"id": "a10", "text": TALKS, "published": "2025-03-14 20:30:26Z"},
            {"id": "a11", "text": TALKS, "published": "next Tuesday"},
            {"id": "a12", "text": TALKS, "published": 20211128},
            {"id": True, "text": TALKS},
        ],
    )
    articles, rejections = _split(list(read_inputs([str(path)])))

    # Unusable dates do not cost the article: it is coded without one (see test_bad_input).
    assert [a.id for a in articles] == ["a1", "7", "wire:8", "a10", "a11", "a12"]
    first = articles[0]
    assert first.text == ARRESTS
    assert first.published == date(2021, 11, 28)
    assert first.title == "Arrests"
    assert first.url is None
    assert first.language == "en"
    assert articles[1].published is None
    assert articles[3].published == date(2025, 3, 14)
    assert articles[4].published is None
    assert articles[5].published is None

    assert all(r.source == str(path) for r in rejections)
    reasons = {r.line: (r.category, r.reason, r.id) for r in rejections}
    assert list(reasons) == [2, 3, 4, 5, 6, 13]  # the blank line 9 is not an error
    assert reasons[2][0] == "malformed"
    assert reasons[2][1].startswith("invalid JSON")
    assert "column" in reasons[2][1]
    assert reasons[3] == ("missing-text", "missing 'text'", "a3")
    assert reasons[4] == ("empty", "'text' is empty", "a4")
    assert reasons[5] == ("bad-field", "'text' must be a string, not int", "a5")
    assert reasons[6] == ("malformed", "expected a JSON object, got list", None)
    assert reasons[13][0] == "bad-field"
    assert "'id'" in reasons[13][1]
    assert reasons[13][2] is None


def test_rejection_str_names_file_and_line() -> None:
    assert str(Rejection("wire.jsonl", 3, "missing 'text'")) == (
        "wire.jsonl:3: skipped: missing 'text'"
    )
    assert str(Rejection("notes.md", None, "unsupported")) == "notes.md: skipped: unsupported"
    assert str(Notice("wire.jsonl", 4, "bad date", "date")) == "wire.jsonl:4: warning: bad date"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-11-28", date(2021, 11, 28)),
        ("2025-03-14 20:30:26Z", date(2025, 3, 14)),
        ("2025-03-14T20:30:26+02:00", date(2025, 3, 14)),
        ("  2020-02-29 ", date(2020, 2, 29)),
        (None, None),
        ("", None),
    ],
)
def test_parse_published_accepts(value: str | None, expected: date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["28/11/2021", "2021-02-30", "yesterday", 2021, ["2021-11-28"]])
def test_parse_published_rejects(value: Any) -> None:
    with pytest.raises(ValueError, match="published"):
        parse_published(value)


def test_invalid_utf8_rejects_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"id": "u1", "text": "Protesters marched in Z\xc3\xbcrich."}\n'
        b'{"id": "u2", "text": "caf\xe9 owners went on strike."}\n'
        b'{"id": "u3", "text": "' + TALKS.encode() + b'"}\n'
    )
    articles, rejections = _split(list(read_inputs([str(path)])))
    assert [a.id for a in articles] == ["u1", "u3"]
    assert articles[0].text == "Protesters marched in Zürich."
    assert len(rejections) == 1
    assert rejections[0].line == 2
    assert rejections[0].reason.startswith("invalid UTF-8 at byte ")
    assert rejections[0].category == "encoding"


def test_published_option_is_the_default_not_an_override(tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "dates.jsonl",
        [
            {"id": "own", "text": TALKS, "published": "2020-01-02"},
            {"id": "none", "text": TALKS},
            {"id": "null", "text": TALKS, "published": None},
        ],
    )
    fallback = date(2024, 5, 1)
    articles, rejections = _split(list(read_inputs([str(path)], published=fallback)))
    assert rejections == []
    assert {a.id: a.published for a in articles} == {
        "own": date(2020, 1, 2),
        "none": fallback,
        "null": fallback,
    }


def test_text_file_with_sidecar(tmp_path: Path) -> None:
    story = tmp_path / "lagos-arrests.txt"
    story.write_text(ARRESTS + "\n", encoding="utf-8")
    (tmp_path / "lagos-arrests.json").write_text(
        json.dumps({"published": "2023-06-01", "title": "Six held", "text": "ignored"}),
        encoding="utf-8",
    )
    bare = tmp_path / "bare.txt"
    bare.write_text(TALKS, encoding="utf-8")

    (with_meta,) = read_inputs([str(story)])
    assert isinstance(with_meta, Article)
    assert with_meta.id == "lagos-arrests"
    assert with_meta.text == ARRESTS + "\n"  # the sidecar never replaces the text
    assert with_meta.published == date(2023, 6, 1)
    assert with_meta.title == "Six held"

    (no_meta,) = read_inputs([str(bare)])
    assert isinstance(no_meta, Article)
    assert no_meta.published is None

    # --published fills in a missing date; a date the sidecar gives wins.
    fallback = date(2024, 5, 1)
    dated = list(read_inputs([str(bare), str(story)], published=fallback))
    assert [a.published for a in dated if isinstance(a, Article)] == [fallback, date(2023, 6, 1)]


def test_text_file_bad_sidecar_or_encoding(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(TALKS, encoding="utf-8")
    (tmp_path / "story.json").write_text("{not json", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Caf\xe9 owners protested in Lyon.")
    dated_badly = tmp_path / "dated.txt"
    dated_badly.write_text(TALKS, encoding="utf-8")
    (tmp_path / "dated.json").write_text('{"published": "soon"}', encoding="utf-8")

    notices: list[Notice] = []
    bad_sidecar, bad_bytes, bad_date = read_inputs(
        [str(story), str(latin), str(dated_badly)], on_notice=notices.append
    )
    # Broken metadata costs the metadata, not the article; each loss is a notice.
    assert isinstance(bad_sidecar, Article)
    assert (bad_sidecar.id, bad_sidecar.published) == ("story", None)
    assert isinstance(bad_bytes, Rejection)
    assert (bad_bytes.source, bad_bytes.line, bad_bytes.category) == (str(latin), None, "encoding")
    assert "not UTF-8" in bad_bytes.reason
    assert isinstance(bad_date, Article)
    assert bad_date.published is None
    assert [(n.source, n.category, n.id) for n in notices] == [
        (str(story), "file", "story"),
        (str(story), "no-date", "story"),
        (str(dated_badly), "date", "dated"),
    ]
    assert notices[0].reason.startswith("unreadable sidecar story.json")
    assert "published 'soon'" in notices[2].reason


def test_directory_reads_supported_files_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    _write_jsonl(
        folder / "b.jsonl",
        [{"id": "b1", "text": ARRESTS}, {"text": TALKS}, {"id": "b3"}],
    )
    (folder / "a.txt").write_text(TALKS, encoding="utf-8")
    (folder / "a.json").write_text('{"published": "2022-02-02"}', encoding="utf-8")
    (folder / "sub" / "c.txt").write_text(ARRESTS, encoding="utf-8")
    (folder / "notes.md").write_text("# not an article", encoding="utf-8")

    items = list(read_inputs([str(folder)]))
    articles, rejections = _split(items)
    # Sorted by path; the .json sidecar and the .md file are not articles in a directory.
    assert [a.id for a in articles] == ["a", "b1", "b:2", "c"]
    assert articles[0].published == date(2022, 2, 2)
    assert rejections == [
        Rejection(str(folder / "b.jsonl"), 3, "missing 'text'", "missing-text", "b3")
    ]

    # Named explicitly, an unsupported file is reported rather than silently ignored.
    (unsupported,) = read_inputs([str(folder / "notes.md")])
    assert isinstance(unsupported, Rejection)
    assert "unsupported file type" in unsupported.reason
    assert unsupported.category == "file"

    empty = tmp_path / "empty"
    empty.mkdir()
    (nothing,) = read_inputs([str(empty)])
    assert isinstance(nothing, Rejection)
    assert "no .jsonl or .txt" in nothing.reason
    assert nothing.category == "file"


def test_missing_path_is_a_rejection(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.jsonl")
    items = list(
        read_inputs([missing, str(_write_jsonl(tmp_path / "ok.jsonl", [{"text": TALKS}]))])
    )
    assert items[0] == Rejection(missing, None, "no such file or directory", "file")
    assert isinstance(items[1], Article)
    assert items[1].id == "ok:1"


def test_stdin_jsonl() -> None:
    stream = io.StringIO(
        json.dumps({"id": "s1", "text": ARRESTS}) + "\n" + "{oops}\n" + json.dumps({"text": TALKS})
    )
    items = list(read_inputs(["-"], published=date(2024, 5, 1), stdin=stream))
    articles, rejections = _split(items)
    assert [a.id for a in articles] == ["s1", "<stdin>:3"]
    assert all(a.published == date(2024, 5, 1) for a in articles)
    assert len(rejections) == 1
    assert (rejections[0].source, rejections[0].line) == ("<stdin>", 2)
    assert rejections[0].reason.startswith("invalid JSON")


def test_stdin_jsonl_keeps_unicode_line_separators_inside_strings() -> None:
    # JSON allows U+2028 and U+0085 unescaped in strings; they do not end a JSON Lines record.
    text = "Police detained six journalists.\u2028The union protested.\x85Talks followed."
    stream = io.StringIO(json.dumps({"id": "sep", "text": text}, ensure_ascii=False) + "\n")
    (item,) = read_inputs(["-"], stdin=stream)
    assert isinstance(item, Article)
    assert item.text == text


def test_stdin_plain_text_and_empty() -> None:
    (article,) = read_inputs(["-"], published=date(2024, 5, 1), stdin=io.StringIO(ARRESTS))
    assert article == Article(id="stdin", text=ARRESTS, published=date(2024, 5, 1), language="en")

    (blank,) = read_inputs(["-"], stdin=io.StringIO("  \n"))
    assert blank == Rejection("<stdin>", None, "'text' is empty", "empty", "stdin")
    (nothing,) = read_inputs(["-"], stdin=io.StringIO(""))
    assert nothing == Rejection("<stdin>", None, "no articles (the input is empty)", "empty")
