"""Sort the coded events of an event_location file by what their place is: right, right "no
place", missed, given where the annotation has none, or wrong. Not a test; the cause counts in
docs/places.md start from this sort, read on the `tune` part only. Run:

    python ../shared/tools/devsplit.py ../shared/data/dev/event_location_dev.jsonl \
        --part tune -o /tmp/tune.jsonl
    .venv/bin/python bench/place_sort.py /tmp/tune.jsonl [--out rows.jsonl]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from gestae.engine.config import CoderConfig
from gestae.run.event_location import LocatedEvent, event_on, place_is_right, read_event_location
from gestae.schema import Article, EventRecord

KINDS = ("right place", "right no place", "missed", "extra", "wrong", "not coded")


def sort_one(item: LocatedEvent, event: EventRecord | None) -> str:
    """Which of KINDS the event on the marked word falls in."""
    if event is None:
        return "not coded"
    if event.location is None:
        return "missed" if item.locations else "right no place"
    if not item.locations:
        return "extra"
    return "right place" if place_is_right(event.location, item.locations) else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="an event_location JSONL file (a devsplit part)")
    parser.add_argument("--out", type=Path, help="write one row per sentence here")
    args = parser.parse_args()
    coder = CoderConfig().build()
    counts: Counter[str] = Counter()
    rows = []
    for item in read_event_location(args.file):
        event = event_on(coder.code(Article(id=item.id, text=item.text)), item.verb)
        kind = sort_one(item, event)
        counts[kind] += 1
        place = event.location.text if event is not None and event.location else None
        gold = [text for _, _, text in item.locations]
        rows.append({"id": item.id, "kind": kind, "place": place, "gold": gold})
    for kind in KINDS:
        print(f"{kind:15} {counts[kind]:6}")
    if args.out is not None:
        args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
