"""Words of an article that say nothing about who acts or whose story it is: the dateline
("LUSAKA, Zambia --"), which the parse may read as the lead's subjects, and a state named only
as whose envoy or mission it is ("the French ambassador"), which serves abroad."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from gestae.input.dateline import DatelinePlace, read_dateline, read_dateline_place
from gestae.resources.word_classes import words

# Heads whose state serves abroad: envoys and the missions they work from.
ENVOY_HEADS = words("envoy_titles") | words("foreign_missions")
# Tokens enough to hold a dateline (the input layer reads its first 160 characters).
HEAD_TOKENS = 80


def _opening(doc: Doc) -> str:
    """The opening words, where a dateline sits: `Doc.text` joins every token of the article,
    which cost more than the rest of the dateline rules together."""
    return doc[:HEAD_TOKENS].text


def dateline_of(doc: Doc) -> DatelinePlace | None:
    """The place of the story's dateline ("KABUL, May 3 (AP) --"), if it opens with one."""
    return read_dateline_place(_opening(doc))


def dateline_end(doc: Doc) -> int:
    """Rule actor.dateline-no-actor: where the story's dateline ends ("LUSAKA, Zambia --"), 0
    when it has none. The parse often reads a dateline's words as subjects of the lead's verb;
    they name where the story was filed, never who acted (the places stage reads them)."""
    found = dateline_of(doc)
    if found is None:
        return 0
    # A name in capitals or a date makes it a dateline: "Jabhat al-Nusra (an al-Qaeda group) --
    # launched ..." opens with a name, a bracket and a dash, and is the lead's subject.
    if not (found.name.isupper() or read_dateline(_opening(doc)) is not None):
        return 0
    return found.dateline_end


def envoy_not_context(span: Span) -> bool:
    """Rule actor.envoy-not-context: a state named only as whose envoy or mission it is ("the
    French ambassador", "Russia's embassy", "the envoy of Peru") is the state of someone serving
    abroad. It does not make the article that state's story: in "the junta expelled the French
    ambassador" the junta takes no country from it."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif root.dep_ not in ("amod", "compound", "poss", "nmod"):
        return False
    return head.i != root.i and head.lemma_.lower() in ENVOY_HEADS
