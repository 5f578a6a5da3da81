"""`gestae watch`: new files are coded once, and only when complete; stdin works as a pipe."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from typer.testing import CliRunner

from gestae.cli.app import app
from gestae.run.watch import Watcher, watch


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_file_is_ready_once_it_stops_changing(tmp_path: Path) -> None:
    clock = Clock()
    watcher = Watcher(tmp_path, settle=1.0, clock=clock)
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a", "text": "Half a', encoding="utf-8")
    assert watcher.ready() == [] and watcher.pending()
    clock.now = 0.6
    with path.open("a", encoding="utf-8") as handle:
        handle.write(' line."}\n')  # still being written: the clock starts again
    assert watcher.ready() == []
    clock.now = 1.2
    assert watcher.ready() == []
    clock.now = 1.7
    assert watcher.ready() == [path]


def test_done_files_are_remembered_across_restarts_and_changes_are_seen(tmp_path: Path) -> None:
    clock = Clock()
    (tmp_path / "a.txt").write_text("One article.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not an input.", encoding="utf-8")
    (tmp_path / "b.jsonl.tmp").write_text("Being copied.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not an input.", encoding="utf-8")
    first = Watcher(tmp_path, settle=0, clock=clock)
    assert [p.name for p in first.ready()] == ["a.txt"]
    first.mark_done(tmp_path / "a.txt")
    restarted = Watcher(tmp_path, settle=0, clock=clock)
    assert restarted.ready() == []
    (tmp_path / "a.txt").write_text("One article, edited.", encoding="utf-8")
    assert [p.name for p in restarted.ready()] == ["a.txt"]


def test_watch_stops_after_max_files_or_when_everything_is_done(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("Text.", encoding="utf-8")
    handled: list[str] = []
    watcher = Watcher(tmp_path, settle=0)
    assert watch(watcher, lambda p: handled.append(p.name), max_files=2, interval=0.01) == 2
    assert watch(watcher, lambda p: handled.append(p.name), once=True, interval=0.01) == 1
    assert handled == ["a.txt", "b.txt", "c.txt"]


def _article(article_id: str, text: str) -> str:
    return json.dumps({"id": article_id, "text": text, "published": "2024-05-02"}) + "\n"


def test_cli_codes_files_dropped_while_it_runs_each_once(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    out = tmp_path / "events.jsonl"

    def drop_files() -> None:
        time.sleep(0.5)
        (inbox / "first.jsonl").write_text(
            _article("first", "Russian troops attacked the town of Izium on Monday."),
            encoding="utf-8",
        )
        time.sleep(0.3)
        slow = inbox / "second.jsonl"
        line = _article("second", "Police arrested dozens of protesters in Nairobi.")
        with slow.open("w", encoding="utf-8") as handle:  # written in two goes, the
            handle.write(line[:20])  # pause shorter than --settle: read only when whole
            handle.flush()
            time.sleep(0.3)
            handle.write(line[20:])

    dropper = threading.Thread(target=drop_files)
    dropper.start()
    args = ["watch", str(inbox), "--max-files", "2", "--settle", "1.5", "--interval", "0.1"]
    result = CliRunner().invoke(app, [*args, "-o", str(out)])
    dropper.join()
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted({r["article_id"] for r in records}) == ["first", "second"]
    assert {(r["article_id"], r["event_type"]) for r in records} == {
        ("first", "ASSAULT"),
        ("second", "COERCE"),
    }
    assert len(records) == len({r["id"] for r in records})
    assert "skipped" not in (result.stderr or result.output)  # no half-read line rejected


def test_cli_keeps_a_store_current_and_skips_what_it_holds(tmp_path: Path) -> None:
    from gestae.store.database import EventStore

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "events.duckdb"
    (inbox / "a.jsonl").write_text(
        _article("a", "France called on Germany to send aid to Kyiv."), encoding="utf-8"
    )
    args = ["watch", str(inbox), "--db", str(db), "--once", "--settle", "0"]
    assert CliRunner().invoke(app, args).exit_code == 0
    (inbox / "b.txt").write_text("Turkey condemned the air strikes on Syria.", encoding="utf-8")
    second = CliRunner().invoke(app, args)
    assert second.exit_code == 0, second.output
    assert "a.jsonl" not in (second.stderr or second.output)  # done in the first run
    with EventStore(db, read_only=True) as store:
        articles, events = store.counts()
    assert articles == 2 and events >= 2


def test_cli_codes_json_lines_from_stdin() -> None:
    lines = _article("p1", "Police arrested dozens of protesters in Nairobi.") + _article(
        "p2", "The weather was mild."
    )
    result = CliRunner().invoke(app, ["watch", "--jsonl-stdin"], input=lines)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {r["article_id"] for r in records} == {"p1"}


def test_cli_needs_a_directory_or_stdin() -> None:
    assert CliRunner().invoke(app, ["watch"]).exit_code == 2
