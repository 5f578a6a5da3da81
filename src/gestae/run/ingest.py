"""Ingest: code articles into the store, skipping the ones already coded the same way.

An article is skipped before it is parsed when the store holds it with the same text (hash) and
the same coder: gestae version, engine code and data, model and settings, all in
`gestae.engine.config.CoderConfig.fingerprint`; otherwise it is coded and its events replace
the stored ones in one transaction. After each chunk the articles written are clustered
(`gestae.store.cluster.update_clusters`) and then marked as clustered. A run stopped anywhere is finished by running it again: stored articles are skipped, and articles
stored but not yet clustered are clustered first.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from gestae.input.read import Rejection, read_inputs
from gestae.input.rejects import Notice
from gestae.schema import Article, EventRecord
from gestae.store.database import EventStore, text_hash

if TYPE_CHECKING:
    from gestae.engine.config import CoderConfig
    from gestae.engine.pipeline import CodedArticle

# Articles looked up, coded and written between two clustering updates.
CHUNK_SIZE = 128
# Articles clustered per transaction when finishing an interrupted run.
RECLUSTER_CHUNK = 2000

Status = Literal["coded", "recoded", "skipped"]
CodeMany = Callable[[list[Article]], Iterable["CodedArticle"]]


@dataclass
class IngestStats:
    coded: int = 0  # new articles coded and stored
    recoded: int = 0  # stored before with another text or coder: coded again, replaced
    skipped: int = 0  # stored with the same text and coder: not parsed
    rejected: int = 0  # inputs that could not be read (each reported)
    failed: int = 0  # articles the coder returned nothing for (not stored)
    events: int = 0  # events written by this run
    clustered: int = 0  # articles passed to clustering by this run

    @property
    def stored(self) -> int:
        return self.coded + self.recoded + self.skipped

    def summary(self) -> str:
        failed = f", {self.failed} failed in the coder" if self.failed else ""
        return (
            f"{self.coded} coded, {self.skipped} skipped (unchanged), {self.recoded} re-coded, "
            f"{self.rejected} rejected{failed}; {self.events} events written, "
            f"{self.clustered} articles clustered"
        )


@dataclass
class Outcome:
    """One article's fate; `records` is None for a skipped article (read the store)."""

    article: Article
    status: Status
    records: list[EventRecord] | None


@dataclass
class _Entry:
    article: Article
    skip: bool


@dataclass
class Ingester:
    """Feeds articles through the coder into the store, chunk by chunk."""

    store: EventStore
    code_many: CodeMany
    coder_config: str
    chunk_size: int = CHUNK_SIZE
    on_rejection: Callable[[Rejection], None] | None = None
    advance: Callable[[], None] | None = None
    stats: IngestStats = field(default_factory=IngestStats)
    # One transaction per chunk, clustering included, for a store that is read while it is
    # written (`serve --watch`): readers never see events that are in no cluster yet. A run
    # stopped mid-chunk then loses the chunk's writes, and the next run redoes them.
    atomic_chunks: bool = False

    def run(self, items: Iterable[Article | Rejection]) -> Iterator[Outcome]:
        """Outcomes in input order (as long as the coder keeps order, as `nlp.pipe` does)."""
        self.finish_clustering()
        chunk: list[Article | Rejection] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= self.chunk_size:
                yield from self._run_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._run_chunk(chunk)

    def finish_clustering(self) -> None:
        """Cluster the articles an interrupted run stored but did not get to cluster."""
        pending = self.store.unclustered()
        for start in range(0, len(pending), RECLUSTER_CHUNK):
            self._cluster(pending[start : start + RECLUSTER_CHUNK])

    def _run_chunk(self, chunk: list[Article | Rejection]) -> Iterator[Outcome]:
        if not self.atomic_chunks:
            yield from self._run_chunk_steps(chunk)
            return
        with self.store.transaction():
            yield from self._run_chunk_steps(chunk)

    def _run_chunk_steps(self, chunk: list[Article | Rejection]) -> Iterator[Outcome]:
        articles: list[Article] = []
        for item in chunk:
            if isinstance(item, Rejection):
                self.stats.rejected += 1
                if self.on_rejection is not None:
                    self.on_rejection(item)
                self._advance()
            else:
                articles.append(item)
        stored = self.store.current_hashes(articles, self.coder_config)
        queue = deque(_Entry(a, stored.get(a.id) == text_hash(a.text)) for a in articles)
        to_code = [entry.article for entry in queue if not entry.skip]
        written: list[str] = []
        for coded in self.code_many(to_code) if to_code else ():
            while queue and queue[0].skip:
                yield self._skipped(queue.popleft().article)
            if queue:
                queue.popleft()  # this coded article's place in the input
            replaced = self.store.write(coded.article, coded.records, self.coder_config)
            written.append(coded.article.id)
            self.stats.events += len(coded.records)
            if replaced:
                self.stats.recoded += 1
            else:
                self.stats.coded += 1
            self._advance()
            yield Outcome(coded.article, "recoded" if replaced else "coded", coded.records)
        while queue:
            entry = queue.popleft()
            if entry.skip:
                yield self._skipped(entry.article)
            else:  # the coder gave nothing back for it (it reports why); not stored
                self.stats.failed += 1
                self._advance()
        self._cluster(written)

    def _skipped(self, article: Article) -> Outcome:
        self.stats.skipped += 1
        self._advance()
        return Outcome(article, "skipped", None)

    def _advance(self) -> None:
        if self.advance is not None:
            self.advance()

    def _cluster(self, article_ids: Sequence[str]) -> None:
        """Cluster these articles' events, then mark them clustered.

        Two transactions (`update_clusters` commits its own): a run stopped between them
        leaves the articles unmarked, and the next run clusters them again, which unlinks and
        re-assigns their events, so nothing is linked twice."""
        if not article_ids:
            return
        from gestae.store.cluster import update_clusters

        update_clusters(self.store.con, article_ids)
        self.store.mark_clustered(article_ids)
        self.stats.clustered += len(article_ids)


def count_articles(inputs: Sequence[str]) -> int | None:
    """How many articles the inputs hold, cheaply (JSONL lines, one per text file), for the
    progress bar's ETA; None when reading stdin, whose size is unknown."""
    total = 0
    for name in inputs:
        if name == "-":
            return None
        path = Path(name)
        if path.is_dir():
            files = [p for p in path.rglob("*") if p.is_file() and p.suffix in (".jsonl", ".txt")]
            total += sum(_count_file(p) for p in files) or 1
        else:
            total += _count_file(path)
    return total


def _count_file(path: Path) -> int:
    if path.suffix != ".jsonl":
        return 1
    lines = 0
    last = b"\n"
    try:
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                lines += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return 1
    return lines + (last != b"\n")


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "- articles/s", style="cyan")


def progress_bar(console: Console, total: int | None) -> Progress:
    """A bar with articles/s and ETA on a terminal (no ETA without a total); silent when the
    console is a pipe or a file."""
    columns: list[ProgressColumn] = [TextColumn("{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn(), _RateColumn(), TimeRemainingColumn()]
    else:
        columns += [TextColumn("{task.completed} articles"), _RateColumn()]
    columns.append(TimeElapsedColumn())
    return Progress(*columns, console=console, transient=True, disable=not console.is_terminal)


def ingest_files(
    inputs: Sequence[str],
    db: Path,
    config: CoderConfig,
    console: Console,
    published: date | None = None,
    batch_size: int = 16,
    wait: float = 0.0,
    chunk_size: int = CHUNK_SIZE,
    on_rejection: Callable[[Rejection], None] | None = None,
    on_notice: Callable[[Notice], None] | None = None,
    jobs: int | None = 1,
) -> IngestStats:
    """`gestae ingest`: read, skip the unchanged, code the rest into `db`, cluster.

    Rejections and notices go to the callbacks (printed above the progress bar by them)."""
    total = count_articles(inputs)
    with EventStore(db, wait=wait, on_wait=lambda note: console.print(escape(note))) as store:
        message = store.upgrade_message()
        if message:
            console.print(escape(message), highlight=False)
        from gestae.run.parallel import ParallelCoder

        coder_factory = cache(config.build)
        pool = ParallelCoder(config.build, jobs, batch_size) if jobs != 1 else None

        def code_many(articles: list[Article]) -> Iterable[CodedArticle]:
            if pool is not None:
                return pool.code_many(articles)
            return coder_factory().code_many(articles, batch_size=batch_size)

        with progress_bar(console, total) as progress, ExitStack() as stack:
            if pool is not None:
                stack.enter_context(pool)
            task = progress.add_task("ingesting", total=total)
            ingester = Ingester(
                store,
                code_many,
                config.fingerprint(),
                chunk_size=chunk_size,
                on_rejection=on_rejection,
                advance=lambda: progress.advance(task),
            )
            for _ in ingester.run(read_inputs(inputs, published, on_notice=on_notice)):
                pass
        return ingester.stats
