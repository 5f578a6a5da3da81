"""What happened to every input that was not coded as given: the run's rejection report.

A long run must not die on one bad article, and must not drop anything silently either. Each
input that is skipped becomes a `Rejection`; an input that is coded after something was set
aside (an unusable date, a non-string title) becomes a `Notice`. `InputReport` prints both as
they happen, writes them to the `--rejects` file (one JSON object per line) and sums them up by
category at the end; its `exit_code` is the command's exit status.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape

__all__ = ["CATEGORIES", "InputReport", "Notice", "Rejection"]

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2

# Reason categories, as written in the rejects file (docs/input.md explains each).
CATEGORIES = (
    "malformed",  # not JSON, or not a JSON object
    "encoding",  # not UTF-8, or an unpaired surrogate escape
    "missing-text",  # no "text" field
    "bad-field",  # a field of the wrong type or form ("text" a number, "id" a list)
    "empty",  # nothing to code: empty text, empty file, no stdin
    "duplicate-id",  # an earlier article of the run has this id
    "language",  # not English (detected or declared)
    "too-large",  # over the reader's size limit
    "file",  # missing, unreadable or unsupported file; bad sidecar
    "date",  # (notice) "published" unusable: coded without a publication date
    "dateline",  # (notice) no publication date given: the dateline's date is used
    "no-date",  # (notice) no publication date and no dateline: counted, explained once
)
# The notice so common in some inputs (a directory of plain text files) that it is only
# counted: one line at the end of the run says it for all articles.
UNDATED = "no-date"


@dataclass(frozen=True)
class Rejection:
    """An input that was skipped, where it was, and why."""

    source: str
    line: int | None
    reason: str
    category: str = "malformed"
    id: str | None = None

    def __str__(self) -> str:
        return f"{_where(self.source, self.line)}: skipped: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return _entry(self, "skipped")


@dataclass(frozen=True)
class Notice:
    """An input that was coded, but with something set aside (and reported)."""

    source: str
    line: int | None
    reason: str
    category: str = "bad-field"
    id: str | None = None

    def __str__(self) -> str:
        return f"{_where(self.source, self.line)}: warning: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return _entry(self, "coded")


class InputReport:
    """Collects the rejections and notices of one run; prints, records and counts them."""

    def __init__(self, console: Console, rejects: TextIO | None = None) -> None:
        self.console = console
        self.rejects = rejects
        self.skipped: Counter[str] = Counter()
        self.warned: Counter[str] = Counter()
        self.undated = 0

    def add(self, item: Rejection | Notice) -> None:
        if isinstance(item, Notice) and item.category in (UNDATED, "date"):
            self.undated += 1
            if item.category == UNDATED:
                return
        if isinstance(item, Rejection):
            self.skipped[item.category] += 1
            self._print(item, "yellow")
        else:
            self.warned[item.category] += 1
            self._print(item, "dim")
        if self.rejects is not None:
            # ASCII JSON: file names and reasons may hold surrogate-escaped bytes.
            self.rejects.write(json.dumps(item.to_dict()) + "\n")
            self.rejects.flush()

    def _print(self, item: Rejection | Notice, style: str) -> None:
        if self.console.is_terminal:
            self.console.print(f"[{style}]{escape(str(item))}[/{style}]", highlight=False)
        else:
            # Pipes and logs get plain lines; Rich's layout costs ~1 ms a line, which a run
            # with many thousands of rejections notices.
            self.console.file.write(f"{item}\n")

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())

    def summary(self, coded: int) -> str:
        """One line: "3 article(s) coded; 2 input(s) skipped (1 language, 1 malformed)";
        before it, when articles had no publication date, one line saying how to give one."""
        text = f"{coded} article(s) coded"
        if self.skipped:
            text += f"; {self.n_skipped} input(s) skipped ({_counts(self.skipped)})"
        if self.warned:
            text += f"; {sum(self.warned.values())} warning(s) ({_counts(self.warned)})"
        if self.undated:
            text = (
                f"{self.undated} article(s) had no publication date and no dateline, so events "
                'dated only relative to it ("on Monday") have no date: give one with '
                "--published YYYY-MM-DD, a 'published' field in JSON Lines, or a NAME.json "
                f"sidecar beside NAME.txt\n{text}"
            )
        return text

    def exit_code(self, coded: int) -> int:
        """0 everything read was coded, 1 some inputs skipped, 2 nothing coded."""
        if coded == 0:
            return EXIT_FAILED
        return EXIT_PARTIAL if self.skipped else EXIT_OK


def _where(source: str, line: int | None) -> str:
    return f"{source}:{line}" if line is not None else source


def _entry(item: Rejection | Notice, action: str) -> dict[str, Any]:
    return {
        "source": item.source,
        "line": item.line,
        "id": item.id,
        "category": item.category,
        "message": item.reason,
        "action": action,
    }


def _counts(counter: Counter[str]) -> str:
    return ", ".join(
        f"{n} {name}" for name, n in sorted(counter.items(), key=lambda x: (-x[1], x[0]))
    )
