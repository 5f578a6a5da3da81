"""The output-format registry: every format writes what its ordinary reader reads back."""

from __future__ import annotations

import csv
import io
import json
import typing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from gestae.cli.options import Format as TerminalFormat
from gestae.query.export import EXPORT_FORMATS, GDELT_COLUMNS, export
from gestae.query.formats import FORMATS, render_table
from gestae.store.database import EventStore
from gestae.web.params import ExportParams
from tests.synthetic_store import Spec, build_store, record

SPECS = [
    Spec("f1", "CONSULT", "NOR", "CHL", date(2025, 1, 7)),
    Spec("f1", "ACCUSE", "CHL", "NOR", date(2025, 1, 8)),
    Spec("f2", "AID", "JPN", "PER", None),
]
PUBLISHED = {"f1": date(2025, 1, 9), "f2": date(2025, 1, 10)}


def _records() -> list[dict[str, Any]]:
    return [record(spec, i, PUBLISHED[spec.article]).to_dict() for i, spec in enumerate(SPECS)]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("formats") / "s.duckdb", SPECS, PUBLISHED)


def _exported(store: Path, name: str, tmp_path: Path) -> Path:
    path = tmp_path / f"out.{FORMATS[name].extension}"
    with EventStore(store, read_only=True) as opened:
        assert export(opened.con, name, path) > 0
    return path


def _read_back(name: str, store: Path, tmp_path: Path) -> list[dict[str, Any]]:
    """Rows as the format's usual reader sees them, each with an `event` (its type)."""
    fmt = FORMATS[name]
    if fmt.write is not None:  # a record format: written from records, in memory
        out = io.StringIO()
        fmt.write(_records(), out, True)
        text = out.getvalue()
        if name == "jsonl":
            return [{"event": json.loads(line)["event_type"]} for line in text.splitlines()]
        return [{"event": row["event_type"]} for row in csv.DictReader(io.StringIO(text))]
    if name == "table":
        console = Console(file=io.StringIO(), width=200)
        render_table(_records(), console, "three events")
        shown = console.file.getvalue()  # type: ignore[attr-defined]
        return [{"event": spec.event_type} for spec in SPECS if str(spec.event_type) in shown]
    path = _exported(store, name, tmp_path)
    if name == "plover":
        lines = path.read_text(encoding="utf-8").splitlines()
        return [{"event": json.loads(line)["event"][0]} for line in lines]
    if name == "gdelt":
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t"))
        assert {len(row) for row in rows} == {len(GDELT_COLUMNS)}
        codes = {"040": "CONSULT", "112": "ACCUSE", "070": "AID"}
        return [{"event": codes[row[GDELT_COLUMNS.index("EventCode")]]} for row in rows]
    import pyarrow.parquet as pq

    return [{"event": value} for value in pq.read_table(path).column("event_type").to_pylist()]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_reads_back(name: str, store: Path, tmp_path: Path) -> None:
    rows = _read_back(name, store, tmp_path)
    assert sorted(r["event"] for r in rows) == sorted(str(s.event_type) for s in SPECS)


def test_every_offered_name_is_registered() -> None:
    web = typing.get_args(ExportParams.model_fields["format"].annotation)
    offered = {*(f.value for f in TerminalFormat), *EXPORT_FORMATS, *web}
    assert offered == set(FORMATS)
    assert all(FORMATS[name].write is not None for name in web)  # downloads stream records


def test_streaming_and_content_types() -> None:
    assert {n for n, f in FORMATS.items() if not f.streams} == {"table", "parquet"}
    assert FORMATS["csv"].content_type == "text/csv" and FORMATS["csv"].extension == "csv"
    assert FORMATS["jsonl"].content_type == "application/x-ndjson"
    assert [n for n, f in FORMATS.items() if f.binary] == ["parquet"]


def test_csv_header_only_on_the_first_part() -> None:
    out = io.StringIO()
    records = _records()
    write = FORMATS["csv"].write
    assert write is not None
    write(records[:1], out, True)
    write(records[1:], out, False)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["article_id"] for r in rows] == ["f1", "f1", "f2"]
