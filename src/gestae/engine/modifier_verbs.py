"""Parse repair: a finite verb the model read as an adjective in front of its own object.

"Russian forces on Friday captured Shali", "the aircraft bombed civilian installations",
"attacked rivals, torched vehicles and targeted government offices" often come out with the
verb an `amod` (or `compound`) of the noun after it, so no trigger is ever looked for on it:
a word in front of a noun is a description ("captured soldiers", "a bombed bridge"). The
words around it say which reading is right, and the repair makes the verb the head of its
clause only when one of them does:
- the word has a subject or auxiliary of its own ("the aircraft bombed", "was captured");
- it is a plain past tense (VBD), never a description;
- the sentence has no verb at its root, only a noun phrase before the word ("Russian forces on
  Friday captured Shali"): the noun phrase is its subject;
- it follows "and"/"or" after a finite verb of its own clause ("torched vehicles and targeted
  offices"), whose conjunct it is;
- it follows "had" or "has" that the model made the main verb of the noun ("had targeted
  fishermen").
A determiner or possessive in front of it ("the captured town", "his raiding party") keeps
the description.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, rule
from gestae.engine.syntax import FINITE_TAGS

MENDED = "gestae_modifier_verb"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)  # set on the verb made head of its clause

MODIFIER_DEPS = frozenset({"amod", "compound"})
PAST_TAGS = frozenset({"VBD", "VBN"})
OWN_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
DESCRIPTION_DEPS = frozenset({"det", "poss", "predet"})
HAVE_FORMS = frozenset({"had", "has", "have"})


def _described(word: Token, noun: Token) -> bool:
    """A determiner or possessive of the noun stands in front of the word: a description."""
    return any(c.dep_ in DESCRIPTION_DEPS and c.i < word.i for c in noun.children)


def _phrase_head(noun: Token) -> Token:
    """The head of the noun phrase a compound word stands in ("leader" of "opposition leader
    Rached Ghannouchi" is under "Ghannouchi")."""
    top = noun
    while top.dep_ == "compound" and top.head.i > top.i:
        top = top.head
    return top


def _apposed_doer(word: Token, top: Token) -> Token | None:
    """'A Kenyan court on Monday jailed opposition politician X': a past-tense word whose
    object phrase the model hung as an apposition of the noun before it, with only a day or
    time between that noun and the word: the noun is the word's subject."""
    doer = top.head
    if word.tag_ not in PAST_TAGS or top.dep_ not in ("appos", "conj") or doer.i >= word.i:
        return None
    if doer.pos_ not in ("NOUN", "PROPN") or doer.ent_type_ in ("DATE", "TIME"):
        return None
    between = word.doc[doer.i + 1 : word.i]
    timed = [t for t in between if t.ent_type_ in ("DATE", "TIME")]
    if not all(t in timed or t.dep_ in ("prep", "punct") for t in between):
        return None
    # A participle ("jailed", VBN) reads as a verb here only with a day before it.
    return doer if word.tag_ == "VBD" or timed else None


def _take_doer_place(word: Token, doer: Token, top: Token) -> None:
    """The word heads the clause where its subject stood; what followed the subject's words
    ("for two years") and the day between them are the word's."""
    if doer.dep_ == "ROOT":
        word.head, word.dep_ = word, "ROOT"
    else:
        word.head, word.dep_ = doer.head, doer.dep_
    for c in [c for c in doer.children if c.i > doer.i and c.i != top.i and c.dep_ == "prep"]:
        c.head = word
    doer.head, doer.dep_ = word, "nsubj"
    top.head, top.dep_ = word, "dobj"
    word._.set(MENDED, True)


@rule("parse.determined-doer")
def determined_doer(word: Token, noun: Token) -> Token | None:
    """'A Swiss bank froze accounts linked to X, officials said': the model hangs the subject,
    with its own determiner, inside the object's phrase (`nmod`) and the verb between them as
    a modifier of the object. A noun with a determiner of its own, right before the word,
    cannot be part of a phrase the word describes ("a bank froze accounts" is no "frozen
    bank accounts"), so it is the word's subject.

    Example: A Swiss bank froze accounts linked to the former Peruvian president, officials said.
    """
    if word.tag_ not in PAST_TAGS:
        return None
    for c in noun.children:
        if c.i != word.i - 1 or c.dep_ not in ("nmod", "compound"):
            continue
        if c.pos_ not in ("NOUN", "PROPN") or c.ent_type_ in ("DATE", "TIME"):
            continue
        if any(d.dep_ == "det" and d.i < c.i for d in c.children):
            return c
    return None


def _finite_before(cc: Token) -> Token | None:
    """The finite verb of the clause before 'and'/'or', with nothing but its object between."""
    for tok in reversed(cc.doc[cc.sent.start : cc.i]):
        if tok.pos_ == "VERB" and tok.tag_ in FINITE_TAGS and tok.dep_ not in MODIFIER_DEPS:
            return tok
        if tok.pos_ in ("VERB", "AUX") or tok.text in (";", ":"):
            return None
    return None


def _fronted_doer(word: Token, noun: Token) -> Token | None:
    """'Kenyan forces midday Friday captured Kismayo': a noun the model hung on the object as
    a compound, with a day or time between it and the word, is the word's subject."""
    for c in noun.children:
        if c.i >= word.i - 1 or c.dep_ not in ("nsubj", "compound"):
            continue
        if c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("DATE", "TIME"):
            between = word.doc[c.i + 1 : word.i]
            if all(t.ent_type_ in ("DATE", "TIME") or t.dep_ == "npadvmod" for t in between):
                return c
    return None


def _stray_have(before: Token | None, word: Token, noun: Token) -> Token | None:
    """'had targeted fishermen' read as 'had' with an object the word describes: the 'had'."""
    if before is None or before.lower_ not in HAVE_FORMS or noun.head.i != before.i:
        return None
    return before if before.dep_ not in ("aux", "auxpass") and word.tag_ == "VBN" else None


# Where a mended verb hangs (None: it is the root), with which label, and the 'had' that
# becomes its auxiliary.
Place = tuple[Token | None, str, Token | None]


def _place(word: Token, noun: Token) -> Place | None:
    """Where the mended verb hangs, or None when nothing says it is a verb."""
    doc, sent = word.doc, word.sent
    before = doc[word.i - 1] if word.i > sent.start else None
    own = any(c.dep_ in OWN_DEPS for c in word.children)
    root = sent.root
    if before is not None and before.lower_ in ("and", "or") and word.tag_ in PAST_TAGS:
        first = _finite_before(before)
        if first is not None:
            return (first.head if first.dep_ == "conj" else first), "conj", None
    have = _stray_have(before, word, noun)
    if have is not None:
        return (None if have.dep_ == "ROOT" else have.head), have.dep_, have
    if noun.dep_ == "ROOT" and (own or word.tag_ == "VBD" or _fronted_doer(word, noun)):
        return None, "ROOT", None
    nominal_root = root.pos_ in ("NOUN", "PROPN") and root.i < word.i
    # "Thousands of displaced people": after a preposition or a count it describes.
    after_phrase = before is not None and before.pos_ in ("NOUN", "PROPN", "PUNCT")
    if nominal_root and after_phrase and word.tag_ in PAST_TAGS and not own:
        return None, "ROOT", None
    return None


def _mend(word: Token, noun: Token, head: Token | None, dep: str, have: Token | None) -> None:
    old_root = word.sent.root
    if head is None:
        word.head, word.dep_ = word, "ROOT"
    else:
        word.head, word.dep_ = head, dep
    passive = any(c.dep_ in PASSIVE_DEPS for c in word.children)
    noun.head, noun.dep_ = word, ("npadvmod" if passive else "dobj")
    if have is not None:  # "had targeted fishermen": 'had' is the auxiliary
        for c in [c for c in have.children if c.i != noun.i]:
            c.head = word
        have.head, have.dep_ = word, "aux"
    elif dep == "ROOT" and old_root.i not in (word.i, noun.i):
        old_root.head, old_root.dep_ = word, "nsubj"  # "Russian forces on Friday captured"
    doer = _fronted_doer(word, noun)
    for c in [c for c in noun.children if c.i < word.i and c.dep_ in ("nsubj", "npadvmod")]:
        c.head = word
    if doer is not None:
        doer.head, doer.dep_ = word, "nsubj"
    word._.set(MENDED, True)


@rule("parse.modifier-verb")
def mend_modifier_verbs(doc: Doc) -> None:
    """'Russian forces on Friday captured Shali', 'torched vehicles and targeted offices': a
    verb the model hung as a modifier of the noun after it heads its clause, with that noun
    as its object, when its own subject or auxiliary, its past tense, a sentence with only a
    noun phrase before it, a conjoined finite verb or a stray 'had' says so.

    Example: Kenyan forces midday Friday captured Kismayo, the former stronghold of the militants.
    """
    for word in doc:
        if word.pos_ != "VERB" or word.dep_ not in MODIFIER_DEPS:
            continue
        noun = word.head
        if noun.i <= word.i or noun.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        if _described(word, noun):
            continue
        top = _phrase_head(noun)
        if top is not noun and any(c.dep_ in OWN_DEPS for c in word.children):
            # "A court on Wednesday sentenced opposition leader X to ...": the verb hung on a
            # compound of the name after it, under a clause of its own; the verb takes the
            # name's place there, with the whole name as its object.
            _mend(word, top, None if top.dep_ == "ROOT" else top.head, top.dep_, None)
            continue
        doer = _apposed_doer(word, top)
        if doer is not None:
            _take_doer_place(word, doer, top)
            continue
        doer = determined_doer(word, noun)
        if doer is not None:
            _take_object_place(word, noun, doer)
            continue
        place = _place(word, noun)
        if place is None:
            continue
        _mend(word, noun, *place)


def _take_object_place(word: Token, noun: Token, doer: Token) -> None:
    """The word heads the clause its object stood for, its subject and object under it."""
    if noun.dep_ == "ROOT":
        word.head, word.dep_ = word, "ROOT"
    else:
        word.head, word.dep_ = noun.head, noun.dep_
    noun.head, noun.dep_ = word, "dobj"
    doer.head, doer.dep_ = word, "nsubj"
    word._.set(MENDED, "parse.determined-doer")


def trace_modifier_verb(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its verb was read as a modifier and mended."""
    mended = token._.get(MENDED)
    if mended:
        rule_id = mended if isinstance(mended, str) else "parse.modifier-verb"
        trace.add(rule_id, f"'{token.text}' heads its clause")
