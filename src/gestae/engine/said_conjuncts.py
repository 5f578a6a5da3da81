"""Parse repair: "Amnesty said the trial was unfair and demanded his release", where the
small model joins "demanded" to "was", the verb of what was said, instead of to "said".

A verb with no subject of its own shares the subject of the verb it is joined to; joined to
the said clause, "demanded" would be the trial's. When that clause's subject is a thing, not
anyone who could act (no agent noun, name or pronoun), and the joined verb is an act done in
words (word class speaker_act_verbs), the verb is the speaker's second act: the repair joins
it to the verb of saying. Acts of force ("said the flood destroyed homes and killed 12") and
clauses whose subject may act ("said police beat him and demanded money") stay as parsed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, rule
from gestae.engine.syntax import ANY_SUBJECT_DEPS, FINITE_TAGS
from gestae.resources.actor_dictionary import ActorDictionary
from gestae.resources.word_classes import words

MENDED = "gestae_said_conjunct"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)
SPEECH_VERBS = words("speech_verbs")
SPEAKER_ACTS = words("speaker_act_verbs")


def _said_clause(clause: Token) -> Token | None:
    """The verb of saying whose complement the clause is, up through said clauses."""
    while clause.dep_ == "ccomp" and clause.head.i != clause.i:
        if clause.head.lemma_.lower() in SPEECH_VERBS:
            return clause.head
        clause = clause.head
    return None


def _thing_subject(clause: Token) -> bool:
    """The clause's subject is a common noun that names no actor ("the trial", "charges")."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return False
    head = subjects[0]
    if head.pos_ != "NOUN" or head.ent_type_:
        return False
    dictionary = ActorDictionary.load()
    if dictionary.sector_of_noun(head.lemma_.lower()) or dictionary.title(head.lemma_.lower()):
        return False
    return not any(c.pos_ in ("PROPN", "PRON") or c.ent_type_ for c in head.children)


def _joiners(clause: Token, verb: Token) -> list[Token]:
    """The "and" and comma between the said clause's own words and the joined verb."""
    own = [
        t.right_edge.i
        for t in clause.children
        if t.dep_ not in ("cc", "punct", "conj") and t.i < verb.i
    ]
    after = max([clause.i, *own])
    return [c for c in clause.children if c.dep_ in ("cc", "punct") and after < c.i < verb.i]


@rule("parse.said-and-conjunct")
def mend_said_conjuncts(doc: Doc) -> None:
    """'Rights groups said the charges were baseless and urged Hanoi to free him': a verb of
    asking, blaming or promising joined to a said clause about a thing is the speaker's own
    act; it is joined to the verb of saying, in the same tense.

    Example: Amnesty said the verdict was unjust and demanded his release.
    """
    for verb in doc:
        if (
            verb.dep_ != "conj"
            or verb.pos_ != "VERB"
            or verb.tag_ not in FINITE_TAGS
            or verb.lemma_.lower() not in SPEAKER_ACTS
            or any(c.dep_ in ANY_SUBJECT_DEPS for c in verb.children)
        ):
            continue
        clause = verb.head
        said = _said_clause(clause)
        if said is None or said.tag_ != verb.tag_ or not _thing_subject(clause):
            continue
        for c in _joiners(clause, verb):
            c.head = said
        verb.head = said
        verb._.set(MENDED, True)


def trace_said_conjunct(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its verb was joined to the verb of saying."""
    if token._.get(MENDED):
        trace.add("parse.said-and-conjunct", f"'{token.text}' is the speaker's own act")
