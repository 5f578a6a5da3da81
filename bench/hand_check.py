"""Draw a fixed random sample of coded records for reading against their articles.

    .venv/bin/python bench/hand_check.py ../shared/data/voa/voa_stories.jsonl --events 100 \
        --out /tmp/voa_events.md
    .venv/bin/python bench/hand_check.py ../shared/data/voa/voa_stories.jsonl --located 150 \
        --out /tmp/voa_places.md

The worksheet shows each record with its sentence and the sentences around it, for a reader to
mark right or wrong (type, source, target, date; or the place). The sample depends only on the
seed and the coded records, so a second reader sees the same items. The worksheet quotes the
corpus: keep it out of the repository; docs/quality.md lists verdicts by article id and sentence.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from gestae.engine.config import CoderConfig
from gestae.input.read import read_inputs
from gestae.schema import Actor, Article, EventRecord


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return f"{actor.country or '?'} {actor.sector or ''} «{actor.text}»".strip()


def _around(text: str, sentence: str, width: int = 400) -> tuple[str, str]:
    """The article text just before and after the sentence: what a reader needs to judge it."""
    at = text.find(sentence)
    if at < 0:
        return "", ""
    end = at + len(sentence)
    return text[max(0, at - width) : at].replace("\n", " "), text[end : end + width].replace(
        "\n", " "
    )


def _item(number: int, record: EventRecord, article: Article) -> str:
    index = record.sentence_index
    before, after = _around(article.text, record.sentence)
    place = record.location
    where = "-" if place is None else f"{place.name} ({place.country}, {place.precision})"
    date = "-" if record.date is None else f"{record.date.value} ({record.date.basis})"
    return "\n".join(
        [
            f"## {number}. article {record.article_id}, sentence {index}",
            f"- coded: **{record.event_type}** {record.cameo} mode={record.mode}",
            f"- source: {_actor(record.source)}",
            f"- target: {_actor(record.target)}",
            f"- trigger: «{record.trigger.text if record.trigger else '-'}»",
            f"- date: {date}; published {record.published}",
            f"- place: {where}",
            f"- title: {article.title or '-'}",
            f"- before: …{before}",
            f"- SENTENCE: {record.sentence}",
            f"- after: {after}…",
            "- verdict: ",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--events", type=int, default=0, help="sample this many events")
    parser.add_argument("--located", type=int, default=0, help="sample events with a place")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    coder = CoderConfig().build()
    records: list[EventRecord] = []
    articles: dict[str, Article] = {}
    read = [a for a in read_inputs([str(args.corpus)]) if isinstance(a, Article)]
    for coded in coder.code_many(read):
        articles[coded.article.id] = coded.article
        records += [r for r in coded.records if r.kind == "event"]
    pool = [r for r in records if r.location is not None] if args.located else records
    size = args.located or args.events
    chosen = random.Random(args.seed).sample(pool, min(size, len(pool)))
    chosen.sort(key=lambda r: (r.article_id, r.sentence_index))
    lines = [f"# {len(chosen)} of {len(pool)} records from {args.corpus.name}", ""]
    lines += [_item(n, r, articles[r.article_id]) for n, r in enumerate(chosen, start=1)]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {len(chosen)} items to {args.out}")


if __name__ == "__main__":
    main()
