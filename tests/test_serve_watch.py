"""`gestae serve --watch DIR`: the server ingests new article files while it serves (FastAPI's
TestClient, the session's coder): new files' events appear, broken files are reported and
skipped without stopping anything, readers never see half an ingest, the HTTP API stays
read-only, and the watcher's counts are on /api/status and the overview."""

from __future__ import annotations

import json
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

with warnings.catch_warnings():  # Starlette's TestClient warns that httpx2 is not installed
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from gestae.cli.app import app as cli
from gestae.web.app import create_app
from gestae.web.watching import WatchSettings

WAIT = 30.0  # seconds; each file takes well under one


def _article(article_id: str, text: str) -> str:
    return json.dumps({"id": article_id, "text": text, "published": "2024-05-02"}) + "\n"


def _drop(inbox: Path, name: str, content: str | bytes) -> None:
    """Write under a hidden name, then rename: the watcher never sees a half-written file."""
    tmp = inbox / f".{name}.part"
    if isinstance(content, bytes):
        tmp.write_bytes(content)
    else:
        tmp.write_text(content, encoding="utf-8")
    tmp.rename(inbox / name)


def _wait(client: TestClient, done: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    deadline = time.monotonic() + WAIT
    while True:
        status: dict[str, Any] = client.get("/api/status").json()
        if done(status):
            return status
        if time.monotonic() > deadline:
            pytest.fail(f"the watcher did not get there in {WAIT:g} s: {status}")
        time.sleep(0.05)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    path = tmp_path / "inbox"
    path.mkdir()
    return path


@pytest.fixture
def client(tmp_path: Path, inbox: Path, coder: Any) -> Iterator[TestClient]:
    """A watching server over a store that does not exist yet (a fresh desk)."""
    settings = WatchSettings(inbox, settle=0, interval=0.05)
    web = create_app(tmp_path / "events.duckdb", coder=coder, watch=settings, say=lambda m: None)
    with TestClient(web) as test_client:
        yield test_client


def test_new_files_are_ingested_and_broken_ones_reported(client: TestClient, inbox: Path) -> None:
    assert client.get("/api/events").json()["total"] == 0
    _drop(inbox, "a.jsonl", _article("kenya-1", "Kenya accused Uganda of arming the rebels."))
    _drop(inbox, "b.jsonl", "{not json\n" + _article("egypt-1", "Egypt condemned the raid."))
    _drop(inbox, "c.txt", b"\xff\xfe\x00broken")
    status = _wait(client, lambda s: s["files"] == 3)
    assert status["watching"] and status["running"]
    assert (status["articles"], status["rejected"], status["errors"]) == (2, 2, 0), status
    rows = client.get("/api/events").json()["rows"]
    assert {(r["article_id"], r["source_country"], r["target_country"]) for r in rows} >= {
        ("kenya-1", "KEN", "UGA")
    }
    assert client.get("/api/events", params={"clusters": "true"}).status_code == 200
    overview = client.get("/").text
    assert '<b id="watch-files">3</b> files' in overview
    assert '<b id="watch-articles">2</b> articles' in overview
    # --watch alone opens no write endpoint
    health = client.get("/api/health").json()
    assert health["read_only"] is True and health["watching"] is True
    body = {"text": "France accused Britain of breaking the agreement.", "store": True}
    assert client.post("/api/code", json=body).status_code == 403


def test_an_error_in_one_file_is_reported_and_the_server_goes_on(
    client: TestClient, inbox: Path
) -> None:
    explorer = client.app.state.explorer  # type: ignore[attr-defined]
    real = explorer.code_many

    def code_many(articles: list[Any], batch_size: int = 16) -> list[Any]:
        if any(a.id == "boom" for a in articles):
            raise RuntimeError("the coder broke on this one")
        return list(real(articles, batch_size))

    explorer.code_many = code_many
    _drop(inbox, "1-boom.jsonl", _article("boom", "Turkey threatened Greece with sanctions."))
    _drop(inbox, "2-fine.jsonl", _article("fine", "Japan called on China to release the crew."))
    status = _wait(client, lambda s: s["files"] + s["errors"] == 2)
    assert (status["files"], status["errors"], status["articles"]) == (1, 1, 1), status
    assert "1-boom.jsonl" in status["last_error"]
    assert "the coder broke on this one" in status["last_error"]
    assert "(last: 1-boom.jsonl" in client.get("/").text
    time.sleep(0.3)  # several polls: the broken file is skipped, not retried in a loop
    assert client.get("/api/status").json()["errors"] == 1
    ids = {r["article_id"] for r in client.get("/api/events").json()["rows"]}
    assert ids == {"fine"}


def test_readers_never_see_events_that_are_in_no_cluster_yet(
    client: TestClient, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between an article's write and its clustering, a `clusters=true` reader must see the
    store as before the write (it used to get 400: "events in no cluster yet")."""
    from gestae.store import cluster

    real = cluster.update_clusters
    seen: list[int] = []

    def update_clusters(con: Any, article_ids: Any = None) -> Any:
        seen.append(client.get("/api/events", params={"clusters": "true"}).status_code)
        return real(con, article_ids)

    monkeypatch.setattr(cluster, "update_clusters", update_clusters)
    _drop(inbox, "a.jsonl", _article("a", "Brazil accused Argentina of spying on its diplomats."))
    _wait(client, lambda s: s["files"] == 1)
    assert seen and set(seen) == {200}


def test_the_watcher_stops_with_the_server(tmp_path: Path, inbox: Path, coder: Any) -> None:
    web = create_app(
        tmp_path / "events.duckdb",
        coder=coder,
        watch=WatchSettings(inbox, settle=0, interval=0.05),
        say=lambda m: None,
    )
    with TestClient(web) as test_client:
        assert _wait(test_client, lambda s: s["running"])["files"] == 0
    assert web.state.live.snapshot()["running"] is False


def test_a_plain_server_says_it_is_not_watching(tmp_path: Path, inbox: Path, coder: Any) -> None:
    path = tmp_path / "events.duckdb"
    with TestClient(create_app(path, coder=coder, watch=WatchSettings(inbox))):
        pass  # creates the store
    with TestClient(create_app(path, coder=coder)) as plain:
        assert plain.get("/api/status").json() == {"watching": False}
        assert plain.get("/api/health").json()["watching"] is False
        assert 'id="watch-status"' not in plain.get("/").text


def test_cli_refuses_a_directory_it_cannot_watch_before_opening_the_store(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(db), "--watch", str(tmp_path / "missing")]
    )
    assert result.exit_code == 2
    assert "not a directory" in " ".join((result.stderr or result.output).split())
    assert not db.exists()
