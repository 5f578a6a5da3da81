"""Parse repair: a noun the small model tagged as an auxiliary verb.

"Shelling hit a bus in Donetsk, killing eight people" often comes out with "Shelling" an
auxiliary of "hit", so the verb has no subject, and neither the weapon that struck nor the
unknown attacker behind it is seen; "A shell hit a bus" parses and codes fine. The same slip
turns the Islamic State's initials into the verb "is" ("IS launched counter-attacks", "killed
by IS militants"). No auxiliary is spelled like these words: an auxiliary is one of a closed
list of forms ("is", "has", "could", "'ll"), written in lower case inside a sentence. The repair
gives the word back its noun reading, as the subject of the verb it was hung on or as the name
in front of the noun the model made its attribute, before any rule reads the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, rule
from gestae.engine.syntax import ANY_SUBJECT_DEPS

# Every form an English auxiliary takes (lower case): a word tagged AUX outside this list is a
# word the model misread ("Shelling", "Looting").
AUXILIARY_FORMS = frozenset(
    {
        "be", "am", "is", "are", "was", "were", "been", "being", "'s", "’s", "'re", "’re",
        "'m", "’m", "s", "re", "m", "have", "has", "had", "having", "'ve", "’ve", "'d", "’d",
        "ve", "d", "do", "does", "did", "done", "doing", "will", "would", "shall", "should",
        "can", "could", "may", "might", "must", "ought", "need", "needs", "dare", "'ll", "’ll",
        "ll", "wo", "ca", "sha", "get", "gets", "got", "gotten", "getting", "use", "used",
        "let", "to", "wilt",
    }
)  # fmt: skip
# An auxiliary in capitals inside a sentence written in ordinary case is a name ("IS").
NAME_FORMS = frozenset({"IS"})
MENDED = "gestae_aux_noun"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)  # set on the verb or noun the repair touched


def _misread(word: Token) -> bool:
    """A word tagged as an auxiliary that no auxiliary is spelled like."""
    if word.pos_ != "AUX":
        return False
    if word.text in NAME_FORMS:
        return any(t.is_lower for t in word.sent if t.is_alpha and t.i != word.i)
    return word.lower_ not in AUXILIARY_FORMS and word.is_alpha and word.text[:1].isupper()


def _as_subject(word: Token) -> bool:
    """'Shelling hit a bus', 'IS launched attacks': the word stands right before the verb it
    was hung on, which has no subject of its own."""
    verb = word.head
    if verb.i <= word.i or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return False
    if verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.i != word.i for c in verb.children
    ):
        return False  # 'Shelling has hit': the real auxiliary is there
    if any(c.dep_ in ANY_SUBJECT_DEPS for c in verb.children):
        return False
    between = word.doc[word.i + 1 : verb.i]
    return all(w.head.i == verb.i and w.dep_ in ("aux", "advmod", "neg") for w in between)


def _as_name(word: Token) -> Token | None:
    """'killed by IS militants': the noun right after the name, hung on it as its attribute."""
    if word.i + 1 >= len(word.doc):
        return None
    noun = word.doc[word.i + 1]
    if noun.head.i == word.i and noun.dep_ in ("attr", "acomp", "dobj") and noun.pos_ == "NOUN":
        return noun
    return None


@rule("parse.aux-noun")
def mend_aux_nouns(doc: Doc) -> None:
    """'Shelling hit a bus in Donetsk', 'IS launched counter-attacks': a capitalised word the
    model tagged as an auxiliary that is spelled like no auxiliary, or the capitals 'IS' in a
    sentence in ordinary case, is a noun: the subject of the subjectless verb it was hung on,
    or the name in front of the noun the model made its attribute ('by IS militants').

    Example: Shelling hit a minibus in Donetsk on Monday, killing six people.
    """
    for word in doc:
        if not _misread(word):
            continue
        name = word.text in NAME_FORMS
        if _as_subject(word):
            word.dep_ = "nsubj"
            if word.head.tag_ == "VBN":  # 'IS launched' read as a passive: a simple past
                word.head.tag_ = "VBD"
            word.head._.set(MENDED, True)
        elif name and (noun := _as_name(word)) is not None:
            root = word.head.i == word.i
            noun.head, noun.dep_ = (noun if root else word.head), word.dep_
            for child in [c for c in word.children if c.i != noun.i]:
                child.head = noun
            word.head, word.dep_ = noun, "compound"
            verb = next((a for a in noun.ancestors if a.pos_ == "VERB"), None)
            if verb is not None:
                verb._.set(MENDED, True)
        else:
            continue
        word.pos_, word.tag_ = ("PROPN", "NNP") if name else ("NOUN", "NN")
        if not name:
            word.lemma_ = word.lower_


def trace_aux_noun(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its verb got back a subject the model read as a verb; for
    an event noun, the verb it is the object or subject of ('IS launched counter-attacks'),
    and for an outcome participle, the verb it follows ('Shelling hit a bus, killing six')."""
    hosts = [token]
    if token.dep_ in ("dobj", "nsubj", "advcl"):  # 'Shelling hit', 'hit ..., killing six'
        hosts.append(token.head)
    if any(verb._.get(MENDED) for verb in hosts):
        trace.add("parse.aux-noun", f"'{token.text}' has its subject back")
