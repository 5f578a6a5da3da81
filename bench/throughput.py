"""Throughput of `gestae code` against a bare `nlp.pipe` parse of the same texts.

Not a test: run with `make bench`. Each phase runs in its own process so its peak RSS is its
own. Usage: python bench/throughput.py [CORPUS.jsonl] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "voa" / "voa_stories.jsonl"
)


def load_texts(corpus: Path, repeat: int) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    return [
        {"id": f"{r['id']}#{i}", "text": r["text"], "published": r.get("published", "")}
        for i in range(repeat)
        for r in rows
    ]


def run_phase(phase: str, corpus: Path, repeat: int) -> dict[str, float]:
    from gestae.parse import load_model
    from gestae.read import article_from_record

    rows = load_texts(corpus, repeat)
    words = sum(len(r["text"].split()) for r in rows)
    if phase == "bare":
        nlp = load_model()
        start = time.perf_counter()
        for _ in nlp.pipe((r["text"] for r in rows), batch_size=16):
            pass
        elapsed = time.perf_counter() - start
        events = 0
    else:
        from gestae.pipeline import Coder

        coder = Coder()
        articles = [article_from_record(r, r["id"]) for r in rows]
        start = time.perf_counter()
        events = sum(len(c.records) for c in coder.code_many(articles))
        elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": len(rows),
        "words": words,
        "seconds": elapsed,
        "events": events,
        "peak_rss_mb": peak_mb,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--phase", choices=("bare", "gestae"))
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (pass a JSON Lines file)", file=sys.stderr)
        return 2
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.corpus, args.repeat)))
        return 0
    results = {}
    for phase in ("bare", "gestae"):
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                str(args.corpus),
                "--repeat",
                str(args.repeat),
                "--phase",
                phase,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        results[phase] = json.loads(out.stdout.strip().splitlines()[-1])
    for phase, r in results.items():
        print(
            f"{phase:7s} {r['articles']:5d} articles {r['words']:8d} words "
            f"{r['seconds']:7.1f} s  {r['articles'] / r['seconds']:6.2f} articles/s  "
            f"{r['words'] / r['seconds']:8.0f} words/s  peak RSS {r['peak_rss_mb']:.0f} MB"
            + (f"  {r['events']} events" if phase == "gestae" else "")
        )
    ratio = results["bare"]["seconds"] / results["gestae"]["seconds"]
    print(f"gestae throughput / bare nlp.pipe throughput = {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
