"""Acts a call, a demand or an appeal asks for, found reading VOA stories: 'will add to calls
in Congress to impose sanctions', 'sparked calls for Chile to expel the envoy'. The parse
hangs the infinitive on the verb as often as on the noun, and then the act reads as done by
the verb's subject. clause_suppression.py runs CALLED_ACT_SUPPRESSIONS with its other
reasons to drop a clause."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.generic import to_infinitive
from gestae.engine.rules import rule
from gestae.engine.syntax import pobjs
from gestae.resources.word_classes import words

REQUEST_NOUNS = words("request_content_nouns")
# Links from the clause's head to a request noun it holds: "joined calls", "added to calls".
HELD_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr"})


def _held_nouns(clause: Token) -> list[Token]:
    """The nouns the infinitive may complete: its head, the head's objects, the objects of
    the head's prepositions."""
    head = clause.head
    found = [head]
    for c in head.children:
        if c.dep_ in HELD_DEPS:
            found.append(c)
        elif c.dep_ == "prep":
            found.extend(pobjs(c))
    return found


@rule("suppress.request-noun-content")
def request_noun_content(clause: Token) -> bool:
    """'the vote will add to calls in Congress to impose sanctions', 'the killing sparked
    calls for Chile to expel the envoy', 'rejected demands to free the pilots': an
    infinitive right after a noun of request is what is asked for, not an act done, wherever
    the parse hangs it. An act told in its own clause ("heeding calls from Peru, Chile freed
    the prisoners") stays.

    Example: The killing sparked calls for Chile to expel the envoy.
    """
    if clause.head.i == clause.i or not to_infinitive(clause):
        return False
    start = clause.left_edge.i
    for noun in _held_nouns(clause):
        if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in REQUEST_NOUNS:
            continue
        if noun.i >= start:
            continue
        between = range(noun.i + 1, start)
        inside = {t.i for t in noun.subtree}
        # "a call for a blockade to protest the move": the infinitive is the blockade's aim
        aimed = any(noun.doc[i].lower_ == "for" for i in between)
        if all(i in inside for i in between) and not aimed:
            return True
    return False


CALLED_ACT_SUPPRESSIONS = [request_noun_content]
