"""PLOVER's auxiliary modes (plover.md, "Auxiliary modes"): an act announced for later or made
conditional by its actor has a type of its own. Cooperation promised is AGREE, a withdrawal
announced or a truce declared is CONCEDE, a hostile act announced or made conditional is
THREATEN. Each is a named record rule; `modality` keeps saying how the text holds the act.
A permission limited by 'only' is read here too: it restricts, it does not concede.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.modality import (
    CONDITIONAL_MARKS,
    carrying_verb,
    has_condition,
    in_conditional,
)
from gestae.engine.records.codes import (
    COMMITTING_AUX,
    DECLARATION_VERBS,
    FUTURE_CONCESSION_MODES,
    FUTURE_COOPERATION_TYPES,
    HOSTILE_TO_THREAT,
    INTENT_CODES,
    INTENT_TO_DEESCALATE,
    RESIGN_MODE,
    WARNED_REFUSAL_TO_THREAT,
    WARNING_VERBS,
    by_prefix,
)
from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.engine.syntax import auxiliaries
from gestae.resources.ontology import Ontology


def clause_of(draft: Draft) -> Token:
    """The verb that holds the act: the light verb before an event noun, the verb that begins
    or carries it on ("would keep fighting": modality.carried-act), else the trigger."""
    first = draft.candidate.trigger_tokens[0]
    clause = first if first.i <= draft.candidate.trigger.i else draft.candidate.trigger
    return carrying_verb(clause) or clause


def committed(draft: Draft) -> bool:
    """The act is announced or made conditional, not merely possible: 'will', 'plans to',
    'would', 'if', 'unless'; not 'could' or 'might', which only speculate, nor 'would have',
    which is counterfactual. An act someone else forecasts ('Ukraine said Russia will
    attack') is nobody's announcement either."""
    if draft.negated:
        return False
    if draft.modality == "hypothetical":
        clause = clause_of(draft)
        if "have" in auxiliaries(clause):
            return False  # "would have captured the city": a past that did not happen
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        conditional = marks & CONDITIONAL_MARKS or in_conditional(clause) or has_condition(clause)
        if not (auxiliaries(clause) & COMMITTING_AUX or conditional or hinted_could(draft)):
            return False
    elif draft.modality != "future":
        return False
    speaker = draft.candidate.reported_by
    if speaker is None or speaker.country is None:
        return True
    countries = {a.country for a in draft.candidate.sources if a.country}
    return not countries or speaker.country in countries


# Verbs by which an actor lets it be known what it could do: "hinted that it could retaliate".
HINTING_VERBS = WARNING_VERBS | {"hint", "signal", "indicate"}


@rule("record.hinted-could")
def hinted_could(draft: Draft) -> bool:
    """'Beijing hinted that it could retaliate with tariffs': what an actor hints, warns or
    signals that it could do is its own announcement, held as a threat or an offer, not a
    guess; 'could' alone ('China could impose tariffs') stays a speculation.

    Example: Kenya hinted that it could expel the Somali ambassador.
    """
    clause = clause_of(draft)
    if "could" not in auxiliaries(clause) or clause.dep_ != "ccomp":
        return False
    if clause.head.lemma_.lower() not in HINTING_VERBS:
        return False
    if "record.hinted-could" not in draft.trace.ids():
        draft.trace.add("record.hinted-could", f"'{clause.head.text}' ... could '{clause.text}'")
    return True


@rule("record.future-agree")
def future_agree(draft: Draft, ontology: Ontology) -> None:
    """Cooperation announced for later or promised on a condition is an intention to
    cooperate: AGREE, with the CAMEO intent code matching the act (036 to meet, 032 to back,
    031x to cooperate, 033x to give aid, 035x to release or let in).

    Example: Japan will send emergency aid to the Philippines.
    """
    if draft.event_type not in FUTURE_COOPERATION_TYPES or not committed(draft):
        return
    if draft.event_type == "RETREAT" and draft.mode in FUTURE_CONCESSION_MODES:
        return  # an announced withdrawal is a concession (record.future-concede)
    code = by_prefix(INTENT_CODES, draft.cameo)
    if code is None:
        return
    draft.trace.add("record.future-agree", f"{draft.modality} {draft.event_type}: AGREE {code}")
    draft.retype(ontology, code)


@rule("record.future-concede")
def future_concede(draft: Draft, ontology: Ontology) -> None:
    """A withdrawal, truce, disarmament or resignation announced for later is a verbal
    concession: PLOVER CONCEDE. CAMEO codes the first three as an intent to de-escalate (0356),
    which the record keeps; a resignation keeps its own code.

    Example: Russia will pull its troops out of Armenia.
    """
    if draft.event_type != "RETREAT" or draft.mode not in FUTURE_CONCESSION_MODES:
        return
    if not committed(draft):
        return
    draft.trace.add("record.future-concede", f"{draft.modality} RETREAT ({draft.mode}): CONCEDE")
    if draft.mode == RESIGN_MODE:
        draft.event_type, draft.mode = "CONCEDE", None
        return
    draft.code = ontology.cameo(INTENT_TO_DEESCALATE)
    draft.cameo, draft.event_type, draft.mode = draft.code.code, "CONCEDE", None


@rule("record.declared-concede")
def declared_concede(draft: Draft) -> None:
    """Declaring or announcing a ceasefire or a withdrawal concedes it in words; it is not yet
    carried out: PLOVER CONCEDE. The CAMEO code stays (0871 is CAMEO's "declare a truce").
    Observing or completing one stays RETREAT.

    Example: Armenia declared a unilateral ceasefire.
    """
    if draft.event_type != "RETREAT" or draft.mode not in FUTURE_CONCESSION_MODES:
        return
    verb = clause_of(draft)
    if draft.negated or verb.lemma_.lower() not in DECLARATION_VERBS:
        return
    draft.trace.add("record.declared-concede", f"'{verb.text}' {draft.mode}: CONCEDE")
    draft.event_type, draft.mode = "CONCEDE", None


@rule("record.future-threaten")
def future_threaten(draft: Draft, ontology: Ontology) -> None:
    """A hostile act announced for later or made conditional is a threat: THREATEN, with the
    CAMEO 13x code of the act threatened (133 protest, 1312 sanctions, 137 repression, 138x
    force).

    Example: Libya would expel the Maltese ambassador unless the ships were returned.
    """
    if not committed(draft):
        return
    code = by_prefix(HOSTILE_TO_THREAT, draft.cameo)
    if code is None:
        return
    draft.trace.add("record.future-threaten", f"{draft.modality} {draft.event_type}: THREATEN")
    draft.retype(ontology, code)


@rule("record.warned-refusal")
def warned_refusal(draft: Draft, ontology: Ontology) -> None:
    """A refusal to tolerate dissent that its actor gives as a warning ("police warned they
    will no longer tolerate rallies") announces repression: THREATEN 137, not REJECT. Said
    without a warning ("will not allow rallies") it stays a refusal (REJECT 124).

    Example: Police in Nairobi warned that they will no longer tolerate street protests.
    """
    if draft.event_type != "REJECT" or not draft.candidate.refusal_frame:
        return
    verb = clause_of(draft)
    if verb.dep_ not in ("ccomp", "xcomp") or verb.head.lemma_.lower() not in WARNING_VERBS:
        return
    code = WARNED_REFUSAL_TO_THREAT.get(draft.cameo)
    if code is None:
        return
    draft.trace.add("record.warned-refusal", f"'{verb.head.text}' + refusal {draft.cameo}")
    draft.retype(ontology, code)
    if auxiliaries(verb) & COMMITTING_AUX:
        draft.modality = "future"  # the repression threatened is still to come


# Verbs of permission, and the CAMEO code a permission limited to a few becomes.
PERMISSION_VERBS = frozenset({"allow", "permit", "let"})
RESTRICTION_CODE = "172"


def _only(verb: Token) -> bool:
    """'only citizens are allowed', 'allowed only citizens', 'are only allowed to': the
    permission is limited by 'only' on the verb or on whom it lets in."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj", "dobj"))]
    return any(c.dep_ == "advmod" and c.lower_ == "only" for h in heads for c in h.children)


@rule("record.restriction")
def restriction(draft: Draft, ontology: Ontology) -> None:
    """'Only citizens are allowed to enter from the three countries': a permission limited to
    a few tells what everyone else may no longer do, a restriction (COERCE 172), not a
    concession.

    Example: Only Kenyan citizens are allowed to enter Kenya from Somalia under the new rules.
    """
    if draft.event_type not in ("RETREAT", "CONCEDE") or draft.negated:
        return
    verb = clause_of(draft)
    if verb.lemma_.lower() not in PERMISSION_VERBS or not _only(verb):
        return
    draft.trace.add("record.restriction", f"'only' + '{verb.text}': COERCE {RESTRICTION_CODE}")
    draft.retype(ontology, RESTRICTION_CODE)


def auxiliary_modes(draft: Draft, ontology: Ontology) -> None:
    """The auxiliary-mode rules, in order; at most one of them changes the type."""
    before = draft.event_type
    restriction(draft, ontology)
    if draft.event_type != before:
        return
    warned_refusal(draft, ontology)
    if draft.event_type != before:
        return
    future_concede(draft, ontology)
    if draft.event_type == before:
        declared_concede(draft)
    for step in (future_agree, future_threaten):
        if draft.event_type == before:
            step(draft, ontology)
