"""`gestae watch`: code article files as they appear, to keep a store current.

The directory is polled (portable, and cheap next to coding). A file is taken once its size and
modification time have stayed the same for `settle` seconds, so a file still being copied in is
left alone until it is complete; writers that write under a temporary name and rename (the
safe way) are picked up at once. Names starting with "." or "~" and `.tmp`/`.part` files are
never read. Which files were done, and at what size and time, is kept in a small JSON state
file, so a restarted watcher neither misses nor repeats a file; a file changed after it was
coded is coded again (with `--db`, articles whose text did not change are skipped).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from gestae.errors import GestaeError
from gestae.input.read import Rejection
from gestae.query.formats import as_dicts, write_jsonl
from gestae.schema import Article, EventRecord

if TYPE_CHECKING:
    from gestae.engine.pipeline import CodedArticle
    from gestae.run.ingest import Ingester

INPUT_SUFFIXES = (".jsonl", ".txt")
IGNORED_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload")
STATE_NAME = ".gestae-watch.json"

Signature = tuple[int, int]  # size, modification time (ns)


@dataclass
class Watcher:
    """Finds the files of a directory that are complete and not yet coded."""

    directory: Path
    state_path: Path | None = None
    settle: float = 1.0
    clock: Callable[[], float] = time.monotonic
    done: dict[str, Signature] = field(default_factory=dict)
    _seen: dict[str, tuple[Signature, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.directory.is_dir():
            raise GestaeError(f"cannot watch {self.directory}: not a directory")
        if self.state_path is None:
            self.state_path = self.directory / STATE_NAME
        self.done = _load_state(self.state_path)

    def candidates(self) -> Iterator[Path]:
        for path in sorted(self.directory.rglob("*")):
            name = path.name
            if (
                path.suffix in INPUT_SUFFIXES
                and not name.startswith((".", "~"))
                and not name.endswith(IGNORED_SUFFIXES)
                and path.is_file()
            ):
                yield path

    def ready(self) -> list[Path]:
        """Files whose size and time have not moved for `settle` seconds and that differ from
        what was coded before, in name order."""
        now = self.clock()
        found: list[Path] = []
        present = set()
        for path in self.candidates():
            key = str(path.relative_to(self.directory))
            present.add(key)
            try:
                stat = path.stat()
            except OSError:
                continue  # removed between listing and stat
            signature = (stat.st_size, stat.st_mtime_ns)
            if self.done.get(key) == signature:
                continue
            last = self._seen.get(key)
            if last is None or last[0] != signature:
                self._seen[key] = (signature, now)
                if self.settle > 0:
                    continue
            elif now - last[1] < self.settle:
                continue
            found.append(path)
        for key in set(self._seen) - present:
            del self._seen[key]
        return found

    def pending(self) -> bool:
        """True while some file is still settling (seen, changed, not yet ready)."""
        return bool(self._seen)

    def mark_done(self, path: Path) -> None:
        key = str(path.relative_to(self.directory))
        signature, _ = self._seen.pop(key, ((0, 0), 0.0))
        try:
            stat = path.stat()
            signature = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            pass
        self.done[key] = signature
        assert self.state_path is not None
        _save_state(self.state_path, self.done)


def watch(
    watcher: Watcher,
    handle: Callable[[Path], None],
    once: bool = False,
    max_files: int | None = None,
    interval: float = 2.0,
    stop: Callable[[], bool] = lambda: False,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Code ready files with `handle` until stopped; returns the number of files coded.

    `once`: stop when every file present has been coded (waiting for files still being
    written). `max_files`: stop after that many files."""
    coded = 0
    while not stop():
        ready = watcher.ready()
        for path in ready:
            handle(path)
            watcher.mark_done(path)
            coded += 1
            if max_files is not None and coded >= max_files:
                return coded
        if once and not ready and not watcher.pending():
            return coded
        if not ready:
            sleep(min(interval, watcher.settle) if watcher.pending() else interval)
    return coded


@dataclass
class RecordSink:
    """Where coded articles go: JSON Lines to `out`, and the store when an `Ingester` is given
    (it skips articles stored with the same text and coder, and clusters what it writes)."""

    code_many: Callable[[Iterable[Article]], Iterable[CodedArticle]]
    out: TextIO | None = None
    ingester: Ingester | None = None
    on_rejection: Callable[[Rejection], None] | None = None
    articles: int = 0
    events: int = 0

    def consume(self, items: Iterable[Article | Rejection]) -> None:
        if self.ingester is not None:
            for outcome in self.ingester.run(items):
                if outcome.records is not None:
                    self._emit(outcome.records)
            return
        for coded in self.code_many(self._articles(items)):
            self._emit(coded.records)

    def _articles(self, items: Iterable[Article | Rejection]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, Rejection):
                if self.on_rejection is not None:
                    self.on_rejection(item)
            else:
                yield item

    def _emit(self, records: list[EventRecord]) -> None:
        self.articles += 1
        self.events += len(records)
        if self.out is not None:
            write_jsonl(as_dicts(records), self.out)
            self.out.flush()


def _load_state(path: Path) -> dict[str, Signature]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise GestaeError(
            f"watch state {path} is unreadable ({exc}); remove it to start over"
        ) from exc
    files = raw.get("files", {}) if isinstance(raw, dict) else {}
    return {str(k): (int(v[0]), int(v[1])) for k, v in files.items()}


def _save_state(path: Path, done: dict[str, Signature]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"files": done}, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
