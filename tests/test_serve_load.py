"""Ingest while serving, under load: `gestae serve --watch` (a real server process on a free
loopback port) ingests 500 generated articles dropped into its directory while 20 client
threads query /api/events and /api/dyad. Every request must succeed, and the store must end
with exactly the events `gestae code` gives for the same articles: none lost, none twice. The
API latency (p50/p95/max) is printed and written to test-artifacts/serve_load.txt;
bench/serve_while_ingest.py runs the same scenario at a larger size.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import duckdb

from gestae.input.read import read_inputs
from tests import serve_load

ARTICLES = 500
CLIENTS = 20
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def test_twenty_clients_query_while_500_articles_are_ingested(tmp_path: Path, coder: Any) -> None:
    articles = serve_load.generate(ARTICLES)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "events.duckdb"
    log = tmp_path / "serve.log"
    with serve_load.running_server(db, inbox, log) as base:
        clients = serve_load.Clients(base, CLIENTS)
        clients.start()
        started = time.perf_counter()
        try:
            files = serve_load.drop_files(inbox, articles, per_file=20, pause=0.02)
            # a guard against a hang, not a speed test: a busy machine may take 2-3 minutes
            status = serve_load.wait_for(base, ARTICLES, files, timeout=300)
        finally:
            clients.stop()
        seconds = time.perf_counter() - started
    figures = clients.summary()
    line = (
        f"serve --watch: {ARTICLES} articles in {seconds:.1f} s ({ARTICLES / seconds:.1f}/s) "
        f"while {CLIENTS} clients sent {figures['requests']:.0f} requests: p50 "
        f"{figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms, max "
        f"{figures['max_ms']:.0f} ms"
    )
    print(line)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "serve_load.txt").write_text(line + "\n", encoding="utf-8")
    assert clients.failures == [], clients.failures[:5]
    assert figures["requests"] >= CLIENTS
    assert (status["errors"], status["rejected"]) == (0, 0), status
    assert (status["files"], status["articles"]) == (files, ARTICLES), status
    logged = log.read_text(encoding="utf-8")
    assert "watch: error" not in logged
    assert f"(so far {files} files, {ARTICLES} articles, 0 errors)" in logged  # progress

    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    # `gestae code` reads and codes as the server did: the same reader, a Coder of the same
    # settings (the session's, already loaded)
    expected = [r.id for c in coder.code_many(read_inputs([str(source)], None)) for r in c.records]
    with duckdb.connect(str(db), read_only=True) as con:
        stored = [row[0] for row in con.execute("SELECT id FROM events").fetchall()]
        (n_articles,) = con.execute("SELECT count(*) FROM articles").fetchall()[0]
    assert n_articles == ARTICLES
    assert len(stored) == len(set(stored)), "an event was stored twice"
    assert sorted(stored) == sorted(expected)
