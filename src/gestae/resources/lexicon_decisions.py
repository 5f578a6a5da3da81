"""Decisions on the lemmas the gap report finds (data/lexicon_decisions.yaml), checked at load.

`gestae lexicon --gaps CORPUS` lists words that head a clause with an actor but match no trigger
frame. Each such word is decided once, and the decision is data: either the lexicon covers it
(`covered_by`: the CAMEO codes of its entries in triggers.yaml, which must exist) or it is not an
event (`not_an_event`: why). A decided word then leaves the report, so "every entry of the list
decided" can be checked on any corpus.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from gestae.resources.lexicon import POS_VALUES, WORD, Lexicon
from gestae.resources.loader import DataFile, load_data, package_data

FILE = "lexicon_decisions.yaml"
DECISION_KEYS = frozenset({"lemma", "pos", "covered_by", "not_an_event"})


@dataclass(frozen=True)
class Decision:
    """What was decided about one lemma: the codes that cover it, or why it is no event."""

    lemma: str
    pos: str
    covered_by: tuple[str, ...] = ()
    not_an_event: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class LexiconDecisions:
    """Decided lemmas by (lemma, pos), and the nouns that count as participants in the report."""

    decisions: Mapping[tuple[str, str], Decision]
    participant_nouns: frozenset[str]

    def get(self, lemma: str, pos: str) -> Decision | None:
        return self.decisions.get((lemma, pos))


def _codes(
    value: Any, doc: DataFile, index: int, lexicon: Lexicon, head: tuple[str, str]
) -> tuple[str, ...]:
    codes = [value] if isinstance(value, str) else value
    if not isinstance(codes, list) or not codes or not all(isinstance(c, str) for c in codes):
        raise doc.error(
            "'covered_by' must be a CAMEO code or a list of them", at=("decisions", index)
        )
    listed = {e.cameo for e in lexicon if (e.lemma, e.pos) == head}
    missing = [c for c in codes if c not in listed]
    if missing:
        raise doc.error(
            f"{head[0]} ({head[1]}) is said to be covered by {missing}, but triggers.yaml has "
            f"no such entry (it lists {sorted(listed) or 'none'})",
            at=("decisions", index),
        )
    return tuple(codes)


def _decision(raw: Any, index: int, doc: DataFile, lexicon: Lexicon) -> Decision:
    at = ("decisions", index)
    if not isinstance(raw, dict):
        raise doc.error("a decision must be a mapping", at=at)
    unknown = sorted(set(map(str, raw)) - DECISION_KEYS)
    if unknown:
        raise doc.error(f"unknown key(s) {unknown}; allowed: {sorted(DECISION_KEYS)}", at=at)
    lemma, pos = raw.get("lemma"), raw.get("pos", "verb")
    if not isinstance(lemma, str) or not WORD.match(lemma):
        raise doc.error(f"lemma {lemma!r} must be one lowercase word", at=at)
    if pos not in POS_VALUES:
        raise doc.error(f"pos {pos!r} must be one of {sorted(POS_VALUES)}", at=at)
    covered, why = raw.get("covered_by"), raw.get("not_an_event")
    if (covered is None) == (why is None):
        raise doc.error(f"{lemma}: give exactly one of 'covered_by' and 'not_an_event'", at=at)
    if why is not None:
        if not isinstance(why, str) or not why.strip():
            raise doc.error(f"{lemma}: 'not_an_event' must say why", at=at)
        return Decision(lemma, str(pos), not_an_event=why.strip(), line=doc.line(*at))
    codes = _codes(covered, doc, index, lexicon, (lemma, str(pos)))
    return Decision(lemma, str(pos), covered_by=codes, line=doc.line(*at))


def parse_decisions(doc: DataFile, lexicon: Lexicon) -> LexiconDecisions:
    """Validate the file: known keys, one decision per lemma, covering entries that exist."""
    if not isinstance(doc.data, dict):
        raise doc.error("top level must be a mapping with 'participant_nouns' and 'decisions'")
    raw = doc.data.get("decisions") or []
    if not isinstance(raw, list):
        raise doc.error("'decisions' must be a list", at=("decisions",))
    found: dict[tuple[str, str], Decision] = {}
    for index, item in enumerate(raw):
        decision = _decision(item, index, doc, lexicon)
        key = (decision.lemma, decision.pos)
        if key in found:
            raise doc.error(
                f"{decision.lemma} ({decision.pos}) is decided twice (also line {found[key].line})",
                at=("decisions", index),
            )
        found[key] = decision
    return LexiconDecisions(found, doc.words("participant_nouns"))


def load_decisions(
    source: Path | Traversable | None = None, lexicon: Lexicon | None = None
) -> LexiconDecisions:
    """The packaged decisions (cached), or those of another file."""
    if source is None and lexicon is None:
        return _default_decisions()
    return parse_decisions(load_data(source or package_data(FILE)), lexicon or Lexicon.load())


@cache
def _default_decisions() -> LexiconDecisions:
    return parse_decisions(load_data(package_data(FILE)), Lexicon.load())
