"""Reading actor dictionary files: YAML with the line of every entry, and the checks that
make every mistake name its file, line and entry."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import yaml

from gestae.errors import DataFileError
from gestae.resources.actor_entries import KINDS, PSEUDO_COUNTRIES, SECTORS, valid_country


class _LineLoader(yaml.CSafeLoader):
    """Safe loader that records each mapping's line and rejects duplicate mapping keys."""


LINE_KEY = "__line__"


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    mapping = dict(yaml.SafeLoader.construct_mapping(loader, node, deep=True))
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    # An impossible date such as 2019-02-30 stays a string so validation can name its line.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def read_yaml(path: Path) -> dict[str, Any]:
    """A dictionary file's sections, each mapping with its line under LINE_KEY."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read actor dictionary: {exc.strerror}") from exc
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise DataFileError(f"{where}: invalid YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: invalid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: expected a mapping of sections at the top level")
    return data


# ---------------------------------------------------------------------------------------------
# Validation helpers: each raises DataFileError naming file, line and entry


class YamlEntry:
    """One YAML entry with the context needed for error messages."""

    def __init__(
        self,
        file: str,
        section: str,
        index: int,
        raw: Any,
        allowed: set[str],
        parent: YamlEntry | None = None,
    ) -> None:
        self.parent = parent
        self.file = file
        self.section = section
        self.index = index
        if not isinstance(raw, dict):
            raise DataFileError(f"{file}: {section} entry {index}: expected a mapping, got {raw!r}")
        self.line: int = raw.get(LINE_KEY, 0)
        self.raw = {k: v for k, v in raw.items() if k != LINE_KEY}
        unknown = sorted(str(k) for k in self.raw if k not in allowed)
        if unknown:
            self.fail(
                f"unknown key(s) {', '.join(unknown)} (allowed: {', '.join(sorted(allowed))})"
            )

    @property
    def source(self) -> str:
        return f"{self.file}:{self.line}"

    def label(self) -> str:
        if self.parent is not None:
            return self.parent.label()
        for field in ("name", "id", "country", "sector"):
            value = self.raw.get(field)
            if isinstance(value, str):
                return f"{self.section} entry {self.index} ({value!r})"
        names = self.raw.get("names")
        if isinstance(names, list) and names:
            return f"{self.section} entry {self.index} ({names[0]!r})"
        return f"{self.section} entry {self.index}"

    def fail(self, problem: str) -> NoReturn:
        raise DataFileError(f"{self.file}:{self.line}: {self.label()}: {problem}")

    def text(self, field: str, required: bool = False) -> str | None:
        value = self.raw.get(field)
        if value is None:
            if required:
                self.fail(f"missing required key '{field}'")
            return None
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.fail(f"'{field}' must be text, got {value!r}")
        text = str(value).strip()
        if not text:
            self.fail(f"'{field}' is empty")
        return text

    def req(self, field: str) -> str:
        value = self.text(field, required=True)
        assert value is not None
        return value

    def texts(self, field: str, required: bool = False) -> list[str]:
        value = self.raw.get(field)
        if value is None:
            if required:
                self.fail(f"missing required key '{field}'")
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(v, str | int) and not isinstance(v, bool) and str(v).strip() for v in value
        ):
            self.fail(f"'{field}' must be a list of non-empty texts, got {value!r}")
        return [str(v).strip() for v in value]

    def flag(self, field: str, default: bool) -> bool:
        value = self.raw.get(field, default)
        if not isinstance(value, bool):
            self.fail(f"'{field}' must be true or false, got {value!r}")
        return bool(value)

    def country(self, field: str = "country", required: bool = False) -> str | None:
        code = self.text(field, required)
        if code is not None:
            self.check_country(code, field)
        return code

    def check_country(self, code: str, field: str = "country") -> None:
        if not valid_country(code):
            self.fail(
                f"unknown country code {code!r} in '{field}' (use ISO 3166-1 alpha-3, KOS, or "
                f"one of {', '.join(sorted(PSEUDO_COUNTRIES))})"
            )

    def sector(self, field: str = "sector", required: bool = False) -> str | None:
        code = self.text(field, required)
        if code is not None:
            self.check_sector(code, field)
        return code

    def check_sector(self, code: str, field: str = "sector") -> None:
        if code not in SECTORS:
            self.fail(
                f"unknown sector code {code!r} in '{field}' (known: {' '.join(sorted(SECTORS))})"
            )

    def kind(self, default: str) -> str:
        kind = self.text("kind") or default
        if kind not in KINDS:
            self.fail(f"unknown kind {kind!r} (use one of {', '.join(sorted(KINDS))})")
        return kind

    def wikidata(self) -> str | None:
        qid = self.text("wikidata")
        if qid is not None and not re.fullmatch(r"Q[1-9][0-9]*", qid):
            self.fail(f"'wikidata' must look like Q42, got {qid!r}")
        return qid

    def day(self, raw: Any, field: str, where: str = "") -> date:
        if isinstance(raw, date):
            return raw
        if isinstance(raw, str):
            try:
                return date.fromisoformat(raw)
            except ValueError:
                pass
        self.fail(f"{where}'{field}' must be an ISO date (YYYY-MM-DD), got {raw!r}")

    def ambiguous(self) -> list[tuple[str, str | None]]:
        """Parse `ambiguous: [EUR IGO, BEL GOV]` into (country, sector) readings, default first."""
        readings: list[tuple[str, str | None]] = []
        for item in self.texts("ambiguous"):
            parts = item.split()
            if len(parts) > 2:
                self.fail(f"'ambiguous' items are 'CODE' or 'CODE SECTOR', got {item!r}")
            self.check_country(parts[0], "ambiguous")
            sector = parts[1] if len(parts) == 2 else None
            if sector is not None:
                self.check_sector(sector, "ambiguous")
            readings.append((parts[0], sector))
        return readings


def section_entries(data: Mapping[str, Any], name: str, file: str) -> list[Any]:
    """The raw entries of one section ([] when the file lacks it)."""
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise DataFileError(f"{file}: section '{name}' must be a list of entries")
    return value
