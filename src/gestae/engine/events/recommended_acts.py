"""An act that a report, a panel or a watchdog recommends or proposes is not done
(`suppress.recommended-act`): "the directorate recommended that two officers be prosecuted",
"the commission proposed that Kenya expel the envoy" tell what someone wants done."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import rule
from gestae.resources.word_classes import words

# Verbs that put forward an act for others to do: its clause is a proposal, never a deed.
RECOMMENDING_VERBS = words("recommending_verbs")
# How the proposed act hangs on the verb: "recommended that X be charged", "proposed
# expelling", "advised police to release".
PROPOSAL_DEPS = frozenset({"ccomp", "xcomp"})


@rule("suppress.recommended-act")
def recommended_act(clause: Token) -> bool:
    """An act in the clause of "recommend", "propose", "advise" or "advocate" ("recommended
    that two officers be charged", "proposed expelling the envoy") is what someone wants, not
    what happened: no record. "Suggest" is left out: "reports suggest police fired" tells a
    likely deed.

    Example: The commission recommended that Kenya expel the Ugandan envoy.
    """
    if clause.dep_ not in PROPOSAL_DEPS or clause.i < clause.head.i:
        return False  # "Kenya expelled the envoy, the panel advised": told as done
    return clause.head.lemma_.lower() in RECOMMENDING_VERBS and clause.head.pos_ == "VERB"
