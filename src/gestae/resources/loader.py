"""The one way gestae reads its YAML data files, so every mistake in them is reported alike.

Data files are edited by linguists, not programmers: a typo must fail at load with the file,
the line and the entry named (a `DataError`, which the CLI prints without a traceback), never
later as a wrong record. Usage:

    doc = load_data(package_data("contexts.yaml"))    # or load_data(Path("mine.yaml"))
    for name, words in doc.data.items():
        if not isinstance(words, list):
            raise doc.error("must be a list of lemmas", "contexts", at=(name,))

`doc.data` is what `yaml.safe_load` returns; `doc.line(*path)` is the 1-based line where the
entry at that path of mapping keys and list indexes starts (None when there is no such entry).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from gestae.errors import DataError

__all__ = ["DataError", "DataFile", "data_error", "load_data", "package_data", "parse_data"]

Key = str | int


def package_data(name: str) -> Traversable:
    """A data file shipped inside the gestae package (gestae/resources/data/)."""
    return resources.files("gestae.resources").joinpath("data", name)


def data_error(
    path: Path | str, problem: str, *, entry: str | None = None, line: int | None = None
) -> DataError:
    """The error for one problem, worded `file:line: entry: problem`."""
    where = Path(path).name if isinstance(path, Path) else path
    if line is not None:
        where += f":{line}"
    if entry:
        where += f": {entry}"
    return DataError(f"{where}: {problem}")


@dataclass(frozen=True)
class DataFile:
    """A parsed data file: its name (for messages), its data, and where each entry starts."""

    name: str
    data: Any
    lines: Mapping[tuple[Key, ...], int] = field(default_factory=dict)

    def line(self, *path: Key) -> int | None:
        """Line of the entry at `path` (mapping keys and list indexes from the top)."""
        return self.lines.get(tuple(k if isinstance(k, int) else str(k) for k in path))

    def error(
        self, problem: str, entry: str | None = None, *, at: tuple[Key, ...] | None = None
    ) -> DataError:
        """A `DataError` naming this file, the line of the entry at `at`, and `entry`."""
        line = self.line(*at) if at is not None else None
        return data_error(self.name, problem, entry=entry, line=line)

    def words(self, key: str) -> frozenset[str]:
        """The top-level list `key` as a word list: non-empty, lowercase, each word once."""
        words = self.data.get(key) if isinstance(self.data, dict) else None
        if not isinstance(words, list) or not words:
            raise self.error(f"'{key}' must be a non-empty list of words", at=(key,))
        bad = [w for w in words if not isinstance(w, str) or not w or w != w.lower()]
        if bad:
            raise self.error(f"'{key}' has entries that are not lowercase words: {bad}", at=(key,))
        twice = sorted({w for w in words if words.count(w) > 1})
        if twice:
            raise self.error(f"'{key}' lists {', '.join(twice)} more than once", at=(key,))
        return frozenset(words)


def parse_data(text: str, name: str) -> DataFile:
    """Parse YAML text that came from the file called `name`; syntax errors become DataError."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise data_error(name, f"not valid YAML: {exc}", line=line) from exc
    except yaml.YAMLError as exc:
        raise data_error(name, f"not valid YAML: {exc}") from exc
    finally:
        loader.dispose()
    lines: dict[tuple[Key, ...], int] = {}
    if node is not None:
        _collect_lines(node, (), lines, name)
    return DataFile(name, data, lines)


def load_data(source: Path | Traversable) -> DataFile:
    """Read and parse one data file; unreadable files and bad YAML become DataError."""
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise data_error(source.name, f"cannot read file: {exc}") from exc
    return parse_data(text, source.name)


def _collect_lines(
    node: yaml.Node, path: tuple[Key, ...], lines: dict[tuple[Key, ...], int], name: str
) -> None:
    """Record where every mapping value and list item starts (keys as written in the file).
    A key given twice in one mapping is an error: YAML would silently keep the later one."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                here = (*path, str(key.value))
                line = key.start_mark.line + 1
                if here in lines:
                    raise data_error(
                        name,
                        f"key {key.value!r} given twice (first on line {lines[here]})",
                        line=line,
                    )
                lines[here] = line
                _collect_lines(value, here, lines, name)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            here = (*path, index)
            lines[here] = item.start_mark.line + 1
            _collect_lines(item, here, lines, name)
