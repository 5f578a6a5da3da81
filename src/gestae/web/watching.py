"""`gestae serve --watch DIR`: the explorer ingests the article files that appear in DIR.

A DuckDB file has one writing process, so a server holding the store and a separate
`gestae watch` cannot both run; here the server does the watching itself, in a background
thread. Files are found as `gestae watch` finds them (`gestae.run.watch.Watcher`: complete,
not hidden, remembered in the same state file) and stored as `gestae ingest` stores them
(`gestae.run.ingest.Ingester`: unchanged articles skipped, changed ones replaced, clustered),
on a cursor of the server's own connection: readers see each article once it is committed and
are never held up by the writer. Whatever one file does (broken lines, an error in the coder
or the store) is reported and counted, and the file skipped: it never stops the server.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from gestae.input.read import read_inputs
from gestae.input.rejects import Notice, Rejection
from gestae.run.ingest import Ingester, IngestStats
from gestae.run.watch import Watcher, watch
from gestae.web.state import Explorer

log = logging.getLogger("gestae.web")


@dataclass(frozen=True)
class WatchSettings:
    """What `serve --watch` was given; the same meanings as in `gestae watch`."""

    directory: Path
    state: Path | None = None  # default: DIR/.gestae-watch.json, shared with `gestae watch`
    settle: float = 1.0  # seconds a file must stay unchanged before it is read
    interval: float = 2.0  # seconds between looks at the directory
    published: date | None = None  # for .txt files without a date of their own
    # Requests answered at once while watching; the others wait their turn. Requests and the
    # ingest share the cores (and Python's interpreter lock): with 20 busy clients and no
    # bound, the ingest got a twentieth of the time and slowed sevenfold.
    read_slots: int = 2


@dataclass
class WatchStatus:
    """The watcher's counts since the server started, as /api/status and the overview show
    them."""

    directory: str
    running: bool = False
    files: int = 0  # files read to the end (rejected lines and all)
    articles: int = 0  # articles stored by these files: coded, re-coded or found unchanged
    coded: int = 0
    recoded: int = 0
    skipped: int = 0  # stored before with the same text and coder
    rejected: int = 0  # lines or files that could not be read as articles
    failed: int = 0  # articles the coder gave nothing for
    events: int = 0
    errors: int = 0  # files abandoned on an error (each logged with its cause)
    last_file: str | None = None
    last_file_at: str | None = None  # UTC, ISO 8601
    last_error: str | None = None
    started_at: str = field(default_factory=lambda: _now())


class _Stopped(Exception):
    """The server is shutting down: leave the current file (it is read again next start)."""


class LiveIngest:
    """The background thread of `serve --watch` and its counts."""

    def __init__(
        self,
        explorer: Explorer,
        settings: WatchSettings,
        watcher: Watcher,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.explorer = explorer
        self.settings = settings
        self.watcher = watcher
        self.say = say or log.warning
        self.status = WatchStatus(directory=settings.directory.name or str(settings.directory))
        self._lock = threading.Lock()  # a reader's snapshot never mixes two updates
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the thread; bound the requests answered at once (see `read_slots`)."""
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = self.settings.read_slots
        self._thread = threading.Thread(target=self._run, name="gestae-watch", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 60.0) -> None:
        """Ask the thread to stop after the chunk of articles it is coding, and wait for it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return asdict(self.status)

    def _run(self) -> None:
        with self._lock:
            self.status.running = True
        self.say(f"watching {self.settings.directory} for new article files")
        try:
            self.explorer.code_many([])  # load the model now, not when the first file waits
        except Exception as exc:
            self._failed(None, exc)
        while not self._stop.is_set():
            try:
                watch(
                    self.watcher,
                    self._handle,
                    interval=self.settings.interval,
                    stop=self._stop.is_set,
                    sleep=self._pause,
                )
            except _Stopped:
                break
            except Exception as exc:  # the directory vanished, the state file is unwritable
                self._failed(None, exc)
                self._stop.wait(self.settings.interval)
        with self._lock:
            self.status.running = False

    def _pause(self, seconds: float) -> None:
        self._stop.wait(seconds)  # a sleep that a stopping server cuts short

    def _handle(self, path: Path) -> None:
        name = str(path.relative_to(self.settings.directory))
        try:
            stats = self._ingest(path)
        except _Stopped:
            raise
        except Exception as exc:  # one bad file must not stop the server: report, skip it
            self._failed(name, exc)
            return
        with self._lock:
            status = self.status
            status.files += 1
            status.articles += stats.stored
            status.coded += stats.coded
            status.recoded += stats.recoded
            status.skipped += stats.skipped
            status.rejected += stats.rejected
            status.failed += stats.failed
            status.events += stats.events
            status.last_file, status.last_file_at = name, _now()
            totals = f"{status.files} files, {status.articles} articles, {status.errors} errors"
        self.say(f"watch: {name}: {stats.summary()} (so far {totals})")

    def _ingest(self, path: Path) -> IngestStats:
        stats = IngestStats()
        items = read_inputs([str(path)], self.settings.published, on_notice=self._notice)
        with self.explorer.writer() as store:
            ingester = Ingester(
                store,
                self.explorer.code_many,
                self.explorer.config.fingerprint(),
                on_rejection=self._rejected,
                stats=stats,
                atomic_chunks=True,
            )
            for _ in ingester.run(items):
                if self._stop.is_set():
                    raise _Stopped()
        return stats

    def _failed(self, name: str | None, exc: Exception) -> None:
        where = f"{name}: " if name else ""
        message = f"{where}{type(exc).__name__}: {exc}"
        with self._lock:
            self.status.errors += 1
            self.status.last_error = message
        self.say(f"watch: error: {message}" + ("; file skipped" if name else ""))

    def _rejected(self, rejection: Rejection) -> None:
        self.say(f"watch: {rejection}")

    def _notice(self, notice: Notice) -> None:
        self.say(f"watch: {notice}")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
