"""Ingest while serving: `gestae serve --watch` ingests generated articles dropped into its
directory while client threads query its JSON API (/api/events and /api/dyad). Not a test
(tests/test_serve_load.py runs the same scenario with 500 articles and 20 clients); run:

    .venv/bin/python bench/serve_while_ingest.py [--articles 2000] [--clients 20] [--per-file 10]

Prints the API latency (p50, p95, max over every request sent while the ingest ran), the
requests answered, and the articles ingested per second, with a baseline of the same ingest
with no client. Everything stays on loopback.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the scenario lives in tests/

from tests import serve_load


def run(articles: int, clients: int, per_file: int, pause: float) -> str:
    with tempfile.TemporaryDirectory(prefix="gestae-serve-bench-") as work:
        root = Path(work)
        inbox = root / "inbox"
        inbox.mkdir()
        generated = serve_load.generate(articles)
        with serve_load.running_server(root / "events.duckdb", inbox, root / "serve.log") as base:
            load = serve_load.Clients(base, clients)
            load.start()
            started = time.perf_counter()
            try:
                files = serve_load.drop_files(inbox, generated, per_file, pause)
                status = serve_load.wait_for(base, articles, files, timeout=3600)
            finally:
                load.stop()
            seconds = time.perf_counter() - started
        figures = load.summary()
    line = (
        f"{clients:3d} clients: {articles} articles in {seconds:6.1f} s = "
        f"{articles / seconds:5.1f} articles/s; errors {status['errors']}, failed requests "
        f"{len(load.failures)}"
    )
    if figures["requests"]:
        line += (
            f"; {figures['requests']:.0f} requests, p50 {figures['p50_ms']:.0f} ms, "
            f"p95 {figures['p95_ms']:.0f} ms, max {figures['max_ms']:.0f} ms"
        )
    for failure in load.failures[:3]:
        line += f"\n  failed: {failure}"
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--per-file", type=int, default=10, help="articles per dropped file")
    parser.add_argument("--pause", type=float, default=0.02, help="seconds between files")
    parser.add_argument("--no-baseline", action="store_true", help="skip the run without clients")
    args = parser.parse_args()
    if not args.no_baseline:
        print(run(args.articles, 0, args.per_file, args.pause), flush=True)
    print(run(args.articles, args.clients, args.per_file, args.pause), flush=True)


if __name__ == "__main__":
    main()
