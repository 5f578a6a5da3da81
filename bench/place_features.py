"""Candidate places of one event and their generic features, for the place scorer that
bench/place_ranker.py trains (not wired into the coder: see docs/places.md, session 18).

The attachment rules stop at the first rule that finds a place. The scorer instead sees every
place the place code can read in the trigger's sentence (what each rule would find, and every
name the tagger calls a place) plus the choice "no place", and describes each one by its form
only: the dependency path from the trigger, the preposition governing it, the rule that found
it, its gazetteer precision, its entity label, its position. No content word is a feature, so
the weights learnt on one corpus say nothing about its names or verbs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from gestae.engine.places.attach import PLACE_RULES
from gestae.engine.places.match import Match
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.specificity import most_specific
from gestae.engine.rules import rule_id_of

# Closed-class words that govern a place phrase; any other governor reads "other".
GOVERNORS = frozenset(
    {
        "in", "at", "near", "outside", "inside", "from", "on", "to", "of", "into", "across",
        "over", "around", "between", "along", "through", "throughout", "towards", "toward",
        "off", "by", "for", "with", "against", "within", "beyond", "north", "south", "east",
        "west", "after", "during", "under", "via",
    }
)  # fmt: skip
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_OBJECTS = frozenset({"dobj", "attr", "oprd"})
# The rules that read other sentences: the dateline, the article, an incident told before.
_BORROWING = frozenset(PLACE_RULES[-5:])


@dataclass
class Option:
    """One choice for the event's place: a match, or None for "no place"."""

    match: Match | None
    features: dict[str, float] = field(default_factory=dict)


def _head_of(match: Match, trigger: Token) -> Token:
    """The token of the span whose head lies outside it."""
    doc = trigger.doc
    for i in range(match.end - 1, match.start - 1, -1):
        tok = doc[i]
        if not match.start <= tok.head.i < match.end or tok.head.i == tok.i:
            return tok
    return doc[match.end - 1]


def _ancestors(token: Token) -> list[Token]:
    """The token and its heads up to the root."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def _path_features(trigger: Token, head: Token, out: dict[str, float]) -> None:
    """Shape of the dependency path: steps up from the trigger, steps down to the place, the
    labels passed on each side and the verbs crossed."""
    up_chain = _ancestors(trigger)
    down_chain = _ancestors(head)
    down_ids = {t.i: n for n, t in enumerate(down_chain)}
    common = next(((n, t) for n, t in enumerate(up_chain) if t.i in down_ids), None)
    if common is None:
        out["path=apart"] = 1.0
        return
    up, lca = common
    down = down_ids[lca.i]
    out[f"up={min(up, 4)}"] = 1.0
    out[f"down={min(down, 5)}"] = 1.0
    out["pathlen"] = math.log1p(up + down)
    for tok in up_chain[:up]:
        out[f"u:{tok.dep_}"] = 1.0
    for tok in down_chain[:down]:
        out[f"d:{tok.dep_}"] = 1.0
    crossed = [t for t in (*up_chain[1:up], *down_chain[1:down]) if t.pos_ in ("VERB", "AUX")]
    if lca.i != trigger.i and lca.pos_ in ("VERB", "AUX"):
        crossed.append(lca)
    out[f"verbs={min(len(crossed), 3)}"] = 1.0
    out[f"lca={lca.pos_}"] = 1.0


def _role_features(trigger: Token, head: Token, out: dict[str, float]) -> None:
    """Whether the place sits inside the event's subject or object phrase, or opens the
    sentence ahead of its subject."""
    for child in trigger.children:
        if head.i in {t.i for t in child.subtree} and child.i != head.i:
            if child.dep_ in _SUBJECTS:
                out["in_subj"] = 1.0
            elif child.dep_ in _OBJECTS:
                out["in_obj"] = 1.0
            elif child.dep_ == "agent":
                out["in_agent"] = 1.0
    root = trigger.sent.root
    subjects = [c.i for c in root.children if c.dep_ in _SUBJECTS]
    if subjects and head.i < min(subjects) and any(t.i == root.i for t in head.ancestors):
        out["fronted"] = 1.0


def candidate_features(
    trigger: Token,
    match: Match,
    rules: list[str],
    chosen: bool,
    count: int,
    actors: Sequence[tuple[int, int]] = (),
) -> dict[str, float]:
    """The generic features of one candidate place of `trigger`'s event; `actors` are the
    character spans of its sources and targets."""
    head = _head_of(match, trigger)
    out: dict[str, float] = {"bias": 1.0}
    doc = trigger.doc
    first, last = doc[match.start], doc[match.end - 1]
    start, end = first.idx, last.idx + len(last.text)
    if any(a_start < end and start < a_end for a_start, a_end in actors):
        out["in_actor"] = 1.0
    out[f"rule={rules[0]}" if rules else "rule=scan"] = 1.0
    out[f"nrules={min(len(rules), 3)}"] = 1.0
    if chosen:
        out["chosen"] = 1.0
    precision = match.entry.precision if match.entry is not None else "unresolved"
    out[f"prec={precision}"] = 1.0
    if match.framed:
        out["framed"] = 1.0
    out[f"ent={head.ent_type_ or '-'}"] = 1.0
    out[f"hdep={head.dep_}"] = 1.0
    governor = head.head.lower_ if head.dep_ == "pobj" else "-"
    out[f"gov={governor if governor in GOVERNORS or governor == '-' else 'other'}"] = 1.0
    if head.sent.start != trigger.sent.start:
        out["other_sent"] = 1.0
    else:
        _path_features(trigger, head, out)
        _role_features(trigger, head, out)
        if any(t.i == trigger.i for t in head.ancestors):
            out["in_subtree"] = 1.0
    out["before" if head.i < trigger.i else "after"] = 1.0
    out["dist"] = math.log1p(abs(head.i - trigger.i))
    out[f"ncand={min(count, 4)}"] = 1.0
    return out


def none_features(trigger: Token, rule: str | None, count: int) -> dict[str, float]:
    """The features of the choice "no place": what the rules did and how many places the
    sentence offers."""
    out: dict[str, float] = {"n:bias": 1.0}
    out[f"n:rule={rule or '-'}"] = 1.0
    out[f"n:ncand={min(count, 4)}"] = 1.0
    out[f"n:pos={trigger.pos_}"] = 1.0
    out[f"n:dep={trigger.dep_}"] = 1.0
    return out


def scanned_names(trigger: Token, resolver: Resolver) -> list[Match]:
    """Every name of the trigger's sentence the tagger calls a place, as the resolver reads
    it in place position (known, or kept unresolved)."""
    found: list[Match] = []
    for tok in trigger.sent:
        if tok.ent_type_ not in _PLACE_LABELS:
            continue
        if tok.head.i != tok.i and tok.head.ent_type_ == tok.ent_type_ and tok.head.ent_iob_ == "I":
            continue  # not the entity's last word
        match = resolver.name(tok)
        if match is not None:
            found.append(match)
    return found


def build_options(
    trigger: Token,
    resolver: Resolver,
    findings: Sequence[tuple[str, Match]],
    chosen: Match | None,
    actors: Sequence[tuple[int, int]] = (),
) -> list[Option]:
    """The options of one event: each distinct span found by a rule or by the scan, then
    "no place". `findings` are (rule id, match) in rule order; `chosen` the rules' answer."""
    spans: dict[tuple[int, int], tuple[Match, list[str]]] = {}
    for rule_id, match in findings:
        match = most_specific(match, trigger, resolver)
        spans.setdefault((match.start, match.end), (match, []))[1].append(rule_id)
    for match in scanned_names(trigger, resolver):
        spans.setdefault((match.start, match.end), (match, []))
    count = len(spans)
    options = []
    for (start, end), (match, rules) in spans.items():
        is_chosen = chosen is not None and (chosen.start, chosen.end) == (start, end)
        features = candidate_features(trigger, match, rules, is_chosen, count, actors)
        options.append(Option(match, features))
    first_rule = findings[0][0] if findings else None
    options.append(Option(None, none_features(trigger, first_rule, count)))
    return options


def place_findings(
    trigger: Token, resolver: Resolver
) -> tuple[list[tuple[str, Match]], Match | None]:
    """What each rule finds, and the rules' choice (the first finding, made most specific, as
    locate_event returns it). The rules that borrow a place from another sentence are read
    only when no rule of the sentence found one: they are the costliest."""
    findings: list[tuple[str, Match]] = []
    chosen: Match | None = None
    for place_rule in PLACE_RULES:
        if chosen is not None and place_rule in _BORROWING:
            continue
        found = place_rule(trigger, resolver)
        if found is None:
            continue
        findings.append((rule_id_of(place_rule), found))
        if chosen is None:
            chosen = most_specific(found, trigger, resolver)
    return findings, chosen
