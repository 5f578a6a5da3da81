"""Record what the coder outputs on every dev text, and compare two such records.

A refactoring must not change behaviour. `gestae eval` figures can stay equal while individual
records move; this compares the records themselves. It codes, through the public command line
only (so it works before and after code moves): the bundled examples, the own gold set, the
sentences of the ConfliBERT dev files, the event_location dev sentences and the VOA stories.

    python tools/snapshot.py record DIR        # writes DIR/<corpus>.jsonl
    python tools/snapshot.py compare OLD NEW   # exit 1 and a summary when records differ

`explanation` and `rules` are left out of the comparison (the trace of rules is free to change);
every other field of the output contract counts. DIR must lie outside the repository: it holds dev text.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data"
IGNORED = {"explanation", "rules"}


def _conflibert_class() -> Iterator[dict[str, str]]:
    path = DEV / "dev" / "conflibert_cameo_class_train.tsv"
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            yield {"id": f"cc-{i:05d}", "text": line.split("\t")[0]}


def _conflibert_spans() -> Iterator[dict[str, str]]:
    path = DEV / "dev" / "conflibert_cameo_ner_train.txt"
    blocks = path.read_text(encoding="utf-8").strip().split("\n\n")
    for i, block in enumerate(blocks):
        words = [ln.split()[0] for ln in block.splitlines() if ln.split()]
        if words:
            yield {"id": f"cs-{i:05d}", "text": " ".join(words)}


def _jsonl(
    path: Path, keep: tuple[str, ...] = ("id", "text", "published", "title")
) -> Iterator[dict[str, str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            yield {k: obj[k] for k in keep if obj.get(k) is not None}


def corpora() -> dict[str, Iterator[dict[str, str]]]:
    found: dict[str, Iterator[dict[str, str]]] = {
        "examples": _jsonl(ROOT / "examples" / "articles.jsonl"),
        "gold": _jsonl(ROOT / "eval" / "gold_events.jsonl"),
    }
    if DEV.is_dir():
        found["conflibert_class"] = _conflibert_class()
        found["conflibert_spans"] = _conflibert_spans()
        found["event_location"] = _jsonl(DEV / "dev" / "event_location_dev.jsonl")
        found["voa"] = _jsonl(DEV / "voa" / "voa_stories.jsonl")
    return found


def record(out: Path, only: set[str] | None = None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in corpora().items():
        if only and name not in only:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"{name}.jsonl"
            src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            target = out / f"{name}.jsonl"
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "gestae",
                    "code",
                    str(src),
                    "--format",
                    "jsonl",
                    "-o",
                    str(target),
                ],
                check=False,
                stderr=subprocess.DEVNULL,
            )
        print(f"{name}: {sum(1 for _ in target.open())} records", file=sys.stderr)


def _load(path: Path) -> list[str]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        for key in IGNORED:
            obj.pop(key, None)
        rows.append(json.dumps(obj, sort_keys=True))
    return sorted(rows)


def compare(old: Path, new: Path) -> int:
    differ = 0
    for path in sorted(old.glob("*.jsonl")):
        if not (new / path.name).exists():
            print(f"{path.stem}: not recorded in {new}")
            continue
        a, b = _load(path), _load(new / path.name)
        gone, added = sorted(set(a) - set(b)), sorted(set(b) - set(a))
        status = "same" if not gone and not added else f"{len(gone)} gone, {len(added)} new"
        print(f"{path.stem}: {len(a)} -> {len(b)} records, {status}")
        for row in (gone[:3], added[:3]):
            for r in row:
                print("   ", r[:300])
        differ += len(gone) + len(added)
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("dir", type=Path)
    rec.add_argument("--only", nargs="*", help="corpus names (default: all)")
    cmp = sub.add_parser("compare")
    cmp.add_argument("old", type=Path)
    cmp.add_argument("new", type=Path)
    args = ap.parse_args()
    if args.cmd == "record":
        record(args.dir, set(args.only or ()))
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
