"""Whom a reaction to a decision told before is aimed at. News tells a state's step, then the
reactions: "The United States imposed sanctions on six Venezuelan officials. Caracas condemned
the move." The reacting sentence names no one, so the record had no target; "the move" is the
act just told, and disapproving or rejecting it is aimed at whoever took it.

records/condemned_acts.py aims a condemnation of an act of force ("the strike") at its doer;
this rule reads the other acts a reaction names by their kind. Each noun names acts of one kind:
a decision ("the move", "the step") any act but another reaction or an attack; a measure a step
imposed or eased (never an offer, a meeting or words); a complaint an accusation; a demand a
request; an expulsion an expulsion or a deportation; a penalty ("the sanctions", "the warrants")
a sanction or coercion; a ruling ("the verdict") a court's conviction or sentence. As narrow as
that rule: only a disapproval or rejection (CAMEO 11x, 12x), or a denial statement (016:
"Belarus denied the accusation"), with no target, whose object is such a noun with "the", "this"
or "that" and no owner of its own (nor a word in front naming one: "the congressional move");
only from the nearest of the three sentences before that tells an act of that kind, and only
when that sentence names exactly one doer, never the reactor itself nor the reactor's own state
named without a body of its own ("both Afghan rivals accused each other ... the president's
spokesman rejected the accusations": no other side).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from spacy.tokens import Span, Token

from gestae.engine.records.carried_sources import (
    Earlier,
    aim_at_doer_told,
    definite_object,
    reaction_trigger,
)
from gestae.engine.rules import rule
from gestae.resources.actor_dictionary import ActorDictionary
from gestae.resources.word_classes import words
from gestae.schema import Actor, EventRecord

REACTIONS = ("11", "12")  # disapprove, reject
APPROVALS = ("05",)  # praise, welcome, endorse
DENIALS = frozenset({"016"})  # a denial statement answers a charge
ANY = frozenset({"*"})
COURT = frozenset({"court"})  # a court's conviction, sentence or jailing
EXPELLED = frozenset({"expel"})  # an expulsion of envoys or a deportation, no other penalty
EXPULSION_MODES = frozenset({"expel", "deport"})
THREATS = frozenset({"THREATEN"})  # a threat, also a hostile act still told as announced
HELD = frozenset({"asserted", "reported"})  # how the text holds an act reacted to
HELD_THREATS = HELD | frozenset({"future", "hypothetical"})
# What kind of act each class of nouns names, by PLOVER type ("*": any act).
KINDS = (
    ("reacted_decisions", ANY),
    ("reacted_measures", frozenset({"SANCTION", "COERCE", "CONCEDE", "RETREAT", "MOBILIZE"})),
    # A protest is a street protest as well as a complaint: "criticized the protest".
    ("reacted_protests", frozenset({"ACCUSE", "PROTEST"})),
    ("reacted_complaints", frozenset({"ACCUSE"})),
    ("reacted_demands", frozenset({"REQUEST"})),
    ("reacted_resolutions", frozenset({"REQUEST"})),
    ("reacted_expulsions", EXPELLED),
    ("reacted_penalties", frozenset({"SANCTION", "COERCE"})),
    ("reacted_rulings", COURT),
    ("reacted_censorship", frozenset({"COERCE"})),
    ("reacted_seizures", frozenset({"COERCE"})),
    ("reacted_deals", frozenset({"SUPPORT", "COOPERATE", "AID", "AGREE"})),
    ("reacted_refusals", frozenset({"REJECT"})),
    ("reacted_threats", THREATS),
)


def _own(child: Token) -> bool:
    """Words of the noun's own that name another act or its doer: an owner, a phrase ("the
    move by Russia", "the call for talks"; "condemned the move as aggression" is the
    reaction's), a clause ("the decision to close the border")."""
    if child.dep_ == "prep":
        return child.lower_ != "as"
    if child.dep_ == "amod":  # "the congressional move", "the Chinese move"; not "the latest"
        sector = ActorDictionary.load().modifier_sector(child.lemma_.lower())
        return bool(child.ent_type_) or child.pos_ == "PROPN" or sector is not None
    return child.dep_ in ("poss", "acl", "relcl", "compound")


def _told_act(kinds: frozenset[str]) -> Callable[[EventRecord], bool]:
    """An act of the kinds the noun names; a decision is any act but another reaction or an
    attack (no one calls shelling "the decision"; condemned_acts reads "the attack")."""
    if kinds is ANY:
        return lambda r: r.event_type != "ASSAULT" and not (r.cameo or "").startswith(REACTIONS)
    if kinds is COURT:  # "the verdict" is a court's, never the police's arrest before it
        return lambda r: (
            r.event_type == "SANCTION"
            or (r.event_type == "COERCE" and r.source is not None and r.source.sector == "JUD")
        )
    if kinds is EXPELLED:  # "the expulsions": not the arrests told beside them
        return lambda r: r.event_type in ("SANCTION", "COERCE") and r.mode in EXPULSION_MODES
    if kinds is THREATS:  # "will impose sanctions if ...": a threat before it is coded one
        return lambda r: (
            r.event_type == "THREATEN" or (r.quad_class == 4 and r.modality in HELD_THREATS - HELD)
        )
    return lambda r: r.event_type in kinds


def _kinds(lemma: str, text: str) -> frozenset[str] | None:
    for name, kinds in KINDS:
        if lemma in words(name) or text in words(name):
            return kinds
    return None


def _own_state(record: EventRecord, doer: Actor) -> bool:
    """The doer told before is the reactor's own state, named without a body of its own (or
    the same body): there is no other side to aim the reaction at."""
    source = record.source
    if source is None or doer.country is None or doer.country != source.country:
        return False
    return doer.sector is None or doer.sector == source.sector


@rule("record.reacted-act-doer")
def reacted_act_doer(record: EventRecord, sent: Span, earlier: Earlier) -> EventRecord | None:
    """'The U.S. imposed sanctions on Venezuelan officials. Caracas condemned the move':
    disapproving or rejecting an act the article told before, named by its kind with "the"
    and no doer of its own, is aimed at that act's one doer.

    Example: Chad expelled the French ambassador on Monday. Paris condemned the decision.
    Example: Poland accused Minsk of spying. Belarus denied the accusation.
    """
    fits = lambda code: code.startswith(REACTIONS)  # noqa: E731
    trigger = reaction_trigger(record, sent, earlier, fits, statements=DENIALS)
    return _aimed(record, earlier, trigger, "record.reacted-act-doer")


@rule("record.welcomed-act-doer")
def welcomed_act_doer(record: EventRecord, sent: Span, earlier: Earlier) -> EventRecord | None:
    """'Myanmar's junta extended its truce. Aid groups welcomed the move': welcoming or
    praising an act the article told before, named by its kind with "the" and no doer of its
    own, is aimed at that act's one doer, as disapproving it is (record.reacted-act-doer).

    Example: Ghana reopened its border with Togo on Monday. Lome welcomed the decision.
    """
    fits = lambda code: code.startswith(APPROVALS)  # noqa: E731
    trigger = reaction_trigger(record, sent, earlier, fits)
    return _aimed(record, earlier, trigger, "record.welcomed-act-doer")


def _aimed(
    record: EventRecord, earlier: Earlier, trigger: Span | None, rule_id: str
) -> EventRecord | None:
    """The reaction aimed at the one doer of the act its definite object names, if any."""
    obj = None if trigger is None else definite_object(trigger)
    if obj is None or any(_own(c) for c in obj.children):
        return None  # "condemned Russia's move", "rejected the call for talks"
    kinds = _kinds(obj.lemma_.lower(), obj.lower_)
    if kinds is None:
        return None
    why = f"target: '{obj.text}' is the act sentence {{index}} told, done by it"
    veto = partial(_own_state, record)
    held = HELD_THREATS if kinds is THREATS else HELD
    return aim_at_doer_told(record, earlier, _told_act(kinds), rule_id, why, veto, held)
