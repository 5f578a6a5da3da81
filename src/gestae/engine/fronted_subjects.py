"""Parse repair: a subject the model hung inside the phrase that opens the sentence.

"Along the highway, the army's 4th Division continued its assault" often comes out with
"Division" an apposition of "highway" and the verb with no subject at all: no rule then sees
who acted. The commas say which reading is right: a noun phrase after the last comma of an
opening phrase that runs right up to a finite verb lacking a subject is that verb's subject,
not a second name of the place or day before it. The repair hangs the phrase on the verb as
its subject before any rule reads the parse. A name that opens the sentence and that the
model read as an adverb of the verb ("USAID sent medicine") is mended the same way.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from gestae.engine.lead_words import dateline_end
from gestae.engine.rules import Trace, rule
from gestae.engine.syntax import ANY_SUBJECT_DEPS, FINITE_TAGS
from gestae.resources.actor_dictionary import ActorDictionary

MENDED = "gestae_fronted_subject"
if not Token.has_extension(MENDED):
    # Set on the verb that got its subject back: the id of the repair that gave it.
    Token.set_extension(MENDED, default="")

# How an opening phrase hangs on its verb: "Along the highway,", "Minutes ago,", "After
# capturing the hill,". A complement clause ("..., police said") is no opening phrase.
OPENING_DEPS = frozenset({"prep", "advmod", "npadvmod", "advcl"})
# How the model hangs the stray subject inside the opening phrase.
STRAY_DEPS = frozenset({"appos", "conj", "npadvmod", "dep"})
# A second name of the place or day the opening phrase gives ("in Qalamoun, Rural Damascus,")
# is no subject.
NOT_SUBJECT_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL"})


def _finite(verb: Token) -> bool:
    """'continued', 'has launched': a verb that can take a subject of its own."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ == "aux" and c.lower_ != "to" for c in verb.children)


def _openings(verb: Token) -> Iterator[Token]:
    """The nouns inside the verb's opening phrases that the model hung as appositions or
    conjuncts and that stand right after a comma: where a stray subject may be."""
    doc = verb.doc
    for phrase in verb.lefts:
        if phrase.dep_ not in OPENING_DEPS:
            continue
        for word in phrase.subtree:
            if word.dep_ not in STRAY_DEPS or word.pos_ not in ("NOUN", "PROPN"):
                continue
            start = word.left_edge.i
            if start == 0 or doc[start - 1].text != "," or word.ent_type_ in NOT_SUBJECT_ENTS:
                continue
            yield word


def _stray_subject(verb: Token) -> Token | None:
    """The noun after the last comma of an opening phrase that ends right before the verb."""
    found = [w for w in _openings(verb) if w.right_edge.i == verb.i - 1]
    # Outermost first: "the Division - backed by X, Y and Z -" is the subject, not Y.
    return min(found, key=lambda w: w.left_edge.i, default=None)


# What opens and closes an aside between a subject and its verb: ", alongside Hezbollah,".
ASIDE_MARKS = frozenset({",", "-", "–", "—", "(", ")"})
# The verb's own words that may stand after the aside: "reportedly", "was", "not".
VERB_WORDS = frozenset({"aux", "auxpass", "neg", "advmod"})
LONGEST_ASIDE = 40


def _aside_gap(word: Token, verb: Token) -> bool:
    """Between the noun and the verb only an aside set off by commas, dashes or brackets
    ('..., alongside Hezbollah, reportedly struck'), then the verb's own auxiliaries and
    adverbs: no subject, verb or clause of its own."""
    doc = verb.doc
    end = verb.i
    while end - 1 > word.right_edge.i and doc[end - 1].head.i == verb.i:
        if doc[end - 1].dep_ not in VERB_WORDS:
            break
        end -= 1
    gap = doc[word.right_edge.i + 1 : end]
    if not gap or len(gap) > LONGEST_ASIDE:
        return False
    if gap[0].text not in ASIDE_MARKS or gap[-1].text not in ASIDE_MARKS:
        return False
    return not any(t.dep_ in ANY_SUBJECT_DEPS or t.tag_ in FINITE_TAGS for t in gap)


def _aside_subject(verb: Token) -> Token | None:
    """The noun after a comma of an opening phrase that an aside alone keeps from the verb;
    the one nearest the verb ('In Sadr City, the head of the council, Ali Kadhim, was shot'),
    the outermost of equals ('farmers, hunters and supporters, angry at ..., marched')."""
    found = [w for w in _openings(verb) if _aside_gap(w, verb)]
    return min(found, key=lambda w: (verb.i - w.right_edge.i, w.left_edge.i), default=None)


def _subjectless_roots(doc: Doc) -> Iterator[Token]:
    """The finite verbs heading a sentence with no subject: where a repair may give one."""
    for verb in doc:
        if verb.pos_ != "VERB" or verb.dep_ != "ROOT" or not _finite(verb):
            continue
        if not any(c.dep_ in ANY_SUBJECT_DEPS for c in verb.children):
            yield verb


@rule("parse.fronted-subject")
def mend_fronted_subjects(doc: Doc) -> None:
    """'Along the highway, the 4th Division continued its assault': a noun phrase after the
    last comma of the opening phrase, running up to a finite verb that has no subject, is
    that verb's subject, not an apposition of the place or day; the repair hangs it on the
    verb so the act has its doer.

    Example: Along the coastal highway, the Kenyan army's 5th Brigade launched an assault on the town.
    """
    for verb in _subjectless_roots(doc):
        subject = _stray_subject(verb)
        if subject is None:
            continue
        subject.head, subject.dep_ = verb, "nsubj"
        verb._.set(MENDED, "parse.fronted-subject")


def _passive_subjectless(verb: Token) -> bool:
    """'..., was shot Sunday': a passive root verb with no subject."""
    if verb.pos_ != "VERB" or verb.dep_ != "ROOT" or verb.tag_ != "VBN":
        return False
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return not any(c.dep_ in ANY_SUBJECT_DEPS for c in verb.children)


@rule("parse.fronted-subject-aside")
def mend_aside_subjects(doc: Doc) -> None:
    """'Backed by airstrikes, the army's 5th Legion, alongside Hezbollah, reportedly struck
    the defenses': a noun phrase after a comma of the opening phrase, kept from a verb that
    has no subject only by an aside set off by commas, dashes or brackets, is that verb's
    subject (of a passive verb too: 'In Sadr City, the council head, Ali Kadhim, was shot');
    the repair hangs it on the verb, with the aside's apposition on it.

    Example: Backed by Russian jets, the army's 5th Corps, alongside Hezbollah, reportedly stormed the village of Tal Ahmar.
    """
    roots = list(_subjectless_roots(doc))
    roots += [v for v in doc if _passive_subjectless(v) and v not in roots]
    for verb in roots:
        if _stray_subject(verb) is not None:
            continue  # the adjacent subject is parse.fronted-subject's
        subject = _aside_subject(verb)
        if subject is None:
            continue
        gap = doc[subject.right_edge.i + 1 : verb.i]
        for word in gap:  # the aside's own name for the subject: 'the council head, Ali Kadhim,'
            if word.dep_ == "appos" and word.head.i == subject.head.i:
                word.head = subject
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        subject.head, subject.dep_ = verb, "nsubjpass" if passive else "nsubj"
        verb._.set(MENDED, "parse.fronted-subject-aside")


def trace_fronted_subject(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its verb's subject was taken out of the opening phrase;
    for an event noun, the subject of the light verb it is the object of ('launched an
    offensive'), or the verb that reports it ('as a clash broke out')."""
    event_noun = token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubj")
    verb = token.head if event_noun else token  # 'a clash broke out': the verb reports it
    if verb._.get(MENDED):
        trace.add(verb._.get(MENDED), f"'{verb.text}' has its subject back")


# How the model hangs a name it took for an adverb or a bare noun adverbial ("USAID sent
# medicine": "USAID" an adverb of "sent").
ADVERBIAL_DEPS = frozenset({"advmod", "npadvmod"})
# A name of these kinds is a doer; a date or number before the verb ("Monday", "Last week")
# stays an adverbial.
NAME_ENTS = frozenset({"ORG", "PERSON", "NORP", "GPE"})
# What may stand between the stray subject and its verb: "has", "also", "not".
BETWEEN_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})


def _adverb_subject(verb: Token) -> Token | None:
    """The name opening the sentence that the model hung on its verb as an adverbial."""
    sent_start = verb.sent.start
    for word in verb.lefts:
        if word.dep_ not in ADVERBIAL_DEPS or word.left_edge.i != sent_start:
            continue
        if word.right_edge.i >= verb.i or word.ent_type_ not in NAME_ENTS:
            continue
        between = verb.doc[word.right_edge.i + 1 : verb.i]
        if all(w.head.i == verb.i and w.dep_ in BETWEEN_DEPS for w in between):
            return word
    return None


@rule("parse.adverb-subject")
def mend_adverb_subjects(doc: Doc) -> None:
    """'USAID sent medicine': the small model reads a name opening the sentence as an
    adverb or a bare noun adverbial of the verb, which then has no subject; a named
    organisation, person, people or state so placed, running up to a finite verb lacking a
    subject, is that verb's subject, so the act has its doer.

    Example: USAID sent medicine to Liberia last month.
    """
    for verb in _subjectless_roots(doc):
        subject = _adverb_subject(verb)
        if subject is None:
            continue
        subject.dep_ = "nsubj"
        if subject.pos_ not in ("NOUN", "PROPN"):
            subject.pos_, subject.tag_ = "PROPN", "NNP"
        verb._.set(MENDED, "parse.adverb-subject")


@rule("parse.dateline-subject")
def mend_dateline_subjects(doc: Doc) -> None:
    """'DAMASCUS, SYRIA (AP) -- After seizing the suburb, the army launched an attack': the model
    often takes the dateline's place for the lead verb's subject. A dateline names where the
    story was filed, so its words are re-hung as an adverbial of place; the verb is left with
    no subject, and the subject repairs above may find the real one.

    Example: GAO, Mali (AP) -- After a night of shelling, the rebels stormed the army post.
    """
    end = dateline_end(doc)
    if not end:
        return
    words = [t for t in doc if t.idx < end and not t.is_space]
    for token in words:
        if token.dep_ in ANY_SUBJECT_DEPS and token.head.idx >= end:
            verb = token.head
            token.dep_ = "npadvmod"
            verb._.set(MENDED, "parse.dateline-subject")
            # "SYLHET, Bangladesh -- Student protesters defied": the lead's own subject hung on
            # the dateline word as its conjunct or apposition is the verb's subject.
            hung = [c for c in token.children if c.idx >= end and c.dep_ in ("conj", "appos")]
            if hung and not any(c.dep_ in ANY_SUBJECT_DEPS for c in verb.children):
                hung[0].head, hung[0].dep_ = verb, "nsubj"
    # "NAIROBI, Kenya -- Kenya and Ethiopia signed": the dateline taken for an adverbial of the
    # verb, with the lead's subject hung on its last word as a conjunct; it is the verb's too.
    for token in words:
        hung = [c for c in token.children if c.idx >= end and c.dep_ in ("conj", "appos")]
        lead = _dateline_verb(token, end)
        if hung and lead is not None and not any(c.dep_ in ANY_SUBJECT_DEPS for c in lead.children):
            hung[0].head, hung[0].dep_ = lead, "nsubj"
            lead._.set(MENDED, "parse.dateline-subject")
    # "DHAKA, Bangladesh -- Student protesters ...": a dateline word hung on a phrase after it
    # would join that phrase ("Bangladesh -- Student protesters"); it stays with the dateline.
    first = words[0] if words else None
    for token in words[1:]:
        if token.head.idx >= end and first is not None and token not in first.ancestors:
            token.head, token.dep_ = first, "punct" if token.is_punct else "appos"
    # "PORT SUDAN, Sudan -- Sudan's army said": a place of two words hangs its first on its
    # second, which the parse hangs on the lead's subject; the dateline's top word is unhung.
    top = first
    while top is not None and top.head.i != top.i and top.head.idx < end:
        top = top.head
    if top is not None and top.head.idx >= end and top.dep_ not in ANY_SUBJECT_DEPS:
        _unhang_dateline(top)
    _lead_common_noun(doc, end)


def _lead_common_noun(doc: Doc, end: int) -> None:
    """'LAGOS, Nigeria (AFP) -- Gunmen kidnapped': the lead's first word, capitalised only
    because it opens the lead, is read as a name ("Gunmen" as a place), not as the noun the
    actor dictionaries know for a side (gunmen, militants, police); it is that noun."""
    lead = next((t for t in doc if t.idx >= end and not (t.is_punct or t.is_space)), None)
    if lead is None or lead.pos_ != "PROPN" or not lead.text.istitle():
        return
    dictionary = ActorDictionary.load()
    entry = dictionary.sector_of_noun(lead.lower_)
    if entry is None:
        return
    # "Gunmen", "Tribesmen": the dictionaries list the plural in -men as a noun of its own,
    # but its lemma, which later sentences' doers are matched by ("the gunmen"), is in -man.
    singular = lead.lower_[:-3] + "man" if lead.lower_.endswith("men") else None
    noun = singular if singular and dictionary.sector_of_noun(singular) else entry.noun
    lead.pos_, lead.lemma_ = "NOUN", noun
    lead.tag_ = "NN" if lead.lower_ == noun else "NNS"
    if lead.dep_ in ANY_SUBJECT_DEPS:
        lead.head._.set(MENDED, "parse.dateline-subject")


def _unhang_dateline(first: Token) -> None:
    """'KADUNA, Nigeria (AFP) -- Gunmen abducted': the dateline's first word taken for a
    modifier of the lead's subject would make the whole dateline part of the subject's words;
    it is an adverbial of the subject's verb."""
    noun = first.head
    verb = noun.head
    if noun.dep_ not in ANY_SUBJECT_DEPS or verb.pos_ not in ("VERB", "AUX"):
        return
    first.head, first.dep_ = verb, "npadvmod"
    verb._.set(MENDED, "parse.dateline-subject")


def _dateline_verb(token: Token, end: int) -> Token | None:
    """The verb after the dateline that the dateline's words hang on, if any."""
    top = token
    while top.head != top and top.head.idx < end:
        top = top.head
    verb = top.head
    if verb == top or verb.idx < end or verb.pos_ not in ("VERB", "AUX"):
        return None
    return verb
