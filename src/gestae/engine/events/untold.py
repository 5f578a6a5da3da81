"""Clauses that tell no act done, found reading VOA stories: a removal of one person that a
court halts or that still lies ahead of them ('halted Ali's deportation', 'awaits
extradition'), a meeting put off ('the summit was postponed'), what a legend or a rumour
tells ('the legend is he burned the fort'), and what no one says ('nobody can say that he
took a bribe'). Each is a named rule; clause_suppression.py runs UNTOLD_SUPPRESSIONS with its
other reasons to drop a clause."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.generic import governors
from gestae.engine.events.modality import host_verb
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS
from gestae.resources.word_classes import words

PENDING_PROCEDURES = words("pending_procedures")
PENDING_VERBS = words("pending_verbs")
LORE_NOUNS = words("lore_nouns")
MEETING_NOUNS = words("meeting_nouns")
PUT_OFF_VERBS = words("put_off_verbs")
# Phrasal verbs that put a meeting off: "put off the talks", "the summit was pushed back".
PUT_OFF_PHRASAL = frozenset({("put", "off"), ("push", "back")})
# Verbs whose "for" names what lies ahead: "slated for deportation", "held pending removal".
AHEAD_VERBS = frozenset({"slate", "schedule", "set", "mark", "earmark", "target", "await"})
# Subjects that say no one tells the clause: "nobody can say that", "none believed".
NOBODY = frozenset({"nobody", "none", "noone"})
# Verbs that tell or hold a clause true ("said", "believes", "can prove that").
TELLING_VERBS = words("speech_verbs") | frozenset({"prove", "show", "deny", "doubt"})
# Verbs a tale tells its content with: "the legend is", "legend has it", "the story goes".
LORE_VERBS = frozenset({"be", "have", "go", "say"})


def _verb_over(noun: Token) -> Token | None:
    """The verb the noun is the object of, directly or through 'for' ('slated for')."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ("for", "pending") and prep.head.pos_ == "VERB":
        return prep.head
    return None


@rule("modality.pending-procedure")
def pending_procedure(clause: Token) -> bool:
    """A deportation, extradition or execution that a court halts, that someone fights or
    faces, or that a person is slated for has not been done: the removal is still ahead, no
    act yet. A removal carried out ('deported him to Haiti', 'his deportation last week')
    stays.

    Example: A Kenyan judge halted the Somali activist's deportation.
    """
    if clause.pos_ not in ("NOUN", "PROPN") or clause.lemma_.lower() not in PENDING_PROCEDURES:
        return False
    verb = _verb_over(clause)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if clause.dep_ == "pobj":
        return lemma in AHEAD_VERBS or lemma in PENDING_VERBS
    return lemma in PENDING_VERBS


@rule("modality.put-off-meeting")
def put_off_meeting(clause: Token) -> bool:
    """A meeting or visit that is postponed, delayed or put off has not been held: "the summit
    between Kenya and Somalia was postponed" codes no CONSULT. A meeting called off or
    cancelled stays what the lexicon makes it (a halt of talks, SANCTION 164).

    Example: The meeting between the Thai and Cambodian leaders was postponed.
    """
    if clause.pos_ != "NOUN" or clause.lemma_.lower() not in MEETING_NOUNS:
        return False
    if clause.dep_ not in ("nsubjpass", "dobj") or clause.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = clause.head
    lemma = verb.lemma_.lower()
    particles = {(lemma, c.lower_) for c in verb.children if c.dep_ == "prt"}
    return lemma in PUT_OFF_VERBS or bool(particles & PUT_OFF_PHRASAL)


def _told_by_lore(verb: Token) -> bool:
    """The verb's subject is a legend or rumour, or it says 'according to legend'."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return verb.lemma_.lower() in LORE_VERBS and any(
        s.lemma_.lower() in LORE_NOUNS for s in subjects
    )


def _according_to_lore(clause: Token) -> bool:
    """'According to legend, the king burned the fort.'"""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "according"
        and any(w.lemma_.lower() in LORE_NOUNS for w in c.subtree)
        for c in clause.children
    )


@rule("generic.lore")
def lore(clause: Token) -> bool:
    """What a legend, myth or rumour tells ('the legend is he set fire to the fort', 'legend
    has it that', 'according to legend') is a tale passed on, not an act reported; a story
    told with its source ('witnesses said he set fire') stays.

    Example: The legend is that the Portuguese governor burned the fort and fled to Lisbon.
    """
    scope = host_verb(clause)
    if _according_to_lore(scope):
        return True
    chain = governors(scope, 3)
    for link, head in chain:
        if link.dep_ == "conj":
            if _according_to_lore(head):
                return True
            continue
        return link.dep_ == "ccomp" and _told_by_lore(head)
    return False


def _nobody(verb: Token) -> bool:
    """The saying or believing verb's subject is no one: 'nobody', 'none', 'no one', 'no
    official'."""
    if verb.lemma_.lower() not in TELLING_VERBS:
        return False
    subjects = [s for s in verb.children if s.dep_ in SUBJECT_DEPS]
    if verb.dep_ == "relcl":
        subjects.append(verb.head)  # "there is no one who can say that"
    return any(
        s.lower_ in NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in s.children)
        for s in subjects
    )


@rule("generic.no-one-says")
def no_one_says(clause: Token) -> bool:
    """What no one says, believes or can prove ('nobody can say that I took a bribe', 'no one
    believes the army shelled the town') is an act denied, not told: the clause codes nothing.

    Example: No one in Lima can say that the minister took a bribe from the company.
    """
    chain = governors(host_verb(clause), 3)
    for link, head in chain:
        if link.dep_ == "conj":
            continue
        return link.dep_ == "ccomp" and _nobody(head)
    return False


UNTOLD_SUPPRESSIONS = [pending_procedure, put_off_meeting, lore, no_one_says]
