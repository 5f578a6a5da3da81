"""People freed as the outcome of an attack: "gunmen stormed the prison, freeing 500 inmates",
"troops raided the camp, freeing 20 hostages". CAMEO's release (0841) is a concession by
whoever held them; those who free them by force are not their captors, so the freeing is the
attack's outcome, coded as the attack, not as a release by the attackers."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import rule
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

RELEASE_CODE = "0841"
FORCE_VERBS = words("force_verbs")


@rule("suppress.freed-by-force")
def freed_by_force(token: Token, entry: TriggerEntry) -> bool:
    """A release told as the "-ing" outcome of storming, raiding or attacking a place is that
    attack's outcome, no concession by the attackers (a prison break, a rescue).

    Example: Gunmen stormed the jail in Tillaberi, freeing 40 inmates.
    """
    if entry.cameo != RELEASE_CODE:
        return False
    step = token
    while step.dep_ == "conj" and step.head.i < step.i:
        step = step.head  # "freeing inmates and seizing weapons"
    if step.dep_ != "advcl" or step.tag_ != "VBG":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in step.children):
        return False  # a clause of its own
    return step.head.lemma_.lower() in FORCE_VERBS
