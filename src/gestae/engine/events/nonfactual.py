"""Acts a clause names without telling that they happened: what a speaker does not believe,
what someone was hired or is used for, what an actor mainly or regularly does, and the
everyday senses of political verbs (a tourist's visit, a welcome to investors, a danger to
jobs). Each is a named rule; clause_suppression.py runs NONFACT_SUPPRESSIONS with its
other reasons to drop a clause."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.arrested_trends import arrested_trend
from gestae.engine.events.generic import to_infinitive
from gestae.engine.events.modality import host_verb
from gestae.engine.events.recommended_acts import recommended_act
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, agent, child, negated
from gestae.resources.word_classes import words

BELIEF_VERBS = words("belief_verbs")
HIRING_VERBS = words("hiring_verbs")
CHARACTERISING_ADVERBS = words("characterising_adverbs")
LEISURE_TRAVELLERS = words("leisure_travellers")
COMMERCIAL_WELCOMES = words("commercial_welcomes")
ENDANGERED_THINGS = words("endangered_things")
REGULAR_ACT_MODIFIERS = words("regular_act_modifiers")
ECONOMIC_TARGETS = words("economic_targets")
MARKET_DEMAND_WORDS = words("market_demand_words")
STATIONING_PARTICIPLES = words("stationing_participles")
# Tags of a present "is"/"are": the presence stands now, it is not told as a step taken.
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
TARGETING_VERBS = frozenset({"target"})
# Verbs that tell an act noun happening ("the nightly raids begin"); any other verb's subject
# is its doer ("regular troops captured the town": regular army, no habit).
HAPPENING_VERBS = frozenset({"begin", "continue", "happen", "occur", "resume", "start"})
ENDANGERING_VERBS = frozenset({"endanger", "imperil", "jeopardise", "jeopardize", "threaten"})
# "Would have" tells what did not happen; "could have been murdered days ago" guesses at what
# did, and stays.
COUNTERFACTUAL_MODALS = frozenset({"would"})
# Links from an act up to the belief that holds it ("did not think Peru had shelled ...").
BELIEF_CHAIN_DEPS = frozenset({"ccomp", "conj"})
BELIEF_STEPS = 3
# Links a bare verb climbs to the infinitive of the task: "to help troops talk and share".
BARE_STEPS = 2
BARE_DEPS = frozenset({"ccomp", "conj", "xcomp"})
# Verbs that charge someone with an act: the purpose told with the act is charged too.
CHARGING_VERBS = frozenset({"accuse", "allege", "claim"})
# The help a charged act is said to aim at ("drove him to murder" is no purpose).
HELPING_VERBS = frozenset({"aid", "assist", "benefit", "boost", "favor", "favour", "help"})
# Links from a purpose's act up to the verb that charges it ("alleged the police rigged the
# count to help", "alleged that the army was behind the rigging, ... to help").
CHARGE_CHAIN_DEPS = frozenset({"acl", "advcl", "ccomp", "conj", "pobj", "prep", "attr", "dobj"})
CHARGE_STEPS = 5
VISIT_VERBS = frozenset({"tour", "visit"})
WELCOME_VERBS = frozenset({"welcome"})


@rule("suppress.disbelief")
def disbelief(clause: Token) -> bool:
    """'said he did not believe that Peru had attacked the convoy': an act the speaker does
    not believe is no act told.

    Example: The Bolivian minister said he did not think that Peru had attacked the convoy.
    """
    current = clause
    for _ in range(BELIEF_STEPS):
        if current.dep_ not in BELIEF_CHAIN_DEPS or current.head.i == current.i:
            return False
        head = current.head
        lemma = head.lemma_.lower()
        if current.dep_ == "ccomp" and lemma in BELIEF_VERBS and negated(head):
            return True
        current = head
    return False


@rule("suppress.counterfactual")
def counterfactual(clause: Token) -> bool:
    """'Russia would have invaded Georgia had NATO not warned it', 'more would have been
    killed without the walls': 'would have' with a past participle tells what did not happen;
    no act, neither done nor announced ('could have been killed days ago' guesses at a past
    act and stays).

    Example: Russia would have invaded Georgia earlier had NATO not warned it.
    """
    scope = host_verb(clause)
    aux = {c.lower_ for c in scope.children if c.dep_ == "aux"}
    if negated(scope):
        return False  # "would not have killed them if they cared": the killing was done
    return scope.tag_ == "VBN" and "have" in aux and bool(aux & COUNTERFACTUAL_MODALS)


@rule("suppress.hired-for")
def hired_for(clause: Token) -> bool:
    """'was hired to kill a judge', 'recruited boys to attack villages': the task someone is
    hired, recruited or trained for is what they were engaged to do, not an act done; 'a drone
    used to attack cities' describes what a thing serves for.

    Example: The militia recruited teenagers to attack villages in Chad.
    """
    scope = host_verb(clause)
    for _ in range(BARE_STEPS):  # "used to help troops talk and share intelligence"
        if scope.dep_ not in BARE_DEPS or to_infinitive(scope) or scope.head.i == scope.i:
            break
        scope = scope.head
    if scope.dep_ not in ("xcomp", "advcl") or not to_infinitive(scope):
        return False
    head = scope.head
    lemma = head.lemma_.lower()
    if lemma in HIRING_VERBS:
        return True
    described = head.dep_ in ("acl", "relcl") or any(c.dep_ == "auxpass" for c in head.children)
    # "gunboats used by Iran to attack shipping" names the user and tells its attacks
    return lemma == "use" and head.tag_ == "VBN" and described and agent(head) is None


@rule("suppress.charged-purpose")
def charged_purpose(clause: Token) -> bool:
    """'Observers alleged the police rigged the count to help the ruling party': the purpose
    of an act someone is charged with is part of the charge, no help given.

    Example: Observers alleged the police rigged the count to help the ruling party.
    """
    scope = host_verb(clause)
    if scope.lemma_.lower() not in HELPING_VERBS:
        return False
    if not to_infinitive(scope) or scope.head.i == scope.i:
        return False
    # "rigged the count to help": after an object the infinitive is a purpose, not what a
    # verb like "plans to" or "tried to" completes
    aimed = scope.dep_ == "xcomp" and child(scope.head, frozenset({"dobj"})) is not None
    if scope.dep_ != "advcl" and not aimed:
        return False
    current = scope.head
    for _ in range(CHARGE_STEPS):
        if current.dep_ not in CHARGE_CHAIN_DEPS or current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ == "VERB" and current.lemma_.lower() in CHARGING_VERBS:
            return True
    return False


@rule("generic.characterising")
def characterising(clause: Token) -> bool:
    """'The group mainly targets police convoys': an adverb of what an actor mostly does, on a
    verb in the plain present with a kind of thing as its object, characterises the actor; it
    reports no act done.

    Example: The militants mainly target army convoys in Chad.
    """
    scope = host_verb(clause)
    if scope.tag_ not in ("VBZ", "VBP") or any(c.dep_ == "aux" for c in scope.children):
        return False
    aimed = child(scope, frozenset({"dobj"}))
    if aimed is None or aimed.tag_ != "NNS":
        return False  # a kind of target characterises; "they mostly patrol" tells how they act
    return any(c.dep_ == "advmod" and c.lower_ in CHARACTERISING_ADVERBS for c in scope.children)


def _people(noun: Token) -> Token:
    """'thousands of tourists': the people a count or a group noun stands for."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        counted = child(prep, frozenset({"pobj"}))
        if counted is not None:
            return counted
    return noun


@rule("suppress.leisure-visit")
def leisure_visit(clause: Token) -> bool:
    """'Thousands of tourists visited Bali': a visit by tourists, pilgrims or fans is travel,
    no political visit (CAMEO 042).

    Example: Hundreds of pilgrims visited the shrine in Karbala.
    """
    if clause.lemma_.lower() not in VISIT_VERBS or clause.pos_ != "VERB":
        return False
    subject = child(clause, SUBJECT_DEPS)
    return subject is not None and _people(subject).lemma_.lower() in LEISURE_TRAVELLERS


@rule("suppress.commercial-welcome")
def commercial_welcome(clause: Token) -> bool:
    """'Vietnam welcomed foreign investment', 'Jordan welcomes tourists': welcoming money,
    investors or tourists is business, not the endorsement of CAMEO 051.

    Example: Poland welcomes Korean capital in its car industry.
    """
    if clause.lemma_.lower() not in WELCOME_VERBS or clause.pos_ != "VERB":
        return False
    welcomed = child(clause, frozenset({"dobj"}))
    return welcomed is not None and _people(welcomed).lemma_.lower() in COMMERCIAL_WELCOMES


@rule("suppress.endangering")
def endangering(clause: Token) -> bool:
    """'The dam threatens Egypt's water supply', 'tariffs threaten Canadian jobs': a threat to
    a supply, a livelihood or stability is a danger named, not a threat someone made (CAMEO
    13x needs a message: 'threatened to cut the supply', 'threatened Kenya with sanctions').

    Example: Ethiopia's dam threatens Egypt's water supply.
    """
    if clause.lemma_.lower() not in ENDANGERING_VERBS or clause.pos_ != "VERB":
        return False
    if any(c.dep_ in ("xcomp", "ccomp") or c.lower_ == "with" for c in clause.children):
        return False  # "threatened to cut", "threatened Kenya with sanctions"
    endangered = child(clause, frozenset({"dobj"}))
    return endangered is not None and endangered.lemma_.lower() in ENDANGERED_THINGS


@rule("suppress.economic-target")
def economic_target(clause: Token) -> bool:
    """'Vietnam is targeting $50 billion in exports', 'retailers target young buyers': a sum,
    a share or a market aimed at is a goal, no one attacked.

    Example: Vietnam is targeting $50 billion in exports to the EU.
    """
    if clause.lemma_.lower() not in TARGETING_VERBS or clause.pos_ != "VERB":
        return False
    aimed = child(clause, frozenset({"dobj"}))
    if aimed is None:
        return False
    if aimed.ent_type_ in ("MONEY", "PERCENT") or aimed.like_num:
        return True
    return _people(aimed).lemma_.lower() in ECONOMIC_TARGETS


@rule("suppress.market-demand")
def market_demand(clause: Token) -> bool:
    """'tea growers face weak demand', 'consumer demand for oil fell': a market's demand is
    no one's REQUEST.

    Example: Kenyan tea growers face weak demand from Pakistan.
    """
    return (
        clause.lemma_.lower() == "demand"
        and clause.tag_ == "NN"
        and any(
            c.dep_ in ("amod", "compound") and c.lower_ in MARKET_DEMAND_WORDS
            for c in clause.children
        )
    )


@rule("generic.regular-acts")
def regular_acts(clause: Token) -> bool:
    """'protect herders from regular attacks by militias', 'the nightly raids begin': an act
    noun named as a habit tells what usually happens, not an act done.

    Example: The herders say they suffer regular attacks by militias in Chad.
    """
    nouns = [clause] if clause.pos_ == "NOUN" else []
    happening = clause.pos_ == "VERB" and clause.lemma_.lower() in HAPPENING_VERBS
    subject = child(clause, SUBJECT_DEPS) if happening else None
    if subject is not None and subject.pos_ == "NOUN":
        nouns.append(subject)  # "the nightly raids begin": the act noun a verb tells happening
    return any(
        c.dep_ == "amod" and c.lower_ in REGULAR_ACT_MODIFIERS for n in nouns for c in n.children
    )


@rule("generic.any-act")
def any_act(clause: Token) -> bool:
    """'vowed to respond to any incursion', 'any attack on one member is an attack on all': an
    act noun under "any" names one that may come, not one done.

    Example: Hezbollah vowed to respond to any Israeli attack on Lebanon.
    """
    return clause.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ == "any" for c in clause.children
    )


@rule("generic.standing-presence")
def standing_presence(clause: Token) -> bool:
    """'About 2,500 U.S. troops are stationed in Iraq', 'the base where French soldiers are
    deployed': forces said to be kept somewhere, in the plain present passive, are a standing
    presence, not a deployment made ("are being deployed", "were deployed", "will be
    deployed" tell one).

    Example: About 900 Kenyan troops are stationed in southern Somalia.
    """
    if clause.pos_ != "VERB" or clause.lemma_.lower() not in STATIONING_PARTICIPLES:
        return False
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    return len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].tag_ in PRESENT_TAGS


NONFACT_SUPPRESSIONS = [
    disbelief,
    counterfactual,
    hired_for,
    charged_purpose,
    characterising,
    leisure_visit,
    commercial_welcome,
    endangering,
    economic_target,
    market_demand,
    regular_acts,
    any_act,
    standing_presence,
    arrested_trend,
    recommended_act,
]
