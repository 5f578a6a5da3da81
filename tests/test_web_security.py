"""Attacks on the web explorer (issue 8, "nobody gets in"): SQL in request values, oversized
bodies, malformed and unknown parameters, path traversal, markup in stored articles, writes to
a read-only server, guessed tokens, cross-site posts, foreign Host headers, and a schemathesis
run over the OpenAPI description that must never see a server error."""

from __future__ import annotations

import hmac
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

with warnings.catch_warnings():  # Starlette's TestClient warns that httpx2 is not installed
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from gestae.cli.app import app as cli
from gestae.web import state
from gestae.web.app import MAX_BODY, create_app
from gestae.web.state import WebError, check_serving, is_loopback
from tests import web_store

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
TOKEN = "s3cret-token-for-the-tests-0123456789"
MARKER = "zq9marker"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("websec") / "web.duckdb"
    return path, web_store.build(path)


@pytest.fixture(scope="module")
def client(store: tuple[Path, dict[str, str]], coder: Any) -> Iterator[TestClient]:
    with TestClient(create_app(store[0], coder=coder)) as test_client:
        yield test_client


@pytest.fixture
def ingest_client(tmp_path: Path, coder: Any) -> Iterator[TestClient]:
    path = tmp_path / "ingest.duckdb"
    web_store.build(path)
    with TestClient(create_app(path, allow_ingest=True, token=TOKEN, coder=coder)) as test_client:
        yield test_client


def _count(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])


# --- SQL -------------------------------------------------------------------------------------


class SpyCursor:
    """A DuckDB cursor that records the SQL text it is given (not the bound values)."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection, seen: list[str]) -> None:
        self._cursor = cursor
        self._seen = seen

    def execute(self, sql: str, params: Any = None) -> Any:
        self._seen.append(sql)
        return self._cursor.execute(sql, params)

    def sql(self, sql: str, params: Any = None) -> Any:
        self._seen.append(sql)
        return self._cursor.sql(sql, params=params)

    def cursor(self) -> SpyCursor:
        return SpyCursor(self._cursor.cursor(), self._seen)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


def test_request_values_reach_duckdb_only_as_bound_parameters(
    store: tuple[Path, dict[str, str]], coder: Any
) -> None:
    seen: list[str] = []
    app = create_app(store[0], coder=coder)
    explorer = app.state.explorer
    real = explorer.cursor

    @contextmanager
    def spy() -> Iterator[Any]:
        with real() as cursor:
            yield SpyCursor(cursor, seen)

    explorer.cursor = spy
    injected = f"{MARKER}' OR '1'='1"
    with TestClient(app) as client:
        assert client.get("/article", params={"id": injected}).status_code == 404
        dropped = client.get("/api/article", params={"id": f"{MARKER}'; DROP TABLE events; --"})
        assert dropped.status_code == 404
        assert client.get(f"/events/{MARKER}").status_code == 404
        assert client.get(f"/api/clusters/{MARKER}").status_code == 404
        assert client.get("/events", params={"actor": "GBR", "type": "ACCUSE"}).status_code == 200
        assert client.get("/dyad", params={"a": "GBR", "b": "FRA"}).status_code == 200
    assert seen, "the spy saw no query"
    assert not [sql for sql in seen if MARKER in sql or "GBR" in sql or "ACCUSE" in sql]
    assert _count(store[0]) == len(web_store.EVENTS)


@pytest.mark.parametrize(
    "params",
    [
        {"actor": "GBR' OR 1=1 --"},
        {"type": "ACCUSE'; DROP TABLE events; --"},
        {"since": "2024-01-01' OR '1'='1"},
        {"sort": "day; DROP TABLE events"},
        {"order": "asc, (SELECT 1)"},
        {"dyad": "GBR,FRA) OR (1=1"},
        {"limit": "1; DELETE FROM events"},
    ],
)
def test_sql_in_query_parameters_is_refused(
    client: TestClient, store: tuple[Path, dict[str, str]], params: dict[str, str]
) -> None:
    for url in ("/api/events", "/events"):
        answer = client.get(url, params=params)
        assert answer.status_code == 422, (url, params)
    assert _count(store[0]) == len(web_store.EVENTS)


# --- request size ----------------------------------------------------------------------------


def test_bodies_over_one_megabyte_are_refused_with_413(client: TestClient) -> None:
    big = "a" * (MAX_BODY + 10)
    declared = client.post("/api/code", json={"text": big})
    assert declared.status_code == 413 and "1,000,000 bytes" in declared.json()["detail"]
    form = client.post("/code", data={"text": big})
    assert form.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the bytes received are counted
        yield b'{"text": "'
        for _ in range(20):
            yield b"a" * 100_000
        yield b'"}'

    streamed = client.post(
        "/api/code", content=chunks(), headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413
    bogus = client.post("/api/code", content=b"{}", headers={"content-length": "lots"})
    assert bogus.status_code == 400


def test_texts_longer_than_the_coder_limit_are_refused_with_a_message(client: TestClient) -> None:
    answer = client.post("/api/code", json={"text": "word " * 41_000})
    assert answer.status_code == 422
    assert "200000" in str(answer.json()["detail"]) or "200,000" in str(answer.json()["detail"])


# --- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/events?actor=ZZZ", 400, "'ZZZ' is not an actor code"),
        ("/api/events?actor=UK", 422, "actor must be a three-letter code like GBR"),
        ("/api/events?since=notadate", 422, "since must be a date like 2024-05-31"),
        ("/api/events?dyad=GBR", 422, "dyad must be two codes like GBR,FRA"),
        ("/api/events?type=SHOUT", 400, "not a PLOVER event type"),
        ("/api/events?since=2024-02-30", 400, "since must be a real date"),
        ("/api/events?since=2024-03-10&until=2024-03-01", 400, "is after until"),
        ("/api/events?limit=0", 422, "limit"),
        ("/api/events?limit=100000", 422, "limit"),
        ("/api/events?offset=-1", 422, "offset"),
        ("/api/events?order=sideways", 422, "order"),
        ("/api/events?clusters=maybe", 422, "clusters"),
        ("/api/events?actr=GBR", 422, "unknown parameter"),
        ("/api/events?quad=5", 422, "quad must be a quad class from 1 to 4"),
        ("/api/dyad?a=GBR", 422, "a and b are required"),
        ("/api/dyad?a=GBR&b=FRA&by=year", 422, "by"),
        ("/api/dyad?a=GBR&b=FRA&by=day&since=0001-01-01", 400, "periods"),
        ("/api/network?min_events=0", 422, "min_events"),
        ("/api/article", 422, "id"),
        ("/api/events/not%20an%20id", 422, "event_id"),
        ("/api/export/events?format=xlsx", 422, "format"),
    ],
)
def test_every_parameter_is_checked_with_a_message(
    client: TestClient, url: str, status: int, message: str
) -> None:
    answer = client.get(url)
    assert answer.status_code == status, answer.text
    assert message in str(answer.json()["detail"])
    assert "^(" not in answer.text  # a message a person reads, never the regular expression


def test_pages_show_validation_errors_as_pages(client: TestClient) -> None:
    page = client.get("/events", params={"actor": "ZZZ"})
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert "&#39;ZZZ&#39; is not an actor code" in page.text
    unknown = client.get("/map", params={"bogus": "1"})
    assert unknown.status_code == 422 and "bogus: unknown parameter" in unknown.text


# --- paths -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e%2f%2e%2e%2fstore.py",
        "/static/....//app.py",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/api/export/../../../etc/passwd",
        "/api/export/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    ],
)
def test_no_path_traversal_in_static_files_or_downloads(client: TestClient, url: str) -> None:
    answer = client.get(url)
    assert answer.status_code == 404, (url, answer.status_code)
    assert "import " not in answer.text and "root:" not in answer.text


def test_download_names_are_fixed_and_formats_listed(client: TestClient) -> None:
    answer = client.get("/api/export/events", params={"format": "../../etc/passwd"})
    assert answer.status_code == 422
    named = client.get("/api/export/dyad", params={"a": "gbr", "b": "FRA"})
    assert named.headers["content-disposition"] == (
        'attachment; filename="gestae-dyad-GBR-FRA.csv"'
    )
    assert client.get("/api/export/dyad", params={"a": "../", "b": "FRA"}).status_code == 422


# --- markup ----------------------------------------------------------------------------------


def test_markup_in_stored_articles_shows_as_text(
    client: TestClient, store: tuple[Path, dict[str, str]]
) -> None:
    ids = store[1]
    for url in (f"/events/{ids['w3:ACCUSE']}", "/article?id=w3", f"/events/{ids['w1:ACCUSE']}"):
        page = client.get(url)
        assert web_store.SCRIPT not in page.text, url
        assert "<b>bold</b>" not in page.text, url
        assert "Second report &lt;b&gt;bold&lt;/b&gt;" in page.text, url
    page = client.get(f"/events/{ids['w3:ACCUSE']}")
    assert "&lt;script&gt;alert(&#39;gestae&#39;)&lt;/script&gt;" in page.text
    # a stored url that is not a web address is shown, never made a link
    assert 'href="javascript:' not in page.text and "javascript:alert(1)" in page.text
    assert "<script" not in re.sub(r'<script src="/static/app.js" defer></script>', "", page.text)


def test_markup_in_pasted_text_is_never_echoed_as_markup(client: TestClient) -> None:
    text = 'Russian police arrested protesters. <img src=x onerror="alert(1)"> <b>Done</b>.'
    page = client.post("/code", data={"text": text})
    assert page.status_code == 200
    assert "<img" not in page.text and "onerror=" not in page.text.replace("onerror=&#34;", "")
    assert "<b>Done</b>" not in page.text


def test_responses_forbid_foreign_scripts_framing_and_sniffing(client: TestClient) -> None:
    headers = client.get("/").headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert "content-security-policy" in client.get("/api/health").headers


# --- writing ---------------------------------------------------------------------------------


def test_read_only_by_default(client: TestClient, store: tuple[Path, dict[str, str]]) -> None:
    text = "France accused Britain of breaking the agreement."
    refused = client.post("/api/code", json={"text": text, "store": True})
    assert refused.status_code == 403 and "read-only" in refused.json()["detail"]
    page = client.post("/code", data={"text": text, "store": "true"})
    assert page.status_code == 403
    assert client.get("/api/health").json()["read_only"] is True
    # the connection itself cannot write: a bug in a read path could not change the store
    with pytest.raises(duckdb.Error, match="read-only"):
        client.app.state.explorer.store.con.execute("DELETE FROM events")  # type: ignore[attr-defined]
    assert _count(store[0]) == len(web_store.EVENTS)


def test_storing_needs_the_token_when_one_is_set(ingest_client: TestClient) -> None:
    body = {"text": "France accused Britain of breaking the agreement.", "store": True}
    missing = ingest_client.post("/api/code", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = ingest_client.post(
        "/api/code", json=body, headers={"Authorization": f"Bearer {TOKEN[:-1]}x"}
    )
    assert wrong.status_code == 401
    form = ingest_client.post("/code", data={"text": body["text"], "store": "true", "token": "no"})
    assert form.status_code == 401
    ok = ingest_client.post("/api/code", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["stored"] == "coded"
    form_ok = ingest_client.post(
        "/code", data={"text": body["text"], "store": "true", "token": TOKEN}
    )
    assert form_ok.status_code == 200 and 'id="store-status">skipped' in form_ok.text
    # coding without storing needs no token
    assert ingest_client.post("/api/code", json={"text": body["text"]}).status_code == 200


def test_token_comparison_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []

    def compare(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return a == b

    monkeypatch.setattr(hmac, "compare_digest", compare)  # the module state.py calls
    assert state.token_matches(TOKEN, TOKEN) and not state.token_matches(TOKEN, "guess")
    assert calls == [(TOKEN.encode(), TOKEN.encode()), (b"guess", TOKEN.encode())]
    assert not state.token_matches(TOKEN, None) and state.token_matches(None, None)


def test_cross_site_posts_are_refused(ingest_client: TestClient) -> None:
    data = {"text": "France accused Britain.", "store": "true", "token": TOKEN}
    evil = ingest_client.post("/code", data=data, headers={"Origin": "http://evil.example"})
    assert evil.status_code == 403 and "cross-site" in evil.text
    fetch = ingest_client.post("/code", data=data, headers={"Sec-Fetch-Site": "cross-site"})
    assert fetch.status_code == 403
    same = ingest_client.post("/code", data=data, headers={"Origin": "http://testserver"})
    assert same.status_code == 200


# --- binding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("example.org", False),
    ],
)
def test_loopback_is_recognised(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_ingest_beyond_loopback_needs_a_token() -> None:
    check_serving("127.0.0.1", True, None)
    check_serving("0.0.0.0", False, None)  # read-only to the network: allowed, with a note
    check_serving("0.0.0.0", True, TOKEN)
    with pytest.raises(WebError, match="no --token"):
        check_serving("0.0.0.0", True, None)
    with pytest.raises(WebError, match="at least 16 characters"):
        check_serving("127.0.0.1", True, "short")


def test_serve_binds_loopback_by_default_and_refuses_unsafe_setups(
    store: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    started: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append({"app": app, **kw}))
    monkeypatch.delenv("GESTAE_TOKEN", raising=False)
    runner = CliRunner()
    ok = runner.invoke(cli, ["serve", "--db", str(store[0])])
    assert ok.exit_code == 0, ok.output
    assert (started[0]["host"], started[0]["port"]) == ("127.0.0.1", 8000)
    # bound to loopback, the server answers only requests addressed to loopback (DNS rebinding)
    with TestClient(started[0]["app"], base_url="http://evil.example") as evil:
        assert evil.get("/api/health").status_code == 400
    with TestClient(started[0]["app"], base_url="http://127.0.0.1:8000") as local:
        assert local.get("/api/health").json()["read_only"] is True
    refused = runner.invoke(
        cli, ["serve", "--db", str(store[0]), "--host", "0.0.0.0", "--allow-ingest"]
    )
    assert refused.exit_code == 2 and "no --token" in refused.output
    assert len(started) == 1
    missing = runner.invoke(cli, ["serve", "--db", str(store[0].with_name("none.duckdb"))])
    assert missing.exit_code == 2 and "no event store" in missing.output


# --- fuzzing ---------------------------------------------------------------------------------


def test_schemathesis_finds_no_server_error(store: tuple[Path, dict[str, str]], coder: Any) -> None:
    """Every operation of /openapi.json, with valid and invalid inputs, straight on the ASGI app
    (no network): no answer may be a 5xx. The number of requests is written to
    test-artifacts/schemathesis.txt."""
    import schemathesis
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis.generation import GenerationMode

    app = create_app(store[0], coder=coder)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    sent: dict[str, int] = {}
    failures: list[str] = []

    def fuzz(operation: Any, mode: GenerationMode) -> None:
        label = f"{operation.method.upper()} {operation.path}"

        @settings(
            max_examples=12,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case: Any) -> None:
            response = case.call()
            sent[label] = sent.get(label, 0) + 1
            if response.status_code >= 500:
                failures.append(f"{label}: {response.status_code} for {case.as_curl_command()}")

        try:
            run()
        except Unsatisfiable:
            # an operation without parameters (GET /api/health) has no invalid input
            assert mode is GenerationMode.NEGATIVE, label

    for result in schema.get_all_operations():
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            fuzz(result.ok(), mode)  # type: ignore[union-attr]
    total = sum(sent.values())
    ARTIFACTS.mkdir(exist_ok=True)
    lines = [f"{label}: {n}" for label, n in sorted(sent.items())]
    (ARTIFACTS / "schemathesis.txt").write_text(
        f"{total} requests over {len(sent)} operations, 0 server errors expected\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )
    print(f"schemathesis: {total} requests over {len(sent)} operations")
    assert not failures, "\n".join(failures[:10])
    assert len(sent) >= 14 and total >= 200
