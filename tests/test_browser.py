"""The explorer in a real headless browser (Debian's chromium driven by playwright), against a
server these tests start on a free local port: load each page, filter, open an event and see
its highlighted evidence, draw the dyad chart, paste and code a text. Screenshots of each page
go to test-artifacts/screenshots/. `make test` installs chromium when it can; without it the
module is skipped."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests import web_store

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"{CHROMIUM} is absent: browser tests need Debian's chromium "
    "(`apt-get install chromium`; `make test` installs it when run as root)",
)
SHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Run `app` with uvicorn on a free loopback port in a thread; yields its base URL."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    runner = uvicorn.Server(config)
    thread = threading.Thread(target=runner.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not runner.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the explorer did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        runner.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, coder: Any) -> Iterator[str]:
    from gestae.web.app import create_app

    path = tmp_path_factory.mktemp("browser") / "web.duckdb"
    web_store.build(path)
    with serving(create_app(path, coder=coder, hosts=["127.0.0.1", "localhost"])) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    with open_page(browser, server) as tab:
        yield tab


@contextmanager
def open_page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page that records console errors and every URL it requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.errors = []
    tab.requested = []
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    tab.on("request", lambda r: tab.requested.append(r.url))
    yield tab
    assert tab.errors == [], tab.errors
    assert all(url.startswith(server) for url in tab.requested), "a request left the machine"
    context.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_overview_and_its_filters(page: Any, server: str) -> None:
    page.goto(server + "/")
    assert page.inner_text("#total-events") == "6"
    assert page.locator("svg.chart a.bar").count() == 17  # 2024-03-04 to 2024-03-20
    shot(page, "overview")
    page.fill("input[name=actor]", "RUS")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*actor=RUS*")
    assert page.inner_text("#total-events") == "1"
    assert "RUS → RUS" in page.inner_text("#top-dyads")
    shot(page, "overview-filtered")


def test_events_table_sorts_and_a_row_opens_its_event(page: Any, server: str) -> None:
    page.goto(server + "/events")
    assert page.inner_text("#event-count") == "6"
    page.click("th a:text-is('type')")
    page.wait_for_url("**sort=type*")
    types = page.locator("#events-table tbody span.type").all_inner_texts()
    assert types == sorted(types)
    shot(page, "events")
    # a click on the row (not on its link) opens the event: the script's row handler
    page.locator("#events-table tbody tr").first.locator("td.trigger").click()
    page.wait_for_url("**/events/*")
    assert page.locator("#article-text").is_visible()


def test_event_view_highlights_the_evidence(page: Any, server: str) -> None:
    ids = web_store.ids_by_key()
    page.goto(server + f"/events/{ids['w1:ACCUSE']}")
    text = page.locator("#article-text")
    trigger = text.locator("mark.hl-trigger.focus")
    assert trigger.inner_text() == "accused"
    colour = trigger.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour == "rgb(255, 213, 79)"  # the trigger colour, so the style sheet is applied
    assert text.locator("mark.hl-source.focus").inner_text() == "France"
    assert text.locator("mark.hl-place").inner_text() == "Paris"
    assert page.locator("#cluster-reports tbody tr").count() == 2
    shot(page, "event")
    # clicking the other record brings its spans forward instead
    page.click("article.record[data-record='0']")
    focused = text.locator("mark.focus").all_inner_texts()
    assert focused == ["British ministers", "met", "French officials", "Paris", "Monday"]
    # an article stored with markup shows it as text, and nothing from it runs
    page.goto(server + f"/events/{ids['w3:ACCUSE']}")
    assert web_store.SCRIPT in page.inner_text("#article-text")
    assert page.inner_text("#article-title") == "Second report <b>bold</b>"
    shot(page, "event-markup")


def test_dyad_chart_and_the_events_behind_a_bar(page: Any, server: str) -> None:
    page.goto(server + "/dyad")
    page.fill("input[name=a]", "GBR")
    page.fill("input[name=b]", "FRA")
    page.click("#dyad-form button[type=submit]")
    page.wait_for_url("**/dyad?*a=GBR*")
    panels = page.locator("section.panel")
    assert panels.count() == 2
    assert panels.nth(1).locator("h2").inner_text() == "FRA → GBR"
    shot(page, "dyad")
    panels.nth(1).locator("a.bar[data-period='2024-03-04'] rect.hit").click()
    page.wait_for_url("**at=2024-03-04*")
    assert "FRA → GBR, 2024-03-04 to 2024-03-10" in page.inner_text("#behind h2")
    assert page.locator("#behind-table tbody tr").count() == 2
    shot(page, "dyad-behind")


def test_map_points_and_time_filter(page: Any, server: str) -> None:
    page.goto(server + "/map")
    points = page.locator("circle.pt")
    assert points.count() == 2
    assert page.locator("#timefilter").is_visible()  # shown by the script
    shot(page, "map")
    page.locator("#t-from").fill("1")  # from the second day with events: Moscow only
    visible = page.locator("circle.pt:not(.hidden)")
    assert visible.count() == 1 and visible.get_attribute("class") == "pt q4"
    assert page.inner_text("#t-count") == "1 of 2 points"


def test_paste_and_code_a_text(page: Any, server: str) -> None:
    page.goto(server + "/code")
    page.fill(
        "textarea[name=text]",
        "Russian police arrested dozens of protesters in Moscow on Saturday.",
    )
    page.fill("input[name=published]", "2024-03-04")
    page.click("#code-form button[type=submit]")
    result = page.locator("#code-result")
    result.wait_for()
    assert "not stored" in result.locator("p.status").inner_text()
    assert result.locator("mark.hl-trigger").inner_text() == "arrested"
    assert "COERCE" in result.locator("article.record strong.type").all_inner_texts()
    shot(page, "code")


def test_api_description_page(page: Any, server: str) -> None:
    page.goto(server + "/apidocs")
    assert page.locator("section.op").count() >= 15
    shot(page, "apidocs")


def test_a_new_article_appears_while_the_server_keeps_running(
    browser: Any, tmp_path: Path, coder: Any
) -> None:
    """`serve --watch`: an article file dropped into the watched directory shows up on the
    events page of the running server (reloaded until it does, within a bounded wait)."""
    from gestae.web.app import create_app
    from gestae.web.watching import WatchSettings

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = tmp_path / "watched.duckdb"
    web_store.build(path)
    settings = WatchSettings(inbox, settle=0.2, interval=0.2)
    app = create_app(path, coder=coder, hosts=["127.0.0.1"], watch=settings, say=lambda m: None)
    with serving(app) as base, open_page(browser, base) as tab:
        tab.goto(base + "/events")
        assert tab.inner_text("#event-count") == "6"
        article = {
            "id": "desk-1",
            "text": "Kenya accused Uganda of sheltering the rebel commanders on Friday.",
            "published": "2024-03-16",
            "title": "Kenya and Uganda trade charges",
        }
        part = inbox / ".desk-1.jsonl.part"
        part.write_text(json.dumps(article) + "\n", encoding="utf-8")
        part.rename(inbox / "desk-1.jsonl")
        deadline = time.monotonic() + 30
        while tab.inner_text("#event-count") == "6":
            if time.monotonic() > deadline:
                pytest.fail("the new article's events did not appear within 30 s")
            tab.wait_for_timeout(250)
            tab.reload()
        rows = tab.locator("#events-table tbody tr").all_inner_texts()
        assert any("KEN" in row and "UGA" in row for row in rows), rows
        shot(tab, "events-watched")
        tab.goto(base + "/")
        assert tab.inner_text("#watch-files") == "1"
        assert tab.inner_text("#watch-errors") == "0"
        shot(tab, "overview-watched")
