"""The fixed tune/check split of development files.

Rules are read and fixed on `tune`; every change is judged on `check`. The split depends only on
each item's text (SHA-1 of it, one item in five goes to `check`), the same rule as the shared
`devsplit.py`, so `gestae eval --split` and a file split by that tool hold the same items.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

Part = Literal["tune", "check"]

T = TypeVar("T")


def is_check(key: str) -> bool:
    """One text in five, chosen by its hash, belongs to `check`."""
    digest = hashlib.sha1(key.strip().encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 5 == 0


def part_of(key: str) -> Part:
    return "check" if is_check(key) else "tune"


def split(items: Iterable[T], key: Callable[[T], str]) -> dict[Part, list[T]]:
    """The items of each part, in input order."""
    parts: dict[Part, list[T]] = {"check": [], "tune": []}
    for item in items:
        parts[part_of(key(item))].append(item)
    return parts
