"""A state that "protested" lodged a complaint: it did not march. The lexicon reads the bare
verb as a demonstration (CAMEO 141), which is right for crowds; when every doer is a state or a
government body, the act is a formal complaint (ACCUSE 114), as "protested to Beijing" is."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.resources.gazetteer import country_names
from gestae.resources.ontology import Ontology
from gestae.resources.word_classes import words
from gestae.schema import Actor

DEMONSTRATE_CODE = "141"
COMPLAINT_CODE = "114"
QUANTITIES = words("quantity_nouns")


@rule("record.state-protest")
def state_protest(draft: Draft, ontology: Ontology) -> None:
    """'Manila protested after the coast guard fired on its boats', 'the foreign ministry
    protested': a state or its government complains (ACCUSE 114); people demonstrate.

    Example: The Philippines protested after Chinese ships blocked its supply boats.
    """
    verb = draft.candidate.trigger
    if draft.cameo != DEMONSTRATE_CODE or verb.pos_ != "VERB" or verb.lemma_ != "protest":
        return
    if not draft.sources or not all(_official(draft, a) for a in draft.sources):
        return
    draft.trace.add("record.state-protest", f"{draft.sources[0].label()} complains: 114")
    draft.retype(ontology, COMPLAINT_CODE)


def _official(draft: Draft, actor: Actor) -> bool:
    """A state named as such (not its people: "Sudanese", "Palestinians"), or a government
    body or official (staff who march, "government workers", are labour: LAB)."""
    span = draft.words_of(actor)
    if span is None or _counted(span.root):
        return False
    if actor.kind == "state" and actor.country:
        named = span.text.removeprefix("the ").removeprefix("The ")
        return named in country_names(actor.country) or span.root.ent_type_ == "GPE"
    return actor.sector == "GOV"


def _counted(head: Token) -> bool:
    """'Hundreds of officials', '30 officers': people counted are a crowd that marches."""
    if any(c.dep_ == "nummod" for c in head.children):
        return True
    of = head.head if head.dep_ == "pobj" else None
    return of is not None and of.lower_ == "of" and of.head.lemma_.lower() in QUANTITIES
