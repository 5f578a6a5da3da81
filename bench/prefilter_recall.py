"""What the sentence pre-filter loses: the same data coded with and without it.

Not a test: run by hand (a few minutes). For each gold file the coder runs twice, with the
filter off and with the bare filter (no lead or context sentences, so that every sentence must
pass on its own words); the script prints the evaluation figures of both runs and the share of
records the filtered run keeps. On whole articles (the VOA corpus) it compares the default
filter, context included, with no filter.

Usage: python bench/prefilter_recall.py [--shared ../shared] [--skip-gold] [--skip-articles]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gestae.engine.pipeline import Coder
from gestae.engine.prefilter import Context
from gestae.input.read import article_from_record
from gestae.run.evaluation import evaluate
from gestae.schema import Article, EventRecord

ROOT = Path(__file__).resolve().parents[1]
GOLD = (
    ("gold", ROOT / "eval" / "gold_events.jsonl", "gestae"),
    ("conflibert-class", Path("data/dev/conflibert_cameo_class_train.tsv"), "conflibert-class"),
    ("conflibert-spans", Path("data/dev/conflibert_cameo_ner_train.txt"), "conflibert-spans"),
)


def recording(coder: Coder, sink: dict[str, list[dict[str, Any]]]) -> Callable[..., Any]:
    def code(article: Article) -> list[EventRecord]:
        try:
            records = coder.code(article)
        except Exception as exc:  # a bug in a stage: count it, as a run would, and go on
            print(f"  {article.id}: not coded ({exc!r})", file=sys.stderr)
            records = []
        sink[article.id] = [r.to_dict() for r in records]
        return records

    return code


def event_key(record: dict[str, Any]) -> tuple[Any, ...]:
    return (record["article_id"], record["trigger"]["start"], record["event_type"], record["kind"])


def compare(full: list[dict[str, Any]], filtered: list[dict[str, Any]]) -> dict[str, Any]:
    """Identical records, and events (article, trigger, type) found by both runs."""
    identical = Counter(json.dumps(r, sort_keys=True) for r in full) & Counter(
        json.dumps(r, sort_keys=True) for r in filtered
    )
    events = Counter(map(event_key, full)) & Counter(map(event_key, filtered))
    n = max(len(full), 1)
    return {
        "records": len(full),
        "records_filtered": len(filtered),
        "identical": round(sum(identical.values()) / n, 4),
        "events_kept": round(sum(events.values()) / n, 4),
        "events_lost": len(full) - sum(events.values()),
        "events_added": len(filtered) - sum(events.values()),
    }


def gold_runs(shared: Path, full: Coder, bare: Coder) -> None:
    for name, path, fmt in GOLD:
        path = path if path.is_absolute() else shared / path
        if not path.exists():
            print(f"{name}: {path} not found, skipped", file=sys.stderr)
            continue
        sinks: tuple[dict[str, list[dict[str, Any]]], ...] = ({}, {})
        reports = [
            evaluate(path, fmt, recording(coder, sink))
            for coder, sink in zip((full, bare), sinks, strict=True)
        ]
        kept = compare(
            [r for rs in sinks[0].values() for r in rs], [r for rs in sinks[1].values() for r in rs]
        )
        print(f"\n{name} ({reports[0].sentences} sentences): {json.dumps(kept)}")
        figures = {**_flat(reports[0].as_dict())}
        filtered = _flat(reports[1].as_dict())
        for key, value in figures.items():
            if filtered.get(key) != value:
                print(f"  {key}: {value} without filter, {filtered.get(key)} with")
        if all(filtered.get(k) == v for k, v in figures.items()):
            print("  every figure identical with and without the filter")


def _flat(report: dict[str, Any]) -> dict[str, float]:
    out: dict[str, float] = dict(report["figures"])
    for level, prf in report["scores"].items():
        for k in ("precision", "recall", "f1"):
            out[f"{level} {k}"] = prf[k]
    return out


def article_run(shared: Path, full: Coder, default: Coder) -> None:
    corpus = shared / "data" / "voa" / "voa_stories.jsonl"
    if not corpus.exists():
        print(f"{corpus} not found, skipped", file=sys.stderr)
        return
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    articles = [article_from_record(r, str(r["id"])) for r in rows]
    print(f"\nVOA ({len(articles)} articles)")
    results = []
    for coder in (full, default):
        started = time.process_time()
        results.append([r.to_dict() for c in coder.code_many(articles) for r in c.records])
        print(
            f"  {'filter' if coder.filter else 'no filter'}: {time.process_time() - started:.1f} s CPU"
        )
    parsed = total = 0
    for article in articles:
        for window in default.windows(article):
            for run in window.runs:
                total += run.end - run.start
                parsed += (run.end - run.start) * run.parse
    print(f"  tokens parsed with the filter: {parsed / total:.3f}")
    print(json.dumps(compare(results[0], results[1])))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--skip-gold", action="store_true")
    parser.add_argument("--skip-articles", action="store_true")
    args = parser.parse_args()
    full = Coder(prefilter=False)
    if not args.skip_gold:
        bare = Coder()
        assert bare.filter is not None
        bare.filter.context = Context(lead=0, previous=0)
        gold_runs(args.shared, full, bare)
    if not args.skip_articles:
        article_run(args.shared, full, Coder())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
