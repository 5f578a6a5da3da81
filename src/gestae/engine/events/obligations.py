"""'Russia says Israel must end its attacks': a speaker saying what another actor must do
makes a demand of that actor, and what is demanded is its content, not an act."""

from __future__ import annotations

from spacy.tokens import Span, Token

from gestae.engine.actors import DocActors
from gestae.engine.events.candidate import EventCandidate
from gestae.engine.events.codes import DEMAND_CODE
from gestae.engine.events.matching import Grammar
from gestae.engine.events.mentions import actor_group, with_country
from gestae.engine.events.modality import reporter
from gestae.engine.events.nonpolitical import own_state
from gestae.engine.rules import Trace, rule
from gestae.engine.syntax import SUBJECT_DEPS, child, negated
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

# Modals by which a speaker tells another actor what to do ("Israel must end its attacks").
OBLIGATION_MODALS = frozenset({"must", "should"})
# What one must understand or know is put to it, not demanded of it.
UNDERSTANDING_VERBS = words("understanding_verbs")
# The demand such a sentence makes (CAMEO 100, "demand, not specified below").
DEMAND_ENTRY = TriggerEntry(
    lemma="must", pos="verb", cameo=DEMAND_CODE, target="none",
    source="events.py: reported obligation",
)  # fmt: skip


@rule("trigger.reported-obligation")
def reported_obligation(grammar: Grammar, modal: Token, actors: DocActors) -> EventCandidate | None:
    """A speaker saying what another named actor must or should do demands it (CAMEO 10).

    Example: Germany says Hungary must respect the court.
    """
    if modal.dep_ != "aux" or modal.lower_ not in OBLIGATION_MODALS:
        return None
    clause = modal.head
    if clause.dep_ != "ccomp" or negated(clause) or understanding_urged(clause):
        return None
    speaker = reporter(grammar, clause, actors)
    subject = child(clause, SUBJECT_DEPS)
    if speaker is None or speaker.country is None or subject is None:
        return None
    targets = [a for m in with_country(actor_group(grammar, subject, actors)) for a in m.actors]
    targets = [
        t
        for t in targets
        if (t.country != speaker.country or t.sector != speaker.sector)
        and not own_state(speaker, t)
    ]
    if not targets:
        return None
    trace = Trace()
    trace.add(
        "trigger.reported-obligation",
        f"'{speaker.text}' says {subject.text} '{modal.text}' {clause.text}: CAMEO {DEMAND_CODE}",
    )
    return EventCandidate(
        trigger=modal,
        trigger_tokens=[modal, clause],
        entry=DEMAND_ENTRY,
        sources=[speaker],
        targets=targets,
        negated=False,
        modality="asserted",
        reported_by=None,
        trace=trace,
    )


@rule("modality.understanding-urged")
def understanding_urged(clause: Token) -> bool:
    """'Turkey said U.S. lawmakers must understand they will get nowhere': what a speaker says
    another must understand, know or remember is a warning or a view put to it, no act
    demanded of it.

    Example: Turkey said U.S. lawmakers must understand that sanctions will fail.
    """
    return clause.lemma_.lower() in UNDERSTANDING_VERBS


def reported_obligations(grammar: Grammar, sent: Span, actors: DocActors) -> list[EventCandidate]:
    """Every reported obligation in the sentence, in order."""
    found = (reported_obligation(grammar, modal, actors) for modal in sent)
    return [c for c in found if c is not None]


@rule("suppress.obligation-content")
def obligation_content(token: Token, demands: list[EventCandidate]) -> bool:
    """What a speaker says another actor must do is the content of the demand, not an act;
    the demand's trace says what it swallowed.

    Example: France says Mali must release the hostages.
    """
    for demand in demands:
        if token.i in {t.i for t in demand.trigger_tokens[-1].subtree}:
            demand.trace.add("suppress.obligation-content", f"'{token.text}'")
            return True
    return False
