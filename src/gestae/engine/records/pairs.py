"""Who acted on whom: the sources and targets of one draft paired into records.

A compound actor gives one record per participant; the participants of a reciprocal act give
one record for each direction of each pair (two give A->B and B->A, three give six); a target
that is the source itself, or its own side, is no target.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.mentions import names_someone
from gestae.engine.events.nonpolitical import own_state
from gestae.engine.mentions import OWNED_BODY
from gestae.engine.records.codes import (
    MUTUAL_OBJECT_MARKERS,
    MUTUAL_OBJECT_NOUNS,
    OWN_SIDE_SECTORS,
)
from gestae.engine.records.draft import Draft, Pair, same
from gestae.engine.records.removals import coup_leader, removal_not_done, removed_holders
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS
from gestae.resources.word_classes import words
from gestae.schema import Actor

# Kin words ("his son", "her husband"): people, though no agent noun.
KIN_NOUNS = words("kin_nouns")


def pair_actors(draft: Draft) -> list[Pair]:
    """The (source, target) pairs of the records; empty when the act has no participant."""
    coup_leader(draft)
    sources, targets = draft.sources, draft.targets
    if removal_not_done(draft):
        return []
    if draft.reciprocal and len(sources) > 2 and all(t in draft.unnamed for t in targets):
        # "met to discuss migration": the topic, kept only as words, is no participant
        return multilateral_pairs(draft)
    if partners_own_ground(draft):
        return reciprocal(draft)
    if sources and targets:
        removed = removed_holders(draft)
        if removed:
            return removed
        pairs = [(s, t) for s in sources for t in targets if not same(s, t)]
        if not pairs:
            return own_ranks(draft) or self_target(draft)
        if draft.event_type in NO_SELF_DIRECTED_TYPES or draft.cameo in NO_SELF_DIRECTED_CODES:
            kept = own_state_target(draft, pairs)
            if not kept:
                # An appeal to one's own state states a policy; any other act still happened.
                return [] if draft.event_type in SELF_APPEAL_TYPES else self_target(draft)
            pairs = kept
        return own_side(draft, pairs)
    if draft.reciprocal and len(sources) == 2:
        if one_side(draft):
            return [(s, None) for s in sources]
        return reciprocal(draft)
    if draft.reciprocal and len(sources) > 2:
        return multilateral_pairs(draft)
    if sources:
        return compound_actor(draft)
    return [(None, t) for t in targets]


# Types no state does to itself: its own officials do not meet or urge the state they are
# part of. (Defending or praising "Russia's involvement" keeps its target: the dev data's
# annotators mark it, and PLOVER allows it.)
NO_SELF_DIRECTED_TYPES = frozenset({"CONSULT", "REQUEST"})
# A meeting announced for later (AGREE 036, PLOVER's future CONSULT) is no more self-directed;
# nor are a state's own sanctions, tariffs and embargoes (163): "tariffs on exports to the
# U.S." levied by a US official take the goods' goal for a target, which is the state itself.
NO_SELF_DIRECTED_CODES = frozenset({"036", "163"})
# With no other target, such an appeal ("the French president urged France to do more") is a
# statement of policy and codes nothing; a meeting still happened.
SELF_APPEAL_TYPES = frozenset({"REQUEST"})


@rule("record.own-state")
def own_state_target(draft: Draft, pairs: list[tuple[Actor, Actor]]) -> list[tuple[Actor, Actor]]:
    """A state's officials, leaders or forces do not meet or urge the state they are part
    of: the state is no target of theirs, and an appeal with no other target states a policy
    and codes nothing.

    Example: The Chilean president urged Chile to welcome more refugees.
    """
    kept = [(s, t) for s, t in pairs if not own_state(s, t)]
    if len(kept) < len(pairs):
        draft.trace.add("record.own-state", "a state's own officials do not act on the state")
    return kept


@rule("record.self-target")
def self_target(draft: Draft) -> list[Pair]:
    """A target read as the source itself is no target; the act still happened.

    Example: The Egyptian government released Egyptian officials.
    """
    draft.trace.add("record.self-target", "the only target found is the source itself")
    return [(s, None) for s in draft.sources]


# CAMEO roots of force done to people: a crowd's riot (14), coercion (arrest, charge, expel),
# assault and fighting (17, 18, 19, 20).
FORCE_ROOTS = frozenset({"14", "17", "18", "19", "20"})


@rule("record.own-ranks")
def own_ranks(draft: Draft) -> list[Pair]:
    """Force used on other people of the source's own codes is aimed at them: a police
    watchdog that arrests police officers, an army that detains officers, students who attack
    their teachers, a mob that attacks two men. Kept only for two
    groups told in different words (a pronoun or the same noun may be the source itself).

    Example: Ghana's police watchdog arrested four police officers over the death of a trader.
    """
    if draft.cameo[:2] not in FORCE_ROOTS:
        return []
    kept: list[Pair] = []
    for source in draft.sources:
        for target in draft.targets:
            if _other_group(draft, source, target):
                kept.append((source, target))
    if kept:
        draft.trace.add("record.own-ranks", "other people of the source's own codes")
    return kept


def _other_group(draft: Draft, source: Actor, target: Actor) -> bool:
    if source.kind != "group" or target.kind != "group":
        return False
    if source.start < target.end and target.start < source.end:
        return False
    words, doer = draft.words_of(target), draft.words_of(source)
    if words is None or doer is None or words.root.pos_ != "NOUN":
        return False
    return words.root.lemma_.lower() != doer.root.lemma_.lower()


@rule("record.own-side")
def own_side(draft: Draft, pairs: list[tuple[Actor, Actor]]) -> list[Pair]:
    """The source's own side is not its target: an 'its/their' phrase, or forces and officials
    whose country came only from the article's context.

    Example: Georgia criticised its police for the raid.
    """
    kept: list[Pair] = [(s, t) for s, t in pairs if not _own_side(draft, s, t)]
    if len(kept) < len(pairs):
        draft.trace.add("record.own-side", "a target on the source's own side is not a target")
    someone_elses(draft, kept)
    if kept:
        return kept
    return [(s, None) for s in dict.fromkeys(s for s, _ in pairs)]


@rule("record.reciprocal")
def reciprocal(draft: Draft) -> list[Pair]:
    """Two participants of a mutual act each act toward the other: A->B and B->A.

    Example: Ghana and Togo held talks in Accra.
    """
    first, second = draft.sources
    draft.trace.add("record.reciprocal", f"{first.label()} <-> {second.label()}")
    return [(first, second), (second, first)]


# Cooperative types whose two participants must be two parties: the units of one side are not.
COOPERATIVE_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})


@rule("record.partners-own-ground")
def partners_own_ground(draft: Draft) -> bool:
    """Two states joined in a mutual act ("signed a deal", "extended a pact", "clashed")
    whose every target is of one of their own countries (a site to be built there, the
    capital a visit went to) act on each other: the ground is where the act lands, not a third
    party, so the pairs go both ways. A target of a third state stays ("signed a deal with
    Japan").

    Example: Kenya and Ethiopia signed an agreement to build a dam near the town of Moyale.
    """
    sources, targets = draft.sources, draft.targets
    if not draft.reciprocal or len(sources) != 2 or not targets:
        return False
    countries = {s.country for s in sources if s.country and s.kind == "state"}
    if len(countries) != 2 or any(t.country not in countries for t in targets):
        return False
    draft.trace.add("record.partners-own-ground", "a partner's own ground is no third party")
    return True


@rule("record.one-side-pair")
def one_side(draft: Draft) -> bool:
    """Two unnamed groups of the same country and sector that join a cooperative act ("more
    than 20 warships and submarines will take part in the drills") are units of one side, not
    two parties to it: neither is the other's partner, and each acts with no target.

    Example: Chilean warships and submarines will take part in the naval exercises.
    """
    if draft.event_type not in COOPERATIVE_TYPES:
        return False
    first, second = draft.sources
    if first.kind != "group" or second.kind != "group" or first.name or second.name:
        return False
    if (first.country, first.sector) != (second.country, second.sector):
        return False
    draft.trace.add("record.one-side-pair", f"{first.text}, {second.text}: units of one side")
    return True


@rule("record.mutual-object")
def mutual_object(draft: Draft) -> bool:
    """A compound doer acting on a bond (no one else's: "their ties", "diplomatic relations")
    acts on each other: the act is mutual whatever its type, so its pairs go both ways.

    The bond may be the object of the act's infinitive: "Ghana and Togo pledged to deepen
    their ties" is a pledge each makes to the other.

    Example: Ghana and Togo upgraded their ties on Monday.
    """
    if len(draft.sources) < 2:
        return False
    trigger = draft.candidate.trigger
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]
    for obj in (c for head in heads for c in head.children):
        if obj.dep_ not in ("dobj", "obj") or obj.lemma_.lower() not in MUTUAL_OBJECT_NOUNS:
            continue
        owners = [c for c in obj.children if c.dep_ == "poss"]
        if all(c.lower_ in MUTUAL_OBJECT_MARKERS for c in owners):
            draft.trace.add("record.mutual-object", f"a bond the doers share: {obj.text}")
            return True
    return False


# Verbs of a trade of people or goods between the doers: what is traded is theirs.
EXCHANGE_LEMMAS = words("exchange_lemmas")


@rule("record.exchanged-people")
def exchanged_people(draft: Draft) -> bool:
    """Two doers that exchange or swap people ("Israel and Hamas swapped hostages and
    prisoners", "Armenia and Azerbaijan exchanged detainees") release them to each other: the
    people traded are no target of their own, and the pairs go both ways.

    Example: Ethiopia and Eritrea swapped prisoners and detainees on Friday.
    """
    if len(draft.sources) != 2 or not draft.cameo.startswith("084"):
        return False
    if draft.candidate.trigger.lemma_.lower() not in EXCHANGE_LEMMAS or not draft.targets:
        return False
    draft.trace.add("record.exchanged-people", "the people traded are each side's")
    draft.targets = []
    return True


# The reciprocal pronouns: "each other", "one another" (the second word, with the first).
RECIPROCAL_PRONOUNS = {"other": "each", "another": "one"}


@rule("record.each-other")
def each_other(draft: Draft) -> bool:
    """A compound doer acting on "each other" or "one another" ("Armenia and Azerbaijan
    accused each other", "agreed to drop visas for each other's citizens") acts on its own
    participants, whatever the type: the pairs go both ways, and the words the pronoun stands
    in or owns name no one else (no target of their own, no country from the place).

    Example: Armenia and Azerbaijan accused each other of shelling border villages.
    """
    if len(draft.sources) < 2:
        return False
    pronouns = _reciprocal_pronouns(draft.candidate.trigger)
    # "each other's citizens": the noun the pronoun owns is the partner's, no one else.
    marks = [t.idx for t in pronouns] + [t.head.idx for t in pronouns if t.dep_ == "poss"]
    if not marks:
        return False

    def held(actor: Actor) -> bool:
        return any(actor.start <= idx < actor.end for idx in marks)

    draft.targets = [t for t in draft.targets if not held(t)]
    draft.unnamed = [t for t in draft.unnamed if not held(t)]
    draft.trace.add("record.each-other", "the doers act on each other")
    return True


def _reciprocal_pronouns(trigger: Token) -> list[Token]:
    """'other' of "each other" in the trigger's own clause: not inside another clause with a
    subject of its own ("accused X of saying they hate each other")."""
    found: list[Token] = []
    for token in trigger.subtree:
        first = RECIPROCAL_PRONOUNS.get(token.lower_)
        if first is None or token.i == 0 or token.doc[token.i - 1].lower_ != first:
            continue
        current = token
        while current.i != trigger.i and not any(
            c.dep_ in SUBJECT_DEPS for c in current.head.children if current.head.i != trigger.i
        ):
            current = current.head
        if current.i == trigger.i:
            found.append(token)
    return found


@rule("record.multilateral-pairs")
def multilateral_pairs(draft: Draft) -> list[Pair]:
    """A mutual act of three or more participants is a set of dyads: every participant acts
    toward every other one, as ICEWS and PETRARCH code it, so that a dyad query finds each pair.

    The records share a `group`: the one act they came from.

    Example: Chile, Peru and Bolivia signed a water-sharing accord in Lima.
    """
    sources: list[Actor] = []
    for actor in draft.sources:  # one participant named twice is one participant
        if not any(same(actor, other) for other in sources):
            sources.append(actor)
    pairs: list[Pair] = [(s, t) for s in sources for t in sources if s is not t]
    if not pairs:
        return compound_actor(draft)
    names = ", ".join(dict.fromkeys(s.label() for s in sources))
    draft.trace.add("record.multilateral-pairs", f"{len(pairs)} directed pairs among {names}")
    return pairs


@rule("record.compound-actor")
def compound_actor(draft: Draft) -> list[Pair]:
    """A compound actor with no target gives one record per participant (sharing a group).

    Example: Kenya and Uganda deployed troops on Monday.
    """
    if len(draft.sources) > 1:
        draft.trace.add(
            "record.compound-actor", f"one record per participant ({len(draft.sources)})"
        )
    return [(s, None) for s in draft.sources]


def _persons_own(draft: Draft, source: Actor, target: Actor) -> bool:
    """A "his/her" person ("his driver", "her son"), hit by doers named in the plural:
    someone else's. A thing ("his car") stays as it was: the act on it is often the same
    act retold ("shot by gunmen who opened fire on his car")."""
    if not target.text.lower().startswith(("his ", "her ")) or source.kind == "person":
        return False
    doers, hit = draft.words_of(source), draft.words_of(target)
    if doers is None or hit is None or doers.root.tag_ not in ("NNS", "NNPS"):
        return False
    return names_someone(hit.root, head=True) or hit.root.lemma_.lower() in KIN_NOUNS


@rule("record.someone-elses")
def someone_elses(draft: Draft, kept: list[Pair]) -> None:
    """'gunmen killed his driver', 'soldiers shot her son': a "his/her" person (an agent or
    people noun, a kin word) that doers named in the plural hit is someone the text tells of,
    not the doers' own side, even when the place of the act gives both the same country; the
    person stays the target, so the act is no restatement of another act beside it.
    record.own-side still drops "their" and "its" phrases, "his" ones a person hits, and
    things ("opened fire on his car" retells the shooting of its owner).

    Example: Gunmen killed his driver in Kaduna on Monday.
    """
    spared = [
        t.text
        for s, t in kept
        if t is not None
        and s is not None
        and s.country is not None
        and s.country == t.country
        and _persons_own(draft, s, t)
    ]
    if spared:
        draft.trace.add("record.someone-elses", f"{', '.join(spared)}: a person's, no doers' own")


def _own_side(draft: Draft, source: Actor, target: Actor) -> bool:
    """'Armenia mobilised its reservists': the source's own side, not a target: an 'its/their'
    phrase, or forces and officials whose country came only from the article's context."""
    if source.country is None or source.country != target.country:
        return False
    text = target.text.lower()
    if text.startswith(("its ", "their ", "his ", "her ")):
        return not _persons_own(draft, source, target)
    if source.kind in ("group", "person") and source.sector is None:
        return False  # "Assad loyalists", a farmers' leader: people of the country, not its state
    if OWNED_BODY in source.rule and source.sector is None:
        return False  # "Senegal's Constitutional Council": a body of the state, branch unknown
    if source.kind == "state" and target.kind == "person":
        return False  # "the mayor was detained in Kenya": one person the state acts on
    # The state's own forces or officials ("called up reservists", "deployed riot police");
    # another branch of the same state is a real target ("the Supreme Court rejected the
    # government's plan").
    if source.sector and target.sector and source.sector != target.sector:
        return False
    return "context" in target.rule and target.sector in OWN_SIDE_SECTORS


@rule("record.mutual-partners")
def mutual_partners(draft: Draft) -> bool:
    """Participants of a mutual act of two or more states are each other's partners: another
    state the sentence names (the country of a war they cooperate in, "cooperating in the
    Syrian war") is not made their implicit target; their pairs go both ways.

    Example: Turkey and Russia are cooperating closely in the Syrian war.
    """
    countries = {s.country for s in draft.sources if s.country}
    if not draft.reciprocal or len(countries) < 2:
        return False
    draft.trace.add("record.mutual-partners", "the participants act on each other")
    return True
