"""Articles without a publication date: the dateline gives one, or the run says once that
events are undated and how to give a date. Every story here is invented for the test."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from gestae.cli.app import app
from gestae.input.dateline import read_dateline
from gestae.input.read import Notice, read_inputs
from gestae.input.rejects import InputReport
from gestae.schema import Article

TODAY = date(2026, 5, 10)
STORY = "Rebels attacked an army base near the border on Monday, officials said."


@pytest.mark.parametrize(
    ("opening", "expected", "year_assumed"),
    [
        ("WASHINGTON, March 14, 2025 -- The Senate voted.", date(2025, 3, 14), False),
        ("KABUL, May 3 (AP) -- Taliban forces attacked.", date(2026, 5, 3), True),
        ("NEW YORK, Jan. 5, 2024 (Reuters) - Talks ended.", date(2024, 1, 5), False),
        ("PARIS, 3 March 2025 \u2014 Ministers met.", date(2025, 3, 3), False),
        ("KYIV, Ukraine, Sept. 12 (AP) \u2014 Drones struck.", date(2025, 9, 12), True),
        ("  ADDIS ABABA, Ethiopia, June 2, 2023 \u2013 Envoys met.", date(2023, 6, 2), False),
        ("March 14, 2025 -- The Senate voted.", date(2025, 3, 14), False),
        (
            "UVIRA, Democratic Republic of Congo, Nov. 3 (AP) - Rebels struck.",
            date(2025, 11, 3),
            True,
        ),
        ("BRCKO, Bosnia and Herzegovina, April 2 (AP) -- Police met.", date(2026, 4, 2), True),
    ],
)
def test_dateline_gives_the_date(opening: str, expected: date, year_assumed: bool) -> None:
    found = read_dateline(opening, TODAY)
    assert found is not None
    assert (found.date, found.year_assumed) == (expected, year_assumed)


@pytest.mark.parametrize(
    "opening",
    [
        "LONDON (Reuters) - The prime minister resigned.",
        "KABUL, Afghanistan (AP) \u2014 Taliban forces attacked a checkpoint.",
        "Police arrested two men on May 3 - officials said nothing more.",
        "The talks, held in Geneva on March 14, 2025 -- ended without agreement.",
        "KABUL, Feb. 30, 2025 -- No such day.",
        STORY,
    ],
)
def test_no_dateline_gives_no_date(opening: str) -> None:
    assert read_dateline(opening, TODAY) is None


def _read(paths: list[Path], published: date | None = None) -> tuple[list[Article], list[Notice]]:
    notices: list[Notice] = []
    items = read_inputs([str(p) for p in paths], published, on_notice=notices.append, today=TODAY)
    articles = [item for item in items if isinstance(item, Article)]
    return articles, notices


def test_reader_takes_the_dateline_date_with_a_note(tmp_path: Path) -> None:
    story = tmp_path / "kabul.txt"
    story.write_text(f"KABUL, May 3 (AP) -- {STORY}\n", encoding="utf-8")
    articles, notices = _read([story])
    assert [a.published for a in articles] == [date(2026, 5, 3)]
    assert [(n.category, n.id) for n in notices] == [("dateline", "kabul")]
    assert "KABUL, May 3 (AP)" in notices[0].reason and "no year" in notices[0].reason


def test_reader_notes_an_article_without_any_date(tmp_path: Path) -> None:
    story = tmp_path / "plain.txt"
    story.write_text(STORY, encoding="utf-8")
    articles, notices = _read([story])
    assert [a.published for a in articles] == [None]
    assert [n.category for n in notices] == ["no-date"]


def test_given_dates_win_over_the_dateline(tmp_path: Path) -> None:
    lines = tmp_path / "wire.jsonl"
    record = {"id": "w1", "published": "2025-03-15", "text": f"WASHINGTON, March 14 -- {STORY}"}
    lines.write_text(json.dumps(record) + "\n", encoding="utf-8")
    story = tmp_path / "kabul.txt"
    story.write_text(f"KABUL, May 3 (AP) -- {STORY}", encoding="utf-8")
    articles, notices = _read([lines, story], published=date(2025, 1, 2))
    assert [a.published for a in articles] == [date(2025, 3, 15), date(2025, 1, 2)]
    assert notices == []


def test_summary_gives_the_undated_count_in_one_line() -> None:
    report = InputReport(Console(file=io.StringIO()))
    for n in range(3):
        report.add(Notice("in.jsonl", n + 1, "no publication date and no dateline", "no-date"))
    assert report.console.file.getvalue() == ""  # type: ignore[attr-defined]
    advice, counts = report.summary(3).split("\n")
    assert counts == "3 article(s) coded"
    assert advice.startswith("3 article(s) had no publication date")
    assert "--published YYYY-MM-DD" in advice


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # Click 8.2 always keeps stderr apart
        return CliRunner()


def test_code_says_once_how_many_articles_had_no_date(tmp_path: Path) -> None:
    stories = tmp_path / "stories"
    stories.mkdir()
    for name in ("one", "two"):
        (stories / f"{name}.txt").write_text(STORY, encoding="utf-8")
    rejects = tmp_path / "rejects.jsonl"
    result = _runner().invoke(app, ["code", str(stories), "--jobs", "1", "--rejects", str(rejects)])
    assert result.exit_code == 0, result.stderr
    # Rich may wrap the line on a narrow stderr; the words are what count here.
    stderr = " ".join(result.stderr.split())
    assert stderr.count("no publication date") == 1, result.stderr
    assert "2 article(s) had no publication date" in stderr
    assert "give one with --published YYYY-MM-DD" in stderr
    assert stderr.endswith("2 article(s) coded")  # the counts stay the last line
    # Nothing was set aside: the rejects file lists no undated article.
    assert rejects.read_text(encoding="utf-8") == ""
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all(e["date"]["basis"] == "unknown" for e in events)


def test_code_dates_events_from_the_dateline(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    opening = "WASHINGTON, March 14, 2025 -- Officials gave few details."
    story.write_text(f"{opening} {STORY}", encoding="utf-8")
    result = _runner().invoke(app, ["code", str(story), "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    assert "taken from the dateline 'WASHINGTON, March 14, 2025'" in result.stderr
    assert "no publication date" not in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events
    assert {e["published"] for e in events} == {"2025-03-14"}
    # "on Monday" is read against the dateline's day, a Friday.
    assert {e["date"]["value"] for e in events} == {"2025-03-10"}


def test_an_unusable_date_is_not_replaced_by_the_dateline(tmp_path: Path) -> None:
    lines = tmp_path / "wire.jsonl"
    record = {"id": "w1", "published": "soon", "text": f"KABUL, May 3 (AP) -- {STORY}"}
    lines.write_text(json.dumps(record) + "\n", encoding="utf-8")
    articles, notices = _read([lines])
    assert [a.published for a in articles] == [None]
    assert [n.category for n in notices] == ["date"]
    report = InputReport(Console(file=io.StringIO()))
    report.add(notices[0])
    assert report.summary(1).startswith("1 article(s) had no publication date")
