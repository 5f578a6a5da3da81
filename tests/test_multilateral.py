"""A mutual act of three or more parties is coded as its directed pairs (docs/contract.md), so
every dyad tool finds each pair: `dyad`, `network`, the exports and the clusters."""

from __future__ import annotations

import csv
import itertools
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gestae.query import analysis
from gestae.query.analysis import Filters
from gestae.query.export import export
from gestae.schema import Article, EventRecord
from gestae.store.cluster import update_clusters
from gestae.store.database import EventStore

MEETING = "The foreign ministers of Chile, Peru and Bolivia met in Lima on Monday."
TALKS = "Ghana and Togo held talks in Accra on Monday."
PARTIES = ("CHL", "PER", "BOL")
PUBLISHED = date(2024, 5, 15)


def _code(coder: Any, article_id: str, text: str) -> tuple[Article, list[EventRecord]]:
    article = Article(id=article_id, text=text, published=PUBLISHED, source=article_id)
    return article, [r for r in coder.code(article) if r.kind == "event"]


@pytest.fixture(scope="module")
def meeting(coder: Any) -> list[EventRecord]:
    return _code(coder, "m1", MEETING)[1]


@pytest.fixture(scope="module")
def store(coder: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two outlets report the same meeting; a third article reports two-party talks."""
    path = tmp_path_factory.mktemp("multilateral") / "s.duckdb"
    with EventStore(path) as opened:
        for article_id, text in (("m1", MEETING), ("m2", MEETING), ("t1", TALKS)):
            opened.write(*_code(coder, article_id, text))
        update_clusters(opened.con)
    return path


def _dyad(record: EventRecord) -> tuple[str | None, str | None]:
    return (
        record.source.country if record.source else None,
        record.target.country if record.target else None,
    )


def test_three_parties_give_six_directed_pairs_in_one_group(meeting: list[EventRecord]) -> None:
    assert sorted(_dyad(r) for r in meeting) == sorted(itertools.permutations(PARTIES, 2))
    assert {r.event_type for r in meeting} == {"CONSULT"}
    assert {r.mode for r in meeting} == {"multilateral"}
    assert len({r.group for r in meeting}) == 1 and meeting[0].group is not None
    assert len({r.id for r in meeting}) == 6


def test_two_parties_are_unchanged(coder: Any) -> None:
    talks = _code(coder, "t1", TALKS)[1]
    assert sorted(_dyad(r) for r in talks) == [("GHA", "TGO"), ("TGO", "GHA")]
    assert all("record.multilateral-pairs" not in r.rules for r in talks)


def test_dyad_finds_every_pair(store: Path) -> None:
    with EventStore(store, read_only=True) as opened:
        for a, b in itertools.combinations(PARTIES, 2):
            both = analysis.dyad_series(opened.con, a, b, by="day")
            assert both["events"].sum() == 4, (a, b)  # two reports, each way
            clustered = analysis.dyad_series(opened.con, a, b, by="day", clusters=True)
            assert clustered["events"].sum() == 2, (a, b)  # one real meeting, each way
            directed = analysis.dyad_series(opened.con, a, b, by="day", directed=True)
            assert set(directed[directed["events"] > 0]["source"]) == {a, b}


def test_network_counts_each_pair_once_per_report(store: Path) -> None:
    with EventStore(store, read_only=True) as opened:
        edges = analysis.network(opened.con, clusters=True)
    counts = {(r.source, r.target): r.events for r in edges.itertuples()}
    for pair in itertools.permutations(PARTIES, 2):
        assert counts[pair] == 1, pair
    assert counts[("GHA", "TGO")] == counts[("TGO", "GHA")] == 1


def test_a_groups_reports_cluster_pair_by_pair(store: Path) -> None:
    """Each directed pair of one outlet's meeting joins the same pair of the other outlet's."""
    with EventStore(store, read_only=True) as opened:
        rows = opened.con.execute(
            "SELECT ce.cluster_id, e.article_id, e.source_country, e.target_country "
            "FROM cluster_events ce JOIN events e ON e.id = ce.event_id "
            "WHERE e.article_id IN ('m1', 'm2')"
        ).fetchall()
    clusters: dict[str, set[tuple[str, str, str]]] = {}
    for cluster, article, source, target in rows:
        clusters.setdefault(cluster, set()).add((article, source, target))
    assert len(clusters) == 6
    for members in clusters.values():
        assert {a for a, _, _ in members} == {"m1", "m2"}
        assert len({(s, t) for _, s, t in members}) == 1


@pytest.mark.parametrize("fmt", ["gdelt", "plover", "csv"])
def test_exports_write_one_row_per_pair(store: Path, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    with EventStore(store, read_only=True) as opened:
        written = export(opened.con, fmt, path, Filters(dyad=("CHL", "BOL")))
    assert written == 4
    text = path.read_text(encoding="utf-8")
    if fmt == "plover":
        links = {json.loads(line)["link"] for line in text.splitlines()}
        assert len(links) == 2  # each report's group
    elif fmt == "csv":
        assert len(list(csv.DictReader(text.splitlines()))) == 4


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan and Ugandan troops patrolled near Lake Victoria on Monday.",
        "Malian and Nigerien soldiers launched an offensive against the jihadists on Friday.",
    ],
)
def test_acts_done_side_by_side_are_not_mutual(coder: Any, text: str) -> None:
    """Two forces patrolling or attacking together each act; neither acts on the other, so
    no record makes one the target of the other (only cooperation is mutual by its type)."""
    records = _code(coder, "side", text)[1]
    assert records, f"expected events from {text!r}"
    sides = {r.source.country for r in records if r.source}
    assert len(sides) == 2
    hostile = [r for r in records if r.event_type != "COOPERATE"]
    assert not any(r.target and r.target.country in sides for r in hostile), [
        (r.event_type, r.source and r.source.country, r.target and r.target.country)
        for r in records
    ]


def test_mutual_partners_are_not_given_the_country_of_their_war(coder: Any) -> None:
    """record.mutual-partners: two states cooperating in a war act on each other, not on the
    state the war is named after."""
    records = coder.code(
        Article(id="t", text="Kenya and Uganda are cooperating closely in the Somali war.")
    )
    pairs = {(r.source.country, r.target.country) for r in records if r.source and r.target}
    assert pairs == {("KEN", "UGA"), ("UGA", "KEN")}


def test_one_doer_with_a_named_partner_is_no_mutual_partner_case(coder: Any) -> None:
    """A single source with its 'with' partner keeps its own frame: the rule does not fire."""
    records = coder.code(
        Article(id="t", text="Kenya is cooperating with Uganda in the Somali war.")
    )
    assert records and all("record.mutual-partners" not in r.rules for r in records)
