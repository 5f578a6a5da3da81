"""Records stage: turn event candidates into output records in the contract.

This is where the ontology is applied (PLOVER type, mode, CAMEO code, scores), compound actors
are expanded into one record per actor, dates and places are attached, and each record gets a
stable id and an explanation of the rules that produced it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from gestae.engine.actors import DocActors
from gestae.engine.casualties import casualties, is_casualty_verb, is_incident_cause
from gestae.engine.dates import resolve_date
from gestae.engine.events import FUTURE_MATERIAL_TO_AGREE, EventCandidate
from gestae.engine.places import Gazetteer, locate_event
from gestae.errors import DataFileError
from gestae.resources.contexts import merge_contexts, sentence_contexts
from gestae.resources.ontology import Ontology
from gestae.resources.word_classes import words
from gestae.schema import Actor, Article, EventRecord, Trigger

# Types whose participants act on each other: "A and B met" is A->B and B->A.
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Triggers that are mutual whatever their type: "A and B clashed / exchanged fire".
RECIPROCAL_LEMMAS = words("reciprocal_lemmas")
# Acts only a state performs (arrest and detain, expel and deport, ban and censor): with no
# named agent, the state where they happen did them.
STATE_POWER_CODES = ("172", "173", "174")
# Material conflict whose target, when unnamed, is the country where it happened.
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE"})
# Types that PLOVER codes only with a target; an implicit one may come from the sentence.
TARGET_NEEDED = frozenset(
    {"THREATEN", "SANCTION", "COERCE", "ACCUSE", "REQUEST", "REJECT", "AID", "COOPERATE"}
)


def record_id(
    article_id: str,
    sentence_index: int,
    trigger_start: int,
    event_type: str,
    source: Actor | None,
    target: Actor | None,
) -> str:
    """Same article, sentence, trigger, type and dyad -> same id on every run."""
    parts = [
        article_id,
        str(sentence_index),
        str(trigger_start),
        event_type,
        _actor_key(source),
        _actor_key(target),
    ]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _actor_key(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return f"{actor.start}:{actor.country or ''}:{actor.sector or ''}"


class RecordBuilder:
    def __init__(self, ontology: Ontology, gazetteer: Gazetteer) -> None:
        self.ontology = ontology
        self.gazetteer = gazetteer
        self.valid_contexts = frozenset(ontology.contexts)
        self.refusals = load_refusals(ontology)

    def refusal(self, cameo: str) -> str | None:
        """The REJECT code for a cooperative act said not to happen, from data/refusals.yaml."""
        for size in range(len(cameo), 1, -1):
            code = self.refusals.get(cameo[:size])
            if code is not None:
                return code
        return None

    def build(
        self,
        article: Article,
        sentence_index: int,
        sent: Span,
        candidate: EventCandidate,
        actors: DocActors,
        include_negated: bool = False,
    ) -> list[EventRecord]:
        entry = candidate.entry
        code = self.ontology.cameo(entry.cameo)
        event_type = code.plover
        if event_type is None:
            return []
        mode = entry.mode or code.mode
        cameo = code.code
        reasons = list(candidate.reasons)
        negated = candidate.negated
        modality = candidate.modality
        refusal = self.refusal(cameo) if negated and candidate.refusal_frame else None
        if refusal is not None:
            reasons.append(f"'will not' + cooperative act ({cameo}) is a refusal: CAMEO {refusal}")
            code = self.ontology.cameo(refusal)
            cameo, event_type, mode, negated = code.code, "REJECT", code.mode, False
            modality = "asserted" if modality == "future" else modality
        if negated and not include_negated:
            return []
        if modality == "future" and event_type in FUTURE_MATERIAL_TO_AGREE:
            reasons.append(f"future {event_type} is an intention to cooperate: AGREE (PLOVER)")
            cameo = FUTURE_MATERIAL_TO_AGREE[event_type]
            event_type, mode = "AGREE", None
        if mode is not None and not self.ontology.is_mode(event_type, mode):
            mode = None
        sources = _unique(candidate.sources)
        targets = _unique(candidate.targets)
        # Objects kept only as words (no country) give way to any target the rules below can
        # name; they stay when nothing better is found.
        unnamed = [t for t in targets if t.country is None and t.kind == "group" and not t.sector]
        if unnamed and len(unnamed) == len(targets):
            targets = []
        if not targets and event_type in TARGET_NEEDED:
            implicit = _implicit_target(sent, actors, sources)
            if implicit is not None:
                targets = [implicit]
                reasons.append(
                    f"implicit target: {implicit.label()} is the only other state in the sentence"
                )
                candidate.implicit_target = True
        location = locate_event(candidate.trigger, self.gazetteer, actors.countries())
        if not sources and cameo.startswith(STATE_POWER_CODES) and location and location.country:
            # "was arrested on Monday in Niger": arrests, expulsions and bans are the state's
            # acts, so an unnamed agent is the state where they happen.
            sources = [
                Actor(
                    location.text,
                    location.start,
                    location.end,
                    location.country,
                    "GOV",
                    None,
                    "state",
                    None,
                    "source: arrests and expulsions are made by the state where they happen",
                )
            ]
            reasons.append(f"no named agent: the state where it happened ({location.country})")
        if not targets and event_type == "PROTEST" and sources and sources[0].country:
            # A protest names no target when it is aimed at the protesters' own state (CAMEO).
            home = sources[0]
            targets = [
                Actor(
                    home.text,
                    home.start,
                    home.end,
                    home.country,
                    None,
                    None,
                    "state",
                    None,
                    "target: a protest with no named target is aimed at its own state",
                )
            ]
            reasons.append(f"protest aimed at the protesters' own state ({home.country})")
        place_fallback = event_type == "ASSAULT" or (
            event_type in PLACE_TARGET_TYPES and not unnamed
        )
        if not targets and place_fallback and location and location.country:
            # "shelled positions near Kharkiv": an attack on a place hits that country.
            targets = [
                Actor(
                    location.text,
                    location.start,
                    location.end,
                    location.country,
                    None,
                    location.name,
                    "state",
                    None,
                    "target: the country where the attack fell",
                )
            ]
            reasons.append(f"no named target: the attack fell in {location.country}")
        if event_type == "MOBILIZE" and sources:
            # Police deployed across Nairobi by the Kenyan government are aimed at no one
            # named: a deployment inside the source's own country has no target.
            own = {a.country for a in sources if a.country}
            targets = [t for t in targets if not (t.kind == "state" and t.country in own)]
        reciprocal = (
            event_type in RECIPROCAL_TYPES or candidate.trigger.lemma_.lower() in RECIPROCAL_LEMMAS
        )
        if not targets and unnamed and not (reciprocal and len(sources) == 2):
            targets = unnamed
        pairs = self._pairs(reciprocal, sources, targets, reasons)
        if event_type == "CONSULT" and len(sources) >= 3 and not targets:
            mode = mode or "multilateral"
        if not pairs:
            return []

        published = article.published
        date_info = resolve_date(candidate.trigger, published)
        fatalities, injured = (
            casualties(candidate.trigger) if is_casualty_verb(candidate.trigger) else (None, None)
        )
        contexts = merge_contexts(
            code.contexts, entry.contexts, sentence_contexts(sent, self.valid_contexts)
        )
        first, last = candidate.trigger_tokens[0], candidate.trigger_tokens[-1]
        trigger = Trigger(sent.doc[first.i : last.i + 1].text, first.idx, last.idx + len(last))
        group = None
        if len(pairs) > 1:
            group = record_id(article.id, sentence_index, trigger.start, event_type, None, None)
        records = []
        for source, target in pairs:
            confidence = _confidence(source, target, candidate)
            explanation = "; ".join(
                [*reasons, f"CAMEO {cameo} ({self.ontology.cameo(cameo).name}) -> {event_type}"]
            )
            records.append(
                EventRecord(
                    id=record_id(
                        article.id, sentence_index, trigger.start, event_type, source, target
                    ),
                    article_id=article.id,
                    published=published.isoformat() if published else None,
                    sentence_index=sentence_index,
                    sentence=sent.text.strip(),
                    event_type=event_type,
                    mode=mode,
                    contexts=contexts,
                    cameo=cameo,
                    quad_class=self.ontology.quad_class(event_type),
                    intensity=self.ontology.intensity(event_type, mode),
                    goldstein=self.ontology.cameo(cameo).goldstein,
                    source=source,
                    target=target,
                    trigger=trigger,
                    date=date_info,
                    location=location,
                    negated=negated,
                    modality=modality,
                    reported_by=candidate.reported_by,
                    fatalities=fatalities,
                    injured=injured,
                    confidence=confidence,
                    explanation=explanation,
                    rules=candidate.trace.ids(),
                    group=group,
                )
            )
        return records

    def build_sentence(
        self,
        article: Article,
        sentence_index: int,
        sent: Span,
        candidates: Iterable[EventCandidate],
        actors: DocActors,
        include_negated: bool = False,
    ) -> list[EventRecord]:
        """The records of one sentence, each real event once (see `merge_restatements`)."""
        records = [
            record
            for candidate in candidates
            for record in self.build(
                article, sentence_index, sent, candidate, actors, include_negated
            )
        ]
        return merge_restatements(records)

    def _pairs(
        self, reciprocal: bool, sources: list[Actor], targets: list[Actor], reasons: list[str]
    ) -> list[tuple[Actor | None, Actor | None]]:
        if sources and targets:
            pairs = [(s, t) for s in sources for t in targets if not _same(s, t)]
            if not pairs:
                # "the government released the detained leaders": a target read as the source
                # itself is no target; the act still happened.
                reasons.append("the only target found is the source itself")
                return [(s, None) for s in sources]
            kept: list[tuple[Actor | None, Actor | None]] = [
                (s, t) for s, t in pairs if not _own_side(s, t)
            ]
            if len(kept) < len(pairs):
                reasons.append(
                    "a target of the source's own country given only by context or "
                    "'its/their' is the source's own side, not a target"
                )
            if kept:
                return kept
            return [(s, None) for s in dict.fromkeys(s for s, _ in pairs)]
        if reciprocal and len(sources) == 2:
            reasons.append("reciprocal: each participant acts toward the other")
            return [(sources[0], sources[1]), (sources[1], sources[0])]
        if sources:
            if len(sources) > 1:
                reasons.append(f"compound actor: one record per participant ({len(sources)})")
            return [(s, None) for s in sources]
        return [(None, t) for t in targets]

    def incidents(
        self, article: Article, sentence_index: int, sent: Span, actors: DocActors
    ) -> list[EventRecord]:
        """Deaths and injuries from accidents and disasters, as records of kind "incident"."""
        out = []
        for token in sent:
            if not is_casualty_verb(token) or any(c.dep_ == "neg" for c in token.children):
                continue
            cause = _cause(token)
            if cause is None:
                continue
            fatalities, injured = casualties(token)
            if fatalities is None and injured is None:
                continue
            published = article.published
            trigger = Trigger(token.text, token.idx, token.idx + len(token))
            out.append(
                EventRecord(
                    id=record_id(article.id, sentence_index, trigger.start, "INCIDENT", None, None),
                    article_id=article.id,
                    published=published.isoformat() if published else None,
                    sentence_index=sentence_index,
                    sentence=sent.text.strip(),
                    event_type=None,
                    mode=None,
                    contexts=sentence_contexts(sent, self.valid_contexts),
                    cameo=None,
                    quad_class=None,
                    intensity=None,
                    goldstein=None,
                    source=None,
                    target=None,
                    trigger=trigger,
                    date=resolve_date(token, published),
                    location=locate_event(token, self.gazetteer, actors.countries()),
                    negated=False,
                    modality="asserted",
                    reported_by=None,
                    fatalities=fatalities,
                    injured=injured,
                    confidence=0.6,
                    explanation=(
                        f"incident: '{cause.text}' {token.lemma_}s people; an accident or "
                        "disaster, not an act of a political actor, so no PLOVER type"
                    ),
                    kind="incident",
                )
            )
        return out


def load_refusals(ontology: Ontology) -> dict[str, str]:
    """CAMEO prefix of a negated cooperative act -> the REJECT code to emit (validated)."""
    name = "refusals.yaml"
    raw = yaml.safe_load(
        resources.files("gestae.resources").joinpath("data").joinpath(name).read_text("utf-8")
    )
    if not isinstance(raw, dict):
        raise DataFileError(f"{name}: expected a mapping of CAMEO prefix -> REJECT code")
    out: dict[str, str] = {}
    for prefix, code in raw.items():
        prefix, code = str(prefix), str(code)
        if code not in ontology.codes or ontology.cameo(code).plover != "REJECT":
            raise DataFileError(f"{name}: '{prefix}': {code} is not a CAMEO code of type REJECT")
        out[prefix] = code
    return out


def _cause(verb: Token) -> Token | None:
    """What killed, when it names an accident or disaster: "a ferry sinking", "the flood",
    "the drowning ... that killed", or the clause a participle hangs from ("capsized, killing")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("that", "which") and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None and verb.dep_ in ("advcl", "conj") and verb.head.pos_ == "VERB":
        subject = verb.head
    if subject is None:
        return None
    for token in (subject, *subject.children):
        modifies = token.i == subject.i or token.dep_ in ("acl", "compound", "amod", "relcl")
        if modifies and is_incident_cause(token):
            return token
    return None


def _unique(actors: Sequence[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for actor in actors:
        if not any(_same(actor, other) and actor.start == other.start for other in out):
            out.append(actor)
    return out


def _same(a: Actor, b: Actor) -> bool:
    if a.country and b.country:
        return a.country == b.country and a.sector == b.sector and a.name == b.name
    return a.start == b.start and a.end == b.end


def _own_side(source: Actor, target: Actor) -> bool:
    """'Armenia mobilised its reservists': the source's own side, not a target: an 'its/their'
    phrase, or forces and officials whose country came only from the article's context."""
    if source.country is None or source.country != target.country:
        return False
    text = target.text.lower()
    if text.startswith(("its ", "their ", "his ", "her ")):
        return True
    # The state's own forces or officials ("called up reservists", "deployed riot police");
    # another branch of the same state is a real target ("the Supreme Court rejected the
    # government's plan").
    if source.sector and target.sector and source.sector != target.sector:
        return False
    return "context" in target.rule and target.sector in ("MIL", "COP", "GOV", "SPY")


def _implicit_target(sent: Span, actors: DocActors, sources: list[Actor]) -> Actor | None:
    """The one state named in the sentence besides the source (e.g. "British waters")."""
    source_countries = {a.country for a in sources}
    others: dict[str, Actor] = {}
    for mention in actors.mentions:
        if mention.reference or not (sent.start <= mention.head < sent.end):
            continue
        for actor in mention.actors:
            if actor.country and actor.country not in source_countries and actor.kind == "state":
                others.setdefault(actor.country, actor)
    if len(others) == 1:
        return next(iter(others.values()))
    return _demonym_target(sent, actors, source_countries)


def _demonym_target(sent: Span, actors: DocActors, exclude: set[str | None]) -> Actor | None:
    """A demonym modifying a non-actor noun ("British waters") still names a state."""
    found = actors.adjective_states(sent)
    others = {a.country: a for a in found if a.country not in exclude}
    if len(others) == 1:
        return next(iter(others.values()))
    return None


def _confidence(source: Actor | None, target: Actor | None, candidate: EventCandidate) -> float:
    score = 0.45
    if source is not None:
        score += 0.2 if source.country else 0.08
    if target is not None:
        score += 0.15 if target.country else 0.05
    score += 0.05 * min(candidate.entry.specificity, 2)
    if candidate.implicit_target:
        score -= 0.15
    if candidate.modality != "asserted":
        score -= 0.05
    return round(max(0.05, min(score, 0.95)), 2)


def _role_key(actor: Actor | None) -> tuple[str | None, str | None] | None:
    return None if actor is None else (actor.country, actor.sector)


def _says_no_less(other: EventRecord, record: EventRecord) -> bool:
    """True when `other` names everything `record` names about the same act."""
    if other.event_type != record.event_type or other.negated != record.negated:
        return False
    for role in ("source", "target"):
        mine, theirs = _role_key(getattr(record, role)), _role_key(getattr(other, role))
        if mine is not None and mine != theirs:
            return False
    return True


def merge_restatements(records: list[EventRecord]) -> list[EventRecord]:
    """One sentence often names one act twice ("launched a drone attack on Abha, wounding
    eight": verb and noun, or the attack and its outcome). A record that another record of the
    same type says as much or more about is the same event and is dropped; of two equal ones the
    first stays. Records with different actors (compound actors, reciprocal pairs) all stay."""
    kept: list[EventRecord] = []
    for i, record in enumerate(records):
        if record.kind != "event":
            kept.append(record)
            continue
        covered = False
        for j, other in enumerate(records):
            if i == j or other.kind != "event" or not _says_no_less(other, record):
                continue
            # Equal records: the earlier one stays; else the fuller one does.
            if not _says_no_less(record, other) or j < i:
                covered = True
                break
        if not covered:
            kept.append(record)
    return kept
