"""Whose "its" phrase a reported act hit: "Uganda said gunmen attacked its embassy in Juba".
The clause's own doers (gunmen, protesters, police) are people in the plural, so "its" cannot
point to them; it points to the state or body that tells the act, named as a subject before
them. Without this the phrase takes the country of the place it stands in (South Sudan), or is
dropped as the doers' own side."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.engine.syntax import SUBJECT_DEPS, child
from gestae.schema import Actor

# Subjects "its" can stand for: a state, or a body or force named as one.
TELLER_KINDS = frozenset({"state", "organization", "group"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


@rule("record.teller-possession")
def teller_possession(draft: Draft) -> None:
    """'Uganda said gunmen attacked its embassy in Juba', 'Russia said protesters stormed its
    consulate': an "its" phrase that an act's plural doers hit is the possession of the state
    or body named as a subject before those doers, the one telling the act; it takes that
    country, not the country of the place it stands in. A clause whose own subject could be
    "its" ("Sudan said its army ...") is left as it is.

    Example: Uganda said gunmen attacked its peacekeepers in Juba on Monday.
    """
    subject = child(draft.candidate.trigger, SUBJECT_DEPS)
    if subject is None or subject.tag_ not in PLURAL_TAGS:
        return
    # "Iran suspended cooperation after strikes hit its facilities": an "its" phrase named only
    # in words (no target yet) is the teller's as well.
    from_words = not draft.targets
    targets = draft.targets or [u for u in draft.unnamed if _its_phrase(draft, u)]
    changed: list[Actor] = []
    for index, target in enumerate(targets):
        if target.country is not None and CONTEXT_COUNTRY not in target.rule:
            continue
        if not _its_phrase(draft, target):
            continue
        teller = _teller(draft, subject)
        if teller is None or teller.country is None:
            return
        # The teller's country replaces one lent by the article's context, so the event's
        # place does not take it over either (record.place-country).
        kept = [bit for bit in target.rule.split("; ") if CONTEXT_COUNTRY not in bit]
        reason = f"'its' is {teller.text}'s, who tells the act ({teller.country})"
        targets[index] = replace(target, country=teller.country, rule="; ".join([*kept, reason]))
        changed.append(targets[index])
    if changed:
        draft.targets = targets
        if from_words:
            draft.unnamed = [u for u in draft.unnamed if u.start not in {c.start for c in changed}]
        words = ", ".join(a.text for a in changed)
        draft.trace.add("record.teller-possession", f"{words}: of {changed[0].country}")


def _its_phrase(draft: Draft, target: Actor) -> bool:
    """The target's words are an "its" phrase ("its embassy", "two of its diplomats")."""
    words = draft.words_of(target)
    if words is None:
        return False
    head = words.root
    owner = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    heads = [head, *([owner.head] if owner is not None else [])]
    return any(c.dep_ == "poss" and c.lower_ == "its" for h in heads for c in h.children)


def _teller(draft: Draft, subject: Token) -> Actor | None:
    """The last state or body named as a subject earlier in the sentence than the doers."""
    start = draft.sent.start_char
    told = [
        a
        for a in draft.actors.subjects_seen
        if a.kind in TELLER_KINDS
        and a.country
        and start <= a.start < subject.left_edge.idx
        and a.sector not in ("CVL", "REB", "UAF", "CRM")
    ]
    return told[-1] if told else None
