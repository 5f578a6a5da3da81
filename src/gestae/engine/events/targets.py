"""At whom the act was aimed: what the lexicon entry's frame names, else the usual places
(usual_targets.py: objects, datives, participant prepositions, ...; here: the complement's
target), each a named rule tried in a fixed order; the first that finds someone wins."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.aimed_weapons import weapon_aimed_at
from gestae.engine.events.answered_offers import offer_answerer
from gestae.engine.events.asked_parties import asked_for_party, asked_party, pair_asked
from gestae.engine.events.clause_targets import (
    clause_subject,
    condition_subject,
    for_clause_subject,
)
from gestae.engine.events.codes import (
    LEAVING_CODES,
    MOBILIZATION_CODES,
    WITHDRAWAL_CODES,
)
from gestae.engine.events.complaint_targets import complained_about
from gestae.engine.events.context import Event
from gestae.engine.events.cyber_acts import system_owner
from gestae.engine.events.founded_things import founded_thing
from gestae.engine.events.gathering_targets import gathering_agent
from gestae.engine.events.gerund_doers import stance_gerund_doer
from gestae.engine.events.goods_origin import goods_origin, origin_states
from gestae.engine.events.helped_targets import helped_target
from gestae.engine.events.holding_owners import holdings_owner
from gestae.engine.events.left_places import force_left_from
from gestae.engine.events.mentions import (
    actor_group,
    locative,
    pobj_actors,
    unnamed_target,
    with_country,
)
from gestae.engine.events.nominal_parties import repeated_talks
from gestae.engine.events.place_targets import described_place
from gestae.engine.events.reached_targets import (
    conjoined_object,
    contact_partner,
    idea_author,
    lower_recipient,
    mediated_object,
    mediated_sides,
    message_addressee,
    object_pronoun,
    pressing_party,
    release_holder,
    taken_from,
)
from gestae.engine.events.repeated_preps import repeated_prep
from gestae.engine.events.side_phrases import (
    act_doers,
    act_possessor,
    blamed_doer,
    harm_victim,
    losing_side,
)
from gestae.engine.events.target_search import Search, moves_own_force, searched
from gestae.engine.events.thing_targets import (
    attack_vehicle,
    belonging_owners,
    deportees,
    held_over,
    impact_clause,
    measure_party,
    mission_host,
    thing_goal,
    thing_pronoun,
)
from gestae.engine.events.usual_targets import (
    across_border,
    dative_target,
    discussion_topic,
    fight_object,
    frame_object_prep,
    light_verb_prep,
    lower_prep,
    object_target,
    of_object,
    participant_prep,
    phone_partner,
    place_in_object,
    placed_under,
    unnamed_object,
    unnamed_prep,
)
from gestae.engine.rules import rule
from gestae.engine.syntax import (
    COMPLEMENT_DEPS,
    OBJECT_DEPS,
    SUBJECT_DEPS,
    child,
    objects,
    prep_child,
)
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

# Directions a deployment takes: their object, even a place, is what the force is aimed at.
DEPLOYMENT_PREPS = ("to", "into", "around", "toward", "towards", "near", "along", "across")
# How deep a complement's complement is still searched ("refused to agree to meet X").
COMPLEMENT_DEPTH = 2
# Purpose verbs whose object the act serves ("to protect civilians"), not aims at.
PROTECTIVE_PURPOSE_LEMMAS = words("protective_purpose_lemmas")


# -- the complement's target, and the order of the usual places ---------------------------------


@rule("target.complement")
def complement_target(q: Search) -> list[Mention]:
    """'refused to meet the envoy', 'threatened to expel X': the complement's target.

    Example: Algeria refused to meet the French envoy.
    """
    if q.depth >= COMPLEMENT_DEPTH or asked_party(q):
        return []
    for comp in q.token.children:
        if protected_beneficiary(q, comp):
            continue
        # An infinitive's "to": "after the envoy returns to Kampala" is a time clause.
        if comp.dep_ == "xcomp" or (
            comp.dep_ in ("advcl", "ccomp")
            and any(c.lower_ == "to" and c.dep_ == "aux" for c in comp.children)
        ):
            found = _clause_target(q, comp) or joined_complement(q, comp)
            if found:
                return q.found("target.complement", found)
    return []


def _clause_target(q: Search, comp: Token) -> list[Mention]:
    frame = q.ev.grammar.match(comp, q.ev.actors)
    if frame is not None:  # its own frame knows ("agreed to withdraw troops from Georgia")
        return target_from_entry(q.ev, comp, frame)
    founded = founded_thing(q, comp)
    return fallback_targets(searched(q.ev, comp, q.depth + 1)) if founded is None else founded


@rule("target.joined-complement")
def joined_complement(q: Search, comp: Token) -> list[Mention]:
    """'agreed to lay down their arms and join forces with the United States': when the
    complement names no target, a verb joined to it that shares its subject may ("join forces
    with X"): a party with a country, not the doer's own; the act agreed is the pair of them.

    Example: The rebels agreed to lay down their arms and join forces with the Ugandan army.
    """
    subject = child(q.token, SUBJECT_DEPS)
    mention = q.ev.actors.at(subject) if subject is not None else None
    own = {a.country for a in mention.actors} if mention is not None else set()
    for joined in comp.conjuncts:
        if joined.i < comp.i or joined.pos_ != "VERB" or child(joined, SUBJECT_DEPS) is not None:
            continue
        # Only a party with a country of its own: no thing ("provide security guarantees"),
        # nor the doer's own state ("agreed to resign and leave Greece").
        found = [
            m
            for m in with_country(_clause_target(q, joined))
            if not all(a.kind == "state" and a.country in own for a in m.actors)
        ]
        if found:
            return q.found("target.joined-complement", found)
    return []


@rule("target.protected-beneficiary")
def protected_beneficiary(q: Search, comp: Token) -> bool:
    """'troops deployed to protect civilians': the object of a deployment's protective purpose
    clause (word class protective_purpose_lemmas) is whom the force serves, not whom it is
    aimed at, so the clause is not searched for the act's target.

    Example: Kenya deployed troops to protect civilians in Lamu.
    """
    if comp.dep_ != "advcl" or comp.lemma_.lower() not in PROTECTIVE_PURPOSE_LEMMAS:
        return False
    if not q.ev.entry.cameo.startswith(MOBILIZATION_CODES):
        return False  # "sent missiles to defend Israel": military aid keeps whom it serves
    q.ev.trace.add("target.protected-beneficiary", f"whom '{comp.text}' serves is no target")
    return True


@rule("target.object-purpose")
def object_purpose(q: Search) -> list[Mention]:
    """'reaffirmed its commitment to support Somali forces', 'announced its decision to expel
    X': a "to" clause on the object noun says what was pledged or decided; its target is the
    act's target.

    Example: Kenya reaffirmed its commitment to support Somali forces.
    """
    if q.depth != 0:
        return []
    ev = q.ev
    for obj in q.objects:
        for clause in obj.children:
            if clause.dep_ != "acl" or not any(
                c.lower_ == "to" and c.dep_ == "aux" for c in clause.children
            ):
                continue
            frame = ev.grammar.match(clause, ev.actors)
            found = (
                target_from_entry(ev, clause, frame)
                if frame is not None
                else fallback_targets(searched(ev, clause, q.depth + 1))
            )
            # "an agreement to share military intelligence": what the frame moves is no party.
            shared = frame.obj if frame is not None else frozenset()
            found = [m for m in found if clause.doc[m.head].lemma_.lower() not in shared]
            if found:
                return q.found("target.object-purpose", found)
    return []


FALLBACK_RULES: list[Callable[[Search], list[Mention]]] = [
    goods_origin,
    losing_side,
    blamed_doer,
    act_possessor,
    attack_vehicle,
    deportees,
    thing_goal,
    measure_party,
    fight_object,
    weapon_aimed_at,
    conjoined_object,
    object_target,
    stance_gerund_doer,
    gathering_agent,
    helped_target,
    object_pronoun,
    thing_pronoun,
    idea_author,
    frame_object_prep,
    dative_target,
    participant_prep,
    of_object,
    phone_partner,
    complement_target,
    object_purpose,
    across_border,
    place_in_object,
    lower_prep,
    placed_under,
    light_verb_prep,
    impact_clause,
    offer_answerer,
    holdings_owner,
    unnamed_object,
    unnamed_prep,
]


def fallback_targets(q: Search) -> list[Mention]:
    """The usual places a target sits when the entry's frame names none."""
    for strategy in FALLBACK_RULES:
        found = strategy(q)
        if found:
            return found
    return []


# -- what the entry's frame names ----------------------------------------------------------------


@rule("target.place-left")
def place_left(ev: Event, token: Token, entry: TriggerEntry, prep: Token) -> list[Mention]:
    """'pulled out of Ethiopia's Tigray region': what a pull-out leaves is its target.

    Example: Uganda pulled its troops out of Somalia.
    """
    obj = child(prep, {"pobj"})
    place = ev.grammar.resolver.place_actor(obj, ev.actors) if obj is not None else None
    found = pobj_actors(ev.grammar, prep, ev.actors, owner=True) or (
        [place] if place is not None else []
    )
    return ev.found("target.place-left", found)


@rule("target.entry-prep")
def entry_prep(ev: Event, token: Token, entry: TriggerEntry, prep: Token) -> list[Mention]:
    """The lexicon entry's preposition introduces the target ("call on X", "sanctions on X").

    Example: Britain imposed sanctions on Belarus.
    """
    pobj = child(prep, {"pobj"})
    if pobj is not None and entry.pobj and pobj.lemma_.lower() in entry.pobj:
        # A listed pobj ("by phone", "as human shields") is part of the frame, not a patient,
        # even when its own words name a place ("human shields in Raqqa").
        return []
    harmed = harm_victim(ev, pobj) if pobj is not None else None
    if harmed is not None:
        return harmed  # "an inquiry into the killing of two farmers": not the farmers
    owners = belonging_owners(ev, pobj) if pobj is not None else []
    doers = ev.found("target.act-possessor", act_doers(ev, pobj)) if pobj is not None else []
    found = (
        (origin_states(ev, pobj) if pobj is not None else [])
        or owners
        or doers
        or mission_host(ev, prep)
        or pobj_actors(ev.grammar, prep, ev.actors, owner=True)
    )
    # "used villagers as human shields": what one is used or held as is a role, no party.
    open_slot = pobj is not None and not found and not entry.pobj and prep.lower_ != "as"
    unnamed = unnamed_target(ev.grammar, pobj) if open_slot and pobj is not None else None
    if unnamed is not None:
        return ev.found("target.entry-prep", [unnamed])  # "sanctions against the entities"
    return ev.found("target.entry-prep", found)


def _prep_frame(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    if entry.pos == "noun":
        prep = ev.grammar.noun_prep(token, entry.prep or "")
    else:
        prep = prep_child(token, entry.prep or "")
    if prep is None:
        return []
    if entry.cameo.startswith(LEAVING_CODES) and locative(prep):
        return place_left(ev, token, entry, prep)
    if not locative(prep, ev) or pair_asked(ev, prep):
        return repeated_prep(ev, token, prep, entry_prep(ev, token, entry, prep))
    return []


@rule("target.recipient")
def recipient(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'sent doctors to Haiti', 'extradited Guzman to the United States': the recipient.

    Example: Canada sent doctors to Haiti.
    """
    found: list[Mention] = []
    for dependent in token.children:
        if dependent.dep_ in ("dative", "iobj") and dependent.pos_ != "ADP":
            found += actor_group(ev.grammar, dependent, ev.actors, owner=True)
        elif dependent.dep_ in ("dative", "prep") and dependent.lower_ in ("to", "for"):
            hosted = mission_host(ev, dependent)
            found += hosted or pobj_actors(ev.grammar, dependent, ev.actors, owner=True)
            pobj = child(dependent, {"pobj"})
            if not found and pobj is not None:
                found = aided_place(ev, pobj)
            unnamed = unnamed_target(ev.grammar, pobj) if pobj is not None else None
            if not found and unnamed is not None:
                found = [unnamed]  # "donated supplies to various African countries"
    return (
        ev.found("target.recipient", found) or lower_recipient(ev, token) or taken_from(ev, token)
    )


# Aid (CAMEO 07): help sent to a town is help to the state it lies in.
AID_ROOT = "07"


@rule("target.aided-place")
def aided_place(ev: Event, pobj: Token) -> list[Mention]:
    """'sent 20 trucks of food to Aleppo': help sent to a town the gazetteer knows, which the
    parse did not read as a name, is help to the state the town lies in, as 'to Khartoum' is.
    Only for aid: troops sent to a town of their own country are no act against it.

    Example: Jordan sent tents and blankets to Aleppo on Monday.
    """
    if not ev.entry.cameo.startswith(AID_ROOT) or pobj.pos_ != "PROPN":
        return []
    place = ev.grammar.resolver.place_actor(pobj, ev.actors)
    return ev.found("target.aided-place", [place] if place is not None else [])


@rule("target.place")
def place_target(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """Entries whose target is a place ("invaded X", "entered X"): the place's state.

    Example: Ethiopian troops crossed into Sudan.
    """
    prep = prep_child(token, entry.prep or "")
    obj = child(prep, {"pobj"}) if prep is not None else None
    place = ev.grammar.resolver.place_actor(obj, ev.actors) if obj is not None else None
    if place is None and obj is not None:
        place = described_place(ev, obj)
    return ev.found("target.place", [place] if place is not None else [])


@rule("target.complement-object")
def complement_object(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """Entries whose target is the complement's object ("moved to ban X").

    Example: Hungary moved to block Ukraine.
    """
    for comp in token.children:
        obj = child(comp, OBJECT_DEPS) if comp.dep_ in COMPLEMENT_DEPS else None
        if obj is None and comp.dep_ in COMPLEMENT_DEPS:
            obj = freed_subject(ev, comp)
        if obj is not None:
            return ev.found(
                "target.complement-object", actor_group(ev.grammar, obj, ev.actors, owner=True)
            )
    return []


@rule("target.freed-subject")
def freed_subject(ev: Event, comp: Token) -> Token | None:
    """'let free Mohamed Soltan', 'let the prisoners go': the parse may make the one let go
    the subject of the small clause ('free', 'go'), not its object; it is still the target.

    Example: Kenya let the Ugandan prisoners go on Friday.
    """
    subject = child(comp, SUBJECT_DEPS)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    ev.trace.add("target.freed-subject", f"'{subject.text}' is the one let go")
    return subject


def entry_frame_target(
    ev: Event, token: Token, entry: TriggerEntry, mode: str | None
) -> list[Mention]:
    """The target where the entry says it sits."""
    if entry.prep and mode in ("prep", None, ""):
        return _prep_frame(ev, token, entry)
    if mode == "dative":
        return recipient(ev, token, entry)
    if mode == "place" and entry.prep:
        return place_target(ev, token, entry)
    if mode == "xcomp_obj":
        return complement_object(ev, token, entry)
    return []


@rule("target.withdrawn-from")
def withdrawn_from(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'withdrew troops from Mali', 'the last US troops left Afghanistan': a withdrawal's
    target is the country it leaves.

    Example: France withdrew its troops from Niger.
    """
    if not entry.cameo.startswith(WITHDRAWAL_CODES):
        return []  # (every withdrawal code is an own-force code)
    prep = prep_child(token, "from") or force_left_from(ev, token)
    left = child(token, {"dobj"}) if token.lemma_.lower() == "leave" else None
    obj = child(prep, {"pobj"}) if prep is not None else left
    if obj is None:
        return []
    found = actor_group(ev.grammar, obj, ev.actors, owner=True)
    place = ev.grammar.resolver.place_actor(obj, ev.actors) if not found else None
    return ev.found("target.withdrawn-from", found or ([place] if place is not None else []))


@rule("target.noun-between")
def noun_between(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'launched a mediation effort between India and Pakistan': both sides.

    Example: Norway launched a mediation effort between Israel and Jordan.
    """
    if entry.pos != "noun":
        return []
    for noun in (token, token.head if token.dep_ == "compound" else token):
        between = prep_child(noun, "between")
        if between is not None:
            found = pobj_actors(ev.grammar, between, ev.actors)
            if found:
                return ev.found("target.noun-between", found)
    return mediated_sides(ev, token, entry)


@rule("target.deployment")
def deployment(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'deployed warships around Taiwan': where a force is sent is what it is aimed at.

    Example: China deployed warships around Taiwan.
    """
    if not entry.cameo.startswith(MOBILIZATION_CODES):
        return []  # (every mobilization code is an own-force code)
    for word in DEPLOYMENT_PREPS:
        for head in (token, *objects(token)):
            prep = prep_child(head, word)
            obj = child(prep, {"pobj"}) if prep is not None else None
            if obj is None:
                continue
            found = mission_host(ev, prep) or [  # type: ignore[arg-type]
                m for m in actor_group(ev.grammar, obj, ev.actors, owner=True) if m.actors
            ]
            place = ev.grammar.resolver.place_actor(obj, ev.actors) if not found else None
            found = found or ([place] if place is not None else [])
            if found:
                return ev.found("target.deployment", found)
    return []


@rule("target.discussion-partner")
def discussion_partner(ev: Event, token: Token) -> list[Mention]:
    """'called Lavrov to discuss Syria', 'invited the envoy to discuss the plan': whom the
    governing verb reaches is whom the talk is with (its object, named by a dictionary).

    Example: The Kenyan president called Ugandan President Yoweri Museveni to discuss trade.
    """
    if token.dep_ not in ("advcl", "xcomp") or not any(c.lower_ == "to" for c in token.children):
        return []
    found: list[Mention] = []
    for obj in objects(token.head):
        found += with_country(actor_group(ev.grammar, obj, ev.actors, owner=True))
    return ev.found("target.discussion-partner", found)


def target_from_entry(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """The target the entry names (its preposition's object, the dative, ...), else the
    usual places: objects, datives, participant prepositions, the complement's target; never
    whom a measure the act takes a stance on holds over (target.measure-stance)."""
    found = _target_from_entry(ev, token, entry)
    found = complained_about(ev, token, entry, found) or found
    held = held_over(entry.cameo, token) if found else set()
    return [m for m in found if m.head not in held] if held else found


def _target_from_entry(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    owner = system_owner(ev, token, entry)
    if owner:
        return owner
    addressee = message_addressee(ev, token, entry)
    if addressee:
        return addressee
    holder = release_holder(ev, token)
    if holder is not None:
        return holder
    sides = mediated_object(ev, token, entry)
    if sides:
        return sides
    asked = for_clause_subject(ev, token, entry)
    if asked:
        return asked
    mode = entry.target
    if mode == "none" and entry.prep and entry.cameo.startswith(LEAVING_CODES):
        mode = "prep"  # what a pull-out leaves is its target, whatever the object is
    if mode == "none":
        asked_for = asked_for_party(ev, token, entry)
        if asked_for:
            return asked_for  # "asked the Bolivian government for help": the one asked
        # The object is what is asked, said or imposed ("demanded the release of X",
        # "imposed sanctions on X"): only what it is about, or a clause, names a target.
        q = searched(ev, token, 0, objects_as="owners", frame_words=entry.obj)
        # What is discussed is the topic: only a 'with' partner is a target there.
        if discussion_topic(q, entry.cameo):
            return (
                participant_prep(q) or discussion_partner(ev, token) or contact_partner(ev, token)
            )
        found = (
            fallback_targets(q)
            or clause_subject(ev, token, entry)
            or contact_partner(ev, token)
            or repeated_talks(ev, token)
        )
        return _pressed(ev, token, entry, found)
    # "banned the import of chicks from Brazil": the goods' state, not the flow (goods_origin)
    origin = goods_origin(searched(ev, token, 0, frame_words=entry.obj))
    found = origin or entry_frame_target(ev, token, entry, mode)
    # What a mobilization or a pull-out moves (troops, warships) is its own force, never
    # its target; a pull-out's target is the country it leaves ("withdrew troops from Mali").
    own_force = moves_own_force(ev, token, entry)
    if not found and own_force:
        found = withdrawn_from(ev, token, entry)
    found = found or noun_between(ev, token, entry)
    found = found or fallback_targets(
        searched(ev, token, 0, own_force=own_force, frame_words=entry.obj)
    )
    if not found and own_force:
        found = deployment(ev, token, entry)
    found = (
        found
        or condition_subject(ev, token, entry)
        or clause_subject(ev, token, entry)
        or contact_partner(ev, token)
        or repeated_talks(ev, token)
    )
    return _pressed(ev, token, entry, found)


def _pressed(ev: Event, token: Token, entry: TriggerEntry, found: list[Mention]) -> list[Mention]:
    """Whoever pressed a refusal outranks a target known only by its words."""
    if any(a.country for m in found for a in m.actors):
        return found
    return pressing_party(ev, token, entry) or found
