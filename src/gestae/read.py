"""Read stage: articles from JSON Lines, text files, directories or stdin.

A line or file that cannot be read becomes a `Rejection` (with file, line and reason) instead of
an exception, so one bad record never ends a long run.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from gestae.model import Article

OPTIONAL_FIELDS = ("title", "url", "source", "language")


@dataclass(frozen=True)
class Rejection:
    """An input that was skipped, and why."""

    source: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: skipped: {self.reason}"


def parse_published(value: Any) -> date | None:
    """Accept "2021-11-28", "2021-11-28 20:30:26Z" and ISO datetimes; None when unusable."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"published must be a date string, not {type(value).__name__}")
    text = value.strip()
    if len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"published '{value}' is not a YYYY-MM-DD date") from exc
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise ValueError(f"published '{value}' is not a YYYY-MM-DD date") from exc


def article_from_record(record: Any, default_id: str, published: date | None = None) -> Article:
    """Validate one JSON object into an Article; raises ValueError with a readable reason."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("missing 'text'" if text is None else "'text' must be a string")
    if not text.strip():
        raise ValueError("'text' is empty")
    raw_id = record.get("id", default_id)
    if not isinstance(raw_id, str | int) or isinstance(raw_id, bool) or str(raw_id) == "":
        raise ValueError("'id' must be a non-empty string or integer")
    when = parse_published(record["published"]) if "published" in record else published
    extra: dict[str, str | None] = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        extra[name] = value if isinstance(value, str) else None
    return Article(id=str(raw_id), text=text, published=when or published, **extra)


def read_jsonl(
    lines: Iterable[str | bytes], source: str, published: date | None = None
) -> Iterator[Article | Rejection]:
    """Articles of a JSON Lines stream; bytes lines are decoded one by one as UTF-8."""
    stem = Path(source).stem
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                # A byte-order mark may open the first line of files saved by Windows tools.
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield Rejection(source, number, f"invalid UTF-8 at byte {exc.start}")
                continue
        else:
            line = raw
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            yield article_from_record(record, f"{stem}:{number}", published)
        except json.JSONDecodeError as exc:
            yield Rejection(source, number, f"invalid JSON ({exc.msg} at column {exc.colno})")
        except ValueError as exc:
            yield Rejection(source, number, str(exc))


def read_text_file(path: Path, published: date | None = None) -> Article | Rejection:
    """One article per .txt file; `NAME.json` beside it may give published/title/url/source."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return Rejection(str(path), None, f"not UTF-8 text ({exc.reason} at byte {exc.start})")
    except OSError as exc:
        return Rejection(str(path), None, f"cannot read file ({exc.strerror})")
    meta: dict[str, Any] = {"id": path.stem, "text": text}
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        try:
            loaded = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            return Rejection(str(sidecar), None, f"unreadable sidecar metadata ({exc})")
        if isinstance(loaded, dict):
            meta.update({k: v for k, v in loaded.items() if k != "text"})
    try:
        return article_from_record(meta, path.stem, published)
    except ValueError as exc:
        return Rejection(str(path), None, str(exc))


def read_stream(
    stream: TextIO, published: date | None, name: str = "<stdin>"
) -> Iterator[Article | Rejection]:
    """Stdin holds JSON Lines when it starts with "{", otherwise one plain-text article."""
    data = stream.read()
    if data.lstrip().startswith("{"):
        # split on "\n" only: str.splitlines() also breaks at U+2028, U+0085 and other
        # characters that JSON allows unescaped inside strings.
        yield from read_jsonl(data.split("\n"), name, published)
    elif data.strip():
        yield Article(id="stdin", text=data, published=published)
    else:
        yield Rejection(name, None, "no input on stdin")


def read_inputs(
    inputs: Iterable[str], published: date | None = None, stdin: TextIO | None = None
) -> Iterator[Article | Rejection]:
    """Every article in the named files, directories and `-` (stdin), in a stable order."""
    for name in inputs:
        if name == "-":
            yield from read_stream(stdin or sys.stdin, published)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix in (".jsonl", ".txt")
            )
            if not files:
                yield Rejection(name, None, "directory holds no .jsonl or .txt files")
            for file in files:
                yield from _read_file(file, published)
        elif path.is_file():
            yield from _read_file(path, published)
        else:
            yield Rejection(name, None, "no such file or directory")


def _read_file(path: Path, published: date | None) -> Iterator[Article | Rejection]:
    if path.suffix == ".jsonl":
        try:
            with path.open("rb") as handle:
                yield from read_jsonl(handle, str(path), published)
        except OSError as exc:
            yield Rejection(str(path), None, f"cannot read file ({exc.strerror})")
    elif path.suffix == ".txt":
        yield read_text_file(path, published)
    else:
        yield Rejection(str(path), None, "unsupported file type (use .jsonl or .txt)")
