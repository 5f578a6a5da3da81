"""Records stage: turn event candidates into output records in the contract.

The record rules (`fallbacks`, `pairs`) settle the type and the participants; this module runs
them in order and fills the contract's fields: the ontology's scores, dates, places, contexts,
a stable id, and the explanation, which is the trace of the rules that produced the record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span

from gestae.engine.actors import DocActors
from gestae.engine.casualties import casualties, is_casualty_verb
from gestae.engine.dates import resolve_date
from gestae.engine.events import EventCandidate
from gestae.engine.places import Gazetteer, locate_event
from gestae.engine.records import fallbacks
from gestae.engine.records.advisories import own_people_warned
from gestae.engine.records.aid_bodies import aid_body_expelled, aid_work_halted
from gestae.engine.records.aliases import drop_aliases
from gestae.engine.records.armed_looting import armed_looting
from gestae.engine.records.armed_raids import armed_raid, freed_in_raid
from gestae.engine.records.audience import press_audience
from gestae.engine.records.blamed_causes import blamed_cause
from gestae.engine.records.captures import person_captured
from gestae.engine.records.carried_sources import Earlier, carry_sources
from gestae.engine.records.claimed_sources import Coded, claimed_attack
from gestae.engine.records.codes import (
    ONE_WAY_CODES,
    ONE_WAY_INTENT_LEMMAS,
    RECIPROCAL_CODES,
    RECIPROCAL_LEMMAS,
    RECIPROCAL_TYPES,
)
from gestae.engine.records.condemned_acts import condemned_act_doer, praised_act_doer
from gestae.engine.records.conveyances import conveyed_referent
from gestae.engine.records.counterparts import counterpart_office
from gestae.engine.records.crowd_clash import armed_clash, crowd_clash, crowd_riot
from gestae.engine.records.departures import home_departure, left_body, own_forces_out
from gestae.engine.records.downed_craft import downed_craft_owner
from gestae.engine.records.draft import Draft, Pair, unique
from gestae.engine.records.evacuations import evacuated_own
from gestae.engine.records.firm_trade import firm_trade
from gestae.engine.records.forecasts import no_threatener
from gestae.engine.records.held_release import release_holder_told
from gestae.engine.records.incidents import incident_records
from gestae.engine.records.merge import merge_restatements, record_id
from gestae.engine.records.modes import auxiliary_modes
from gestae.engine.records.pairs import each_other, exchanged_people, mutual_object, pair_actors
from gestae.engine.records.police_officers import police_story_officers
from gestae.engine.records.private_help import private_help
from gestae.engine.records.reacted_acts import reacted_act_doer, welcomed_act_doer
from gestae.engine.records.rejections import rejected_claim
from gestae.engine.records.sentence_places import clause_place_target
from gestae.engine.records.state_protests import state_protest
from gestae.engine.records.statements import is_statement, statement_records
from gestae.engine.records.students import students_expelled
from gestae.resources.contexts import merge_contexts, sentence_contexts
from gestae.resources.loader import load_data, package_data
from gestae.resources.ontology import Ontology
from gestae.schema import Actor, Article, EventRecord


def told_by(candidate: EventCandidate) -> dict[str, Any]:
    """The record's `extra`: the outcome participles that tell the same act
    (trigger.outcome) and the other words that do (events/same_act.py) as `also_told_by`,
    in text order, when there are any."""
    told = sorted(
        {t.i: t for t in [*candidate.outcomes, *candidate.same_act]}.values(), key=lambda t: t.i
    )
    if not told:
        return {}
    return {"also_told_by": [{"start": t.idx, "end": t.idx + len(t), "text": t.text} for t in told]}


# PLOVER types of acts that are only said, never done at a scene: a meeting, an agreement
# signed or a concession carried out has a place of its own.
SAID_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN"})

# Rules that drop a record whose act is no event between political actors (False drops it).
RECORD_VETOES = (
    press_audience,
    private_help,
    firm_trade,
    own_people_warned,
    home_departure,
    conveyed_referent,
    no_threatener,
    blamed_cause,
)


class RecordBuilder:
    """Holds what every record needs (ontology, gazetteer, refusal table), loaded once per
    coder, and applies the record rules to each candidate in their fixed order."""

    def __init__(self, ontology: Ontology, gazetteer: Gazetteer) -> None:
        self.ontology = ontology
        self.gazetteer = gazetteer
        self.valid_contexts = frozenset(ontology.contexts)
        self.refusals = load_refusals(ontology)

    def refusal(self, cameo: str) -> str | None:
        """The REJECT code for a cooperative act said not to happen, from data/refusals.yaml."""
        return fallbacks.refusal_code(self.refusals, cameo)

    def build(
        self,
        article: Article,
        sentence_index: int,
        sent: Span,
        candidate: EventCandidate,
        actors: DocActors,
        include_negated: bool = False,
    ) -> list[EventRecord]:
        """The records of one candidate: none, one, or one per pair of participants."""
        draft = self.draft(sent, candidate, actors, include_negated)
        if draft is None:
            # A claim turned down that became a REJECT and was then dropped stays dropped.
            if not is_statement(candidate) or "record.rejected-claim" in candidate.trace.ids():
                return []
            return statement_records(
                article,
                sentence_index,
                sent,
                candidate,
                self.ontology,
                self.valid_contexts,
                include_negated,
            )
        pairs = pair_actors(draft)
        fallbacks.multilateral(draft)
        if not pairs:
            return []
        fallbacks.plover_type(draft, self.ontology)
        return self._records(article, sentence_index, draft, pairs)

    def why_unrecorded(
        self, sent: Span, candidate: EventCandidate, actors: DocActors, include_negated: bool
    ) -> str | None:
        """Why a candidate the finder kept gives no record of its own, for `gestae explain`;
        None when it gives one (it may still be merged into a fuller record later)."""
        draft = self.draft(sent, candidate, actors, include_negated)
        if draft is None:
            return (
                "its CAMEO code has no PLOVER type, it is denied, it is only said to the press,"
                " or it is help between sides no dictionary places"
            )
        if not pair_actors(draft):
            return (
                "no participant: no source or target actor, and no place with a country"
                " to stand for the unknown attacker"
            )
        return None

    def draft(
        self, sent: Span, candidate: EventCandidate, actors: DocActors, include_negated: bool
    ) -> Draft | None:
        """The candidate after the rules that settle its type and fill in its participants;
        None when it gives no record (no PLOVER type, or a denial not asked for)."""
        entry = candidate.entry
        code = self.ontology.cameo(entry.cameo)
        if code.plover is None:
            code = rejected_claim(candidate, self.ontology) or code
        if code.plover is None:
            return None
        draft = Draft(
            candidate,
            sent,
            actors,
            code,
            code.code,
            code.plover,
            entry.mode or code.mode,
            candidate.negated,
            candidate.modality,
        )
        fallbacks.refusal(draft, self.ontology, self.refusals)
        if not fallbacks.keep_negated(draft, include_negated):
            return None
        auxiliary_modes(draft, self.ontology)
        if draft.mode is not None and not self.ontology.is_mode(draft.event_type, draft.mode):
            draft.mode = None
        draft.sources = drop_aliases(unique(candidate.sources), sent.doc, draft.trace)
        draft.targets = drop_aliases(unique(candidate.targets), sent.doc, draft.trace)
        fallbacks.joint_exercise(draft, self.ontology)
        fallbacks.peacekeeping_deployment(draft, self.ontology)
        armed_looting(draft, self.ontology)
        # Objects kept only as words (no country) give way to any target the rules can name;
        # they come back when nothing better is found (record.unnamed-target).
        draft.unnamed = [
            t for t in draft.targets if t.country is None and t.kind == "group" and not t.sector
        ]
        if draft.unnamed and len(draft.unnamed) == len(draft.targets):
            draft.targets = []
        draft.location = locate_event(
            candidate.trigger,
            self.gazetteer,
            actors.countries(),
            draft.trace,
            verbal=draft.event_type in SAID_TYPES,
        )
        draft.reciprocal = _reciprocal(draft)
        state_protest(draft, self.ontology)
        for fallback in fallbacks.ACTOR_FALLBACKS:
            fallback(draft)
        downed_craft_owner(draft)
        police_story_officers(draft)
        clause_place_target(draft, self.gazetteer)
        person_captured(draft, self.ontology, self.gazetteer)
        armed_raid(draft, self.ontology)
        freed_in_raid(draft, self.ontology)
        crowd_clash(draft, self.ontology)
        armed_clash(draft, self.ontology)
        crowd_riot(draft, self.ontology)
        left_body(draft, self.ontology)
        own_forces_out(draft, self.ontology)
        aid_body_expelled(draft, self.ontology)
        aid_work_halted(draft, self.ontology)
        students_expelled(draft, self.ontology)
        evacuated_own(draft)
        counterpart_office(draft)
        if not all(keep(draft) for keep in RECORD_VETOES):
            return None
        return draft

    def _records(
        self, article: Article, sentence_index: int, draft: Draft, pairs: list[Pair]
    ) -> list[EventRecord]:
        candidate, sent = draft.candidate, draft.sent
        event_type, cameo, mode = draft.event_type, draft.cameo, draft.mode
        published = article.published
        date_info = resolve_date(candidate.trigger, published, draft.trace)
        fatalities, injured = (
            casualties(candidate.trigger) if is_casualty_verb(candidate.trigger) else (None, None)
        )
        contexts = merge_contexts(
            draft.code.contexts,
            candidate.entry.contexts,
            sentence_contexts(sent, self.valid_contexts),
        )
        trigger = candidate.trigger_words()
        group = None
        if len(pairs) > 1:
            group = record_id(article.id, sentence_index, trigger.start, event_type, None, None)
        explanation = "; ".join([*_candidate_steps(candidate), *map(str, draft.trace.steps)])
        rules = [*candidate.trace.ids(), *draft.trace.ids()]
        return [
            EventRecord(
                id=record_id(article.id, sentence_index, trigger.start, event_type, source, target),
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
                location=draft.location,
                negated=draft.negated,
                modality=draft.modality,
                reported_by=candidate.reported_by,
                fatalities=fatalities,
                injured=injured,
                confidence=_confidence(source, target, candidate),
                explanation=explanation,
                group=group,
                rules=list(rules),
                extra=told_by(candidate),
            )
            for source, target in pairs
        ]

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

    def carry_sources(
        self, records: list[EventRecord], sent: Span, earlier: Earlier
    ) -> list[EventRecord]:
        """The sentence's records, an act with no doer given the doer of the act it follows
        up in the sentence before (records/carried_sources.py), a condemnation of an act told
        before aimed at its doer (records/condemned_acts.py), a reaction to a decision told
        before, disapproving or welcoming, aimed at whoever took it (records/reacted_acts.py), an act of
        force praised aimed at its doer, and a call to free people seized
        before aimed at their holder (records/held_release.py)."""
        carried = carry_sources(records, sent, earlier)
        return [
            condemned_act_doer(r, sent, earlier)
            or reacted_act_doer(r, sent, earlier)
            or welcomed_act_doer(r, sent, earlier)
            or praised_act_doer(r, sent, earlier)
            or release_holder_told(r, sent, earlier)
            or r
            for r in carried
        ]

    def claimed_sources(self, coded: Coded) -> None:
        """The window's violent acts with no doer around a group's claim of the attack take
        that group (records/claimed_sources.py); the records are replaced in place."""
        claimed_attack(coded)

    def incidents(
        self, article: Article, sentence_index: int, sent: Span, actors: DocActors
    ) -> list[EventRecord]:
        """Deaths and injuries from accidents and disasters, as records of kind "incident"."""
        return incident_records(
            article, sentence_index, sent, actors, self.gazetteer, self.valid_contexts
        )


def _candidate_steps(candidate: EventCandidate) -> list[str]:
    """What the event rules did, as explanation steps: the named trace once the event finder
    fills it, its free-text reasons until then."""
    if candidate.trace:
        return [str(s) for s in candidate.trace.steps]
    return list(candidate.reasons)


def load_refusals(ontology: Ontology) -> dict[str, str]:
    """CAMEO prefix of a negated cooperative act -> the REJECT code to emit (validated)."""
    doc = load_data(package_data("refusals.yaml"))
    if not isinstance(doc.data, dict):
        raise doc.error("expected a mapping of CAMEO prefix -> REJECT code")
    out: dict[str, str] = {}
    for prefix, code in doc.data.items():
        prefix, code = str(prefix), str(code)
        if code not in ontology.codes or ontology.cameo(code).plover != "REJECT":
            raise doc.error(
                f"{code} is not a CAMEO code of type REJECT", f"'{prefix}'", at=(prefix,)
            )
        out[prefix] = code
    return out


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


def _reciprocal(draft: Draft) -> bool:
    """Whether the act's participants act on each other: its type or code is mutual, or the
    words say so ("each other", people exchanged, a mutual object)."""
    candidate = draft.candidate
    mutual = (
        (
            draft.event_type in RECIPROCAL_TYPES
            and candidate.entry.lemma not in ONE_WAY_INTENT_LEMMAS
            and draft.cameo not in ONE_WAY_CODES
        )
        or candidate.trigger.lemma_.lower() in RECIPROCAL_LEMMAS
        or candidate.entry.lemma in RECIPROCAL_LEMMAS  # "clashes erupted": anchored on the verb
        or draft.cameo in RECIPROCAL_CODES
    )
    return each_other(draft) or exchanged_people(draft) or mutual or mutual_object(draft)
