"""How the ConfliBERT development spans resolve: share of gold source/target spans that gestae
resolves to an actor with a country. Not a test; run:

    .venv/bin/python bench/actor_spans.py [../shared/data/dev/conflibert_cameo_ner_train.txt]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from gestae.engine.pipeline import Coder
from gestae.schema import Article

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/dev/conflibert_cameo_ner_train.txt"


def read_bio(path: Path) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """Sentences rebuilt with single spaces, and their labelled spans as character offsets."""
    sentences = []
    tokens: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            word, _, tag = line.rpartition(" ")
            tokens.append((word, tag))
            continue
        if not tokens:
            continue
        text, spans, offset = [], [], 0
        current: list[object] | None = None
        for word, tag in tokens:
            start = offset
            text.append(word)
            offset += len(word) + 1
            if tag.startswith("B-") or (tag.startswith("I-") and current is None):
                current = [tag[2:], start, start + len(word)]
                spans.append(current)
            elif tag.startswith("I-") and current is not None:
                current[2] = start + len(word)
            else:
                current = None
        sentences.append((" ".join(text), [(str(s[0]), int(s[1]), int(s[2])) for s in spans]))  # type: ignore[call-overload]
        tokens = []
    return sentences


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        print(f"not found: {path}", file=sys.stderr)
        return 2
    coder = Coder()
    totals: Counter[str] = Counter()
    with_actor: Counter[str] = Counter()
    with_country: Counter[str] = Counter()
    for text, spans in read_bio(path):
        doc = coder.nlp(text)
        found = coder.analyse(Article(id="dev", text=text), doc)
        actors = [a for m in found.mentions for a in m.actors]
        for label, start, end in spans:
            totals[label] += 1
            hits = [a for a in actors if a.start < end and start < a.end]
            if hits:
                with_actor[label] += 1
            if any(a.country for a in hits):
                with_country[label] += 1
    names = {"S": "source", "T": "target", "R": "reciprocal"}
    for label in ("S", "T", "R"):
        n = totals[label]
        if n:
            print(
                f"{names[label]:10s} spans {n:5d}  with an actor {with_actor[label] / n:6.1%}"
                f"  with a country {with_country[label] / n:6.1%}"
            )
    n = sum(totals.values())
    print(
        f"{'all':10s} spans {n:5d}  with an actor {sum(with_actor.values()) / n:6.1%}"
        f"  with a country {sum(with_country.values()) / n:6.1%}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
