"""Parse repair: the Islamic State's "IS" read as the verb "is".

"IS killed and imprisoned members of the tribes" and "IS had killed five men" come out with
"IS" an auxiliary: the act then reads as a passive with no doer, or the doer is a word no actor
rule looks at, since only noun phrases name actors. Written in capitals inside a sentence in
ordinary case, "IS" is the group's name, never the verb; the repair retags it as a name and,
where it was hung on a verb as an auxiliary and that verb has no subject, makes it the subject.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from gestae.engine.rules import Trace, rule

MENDED = "gestae_acronym_slip"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)  # set on the verb that got "IS" as its subject

# Capital forms that are names, not the verbs they spell once lower-cased.
NAME_FORMS = frozenset({"IS"})
AUX_DEPS = frozenset({"aux", "auxpass"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _ordinary_case(sent: Span) -> bool:
    """Most letters of the sentence are lower case: not a headline in capitals."""
    letters = [ch for ch in sent.text if ch.isalpha()]
    return sum(ch.islower() for ch in letters) > len(letters) / 2


@rule("parse.is-acronym")
def mend_is_acronym(doc: Doc) -> None:
    """'IS killed and imprisoned members of the tribes': "IS" in capitals inside a sentence in
    ordinary case is the Islamic State, not the verb "is"; it is retagged as a name, and made
    the subject of the verb it was an auxiliary of when that verb has none.

    Example: According to local sources, IS executed four men in the town of Manbij.
    """
    for word in doc:
        if word.text not in NAME_FORMS or word.pos_ != "AUX" or not _ordinary_case(word.sent):
            continue
        word.pos_, word.tag_ = "PROPN", "NNP"
        verb = word.head
        if word.dep_ not in AUX_DEPS or verb.pos_ != "VERB":
            continue
        before = doc[word.i - 1] if word.i > 0 else None
        if before is not None and before.lower_ == "of" and before.dep_ == "prep":
            _of_name(word, before, verb)  # "fighters of IS attacked"
        elif not any(c.dep_ in SUBJECT_DEPS for c in verb.children if c.i != word.i):
            word.dep_ = "nsubj"
        else:
            continue
        if verb.tag_ == "VBN" and not any(c.dep_ in AUX_DEPS for c in verb.children):
            verb.tag_ = "VBD"  # "IS killed": the past, no longer a passive participle
        verb._.set(MENDED, True)


def _of_name(word: Token, of: Token, verb: Token) -> None:
    """'Fighters of IS attacked': "IS" is the object of "of", and the subject, read as that
    of a passive, is the active verb's."""
    word.head, word.dep_ = of, "pobj"
    for subject in [c for c in verb.children if c.dep_ == "nsubjpass"]:
        subject.dep_ = "nsubj"


def trace_is_acronym(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its verb's subject "IS" was read as a verb."""
    if token._.get(MENDED):
        trace.add("parse.is-acronym", f"'IS' is the subject of '{token.text}'")
