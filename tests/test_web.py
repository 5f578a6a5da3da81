"""The web explorer through its HTTP interface (FastAPI's TestClient, no network): each page
shows what the store holds, the evidence is highlighted at the records' offsets, and the JSON
API answers what `gestae.query.analysis` answers."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

with warnings.catch_warnings():  # Starlette's TestClient warns that httpx2 is not installed
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from gestae.query import analysis
from gestae.schema import FLAT_COLUMNS
from gestae.web.app import create_app
from tests import web_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    return path, web_store.build(path)


@pytest.fixture(scope="module")
def ids(store: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return store[1]


@pytest.fixture(scope="module")
def client(store: tuple[Path, dict[str, str]], coder: Any) -> Iterator[TestClient]:
    with TestClient(create_app(store[0], coder=coder)) as test_client:
        yield test_client


def marks(html: str) -> list[tuple[str, str]]:
    """(class attribute, text) of every highlight in a page."""
    return re.findall(r'<mark class="(hl [^"]*)"[^>]*>([^<]*)</mark>', html)


def test_overview_counts_and_chart_bars_list_their_events(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    # six records, all counted events; five clusters (the two ACCUSE reports are one event)
    assert re.search(r'<b id="total-events">6</b>', page.text)
    assert "<b>5</b> real events" in page.text
    dyads = page.text[page.text.index('id="top-dyads"') :]
    assert re.search(r"FRA → GBR</a></td>\s*<td class=\"n\">3</td>", dyads)
    # a bar per day from the first event to the last; each links to its day's events
    bars = re.findall(r'<a href="([^"]+)" class="bar" data-period="([^"]+)">', page.text)
    assert [day for _, day in bars][:2] == ["2024-03-04", "2024-03-05"]
    assert len(bars) == (date(2024, 3, 20) - date(2024, 3, 4)).days + 1
    href = dict((day, link) for link, day in bars)["2024-03-05"].replace("&amp;", "&")
    listed = client.get(href)
    assert re.search(r'<b id="event-count">2</b>', listed.text)  # the two ACCUSE reports


def test_overview_filters_apply_to_every_panel(client: TestClient) -> None:
    page = client.get("/", params={"actor": "rus"})
    assert re.search(r'<b id="total-events">1</b>', page.text)
    assert "<b>1</b> real events" in page.text  # clusters among the selected records
    assert "FRA → GBR" not in page.text and "RUS → RUS" in page.text
    latest = page.text[page.text.index('id="latest"') :]
    assert "Sanctions threat" in latest and "UK and France talk fish" not in latest
    typed = client.get("/", params={"type": "accuse", "since": "2024-03-05", "until": ""})
    assert re.search(r'<b id="total-events">2</b>', typed.text)


def test_events_table_sorts_filters_pages_and_counts_reports(
    client: TestClient, ids: dict[str, str]
) -> None:
    page = client.get("/events", params={"sort": "type", "order": "desc"})
    types = re.findall(r'<span class="type q\d">([A-Z]+)</span>', page.text)
    assert types == sorted(types, reverse=True) and len(types) == 6
    first = client.get("/events", params={"limit": 2})
    assert len(re.findall(r"<tr data-href=", first.text)) == 2
    assert 'id="next-page"' in first.text
    dyad = client.get("/events", params={"dyad": "GBR,FRA", "directed": "true"})
    assert re.search(r'<b id="event-count">1</b>', dyad.text)  # GBR -> FRA only: CONSULT
    assert f'href="/events/{ids["w1:CONSULT"]}"' in dyad.text
    clusters = client.get(
        "/events", params={"clusters": "true", "sort": "reports", "order": "desc"}
    )
    assert re.search(r'<b id="event-count">5</b> real events', clusters.text)
    first_row = clusters.text[clusters.text.index("<tbody>") :]
    cells = re.findall(r'<td class="n">([^<]*)</td>', first_row)
    assert cells[:2] == ["0.90", "2"]  # confidence, then the two reports of the ACCUSE cluster
    # every record of a clustered store shows how many reports its event has
    reports = client.get("/api/events", params={"sort": "reports", "order": "desc"}).json()
    assert [r["num_events"] for r in reports["rows"]] == [2, 2, 1, 1, 1, 1]
    assert {r["id"] for r in reports["rows"][:2]} == {ids["w1:ACCUSE"], ids["w3:ACCUSE"]}


def test_event_view_highlights_each_role_at_its_offsets(
    client: TestClient, ids: dict[str, str]
) -> None:
    page = client.get(f"/events/{ids['w1:ACCUSE']}")
    assert page.status_code == 200
    found = marks(page.text)
    roles = {(cls.split()[1], text) for cls, text in found}
    assert {
        ("hl-source", "British ministers"),
        ("hl-trigger", "met"),
        ("hl-target", "French officials"),
        ("hl-place", "Paris"),
        ("hl-date", "Monday"),
        ("hl-source", "France"),
        ("hl-trigger", "accused"),
        ("hl-target", "Britain"),
    } <= roles
    # the event the page is about is outlined; the other record of the article is not
    focused = {text for cls, text in found if "focus" in cls.split()}
    assert focused == {"France", "accused", "Britain"}
    # beside the text: both records with their explanation
    assert page.text.count('<article class="record') == 2
    assert "test record: trigger &#39;accused&#39; -&gt; CAMEO 112" in page.text


def test_event_view_lists_every_report_of_its_cluster(
    client: TestClient, ids: dict[str, str]
) -> None:
    page = client.get(f"/events/{ids['w1:ACCUSE']}")
    reports = page.text[page.text.index('id="cluster-reports"') :]
    assert "2 reports in 2 articles from 2 outlets" in page.text
    assert "UK and France talk fish" in reports and "Outlet Three" in reports
    assert f'href="/events/{ids["w3:ACCUSE"]}"' in reports
    # the report in w3 names who reported it: marked as the speaker
    other = client.get(f"/events/{ids['w3:ACCUSE']}")
    assert ("hl hl-speaker focus", "officials") in marks(other.text)


def test_article_without_stored_text_says_so_and_shows_the_sentences(
    client: TestClient, ids: dict[str, str]
) -> None:
    page = client.get(f"/events/{ids['w4:ASSAULT']}")
    assert page.status_code == 200
    assert 'id="no-text"' in page.text and "holds no text for this article" in page.text
    assert "Armenian troops shelled Azerbaijani positions on Wednesday." in page.text
    assert marks(page.text) == []
    api = client.get("/api/article", params={"id": "w4"}).json()
    assert api["text"] is None and api["spans"] == []


def test_unknown_event_and_article_are_404_pages(client: TestClient) -> None:
    assert client.get("/events/0000000000").status_code == 404
    missing = client.get("/article", params={"id": "nope"})
    assert missing.status_code == 404 and "no article &#39;nope&#39;" in missing.text


def test_dyad_page_draws_both_directions_and_lists_the_events_behind_a_bar(
    client: TestClient,
) -> None:
    page = client.get("/dyad", params={"a": "GBR", "b": "FRA", "by": "week"})
    assert "GBR → FRA" in page.text and "FRA → GBR" in page.text
    bars = re.findall(r'<a href="([^"]+)" class="bar" data-period="([^"]+)">', page.text)
    # two directions x weeks of 2024-03-04 and 2024-03-11
    assert [day for _, day in bars] == ["2024-03-04", "2024-03-11"] * 2
    fra_gbr_first = next(h for h, d in bars if d == "2024-03-04" and "dir=FRA-GBR" in h)
    behind = client.get(fra_gbr_first.replace("&amp;", "&").split("#")[0])
    table = behind.text[behind.text.index('id="behind"') :]
    assert "Events FRA → GBR, 2024-03-04 to 2024-03-10" in table
    assert table.count("<tr data-href=") == 2  # the two ACCUSE reports


def test_dyad_api_matches_analysis(client: TestClient, store: tuple[Path, dict[str, str]]) -> None:
    got = client.get("/api/dyad", params={"a": "FRA", "b": "GBR", "by": "week"}).json()["rows"]
    with duckdb.connect(str(store[0]), read_only=True) as con:
        want = list(analysis.frame_rows(analysis.dyad_series(con, "FRA", "GBR", "week", True)))
    assert got == want
    totals: dict[tuple[str, str], int] = {}
    for r in got:
        totals[(r["source"], r["target"])] = totals.get((r["source"], r["target"]), 0) + r["events"]
    assert totals == {("FRA", "GBR"): 3, ("GBR", "FRA"): 1}


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"actor": "GBR"},
        {"dyad": "FRA,GBR"},
        {"dyad": "FRA,GBR", "directed": "true"},
        {"type": "ACCUSE", "since": "2024-03-05", "until": "2024-03-05"},
        {"clusters": "true", "actor": "FRA"},
    ],
)
def test_events_api_selects_what_the_cli_selects(
    client: TestClient, store: tuple[Path, dict[str, str]], params: dict[str, str]
) -> None:
    # the CLI lists in publication order; the table's default is the event's date
    got = client.get("/api/events", params={**params, "limit": 1000, "sort": "published"}).json()
    dyad = tuple(params["dyad"].split(",")) if "dyad" in params else None
    with duckdb.connect(str(store[0]), read_only=True) as con:
        want = analysis.events(
            con,
            actor=params.get("actor"),
            dyad=dyad,  # type: ignore[arg-type]
            event_type=params.get("type"),
            since=date.fromisoformat(params["since"]) if "since" in params else None,
            until=date.fromisoformat(params["until"]) if "until" in params else None,
            directed=params.get("directed") == "true",
            clusters=params.get("clusters") == "true",
        )
    assert got["total"] == len(want)
    assert [r["id"] for r in got["rows"]] == list(want["id"])


def test_map_places_points_by_latitude_and_longitude_and_filters_by_time(
    client: TestClient,
) -> None:
    page = client.get("/map")
    circles = re.findall(r'<circle class="pt q(\d)" cx="([\d.]+)" cy="([\d.]+)"', page.text)
    assert sorted(circles) == sorted(
        [("1", f"{2.35 + 180:g}", f"{90 - 48.85:g}"), ("4", f"{37.62 + 180:g}", f"{90 - 55.75:g}")]
    )
    assert page.text.count("<path d=") >= 170  # the country outlines are drawn
    later = client.get("/map", params={"since": "2024-03-06"})
    assert re.findall(r'<circle class="pt q(\d)"', later.text) == ["4"]  # Moscow only
    api = client.get("/api/map").json()
    assert api["located"] == 2 and api["unlocated"] == 4


def test_downloads_hold_the_filtered_records(client: TestClient, ids: dict[str, str]) -> None:
    got = client.get("/api/export/events", params={"actor": "RUS", "format": "csv"})
    assert got.headers["content-type"].startswith("text/csv")
    assert got.headers["content-disposition"] == 'attachment; filename="gestae-events.csv"'
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert list(rows[0]) == list(FLAT_COLUMNS)
    assert [r["id"] for r in rows] == [ids["w2:COERCE"]]
    lines = client.get("/api/export/events", params={"type": "ACCUSE"}).text.splitlines()
    records = [json.loads(line) for line in lines]
    assert {r["id"] for r in records} == {ids["w1:ACCUSE"], ids["w3:ACCUSE"]}
    assert records[0]["trigger"]["text"] == "accused"  # the full contract record
    empty = client.get("/api/export/events", params={"actor": "USA", "format": "csv"})
    assert empty.text.strip() == ",".join(FLAT_COLUMNS)
    series = client.get("/api/export/dyad", params={"a": "GBR", "b": "FRA", "format": "jsonl"})
    assert sum(json.loads(x)["events"] for x in series.text.splitlines()) == 4


def test_code_text_page_codes_without_storing(
    client: TestClient, store: tuple[Path, dict[str, str]]
) -> None:
    text = "Russian police arrested dozens of protesters in Moscow on Saturday."
    page = client.post("/code", data={"text": text, "published": "2024-03-04"})
    assert page.status_code == 200
    assert "not stored" in page.text
    assert ("hl hl-trigger", "arrested") in marks(page.text)
    assert re.search(r'<strong class="type q4">COERCE</strong>', page.text)
    api = client.post("/api/code", json={"text": text, "published": "2024-03-04"}).json()
    assert api["stored"] == "not stored"
    assert [r["event_type"] for r in api["records"]] == ["COERCE"]
    assert api["records"][0]["date"]["value"] == "2024-03-02"
    with duckdb.connect(str(store[0]), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchall() == [(4,)]


def test_code_text_page_shows_a_statement_as_a_statement(client: TestClient) -> None:
    text = "Brazil expressed condolences to Bangladesh over the factory fire."  # invented
    page = client.post("/code", data={"text": text, "published": "2024-03-04"})
    assert page.status_code == 200
    assert "<strong>STATEMENT 018</strong>" in page.text
    assert "None" not in re.sub(r"<[^>]+>", " ", page.text).split()


def test_code_text_refuses_unusable_input_with_a_message(client: TestClient) -> None:
    bad_date = client.post("/api/code", json={"text": "x", "published": "2024-02-30"})
    assert bad_date.status_code == 422 and "2024-02-30" in bad_date.json()["detail"]
    french = client.post(
        "/api/code",
        json={"text": "Le gouvernement français a condamné l'attaque contre les soldats hier."},
    )
    assert french.status_code == 422 and "English" in french.json()["detail"]
    empty = client.post("/code", data={"text": "<p> </p>"})
    assert empty.status_code == 422 and "empty" in empty.text


def test_storing_pasted_text_with_allow_ingest(tmp_path: Path, coder: Any) -> None:
    path = tmp_path / "ingest.duckdb"
    web_store.build(path)
    text = "France accused Britain of breaking the agreement on Monday."
    with TestClient(create_app(path, allow_ingest=True, coder=coder)) as client:
        first = client.post(
            "/api/code", json={"text": text, "published": "2024-03-05", "store": True}
        ).json()
        assert first["stored"] == "coded" and first["records"]
        again = client.post(
            "/api/code", json={"text": text, "published": "2024-03-05", "store": True}
        ).json()
        assert again["stored"] == "skipped"  # same text, same coder: not coded twice
        shown = client.get("/article", params={"id": first["article_id"]})
        assert ("hl hl-trigger", "accused") in marks(shown.text)
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute(
            "SELECT count(*) FROM cluster_events WHERE article_id = ?", [first["article_id"]]
        ).fetchall()
    assert rows == [(len(first["records"]),)]  # clustered like `gestae ingest` does


def test_every_page_renders_and_links_only_local_resources(client: TestClient) -> None:
    for url in ("/", "/events", "/dyad", "/dyad?a=GBR&b=FRA", "/map", "/code", "/apidocs"):
        page = client.get(url)
        assert page.status_code == 200, url
        sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert all(not s.startswith(("http:", "https:", "//")) for s in sources), url
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")


def test_openapi_describes_the_api_and_no_cdn_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/events", "/api/dyad", "/api/map", "/api/code", "/api/export/events"} <= paths
    assert all(p.startswith("/api/") for p in paths)
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "dyad", "type", "since", "until", "clusters", "sort", "limit"} <= names
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN
    assert "/api/events" in client.get("/apidocs").text


def test_templates_static_and_map_load_from_the_installed_package() -> None:
    from importlib import resources

    import gestae.web
    from gestae.web import charts

    root = resources.files("gestae.web")
    for name in (
        "templates/base.html",
        "static/style.css",
        "static/app.js",
        "data/world-110m.json",
    ):
        assert root.joinpath(name).is_file(), name
    countries = charts.world()
    assert len(countries) == 177
    assert {"GBR", "FRA", "RUS", "KOS"} <= {c["iso3"] for c in countries}
    assert Path(gestae.web.__file__).parent.joinpath("templates").is_dir()


def test_overview_axis_leaves_far_off_dates_out_and_counts_them() -> None:
    """Issue 14: one event misdated 1940 stretched the overview's axis to 1940-2025."""
    from gestae.web.queries import dense_range

    spring = [(date(2025, 3, 1) + timedelta(days=i), 3) for i in range(60)]
    lo, hi = dense_range([(date(1940, 1, 1), 1), *spring])
    assert date(2025, 1, 1) < lo <= date(2025, 3, 1) and hi == date(2025, 4, 29)
    # a long, evenly spread series is drawn whole
    years = [(date(1990, 1, 1) + timedelta(days=30 * i), 2) for i in range(400)]
    assert dense_range(years) == (years[0][0], years[-1][0])
    # too few events to call any of them far off
    assert dense_range([(date(1940, 1, 1), 1), (date(2025, 3, 1), 5)]) == (
        date(1940, 1, 1),
        date(2025, 3, 1),
    )


def test_chart_tick_labels_stay_inside_the_drawing() -> None:
    """Issue 14: the overview's last date label was cut off at the right edge."""
    from gestae.web import charts

    periods = [
        charts.PeriodCounts(date(2024, 1, 1) + timedelta(days=i), (1, 0, 1, 0), "#")
        for i in range(9)  # every period gets a label, the last one near the right edge
    ]
    chart = charts.diverging(periods)
    half = 36  # half a "2024-05-31" label in the 11px tick font, with room to spare
    for x, _label, anchor in chart.xticks:
        left = {"start": x, "middle": x - half, "end": x - 2 * half}[anchor]
        assert left >= 0 and left + 2 * half <= chart.width


def test_events_table_by_event_date_with_the_publication_mark(client: TestClient) -> None:
    """Issue 14: the table was ordered by publication, dates wrapped, and the web lacked the
    mark for a date taken from the publication."""
    page = client.get("/events")
    days = re.findall(r'<td class="date"><a href="/events/[^"]+">([0-9-]+)</a>', page.text)
    assert len(days) == 6 and days == sorted(days)
    # the records whose sentence gives no date carry the mark, and the note says what it means
    marked = re.findall(
        r'([0-9-]+)</a><span class="pubdate" title="date taken from the publication', page.text
    )
    assert marked == ["2024-03-05", "2024-03-05"]
    assert 'id="pubdate-note"' in page.text
    css = client.get("/static/style.css").text
    assert re.search(r"table\.events td\.date \{ white-space: nowrap; \}", css)
