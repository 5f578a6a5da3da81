"""The reasons a matched trigger codes nothing: it is the content of another trigger, a noun
that is no event here, or an act only alleged, considered, wished, supposed or asked about.
Each is a named rule; the first that holds drops the trigger."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from gestae.engine.actors import DocActors
from gestae.engine.events.blamed_doers import blamed_doer
from gestae.engine.events.codes import MATERIAL_ACTS, VIOLENT_ROOTS, impact_harm
from gestae.engine.events.denied_charges import answered_charge
from gestae.engine.events.discussed_topics import discussed_topic
from gestae.engine.events.forced_release import freed_by_force
from gestae.engine.events.frame_subjects import helped_act
from gestae.engine.events.matching import Grammar
from gestae.engine.events.movement import movement_goal
from gestae.engine.events.nominal import (
    NOMINAL_AGENT_PREPS,
    accident_site,
    adjunct_host,
    claimed_by,
    group_agent,
    impact_subject,
    late_agent,
    undergoing_verb,
)
from gestae.engine.events.nonpolitical import (
    abstract_foe,
    conveyed,
    figurative_siege,
    hazard_warning,
    information_given,
    own_body_part,
    person_recognized,
    private_life,
    private_parties,
    recorded,
    score,
    spending_on_thing,
    sport,
    transported,
)
from gestae.engine.events.own_words import (
    any_act_condemned,
    lone_fighter,
    meeting_setting,
    own_goal,
    recalled_for_consultations,
)
from gestae.engine.events.protests import parade, striking_people, walked_out_of_place
from gestae.engine.events.refused_messages import refused_message
from gestae.engine.events.reply_threats import reply_done
from gestae.engine.rules import rule
from gestae.engine.syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    child,
    hyphen_joined,
    objects,
)
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

# Dependencies an embedded act climbs through to the trigger whose content it is.
CONTENT_CHAIN_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj"})
# How far up an embedded act is still the content of a trigger.
CONTENT_CHAIN_STEPS = 5
# "after capturing", "by storming": a gerund beside the act, an act of its own.
SEQUENCE_PREPS = words("sequence_preps")


@dataclass(frozen=True)
class Matched:
    """A trigger among all the sentence's matched triggers (by token index)."""

    grammar: Grammar
    token: Token
    entry: TriggerEntry
    matched: dict[int, TriggerEntry]
    actors: DocActors


@rule("suppress.accusation-content")
def accusation_content(m: Matched) -> bool:
    """'accused China of violating its airspace': what the accusation says is no act. A gerund
    after 'after', 'before' or 'by' (sequence_preps) is an act of its own beside it.

    An event noun the gerund carries is said the same way ("accused the opposition of
    organizing violence", "of orchestrating attacks on police").

    Example: Ghana accused Togo of violating the treaty.
    """
    word = m.token
    if word.pos_ == "NOUN" and word.dep_ in ("dobj", "obj") and word.head.tag_ == "VBG":
        word = word.head  # the gerund that carries the noun
    head = word.head
    if head.lower_ in SEQUENCE_PREPS or word.dep_ != "pcomp" or head.dep_ != "prep":
        return False
    owner = head.head  # the accusing verb, or its object when the parse hangs "of" there
    held = head.lower_ == "of" and owner.dep_ in ("dobj", "obj") and owner.head.i in m.matched
    return owner.i in m.matched or held


@rule("suppress.consequence")
def consequence(m: Matched) -> bool:
    """'shelled the island, killing two marines': the killing is the outcome of the attack
    the clause already codes, one event and not two.

    Example: Rebels shelled the town, killing four soldiers.
    """
    return consequence_host(m) is not None


def consequence_host(m: Matched) -> Token | None:
    """The violent trigger whose outcome the participle tells (suppress.consequence), if any;
    the host's record lists the participle among the words that tell it (trigger.outcome)."""
    token, matched = m.token, m.matched
    if token.dep_ != "advcl" or token.tag_ != "VBG" or token.i not in matched:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children):
        return None  # "..., while rebels killing ...": a clause of its own
    if matched[token.i].cameo[:2] not in VIOLENT_ROOTS:
        return None
    head = token.head
    if m.grammar.happening(head) and not objects(head):
        return None  # "a car bomb exploded, killing six": the blast's toll codes on its own
    hosts = [head, *objects(head)]
    return next(
        (h for h in hosts if h.i in matched and matched[h.i].cameo[:2] in VIOLENT_ROOTS), None
    )


@rule("suppress.nested-content")
def nested_content(m: Matched) -> bool:
    """'urged Washington to stop selling weapons', 'refused to allow the envoy to meet Y': an
    act named inside what a trigger higher up says, asks or refuses is its content, however
    deep it sits.

    Example: Chile urged Peru to stop blocking the talks.
    """
    token, matched = m.token, m.matched
    if token.pos_ not in ("VERB", "AUX") or token.dep_ not in ("xcomp", "ccomp", "pcomp"):
        return False
    current = token
    for step in range(CONTENT_CHAIN_STEPS):
        dep = current.dep_
        purpose = dep in ("advcl", "acl") and any(
            c.lower_ == "to" and c.dep_ == "aux" for c in current.children
        )
        if (dep not in CONTENT_CHAIN_DEPS and not purpose) or current.lower_ in SEQUENCE_PREPS:
            return False  # "began the assault by storming": a means, not a content
        current = current.head
        if current.i in matched and step > 0:
            return matched[current.i].pos == "verb" or current.lower_ in ("of",)
        if current.head.i == current.i:
            return False
        if current.pos_ in ("VERB", "AUX") and child(current, SUBJECT_DEPS) is not None:
            # A verb with its own subject ("X said Y attacked") ends the chain unless a
            # light verb carries a trigger ("made a request to deploy ...").
            carried = [o for o in objects(current) if o.i in matched]
            return bool(carried) and step > 0
    return False


@rule("suppress.content-means")
def content_means(m: Matched) -> bool:
    """'called for Russia to reciprocate by agreeing to a ceasefire', 'threatened to retaliate
    by cutting aid': the means of an act that a trigger asks, threatens or promises (its
    infinitive) is part of that content, no act of its own. A means hung on the trigger
    itself ('protested by blocking the road') stays an act.

    Example: The G7 called for Russia to show goodwill by releasing the prisoners.
    """
    token = m.token
    prep = token.head
    if token.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != "by":
        return False
    verb = prep.head
    if verb.i in m.matched or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    host = verb.head
    return verb.dep_ in ("xcomp", "ccomp", "advcl") and host.i != verb.i and host.i in m.matched


@rule("suppress.content-conjunct")
def content_conjunct(m: Matched) -> bool:
    """'urged Kabul to arrest the plotters and cooperate with Pakistan', 'threatened to close
    or suspend the base', 'accused him of lying and providing false data': a verb joined by
    'and' or 'or' to what a trigger urges, threatens or alleges (an infinitive or a gerund
    after a preposition), with no subject of its own, is that content too.

    Example: Chile urged Peru to free the prisoners and reopen the border talks.
    """
    token = m.token
    if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX"):
        return False
    if child(token, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) is not None:
        return False
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children)
    if not infinitive and first.dep_ != "pcomp":
        return False  # "entered the town and captured it": a second act, not a content
    proxy = Matched(m.grammar, first, m.entry, m.matched, m.actors)
    return (
        accusation_content(proxy)
        or nested_content(proxy)
        or complement(proxy)
        or content_means(proxy)
    )


# Auxiliaries of tense and voice only: "had been released" tells news, "must release" asks.
TENSE_AUX = frozenset({"be", "have", "do"})


@rule("suppress.told-news")
def told_news(m: Matched) -> bool:
    """'a lawyer told VOA that the reporter had been released': telling someone that a thing
    happened is news, not an order; only 'told X to release', or a clause that must or
    should happen ('told Israel it must release'), asks for the act.

    Example: A lawyer told reporters that the journalist had been released on bail.
    """
    if m.entry.pos != "verb" or not m.entry.xcomp or m.token.lemma_.lower() != "tell":
        return False
    comps = [c for c in m.token.children if c.dep_ in ("xcomp", "ccomp") and c.i > m.token.i]
    return bool(comps) and all(
        child(c, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) is not None
        and all(a.lemma_.lower() in TENSE_AUX for a in c.children if a.dep_ in ("aux", "auxpass"))
        for c in comps
    )


@rule("suppress.impact-outcome")
def impact_outcome(m: Matched) -> bool:
    """'air strikes killed 12', 'a bomb razed a school': the attack is the event, the harm its outcome.

    Example: Air strikes killed nine fighters in Idlib.
    """
    subject = child(m.token, SUBJECT_DEPS)
    return (
        subject is not None
        and subject.i in m.matched
        and impact_subject(m.grammar, subject)
        and impact_harm(m.matched[m.token.i].cameo)
    )


@rule("suppress.complement")
def complement(m: Matched) -> bool:
    """'urged X to stop': the complement of a verb trigger is what it urges, not an act. A
    clause before an act done, not said, that it hangs on ("troops entered the town; however,
    militants still occupied some buildings") is no such complement but a slipped parse.

    Example: Brazil urged Paraguay to negotiate.
    """
    token, head = m.token, m.token.head
    if token.dep_ not in ("xcomp", "advcl", "ccomp") or head.i not in m.matched:
        return False
    if head.i == token.i or helped_act(token):  # "helped X recapture Y": X recaptured Y
        return False
    if token.dep_ == "advcl" and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    ):
        return False  # "as they marched to parliament": a preposition "to" asks for nothing
    if (
        token.dep_ == "ccomp"
        and token.i < head.i
        and (m.matched[head.i].cameo.startswith(MATERIAL_ACTS) or answered_charge(head, token))
    ):
        return False  # "troops entered the village; however, ...", "..., a charge X denies"
    if (
        m.matched[head.i].cameo[:2] in VIOLENT_ROOTS
        and child(token, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) is not None
    ):
        return False  # "30 were killed, 40 others wounded": a toll listed, not a content
    return m.matched[head.i].pos == "verb"


@rule("suppress.frame-object")
def frame_object(m: Matched) -> bool:
    """'imposed sanctions': an object noun the verb's frame already names is part of it.

    Example: Canada imposed sanctions on Iran.
    """
    token, head = m.token, m.token.head
    if token.dep_ not in OBJECT_DEPS | {"pobj", "nsubjpass"} or head.i not in m.matched:
        return False
    head_entry = m.matched[head.i]
    own = m.matched.get(token.i)
    named = token.lemma_.lower() in head_entry.obj or hyphen_joined(token) in head_entry.obj
    return bool(head_entry.obj) and named and not (own and own.mod)


@rule("suppress.frame-preposition")
def frame_preposition(m: Matched) -> bool:
    """'called for talks', 'pressed for sanctions': what the frame's preposition asks for.

    Example: Nepal called for talks with India.
    """
    token, head = m.token, m.token.head
    if token.dep_ != "pobj" or head.head.i not in m.matched:
        return False
    frame = m.matched[head.head.i]
    if frame.prep is None:
        return False
    named = token.lemma_.lower() in frame.obj or token.lemma_.lower() in frame.pobj
    return named or (frame.pos == "verb" and frame.prep.split()[-1] == head.lower_)


@rule("suppress.object-says-more")
def object_says_more(m: Matched) -> bool:
    """'held joint exercises': the object's modifier frame (COOPERATE) says more than the
    verb's object frame (military exercises, MOBILIZE); the noun is coded instead.

    Example: India and France held joint exercises.
    """
    if m.entry.pos != "verb" or not m.entry.obj:
        return False
    return any(
        o.i in m.matched and m.matched[o.i].mod and m.matched[o.i].pos == "noun"
        for o in objects(m.token)
    )


def noun_is_event(m: Matched) -> bool:
    """An event noun counts when a light verb carries it or it names its own agent."""
    noun, grammar = m.token, m.grammar
    head = noun.head
    if group_agent(grammar, noun, m.actors) or late_agent(noun):
        return True
    if grammar.carried(noun):
        return True
    if noun.dep_ == "nsubjpass" and head.lemma_.lower() in grammar.light_verbs:
        return True
    if adjunct_host(grammar, noun, m.actors) is not None:
        return True
    if impact_subject(grammar, noun):
        return True
    if grammar.happening_verb(noun) is not None:
        return True  # "a car bomb exploded", "the riots that broke out": reported as happening
    if claimed_by(noun) is not None or blamed_doer(grammar, noun, m.actors) is not None:
        return True  # "claimed responsibility for the attack", "was behind the attack"
    if undergoing_verb(noun) is not None:
        return True  # "troops suffered attacks", "the convoy came under fire": on its target
    return any(
        c.dep_ == "poss"
        or (c.dep_ in ("prep", "agent") and c.lower_ in NOMINAL_AGENT_PREPS)
        or (c.dep_ == "prep" and c.lower_ == "between")
        for c in noun.children
    )


@rule("suppress.told-by-verb")
def told_by_verb(m: Matched) -> bool:
    """'a car bomb detonated near a patrol, killing four policemen': when the verb that
    reports the bomb going off is a violent trigger of its own, the verb codes the act (with
    its place and the victims its participle names) and the noun is part of it, not a second
    event.

    Example: A roadside bomb detonated near a police patrol in Kirkuk.
    """
    if m.entry.pos != "noun":
        return False
    # Also a relative clause: "the bomb that exploded near the patrol" (not when the bomb
    # itself strikes: "the bomb that exploded in X killed five" codes on the noun).
    head = m.grammar.happening_verb(m.token)
    return (
        head is not None
        and head.i in m.matched
        and m.matched[head.i].pos == "verb"
        and m.matched[head.i].cameo[:2] in VIOLENT_ROOTS
        and not (m.token.head.i != head.i and impact_subject(m.grammar, m.token))
    )


@rule("suppress.noun-not-event")
def noun_not_event(m: Matched) -> bool:
    """An event noun with no light verb and no agent of its own is background, not news.

    Example: The invasion worried Finland.
    """
    return m.entry.pos == "noun" and not noun_is_event(m)


@rule("suppress.light-verb-content")
def light_verb_content(m: Matched) -> bool:
    """'agreed to hold talks': the talks are what was agreed, not a second event. An
    adverbial clause with a subject of its own ('were killed when militiamen launched an
    attack') tells an act of its own.

    The light verb may be joined to what is urged ('called on the parties to reduce
    hostilities and resume talks'): with no subject of its own it shares that content.

    Example: Serbia agreed to hold talks with Kosovo.
    """
    noun = m.token
    verb = noun.head
    while verb.dep_ == "conj" and verb.head.i != verb.i and child(verb, SUBJECT_DEPS) is None:
        if verb.lemma_.lower() not in m.grammar.light_verbs:
            return False
        verb = verb.head  # "to reduce hostilities and resume talks": the first conjunct's link
        if verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.i in m.matched:
            return (
                m.entry.pos == "noun"
                and noun.dep_ in OBJECT_DEPS
                and (m.matched[verb.head.i].pos == "verb")
            )
    return (
        m.entry.pos == "noun"
        and noun.dep_ in OBJECT_DEPS
        and verb.lemma_.lower() in m.grammar.light_verbs
        and verb.dep_ in ("xcomp", "ccomp", "advcl")
        and not (verb.dep_ == "advcl" and child(verb, SUBJECT_DEPS) is not None)
        and verb.head.i in m.matched
        and m.matched[verb.head.i].pos == "verb"
    )


# Clauses joined to the trigger tell other acts; their words say nothing of this one.
OTHER_CLAUSE_DEPS = frozenset({"conj", "cc", "advcl", "ccomp", "xcomp", "parataxis", "relcl"})
BOMB_DISPOSAL = words("bomb_disposal")
# "remote-controlled bomb": the words before "controlled" that name how a bomb is set off.
REMOTE_CONTROL_WORDS = words("remote_control_words")


@rule("suppress.bomb-disposal")
def bomb_disposal(m: Matched) -> bool:
    """A bomb made safe is no attack: police, sappers or a disposal team setting off a device
    in a controlled explosion harm no one. Only the trigger's own words count, so a second
    bomb that went off in a joined clause still codes.

    Example: Army engineers safely detonated a roadside bomb found near the bridge.
    """
    if m.entry.cameo[:3] != "183":
        return False
    own = [m.token]
    stack = [c for c in m.token.children if c.dep_ not in OTHER_CLAUSE_DEPS]
    while stack:
        tok = stack.pop()
        own.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in OTHER_CLAUSE_DEPS)
    return any(
        (t.lemma_.lower() in BOMB_DISPOSAL or t.lower_ in BOMB_DISPOSAL) and not remote_set_off(t)
        for t in own
    )


def remote_set_off(token: Token) -> bool:
    """'remote-controlled', 'remotely controlled', 'radio-controlled': how a bomber sets a
    device off, no controlled explosion (word class remote_control_words)."""
    doc = token.doc
    before = [doc[i] for i in range(max(token.sent.start, token.i - 2), token.i)]
    words_before = [t.lower_ for t in before if t.text not in ("-", "\u2010", "\u2011")]
    return (
        token.lower_ == "controlled"
        and bool(words_before)
        and (words_before[-1] in REMOTE_CONTROL_WORDS)
    )


def at_accident_site(m: Matched) -> bool:
    """suppress.accident-site over a matched blast noun nobody owns up to."""
    noun = m.token
    if m.entry.pos != "noun" or m.entry.cameo[:2] not in VIOLENT_ROOTS:
        return False
    if claimed_by(noun) is not None or group_agent(m.grammar, noun, m.actors):
        return False  # "claimed the blast at the refinery": an attack on works
    return accident_site(noun)


at_accident_site.rule_id = accident_site.rule_id  # type: ignore[attr-defined]


def business_only(m: Matched) -> bool:
    """suppress.private-parties over the matched trigger's sentence."""
    return private_parties(m.token, m.actors)


business_only.rule_id = private_parties.rule_id  # type: ignore[attr-defined]


def scored(m: Matched) -> bool:
    """suppress.score over the matched trigger."""
    return m.entry.pos == "verb" and score(m.token)


scored.rule_id = score.rule_id  # type: ignore[attr-defined]


def filmed(m: Matched) -> bool:
    """suppress.recorded over the matched trigger."""
    return m.entry.pos == "verb" and recorded(m.token)


filmed.rule_id = recorded.rule_id  # type: ignore[attr-defined]


def on_trigger(check: Callable[[Token, TriggerEntry], bool]) -> Callable[[Matched], bool]:
    """A rule that reads only the trigger and its entry, run on a matched trigger."""

    def run(m: Matched) -> bool:
        return check(m.token, m.entry)

    run.rule_id = check.rule_id  # type: ignore[attr-defined]
    return run


def with_actors(
    check: Callable[[Token, TriggerEntry, DocActors], bool],
) -> Callable[[Matched], bool]:
    """A rule that reads the trigger, its entry and the sentence's actors, run on a matched
    trigger."""

    def run(m: Matched) -> bool:
        return check(m.token, m.entry, m.actors)

    run.rule_id = check.rule_id  # type: ignore[attr-defined]
    return run


MATCH_SUPPRESSIONS: list[Callable[[Matched], bool]] = [
    accusation_content,
    consequence,
    on_trigger(freed_by_force),
    nested_content,
    impact_outcome,
    complement,
    frame_object,
    frame_preposition,
    discussed_topic,
    object_says_more,
    told_by_verb,
    noun_not_event,
    bomb_disposal,
    at_accident_site,
    light_verb_content,
    business_only,
    on_trigger(private_life),
    with_actors(sport),
    scored,
    filmed,
    with_actors(spending_on_thing),
    on_trigger(abstract_foe),
    on_trigger(information_given),
    on_trigger(meeting_setting),
    on_trigger(recalled_for_consultations),
    with_actors(own_goal),
    with_actors(any_act_condemned),
    with_actors(lone_fighter),
    on_trigger(hazard_warning),
    on_trigger(figurative_siege),
    on_trigger(transported),
    on_trigger(conveyed),
    told_news,
    content_means,
    content_conjunct,
    on_trigger(person_recognized),
    on_trigger(movement_goal),
    on_trigger(parade),
    on_trigger(striking_people),
    on_trigger(walked_out_of_place),
    on_trigger(own_body_part),
    refused_message,
    on_trigger(reply_done),
]


def suppressed(m: Matched) -> str | None:
    """The id of the first rule that drops this trigger, or None when it codes."""
    for check in MATCH_SUPPRESSIONS:
        if check(m):
            return str(check.rule_id)  # type: ignore[attr-defined]
    return None


@rule("suppress.no-actor")
def no_actor(
    has_sources: bool, passive: bool, impact: bool, has_targets: bool, unknown: bool = False
) -> bool:
    """Precision first: an act needs a known actor, except a passive with a named victim or a
    violent act whose attacker is unknown (source.unknown-attacker: it stands on its place).

    Example: Someone attacked the convoy.
    """
    return not has_sources and not (((passive or impact) and has_targets) or unknown)
