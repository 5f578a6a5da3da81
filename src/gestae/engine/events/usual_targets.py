"""The usual places a target sits when the lexicon entry's frame names none: the object, the
dative, a participant preposition ("clashed with X"), an 'of' object, a border, an unnamed
party ("talks with the rebels"); each a named rule. targets.py orders them (FALLBACK_RULES)
and reads the entry's own frame first."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import TIME_NOUNS, Mention
from gestae.engine.dwellings import trace_owned_dwelling
from gestae.engine.events.asked_parties import asked_beneficiary
from gestae.engine.events.codes import AIMED_ACT_CODES, DISCUSSION_CODES, VIOLENT_ROOTS
from gestae.engine.events.consultation_targets import consultation_noun, talks_parties
from gestae.engine.events.given_things import given_thing
from gestae.engine.events.held_documents import document_holder
from gestae.engine.events.matching import at_is_scene, personal_site
from gestae.engine.events.media_targets import frame_thing
from gestae.engine.events.mentions import (
    ABSTRACT_OBJECTS,
    SETTING_PREPS,
    actor_group,
    border_state,
    locative,
    pobj_actors,
    unnamed_target,
    with_country,
)
from gestae.engine.events.side_phrases import ally_phrase, harmed_prep
from gestae.engine.events.target_search import Search, light_verb
from gestae.engine.events.thing_targets import (
    belonging_owners,
    device_set_off,
    driven_vehicle,
    means_or_thing,
    measure_stance_owners,
    stance_on_measure,
    sum_of_money,
    used_instrument,
)
from gestae.engine.places import named_place
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, child, objects, prep_child, scene_with, within_clause
from gestae.resources.word_classes import words

BORDER_NOUNS = words("border_nouns")
OCCASIONS = words("occasion_nouns")
FIGHT_NOUNS = words("fight_nouns")
# Weapons: in a "with" phrase, what the act used (target.instrument).
ATTACK_MEANS = words("attack_means")
UNDER_LIGHT_VERBS = words("under_light_verbs")
# CAMEO root of coercion (COERCE): arrests, bans, seizures.
COERCION_ROOT = "17"
# What a court counts against someone ("convicted on three charges", "guilty of two counts").
CHARGE_NOUNS = words("charge_nouns")
DOMAIN_WORDS = words("domain_words")
FLAGGED_CRAFT = words("flagged_craft")
# Prepositions that introduce the other party when the lexicon names none.
FALLBACK_TARGET_PREPS = (
    "with", "against", "on", "to", "at", "toward", "towards", "into", "between", "for",
)  # fmt: skip
# Prepositions whose object, even one no dictionary names, is who or what an act is aimed at.
UNNAMED_TARGET_PREPS = ("into", "against", "with", "at")
# Prepositions that say what a consultation is about ("talks on Myanmar"), not with whom.
TOPIC_PREPS = ("on", "about", "over", "regarding", "concerning")
# Prepositions a parse may hang lower in the clause that still name a participant.
LOWER_PARTICIPANT_PREPS = ("to", "with", "against")


@rule("target.object")
def object_target(q: Search) -> list[Mention]:
    """The direct object undergoes the act ("attacked Ukraine"); a bare frame word beside
    another object is the role it is put in ("took hostage 20 workers"), no target.

    Example: Iraq criticized Kuwait.
    """
    ev, found = q.ev, []
    for obj in q.objects:
        mention = ev.actors.at(obj)
        if q.objects_as == "owners" and mention is not None and mention.actors:
            continue
        if _role_word(obj, q):
            continue
        parties = talks_parties(q, obj)
        if parties is not None:
            found += parties
            continue
        if frame_thing(q, obj, mention):
            # "sharing intelligence with Ukraine": a frame word that happens to name a
            # sector ("intelligence") is what is shared, not a partner.
            partners = [
                m
                for c in obj.children
                if c.dep_ == "prep" and c.lower_ in ("with", "to")
                for m in pobj_actors(ev.grammar, c, ev.actors)
                if m.actors
            ]
            listed = actor_group(ev.grammar, obj, ev.actors, owner=True)[1:]
            found += with_country(listed + [m for m in partners if m not in listed])
            continue
        stance = measure_stance_owners(q, obj)
        if stance is not None:
            found += stance
            continue
        owners = belonging_owners(ev, obj)
        trace_owned_dwelling(ev.trace, obj)
        found += owners or actor_group(ev.grammar, obj, ev.actors, owner=True, trace=ev.trace)
    return q.found("target.object", found)


def _role_word(obj: Token, q: Search) -> bool:
    """'took hostage 20 workers': a frame word bare of article, number or owner, beside
    another object, names the role the other object is put in, not a second victim."""
    return (
        obj.lemma_.lower() in q.frame_words
        and obj.tag_ == "NN"
        and not any(c.dep_ in ("det", "nummod", "poss") for c in obj.children)
        and len(q.objects) > 1
    )


@rule("target.fight-object")
def fight_object(q: Search) -> list[Mention]:
    """'has been fighting an insurgency against the Pakistani state', 'fought a war against
    the rebels': an object that names the fight itself (word class fight_nouns) is no party,
    even where a dictionary reads "insurgency" as rebels; its "against" phrase, or the verb's,
    names whom the fight is aimed at.

    Example: The separatists have been fighting an insurgency against the Kenyan state.
    """
    if q.ev.entry.cameo[:2] not in VIOLENT_ROOTS:
        return []
    for obj in q.objects:
        if obj.lemma_.lower() not in FIGHT_NOUNS:
            continue
        for head in (obj, q.token):
            prep = prep_child(head, "against")
            found = pobj_actors(q.ev.grammar, prep, q.ev.actors, owner=True) if prep else []
            if any(m.actors for m in found):
                return q.found("target.fight-object", [m for m in found if m.actors])
    return []


# Prepositions on a frame's object noun that name whom the act was aimed at.
AIMED_PREPS = ("against", "on", "at", "into")


@rule("target.frame-object-prep")
def frame_object_prep(q: Search) -> list[Mention]:
    """'launched air strikes against the rebels', 'carried out raids on Hamas positions': a
    verb whose frame names its object noun ("launch" + "strike") reaches the target through
    that noun's "against" or "on" phrase, as the noun's own entry would.

    Example: Turkish jets launched air strikes against Kurdish militants in northern Iraq.
    """
    if q.depth != 0 or q.token.pos_ != "VERB" or not q.ev.entry.cameo.startswith(AIMED_ACT_CODES):
        return []
    for obj in q.objects:
        if obj.dep_ not in ("dobj", "obj") or obj.lemma_.lower() not in q.frame_words:
            continue
        for word in AIMED_PREPS:
            prep = prep_child(obj, word)
            if prep is None or locative(prep, q.ev):
                continue
            found = pobj_actors(q.ev.grammar, prep, q.ev.actors, owner=True)
            pobj = child(prep, {"pobj"})
            if not found and pobj is not None and word in UNNAMED_TARGET_PREPS:
                unnamed = unnamed_target(q.ev.grammar, pobj)  # "strikes against the enclave"
                found = [unnamed] if unnamed is not None else []
            if found:
                return q.found("target.frame-object-prep", found)
    return []


@rule("target.dative")
def dative_target(q: Search) -> list[Mention]:
    """The indirect object receives ("gave Jordan aid").

    Example: Germany gave Moldova new loans.
    """
    ev, found = q.ev, []
    for dependent in q.token.children:
        if dependent.dep_ in ("dative", "iobj"):
            found += (
                pobj_actors(ev.grammar, dependent, ev.actors)
                if dependent.pos_ == "ADP"
                else actor_group(ev.grammar, dependent, ev.actors, owner=True)
            )
    return q.found("target.dative", found)


@rule("target.participant-prep")
def participant_prep(q: Search) -> list[Mention]:
    """'met with X', 'clashed with X', 'protested against X': the other party.

    Example: Brazil clashed with Venezuela over the border.
    """
    for word in FALLBACK_TARGET_PREPS:
        prep = prep_child(q.token, word)
        if (
            prep is not None
            and not locative(prep, q.ev)
            and not setting(q, prep)
            and not discussion_topic(q, q.ev.entry.cameo, prep)
            and not instrument(q, prep)
            and not charge(q, prep)
            and not absolute_with(q, prep)
            and not at_is_scene(q.token, prep)
            and not personal_site(q.ev.trace, q.ev.entry.cameo, prep)
            and not fought_for(q, prep)
            and not ally_phrase(q, prep)
            and not asked_beneficiary(q, prep)
        ):
            found = pobj_actors(q.ev.grammar, prep, q.ev.actors, owner=True)
            if found:
                return q.found("target.participant-prep", found)
    return []


@rule("target.fought-for")
def fought_for(q: Search, prep: Token) -> bool:
    """'battled for control of the airport', 'fought for the town', 'was killed for his
    views': the 'for' phrase of a violent act names what it was fought over or why, never the
    side it was aimed at; the other side is told by 'with' or 'against', or by the conjoined
    subject of a mutual act.

    Example: Rebels and soldiers battled for control of the airport in Juba on Sunday.
    """
    if prep.lower_ != "for" or q.ev.entry.cameo[:2] not in VIOLENT_ROOTS:
        return False
    q.ev.trace.add("target.fought-for", f"'{prep.text} ...' names what was fought over")
    return True


@rule("target.charge")
def charge(q: Search, prep: Token) -> bool:
    """'arrested for drunk driving in Los Angeles', 'jailed for fraud': the 'for' phrase of a
    coercive act (CAMEO 17) is what the target is held or punished for, and the charges a
    verdict names ('convicted on five of the 11 charges') are counts, not a party.

    A deed told by a verb ('charged with spying on Tibetan activists') is the charge too.

    Example: Police in Lagos arrested the singer for tax fraud.
    """
    pobj = child(prep, {"pobj"})
    counts = pobj is not None and (
        pobj.lemma_.lower() in CHARGE_NOUNS
        or any(c.lemma_.lower() in CHARGE_NOUNS for c in pobj.subtree if c.dep_ == "pobj")
    )
    coerced = prep.lower_ == "for" and q.ev.entry.cameo.startswith(COERCION_ROOT)
    if not (coerced or (prep.lower_ in ("on", "of", "for") and counts) or _deed(q, prep)):
        return False
    q.ev.trace.add("target.charge", f"'{prep.text} ...' names the charge")
    return True


def _deed(q: Search, prep: Token) -> bool:
    deed = child(prep, {"pcomp", "pobj"})
    coerced = q.ev.entry.cameo.startswith(COERCION_ROOT)
    return coerced and deed is not None and deed.tag_ == "VBG"


@rule("target.absolute-with")
def absolute_with(q: Search, prep: Token) -> bool:
    """'had been exchanging barbs, with Erdogan at one point suggesting ...': a 'with' after a
    comma that opens a participle clause sets a scene; its object is no partner.

    Example: Kenya and Uganda traded insults, with Museveni at one point calling Ruto weak.
    """
    if not scene_with(prep):
        return False
    q.ev.trace.add("target.absolute-with", f"'{prep.text} ...' opens a participle clause")
    return True


@rule("target.discussion-topic")
def discussion_topic(q: Search, cameo: str, prep: Token | None = None) -> bool:
    """'held talks on the future of Myanmar', 'met to discuss security in Libya': what a
    consultation is about (the object of 'discuss', an 'on' or 'about' phrase) is its topic;
    the state it concerns is no partner. Only 'with' names one.

    Example: Indonesia and Malaysia held talks on the future of Myanmar.
    """
    if not cameo.startswith(DISCUSSION_CODES):
        return False
    topic = (prep if prep.lower_ in TOPIC_PREPS else None) if prep is not None else _first(q)
    if topic is not None:
        q.ev.trace.add("target.discussion-topic", f"'{topic.text}' is what is discussed")
    return topic is not None


def _first(q: Search) -> Token | None:
    return q.objects[0] if q.objects else None


@rule("target.setting")
def setting(q: Search, prep: Token) -> bool:
    """'requested more time at a hearing in Harare', 'sought aid at a donor conference': an
    occasion the act took place at is its setting, not whom it was aimed at (nor, through its
    place, that place's state).

    Example: The envoy asked for more time at a hearing in Nairobi.
    """
    obj = _occasion(q, prep)
    if obj is not None:
        q.ev.trace.add("target.setting", f"'{obj.text}' is where it happened, no target")
    return obj is not None


def _occasion(q: Search, prep: Token) -> Token | None:
    obj = child(prep, {"pobj"})
    if prep.lower_ != "at" or obj is None:
        return None
    occasion = obj.lemma_.lower() in OCCASIONS | TIME_NOUNS  # "at a hearing", "at dawn"
    return obj if occasion or q.ev.grammar.is_event_noun(obj) else None


@rule("target.of-object")
def of_object(q: Search) -> list[Mention]:
    """'ordered the expulsion of X': an event noun's 'of' object undergoes it.

    Example: Lebanon ordered the arrest of Syrian officials.
    """
    if q.token.pos_ not in ("NOUN", "PROPN"):
        return []
    of = prep_child(q.token, "of")
    if of is None or locative(of):
        return []
    return q.found(
        "target.of-object", with_country(pobj_actors(q.ev.grammar, of, q.ev.actors, owner=True))
    )


@rule("target.phone-partner")
def phone_partner(q: Search) -> list[Mention]:
    """'spoke by phone with Erdogan': the partner hangs on the manner phrase.

    Example: Macron spoke by phone with Zelensky.
    """
    for prep in (c for c in q.token.children if c.dep_ == "prep" and c.lower_ == "by"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            inner = prep_child(obj, "with")
            if inner is not None:
                found = pobj_actors(q.ev.grammar, inner, q.ev.actors)
                if found:
                    return q.found("target.phone-partner", found)
    return []


@rule("target.border")
def across_border(q: Search) -> list[Mention]:
    """'massed troops near its border with Ukraine': the state across the border.

    Example: Russia massed troops near its border with Ukraine.
    """
    for border in q.token.subtree:
        if border.lemma_.lower() in BORDER_NOUNS and within_clause(border, q.token):
            found = border_state(q.ev.grammar, border, q.ev.actors)
            if found:
                return q.found("target.border", found)
    return []


@rule("target.place-in-object")
def place_in_object(q: Search) -> list[Mention]:
    """'shelled residential districts of Kharkiv': the place inside the object.

    Example: Troops shelled residential districts of Donetsk.
    """
    ev = q.ev
    for obj in q.objects:
        if bare_idea(q, obj) or stance_on_measure(q.ev.entry.cameo, obj):
            continue
        if consultation_noun(q, obj):
            continue  # "attended the Ukraine talks": what they are about (target.talks-topic)
        # An event noun's place ("hold talks in Almaty") is where, not whom; so is a ship's
        # or an aircraft's ("a tanker in the Gulf of Oman").
        concrete = not ev.grammar.is_event_noun(obj) and obj.lemma_.lower() not in FLAGGED_CRAFT
        derived = ev.grammar.resolver.implied_actor(obj, ev.actors, through_places=concrete)
        if derived is not None and not gift_not_recipient(q, obj, derived):
            return q.found("target.place-in-object", [derived])
    return []


# How implied_actor says a thing's country came from no name inside it: the article's
# context, or a demonym in front ("Chinese medical supplies": whose they were, not whose now).
UNNAMED_ORIGINS = ("the article's context", "the demonym")


@rule("target.gift-not-recipient")
def gift_not_recipient(q: Search, obj: Token, derived: Mention) -> bool:
    """'donated medical supplies worth $2 million': what a giving frame hands over is a
    thing, so its modifier ('medical', 'military') with the article's country, or a demonym
    on it, names no one helped; a place or a party named inside it still does ('aid for the
    needs of people in Yemen').

    Example: Japan donated medical supplies worth $3 million on Friday.
    """
    if q.ev.entry.target != "dative":
        return False
    if not any(o in a.rule for a in derived.actors for o in UNNAMED_ORIGINS):
        return False
    q.ev.trace.add("target.gift-not-recipient", f"'{obj.text}' is what is given")
    return True


@rule("target.bare-idea")
def bare_idea(q: Search, obj: Token) -> bool:
    """'lifted martial law', 'rejected the military budget': a law, a plan or a budget is no
    party; an adjective in front of it ('martial', 'military') names none either, so the
    article's country is not lent to it. A name inside it ('the plan for Gaza') or a noun
    naming whose it is ('the rebel plan') still counts.

    Example: The Chilean government lifted martial law in the south.
    """
    if obj.lemma_.lower() not in ABSTRACT_OBJECTS:
        return False
    # Where it was made is no party ("signed an agreement in Paris"), nor is what it is about
    # ("a security pact", "a defense agreement": word class domain_words).
    named = any(
        (
            t.pos_ == "PROPN"
            or t.ent_type_ in ("GPE", "NORP", "ORG", "LOC")
            or (t.dep_ == "compound" and t.pos_ == "NOUN" and t.lemma_.lower() not in DOMAIN_WORDS)
        )
        and not _setting(t, obj)
        for t in obj.subtree
        if t.i != obj.i
    )
    if not named:
        q.ev.trace.add("target.bare-idea", f"'{obj.text}' is a thing that names no party")
    return not named


def _setting(token: Token, idea: Token) -> bool:
    """The token sits in a phrase saying where the idea itself was made ("an agreement in
    Paris"), not in one that places people it names ("the needs of people in Yemen")."""
    return any(
        t.dep_ == "prep" and t.lower_ in SETTING_PREPS and t.head.i == idea.i
        for t in [token, *token.ancestors]
        if t.i != idea.i and idea.is_ancestor(t)
    )


@rule("target.lower-prep")
def lower_prep(q: Search) -> list[Mention]:
    """'provide ammunition alongside assistance to Turkey': a participant preposition the
    parse hung lower in the clause still names the recipient.

    Example: Italy will provide trucks along with assistance to Libya.
    """
    # "rebels loyal to X freed prisoners": what the subject's own words name is no participant.
    subjects = {t.i for c in q.token.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    for node in q.token.subtree:
        if (
            node.dep_ == "prep"
            and node.lower_ in LOWER_PARTICIPANT_PREPS
            and node.head.i != q.token.i
            and node.i not in subjects
            and within_clause(node, q.token)
            and not locative(node)
            and not instrument(q, node)
        ):
            named = with_country(pobj_actors(q.ev.grammar, node, q.ev.actors))
            if named:
                return q.found("target.lower-prep", named)
    return []


@rule("target.instrument")
def instrument(q: Search, prep: Token) -> bool:
    """'struck a target in Gaza with artillery': a 'with' phrase naming a weapon (word class
    attack_means) is what the act used, never a partner, even when the weapon's words lend it
    the attacker's own side.

    Example: Ethiopian troops shelled Sudanese positions with artillery.
    """
    obj = child(prep, {"pobj"}) if prep.lower_ == "with" else None
    if obj is None or obj.lemma_.lower() not in ATTACK_MEANS:
        return False
    q.ev.trace.add("target.instrument", f"'{obj.text}' is what the act used")
    return True


@rule("target.placed-under")
def placed_under(q: Search) -> list[Mention]:
    """'put the leader under house arrest': who is put under the act undergoes it, the
    object of the verb or, in the passive, its subject.

    Example: Police placed the mayor of Goma under house arrest.
    """
    verb = light_verb(q)
    if verb is None or q.depth != 0 or verb.lemma_.lower() not in UNDER_LIGHT_VERBS:
        return []
    found: list[Mention] = []
    for obj in objects(verb):
        found += actor_group(q.ev.grammar, obj, q.ev.actors, owner=True)
    return q.found("target.placed-under", found)


@rule("target.light-verb-prep")
def light_verb_prep(q: Search) -> list[Mention]:
    """'launched an investigation into X': the light verb may carry the noun's partner.

    Example: Ecuador held talks on Monday with Colombia.
    """
    verb = light_verb(q)
    if verb is None or q.depth != 0:
        return []
    for word in FALLBACK_TARGET_PREPS:
        prep = prep_child(verb, word)
        if (
            prep is not None
            and not locative(prep, q.ev)
            and not discussion_topic(q, q.ev.entry.cameo, prep)
            and not harmed_prep(q.ev, prep)  # "an inquiry into the death of a lawyer"
        ):
            found = with_country(pobj_actors(q.ev.grammar, prep, q.ev.actors, owner=True))
            if found:
                return q.found("target.light-verb-prep", found)
    return []


@rule("target.unnamed-object")
def unnamed_object(q: Search) -> list[Mention]:
    """'attacked the village': the object as written, with no country (never a guess).

    Example: Gunmen attacked the village.
    """
    if q.depth != 0:
        return []
    for obj in q.objects:
        if means_or_thing(q, obj) or device_set_off(q, obj) or driven_vehicle(q, obj):
            continue
        if place_name(q, obj) or used_instrument(q, obj) or sum_of_money(q, obj):
            continue
        if obj.dep_ == "nsubjpass" and given_thing(q.ev, obj):
            continue  # "the first guns will be delivered": the gift
        unnamed = unnamed_target(q.ev.grammar, document_holder(q, obj))
        if unnamed is not None:
            return q.found("target.unnamed-object", [unnamed, *unnamed_conjuncts(q, obj)])
    return []


@rule("target.place-name")
def place_name(q: Search, obj: Token) -> bool:
    """A street, avenue or square ("marched up First Avenue") or the name a town's "of" phrase
    gives ("entered the town of Tal Rifaat") is where the act went, not whom it reached: the
    tagger may call it a person or a body, but it is neither actor nor target.

    Example: The demonstrators marched up Kenyatta Avenue in Nairobi.
    """
    if not named_place(obj):
        return False
    q.ev.trace.add("target.place-name", f"'{obj.text}' names a place, not a party")
    return True


@rule("target.unnamed-conjunct")
def unnamed_conjuncts(q: Search, obj: Token) -> list[Mention]:
    """'will not release the soldiers and policemen': each object joined to an unnamed one is
    a target of its own, in its own words, as joined actors are.

    Example: Gunmen attacked the village and the market.
    """
    found: list[Mention] = []
    for joined in (t for t in obj.conjuncts if t.i > obj.i):
        mention = q.ev.actors.at(joined)
        unnamed = unnamed_target(q.ev.grammar, joined) if mention is None else None
        if mention is not None and mention.actors:
            found.append(mention)
        elif unnamed is not None:
            found.append(unnamed)
    return q.found("target.unnamed-conjunct", found) if found else []


@rule("target.unnamed-prep")
def unnamed_prep(q: Search) -> list[Mention]:
    """'an investigation into the dealings of X', 'talks with the rebels': the words as written.

    Example: Sudan held talks with the rebels.
    """
    if q.depth != 0:
        return []
    verb = light_verb(q)
    for head in (q.token, verb) if verb is not None else (q.token,):
        for word in UNNAMED_TARGET_PREPS:
            prep = prep_child(head, word)
            pobj = child(prep, {"pobj"}) if prep is not None else None
            if pobj is None or locative(prep, q.ev) or _occasion(q, prep):  # type: ignore[arg-type]
                continue
            if ally_phrase(q, prep) or personal_site(q.ev.trace, q.ev.entry.cameo, prep):  # type: ignore[arg-type]
                continue
            unnamed = unnamed_target(q.ev.grammar, pobj)
            if unnamed is not None:
                return q.found("target.unnamed-prep", [unnamed])
    return []
