"""Bare "officers" and "the force" in a story about the police are police officers, not
soldiers (`record.police-story-officers`): the agent noun alone reads as the army's, but an
article that has named the police and no army, troops or soldiers means its own police."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.resources.word_classes import words
from gestae.schema import Actor

POLICE_STORY_RULE = "record.police-story-officers"
# The police named in the story ("police", "riot police", "a constable", "the gendarmerie").
POLICE_WORDS = words("police_story_words")
# An army in the story: its officers may be soldiers, so the bare noun keeps its reading.
ARMY_WORDS = words("army_story_words")
# Bare agent nouns the police story reads as its police: "officers", "the force".
BARE_NOUNS = words("police_story_bare_nouns")
# Words that may stand before the bare noun without saying whose it is ("the", "two", "some").
PLAIN_WORDS = frozenset({"DET", "NUM", "PRON"})


@rule(POLICE_STORY_RULE)
def police_story_officers(draft: Draft) -> None:
    """Bare "officers", "two officers", "the force" read as the army's (MIL) are the police
    (COP) when the article up to the act's sentence has named the police and the whole
    article names no army, troops, soldiers or military: "Riot police fired tear gas ...
    Demonstrators threw stones at officers". A modifier ("army officers", "Israeli
    officers") or any soldier in the story leaves them as they are.

    Example: Police fired tear gas at marchers in Lusaka. Officers arrested 20 people.
    """
    if not any(a.sector == "MIL" for a in (*draft.sources, *draft.targets)):
        return
    if not _police_story(draft.sent):
        return
    moved: list[str] = []

    def policed(actor: Actor) -> Actor:
        if actor.sector != "MIL" or not _bare(draft, actor):
            return actor
        moved.append(actor.text)
        return replace(actor, sector="COP", rule=f"{actor.rule}; {POLICE_STORY_RULE}")

    draft.sources = [policed(a) for a in draft.sources]
    draft.targets = [policed(a) for a in draft.targets]
    if moved:
        draft.trace.add(POLICE_STORY_RULE, f"{', '.join(moved)}: the police of a police story")


def _police_story(sent: Span) -> bool:
    """The police named up to the end of the sentence, and no army anywhere in the article."""
    doc = sent.doc
    if any(t.lemma_.lower() in ARMY_WORDS or t.lower_ in ARMY_WORDS for t in doc):
        return False
    return any(t.lemma_.lower() in POLICE_WORDS for t in doc[: sent.end])


def _bare(draft: Draft, actor: Actor) -> bool:
    """The actor's words are a bare agent noun, with only a determiner or a count before it."""
    span = draft.words_of(actor)
    if span is None or span.root.lemma_.lower() not in BARE_NOUNS:
        return False
    if not all(t.i == span.root.i or t.pos_ in PLAIN_WORDS for t in span):
        return False
    # "force" only as "the force": "condemned the use of force" names no police.
    return span.root.lemma_.lower() != "force" or span[0].lower_ == "the"
