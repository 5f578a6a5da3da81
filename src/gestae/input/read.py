"""Read stage: articles from JSON Lines, text files, directories or stdin.

Anything that cannot be coded becomes a `Rejection` (file, line, id, reason category and
message) instead of an exception, so one bad record never ends a long run; anything coded after
a field was set aside produces a `Notice`. The rules, case by case, are in docs/input.md:

- a record needs a string `text` and, when given, a string or integer `id`; otherwise it is
  rejected. Unknown fields are ignored. Unusable metadata (`published`, `title`, `url`,
  `source`, `language`) is dropped with a notice and the article is still coded.
- text is cleaned (`gestae.input.clean`): HTML reduced to its text, entities decoded, NUL and other
  control characters removed. Offsets in the output refer to the cleaned text.
- in one run, an id is taken by the first article accepted with it; later ones are rejected.
- non-English articles are rejected (`gestae.input.language`); `Article.language` records the result.
- input is read line by line; a line or file over `MAX_ARTICLE_BYTES` is rejected unread.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import chain
from pathlib import Path
from typing import IO, Any

from gestae.input.clean import clean_text
from gestae.input.dateline import read_dateline
from gestae.input.language import check_language, declared_language
from gestae.input.rejects import Notice, Rejection
from gestae.schema import Article

__all__ = [
    "MAX_ARTICLE_BYTES",
    "Notice",
    "Rejection",
    "article_from_record",
    "parse_published",
    "read_inputs",
]

OPTIONAL_FIELDS = ("title", "url", "source", "language")
# A bound on one article (one JSONL line, one .txt file), so that a file with no line breaks
# cannot exhaust memory. Well above real news pages (the 5 MB stories of the spec pass).
MAX_ARTICLE_BYTES = 64 * 1024 * 1024
MAX_ID_CHARS = 1000
_SHOWN_CHARS = 60
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

NoticeSink = Callable[[Notice], None]


class InputRejected(ValueError):
    """Raised while validating one record; the reader turns it into a `Rejection`."""

    def __init__(self, category: str, message: str) -> None:
        super().__init__(message)
        self.category = category


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
            raise ValueError(f"published {_shown(value)} is not a YYYY-MM-DD date") from exc
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise ValueError(f"published {_shown(value)} is not a YYYY-MM-DD date") from exc


def article_from_record(
    record: Any,
    default_id: str,
    published: date | None = None,
    notes: list[tuple[str, str]] | None = None,
) -> Article:
    """Validate one JSON object into an Article with cleaned text.

    Raises `InputRejected` (a ValueError) with a category and readable message; problems that
    do not stop coding are appended to `notes` as (category, message)."""
    if not isinstance(record, dict):
        raise InputRejected("malformed", f"expected a JSON object, got {_kind(record)}")
    notes = notes if notes is not None else []
    text = record.get("text")
    if text is None:
        raise InputRejected("missing-text", "missing 'text'")
    if not isinstance(text, str):
        raise InputRejected("bad-field", f"'text' must be a string, not {_kind(text)}")
    if not text.strip():
        raise InputRejected("empty", "'text' is empty")
    if _SURROGATE_RE.search(text):
        raise InputRejected("encoding", "'text' holds an unpaired surrogate (\\ud800-\\udfff)")
    article_id = _article_id(record.get("id", default_id))
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise InputRejected(
            "empty", "'text' is empty once HTML markup and control characters are removed"
        )
    when = published
    if record.get("published") is not None:
        try:
            when = parse_published(record["published"]) or published
        except ValueError as exc:
            notes.append(("date", f"{exc}; coded without a publication date"))
            when = None
    extra: dict[str, str | None] = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is None or (isinstance(value, str) and not _SURROGATE_RE.search(value)):
            extra[name] = value
        else:
            extra[name] = None
            notes.append(("bad-field", f"'{name}' is not a valid string ({_kind(value)}); ignored"))
    if extra["title"]:
        extra["title"] = clean_text(extra["title"]).strip() or None
    return Article(id=article_id, text=cleaned, published=when, **extra)


def read_inputs(
    inputs: Iterable[str],
    published: date | None = None,
    stdin: IO[Any] | None = None,
    on_notice: NoticeSink | None = None,
    today: date | None = None,
) -> Iterator[Article | Rejection]:
    """Every article in the named files, directories and `-` (stdin), in a stable order.

    `published` is the date for articles that give none; an article still without one takes
    its dateline's date (a year-less dateline is placed up to `today`, by default the clock's
    day) or gets a "no-date" notice. An unusable date is reported and not replaced. Notices go to `on_notice` just before their article is
    yielded (nowhere when it is None)."""
    screen = _Screen()
    for item in _read_all(inputs, published, stdin):
        if isinstance(item, Rejection):
            yield item
            continue
        accepted = screen(item)
        given_badly = any(category == "date" for category, _ in item.notes)
        if isinstance(accepted, Article) and accepted.published is None and not given_badly:
            accepted = _date_from_dateline(accepted, item.notes, today)
        if isinstance(accepted, Article) and on_notice is not None:
            for category, message in item.notes:
                on_notice(Notice(item.source, item.line, message, category, accepted.id))
        yield accepted


def _date_from_dateline(
    article: Article, notes: list[tuple[str, str]], today: date | None
) -> Article:
    """The article with its dateline's date as publication date, or as it was with a
    "no-date" note (counted and explained once at the end of the run, not printed each)."""
    dateline = read_dateline(article.text, today)
    if dateline is None:
        notes.append(("no-date", "no publication date and no dateline"))
        return article
    notes.append(("dateline", dateline.note()))
    return replace(article, published=dateline.date)


# --------------------------------------------------------------------------------------
# Internals
# --------------------------------------------------------------------------------------


@dataclass
class _Read:
    """An article as read, before the run-wide checks (duplicate id, language)."""

    article: Article
    source: str
    line: int | None
    notes: list[tuple[str, str]] = field(default_factory=list)


class _Screen:
    """Run-wide checks. Ids are remembered as 8-byte digests to keep a million-article run
    small."""

    def __init__(self) -> None:
        self.seen: set[bytes] = set()

    def __call__(self, item: _Read) -> Article | Rejection:
        article = item.article
        key = hashlib.blake2b(article.id.encode("utf-8"), digest_size=8).digest()
        if key in self.seen:
            return Rejection(
                item.source,
                item.line,
                f"duplicate id {_shown(article.id)}: an earlier article of this run has it",
                "duplicate-id",
                article.id,
            )
        declared = declared_language(article.language) if article.language else None
        if declared is not None and declared != "en":
            return Rejection(
                item.source,
                item.line,
                f"language: {declared} (declared)",
                "language",
                article.id,
            )
        verdict = check_language(article.text)
        if not verdict.english:
            return Rejection(
                item.source, item.line, verdict.message(declared), "language", article.id
            )
        self.seen.add(key)
        return replace(article, language=verdict.language or declared)


def _read_all(
    inputs: Iterable[str], published: date | None, stdin: IO[Any] | None
) -> Iterator[_Read | Rejection]:
    for name in inputs:
        if name == "-":
            yield from _read_stream(stdin or sys.stdin, published)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix in (".jsonl", ".txt")
            )
            if not files:
                yield Rejection(name, None, "directory holds no .jsonl or .txt files", "file")
            for file in files:
                yield from _read_file(file, published)
        elif path.is_file():
            yield from _read_file(path, published)
        else:
            yield Rejection(name, None, "no such file or directory", "file")


def _read_file(path: Path, published: date | None) -> Iterator[_Read | Rejection]:
    if path.suffix == ".jsonl":
        try:
            with path.open("rb") as handle:
                yield from _read_jsonl(_bounded_lines(handle), str(path), published)
        except OSError as exc:
            yield Rejection(str(path), None, f"cannot read file ({exc.strerror})", "file")
    elif path.suffix == ".txt":
        yield _read_text_file(path, published)
    else:
        yield Rejection(str(path), None, "unsupported file type (use .jsonl or .txt)", "file")


def _bounded_lines(handle: IO[bytes]) -> Iterator[bytes | None]:
    """Lines of a binary stream; None for a line over the size limit, which is skipped
    without being held in memory."""
    while line := handle.readline(MAX_ARTICLE_BYTES + 1):
        if len(line) > MAX_ARTICLE_BYTES and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _read_jsonl(
    lines: Iterable[str | bytes | None], source: str, published: date | None
) -> Iterator[_Read | Rejection]:
    """Articles of a JSON Lines stream; bytes lines are decoded one by one as UTF-8."""
    stem = Path(source).stem
    any_content = False
    for number, raw in enumerate(lines, start=1):
        if raw is None:
            any_content = True
            yield Rejection(
                source, number, f"line longer than {MAX_ARTICLE_BYTES} bytes", "too-large"
            )
            continue
        if isinstance(raw, bytes):
            if number == 1 and raw.startswith(_UTF16_BOMS):
                yield Rejection(
                    source, None, "UTF-16 text (byte-order mark); convert it to UTF-8", "encoding"
                )
                return
            try:
                # A byte-order mark may open the first line of files saved by Windows tools.
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                any_content = True
                yield Rejection(source, number, f"invalid UTF-8 at byte {exc.start}", "encoding")
                continue
        else:
            line = raw.removeprefix("\ufeff") if number == 1 else raw
        del raw
        if not line.strip():
            continue
        any_content = True
        try:
            # strict=False: raw tabs and control bytes inside strings are common in scraped
            # text; they are cleaned from the text afterwards.
            record = json.loads(line, strict=False)
        except json.JSONDecodeError as exc:
            yield Rejection(source, number, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        except (ValueError, RecursionError) as exc:
            # Numbers past Python's digit limit, or arrays nested thousands deep.
            yield Rejection(source, number, f"invalid JSON ({_first_line(exc)})")
            continue
        del line  # only the parsed record is held from here on
        yield _from_record(record, source, number, f"{stem}:{number}", published)
        del record
    if not any_content:
        yield Rejection(source, None, "no articles (the input is empty)", "empty")


def _from_record(
    record: Any, source: str, number: int | None, default_id: str, published: date | None
) -> _Read | Rejection:
    notes: list[tuple[str, str]] = []
    try:
        article = article_from_record(record, default_id, published, notes)
    except InputRejected as exc:
        return Rejection(source, number, str(exc), exc.category, _known_id(record))
    return _Read(article, source, number, notes)


def _read_text_file(path: Path, published: date | None) -> _Read | Rejection:
    """One article per .txt file; `NAME.json` beside it may give published/title/url/source."""
    source = str(path)
    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            return Rejection(
                source, None, f"file larger than {MAX_ARTICLE_BYTES} bytes", "too-large"
            )
        data = path.read_bytes()
    except OSError as exc:
        return Rejection(source, None, f"cannot read file ({exc.strerror})", "file")
    text = _decode_whole(data, source)
    if isinstance(text, Rejection):
        return text
    del data
    meta: dict[str, Any] = {"id": path.stem, "text": text}
    notes: list[tuple[str, str]] = []
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        try:
            loaded = json.loads(sidecar.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError, RecursionError) as exc:
            loaded = None
            notes.append(("file", f"unreadable sidecar {sidecar.name} ({_first_line(exc)})"))
        if isinstance(loaded, dict):
            meta.update({k: v for k, v in loaded.items() if k != "text"})
        elif loaded is not None:
            notes.append(("file", f"sidecar {sidecar.name} is not a JSON object; ignored"))
    try:
        article = article_from_record(meta, path.stem, published, notes)
    except InputRejected as exc:
        return Rejection(source, None, str(exc), exc.category, _known_id(meta))
    return _Read(article, source, None, notes)


def _read_stream(stream: IO[Any], published: date | None) -> Iterator[_Read | Rejection]:
    """Stdin holds JSON Lines when its first non-blank line starts with "{", otherwise one
    plain-text article. Read as bytes when possible, so a bad byte rejects only its line."""
    name = "<stdin>"
    binary = getattr(stream, "buffer", None)
    lines: Iterator[str | bytes | None] = (
        _bounded_lines(binary) if binary is not None else iter(stream.readline, "")
    )
    head: list[str | bytes | None] = []
    for line in lines:
        head.append(line)
        if line is None or _text_of(line, len(head) == 1).strip():
            break
    first = head[-1] if head else None
    if first is None or _text_of(first, len(head) == 1).lstrip().startswith("{"):
        yield from _read_jsonl(chain(head, lines), name, published)
        return
    parts: list[str | bytes | None] = [*head, *lines]
    if any(p is None for p in parts) or sum(len(p or "") for p in parts) > MAX_ARTICLE_BYTES:
        yield Rejection(name, None, f"input larger than {MAX_ARTICLE_BYTES} bytes", "too-large")
        return
    if isinstance(first, bytes):
        text = _decode_whole(b"".join(p for p in parts if isinstance(p, bytes)), name)
        if isinstance(text, Rejection):
            yield text
            return
    else:
        text = "".join(p for p in parts if isinstance(p, str))
    yield _from_record({"id": "stdin", "text": text}, name, None, "stdin", published)


def _text_of(line: str | bytes, first: bool) -> str:
    """A line as text, only to decide what stdin holds (bad bytes are judged later)."""
    text = line.decode("utf-8", "replace") if isinstance(line, bytes) else line
    return text.removeprefix("\ufeff") if first else text


def _decode_whole(data: bytes, source: str) -> str | Rejection:
    if data.startswith(_UTF16_BOMS):
        return Rejection(
            source, None, "UTF-16 text (byte-order mark); convert it to UTF-8", "encoding"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejection(
            source, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})", "encoding"
        )


def _article_id(raw: Any) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise InputRejected("bad-field", f"'id' must be a string or integer, not {_kind(raw)}")
    article_id = str(raw)
    if not article_id.strip():
        raise InputRejected("bad-field", "'id' is empty")
    if len(article_id) > MAX_ID_CHARS:
        raise InputRejected("bad-field", f"'id' is longer than {MAX_ID_CHARS} characters")
    if _SURROGATE_RE.search(article_id) or _CONTROL_RE.search(article_id):
        raise InputRejected("bad-field", "'id' holds control characters or unpaired surrogates")
    return article_id


def _known_id(record: Any) -> str | None:
    """The id of a rejected record, when it has a usable one (for the rejects file)."""
    if not isinstance(record, dict):
        return None
    try:
        return _article_id(record.get("id"))
    except InputRejected:
        return None


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _shown(value: str) -> str:
    """A value quoted in a message, shortened: messages must stay one readable line."""
    text = value if len(value) <= _SHOWN_CHARS else value[: _SHOWN_CHARS - 1] + "…"
    return "'" + _CONTROL_RE.sub(" ", _SURROGATE_RE.sub("\ufffd", text)) + "'"


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]
