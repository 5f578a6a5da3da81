"""Throughput of `gestae code` against a bare `nlp.pipe` parse of the same texts.

Not a test: run with `make bench` (several minutes). The VOA corpus is repeated to at least
`--articles` articles and written to a temporary JSON Lines file. Then, in one run and with the
same number of processes:
- bare: a process reads the file and runs the model's full pipeline over every text with
  `nlp.pipe(texts, n_process=JOBS, batch_size=B)`, discarding the Docs, once for each batch size
  B of `--batch-sizes` (spaCy's multi-process pipe is slow with small batches, so the baseline
  is the best of them, not one that flatters gestae);
- gestae: `gestae code FILE --jobs JOBS -o /dev/null` (pre-filter on and batch size as by
  default).
Each is timed as a whole process (start, model load, reading, work). Its process tree is
sampled every 0.1 s from /proc: CPU seconds of every process, and the peak of the summed
resident memory (RSS, which counts pages shared by forked workers once per process) and of the
summed proportional set size (PSS, shared pages split between their processes). The ratio is
best bare seconds / gestae seconds: above 1, gestae codes faster than the model alone parses;
the same ratio in CPU seconds (best bare CPU / gestae CPU) is printed too, since wall time
depends on what else the machine runs.

Usage: python bench/throughput.py [CORPUS.jsonl] [--articles 2000] [--jobs 2]
                                  [--batch-sizes 16,64,256]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "voa" / "voa_stories.jsonl"
BATCH_SIZES = (16, 64, 256)


def repeated_corpus(corpus: Path, articles: int, target: Path) -> tuple[int, int]:
    """Write the corpus repeated to at least `articles` lines; returns (articles, words)."""
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    count = words = 0
    with target.open("w", encoding="utf-8") as out:
        while count < articles:
            for row in rows:
                copy = {**row, "id": f"{row['id']}#{count}"}
                out.write(json.dumps(copy, ensure_ascii=False) + "\n")
                count += 1
                words += len(row["text"].split())
    return count, words


def bare_parse(corpus: Path, jobs: int, batch_size: int) -> None:
    """The baseline, run in its own process: the model's whole pipeline over every text."""
    from gestae.engine.parse import load_model

    nlp = load_model()
    texts = (json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines())
    for _ in nlp.pipe(texts, n_process=jobs, batch_size=batch_size):
        pass


TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Usage:
    """What a command's process tree used: wall and CPU seconds, peak summed RSS and PSS."""

    seconds: float = 0.0
    cpu: dict[int, float] = field(default_factory=dict)  # CPU seconds seen per process
    rss: int = 0
    pss: int = 0

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())

    def sample(self, pid: int) -> None:
        """Add one reading of a process and all its descendants, from /proc."""
        rss = pss = 0
        stack = [pid]
        while stack:
            current = stack.pop()
            proc = Path(f"/proc/{current}")
            try:
                stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                status = (proc / "status").read_text()
                rollup = (proc / "smaps_rollup").read_text()
                children = (proc / "task" / str(current) / "children").read_text().split()
            except OSError:
                continue  # the process ended meanwhile
            # utime and stime are fields 14 and 15 of /proc/PID/stat (11, 12 after the name)
            used = (int(stat[11]) + int(stat[12])) / TICK
            self.cpu[current] = max(self.cpu.get(current, 0.0), used)
            rss += _kilobytes(status, "VmRSS:")
            pss += _kilobytes(rollup, "Pss:")
            stack.extend(int(c) for c in children)
        self.rss = max(self.rss, rss)
        self.pss = max(self.pss, pss)


def _kilobytes(text: str, key: str) -> int:
    for line in text.splitlines():
        if line.startswith(key):
            return int(line.split()[1]) * 1024
    return 0


def timed(command: list[str]) -> Usage:
    """Run a command, sampling its process tree every 0.1 s."""
    usage = Usage()
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            usage.sample(proc.pid)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    usage.seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if code == 1:  # gestae's "partial": some articles left out, each reported on stderr
        print(f"note: {command[1]} exited 1: some articles were not coded", file=sys.stderr)
    elif code != 0:
        raise SystemExit(f"{command[:3]} failed with exit code {code}")
    return usage


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--batch-sizes",
        default=",".join(str(b) for b in BATCH_SIZES),
        help="batch sizes tried for the bare parse; the fastest is the baseline",
    )
    parser.add_argument("--bare", type=Path, help=argparse.SUPPRESS)  # the baseline process
    args = parser.parse_args()
    sizes = [int(b) for b in args.batch_sizes.split(",") if b.strip()]
    if args.bare:
        bare_parse(args.bare, args.jobs, sizes[0])
        return 0
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (pass a JSON Lines file)", file=sys.stderr)
        return 2
    gestae = Path(sys.executable).with_name("gestae")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        articles, words = repeated_corpus(args.corpus, args.articles, corpus)
        bare = [sys.executable, __file__, "--bare", str(corpus), "--jobs", str(args.jobs)]
        commands = {f"bare/{b}": [*bare, "--batch-sizes", str(b)] for b in sizes}
        commands["gestae"] = [
            *(str(gestae), "code", str(corpus), "--jobs", str(args.jobs), "-o", os.devnull)
        ]
        results = {name: timed(command) for name, command in commands.items()}
    print(f"{articles} articles, {words} words, {args.jobs} process(es)")
    for name, use in results.items():
        print(
            f"{name:9s} {use.seconds:7.1f} s  {articles / use.seconds:6.2f} articles/s  "
            f"{words / use.seconds:7.0f} words/s  CPU {use.cpu_seconds:7.1f} s  "
            f"peak RSS {use.rss / 2**20:5.0f} MB (PSS {use.pss / 2**20:5.0f} MB)"
        )
    coded = results["gestae"]
    best = min((r for n, r in results.items() if n != "gestae"), key=lambda r: r.seconds)
    best_cpu = min(r.cpu_seconds for n, r in results.items() if n != "gestae")
    print(
        f"wall: gestae throughput / best bare nlp.pipe throughput = {best.seconds / coded.seconds:.2f}"
    )
    print(f"CPU:  best bare CPU seconds / gestae CPU seconds = {best_cpu / coded.cpu_seconds:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
