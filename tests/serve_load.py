"""`gestae serve --watch` under load: a real server process ingests generated articles dropped
into its directory while client threads query its JSON API.

Shared by tests/test_serve_load.py (500 articles, 20 clients) and bench/serve_while_ingest.py
(larger). The articles are one or two sentences from a few templates written for this project,
with varied actors, so that most of them give events and many dyads recur.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# (name in the text, code) of the countries the articles name.
COUNTRIES = [
    ("Kenya", "KEN"), ("Uganda", "UGA"), ("Tanzania", "TZA"), ("Ethiopia", "ETH"),
    ("France", "FRA"), ("Germany", "DEU"), ("Japan", "JPN"), ("Brazil", "BRA"),
    ("Egypt", "EGY"), ("Turkey", "TUR"), ("Canada", "CAN"), ("India", "IND"),
]  # fmt: skip
TEMPLATES = [
    "{a} accused {b} of violating the border agreement on {day}.",
    "{a} called on {b} to release the detained journalists.",
    "Police in {a} arrested dozens of protesters on {day}. {b} condemned the arrests.",
    "The foreign minister of {a} met officials from {b} on {day}.",
    "{a} threatened {b} with sanctions over the fishing dispute.",
    "{a} agreed to send food aid to {b} after the floods. The shipment left on {day}.",
    "Troops from {a} shelled positions held by {b} near the border on {day}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generate(n: int, seed: int = 14) -> list[dict[str, str]]:
    """`n` short articles as JSON Lines records (id, text, published)."""
    rng = random.Random(seed)
    found = []
    for i in range(n):
        (a, _), (b, _) = rng.sample(COUNTRIES, 2)
        text = rng.choice(TEMPLATES).format(a=a, b=b, day=rng.choice(DAYS))
        found.append(
            {"id": f"load-{i:05d}", "text": text, "published": f"2024-05-{1 + i % 28:02d}"}
        )
    return found


def write_file(directory: Path, name: str, articles: list[dict[str, str]]) -> Path:
    """Write under a hidden name and rename, as a careful feed does: never read half-written."""
    path = directory / name
    tmp = directory / f".{name}.part"
    tmp.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    os.replace(tmp, path)
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def get(url: str, timeout: float = 30.0) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return int(answer.status), json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


@contextmanager
def running_server(
    db: Path, inbox: Path, log: Path, interval: float = 0.2, startup: float = 60.0
) -> Iterator[str]:
    """`python -m gestae serve --watch` on a free loopback port; yields its base URL and stops
    it with Ctrl-C (SIGINT), as a user would."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    command = [
        sys.executable, "-m", "gestae", "serve", "--db", str(db), "--port", str(port),
        "--watch", str(inbox), "--settle", "0", "--interval", str(interval),
    ]  # fmt: skip
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited: {log.read_text(encoding='utf-8')}")
            try:
                if get(base + "/api/health", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start in {startup:g} s")
            time.sleep(0.1)
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# What the clients ask, in turn: event lists (sorted, filtered, paged) and dyad series.
QUERIES = [
    "/api/events?limit=50",
    "/api/events?sort=type&limit=20&offset=20",
    "/api/events?actor={a}",
    "/api/events?dyad={a},{b}&clusters=true",
    "/api/dyad?a={a}&b={b}&by=week",
    "/api/dyad?a={a}&b={b}&by=day&directed=true",
]


@dataclass
class Clients:
    """`n` threads querying `base` in a loop until stopped, timing every request."""

    base: str
    n: int
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _threads: list[threading.Thread] = field(default_factory=list)

    def start(self) -> None:
        for i in range(self.n):
            thread = threading.Thread(target=self._loop, args=(i,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(60)

    def _loop(self, seed: int) -> None:
        rng = random.Random(seed)
        while not self._stop.is_set():
            (_, a), (_, b) = rng.sample(COUNTRIES, 2)
            url = self.base + rng.choice(QUERIES).format(a=a, b=b)
            started = time.perf_counter()
            try:
                status, body = get(url)
            except OSError as exc:
                status, body = 0, str(exc)
            took = time.perf_counter() - started
            with self._lock:
                self.latencies.append(took)
                if status != 200:
                    self.failures.append(f"{url}: {status} {str(body)[:200]}")

    def summary(self) -> dict[str, float]:
        ordered = sorted(self.latencies)
        if not ordered:
            return {"requests": 0}
        return {
            "requests": len(ordered),
            "p50_ms": 1000 * statistics.median(ordered),
            "p95_ms": 1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
            "max_ms": 1000 * ordered[-1],
        }


def drop_files(inbox: Path, articles: list[dict[str, str]], per_file: int, pause: float) -> int:
    """Write the articles as JSON Lines files of `per_file`, one every `pause` seconds."""
    files = 0
    for start in range(0, len(articles), per_file):
        write_file(inbox, f"feed-{files:04d}.jsonl", articles[start : start + per_file])
        files += 1
        time.sleep(pause)
    return files


def wait_for(base: str, articles: int, files: int, timeout: float) -> dict[str, Any]:
    """Poll /api/status until the watcher has stored `articles` from `files` files."""
    deadline = time.monotonic() + timeout
    while True:
        status, body = get(base + "/api/status")
        finished = status == 200 and body["files"] + body["errors"] >= files
        if finished and (body["articles"] >= articles or body["errors"]):
            return dict(body)
        if time.monotonic() > deadline:
            raise TimeoutError(f"ingest not done after {timeout:g} s: {body}")
        time.sleep(0.1)
