"""Output formats: JSON Lines (the contract), flat CSV, and a readable table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from gestae.model import EventRecord

# Contract fields copied as they are into a flat row.
DIRECT_FIELDS = (
    "id", "kind", "article_id", "published", "sentence_index", "event_type", "mode", "cameo",
    "quad_class", "intensity", "goldstein", "negated", "modality", "fatalities", "injured",
    "confidence", "group", "sentence", "explanation",
)  # fmt: skip
# Nested fields spread over several columns.
NESTED_COLUMNS = (
    "source_country", "source_sector", "source_name", "source_text", "target_country",
    "target_sector", "target_name", "target_text", "trigger", "date", "date_end",
    "date_granularity", "date_basis", "location_name", "location_country", "location_lat",
    "location_lon", "location_precision", "reported_by", "contexts",
)  # fmt: skip
FLAT_COLUMNS = DIRECT_FIELDS + NESTED_COLUMNS


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One flat row per record, for CSV, DuckDB and spreadsheets."""
    row: dict[str, Any] = {k: record.get(k) for k in DIRECT_FIELDS}
    for role in ("source", "target"):
        actor = record.get(role) or {}
        for key in ("country", "sector", "name", "text"):
            row[f"{role}_{key}"] = actor.get(key)
    trigger = record.get("trigger") or {}
    row["trigger"] = trigger.get("text")
    when = record.get("date") or {}
    row["date"] = when.get("value")
    row["date_end"] = when.get("end")
    row["date_granularity"] = when.get("granularity")
    row["date_basis"] = when.get("basis")
    place = record.get("location") or {}
    row["location_name"] = place.get("name")
    row["location_country"] = place.get("country")
    row["location_lat"] = place.get("lat")
    row["location_lon"] = place.get("lon")
    row["location_precision"] = place.get("precision")
    reporter = record.get("reported_by")
    row["reported_by"] = _label(reporter) if reporter else None
    row["contexts"] = ";".join(record.get("contexts") or [])
    return row


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[dict[str, Any]], out: TextIO, header: bool = True) -> int:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, extrasaction="ignore")
    if header:
        writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(flatten(record))
        count += 1
    return count


def _label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    code = " ".join(p for p in (actor.get("country"), actor.get("sector")) if p)
    name = actor.get("name")
    if code and name and name not in code:
        return f"{code} ({name})"
    return code or f'"{actor.get("text")}"'


def render_table(records: Iterable[dict[str, Any]], console: Console, title: str) -> int:
    """A compact table for reading events in a terminal (JSON Lines is for machines)."""
    table = Table(title=title, expand=False, pad_edge=False)
    table.add_column("date", style="cyan", no_wrap=True)
    table.add_column("event", style="bold", no_wrap=True)
    table.add_column("source", style="green")
    table.add_column("target", style="magenta")
    table.add_column("where")
    table.add_column("trigger", style="yellow")
    table.add_column("conf", justify="right", no_wrap=True)
    count = 0
    for record in records:
        count += 1
        when = (record.get("date") or {}).get("value") or "?"
        if (record.get("date") or {}).get("basis") == "publication":
            when += "*"
        place = record.get("location") or {}
        where = place.get("name") or ""
        if place.get("country") and where:
            where += f" ({place['country']})"
        if record.get("event_type"):
            event = f"{record['event_type']} {record.get('cameo') or ''}".strip()
        else:
            event = "incident"
        extras = [record.get("mode") or ""]
        if record.get("fatalities"):
            extras.append(f"{record['fatalities']} dead")
        if record.get("injured"):
            extras.append(f"{record['injured']} injured")
        if record.get("modality") not in (None, "asserted"):
            extras.append(str(record["modality"]))
        if record.get("negated"):
            extras.append("negated")
        detail = ", ".join(e for e in extras if e)
        if detail:
            event += f"\n[dim]{detail}[/dim]"
        table.add_row(
            when,
            event,
            _label(record.get("source")),
            _label(record.get("target")),
            where,
            (record.get("trigger") or {}).get("text", ""),
            f"{record.get('confidence', 0):.2f}",
        )
    console.print(table)
    console.print("[dim]* date taken from the publication date (the sentence gives none)[/dim]")
    return count


def as_dicts(records: Iterable[EventRecord]) -> Iterable[dict[str, Any]]:
    """Records in the output contract, lazily (for writers that take dicts)."""
    for record in records:
        yield record.to_dict()
