"""What one evaluation run measured: precision/recall counters and the report of figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gestae.schema import Article, EventRecord

Coder = Callable[[Article], list[EventRecord]]


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: Counter[Any], predicted: Counter[Any]) -> None:
        hit = sum((gold & predicted).values())
        self.tp += hit
        self.fp += sum(predicted.values()) - hit
        self.fn += sum(gold.values()) - hit

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Report:
    """Every figure one evaluation run produced, ready to print or dump as JSON."""

    format: str
    sentences: int = 0
    scores: dict[str, PRF] = field(default_factory=dict)
    per_class: dict[str, PRF] = field(default_factory=dict)
    figures: dict[str, float] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def score(self, name: str) -> PRF:
        return self.scores.setdefault(name, PRF())

    def klass(self, name: str) -> PRF:
        return self.per_class.setdefault(name, PRF())

    def macro_f1(self) -> float:
        used = [s for s in self.per_class.values() if s.tp + s.fn > 0]
        return sum(s.f1 for s in used) / len(used) if used else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "sentences": self.sentences,
            "scores": {k: v.as_dict() for k, v in self.scores.items()},
            "per_class": {k: v.as_dict() for k, v in sorted(self.per_class.items())},
            "macro_f1": round(self.macro_f1(), 4),
            "figures": {k: round(v, 4) for k, v in self.figures.items()},
            "confusion": [
                {"gold": g, "predicted": p, "count": n}
                for (g, p), n in sorted(self.confusion.items())
            ],
        }
