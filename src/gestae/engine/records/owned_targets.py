"""The country of a target named only in words by whose it is: "sanctions on X and members of
his family", "seized the opposition leader's papers". The words name no country, but their
owner, a person or body the article gave one, does: his family and her papers are of the
owner's country (as "Chile's fishermen" are Chilean)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.engine.syntax import child, of_objects
from gestae.schema import Actor

# Kinds of owner whose country their people and things share.
OWNER_KINDS = frozenset({"person", "organization", "group", "state"})
# How deep an "of" chain reaches its owner ("members of his family").
OF_DEPTH = 2
# A person's possessive pronouns, read when the parse resolved them to no one.
PERSON_POSSESSIVES = frozenset({"his", "her"})


@rule("record.owner-country")
def owner_country(draft: Draft) -> None:
    """A target named only in words, with no country, whose words are owned by an actor of one
    country ("his supporters", "members of his family", "the group's fighters") is of that
    country; its sector stays unknown. A "his" or "her" no rule resolved, in words joined to
    one named person ("X and members of his family"), is that person's. Not when the owner
    names no country or more than one, or one only the article's context gave; whether the
    doer's own people are a target stays record.own-side's to decide.

    Example: Washington sanctioned Peruvian lawmaker Ana Quispe and members of her family.
    """
    moved: list[str] = []

    def owned(target: Actor) -> Actor:
        if target not in draft.unnamed or target.country is not None:
            return target
        span = draft.words_of(target)
        owner = _owner(draft, span.root) if span is not None else None
        if owner is None or owner.country is None or CONTEXT_COUNTRY in owner.rule:
            return target  # an owner put in the article's country by guess lends none
        moved.append(target.text)
        why = f"of {owner.country}, the country of its owner {owner.name or owner.text}"
        return replace(target, country=owner.country, rule=f"{target.rule}; {why}")

    draft.targets = [owned(t) for t in draft.targets]
    if moved:
        draft.trace.add("record.owner-country", ", ".join(moved))


def _owner(draft: Draft, head: Token) -> Actor | None:
    """The one actor that owns the words: the head's possessor, or its "of" object's."""
    root = head
    for _ in range(OF_DEPTH):
        poss = child(head, {"poss"})
        if poss is not None:
            mention = draft.actors.at(poss)
            actors = [a for a in mention.actors if a.kind in OWNER_KINDS] if mention else []
            if mention is None and poss.lower_ in PERSON_POSSESSIVES:
                actors = _joined_person(draft, root)
            countries = {a.country for a in actors}
            return actors[0] if len(actors) >= 1 and len(countries) == 1 else None
        inner = of_objects(head)
        if not inner:
            return None
        head = inner[0]
    return None


def _joined_person(draft: Draft, root: Token) -> list[Actor]:
    """ "sanctions on X and members of his family": a "his" or "her" no rule resolved, in words
    joined to one named person, is that person's."""
    if root.dep_ != "conj":
        return []
    mention = draft.actors.at(root.head)
    if mention is None or len(mention.actors) != 1 or mention.actors[0].kind != "person":
        return []
    return list(mention.actors)
