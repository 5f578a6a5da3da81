"""The record rules, in the order the builder applies them.

First the rules that settle the act's type (a refusal, a denial; PLOVER's auxiliary modes are
in `modes`), then `ACTOR_FALLBACKS`: the ordered rules that fill in a participant the sentence
leaves unnamed (each reads what the ones before it decided), then the mode of a meeting of
many. How sources and targets pair into records is in `pairs`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from spacy.tokens import Span, Token

from gestae.engine.actors import DocActors
from gestae.engine.events.asked_parties import ASKING_ROOTS
from gestae.engine.events.protests import RIOT_CODE
from gestae.engine.events.thing_targets import held_over
from gestae.engine.mentions import FROM_ELSEWHERE
from gestae.engine.records.charge_content import charge_content_state
from gestae.engine.records.codes import (
    DEPLOYMENT,
    DEPORTATION_CODES,
    EXERCISE_NOUNS,
    JOINT_EXERCISE,
    MULTILATERAL_PARTICIPANTS,
    PEACEKEEPING,
    PEACEKEEPING_WORDS,
    PLACE_TARGET_TYPES,
    PURPOSE_VERBS,
    SHOW_OF_FORCE,
    STATE_POWER_CODES,
    TARGET_NEEDED,
)
from gestae.engine.records.countries import (
    COUNTED_VICTIMS,
    VICTIM_NOUNS,
    context_people,
    context_state_agent,
    context_victims,
    names_people,
    note_told_nationality,
    place_country,
)
from gestae.engine.records.draft import Draft, state_of, state_words
from gestae.engine.records.held_people import (
    coerced_people,
    context_held,
    deportees_not_home,
    held_at_home,
    home_person,
)
from gestae.engine.records.home_seizures import home_seizure
from gestae.engine.records.named_states import one_of_a_people, place_demonym
from gestae.engine.records.other_clauses import acts_apart, describes_object, describes_subject
from gestae.engine.records.own_people import moved_force, own_envoy
from gestae.engine.records.owned_targets import owner_country
from gestae.engine.records.pairs import mutual_partners
from gestae.engine.records.place_names import place_named_target
from gestae.engine.records.protest_aims import protest_own_state
from gestae.engine.records.story_people import story_people
from gestae.engine.records.strangers import (
    across_border,
    attacker_abroad,
    expeller_abroad,
    partner_abroad,
    proposer_abroad,
    visitor_abroad,
)
from gestae.engine.records.teller_agent import (
    teller_agent,
    teller_operation,
    teller_rescued_people,
)
from gestae.engine.records.things import thing_target
from gestae.engine.records.told_possessions import teller_possession
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.resources.ontology import Ontology
from gestae.resources.word_classes import words
from gestae.schema import Actor


def refusal_code(refusals: Mapping[str, str], cameo: str) -> str | None:
    """The REJECT code for a cooperative act said not to happen: the longest prefix listed."""
    for size in range(len(cameo), 1, -1):
        code = refusals.get(cameo[:size])
        if code is not None:
            return code
    return None


@rule("record.refusal")
def refusal(draft: Draft, ontology: Ontology, refusals: Mapping[str, str]) -> None:
    """'Will not' before a cooperative act announces a refusal (REJECT), not a denied act.

    The REJECT code comes from data/refusals.yaml; the refusal is asserted now, so a future
    modality becomes asserted.

    Example: Norway will not sign the fishing accord with Iceland.
    """
    if not (draft.negated and draft.candidate.refusal_frame):
        return
    code = refusal_code(refusals, draft.cameo)
    if code is None:
        return
    draft.trace.add("record.refusal", f"'will not' + cooperative act ({draft.cameo}): CAMEO {code}")
    draft.code = ontology.cameo(code)
    draft.cameo, draft.event_type, draft.mode = draft.code.code, "REJECT", draft.code.mode
    draft.negated = False
    draft.modality = "asserted" if draft.modality == "future" else draft.modality


@rule("record.negated")
def keep_negated(draft: Draft, include_negated: bool) -> bool:
    """A denied act did not happen: it gives no record unless negated events are asked for.

    Kept (with --include-negated) it is flagged `negated`.

    Example: Chile did not expel the Peruvian ambassador.
    """
    if not draft.negated:
        return True
    if include_negated:
        draft.trace.add("record.negated", "denied; kept as asked, flagged negated")
    return include_negated


@rule("record.implicit-target")
def implicit_target(draft: Draft) -> None:
    """A type PLOVER codes only with a target takes the one other state the sentence names.

    "British waters" names a state too (a demonym before a non-actor noun). The record's
    confidence is lowered for it.

    Example: Iceland threatened to seize fishing boats in Norwegian waters.
    """
    if draft.targets or draft.event_type not in TARGET_NEEDED or mutual_partners(draft):
        return
    if draft.cameo.startswith(ASKING_ROOTS) and (
        draft.unnamed or _asked_pronoun(draft.candidate.trigger)
    ):
        return  # "urged Western allies (or them) to press Russia": made to the allies (them)
    found = _implicit_target(draft.sent, draft.actors, draft.sources, draft.candidate.trigger)
    held = held_over(draft.cameo, draft.candidate.trigger) if found is not None else set()
    if found is not None and any(draft.sent.doc[i].idx == found.start for i in held):
        return  # "opposed sanctions against Belarus": no stance on Belarus
    if found is not None and (
        object_told_state(draft, found)
        or charge_content_state(draft, found)
        or place_demonym(draft, found)
    ):
        return
    if found is not None:
        draft.targets = [found]
        draft.trace.add(
            "record.implicit-target", f"{found.label()} is the only other state in the sentence"
        )
        draft.candidate.implicit_target = True


@rule("record.object-told-state")
def object_told_state(draft: Draft, found: Actor) -> bool:
    """The one other state of the sentence, named in a clause that tells of the act's object
    ("seized a tanker suspected of damaging a cable to Estonia"), is what the object did or
    where, not whom the act is aimed at: no implicit target from it.

    Example: Swedish police seized a freighter suspected of cutting a cable to Latvia.
    """
    trigger = draft.candidate.trigger
    named = [t for t in draft.sent if t.idx == found.start]
    if not named or not describes_object(trigger, named[0]):
        return False
    draft.trace.add("record.object-told-state", f"{found.label()} is told of the object")
    return True


@rule("record.deportees-kept")
def deportees_kept(draft: Draft) -> None:
    """People a deportation sends away, named only in words ("deported 40 migrants to
    Honduras"), stay its target as words: the state they are sent to is no implicit target,
    and their country is not the deporting state's (they are mostly its foreigners).

    Example: Malaysia deported 300 refugees to Myanmar on Monday.
    """
    if draft.targets or not draft.unnamed or not draft.cameo.startswith(DEPORTATION_CODES):
        return
    draft.targets = list(draft.unnamed)
    draft.trace.add(
        "record.deportees-kept", ", ".join(t.text for t in draft.targets) + ": the people deported"
    )


@rule("record.state-agent")
def state_agent(draft: Draft) -> None:
    """Arrests, expulsions and bans are the state's acts: with no named agent, the state where
    they happen did them.

    Example: Two reporters were arrested on Sunday in Belarus.
    """
    location = draft.location
    if draft.sources or not draft.cameo.startswith(STATE_POWER_CODES):
        return
    if location is None or not location.country:
        return
    draft.sources = [
        state_of(
            location,
            location.country,
            "source: arrests and expulsions are made by the state where they happen",
            sector="GOV",
        )
    ]
    draft.trace.add(
        "record.state-agent", f"no named agent: the state where it happened ({location.country})"
    )


FLAGGED_CRAFT = words("flagged_craft")


@rule("record.flagged-craft")
def flagged_craft(draft: Draft) -> bool:
    """A ship or an aircraft hit where it sails or flies is not the country of that place: the
    craft stays the target, named only in words (word class flagged_craft), and the place stays
    only where it happened (no record.place-target either).

    Example: Pirates boarded a fishing trawler off the coast of Kenya.
    """
    craft = [v for v in draft.unnamed if _head_lemma(draft, v) in FLAGGED_CRAFT]
    if not craft:
        return False
    draft.targets = craft
    draft.trace.add(
        "record.flagged-craft", ", ".join(t.text for t in craft) + ": a flag of its own"
    )
    return True


def _head_lemma(draft: Draft, actor: Actor) -> str:
    words = draft.words_of(actor)
    return words.root.lemma_.lower() if words is not None else ""


@rule("record.place-victims")
def place_victims(draft: Draft) -> None:
    """An attack on people or things named only in words ("killed seven people in Abidjan",
    "stormed the building in Kabul") hit them, in the country where it fell: the victims'
    words stay the target (as news and ConfliBERT mark them) and take the place's country,
    people as civilians (CVL). Before record.place-target, which would put the bare place
    where the victims stand. Not for two sides of a clash.

    Example: Armed youths killed eleven people on Friday in Bouake.
    """
    location = draft.location
    if draft.targets or not draft.unnamed or draft.event_type != "ASSAULT":
        return
    if flagged_craft(draft):
        return
    if location is None or not location.country:
        return
    if draft.reciprocal and len(draft.sources) == 2:
        return
    draft.targets = [
        victim  # actor.foreign-people: "two foreigners" are not of the place
        if FROM_ELSEWHERE in victim.rule
        else replace(
            victim,
            country=location.country,
            sector="CVL" if names_people(victim, draft.sent) else None,
            rule=victim.rule + f"; of the country where the attack fell ({location.country})",
        )
        for victim in draft.unnamed
    ]
    draft.trace.add(
        "record.place-victims",
        ", ".join(t.text for t in draft.targets)
        + f": hit where the attack fell ({location.country})",
    )


@rule("record.place-target")
def place_target(draft: Draft) -> None:
    """An attack with no named target hits the country where it fell.

    Coercion too, unless its object was named only in words ("detained the activists"). Not
    for two sides of a clash, who are each other's target (record.reciprocal).

    Example: Gunmen opened fire in Kabul on Monday.
    """
    location = draft.location
    fits = draft.event_type == "ASSAULT" or (
        draft.event_type in PLACE_TARGET_TYPES and not draft.unnamed
    )
    if draft.targets or not fits or location is None or not location.country:
        return
    if (draft.reciprocal and len(draft.sources) == 2) or home_seizure(draft):
        return  # two clashing sides target each other; goods seized at home target no one
    draft.targets = [
        state_of(
            location,
            location.country,
            "target: the country where the attack fell",
            name=location.name,
        )
    ]
    draft.trace.add(
        "record.place-target", f"no named target: the attack fell in {location.country}"
    )


@rule("record.home-deployment")
def home_deployment(draft: Draft) -> None:
    """A deployment inside the source's own country is aimed at no one named.

    Example: The Kenyan government deployed riot police across Kenya.
    """
    if draft.event_type != "MOBILIZE" or not draft.sources:
        return
    own = {a.country for a in draft.sources if a.country}
    kept = [t for t in draft.targets if not (t.kind == "state" and t.country in own)]
    if len(kept) < len(draft.targets):
        draft.trace.add("record.home-deployment", "the source's own country is not a target")
    draft.targets = kept


@rule("record.unnamed-target")
def unnamed_target(draft: Draft) -> None:
    """An object named only in words is the target when no rule found a better one.

    Not for two reciprocal participants, who are each other's target.

    Example: Rebels attacked the town, killing five in the attack.
    """
    two_way = draft.reciprocal and len(draft.sources) == 2
    if draft.targets or not draft.unnamed or two_way:
        return
    draft.targets = draft.unnamed
    draft.trace.add(
        "record.unnamed-target",
        "target named only in words: " + ", ".join(t.label() for t in draft.unnamed),
    )


# Words that count people ('12 were killed', 'wounded many others'), and nouns for people
# described by a count ('14 people', 'one of the bodyguards').
# Words of a bomb made safe, not set off against anyone ("a controlled explosion").
BOMB_DISPOSAL = words("bomb_disposal")
# Where a violent verb keeps the ones it harms.
VICTIM_DEPS = ("nsubjpass", "dobj")


@rule("record.counted-victims")
def counted_victims(draft: Draft) -> None:
    """Victims told only by their number ('53 people were killed and 266 were injured',
    'hundreds were killed', 'the blast killed one of the guards and wounded another') are
    people harmed: when the sentence names no actor on either side and no place gives a
    country, the count is the target, of the article's country when it has one. With no
    country at all the record stays (contract: a violent act with victims is worth counting).

    Example: Twelve were killed and dozens were wounded in the attack on Monday.
    """
    if draft.sources or draft.targets or draft.event_type != "ASSAULT":
        return
    trigger = draft.candidate.trigger
    if trigger.pos_ != "VERB":
        return
    victim = next((c for c in trigger.children if c.dep_ in VICTIM_DEPS and _counted(c)), None)
    if victim is None:
        context_target(draft)
        return
    words_of = trigger.doc[victim.left_edge.i : victim.right_edge.i + 1]
    country = draft.actors.dominant_country()
    draft.targets = [
        Actor(
            text=words_of.text,
            start=words_of.start_char,
            end=words_of.end_char,
            kind="group",
            country=country,
            rule="target: victims told only by their number"
            + (f"; {CONTEXT_COUNTRY} ({country})" if country else ""),
        )
    ]
    draft.trace.add("record.counted-victims", f"'{words_of.text}': people harmed, not named")


@rule("record.context-target")
def context_target(draft: Draft) -> None:
    """A bomb or an attack that names no one and whose place gives no country ('the bomb
    was detonated when the convoy passed') fell in the country the article is about: with
    no such country, no record (nothing an analyst could place or count). Not a person
    harmed ('he was captured': his side need not be the article's country), nor a bomb
    made safe ('a controlled explosion').

    Example: Israel sealed the crossing. A bomb was detonated as an army convoy passed.
    """
    country = draft.actors.dominant_country()
    if country is None or draft.location is not None:
        return  # a place the gazetteer could not put in a country says the context may not
    trigger = draft.candidate.trigger
    if any(c.dep_ in VICTIM_DEPS and c.pos_ in ("PRON", "PROPN") for c in trigger.children):
        return  # "he was captured": a person whose side the article's country need not be
    if any(t.lemma_.lower() in BOMB_DISPOSAL for t in draft.sent):
        return  # "a wartime bomb was detonated in a controlled explosion": no attack
    named = state_words(draft, country)
    if named is None:
        return
    rule_text = f"target: the attack fell in the country of the article's context ({country})"
    draft.targets = [state_of(named, country, rule_text, name=named.name)]
    draft.trace.add("record.context-target", f"no one named, no place: fell in {country}")


def _counted(token: Token) -> bool:
    """People counted: a number or a counting word alone ('12', 'hundreds', 'others'), a
    count of people ('14 people'), or one of them ('one of the guards', 'dozens of men')."""
    if token.like_num or token.pos_ == "NUM" or token.lower_ in COUNTED_VICTIMS:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            return True
        inner = next((c for c in of.children if c.dep_ == "pobj"), None)
        return inner is not None and inner.lemma_.lower() in VICTIM_NOUNS  # not 'dozens of homes'
    counts = any(c.dep_ in ("nummod", "quantmod") or c.like_num for c in token.children)
    return counts and token.lemma_.lower() in VICTIM_NOUNS


# Forces that police a crowd: in a violent protest they are whom it is aimed at.
CROWD_POLICERS = frozenset({"COP", "MIL"})


@rule("record.riot-sides")
def riot_sides(draft: Draft) -> None:
    """'Police clashed with protesters': a violent protest is the crowd's act aimed at the
    police, whichever of them the sentence names first.

    Example: Riot police clashed with students in Dhaka on Sunday.
    """
    if not draft.cameo.startswith(RIOT_CODE) or not draft.sources or not draft.targets:
        return
    if all(a.sector in CROWD_POLICERS for a in draft.sources) and not any(
        a.sector in CROWD_POLICERS for a in draft.targets
    ):
        draft.sources, draft.targets = draft.targets, draft.sources
        draft.trace.add("record.riot-sides", "the crowd riots against the police")


# Order matters: each rule fills a participant only when the ones before it found none.
ACTOR_FALLBACKS: tuple[Callable[[Draft], None], ...] = (
    visitor_abroad,
    across_border,
    attacker_abroad,
    expeller_abroad,
    proposer_abroad,
    partner_abroad,
    riot_sides,
    own_envoy,
    moved_force,
    teller_possession,
    place_named_target,
    place_country,
    deportees_kept,
    deportees_not_home,
    implicit_target,
    teller_agent,
    teller_operation,
    teller_rescued_people,
    state_agent,
    protest_own_state,
    place_victims,
    coerced_people,
    held_at_home,
    home_person,
    place_target,
    home_deployment,
    thing_target,
    unnamed_target,
    owner_country,
    context_state_agent,
    context_held,
    context_people,
    context_victims,
    story_people,
    counted_victims,
    note_told_nationality,
)


@rule("record.joint-exercise")
def joint_exercise(draft: Draft, ontology: Ontology) -> None:
    """Exercises that two or more states hold together, aimed at no one named, are military
    cooperation (062), not a show of force (150): "joint drills" without the word "joint".
    The partners are each other's targets; the waters they drill in are only the place.

    Example: Russia and China held naval drills in the Sea of Japan.
    """
    if draft.cameo != SHOW_OF_FORCE:
        return
    trigger = draft.candidate.trigger
    words = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass"))]
    if not any(w.lemma_.lower() in EXERCISE_NOUNS for w in words):
        return
    if len({a.country for a in draft.sources if a.country}) < 2:
        return
    draft.code = ontology.cameo(JOINT_EXERCISE)
    draft.cameo, draft.event_type, draft.mode = draft.code.code, draft.code.plover or "", None
    draft.targets = []
    draft.trace.add("record.joint-exercise", "exercises of several states together: 062")


@rule("record.peacekeeping-deployment")
def peacekeeping_deployment(draft: Draft, ontology: Ontology) -> None:
    """Troops sent or deployed as peacekeepers, or to a peacekeeping force or mission, are
    given as peacekeepers (AID 074), not mobilized (154). Only the act's own words count, and
    of its clauses only one that says what they serve as or join ("to serve as a peacekeeping
    force"): "deployed troops after rebels attacked peacekeepers" stays a deployment.

    Example: Japan is sending troops to the UN peacekeeping mission in South Sudan.
    """
    if draft.cameo != DEPLOYMENT or not _names_peacekeeping(draft.candidate.trigger):
        return
    draft.code = ontology.cameo(PEACEKEEPING)
    draft.cameo, draft.event_type, draft.mode = draft.code.code, draft.code.plover or "", None
    draft.trace.add("record.peacekeeping-deployment", "troops deployed as peacekeepers: 074")


def _names_peacekeeping(token: Token) -> bool:
    """A peacekeeping word among the act's own words, not inside another clause."""
    for child in token.children:
        clause = child.dep_ in ("relcl", "ccomp", "advcl", "acl", "conj", "xcomp", "parataxis")
        if clause and child.lemma_.lower() not in PURPOSE_VERBS:
            continue
        if child.lemma_.lower() in PEACEKEEPING_WORDS or _names_peacekeeping(child):
            return True
    return False


@rule("record.multilateral")
def multilateral(draft: Draft) -> None:
    """A meeting of three or more participants with no target is multilateral (PLOVER mode).

    Example: Ministers of Chile, Peru and Bolivia met in Lima on Monday.
    """
    many = len(draft.sources) >= MULTILATERAL_PARTICIPANTS
    # A topic kept only as words ("met to discuss migration") is no participant.
    no_target = all(t in draft.unnamed for t in draft.targets)
    if draft.event_type == "CONSULT" and many and no_target and not draft.mode:
        draft.mode = "multilateral"
        draft.trace.add("record.multilateral", f"{len(draft.sources)} participants, no target")


@rule("record.plover-type")
def plover_type(draft: Draft, ontology: Ontology) -> None:
    """The CAMEO code the rules settled on gives the PLOVER event type (data/cameo.yaml).

    Example: Sweden condemned Iran for the executions.
    """
    name = ontology.cameo(draft.cameo).name
    draft.trace.add("record.plover-type", f"CAMEO {draft.cameo} ({name}) -> {draft.event_type}")


def _implicit_target(
    sent: Span, actors: DocActors, sources: list[Actor], trigger: Token
) -> Actor | None:
    """The one state named in the sentence besides the source (e.g. "British waters"); a
    state that does an act of its own in another clause is none (other_clauses.acts_apart)."""
    source_countries = {a.country for a in sources}
    others: dict[str, Actor] = {}
    for mention in actors.mentions:
        if mention.reference or not (sent.start <= mention.head < sent.end):
            continue
        if one_of_a_people(sent.doc[mention.start]):
            continue
        if acts_apart(trigger, sent.doc[mention.head]):
            continue
        if describes_subject(trigger, sent.doc[mention.head]):
            continue
        for actor in mention.actors:
            if actor.country and actor.country not in source_countries and actor.kind == "state":
                others.setdefault(actor.country, actor)
    if len(others) == 1:
        return next(iter(others.values()))
    return _demonym_target(sent, actors, source_countries)


def _asked_pronoun(trigger: Token) -> bool:
    """An appeal made to a pronoun no actor stands behind ("urged them to ...")."""
    return any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in trigger.children)


def _demonym_target(sent: Span, actors: DocActors, exclude: set[str | None]) -> Actor | None:
    """A demonym modifying a non-actor noun ("British waters") still names a state."""
    found = actors.adjective_states(sent)
    others = {a.country: a for a in found if a.country not in exclude}
    if len(others) == 1:
        return next(iter(others.values()))
    return None
