"""Measure the coder against gold data: `gestae eval GOLD --format ...`.

Three gold formats:
- `gestae`: our JSON Lines of sentences with the events a careful coder records
  (eval/gold_events.jsonl documents it by example): type, quad, dyad and country scores.
- `conflibert-class`: `sentence<TAB>label` with the CAMEO pentaclass (0 statement/appeal,
  1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) of the
  sentence's main event; gestae's first event gives the prediction, none counts as class 0.
- `conflibert-spans`: `token TAG` lines (BIO; S source, T target, R both) with blank lines
  between sentences: how many gold spans gestae's events take as source and target.
- `event-location`: JSON Lines with one marked event word and its places per sentence
  (run/event_location.py): verb recall and location accuracy.

Any of them can be scored on the fixed tune/check split of run/dev_split.py (`--split`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from gestae.errors import InputError
from gestae.input.read import parse_published
from gestae.run.dev_split import Part, split
from gestae.run.eval_report import Coder, Report
from gestae.run.event_location import read_event_location, score_event_location
from gestae.schema import EVENT_TYPES, Article, EventRecord

NONE = "none"
# The record rule that writes a mutual act of three or more parties as its directed pairs.
MULTILATERAL_PAIRS = "record.multilateral-pairs"

# -- gold readers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    published: date | None
    events: list[dict[str, Any]]
    tags: tuple[str, ...] = ()


def read_gestae_gold(path: Path) -> list[GoldSentence]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            events = raw["events"]
            for event in events:
                if event["event_type"] not in EVENT_TYPES:
                    raise ValueError(f"unknown event_type {event['event_type']!r}")
            out.append(
                GoldSentence(
                    str(raw["id"]),
                    raw["text"],
                    parse_published(raw.get("published")),
                    events,
                    tuple(raw.get("tags", ())),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: not a gestae gold line ({exc})") from exc
    return out


def read_conflibert_class(path: Path) -> list[tuple[str, int]]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        if not sep or label.strip() not in {"0", "1", "2", "3", "4"}:
            raise InputError(f"{path}:{number}: expected 'sentence<TAB>label' with label 0-4")
        out.append((text, int(label)))
    return out


class SpanSentence(NamedTuple):
    """A ConfliBERT span sentence: rebuilt as news text writes it, its S/T/R spans as
    character offsets, and the key the dev split reads (the file's tokens joined by spaces,
    as ../shared/tools/devsplit.py joins them, so both tools put it in the same part)."""

    text: str
    spans: list[tuple[str, int, int]]
    key: str


def read_conflibert_spans(path: Path) -> list[SpanSentence]:
    """Sentences rebuilt as news text writes them, and their S/T/R spans as character offsets."""
    sentences: list[SpanSentence] = []
    tokens: list[tuple[str, str]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            word, sep, tag = line.rpartition(" ")
            if not sep or not (tag == "O" or tag[:2] in ("B-", "I-")):
                raise InputError(f"{path}:{number}: expected 'token TAG' with a BIO tag")
            tokens.append((word, tag))
            continue
        if tokens:
            text, spans = _bio_sentence(tokens)
            sentences.append(SpanSentence(text, spans, " ".join(word for word, _ in tokens)))
            tokens = []
    return sentences


# Tokens written against the word before them ("Germany 's", "the end .") and after them
# ("( UN", "$ 5"): the file splits them off; news text does not.
_NO_SPACE_BEFORE = frozenset(
    {
        ",",
        ".",
        ";",
        ":",
        "?",
        "!",
        ")",
        "]",
        "}",
        "%",
        "'s",
        "'S",
        "’s",
        "n't",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
        "'",
    }
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#"})


def _glued(words: list[str], index: int) -> bool:
    """Whether the word at `index` is written with no space before it, as news text has it."""
    word, previous = words[index], words[index - 1]
    before = words[index - 2] if index > 1 else ""
    following = words[index + 1] if index + 1 < len(words) else ""
    if previous in _NO_SPACE_AFTER:
        return True
    if word in (",", ".") and previous[-1:].isdigit() and following[:1].isdigit():
        return True  # "20 , 000" is "20,000", "1 . 5" is "1.5"
    if previous in (",", ".") and before[-1:].isdigit() and word[:1].isdigit():
        return True
    if word in ("’", "'") and following in ("s", "S"):
        return True  # "the North ’ s leader"
    if previous in ("’", "'") and word in ("s", "S"):
        return True
    return word in _NO_SPACE_BEFORE


def _bio_sentence(tokens: list[tuple[str, str]]) -> tuple[str, list[tuple[str, int, int]]]:
    """The sentence as news text writes it (see _glued) and its spans as character offsets."""
    text = ""
    spans: list[tuple[str, int, int]] = []
    label, start, end = "", -1, -1
    words = [word for word, _ in tokens]
    for index, (word, tag) in enumerate(tokens):
        if text and not _glued(words, index):
            text += " "
        begin = len(text)
        text += word
        continues = tag.startswith("I-") and tag[2:] == label and start >= 0
        if continues:
            end = begin + len(word)
            continue
        if start >= 0:
            spans.append((label, start, end))
            label, start, end = "", -1, -1
        if tag != "O":
            label, start, end = tag[2:], begin, begin + len(word)
    if start >= 0:
        spans.append((label, start, end))
    return text, spans


# -- scoring ----------------------------------------------------------------------------------------


def pentaclass(cameo: str | None) -> int:
    """CAMEO root -> pentaclass (01-02: 0, 03-05: 1, 06-08: 2, 09-13 and 16: 3, else 4).

    Root 16 (reduce relations: sanctions, expulsions, halted aid) is verbal conflict in the
    Phoenix/PETRARCH pentaclass the ConfliBERT labels follow: 62 of the 64 development sentences
    gestae codes as 16x carry label 3. PLOVER's quad class (SANCTION = 4) is a different scale."""
    if not cameo:
        return 0
    root = int(cameo[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 or root == 16 else 4


def _events(records: Iterable[EventRecord]) -> list[EventRecord]:
    return [r for r in records if r.kind == "event" and not r.negated]


def _cameo_acts(records: Iterable[EventRecord]) -> list[EventRecord]:
    """Events and CAMEO 01x statements: the ConfliBERT span labels follow CAMEO, which codes a
    statement of concern or a denial as an event of root 01."""
    return [r for r in records if r.kind in ("event", "statement") and not r.negated]


def _per_participant(records: list[EventRecord]) -> list[EventRecord]:
    """The gold file writes a mutual act of three or more parties as one event per participant
    with no target (eval/README.md); the coder writes its directed pairs. Scoring folds each
    such group back into the gold's form: one event per participant, no target."""
    out: list[EventRecord] = []
    seen: set[tuple[str | None, str | None]] = set()
    for record in records:
        if MULTILATERAL_PAIRS not in record.rules:
            out.append(record)
            continue
        key = (record.group, _country(record.source))
        if key not in seen:
            seen.add(key)
            out.append(replace(record, target=None))
    return out


def _country(actor: Any) -> str | None:
    if actor is None:
        return None
    if isinstance(actor, dict):
        value = actor.get("country")
        return str(value) if value else None
    return getattr(actor, "country", None)


QUAD = {
    t: q
    for q, types in {
        1: ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
        2: ("COOPERATE", "AID", "RETREAT"),
        3: ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
        4: ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
    }.items()
    for t in types
}


def score_gestae(gold: list[GoldSentence], code: Coder) -> Report:
    report = Report("gestae")
    country_pairs = country_hits = 0
    empty_total = empty_right = 0
    for item in gold:
        report.sentences += 1
        article = Article(id=item.id, text=item.text, published=item.published)
        predicted = _per_participant(_events(code(article)))
        g_types = Counter(e["event_type"] for e in item.events)
        p_types = Counter(r.event_type for r in predicted)
        report.score("event_type").add(g_types, p_types)
        report.score("quad_class").add(
            Counter(QUAD[t] for t in g_types.elements()),
            Counter(QUAD[str(t)] for t in p_types.elements()),
        )
        report.score("dyad").add(
            Counter(
                (e["event_type"], _country(e.get("source")), _country(e.get("target")))
                for e in item.events
            ),
            Counter((r.event_type, _country(r.source), _country(r.target)) for r in predicted),
        )
        for name in {str(t) for t in g_types} | {str(t) for t in p_types}:
            report.klass(name).add(Counter({name: g_types[name]}), Counter({name: p_types[name]}))
        # Countries of matched events: pair each gold event with an unused prediction of its type.
        pool = list(predicted)
        for event in item.events:
            match = next((r for r in pool if r.event_type == event["event_type"]), None)
            if match is None:
                continue
            pool.remove(match)
            for role in ("source", "target"):
                if event.get(role) is not None:
                    country_pairs += 1
                    country_hits += _country(event[role]) == _country(getattr(match, role))
        first_gold = item.events[0]["event_type"] if item.events else NONE
        first_pred = str(predicted[0].event_type) if predicted else NONE
        report.confusion[(first_gold, first_pred)] += 1
        if not item.events:
            empty_total += 1
            empty_right += not predicted
    report.figures["actor_country_accuracy"] = (
        country_hits / country_pairs if country_pairs else 0.0
    )
    report.figures["no_event_accuracy"] = empty_right / empty_total if empty_total else 0.0
    report.figures["event_type_macro_f1"] = report.macro_f1()
    return report


def score_conflibert_class(gold: list[tuple[str, int]], code: Coder) -> Report:
    report = Report("conflibert-class")
    right = 0
    for number, (text, label) in enumerate(gold):
        report.sentences += 1
        predicted = _events(code(Article(id=f"s{number}", text=text)))
        guess = pentaclass(predicted[0].cameo) if predicted else 0
        right += guess == label
        report.confusion[(str(label), str(guess))] += 1
        for klass in {str(label), str(guess)}:
            report.klass(klass).add(
                Counter({klass: int(str(label) == klass)}),
                Counter({klass: int(str(guess) == klass)}),
            )
    report.figures["pentaclass_accuracy"] = right / report.sentences if report.sentences else 0.0
    report.figures["pentaclass_macro_f1"] = report.macro_f1()
    return report


def score_conflibert_spans(gold: list[SpanSentence], code: Coder) -> Report:
    report = Report("conflibert-spans")
    totals: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for number, (text, spans, _key) in enumerate(gold):
        if not spans:
            continue
        report.sentences += 1
        predicted = _cameo_acts(code(Article(id=f"s{number}", text=text)))
        sources = [r.source for r in predicted if r.source is not None]
        targets = [r.target for r in predicted if r.target is not None]
        for label, start, end in spans:
            roles = {"S": [sources], "T": [targets], "R": [sources, targets]}.get(label, [])
            hit = any(a.start < end and start < a.end for group in roles for a in group)
            totals[label] += 1
            found[label] += hit
    for label, name in (("S", "source"), ("T", "target"), ("R", "reciprocal")):
        if totals[label]:
            report.figures[f"{name}_span_recall"] = found[label] / totals[label]
    both = totals["S"] + totals["T"]
    if both:
        report.figures["source_target_span_recall"] = (found["S"] + found["T"]) / both
    return report


@dataclass(frozen=True)
class GoldFormat:
    """How to read one gold format, which text keys an item for the split, and how to score."""

    read: Callable[[Path], list[Any]]
    key: Callable[[Any], str]
    score: Callable[[list[Any], Coder], Report]


GOLD_FORMATS: dict[str, GoldFormat] = {
    "gestae": GoldFormat(read_gestae_gold, lambda item: item.text, score_gestae),
    "conflibert-class": GoldFormat(
        read_conflibert_class, lambda item: item[0], score_conflibert_class
    ),
    "conflibert-spans": GoldFormat(
        read_conflibert_spans, lambda item: item.key, score_conflibert_spans
    ),
    "event-location": GoldFormat(
        read_event_location, lambda item: item.text or item.id, score_event_location
    ),
}


def _gold(path: Path, fmt: str) -> tuple[GoldFormat, list[Any]]:
    if fmt not in GOLD_FORMATS:
        raise InputError(f"unknown gold format '{fmt}'; use one of {', '.join(GOLD_FORMATS)}")
    if not path.is_file():
        raise InputError(f"gold file not found: {path}")
    spec = GOLD_FORMATS[fmt]
    return spec, spec.read(path)


def evaluate(path: Path, fmt: str, code: Coder, part: Part | None = None) -> Report:
    """Read gold data in `fmt` and score the coder on all of it, or on one part of its split."""
    spec, items = _gold(path, fmt)
    if part is not None:
        items = split(items, spec.key)[part]
    return spec.score(items, code)


def evaluate_split(path: Path, fmt: str, code: Coder) -> dict[Part, Report]:
    """Score the `check` and the `tune` part of a development file separately: a change is
    judged by `check`, and a gain on `tune` alone is a rule fitted to its sentences."""
    spec, items = _gold(path, fmt)
    return {part: spec.score(chosen, code) for part, chosen in split(items, spec.key).items()}


def confusion_rows(report: Report) -> Iterator[tuple[str, dict[str, int]]]:
    labels = sorted({g for g, _ in report.confusion} | {p for _, p in report.confusion})
    for gold_label in labels:
        yield gold_label, {p: report.confusion[(gold_label, p)] for p in labels}
