"""Train a learned place scorer (bench/place_features.py) on the `tune` part of event_location_dev.

Not a test, and not wired into the coder: docs/places.md (session 18) gives its figures and
why it stays out. For every coded event on a marked word it writes the options of its place (each
candidate span, then "no place") with their generic features and whether each is right, then
fits a conditional logit (softmax over one event's options, numpy, L2 chosen by 5-fold
cross-validation inside tune) and prints the figures of the rules, of the scorer alone, and of
the scorer as a veto on the rules' place, as a filler where they give none, and as a mix that
gives the rules' choice and "no place" head starts (`ruled`: the same, never a name only the
sentence scan found). The `check` part is only ever summed into figures. Skips
when ../shared is absent. Run:

    .venv/bin/python bench/place_ranker.py extract --part tune -o /tmp/tune.feats.jsonl
    .venv/bin/python bench/place_ranker.py train /tmp/tune.feats.jsonl [--check FEATS] \
        [--weights /tmp/place_scorer.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from place_features import build_options, place_findings  # bench/place_features.py
from spacy.tokens import Token

import gestae.engine.records.builder as builder
import gestae.engine.records.incidents as incidents
from gestae.engine.config import CoderConfig
from gestae.engine.places import attach
from gestae.engine.places.country_hints import article_place_hints, sentence_country_hints
from gestae.engine.places.resolver import Resolver
from gestae.engine.rules import Trace
from gestae.resources.gazetteer import Gazetteer
from gestae.run.dev_split import split
from gestae.run.event_location import event_on, place_is_right, read_event_location
from gestae.schema import Article, Location

SHARED = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "event_location_dev.jsonl"
)
_CAPTURED: dict[int, tuple[Token, Any]] = {}
_ORIGINAL = attach.locate_event


def _capturing(
    trigger: Token,
    gazetteer: Gazetteer,
    country_hint: Sequence[str] = (),
    trace: Trace | None = None,
) -> Location | None:
    """locate_event, keeping the options the scorer would see for this trigger."""
    location = _ORIGINAL(trigger, gazetteer, country_hint, trace)
    hints = [*country_hint, *sentence_country_hints(trigger, gazetteer)]
    cities = [c for c in article_place_hints(trigger.doc, gazetteer) if c not in hints]
    resolver = Resolver(gazetteer, [*hints, *cities])
    findings, chosen = place_findings(trigger, resolver)
    _CAPTURED[trigger.idx] = (trigger, build_options(trigger, resolver, findings, chosen))
    return location


def extract(path: Path, part: str, out: Path) -> None:
    builder.locate_event = _capturing  # type: ignore[assignment]
    incidents.locate_event = _capturing  # type: ignore[assignment]
    coder = CoderConfig().build()
    items = split(read_event_location(path), key=lambda i: i.text)[part]  # type: ignore[index]
    with out.open("w", encoding="utf-8") as sink:
        for item in items:
            _CAPTURED.clear()
            records = coder.code(Article(id=item.id, text=item.text))
            event = event_on(records, item.verb)
            if event is None or event.trigger is None:
                continue
            start, end = event.trigger.start, event.trigger.end
            got = _CAPTURED.get(start) or next(
                (v for k, v in _CAPTURED.items() if start <= k < end), None
            )
            if got is None:
                continue
            trigger, options = got
            rows = []
            for option in options:
                if option.match is None:
                    right = not item.locations
                else:
                    loc = attach.to_location(trigger, option.match)
                    right = bool(item.locations) and place_is_right(loc, item.locations)
                rows.append({"f": option.features, "y": int(right), "none": option.match is None})
            rules_loc = event.location
            rules_right = (
                not item.locations
                if rules_loc is None
                else bool(item.locations) and place_is_right(rules_loc, item.locations)
            )
            line = {"id": item.id, "gold": bool(item.locations), "options": rows}
            line["rules"] = {"placed": rules_loc is not None, "right": rules_right}
            sink.write(json.dumps(line) + "\n")


# ---- training -------------------------------------------------------------------------------


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def vocabulary(events: list[dict[str, Any]], min_count: int = 3) -> list[str]:
    counts: dict[str, int] = {}
    for event in events:
        for option in event["options"]:
            for key in option["f"]:
                counts[key] = counts.get(key, 0) + 1
    return sorted(k for k, c in counts.items() if c >= min_count)


def matrix(
    events: list[dict[str, Any]], vocab: list[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    index = {k: i for i, k in enumerate(vocab)}
    rows = [o for e in events for o in e["options"]]
    x = np.zeros((len(rows), len(vocab)))
    for r, option in enumerate(rows):
        for key, value in option["f"].items():
            if key in index:
                x[r, index[key]] = value
    groups = np.repeat(np.arange(len(events)), [len(e["options"]) for e in events])
    y = np.array([o["y"] for o in rows], dtype=float)
    return x, groups, y


def softmax_groups(scores: np.ndarray, groups: np.ndarray, n: int) -> np.ndarray:
    top = np.full(n, -np.inf)
    np.maximum.at(top, groups, scores)
    e = np.exp(scores - top[groups])
    total = np.zeros(n)
    np.add.at(total, groups, e)
    return e / total[groups]


def fit(events: list[dict[str, Any]], vocab: list[str], l2: float, steps: int = 400) -> np.ndarray:
    """Conditional logit over each event's options; events with no right option are skipped.
    Full-batch gradient descent with Adam."""
    events = [e for e in events if any(o["y"] for o in e["options"])]
    x, groups, y = matrix(events, vocab)
    n = len(events)
    y = y / np.bincount(groups, weights=y, minlength=n)[groups]  # several right spans share
    w = np.zeros(len(vocab))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, steps + 1):
        p = softmax_groups(x @ w, groups, n)
        grad = x.T @ (p - y) / n + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def probabilities(event: dict[str, Any], vocab: list[str], w: np.ndarray) -> np.ndarray:
    x, groups, _ = matrix([event], vocab)
    return softmax_groups(x @ w, groups, 1)


def decide(event: dict[str, Any], p: np.ndarray, mode: str, t: float) -> int:
    """Index of the option chosen under `mode`; the rules' choice is the option marked
    chosen, or "no place" when none is."""
    options = event["options"]
    none = next(i for i, o in enumerate(options) if o["none"])
    rules = next((i for i, o in enumerate(options) if o["f"].get("chosen")), none)
    best = int(np.argmax(p))
    if mode == "rules":
        return rules
    if mode == "alone":
        return best
    if mode == "veto":  # drop the rules' place when "no place" is likely enough
        return none if rules != none and p[none] >= t else rules
    if mode == "replace":  # take another option when it is far likelier than the rules'
        return best if p[best] - p[rules] >= t else rules
    if mode in ("mix", "ruled"):  # "no place" and the rules' choice each get a head start
        bonus = np.zeros(len(p))
        if mode == "ruled":  # only a place some rule found, never a scanned name alone
            bonus -= np.array([2.0 * bool(o["f"].get("rule=scan")) for o in options])
        bonus[none] += t
        bonus[rules] += RULES_BONUS
        return int(np.argmax(p + bonus))
    if mode == "fill":  # give a place where the rules gave none
        return best if rules == none and best != none and p[best] >= t else rules
    raise ValueError(mode)


def figures(events: list[dict[str, Any]], picks: list[int]) -> dict[str, float]:
    acc = placed = right = gp = np_ = np_right = 0
    for event, pick in zip(events, picks, strict=True):
        option = event["options"][pick]
        acc += option["y"]
        if event["gold"]:
            gp += 1
            placed += not option["none"]
            right += option["y"]
        else:
            np_ += 1
            np_right += option["y"]
    n = len(events)
    return {
        "loc_acc": round(acc / n, 4),
        "located": round(placed / gp, 4),
        "right": round(right / gp, 4),
        "noplace": round(np_right / np_, 4),
    }


def cross_validate(events: list[dict[str, Any]], l2: float, folds: int = 5) -> list[np.ndarray]:
    """Out-of-fold option probabilities for every event."""
    out: list[np.ndarray] = [np.zeros(0)] * len(events)
    for k in range(folds):
        train = [e for i, e in enumerate(events) if i % folds != k]
        vocab = vocabulary(train)
        w = fit(train, vocab, l2)
        for i in range(k, len(events), folds):
            out[i] = probabilities(events[i], vocab, w)
    return out


RULES_BONUS = 0.0
MODES = (("rules", 0.0), ("alone", 0.0), *[
    (mode, t) for mode in ("veto", "fill") for t in (0.6, 0.7)
], *[(m, t) for m in ("mix", "ruled") for t in (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)])  # fmt: skip


def train(args: argparse.Namespace) -> None:
    events = load(args.tune)
    best_l2, best_acc = 0.0, -1.0
    oof_by: dict[float, list[np.ndarray]] = {}
    for l2 in args.l2:
        oof = cross_validate(events, l2)
        oof_by[l2] = oof
        acc = figures(events, [int(np.argmax(p)) for p in oof])["loc_acc"]
        print(f"cv l2={l2}: alone loc_acc {acc}")
        if acc > best_acc:
            best_l2, best_acc = l2, acc
    oof = oof_by[best_l2]
    vocab = vocabulary(events)
    w = fit(events, vocab, best_l2)
    check = load(args.check) if args.check else []
    check_p = [probabilities(e, vocab, w) for e in check]
    global RULES_BONUS
    for RULES_BONUS in args.rules_bonus:
        print("rules bonus", RULES_BONUS)
        for mode, t in MODES:
            picks = [decide(e, p, mode, t) for e, p in zip(events, oof, strict=True)]
            line = f"{mode:8} {t:.2f} tune(cv) {figures(events, picks)}"
            if check:
                picks = [decide(e, p, mode, t) for e, p in zip(check, check_p, strict=True)]
                line += f" check {figures(check, picks)}"
            print(line)
    if args.weights:
        weights = {k: round(float(x), 5) for k, x in zip(vocab, w, strict=True) if abs(x) > 1e-5}
        doc = {
            "version": 1,
            "l2": best_l2,
            "events": len(events),
            "rules_bonus": args.rules_bonus[0],
            "none_bonus": args.none_bonus,
            "weights": weights,
        }
        args.weights.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ext = sub.add_parser("extract")
    ext.add_argument("--data", type=Path, default=SHARED)
    ext.add_argument("--part", choices=("tune", "check"), default="tune")
    ext.add_argument("-o", "--out", type=Path, required=True)
    tr = sub.add_parser("train")
    tr.add_argument("tune", type=Path)
    tr.add_argument("--check", type=Path, help="summed into figures only")
    tr.add_argument("--weights", type=Path)
    tr.add_argument("--none-bonus", type=float, default=0.2)
    tr.add_argument("--rules-bonus", type=float, nargs="*", default=[0.0])
    tr.add_argument("--l2", type=float, nargs="*", default=[1e-4, 1e-3, 1e-2])
    args = parser.parse_args()
    if args.command == "extract":
        if not args.data.exists():
            print(f"skipped: {args.data} is absent", file=sys.stderr)
            return
        extract(args.data, args.part, args.out)
    else:
        train(args)


if __name__ == "__main__":
    main()
