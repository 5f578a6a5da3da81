"""Which nouns head the subjects, objects and by-agents of lexicon triggers without being an
actor, and how often: the list from which nouns for unnamed people ("vigilantes", "inmates",
"the posse") are decided in data (a sector noun in actors_sectors.yaml, or a generic word with
the reason it is no actor). Nouns already decided either way are left out. Not a test; run:

    .venv/bin/python bench/argument_nouns.py CORPUS.jsonl [...] [--min 3]

Each CORPUS is JSON Lines with a "text" field (the event_location dev file, VOA stories).
Output: noun, count, roles, and the first sentence it was seen in.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Token

from gestae.engine.config import CoderConfig
from gestae.engine.pipeline import Coder
from gestae.schema import Article

ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj")


def texts(paths: list[Path]) -> Iterator[tuple[str, str]]:
    """(id, text) of every line of the corpora."""
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            item = json.loads(line)
            yield str(item.get("id", f"{path.name}:{number}")), item["text"]


def arguments(trigger: Token) -> Iterator[tuple[str, Token]]:
    """Subject, object and by-agent heads of a trigger, with their role."""
    for child in trigger.children:
        if child.dep_ in ARGUMENT_DEPS:
            yield child.dep_, child
        elif child.dep_ == "agent":
            yield from (("agent", g) for g in child.children if g.dep_ == "pobj")


def undecided(coder: Coder, lemma: str) -> bool:
    """Neither a sector noun nor a generic word yet."""
    return coder.dictionary.sector_of_noun(lemma) is None and not coder.dictionary.is_generic(lemma)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--min", type=int, default=3, help="least count listed")
    args = parser.parse_args()
    coder = CoderConfig().build()
    counts: Counter[str] = Counter()
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    seen: dict[str, str] = {}
    for article_id, text in texts(args.corpora):
        doc = coder.nlp(text)
        actors = coder.analyse(Article(id=article_id, text=text), doc)
        covered = {i for m in actors.mentions for i in range(m.start, m.end)}
        for token in doc:
            if token.pos_ not in ("VERB", "NOUN") or coder.events.match(token, actors) is None:
                continue
            for role, head in arguments(token):
                lemma = head.lemma_.lower()
                if head.pos_ != "NOUN" or head.i in covered or not undecided(coder, lemma):
                    continue
                counts[lemma] += 1
                roles[lemma][role] += 1
                seen.setdefault(lemma, f"{token.lemma_}: {head.sent.text[:120]!r}")
    for lemma, count in counts.most_common():
        if count >= args.min:
            print(f"{lemma}\t{count}\t{dict(roles[lemma])}\t{seen[lemma]}")


if __name__ == "__main__":
    main()
