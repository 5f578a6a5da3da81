"""An evacuation carries people out of a place: the place is where they leave, never whom the
act is aimed at, and people the doer calls its own stay its own. Without this, "evacuated its
nationals from Sudan" read as aid to Sudan (the "from" phrase or the event's place gave the
evacuees Sudan's country, or Sudan itself became a target)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.resources.word_classes import words
from gestae.schema import Actor

# Verbs and nouns of carrying people out of a place ("evacuate", "airlift").
EVACUATION_WORDS = words("evacuation_words")
# Owners that make the people the doer's own: "its nationals", "their citizens".
OWN_MARKERS = frozenset({"its", "their", "our"})


def _place_left(root: Token) -> bool:
    """Words that are the object of 'from' ('from Sudan', 'out of Kabul' read as 'from')."""
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "from":
        return True
    return prep.lower_ == "of" and any(c.lower_ == "out" for c in prep.head.children)


@rule("record.evacuated-own")
def evacuated_own(draft: Draft) -> None:
    """'France evacuated its nationals from Sudan': the state an evacuation leaves ("from
    Sudan") is no target, and the people the doer calls its own ("its nationals", "their
    citizens") are of the doer's country, not of the place they leave. Evacuees named with a
    country of their own ("Indian workers") keep it.

    Example: Italy evacuated its citizens from Libya on Sunday.
    """
    if draft.event_type != "AID":
        return
    if draft.candidate.trigger.lemma_.lower() not in EVACUATION_WORDS:
        return
    if evacuees_told(draft):
        return
    # A country the doer took only from the article's context proves nothing about whose.
    home = {a.country for a in draft.sources if a.country and CONTEXT_COUNTRY not in a.rule}
    country = next(iter(home)) if len(home) == 1 else None
    kept: list[Actor] = []
    changed: list[str] = []
    for target in draft.targets:
        span = draft.words_of(target)
        root = span.root if span is not None else None
        if root is not None and _place_left(root):
            changed.append(f"'{target.text}' is the place left")
            continue
        own = root is not None and any(
            c.dep_ == "poss" and c.lower_ in OWN_MARKERS for c in root.children
        )
        if own and country is not None and target.country != country:
            reason = f"the source's own people ({country})"
            target = replace(target, country=country, rule=f"{target.rule}; {reason}")
            changed.append(f"'{target.text}' are {reason}")
        kept.append(target)
    if not changed:
        return
    draft.targets = kept or list(draft.unnamed)
    draft.trace.add("record.evacuated-own", "; ".join(changed))


@rule("record.evacuees-told")
def evacuees_told(draft: Draft) -> bool:
    """'ordered the evacuation of families from 12 villages as Russian shelling intensified':
    evacuees the text names in words are whom the evacuation serves; the one other state
    of the sentence, named in a clause about why, is no party to it (no implicit target).

    Example: Georgian officials ordered the evacuation of families from villages near the
    boundary as Russian shelling of the district grew.
    """
    if not draft.candidate.implicit_target or not draft.unnamed:
        return False
    dropped = ", ".join(t.text for t in draft.targets)
    draft.targets = list(draft.unnamed)
    draft.candidate.implicit_target = False
    draft.trace.add("record.evacuees-told", f"'{dropped}' is no party to the evacuation")
    return True
