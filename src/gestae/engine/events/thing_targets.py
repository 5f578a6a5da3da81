"""Objects that are things, not targets: what an act moves, imposes or lifts, the weapon a
show of force uses, and whom an attack's '-ing' clause says it hit. Named rules that
`targets.FALLBACK_RULES` tries in its order."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.codes import DEPORTATION_CODES, OWN_MEASURE_CODES, VIOLENT_ROOTS
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import (
    actor_group,
    names_someone,
    pobj_actors,
    unnamed_target,
    with_country,
)
from gestae.engine.events.noun_sources import BLAST_CARRIERS, blast_verb
from gestae.engine.events.relative_targets import gapped_relative
from gestae.engine.events.target_search import Search, light_verb
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, agent, child, modified_title, objects, prep_child
from gestae.resources.actor_entries import PSEUDO_COUNTRIES
from gestae.resources.word_classes import words

# Where a thing the act moves goes to or comes from ("sent aid to X", "withdrew peacekeepers
# from X"), and whom a measure the act imposes or lifts is aimed at ("sanctions on X").
GOAL_PREPS = ("to", "into", "from")
SCOPE_PREPS = ("on", "against")
MEASURES = words("imposed_measures")
ATTACK_MEANS = words("attack_means")
# What is fired or thrown ("stones", "bottles", "tear gas"): a means, never whom it hit.
THROWN_MEANS = ATTACK_MEANS | words("fired_things")
CURRENCY_NOUNS = words("currency_nouns")
MISSION_NOUNS = words("mission_nouns")
IMPACT_VERBS = words("impact_verbs")
# Verbs that move the attacker's own vehicle ("driving a minibus", "rammed his truck into").
VEHICLE_VERBS = frozenset({"drive", "ride", "steer", "ram", "crash", "plough", "plow"})
# Where a driven vehicle is aimed ("drove a car into a police station", "at the checkpoint").
VEHICLE_GOAL_PREPS = ("into", "at", "through")


def _thing_countries(q: Search, obj: Token) -> set[str] | None:
    """The countries a moved or imposed thing names in its own words or through its owner;
    None when the object is no thing: a pronoun, or an actor the frame does not list."""
    if obj.pos_ == "PRON":
        return None
    mention = q.ev.actors.at(obj)
    listed = obj.lemma_.lower() in q.frame_words or modified_title(obj) in q.frame_words
    if not listed and mention is not None and mention.actors:
        return None
    countries: set[str] = set()
    for found in actor_group(q.ev.grammar, obj, q.ev.actors, owner=True, trace=q.ev.trace):
        countries |= {a.country for a in found.actors if a.country}
    return countries


def _measure(obj: Token) -> Token | None:
    """The word naming an imposed measure: the object, or its 'of' noun ('state of emergency')."""
    if obj.lemma_.lower() in MEASURES:
        return obj
    of = prep_child(obj, "of")
    inner = child(of, {"pobj"}) if of is not None else None
    return inner if inner is not None and inner.lemma_.lower() in MEASURES else None


def _goal_preps(q: Search, obj: Token) -> list[Token]:
    """Where the thing goes or comes from (on the verb or the thing), and, for a measure,
    where it holds (on the measure's own words)."""
    # The thing's own words, down noun links only ("a team of engineers to Kenya").
    heads = [q.token, *(t for t in obj.subtree if _noun_link(t, obj))]
    found = [
        c
        for head in heads
        for c in head.children
        if c.dep_ in ("prep", "dative") and c.lower_ in GOAL_PREPS
    ]
    measure = _measure(obj)
    if measure is not None:
        # "sanctions on Iran", "an embargo against Cuba", "a ban imposed on Chadian citizens";
        # a curfew "in Aden" only places it
        holders = [
            measure,
            *(c for c in measure.children if _imposing_participle(c) or gapped_relative(c)),
        ]
        for clause in holders[1:]:
            if clause.dep_ == "relcl":
                # "the ban it imposed on Uganda": the clause imposed the measure itself
                q.ev.trace.add("target.relative-object", f"'{measure.text}' {clause.text}")
        found += [
            c
            for holder in holders
            for c in holder.children
            if c.dep_ == "prep" and c.lower_ in SCOPE_PREPS
        ]
    return found


def _imposing_participle(token: Token) -> bool:
    """'a ban imposed on X', 'restrictions placed on X': a past participle after the measure
    that carries whom it holds over."""
    return token.dep_ == "acl" and token.tag_ == "VBN"


def _noun_link(token: Token, top: Token) -> bool:
    """`token` hangs below `top` through nouns and prepositions only: no other clause."""
    current = token
    while current.i != top.i:
        if current.pos_ in ("VERB", "AUX") or current.dep_ in ("relcl", "acl", "appos"):
            return False
        current = current.head
    return True


def _goal_mentions(q: Search, prep: Token) -> list[Mention]:
    hosted = mission_host(q.ev, prep)
    if hosted:
        return hosted
    found = with_country(pobj_actors(q.ev.grammar, prep, q.ev.actors, owner=True))
    if found:
        return found
    obj = child(prep, {"pobj"})
    place = q.ev.grammar.resolver.place_actor(obj, q.ev.actors) if obj is not None else None
    return [place] if place is not None else []


# Aid (CAMEO 07): "rescued 48 people" helps the people.
AID_ROOT = "07"


@rule("target.thing-goal")
def thing_goal(q: Search) -> list[Mention]:
    """'sent armoured vehicles to Kenya', 'withdrew peacekeepers from Lebanon', 'imposed a
    curfew in Aden': the object is the thing moved, imposed or lifted, never whom the act is
    aimed at; the state it goes to, leaves or holds over is. A thing naming a state of its
    own ("expelled the Russian ambassador from Peru") keeps it (target.object). People taken,
    hit or helped ("abducted 30 passengers from a bus", "rescued 48 people from a dinghy
    near Samos") are no thing: they are the target, not where they were.

    Example: The UN withdrew its peacekeepers from Lebanon.
    """
    if q.depth != 0 or _deportation(q):
        return []
    dictionary = q.ev.grammar.resolver.dictionary
    on_people = q.ev.entry.cameo[:2] in VIOLENT_ROOTS or q.ev.entry.cameo[:2] == AID_ROOT
    for obj in q.objects:
        if on_people and dictionary.is_generic(obj.lemma_.lower()):
            continue  # "abducted 30 passengers from a bus", "rescued 48 people from a dinghy"
        if stance_on_measure(q.ev.entry.cameo, obj):
            continue  # a stance on a measure is not aimed where the measure holds
        own = _thing_countries(q, obj)
        if own is None:
            continue
        for prep in _goal_preps(q, obj):
            found = _goal_mentions(q, prep)
            countries = {a.country for m in found for a in m.actors}
            if found and own <= countries:
                return q.found("target.thing-goal", found)
    return []


# Participles that say whose a thing is ("a lorry belonging to a trader", "accounts linked to
# a former minister", "assets tied to the tycoon").
OWNING_PARTICIPLES = frozenset({"belong", "link", "tie"})


@rule("target.belonging-to")
def belonging_owners(ev: Event, thing: Token) -> list[Mention]:
    """'burned a lorry belonging to a Chinese trader', 'struck sites belonging to the group':
    a thing the act hits or takes, said to belong to someone, stands for its owner, as "the
    trader's lorry" or "a hotel owned by X" do; a thing that is itself an actor keeps it.

    Example: Rioters burned two lorries belonging to a Kenyan trader in Kampala.
    """
    launchers = launched_by(ev, thing)
    if launchers:
        return launchers
    mention = ev.actors.at(thing)
    if mention is not None and mention.actors:
        return []
    for clause in thing.children:
        if clause.dep_ != "acl" or clause.lemma_.lower() not in OWNING_PARTICIPLES:
            continue
        to = prep_child(clause, "to")
        owners = [m for m in pobj_actors(ev.grammar, to, ev.actors) if m.actors] if to else []
        if owners:
            return ev.found("target.belonging-to", owners, thing.text)
    return []


# Participles that send a weapon on its way ("drones launched by Russia").
LAUNCHING_PARTICIPLES = frozenset({"launch", "fire"})


@rule("target.launched-by")
def launched_by(ev: Event, weapon: Token) -> list[Mention]:
    """'shot down 40 drones launched by Russia': weapons in flight that the act hits or
    stops stand for the side that launched them, not for a military unit of no country.

    Example: Air defences shot down six missiles fired by North Korea on Sunday.
    """
    if weapon.lemma_.lower() not in LAUNCHED_WEAPONS:
        return []
    for clause in weapon.children:
        if clause.dep_ != "acl" or clause.lemma_.lower() not in LAUNCHING_PARTICIPLES:
            continue
        by = agent(clause)
        found = [m for m in pobj_actors(ev.grammar, by, ev.actors) if m.actors] if by else []
        if found:
            return ev.found("target.launched-by", found, weapon.text)
    return []


@rule("target.deportees")
def deportees(q: Search) -> list[Mention]:
    """'deported 40 migrants to Honduras': the people a deportation sends away are its target
    (CAMEO 174), as they are when no destination is named; the state they are sent to is only
    where they go (not target.thing-goal's goal, nor a participant's "to" phrase).

    Example: Malaysia deported 300 Rohingya refugees to Myanmar on Monday.
    """
    if q.depth != 0 or not _deportation(q):
        return []
    for obj in q.objects:
        found = [m for m in actor_group(q.ev.grammar, obj, q.ev.actors, owner=True) if m.actors]
        unnamed = unnamed_target(q.ev.grammar, obj) if not found else None
        found += [unnamed] if unnamed is not None else []
        if found:
            return q.found("target.deportees", found)
    return []


def _deportation(q: Search) -> bool:
    """A deportation with a place its people are sent to or from."""
    if not q.ev.entry.cameo.startswith(DEPORTATION_CODES):
        return False
    return any(_goal_preps(q, obj) for obj in q.objects)


@rule("target.measure-party")
def measure_party(q: Search) -> list[Mention]:
    """'eased restrictions on foreign workers', 'imposed a ban on the media outlet': whom a
    measure the act imposes or lifts (cameo group own_measure) holds over, named without a
    country (people or a body), is its target, as a state named there is (target.thing-goal);
    a thing or an activity it holds over ("a ban on printing books", "the ban on women
    driving") is none.

    Example: Qatar eased the restrictions on migrant workers.
    """
    if q.depth != 0 or not q.ev.entry.cameo.startswith(OWN_MEASURE_CODES):
        return []  # "condemned American sanctions on its firms": USA (target.object)
    for obj in q.objects:
        measure = _measure(obj)
        if measure is None:
            continue
        for prep in measure.children:
            pobj = child(prep, {"pobj"}) if prep.lower_ in SCOPE_PREPS else None
            if pobj is None or any(c.tag_ == "VBG" for c in pobj.children):
                continue  # "its ban on women driving": an activity, no party
            found = [
                m
                for m in actor_group(q.ev.grammar, pobj, q.ev.actors, owner=True)
                if m.actors and not m.media
            ]
            unnamed = unnamed_target(q.ev.grammar, pobj) if not found else None
            if unnamed is not None and _someone(pobj.doc[unnamed.head]):
                found = [unnamed]
            if found:
                return q.found("target.measure-party", found)
    return []


def _someone(head: Token) -> bool:
    """Words for people or a body: a common noun for someone, or a tagged name of one (an
    untagged capitalised word, "a National Emergency on Electricity", is a thing)."""
    if head.pos_ == "PROPN":
        return head.ent_type_ in ("PERSON", "ORG", "NORP")
    return names_someone(head, True)


@rule("target.means-or-thing")
def means_or_thing(q: Search, obj: Token) -> bool:
    """A weapon a show of force uses or a measure an act imposes or lifts ('launched a
    missile', 'declared a state of siege', 'lifted the curfew') is no target, not even as
    words: the target is whom it is aimed at, or no one named. (In an attack the weapon's
    words stay, "hurled grenades" is an attack that happened, whoever it hit; a device a blast
    verb sets off is none: target.device-set-off.) Nor is the envoy a visit is made through
    ('sent a delegation to the fair'): that visit's target is its place, or no one.

    Example: Pyongyang launched a long-range missile on Friday.
    """
    # "threw eggs and stones": what is listed with a thing thrown is thrown as one.
    listed = {c.lemma_.lower() for c in obj.conjuncts}
    means = obj.lemma_.lower() in ATTACK_MEANS or bool(listed & THROWN_MEANS)
    weapon = means and q.ev.entry.cameo[:2] not in VIOLENT_ROOTS
    envoy = q.ev.entry.target == "place" and obj.lemma_.lower() in q.frame_words
    if weapon or envoy or _measure(obj) is not None:
        q.ev.trace.add("target.means-or-thing", f"'{obj.text}' is what the act uses, no target")
        return True
    return False


@rule("target.device-set-off")
def device_set_off(q: Search, obj: Token) -> bool:
    """'the bomber detonated his explosives vest', 'they set off a car bomb': the device a
    blast verb sets off is what the attack uses, never whom it hits; the bombing keeps its
    other words for that (its place, its '-ing' clause), else it has no target named. With
    no bomber named the device's words stay: the act stands on them (source.unnamed-bomber).

    Example: A suicide bomber detonated his explosives vest outside a mosque in Kano.
    """
    if q.ev.entry.cameo[:2] not in VIOLENT_ROOTS or not blast_verb(q.token):
        return False
    subject = child(q.token, SUBJECT_DEPS)
    bomber = q.ev.actors.at(subject) if subject is not None else None
    if bomber is None or not bomber.actors:
        return False
    device = obj.lemma_.lower() in ATTACK_MEANS or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in ATTACK_MEANS for c in obj.lefts
    )
    if device:
        q.ev.trace.add("target.device-set-off", f"'{obj.text}' is the device set off, no target")
    return device


@rule("target.impact-clause")
def impact_clause(q: Search) -> list[Mention]:
    """'carried out air strikes in Mosul, killing dozens of militants': an attack whose own
    words name no target hit those its '-ing' clause says it killed or wounded.

    Example: Warplanes carried out air strikes on Sunday, killing twelve Yemeni soldiers.
    """
    if q.depth != 0 or q.ev.entry.cameo[:2] not in VIOLENT_ROOTS:
        return []
    verb = light_verb(q)
    for head in (q.token, verb) if verb is not None else (q.token,):
        for clause in head.children:
            if not (
                clause.dep_ in ("advcl", "xcomp", "conj")
                and clause.tag_ == "VBG"
                and clause.lemma_.lower() in IMPACT_VERBS
            ):
                continue
            for obj in objects(clause):
                found = [m for m in actor_group(q.ev.grammar, obj, q.ev.actors) if m.actors]
                if not found and own_part(obj, head):
                    # "rammed the boat, damaging its hull": the boat stays the target
                    q.ev.trace.add("target.impact-clause", f"'{obj.text}' is part of the object")
                    return []
                unnamed = unnamed_target(q.ev.grammar, obj) if not found else None
                found = found or ([unnamed] if unnamed is not None else [])
                if found:
                    return q.found("target.impact-clause", found)
    return []


def own_part(obj: Token, head: Token) -> bool:
    """The impact clause names a part of what the act's own object is ("damaging its hull",
    "smashing their windows"): the act already names what it hit (target.impact-clause)."""
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)
    return owned and any(c.dep_ == "dobj" for c in head.children)


def driven_vehicle(q: Search, obj: Token) -> bool:
    """The object of a violent act is the attacker's own vehicle: a car, a truck or a
    motorbike driven, ridden or rammed into something ('a bomber driving a minibus', 'rammed
    his truck into the gate'). 'Rammed a police car' keeps the car: it names no goal."""
    if q.ev.entry.cameo[:2] not in VIOLENT_ROOTS or obj.lemma_.lower() not in BLAST_CARRIERS:
        return False
    verb = q.token.lemma_.lower()
    if verb not in VEHICLE_VERBS:
        return False
    goal = any(c.dep_ == "prep" and c.lower_ in VEHICLE_GOAL_PREPS for c in q.token.children)
    return verb in ("drive", "ride", "steer") or goal


@rule("target.attack-vehicle")
def attack_vehicle(q: Search) -> list[Mention]:
    """'A suicide bomber driving a minibus packed with explosives killed 50 people', 'drove
    a car into a police station': the vehicle is what the attack uses, never its target. The
    target is what it was driven into, else the people the attack killed or wounded, told by
    a verb of impact around the vehicle; else no one named.

    Example: A suicide bomber driving a truck killed nine soldiers at a checkpoint near Gao.
    """
    if q.depth != 0:
        return []
    for obj in q.objects:
        if not driven_vehicle(q, obj):
            continue
        goals = [
            child(c, {"pobj"})
            for c in q.token.children
            if c.dep_ == "prep" and c.lower_ in VEHICLE_GOAL_PREPS
        ]
        impacts = [
            o
            for t in [*obj.subtree, *_bomber_verb(q.token)]
            if t.pos_ == "VERB" and t.lemma_.lower() in IMPACT_VERBS | VEHICLE_VERBS
            for o in objects(t)
            if o.i != obj.i
        ]
        for target in (t for t in [*goals, *impacts] if t is not None):
            found = [m for m in actor_group(q.ev.grammar, target, q.ev.actors) if m.actors]
            unnamed = unnamed_target(q.ev.grammar, target) if not found else None
            found = found or ([unnamed] if unnamed is not None else [])
            if found:
                return q.found("target.attack-vehicle", found)
        q.ev.trace.add("target.attack-vehicle", f"'{obj.text}' is the attacker's vehicle")
    return []


def _bomber_verb(token: Token) -> list[Token]:
    """The verb whose subject the driver is, when the driving is told on him ('a bomber
    driving a truck killed ...')."""
    driver = token.head if token.dep_ == "acl" else None
    if driver is None or driver.dep_ not in SUBJECT_DEPS or driver.head.i == token.i:
        return []
    return [driver.head]


@rule("target.mission-host")
def mission_host(ev: Event, prep: Token) -> list[Mention]:
    """'sent troops to the UN peacekeeping force in South Sudan': what is given to a mission or
    force serving in a country (word class mission_nouns) is given to that country, unless the
    force is a state's own ("an ultimatum to Ukrainian forces in Crimea").

    Example: Japan is sending troops to the UN peacekeeping mission in Mali.
    """
    obj = child(prep, {"pobj"})
    if prep.lower_ != "to" or obj is None or obj.lemma_.lower() not in MISSION_NOUNS:
        return []
    own = actor_group(ev.grammar, obj, ev.actors)
    if any(a.country not in PSEUDO_COUNTRIES for m in own for a in m.actors if a.country):
        return []  # "support to French operations": a state's own force is its recipient
    where = prep_child(obj, "in")
    place = child(where, {"pobj"}) if where is not None else None
    host = ev.grammar.resolver.place_actor(place, ev.actors) if place is not None else None
    return ev.found("target.mission-host", [host] if host is not None else [])


# Verbs whose frame object is what the act is done with ("used tear gas", "employed
# chemical weapons", "fired tear gas"), not whom it is done to; "used villagers as human
# shields" is not one.
INSTRUMENT_VERBS = frozenset({"use", "employ", "fire", "launch"})
# What is launched as a weapon ("40 drones launched by Russia"); an attack launched is an act.
LAUNCHED_WEAPONS = frozenset({"drone", "missile", "rocket"})


@rule("target.used-instrument")
def used_instrument(q: Search, obj: Token) -> bool:
    """'Police used batons and tear gas', 'fired tear gas': what the entry's frame
    says is used (its object words) is the means of the act, not even as words its target;
    the target is whom it was used on, or no one named. Not a frame of "using X as"
    (human shields), whose object is the victim.

    Example: Police in Nairobi used tear gas and batons on Monday.
    """
    return instrument_used(q.ev, obj)


def instrument_used(ev: Event, word: Token) -> bool:
    """`target.used-instrument` for any word that may be taken for the target: an object, or
    the subject of a passive ("40 drones launched by Russia")."""
    entry = ev.entry
    if entry.lemma not in INSTRUMENT_VERBS or entry.prep == "as" or not entry.obj:
        return False
    words = {word.lemma_.lower(), *(c.lemma_.lower() for c in word.lefts)}
    # "dozens of drones": what a quantity counts
    words |= {p.lemma_.lower() for c in word.children if c.lower_ == "of" for p in c.children}
    if not words & entry.obj or (entry.lemma == "launch" and not words & LAUNCHED_WEAPONS):
        return False
    ev.trace.add("target.used-instrument", f"'{word.text}' is what was used, no target")
    return True


@rule("target.thing-pronoun")
def thing_pronoun(q: Search) -> list[Mention]:
    """'gunmen surrounded the hotel and stormed it': an object "it" of a violent act that
    names no actor is the thing an earlier verb of its sentence acted on (the nearest such
    object before it), in that thing's words; the hotel stands for the people in it.

    Example: Gunmen surrounded the hotel in Beledweyne and stormed it.
    """
    if q.depth != 0 or q.ev.entry.cameo[:2] not in VIOLENT_ROOTS:
        return []
    for obj in q.objects:
        mention = q.ev.actors.at(obj)
        if obj.lower_ != "it" or obj.pos_ != "PRON" or (mention is not None and mention.actors):
            continue
        before = [
            t
            for t in obj.doc[obj.sent.start : obj.i]
            if t.dep_ == "dobj" and t.pos_ == "NOUN" and t.head.pos_ == "VERB"
        ]
        if before and before[-1].lemma_.lower() in ATTACK_MEANS | MEASURES:
            return []  # "fired a rocket and police seized it": a weapon is no one's stand-in
        if not before:
            return []
        named = [m for m in actor_group(q.ev.grammar, before[-1], q.ev.actors) if m.actors]
        thing = unnamed_target(q.ev.grammar, before[-1]) if not named else None
        return q.found("target.thing-pronoun", named or ([thing] if thing is not None else []))
    return []


@rule("target.sum-of-money")
def sum_of_money(q: Search, obj: Token) -> bool:
    """'provided 6 million euros to support projects', 'cut $30 million': a sum of money
    (word class currency_nouns) is what the act gives or withholds, never whom it reaches,
    not even as words; the target is the one the money goes to, or no one named.

    Example: Germany provided 6 million euros to support projects in Lebanon.
    """
    if obj.lemma_.lower() not in CURRENCY_NOUNS and obj.lower_ not in CURRENCY_NOUNS:
        return False
    q.ev.trace.add("target.sum-of-money", f"'{obj.text}' is a sum of money, no target")
    return True


# CAMEO roots of a stance taken on something: disapprove (11). A refusal to lift a measure
# (12: "refused to lift the ban on Cypriot ships") is aimed at whom it holds over.
STANCE_ROOTS = frozenset({"11"})
# Words by which a measure's owner is named in front of it or as its author.
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


def stance_on_measure(cameo: str, obj: Token) -> bool:
    """The act disapproves (11x) of an imposed measure, its object (target.measure-stance)."""
    return cameo[:2] in STANCE_ROOTS and obj.dep_ in ("dobj", "obj") and _measure(obj) is not None


# Prepositions by which a measure names whom or where it holds over.
HELD_OVER_PREPS = frozenset({"on", "against", "over", "in", "for"})


def held_over(cameo: str, token: Token) -> set[int]:
    """The token indices a stance's measure holds over ("sanctions against Belarus"): no
    target of the stance, however the search reaches them."""
    found: set[int] = set()
    for obj in (c for c in token.children if c.dep_ in ("dobj", "obj")):
        if not stance_on_measure(cameo, obj):
            continue
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in HELD_OVER_PREPS):
            found |= {t.i for t in prep.subtree}
    return found


@rule("target.measure-stance")
def measure_stance_owners(q: Search, obj: Token) -> list[Mention] | None:
    """'opposed sanctions against Belarus', 'criticised the curfew in Aden': a stance on a
    measure is aimed at whoever imposes it ("US sanctions", "sanctions imposed by the EU"),
    never at whom the measure holds over; None when the rule does not apply.

    Example: Slovakia opposed the EU's sanctions against Belarus.
    """
    if not stance_on_measure(q.ev.entry.cameo, obj):
        return None
    owners = [
        m
        for c in obj.children
        if c.dep_ in OWNER_DEPS
        for m in actor_group(q.ev.grammar, c, q.ev.actors)
        if m.actors
    ]
    for head in (obj, *(c for c in obj.children if c.dep_ == "acl")):
        by = prep_child(head, "by")  # "restrictions by Cameroon", "sanctions imposed by X"
        owners += [m for m in pobj_actors(q.ev.grammar, by, q.ev.actors) if m.actors] if by else []
    q.ev.trace.add("target.measure-stance", f"a stance on '{obj.text}', not on whom it holds over")
    return owners
