"""Who a sentence says carried out a violent act without a verb of doing: "the LRA is
responsible for the killings", "Hamas was behind the bombing". The copula's subject is the
act's doer, as the subject of "claimed responsibility for" is (rule source.blamed-doer); the
noun is then an event of its own, not background."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import DocActors
from gestae.engine.events.clause_suppression import alleged
from gestae.engine.events.matching import Grammar
from gestae.engine.events.nominal import is_violent_noun
from gestae.engine.syntax import SUBJECT_DEPS, child, first_conjunct

# The adjective whose "for" names the act ("responsible for"), and the preposition of the
# copula that does ("behind").
BLAME_ADJECTIVES = frozenset({"responsible"})
BLAME_PREPS = frozenset({"behind"})


def blame_copula(noun: Token) -> Token | None:
    """The copula 'be' whose subject the sentence makes the doer of the act the noun names:
    a plain statement, with no negation and no modal ("may be behind" guesses)."""
    prep = first_conjunct(noun).head  # 'responsible for killings, rapes and ...'
    if prep.dep_ != "prep":
        return None
    holder = prep.head
    if prep.lower_ == "for" and holder.lower_ in BLAME_ADJECTIVES and holder.dep_ == "acomp":
        copula = holder.head
    elif prep.lower_ in BLAME_PREPS:
        copula = holder
    else:
        return None
    if copula.lemma_.lower() != "be" or copula.pos_ not in ("AUX", "VERB"):
        return None
    if any(c.dep_ == "neg" or c.tag_ == "MD" for c in (*copula.children, *holder.children)):
        return None
    # "rejected accusations that Tehran was behind the attack": what a claim says, no act.
    return None if alleged(copula) else copula


def blamed_doer(grammar: Grammar, noun: Token, actors: DocActors) -> Token | None:
    """The subject of the blaming copula over a violent event noun, when it or one of its
    conjuncts names an actor."""
    if not is_violent_noun(grammar, noun):
        return None
    copula = blame_copula(noun)
    subject = child(copula, SUBJECT_DEPS) if copula is not None else None
    if subject is None:
        return None
    for word in (subject, *subject.conjuncts):  # "Kony and the LRA are responsible for"
        mention = actors.at(word)
        if mention is not None and mention.actors and not mention.media:
            return subject
    return None
