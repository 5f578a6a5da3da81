"""Analysis queries and their commands: dyad series, filters, actors, network, clusters, plots."""

from __future__ import annotations

import inspect
import itertools
import json
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner, Result

from gestae.cli.app import app
from gestae.query import analysis
from gestae.query.analysis import QueryError
from gestae.schema import Location
from tests.synthetic_store import Spec, add_clusters, build_store

MINSK = Location(
    name="Minsk",
    country="BLR",
    admin1="05",
    lat=53.9,
    lon=27.56,
    geonameid=625144,
    precision="town",
    text="Minsk",
    start=0,
    end=5,
)
SPECS = [
    # week of Monday 2024-03-04
    Spec("a1", "CONSULT", "GBR", "FRA", date(2024, 3, 4), place=MINSK),
    Spec("a1", "ACCUSE", "FRA", "GBR", date(2024, 3, 6)),
    Spec("a1", "SUPPORT", "DEU", "FRA", date(2024, 3, 5)),
    # no date in the text: counts on the publication date, 2024-03-12 (week of 03-11)
    Spec("a2", "ASSAULT", "GBR", "FRA", None),
    # negated: a denied attack is not counted
    Spec("a2", "ASSAULT", "GBR", "FRA", date(2024, 3, 20), negated=True),
    # nothing in the week of 03-18; AID in the week of 03-25
    Spec("a3", "AID", "FRA", "GBR", date(2024, 3, 27)),
    Spec("a3", None, None, None, date(2024, 3, 27)),  # an incident: no actors, no class
    Spec("a3", "COERCE", "RUS", "RUS", date(2024, 3, 27), sector="COP"),
    # a month later: April has no event between GBR and FRA
    Spec("a4", "THREATEN", "GBR", "FRA", date(2024, 5, 2)),
]
PUBLISHED = {"a1": date(2024, 3, 6), "a2": date(2024, 3, 12), "a3": date(2024, 3, 27)}
PUBLISHED["a4"] = date(2024, 5, 2)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("analysis") / "s.duckdb", SPECS, PUBLISHED)


@pytest.fixture
def con(store: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(store), read_only=True)
    yield connection
    connection.close()


def _ids(con: duckdb.DuckDBPyConnection, **where: str) -> list[str]:
    clauses = " AND ".join(f"{k} = ?" for k in where)
    rows = con.execute(f"SELECT id FROM events WHERE {clauses}", list(where.values())).fetchall()
    return [r[0] for r in rows]


def test_weekly_series_counts_quads_scores_and_fills_gaps(con: duckdb.DuckDBPyConnection) -> None:
    frame = analysis.dyad_series(con, "gbr", "FRA", by="week")
    weeks = [d.date() for d in frame["period"]]
    # every Monday from the first event's week to the last one's, none skipped
    assert weeks[0] == date(2024, 3, 4) and weeks[-1] == date(2024, 4, 29)
    assert all(b - a == timedelta(days=7) for a, b in itertools.pairwise(weeks))
    rows = {d.date(): r for d, r in zip(frame["period"], frame.to_dict("records"), strict=True)}
    first = rows[date(2024, 3, 4)]
    # CONSULT GBR->FRA and ACCUSE FRA->GBR; the DEU SUPPORT is another dyad
    assert (first["events"], first["verbal_coop"], first["verbal_conflict"]) == (2, 1, 1)
    assert first["intensity"] == pytest.approx(2.5 - 2.0)  # CONSULT +2.5, ACCUSE -2 (PLOVER)
    assert first["goldstein"] == pytest.approx(1.0 - 2.0)  # CAMEO 040 +1, 112 -2
    assert first["coop_minus_conflict"] == 0
    # the undated ASSAULT counts on its article's publication date
    second = rows[date(2024, 3, 11)]
    assert (second["events"], second["material_conflict"], second["coop_minus_conflict"]) == (
        1,
        1,
        -1,
    )
    # the negated ASSAULT of 03-20 is not counted: the week is an empty, zero-filled period
    assert rows[date(2024, 3, 18)]["events"] == 0
    assert rows[date(2024, 3, 18)]["goldstein"] == 0.0
    assert rows[date(2024, 3, 25)]["material_coop"] == 1
    assert int(frame["events"].sum()) == 5


def test_directed_series_has_both_directions_every_period(
    con: duckdb.DuckDBPyConnection,
) -> None:
    frame = analysis.dyad_series(con, "GBR", "FRA", by="week", directed=True)
    assert list(frame.columns[:3]) == ["period", "source", "target"]
    per_period = frame.groupby("period").size()
    assert set(per_period) == {2}
    week = frame[frame["period"] == "2024-03-04"].set_index("source")
    assert week.loc["GBR", "verbal_coop"] == 1 and week.loc["GBR", "verbal_conflict"] == 0
    assert week.loc["FRA", "verbal_conflict"] == 1 and week.loc["FRA", "verbal_coop"] == 0
    assert frame[frame["source"] == "FRA"]["material_coop"].sum() == 1  # the AID


def test_monthly_series_within_a_range_fills_from_since_to_until(
    con: duckdb.DuckDBPyConnection,
) -> None:
    frame = analysis.dyad_series(
        con, "FRA", "GBR", by="month", since=date(2024, 3, 5), until=date(2024, 6, 30)
    )
    assert [d.date() for d in frame["period"]] == [
        date(2024, 3, 1),
        date(2024, 4, 1),
        date(2024, 5, 1),
        date(2024, 6, 1),
    ]
    # March: ACCUSE (03-06), ASSAULT (03-12 by publication), AID; the 03-04 CONSULT is before since
    assert list(frame["events"]) == [3, 0, 1, 0]
    assert list(frame["verbal_conflict"]) == [1, 0, 1, 0]


def test_no_event_gives_an_empty_series(con: duckdb.DuckDBPyConnection) -> None:
    frame = analysis.dyad_series(con, "GBR", "CHN")
    assert frame.empty
    assert "coop_minus_conflict" in frame.columns


def test_event_filters(con: duckdb.DuckDBPyConnection) -> None:
    both = analysis.events(con, dyad=("FRA", "GBR"))
    assert len(both) == 6  # the negated record is listed (flagged), not counted in aggregates
    assert set(both["event_type"]) == {"CONSULT", "ACCUSE", "ASSAULT", "AID", "THREATEN"}
    one_way = analysis.events(con, dyad=("FRA", "GBR"), directed=True)
    assert set(one_way["event_type"]) == {"ACCUSE", "AID"}
    assert set(analysis.events(con, actor="deu")["event_type"]) == {"SUPPORT"}
    assert len(analysis.events(con, event_type="assault")) == 2
    # the undated ASSAULT is found by its publication date
    window = analysis.events(con, since=date(2024, 3, 10), until=date(2024, 3, 15))
    assert list(window["event_type"]) == ["ASSAULT"]
    assert window["date"].isna().all() and str(window["day"].iloc[0].date()) == "2024-03-12"
    assert len(analysis.events(con, limit=2)) == 2
    records = list(analysis.event_records(con, analysis.Filters(actor="RUS")))
    assert [(r["event_type"], r["source"]["sector"]) for r in records] == [("COERCE", "COP")]


def test_actors_count_roles_and_domestic_events_once(con: duckdb.DuckDBPyConnection) -> None:
    frame = analysis.actors(con).set_index("actor")
    assert list(frame.index[:2]) == ["FRA", "GBR"]  # most events first, ties by code
    assert frame.loc["FRA"].to_dict() == {
        "events": 6,
        "as_source": 2,
        "as_target": 4,
        "cooperation": 3,
        "conflict": 3,
    }
    assert frame.loc["RUS", "events"] == 1
    assert (frame.loc["RUS", "as_source"], frame.loc["RUS", "as_target"]) == (1, 1)
    assert len(analysis.actors(con, limit=1)) == 1
    march = analysis.actors(con, until=date(2024, 3, 31)).set_index("actor")
    assert march.loc["GBR", "events"] == 4  # the May THREATEN is out


def test_network_weights_and_min_events(con: duckdb.DuckDBPyConnection) -> None:
    frame = analysis.network(con)
    edges = {(r["source"], r["target"]): r for r in frame.to_dict("records")}
    assert set(edges) == {("GBR", "FRA"), ("FRA", "GBR"), ("DEU", "FRA"), ("RUS", "RUS")}
    gbr_fra = edges[("GBR", "FRA")]
    assert (gbr_fra["events"], gbr_fra["verbal_coop"], gbr_fra["verbal_conflict"]) == (3, 1, 1)
    assert gbr_fra["goldstein"] == pytest.approx(1.0 - 10.0 - 4.4)  # CAMEO 040, 190, 130
    assert list(frame["events"]) == sorted(frame["events"], reverse=True)
    strong = analysis.network(con, min_events=2)
    assert set(zip(strong["source"], strong["target"], strict=True)) == {
        ("GBR", "FRA"),
        ("FRA", "GBR"),
    }
    assert analysis.network(con, since=date(2024, 4, 1))["events"].tolist() == [1]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: analysis.dyad_series(c, "UK", "FRA"), "'UK' is not an actor code"),
        (lambda c: analysis.events(c, actor="GBR' OR 1=1 --"), "is not an actor code"),
        (lambda c: analysis.events(c, event_type="ATTACK"), "not a PLOVER event type"),
        (lambda c: analysis.dyad_series(c, "GBR", "FRA", by="year"), "by must be one of"),
        (
            lambda c: analysis.actors(c, since=date(2024, 5, 1), until=date(2024, 4, 1)),
            "is after until",
        ),
        (lambda c: analysis.network(c, min_events=0), "min_events must be"),
        (lambda c: analysis.events(c, since="2024-01-01"), "since must be a date"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_are_clear_errors(
    con: duckdb.DuckDBPyConnection, call: object, message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        call(con)  # type: ignore[operator]


@pytest.fixture
def clustered(store: Path, tmp_path: Path) -> Path:
    """The store with the 03-04 CONSULT reported again by a second outlet, and clusters that
    merge the two reports; every other event is a cluster of its own."""
    path = tmp_path / "clustered.duckdb"
    shutil.copy(store, path)
    with duckdb.connect(str(path), read_only=True) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM events ORDER BY id").fetchall()]
        consult = _ids(con, event_type="CONSULT")[0]
    duplicate = build_store(
        tmp_path / "dup.duckdb",
        [Spec("b1", "CONSULT", "GBR", "FRA", date(2024, 3, 4))],
        {"b1": date(2024, 3, 5)},
    )
    with duckdb.connect(str(path)) as con:
        con.execute("ATTACH ? AS dup (READ_ONLY)", [str(duplicate)])
        con.execute("INSERT INTO events SELECT * FROM dup.events")
        con.execute("INSERT INTO articles BY NAME SELECT * FROM dup.articles")
        copy = con.execute("SELECT id FROM dup.events").fetchall()[0][0]
    add_clusters(path, [[consult, copy]] + [[i] for i in ids if i != consult])
    return path


def test_clusters_count_each_real_event_once(clustered: Path) -> None:
    with duckdb.connect(str(clustered), read_only=True) as con:
        reports = analysis.dyad_series(con, "GBR", "FRA")
        events = analysis.dyad_series(con, "GBR", "FRA", clusters=True)
        assert reports["events"].iloc[0] == 3 and events["events"].iloc[0] == 2
        assert int(events["events"].sum()) == 5  # the negated report's cluster is not counted
        listed = analysis.events(con, event_type="CONSULT", clusters=True)
        assert (len(listed), listed["num_articles"].iloc[0], listed["num_events"].iloc[0]) == (
            1,
            2,
            2,
        )
        table = analysis.clusters(con, dyad=("GBR", "FRA"), event_type="CONSULT")
        assert table["num_events"].tolist() == [2]
        assert table["representative_event_id"].iloc[0] == listed["id"].iloc[0]
        net = analysis.network(con, clusters=True).set_index(["source", "target"])
        assert net.loc[("GBR", "FRA"), "events"] == 3  # CONSULT once, ASSAULT, THREATEN
        assert (
            analysis.network(con).set_index(["source", "target"]).loc[("GBR", "FRA"), "events"] == 4
        )


def test_clusters_missing_or_incomplete_is_an_error(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "plain.duckdb"
    shutil.copy(store, path)
    with (
        duckdb.connect(str(path), read_only=True) as con,  # no event clustered yet
        pytest.raises(QueryError, match="9 events of this store are in no cluster"),
    ):
        analysis.dyad_series(con, "GBR", "FRA", clusters=True)
    with duckdb.connect(str(path)) as con:
        con.execute("DROP TABLE IF EXISTS cluster_events")
        con.execute("DROP TABLE IF EXISTS clusters")
    with duckdb.connect(str(path), read_only=True) as con:
        with pytest.raises(QueryError, match="this store has no event clusters"):
            analysis.network(con, clusters=True)
        assert len(analysis.network(con)) == 4  # the rest works without them


def test_real_clustering_merges_two_reports_of_one_event(tmp_path: Path) -> None:
    from gestae.store.cluster import update_clusters

    path = build_store(
        tmp_path / "two.duckdb",
        [
            Spec("outlet-a", "ASSAULT", "RUS", "UKR", date(2024, 6, 1)),
            Spec("outlet-b", "ASSAULT", "RUS", "UKR", date(2024, 6, 1)),
            Spec("outlet-b", "CONSULT", "UKR", "POL", date(2024, 6, 3)),
        ],
    )
    with duckdb.connect(str(path)) as con:
        update_clusters(con)
    with duckdb.connect(str(path), read_only=True) as con:
        series = analysis.dyad_series(con, "RUS", "UKR", by="day", clusters=True)
        assert series["events"].tolist() == [1]
        assert analysis.dyad_series(con, "RUS", "UKR", by="day")["events"].tolist() == [2]


def test_frame_rows_are_json_ready(con: duckdb.DuckDBPyConnection) -> None:
    rows = list(analysis.frame_rows(analysis.dyad_series(con, "GBR", "FRA", by="month")))
    assert rows[0]["period"] == "2024-03-01"
    assert json.loads(json.dumps(rows)) == rows


def test_plot_draws_each_direction_and_refuses_bad_input(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    frame = analysis.dyad_series(con, "GBR", "FRA", directed=True)
    analysis.plot_dyad(frame, tmp_path / "chart.svg", "GBR - FRA")
    svg = (tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "GBR → FRA" in svg and "FRA → GBR" in svg  # one panel per direction
    with pytest.raises(QueryError, match=r"\.png or \.svg"):
        analysis.plot_dyad(frame, tmp_path / "chart.pdf", "x")
    with pytest.raises(QueryError, match="nothing to plot"):
        analysis.plot_dyad(frame.iloc[0:0], tmp_path / "empty.png", "x")


# --- the commands ----------------------------------------------------------------------------


def _run(*args: str) -> Result:
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    else:
        runner = CliRunner()
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def _jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_events_command_filters(store: Path) -> None:
    result = _run(
        "events", "--db", str(store), "--dyad", "FRA", "GBR", "--since", "2024-03-06",
        "--until", "2024-03-31", "--format", "jsonl",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert [r["event_type"] for r in _jsonl(result.stdout)] == [
        "ACCUSE",
        "ASSAULT",
        "ASSAULT",
        "AID",
    ]
    typed = _run("events", "--db", str(store), "--type", "coerce", "--format", "csv")
    assert typed.exit_code == 0 and typed.stdout.count("\n") == 2  # header and one row
    bad = _run("events", "--db", str(store), "--dyad", "UK", "FRA")
    assert bad.exit_code == 2 and "'UK' is not an actor code" in bad.stderr


def test_dyad_command_table_csv_and_plot(store: Path, tmp_path: Path) -> None:
    table = _run("dyad", "GBR", "FRA", "--db", str(store), "--by", "month")
    assert table.exit_code == 0, table.stderr
    assert "GBR - FRA by month" in table.stdout and "2024-04-01" in table.stdout
    csv_out = _run("dyad", "GBR", "FRA", "--db", str(store), "--directed", "--format", "csv")
    header, *lines = csv_out.stdout.splitlines()
    assert header.startswith("period,source,target,events,verbal_coop")
    assert lines[0].startswith("2024-03-04,FRA,GBR,1,0,0,1,0")
    chart = tmp_path / "gbr-fra.png"
    plotted = _run("dyad", "GBR", "FRA", "--db", str(store), "--plot", str(chart), "-f", "jsonl")
    assert plotted.exit_code == 0, plotted.stderr
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"chart written to {chart}" in plotted.stderr
    unclustered = _run("dyad", "GBR", "FRA", "--db", str(store), "--clusters")
    assert unclustered.exit_code == 2 and "in no cluster yet" in unclustered.stderr


def test_actors_and_network_commands(store: Path) -> None:
    top = _run("actors", "--db", str(store), "--limit", "2", "--format", "jsonl")
    assert top.exit_code == 0, top.stderr
    assert [r["actor"] for r in _jsonl(top.stdout)] == ["FRA", "GBR"]
    net = _run("network", "--db", str(store), "--since", "2024-03-01", "--min-events", "2")
    assert net.exit_code == 0, net.stderr
    assert "dyads" in net.stdout and "RUS" not in net.stdout
    late = _run("network", "--db", str(store), "--since", "2024-05-01", "-f", "jsonl")
    assert [(r["source"], r["target"]) for r in _jsonl(late.stdout)] == [("GBR", "FRA")]


def _monthly_frame(months: int, coop: list[int], conflict: list[int]) -> Any:
    import pandas as pd

    zeros = [0] * months
    return pd.DataFrame(
        {
            "period": pd.date_range("2024-01-01", periods=months, freq="MS"),
            "verbal_coop": coop,
            "material_coop": zeros,
            "verbal_conflict": conflict,
            "material_conflict": zeros,
        }
    )


@pytest.mark.parametrize(
    "frame_args",
    [
        # the first month holds the most cooperation, where a legend in the corner would sit
        (6, [9, 1, 2, 1, 0, 3], [0, 2, 1, 3, 1, 0]),
        # few events over three months: fractional count ticks and weekly date ticks before
        (3, [1, 0, 1], [0, 1, 0]),
    ],
)
def test_plot_is_readable_legend_clear_line_on_top_whole_counts_month_ticks(
    frame_args: tuple[int, list[int], list[int]],
) -> None:
    """Issue 14: the legend covered the first bar, the net line hid behind the bars, the count
    axis showed 0.2, 0.4 and monthly bars got weekly ticks."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    months = frame_args[0]
    fig = analysis.dyad_figure(_monthly_frame(*frame_args), "GBR - FRA")
    try:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        ax = fig.axes[0]
        bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() != 0]
        legends = [*fig.legends, *([ax.get_legend()] if ax.get_legend() else [])]
        assert legends
        for legend in legends:
            box = legend.get_window_extent(renderer)
            assert not any(box.overlaps(b.get_window_extent(renderer)) for b in bars)
        net = ax.get_lines()[0]
        assert net.get_zorder() > max(b.get_zorder() for b in bars)
        assert net.get_marker() not in (None, "None", "")  # visible where it meets a bar top
        labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
        assert labels and all(label.lstrip("-−").isdigit() for label in labels), labels
        ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
        assert ticks == [f"2024-{m:02d}" for m in range(1, months + 1)]
    finally:
        plt.close(fig)


def test_an_earlier_act_without_a_day_is_not_counted_at_publication(tmp_path: Path) -> None:
    """'the general had ordered the arrest': an old act must not show as news in a series."""
    specs = [
        Spec("b1", "ACCUSE", "GBR", "FRA", date(2024, 3, 6)),
        Spec("b1", "ASSAULT", "GBR", "FRA", None, basis="earlier"),
        Spec("b1", "THREATEN", "GBR", "FRA", None),  # no date at all: the publication day
    ]
    path = build_store(tmp_path / "e.duckdb", specs, {"b1": date(2024, 3, 6)})
    with duckdb.connect(str(path), read_only=True) as connection:
        frame = analysis.dyad_series(connection, "GBR", "FRA", by="week")
        listed = analysis.events(connection, dyad=("GBR", "FRA"))
    assert list(frame["events"]) == [2]
    assert list(frame["verbal_conflict"]) == [2]
    assert list(frame["material_conflict"]) == [0]
    # Listed, without an analysis day, so an analyst still sees it.
    by_type = dict(zip(listed["event_type"], listed["day"], strict=True))
    assert set(by_type) == {"ACCUSE", "ASSAULT", "THREATEN"}
    assert by_type["ASSAULT"] is None or str(by_type["ASSAULT"]) in ("NaT", "None")
