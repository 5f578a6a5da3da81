"""The learned place scorer: weights over the generic features of engine/places/ranker.py.

Hand-written attachment rules stop at the first rule that finds a place. The scorer weighs
every candidate of the sentence and "no place" at once (a conditional logit trained by
bench/place_ranker.py on the `tune` part of event_location_dev) and overrides the rules only
when it is surer than their head start: the rules' choice gets `rules_bonus` and "no place"
`none_bonus` added to their probabilities. The weights are data (`place_scorer.json`),
checked when the coder starts, so a broken file fails at once and never as a wrong place.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path

from gestae.engine.places.ranker import Option
from gestae.resources.loader import data_error, package_data

SCORER_FILE = "place_scorer.json"
VERSION = 1


@dataclass(frozen=True)
class PlaceScorer:
    """Feature weights and the head starts of the rules' choice and of "no place"."""

    weights: dict[str, float]
    rules_bonus: float
    none_bonus: float

    def probabilities(self, options: Sequence[Option]) -> list[float]:
        """Softmax over the options of one event."""
        scores = [
            sum(self.weights.get(k, 0.0) * v for k, v in o.features.items()) for o in options
        ]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def choose(self, options: Sequence[Option], rules_choice: int) -> int:
        """Index of the option to keep: the likeliest once the head starts are added."""
        probs = self.probabilities(options)
        for i, option in enumerate(options):
            if option.match is None:
                probs[i] += self.none_bonus
        probs[rules_choice] += self.rules_bonus
        return max(range(len(probs)), key=lambda i: (probs[i], i == rules_choice))


def _number(value: object, name: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise data_error(where, "must be a finite number", entry=name)
    return float(value)


def load_scorer(source: Path | Traversable | None = None) -> PlaceScorer:
    """Read and check a weights file; a `DataError` names what is wrong."""
    source = source if source is not None else package_data(SCORER_FILE)
    where = source.name
    try:
        doc = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise data_error(where, f"unreadable place scorer weights: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("version") != VERSION:
        raise data_error(where, f"must be an object with version {VERSION}")
    weights = doc.get("weights")
    if not isinstance(weights, dict) or not weights:
        raise data_error(where, "must map feature names to weights", entry="weights")
    checked = {str(k): _number(v, f"weights.{k}", where) for k, v in weights.items()}
    if "bias" not in checked or "n:bias" not in checked:
        raise data_error(where, "must weigh the candidate and no-place biases", entry="weights")
    rules_bonus = _number(doc.get("rules_bonus"), "rules_bonus", where)
    none_bonus = _number(doc.get("none_bonus"), "none_bonus", where)
    if not (0 <= rules_bonus <= 1 and 0 <= none_bonus <= 1):
        raise data_error(where, "head starts must lie between 0 and 1")
    return PlaceScorer(checked, rules_bonus, none_bonus)


@lru_cache(maxsize=1)
def default_scorer() -> PlaceScorer:
    """The shipped scorer, read once per process."""
    return load_scorer()
