"""Code articles on every core: one pipeline per worker process, output in input order.

The parent reads articles and writes records; workers parse and code. Articles travel in
chunks, and at most two chunks per worker are in flight, so memory stays flat however long the
input is. Workers return records only (never spaCy Docs), which keeps the traffic small.
Results come back in submission order, so the output is the same as a single-process run.

Workers are forked from a small server process that has imported spaCy and gestae but loaded
no model (the multiprocessing "forkserver" method), so they start quickly and never inherit
the parent's threads (a progress bar, a database connection).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from types import TracebackType
from typing import TYPE_CHECKING

from gestae.errors import GestaeError
from gestae.schema import Article, EventRecord

PR_SET_PDEATHSIG = 1  # prctl option: the signal a process gets when its parent dies

if TYPE_CHECKING:
    from gestae.engine.pipeline import CodedArticle, Coder


CoderFactory = Callable[[], "Coder"]
# Articles per task: enough to batch the parse well, few enough to spread a small input.
CHUNK_ARTICLES = 32
# Chunks in flight per worker: one being coded, one waiting, so no worker idles.
IN_FLIGHT_PER_WORKER = 2


def available_cores() -> int:
    """Cores this process may run on (the default for `--jobs`)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class ParallelCoder:
    """`code_many` over a pool of worker processes; use as a context manager.

    `factory` builds the Coder in each worker (and must pickle: a `functools.partial` of
    `Coder` or a settings object's method). With `jobs=1`, or when the whole input fits in one
    chunk before any worker has started, the articles are coded in this process instead.
    """

    def __init__(
        self,
        factory: CoderFactory,
        jobs: int | None = None,
        batch_size: int = 16,
        chunk_articles: int = CHUNK_ARTICLES,
    ) -> None:
        if jobs is not None and jobs < 1:
            raise GestaeError(f"--jobs must be at least 1, not {jobs}")
        self.factory = factory
        self.jobs = jobs or available_cores()
        self.batch_size = batch_size
        self.chunk_articles = chunk_articles
        self._pool: ProcessPoolExecutor | None = None
        self._local: Coder | None = None
        self.failed = 0  # articles left out because the coder failed on them (each logged)

    def __enter__(self) -> ParallelCoder:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    @property
    def uses_workers(self) -> bool:
        return self._pool is not None

    def local_coder(self) -> Coder:
        if self._local is None:
            self._local = self.factory()
        return self._local

    def code_many(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Every article with its records, in input order."""
        stream = iter(articles)
        if self.jobs > 1:
            first = list(islice(stream, self.chunk_articles))
            if self._pool is not None or len(first) == self.chunk_articles:
                yield from self._pooled(_chunks(first, stream, self.chunk_articles))
                return
            stream = iter(first)  # the whole input is one chunk: workers would only add start-up
        yield from self.local_coder().code_many(
            stream, batch_size=self.batch_size, on_error=self._left_out
        )

    def _left_out(self, article: Article, exc: BaseException) -> None:
        from gestae.engine.pipeline import log_error

        self.failed += 1
        log_error(article, exc)

    def _pooled(self, chunks: Iterator[list[Article]]) -> Iterator[CodedArticle]:
        from gestae.engine.pipeline import CodedArticle

        pool = self._start()
        pending: deque[tuple[list[Article], Future[list[list[EventRecord] | None]]]] = deque()
        limit = self.jobs * IN_FLIGHT_PER_WORKER
        try:
            for chunk in chunks:
                pending.append((chunk, pool.submit(_code_chunk, chunk, self.batch_size)))
                while len(pending) >= limit:
                    yield from self._finished(pending.popleft(), CodedArticle)
            while pending:
                yield from self._finished(pending.popleft(), CodedArticle)
        except BrokenProcessPool as exc:
            self._pool = None
            raise GestaeError(
                "a worker process died while coding (killed, or out of memory); nothing after "
                "the last article written was coded. Run again with fewer --jobs or a smaller "
                "--batch-size."
            ) from exc
        finally:
            for _, future in pending:
                future.cancel()

    def _finished(
        self,
        item: tuple[list[Article], Future[list[list[EventRecord] | None]]],
        make: type[CodedArticle],
    ) -> Iterator[CodedArticle]:
        chunk, future = item
        for article, records in zip(chunk, future.result(), strict=True):
            if records is None:  # as in one process, an article the coder failed is left out
                self.failed += 1
            else:
                yield make(article, records)

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["gestae.engine.pipeline"])
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self.factory,),
            )
        return self._pool


def _chunks(first: list[Article], rest: Iterator[Article], size: int) -> Iterator[list[Article]]:
    if first:
        yield first
    while chunk := list(islice(rest, size)):
        yield chunk


# -- in the worker process -------------------------------------------------------------------

_coder: Coder | None = None
_failure: GestaeError | None = None


def _die_with_parent() -> None:
    """A worker must not outlive a run that was killed: it would keep the run's pipes open and
    its memory in use. Linux can tie its life to its parent's; elsewhere this does nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return


def _start_worker(factory: CoderFactory) -> None:
    """Load the pipeline once per worker; a load error is kept and raised by each task, so the
    parent reports it instead of a bare "process pool is broken"."""
    global _coder, _failure
    _die_with_parent()
    try:
        _coder = factory()
    except GestaeError as exc:
        _failure = exc
    except Exception as exc:  # anything else would only surface as a broken pool
        _failure = GestaeError(f"could not load the coder in a worker process: {exc!r}")


def _code_chunk(articles: list[Article], batch_size: int) -> list[list[EventRecord] | None]:
    """Each article's records, or None for one the coder left out (it logged why)."""
    if _failure is not None:
        raise _failure
    assert _coder is not None, "worker started without a coder"
    out: list[list[EventRecord] | None] = [None] * len(articles)
    position = {id(article): i for i, article in enumerate(articles)}
    for coded in _coder.code_many(articles, batch_size=batch_size):
        out[position[id(coded.article)]] = coded.records
    return out
