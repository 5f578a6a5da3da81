"""People freed as the outcome of an attack or a rescue: "gunmen stormed the prison, freeing
500 inmates", "troops raided the camp, freeing 20 hostages", "commandos boarded the ship and
freed the crew", "the army freed 30 villagers kidnapped by gunmen". CAMEO's release (0841) is a
concession by whoever held them; those who free them by force are not their captors, so the
freeing is the attack's outcome, coded as the attack (or the rescue), not as a release by
the attackers."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import rule
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

RELEASE_CODE = "0841"
FORCE_VERBS = words("force_verbs")
CAPTIVITY_PARTICIPLES = words("captivity_participles")
# What a force verb takes that is no place stormed: "seized power and freed prisoners" is a
# new ruler's release.
NO_PLACE_TAKEN = frozenset({"power", "control", "office"})


@rule("suppress.freed-by-force")
def freed_by_force(token: Token, entry: TriggerEntry) -> bool:
    """A release told as the outcome of storming, raiding, boarding or attacking a place (an
    "-ing" clause or a verb joined by "and"), or of freeing people another side is told to
    hold, or told as coming "after" others stormed or raided a place, is that attack's or
    rescue's outcome, no concession by those who free them.

    Example: Gunmen stormed the jail in Tillaberi, freeing 40 inmates.
    Example: Marines boarded the tanker and freed its crew.
    Example: Malian troops freed six workers kidnapped by jihadists.
    Example: The hostages were freed after commandos stormed the ship.
    """
    if entry.cameo != RELEASE_CODE:
        return False
    if _held_by_another(token) or _after_force(token):
        return True
    step = token
    while step.dep_ == "conj" and step.head.i < step.i:
        step = step.head  # "freeing inmates and seizing weapons"
        if step.lemma_.lower() in FORCE_VERBS and not _took_power(step):
            return True  # "boarded the ship and freed the crew"
    if step.dep_ != "advcl" or step.tag_ != "VBG":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in step.children):
        return False  # a clause of its own
    return step.head.lemma_.lower() in FORCE_VERBS


def _took_power(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in NO_PLACE_TAKEN for c in verb.children)


def _held_by_another(token: Token) -> bool:
    """'freed 30 villagers kidnapped by gunmen': the freed are told as another's captives (an
    active release whose object a captivity participle gives to someone "by" name)."""
    if token.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in token.children):
        return False
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        for part in obj.children:
            held = part.dep_ == "acl" and part.tag_ == "VBN"
            captive = held and part.lemma_.lower() in CAPTIVITY_PARTICIPLES
            if captive and any(c.dep_ == "agent" for c in part.children):
                return True
    return False


def _after_force(token: Token) -> bool:
    """'were freed on Thursday after soldiers stormed a militant camp': the storming, told in
    an "after" clause with a doer of its own, freed them; a ransom paid or a deal struck
    ("after the government paid") leaves a release, and so does one with a doer of its own
    ("police freed the suspects after protesters attacked the station" concede)."""
    if any(c.dep_ == "nsubj" for c in token.children):
        return False
    for clause in token.children:
        if clause.dep_ != "advcl" or clause.lemma_.lower() not in FORCE_VERBS:
            continue
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        doer = any(c.dep_ == "nsubj" for c in clause.children)
        if "after" in marks and doer and not _took_power(clause):
            return True
    return False
