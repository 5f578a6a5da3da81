"""Other words of the sentence that tell the act a candidate codes (extra["also_told_by"]).

News often names one act with two words: "managed to recapture", "launched an offensive to
retake", "rallied to protest", "were killed when gunmen stormed", "killed 15 and wounded 40",
"a blast ripped through the market, killing 30". The candidate keeps its own trigger, place and
date; these rules only list the other words, so the record says which words tell it and no
second record of the same act is made. Each rule names one construction.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.casualties import is_casualty_verb
from gestae.engine.events.candidate import EventCandidate
from gestae.engine.events.codes import VIOLENT_ROOTS
from gestae.engine.events.matching import Grammar
from gestae.engine.rules import rule
from gestae.engine.syntax import OBJECT_DEPS, SUBJECT_DEPS, agent
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

PHASE_VERBS = words("act_phase_verbs")
OPERATION_NOUNS = words("operation_nouns")
PROTEST_PURPOSES = words("protest_purpose_verbs")
BLAST_VERBS = words("blast_verbs")
COUNTED_VICTIMS = words("counted_victims")
# CAMEO root of demonstrations (PROTEST).
PROTEST_ROOT = "14"
# Clause marks that put an attack's clause beside its toll: "were killed when gunmen stormed".
ATTACK_CLAUSE_MARKS = frozenset({"when", "after", "as"})
# Purpose clauses and participles that hang on a verb: "launched an offensive to retake X".
ADJUNCT_DEPS = frozenset({"advcl", "xcomp", "acl"})

Told = list[tuple[str, Token]]


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _violent(token: Token, matched: dict[int, TriggerEntry]) -> bool:
    return token.i in matched and matched[token.i].cameo[:2] in VIOLENT_ROOTS


@rule("trigger.phase-verb")
def phase_verb(verb: Token) -> Token | None:
    """'managed to recapture the town', 'began attacking the posts', 'continue to shell': the
    verb that says the act began, went on or succeeded tells the act its complement codes, not
    a second one; the record lists it among the words that tell it.

    Example: Ugandan troops managed to recapture the town of Gulu.
    """
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i and head.lemma_.lower() in PHASE_VERBS:
        return head
    return None


@rule("trigger.launched-operation")
def launched_operation(grammar: Grammar, verb: Token) -> list[Token]:
    """'launched an offensive to retake the town', 'began their operation to capture it',
    'continued their operations, shelling the villages': the operation that a light verb
    launches is the act its purpose clause or participle codes; the record lists the light
    verb and the operation noun among the words that tell it.

    Example: Ethiopian troops launched an offensive to recapture the town of Baidoa.
    """
    if verb.dep_ not in ADJUNCT_DEPS or not (_infinitive(verb) or verb.tag_ == "VBG"):
        return []
    head = verb.head
    if head.pos_ == "NOUN" and head.lemma_.lower() in OPERATION_NOUNS:
        launcher = head.head
        if head.dep_ in OBJECT_DEPS and launcher.lemma_.lower() in grammar.light_verbs:
            return [launcher, head]
        return []
    if head.pos_ != "VERB" or head.lemma_.lower() not in grammar.light_verbs:
        return []
    nouns = [
        o for o in head.children if o.dep_ in OBJECT_DEPS and o.lemma_.lower() in OPERATION_NOUNS
    ]
    return [head, *nouns] if nouns else []


def operation_aims(verb: Token, matched: dict[int, TriggerEntry]) -> list[Token]:
    """The other way round (trigger.launched-operation): the record of 'launched an offensive'
    lists the coded verbs of its purpose clause ('to recapture the town')."""
    if verb.pos_ != "VERB":
        return []
    holders = [verb, *(o for o in verb.children if o.lemma_.lower() in OPERATION_NOUNS)]
    return [
        c
        for h in holders
        for c in h.children
        if c.dep_ in ADJUNCT_DEPS and _infinitive(c) and c.i in matched
    ]


@rule("trigger.protest-purpose")
def protest_purpose(verb: Token) -> list[Token]:
    """'rallied to protest the ruling', 'took to the streets to demand his release',
    'protested by blocking the highway': the purpose a demonstration states, or the means it
    takes, is the demonstration itself; the record lists the word among those that tell it.

    Example: Thousands of students rallied in Nairobi to protest the new fees.
    """
    told: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and _infinitive(c) and c.lemma_.lower() in PROTEST_PURPOSES:
            told.append(c)
        elif c.dep_ == "prep" and c.lower_ == "by":
            told += [g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
    return told


def _tolls(verb: Token) -> list[Token]:
    """The casualty verb and the casualty verbs joined to it ('killed 15 and wounded 40')."""
    group = [verb, *verb.conjuncts]
    return [v for v in group if is_casualty_verb(v) and _no_other_doer(v)]


def _no_other_doer(verb: Token) -> bool:
    """No subject or agent of its own but victims: 'and 87 wounded', 'and wounded 40'."""
    if agent(verb) is not None and verb.dep_ == "conj":
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or verb.dep_ != "conj":
        return True
    return subject.like_num or subject.pos_ == "NUM" or subject.lemma_.lower() in COUNTED_VICTIMS


@rule("trigger.toll-pair")
def toll_pair(verb: Token) -> list[Token]:
    """'killed 15 people and wounded 40', 'five died and 20 were wounded': casualty verbs
    joined by 'and' with no doer of their own tell the toll of one act; the record of one lists
    the others among the words that tell it.

    Example: Shelling by rebels in Goma killed 15 people and wounded 40.
    """
    if not is_casualty_verb(verb) or not _no_other_doer(verb):
        return []
    return [v for v in _tolls(verb) if v.i != verb.i]


@rule("trigger.attack-clause")
def attack_clause(grammar: Grammar, verb: Token, matched: dict[int, TriggerEntry]) -> list[Token]:
    """'20 people were killed when gunmen stormed the station', 'the army attacked the
    village, after which...': a toll and the 'when'/'after' clause of the attack that caused
    it tell one act; the record of either lists the other's verb among the words that tell it.

    Example: Six soldiers were killed when rebels attacked their convoy near Gulu.
    """
    if is_casualty_verb(verb):
        return [
            c
            for v in _tolls(verb)
            for c in v.children
            if c.dep_ == "advcl" and _marked(c) and _attack(grammar, c, matched)
        ]
    if verb.dep_ == "advcl" and _marked(verb) and _attack(grammar, verb, matched):
        return [v for v in _tolls(verb.head) if v.i != verb.i]
    return []


def _marked(clause: Token) -> bool:
    """A clause that says when: 'when gunmen stormed', 'after rebels attacked'."""
    return any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ATTACK_CLAUSE_MARKS for c in clause.children
    )


def _attack(grammar: Grammar, verb: Token, matched: dict[int, TriggerEntry]) -> bool:
    """A violent trigger, or a bomb going off ('when a bomb exploded')."""
    return _violent(verb, matched) or _blast(grammar, verb)


def _blast(grammar: Grammar, verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    particles = {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "prep")}
    return lemma in BLAST_VERBS or bool(particles & BLAST_VERBS) or grammar.happening(verb)


@rule("trigger.blast-host")
def blast_host(grammar: Grammar, verb: Token) -> Token | None:
    """'a blast ripped through the market, killing 30', 'a car bomb went off, wounding six':
    the toll codes on its own (suppress.consequence keeps it), and the verb that tells the
    blast is the same act; the record lists it among the words that tell it.

    Example: A blast ripped through a crowded market in Kano, killing at least 30 people.
    """
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or not is_casualty_verb(verb):
        return None
    head = verb.head
    return head if head.pos_ == "VERB" and _blast(grammar, head) else None


def same_act_words(
    grammar: Grammar, candidate: EventCandidate, matched: dict[int, TriggerEntry]
) -> Told:
    """Every other word that tells the candidate's act, with the rule that found it; none of
    the candidate's own trigger words, each word once."""
    own = {t.i for t in candidate.trigger_tokens} | {t.i for t in candidate.outcomes}
    verbs = [t for t in candidate.trigger_tokens if t.pos_ in ("VERB", "AUX")]
    found: Told = []
    for verb in verbs:
        head = phase_verb(verb)
        if head is not None:
            found.append(("trigger.phase-verb", head))
        found += [("trigger.launched-operation", t) for t in launched_operation(grammar, verb)]
        if any(t.lemma_.lower() in OPERATION_NOUNS for t in candidate.trigger_tokens):
            found += [("trigger.launched-operation", t) for t in operation_aims(verb, matched)]
        if candidate.entry.cameo[:2] == PROTEST_ROOT:
            found += [("trigger.protest-purpose", t) for t in protest_purpose(verb)]
        found += [("trigger.toll-pair", t) for t in toll_pair(verb)]
        found += [("trigger.attack-clause", t) for t in attack_clause(grammar, verb, matched)]
        host = blast_host(grammar, verb)
        if host is not None:
            found.append(("trigger.blast-host", host))
    told: Told = []
    for rule_id, token in found:
        if token.i not in own:
            own.add(token.i)
            told.append((rule_id, token))
    return told
