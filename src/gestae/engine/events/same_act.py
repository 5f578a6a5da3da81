"""Other words of the sentence that tell the act a candidate codes (extra["also_told_by"]).

News often names one act with two words: "managed to recapture", "rallied to protest",
"were killed when gunmen stormed", "killed 15 and wounded 40". The candidate keeps its own
trigger, place and date; these rules only list the other words, so the record says which words
tell it and no second record of the same act is made. Each rule names one construction.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.casualties import is_casualty_verb
from gestae.engine.events.candidate import EventCandidate
from gestae.engine.events.codes import PROTEST_ROOT, VIOLENT_ROOTS
from gestae.engine.events.matching import Grammar
from gestae.engine.rules import rule
from gestae.engine.syntax import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, agent
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

PHASE_VERBS = words("act_phase_verbs")
PROTEST_PURPOSES = words("protest_purpose_verbs")
BLAST_VERBS = words("blast_verbs")
COUNTED_VICTIMS = words("counted_victims")
ATTACK_MEANS = words("attack_means")
# Verbs of running into a weapon ("their car hit a mine"), and what one comes under.
MEETING_VERBS = frozenset({"hit", "strike"})
UNDERGONE_ATTACKS = frozenset({"attack", "fire", "gunfire", "shelling"})
# Clause marks that put an attack's clause beside its toll: "were killed when gunmen stormed".
ATTACK_CLAUSE_MARKS = frozenset({"when", "after", "as"})

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
    """The casualty verb and the casualty verbs joined to it ('killed 15 and wounded 40'), or
    said beside it ('40 were killed, dozens injured'; 'killing nine, injuring six')."""
    group = [verb, *verb.conjuncts]
    if verb.dep_ == "ccomp" and is_casualty_verb(verb.head):
        group.append(verb.head)
    group += [
        c
        for v in list(group)
        for c in v.children
        if c.dep_ == "ccomp" or (c.dep_ == "advcl" and c.tag_ == "VBG")
    ]
    return [v for v in dict.fromkeys(group) if is_casualty_verb(v) and _no_other_doer(v)]


def _no_other_doer(verb: Token) -> bool:
    """No subject or agent of its own but victims: 'and 87 wounded', 'and wounded 40'."""
    joined = verb.dep_ == "conj" or (
        verb.dep_ in ("ccomp", "advcl") and is_casualty_verb(verb.head)
    )
    if agent(verb) is not None and joined:
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or not joined:
        return True
    counted = any(c.dep_ == "nummod" for c in subject.children)  # "five people"
    return counted or subject.like_num or subject.lemma_.lower() in COUNTED_VICTIMS


@rule("trigger.toll-pair")
def toll_pair(verb: Token, violent: bool) -> list[Token]:
    """'killed 15 people and wounded 40', '40 were killed, dozens injured', 'was shot and later
    died': casualty verbs joined to the act's verb with no doer of their own tell the toll of
    that one act; its record lists them among the words that tell it. Harm to property stays
    an act of its own ('burned the houses and killed two').

    Example: Shelling by rebels in Goma killed 15 people and wounded 40.
    """
    if is_casualty_verb(verb):
        if not _no_other_doer(verb):
            return []
        return [v for v in _tolls(verb) if v.i != verb.i]
    if not violent:
        return []
    # Only a verb that shares the act's subject: "ten were abducted" is a toll of its own.
    shared = [v for v in verb.conjuncts if is_casualty_verb(v) and _subjectless(v)]
    return [t for v in shared for t in _tolls(v) if t.i != verb.i]


def _subjectless(verb: Token) -> bool:
    return all(c.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children)


@rule("trigger.attack-clause")
def attack_clause(grammar: Grammar, verb: Token, matched: dict[int, TriggerEntry]) -> list[Token]:
    """'20 people were killed when gunmen stormed the station', 'the army attacked the
    village, after which...': a toll and the 'when'/'after' clause of the attack that caused
    it tell one act; the record of either lists the other's verb among the words that tell it,
    and the verbs joined to it ("when a gunman broke into the house and opened fire").

    Example: Six soldiers were killed when rebels attacked their convoy near Gulu.
    """
    if is_casualty_verb(verb):
        clauses = [c for v in _tolls(verb) for c in v.children if c.dep_ == "advcl" and _marked(c)]
        return [w for c in clauses for w in _attack_words(grammar, c, matched)]
    if verb.dep_ == "advcl" and _marked(verb) and _attack(grammar, verb, matched):
        return [v for v in _tolls(verb.head) if v.i != verb.i]
    return []


def _attack_words(grammar: Grammar, clause: Token, matched: dict[int, TriggerEntry]) -> list[Token]:
    """The attacks of a 'when' clause and of the verbs joined to it; the clause's own verb
    too when an attack joined to it shares its doer ("broke into the house and opened fire"),
    not when the attack has a doer of its own ("their truck stopped and gunmen fired")."""
    attacks = [a for a in (clause, *clause.conjuncts) if _attack(grammar, a, matched)]
    shared = any(a.i != clause.i and _subjectless(a) for a in attacks)
    return [clause] + [a for a in attacks if a.i != clause.i] if shared else attacks


def _marked(clause: Token) -> bool:
    """A clause that says when: 'when gunmen stormed', 'after rebels attacked'."""
    return any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ATTACK_CLAUSE_MARKS for c in clause.children
    )


def _attack(grammar: Grammar, verb: Token, matched: dict[int, TriggerEntry]) -> bool:
    """A violent trigger, a light verb carrying one ('when militiamen launched an attack'),
    a bomb going off ('when a bomb exploded'), or a weapon met: 'when their car hit a mine',
    'when the bus came under mortar fire'."""
    if _violent(verb, matched) or _blast(grammar, verb):
        return True
    if any(o.dep_ in OBJECT_DEPS and _violent(o, matched) for o in verb.children):
        return True  # "when militiamen launched an attack", "and opened fire"
    lemma = verb.lemma_.lower()
    met = [o for o in verb.children if o.dep_ in OBJECT_DEPS] if lemma in MEETING_VERBS else []
    if lemma == "come":
        under = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "under"]
        met = [o for p in under for o in p.children if o.dep_ == "pobj"]
    return any(_weapon(o) for o in met)


def _weapon(noun: Token) -> bool:
    """'a mine', 'mortar fire', 'attack': a weapon or the fire and attack it makes."""
    words = {
        noun.lemma_.lower(),
        *(c.lemma_.lower() for c in noun.children if c.dep_ == "compound"),
    }
    return bool(words & (ATTACK_MEANS | UNDERGONE_ATTACKS))


def _blast(grammar: Grammar, verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    particles = {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "prep")}
    return lemma in BLAST_VERBS or bool(particles & BLAST_VERBS) or grammar.happening(verb)


def same_act_words(
    grammar: Grammar, candidate: EventCandidate, matched: dict[int, TriggerEntry]
) -> Told:
    """Every other word that tells the candidate's act, with the rule that found it; none of
    the candidate's own trigger words, each word once."""
    own = {t.i for t in candidate.trigger_tokens} | {t.i for t in candidate.outcomes}
    verbs = [t for t in candidate.trigger_tokens if t.pos_ in ("VERB", "AUX")]
    cameo = candidate.entry.cameo
    # Harm to people only: property destroyed (CAMEO 1712) is an act of its own.
    violent = cameo[:2] in VIOLENT_ROOTS and not cameo.startswith("1712")
    found: Told = []
    for verb in verbs:
        head = phase_verb(verb)
        if head is not None:
            found.append(("trigger.phase-verb", head))
        if candidate.entry.cameo[:2] == PROTEST_ROOT:
            found += [("trigger.protest-purpose", t) for t in protest_purpose(verb)]
        found += [("trigger.toll-pair", t) for t in toll_pair(verb, violent)]
        found += [("trigger.attack-clause", t) for t in attack_clause(grammar, verb, matched)]
    told: Told = []
    for rule_id, token in found:
        if token.i not in own:
            own.add(token.i)
            told.append((rule_id, token))
    return told
