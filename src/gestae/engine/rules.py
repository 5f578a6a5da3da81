"""Named rules: every decision the engine takes is a small function with an id.

A rule's docstring says why it exists, first line first, and gives one example sentence after
``Example:``; registering a rule without an example fails at import, so `gestae rules` can list
every rule with its example and tests/data/rules/*.tsv can hold rows for each. What a rule did
on one sentence goes into a `Trace`: the rule id and the words it acted on. A record's
`explanation` is its trace written out, and its `rules` field the ids in order.

Rule ids read ``<stage>.<name>``: the stage is the decision (``trigger``, ``suppress``,
``source``, ``target``, ``modality``, ``record``, ...), the name what the rule recognises.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_ID = re.compile(r"^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Rule:
    id: str
    stage: str
    summary: str
    example: str
    module: str

    @property
    def name(self) -> str:
        return self.id.split(".", 1)[1]


REGISTRY: dict[str, Rule] = {}


def _parse_doc(rule_id: str, doc: str) -> tuple[str, str]:
    if not doc.strip():
        raise ValueError(
            f"rule {rule_id!r} has no docstring: say why it exists and give an example"
        )
    summary = doc.strip().split("\n\n")[0].replace("\n", " ").strip()
    match = re.search(r"Example:\s*(.+?)(?:\n\s*\n|\Z)", doc, flags=re.S)
    if match is None:
        raise ValueError(f"rule {rule_id!r} has no 'Example:' sentence in its docstring")
    return summary, " ".join(match.group(1).split())


def declare(rule_id: str, doc: str, module: str) -> Rule:
    """Register a rule that is not one function of its own (a data-driven step, say)."""
    if not _ID.match(rule_id):
        raise ValueError(f"rule id {rule_id!r} must read '<stage>.<name-with-dashes>'")
    if rule_id in REGISTRY and REGISTRY[rule_id].module != module:
        raise ValueError(f"rule id {rule_id!r} is registered twice ({REGISTRY[rule_id].module})")
    summary, example = _parse_doc(rule_id, doc)
    found = Rule(rule_id, rule_id.split(".", 1)[0], summary, example, module)
    REGISTRY[rule_id] = found
    return found


def rule(rule_id: str) -> Callable[[F], F]:
    """Decorator: register the function as the rule `rule_id` (its docstring documents it)."""

    def register(fn: F) -> F:
        declare(rule_id, inspect.getdoc(fn) or "", fn.__module__)
        fn.rule_id = rule_id  # type: ignore[attr-defined]
        return fn

    return register


def rule_id_of(fn: Callable[..., Any]) -> str:
    """The id a function was registered under."""
    found = getattr(fn, "rule_id", None)
    if not isinstance(found, str):
        raise TypeError(f"{fn.__qualname__} is not a registered rule (decorate it with @rule)")
    return found


@dataclass
class Step:
    rule: str
    words: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.words}" if self.words else f"[{self.rule}]"


@dataclass
class Trace:
    """What the rules did on one event, in order."""

    steps: list[Step] = field(default_factory=list)

    def add(self, rule_id: str, words: str = "") -> None:
        if rule_id not in REGISTRY:
            raise KeyError(f"unknown rule id {rule_id!r}: register it with @rule or declare()")
        self.steps.append(Step(rule_id, words))

    def extend(self, other: Trace) -> None:
        self.steps.extend(other.steps)

    def copy(self) -> Trace:
        return Trace(list(self.steps))

    def ids(self) -> list[str]:
        return [s.rule for s in self.steps]

    def explain(self) -> str:
        return "; ".join(str(s) for s in self.steps)

    def __bool__(self) -> bool:
        return bool(self.steps)
