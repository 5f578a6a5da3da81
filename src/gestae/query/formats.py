"""Output formats: JSON Lines (the contract), flat CSV, a readable table, and the registry of
every format a command, a download or an export can write (`FORMATS`).

Each place that offers formats (`gestae code`, `gestae events`, `gestae export`, the web
downloads) accepts its own list of names but looks each one up here, so a format's writer,
content type and file extension are decided once.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from gestae.schema import FLAT_COLUMNS, EventRecord, actor_label, flatten

# Characters JSON may hold raw but `str.splitlines` (and so many line readers) splits at; JSON
# already escapes the other line breaks, which are control characters.
_LINE_BREAKS_IN_JSON = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"})


def json_line(value: Any) -> str:
    """One JSON Lines line: UTF-8 text as it is, except characters that some readers take for
    the end of the line, written as JSON escapes (the same text once parsed)."""
    return json.dumps(value, ensure_ascii=False).translate(_LINE_BREAKS_IN_JSON) + "\n"


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json_line(record))
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
    count = from_publication = 0
    for record in records:
        count += 1
        when = (record.get("date") or {}).get("value") or "?"
        if (record.get("date") or {}).get("basis") == "publication":
            when += "*"
            from_publication += 1
        place = record.get("location") or {}
        where = place.get("name") or ""
        if place.get("precision") == "unresolved":
            where += " [dim](not in the gazetteer)[/dim]"
        elif where and place.get("country"):
            state = place.get("admin1")
            inside = [state] if state and state != where and place.get("admin1_code") else []
            where += f" ({', '.join([*inside, place['country']])})"
        if record.get("event_type"):
            event = f"{record['event_type']} {record.get('cameo') or ''}".strip()
        elif record.get("kind") == "statement":
            event = f"statement {record.get('cameo') or ''}".strip()
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
            actor_label(record.get("source")),
            actor_label(record.get("target")),
            where,
            (record.get("trigger") or {}).get("text", ""),
            f"{record.get('confidence', 0):.2f}",
        )
    console.print(table)
    if from_publication:  # the footnote only where a row carries the mark
        console.print("[dim]* date taken from the publication date (the sentence gives none)[/dim]")
    return count


# Writes records (dicts in the output contract) to a text stream and returns how many it wrote;
# `header` is false for a stream's later parts (only CSV has a header to leave out).
RecordWriter = Callable[[Iterable[dict[str, Any]], TextIO, bool], int]


@dataclass(frozen=True)
class Format:
    """One output format: how records are written, and how a download announces it."""

    name: str
    content_type: str
    extension: str
    # True: records are written as they come, so output can start before the last article is
    # coded; False: the whole result is needed first (a table's column widths, a Parquet file).
    streams: bool
    # None for the formats only `gestae.query.export` writes, from a store: PLOVER JSON and
    # GDELT need each article's metadata, Parquet the store's typed columns; and for the table,
    # which is drawn on a terminal (`render_table`), not written to a stream.
    write: RecordWriter | None = None
    binary: bool = False  # written to a file path, never to a text stream


def _write_jsonl(records: Iterable[dict[str, Any]], out: TextIO, header: bool) -> int:
    return write_jsonl(records, out)


def _write_csv(records: Iterable[dict[str, Any]], out: TextIO, header: bool) -> int:
    return write_csv(records, out, header=header)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("jsonl", "application/x-ndjson", "jsonl", streams=True, write=_write_jsonl),
        Format("csv", "text/csv", "csv", streams=True, write=_write_csv),
        Format("table", "text/plain", "txt", streams=False),
        Format("plover", "application/x-ndjson", "jsonl", streams=True),
        Format("gdelt", "text/tab-separated-values", "tsv", streams=True),
        Format("parquet", "application/vnd.apache.parquet", "parquet", streams=False, binary=True),
    )
}


def as_dicts(records: Iterable[EventRecord]) -> Iterable[dict[str, Any]]:
    """Records in the output contract, lazily (for writers that take dicts)."""
    for record in records:
        yield record.to_dict()
