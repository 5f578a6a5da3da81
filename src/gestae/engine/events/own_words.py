"""Words that say where someone spoke, what someone means to become or where someone stands,
not an act between parties: a gathering named only as the setting of a remark, a promise of
one's own goal, and a condemnation of any act of a kind.
Each is a named rule over a matched trigger (run by suppression.MATCH_SUPPRESSIONS)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import DocActors
from gestae.engine.events.nonpolitical import OWN_CLAUSE_DEPS
from gestae.engine.rules import rule
from gestae.engine.syntax import OBJECT_DEPS, SUBJECT_DEPS, child
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

GOAL_VERBS = words("goal_verbs")
VALUE_NOUNS = words("value_nouns")
PROMISE_WORDS = words("promise_words")
SETTING_MEETINGS = words("setting_meetings")
SAYING_WORDS = words("speech_verbs") | words("spoken_words")
# "criticized all sides", "all parties": the sides of a conflict are parties, not a kind of act.
PAIR_HEADS = words("pair_heads")
# The CAMEO code of a bare promise: an intent to cooperate with no act named.
BARE_PROMISE = "030"
# Prepositions that make a gathering the place or time of a remark.
SETTING_PREPS = frozenset({"at", "during"})
# Prepositions by which a gathering names who met ("a summit with Putin").
PARTNER_PREPS = frozenset({"with", "between", "among"})
# CAMEO roots of a stance against something: disapprove (09, 11). A refusal (12: "rejected
# any talks with the rebels") turns someone down and stays.
STANCE_ROOTS = frozenset({"09", "11"})
# Determiners that make an object every act of its kind: "condemns any violence".
EVERY_DETS = frozenset({"any", "all"})
# Sectors whose members fight with arms: their fighting is an armed clash.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP", "CRM", "SPY"})
# Prepositions that name whom a fight is with or against.
FOE_PREPS = frozenset({"with", "against"})
# Links that hang a result on "make": "make the region climate neutral".
RESULT_DEPS = frozenset({"ccomp", "oprd", "acomp", "xcomp"})


def _party_in(phrase: Token, actors: DocActors) -> bool:
    """A word of the phrase, outside its own clauses, is an actor mention."""
    stack = [phrase]
    while stack:
        t = stack.pop()
        if t.i != phrase.i and actors.at(t) is not None:
            return True
        stack.extend(c for c in t.children if c.dep_ not in OWN_CLAUSE_DEPS)
    return False


@rule("suppress.meeting-setting")
def meeting_setting(token: Token, entry: TriggerEntry) -> bool:
    """A summit or meeting named only as where or when someone spoke ('Orban said at one
    summit', 'in conversations at the annual political meetings') is the setting of words,
    not a consultation the sentence reports; one that names who met ('said at a meeting with
    Putin') stays.

    Example: The Hungarian prime minister spoke at one summit about migration.
    """
    host = _meeting_host(token, entry, SETTING_MEETINGS, SETTING_PREPS)
    if host is None or host.lemma_.lower() not in SAYING_WORDS:
        return False
    return not any(
        c.dep_ == "prep" and c.lower_ in PARTNER_PREPS for c in token.children
    ) and not any(c.dep_ == "conj" for c in token.children)


# Verbs that call one's own envoy home ("summoned" is also said of a foreign envoy, who is
# met): what the envoy is called home "for" is its purpose.
RECALL_VERBS = frozenset({"recall"})
CONSULTATION_NOUNS = frozenset({"consultation", "talk", "discussion", "briefing"})


@rule("suppress.recalled-for-consultations")
def recalled_for_consultations(token: Token, entry: TriggerEntry) -> bool:
    """'Peru recalled its ambassador to Mexico for consultations': the consultations an
    envoy is called home for are held with its own government, a purpose of the recall, not
    a meeting between the states the sentence names.

    Example: Chile recalled its ambassador to Bolivia for consultations on Monday.
    """
    host = _meeting_host(token, entry, CONSULTATION_NOUNS, frozenset({"for"}))
    return host is not None and host.lemma_.lower() in RECALL_VERBS


def _meeting_host(
    token: Token, entry: TriggerEntry, nouns: frozenset[str], preps: frozenset[str]
) -> Token | None:
    """The word a meeting noun trigger (CAMEO 04) hangs on through one of `preps` ("spoke at
    one summit", "recalled ... for consultations"), when the noun is one of `nouns`."""
    if entry.pos != "noun" or not entry.cameo.startswith("04"):
        return None
    if token.lemma_.lower() not in nouns or token.dep_ != "pobj":
        return None
    prep = token.head
    if prep.lower_ not in preps or prep.head.i == prep.i:
        return None
    return prep.head


def _goal_content(token: Token, actors: DocActors) -> bool:
    """The promise's infinitive or 'to'-gerund is a state to reach that names no party: 'to
    become carbon neutral', 'to make the region climate neutral' (not 'to remain a partner of
    Uganda')."""
    contents = [c for c in token.children if c.dep_ == "xcomp"]
    contents += [
        g for p in token.children if p.lower_ == "to" for g in p.children if g.dep_ == "pcomp"
    ]
    for verb in contents:
        if _party_in(verb, actors):
            continue
        lemma = verb.lemma_.lower()
        if lemma in GOAL_VERBS:
            return True
        if lemma == "make" and any(
            c.dep_ in RESULT_DEPS and c.pos_ in ("ADJ", "NOUN") for c in verb.children
        ):
            return True
    return False


def _value_content(token: Token, actors: DocActors) -> bool:
    """'is committed to peace', 'commitment to democracy': a value held, naming no party."""
    held = [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return bool(held) and all(
        o.lemma_.lower() in VALUE_NOUNS and not _party_in(o, actors) for o in held
    )


@rule("suppress.own-goal")
def own_goal(token: Token, entry: TriggerEntry, actors: DocActors) -> bool:
    """A promise or commitment whose content is a state its maker would reach ('vowed to make
    the region climate neutral', 'pledged to become carbon neutral') or a value it holds ('is
    committed to peace') states its own goal, not an intent toward anyone (AGREE needs a
    partner). A promise of an act ('pledged to help Somalia', 'committed to talks with the
    rebels') stays.

    Example: The Kenyan president vowed to make the country carbon neutral by 2040.
    """
    if entry.cameo != BARE_PROMISE or token.lemma_.lower() not in PROMISE_WORDS:
        return False
    if any(c.dep_ in ("dobj", "dative") for c in token.children):
        return False  # "promised Kenya to become ...": a promise made to someone
    return _goal_content(token, actors) or _value_content(token, actors)


@rule("suppress.any-act-condemned")
def any_act_condemned(token: Token, entry: TriggerEntry, actors: DocActors) -> bool:
    """Condemning, opposing or rejecting any act of a kind ('condemns any violence against
    civilians', 'opposing any unilateral attempts to change the status quo') states where the
    speaker stands, blaming no one; its victims are no target. Condemning a party ('criticized
    all sides') or one act ('condemned the attack') stays.

    Example: The Kenyan government said it condemns any violence against Somali refugees.
    """
    if entry.pos != "verb" or entry.cameo[:2] not in STANCE_ROOTS:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return (
        bool(objects)
        and all(
            actors.at(o) is None
            and o.pos_ == "NOUN"
            and o.lemma_.lower() not in PAIR_HEADS
            and o.lower_ not in PAIR_HEADS
            and any(c.dep_ in ("det", "predet") and c.lower_ in EVERY_DETS for c in o.children)
            and not _doer_named(o, actors)
            for o in objects
        )
        and not _doer_named(token, actors, [c for c in token.children if c.dep_ != "dobj"])
    )


def _doer_named(act: Token, actors: DocActors, within: list[Token] | None = None) -> bool:
    """'all attacks on civilians by the Islamic State': the acts condemned name their doer (in
    the object, or in a 'by' phrase the parse hangs on the verb)."""
    phrases = [act] if within is None else within
    return any(
        (t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ == "by")) and _party_in(t, actors)
        for p in phrases
        for t in p.subtree
    )


@rule("suppress.lone-fighter")
def lone_fighter(token: Token, entry: TriggerEntry, actors: DocActors) -> bool:
    """One person with no armed sector who 'is still fighting' or 'fought on' with no foe
    named struggles (in court, for a cause, against an illness); that is no armed clash.
    Soldiers, rebels or police fighting, and a fight with or against someone, stay ASSAULT.

    Example: The jailed Kenyan publisher is still fighting, his son said.
    """
    if entry.pos != "verb" or token.lemma_.lower() != "fight" or entry.cameo[:2] != "19":
        return False
    if any(c.dep_ in OBJECT_DEPS for c in token.children) or any(
        c.dep_ == "prep" and c.lower_ in FOE_PREPS for c in token.children
    ):
        return False
    subject = child(token, SUBJECT_DEPS)
    mention = actors.at(subject) if subject is not None else None
    if mention is None or not mention.actors:
        return False
    return all(a.kind == "person" and a.sector not in ARMED_SECTORS for a in mention.actors)
