"""What one running explorer holds: the open store, the coder, and the rules for writing.

Reads run on a DuckDB cursor of their own per request (a cursor is a separate connection to
the same database, safe to use from the request's thread), and so does each write: a write in
progress never holds up a read, which sees the store as of its last commit. The store is
opened read-only unless the server was started with `--allow-ingest` or `--watch`: then even a
bug in a read path could not change it. Coding is serialised (a spaCy pipeline is not made for
concurrent calls), and so are writes (the pasted-text page and the watcher's ingest).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gestae.engine.config import CoderConfig
from gestae.errors import GestaeError, InputError
from gestae.store.database import EventStore

if TYPE_CHECKING:
    import duckdb

    from gestae.engine.pipeline import CodedArticle, Coder
    from gestae.schema import Article, EventRecord

# A pasted text longer than this is refused: coding it would hold the coder for minutes.
MAX_TEXT_CHARS = 200_000
MIN_TOKEN_CHARS = 16
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


class WebError(GestaeError):
    """The server cannot start as asked (an unsafe bind, a weak token)."""


class IngestRefused(GestaeError):
    """A request asked to store text where the server does not allow it."""


def is_loopback(host: str) -> bool:
    """True for names and addresses that only this machine can reach."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_serving(host: str, allow_ingest: bool, token: str | None) -> None:
    """Refuse setups that would let anyone on the network write to the store."""
    if token is not None and len(token) < MIN_TOKEN_CHARS:
        raise WebError(
            f"--token must be at least {MIN_TOKEN_CHARS} characters (a random string, e.g. "
            "from `python -c 'import secrets; print(secrets.token_urlsafe())'`)"
        )
    if allow_ingest and token is None and not is_loopback(host):
        raise WebError(
            f"refusing to serve {host} with --allow-ingest and no --token: anyone who can reach "
            "the server could write to the store. Bind to 127.0.0.1, or give --token."
        )


def token_matches(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison, so response times do not reveal how much of a guess was right."""
    if expected is None:
        return True
    if not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


@dataclass
class Coded:
    """A pasted text's records, and what happened when it was stored (if asked)."""

    article: Article
    events: list[EventRecord]
    status: str = "not stored"  # or coded / recoded / skipped (stored unchanged before)

    @property
    def records(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self.events]


@dataclass
class Explorer:
    db: Path
    allow_ingest: bool = False
    token: str | None = None
    coder: Coder | None = None
    # `serve --watch`: the server ingests files itself, so its store is writable even when
    # the HTTP API is not (`allow_ingest`).
    watching: bool = False
    # The pasted-text coder's settings; stored articles carry its fingerprint.
    config: CoderConfig = field(default_factory=CoderConfig)
    store: EventStore = field(init=False)
    _write: threading.Lock = field(default_factory=threading.Lock, init=False)
    _code: threading.Lock = field(default_factory=threading.Lock, init=False)
    _open: threading.Lock = field(default_factory=threading.Lock, init=False)

    def __post_init__(self) -> None:
        self.store = EventStore(self.db, read_only=not (self.allow_ingest or self.watching))

    @property
    def read_only(self) -> bool:
        """True when the HTTP API cannot store anything (the watcher may still write)."""
        return not self.allow_ingest

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._open:  # the main connection only hands out cursors, one call at a time
            cursor = self.store.con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    @contextmanager
    def writer(self) -> Iterator[EventStore]:
        """The store on a cursor of its own, for one writer at a time: two writers at once
        could conflict in DuckDB, while readers are never blocked."""
        with self._write:
            with self._open:
                store = self.store.on_cursor()
            try:
                yield store
            finally:
                store.con.close()

    def close(self) -> None:
        self.store.close()

    def _coder(self) -> Coder:
        if self.coder is None:
            from gestae.api import cached_coder

            self.coder = cached_coder(self.config)
        return self.coder

    def code_many(self, articles: list[Article], batch_size: int = 16) -> list[CodedArticle]:
        """Code articles with the server's one coder (the watcher's ingest), one caller at a
        time; a list, so the coder is free again when this returns."""
        with self._code:
            return list(self._coder().code_many(articles, batch_size=batch_size))

    def code(
        self, text: str, published: str | None, article_id: str | None, title: str | None = None
    ) -> Coded:
        """Code pasted text as `gestae code` would code it (cleaned, English only)."""
        from gestae.input.language import check_language
        from gestae.input.read import InputRejected, article_from_record

        if len(text) > MAX_TEXT_CHARS:
            raise InputError(
                f"the text has {len(text):,} characters; paste at most {MAX_TEXT_CHARS:,} "
                "(use `gestae ingest` for longer articles)"
            )
        ident = article_id or "web-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        record = {"id": ident, "text": text, "published": published or None, "title": title}
        notes: list[tuple[str, str]] = []
        try:
            article = article_from_record(record, ident, None, notes)
        except InputRejected as exc:
            raise InputError(str(exc)) from exc
        if notes:  # an unusable date is an error here: the user can fix it at once
            raise InputError("; ".join(message for _, message in notes))
        verdict = check_language(article.text)
        if not verdict.english:
            raise InputError(f"gestae codes English text only; this text is {verdict.message()}")
        with self._code:
            coded = self._coder().code(article)
        return Coded(article, coded)

    def ingest(self, coded: Coded) -> str:
        """Store a coded article (and cluster it) as `gestae ingest` would."""
        if not self.allow_ingest:
            raise IngestRefused(
                "this server is read-only; start it with `gestae serve --allow-ingest` to store "
                "pasted articles"
            )
        from gestae.engine.pipeline import CodedArticle
        from gestae.run.ingest import Ingester

        def code_many(articles: list[Article]) -> list[CodedArticle]:
            return [CodedArticle(a, coded.events) for a in articles]

        with self.writer() as store:
            ingester = Ingester(store, code_many, self.config.fingerprint(), atomic_chunks=True)
            outcomes = list(ingester.run([coded.article]))
        coded.status = outcomes[0].status if outcomes else "not stored"
        return coded.status
