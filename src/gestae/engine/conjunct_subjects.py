"""Parse repair: "Poland condemned the verdict and the European Union demanded his release",
where the small model joins "the European Union" to "the verdict" as a second object and
leaves "demanded" a verb with no subject of its own.

A finite verb cannot follow a noun phrase with nothing between them and not be that phrase's
verb: the phrase right in front of a subjectless conjoined verb, joined as the last conjunct of
the first verb's object, is the second clause's subject. The repair hangs it (and the "and"
before it) on the second verb, so the first verb keeps only its own object and the second verb
its own doer instead of the first one's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, rule
from gestae.engine.syntax import ANY_SUBJECT_DEPS, FINITE_TAGS

MENDED = "gestae_conjunct_subject"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)
# Where the first conjunct of the misread noun phrase stands under the first verb.
OBJECT_DEPS = frozenset({"dobj", "pobj", "attr", "dative"})


def _misread_subject(verb: Token) -> Token | None:
    """The noun joined to the first verb's object whose phrase ends right before `verb`."""
    first = verb.head
    if first.pos_ not in ("VERB", "AUX") or first.i >= verb.i or verb.i == 0:
        return None
    for noun in verb.doc[first.i + 1 : verb.i]:
        if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if noun.right_edge.i != verb.i - 1:
            continue
        root = noun
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        if root.dep_ not in OBJECT_DEPS or _nearest_verb(root) != first.i:
            continue
        return noun
    return None


def _nearest_verb(token: Token) -> int:
    """The index of the first verb above a token, or -1."""
    for up in token.ancestors:
        if up.pos_ in ("VERB", "AUX"):
            return up.i
    return -1


def _joined(verb: Token) -> bool:
    """A verb hung on the first as a conjunct, or as an adverbial clause with no word that
    opens one ("when", "after"): a finite clause needs one to be adverbial."""
    if verb.dep_ == "conj":
        return True
    return verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children)


@rule("parse.object-conjunct-subject")
def mend_conjunct_subjects(doc: Doc) -> None:
    """'France condemned the raid and Spain demanded an inquiry': a noun the model joined to
    the first verb's object, right in front of a conjoined finite verb with no subject, is
    that verb's subject; the first verb keeps its own object. A verb whose past form is its
    base form ('cut', 'put') may be a participle and is left as it is.

    Example: Chile condemned the verdict and the Organization of American States demanded an inquiry.
    """
    for verb in doc:
        if (
            not _joined(verb)
            or verb.pos_ != "VERB"
            or verb.tag_ not in FINITE_TAGS
            or (verb.tag_ == "VBD" and verb.lower_ == verb.lemma_.lower())
            or any(c.dep_ in ANY_SUBJECT_DEPS for c in verb.children)
        ):
            continue
        noun = _misread_subject(verb)
        if noun is None:
            continue
        joiner = noun.head
        start = noun.left_edge.i
        after = max(
            [joiner.i]
            + [c.right_edge.i for c in joiner.children if c.dep_ == "conj" and c.i < noun.i]
        )
        for cc in [c for c in joiner.children if c.dep_ in ("cc", "punct")]:
            if after < cc.i < start:
                cc.head = verb
        noun.head, noun.dep_ = verb, "nsubj"
        verb._.set(MENDED, True)


def trace_conjunct_subject(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its verb's subject was mended from an object conjunct."""
    if token._.get(MENDED):
        trace.add("parse.object-conjunct-subject", f"'{token.text}' has a subject of its own")
