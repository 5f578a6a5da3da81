"""Parse repairs: a violent verb the small model tagged as a noun in front of its own clause,
and a verb of presence read as a noun when the sentence has no other verb.

"Gunmen shot and injured a doctor" often comes out with "shot" a noun, the head of the
phrase "gunmen shot", and "injured" its conjunct; "police shot at a car" with "shot" a noun
that has "police" as its subject. The verb then matches no trigger. The words around it say
which reading is right: a subject before it, then "and" with a finite verb or "at" after it,
is a verb's clause, not a noun phrase ("a shot rang out", "fired shots", "a shot at goal"
have neither). The repair retags the word as the verb of its clause before any rule reads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from gestae.engine.aux_nouns import trace_aux_noun
from gestae.engine.closed_relatives import trace_closed_relative
from gestae.engine.conjunct_subjects import trace_conjunct_subject
from gestae.engine.fronted_subjects import trace_fronted_subject
from gestae.engine.headline_passives import trace_headline_passive
from gestae.engine.headline_verbs import trace_headline_verb
from gestae.engine.headlines import trace_headline_pair
from gestae.engine.modifier_verbs import trace_modifier_verb
from gestae.engine.persona_grata import trace_persona_grata
from gestae.engine.progressive import trace_progressive
from gestae.engine.rules import Trace, rule
from gestae.engine.said_conjuncts import trace_said_conjunct
from gestae.resources.word_classes import words

if TYPE_CHECKING:  # the prefilter imports the event rules, which read this module
    from gestae.engine.prefilter import LemmaGuesser

# Verbs whose past or present forms the model reads as nouns ('shot', 'hit', 'shoots').
SLIP_VERBS = words("noun_slip_verbs")
# A conjoined verb must tell the harm done ('shot and killed'), not another act ('shot and
# edited the film').
HARM_VERBS = words("impact_verbs")
NOUN_TAGS = frozenset({"NOUN", "PROPN", "ADJ"})
# What the slipped word's phrase may hang on and stay the clause it heads.
CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl"})
# Words of a noun phrase: between the subject and the word they make it a noun after all.
NOUN_PHRASE_DEPS = frozenset({"det", "poss", "compound", "amod", "nummod"})
MENDED = "gestae_noun_slip"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default="")  # the id of the rule that mended the word


def _subject(word: Token) -> Token | None:
    """The subject in front of the word: its own nsubj, or the noun just before it that the
    model hung on it as a compound ('a Jewish settler shot')."""
    for child in word.lefts:
        if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child
    before = word.doc[word.i - 1] if word.i > 0 else None
    if (
        before is not None
        and before.head.i == word.i
        and before.dep_ in ("compound", "amod")
        and before.pos_ in ("NOUN", "PROPN")
    ):
        return before
    return None


def _follower(word: Token) -> Token | None:
    """What makes the word a verb: 'and' and a finite verb, or 'at' and its target."""
    doc = word.doc
    if word.i + 2 >= len(doc):
        return None
    nxt, after = doc[word.i + 1], doc[word.i + 2]
    if nxt.lower_ == "and" and after.pos_ == "VERB" and after.tag_ in ("VBD", "VBZ"):
        harm = after.dep_ == "conj" and after.lemma_.lower() in HARM_VERBS
        return after if harm else None
    if nxt.lower_ == "at" and nxt.head.i == word.i:
        return nxt
    return None


def _clause_head(word: Token) -> Token | None:
    """Where the mended verb hangs: its own place, or the place of a date it was read as an
    apposition of ('Last May, an assailant shot and wounded ...')."""
    if word.dep_ in CLAUSE_DEPS:
        return word
    head = word.head
    if word.dep_ == "appos" and head.dep_ == "ROOT" and head.ent_type_ == "DATE":
        return head
    return None


def _lemma(word: Token, guess: LemmaGuesser) -> str | None:
    found = sorted(SLIP_VERBS & guess.guess(word.lower_))
    return found[0] if found else None


@rule("parse.noun-slip-verb")
def mend_noun_slips(doc: Doc, guess: LemmaGuesser) -> None:
    """'Gunmen shot and injured a doctor', 'police shot at a car': a listed violent verb
    the model tagged as a noun, with a subject before it and a conjoined finite verb or 'at'
    after it, is the verb of the clause; the repair retags it and gives it its subject.

    Example: Unidentified gunmen shot and injured a village chief in Pattani.
    """
    for word in doc:
        # The cheap look at the next words first: most nouns are followed by neither.
        if word.pos_ not in NOUN_TAGS or (follower := _follower(word)) is None:
            continue
        lemma = _lemma(word, guess)
        if lemma is None:
            continue
        subject, place = _subject(word), _clause_head(word)
        if subject is None or place is None:
            continue
        if subject.lemma_.lower() in SLIP_VERBS:
            continue  # 'militants detonate bombs at': the slipped verb is the word before
        if any(c.dep_ in NOUN_PHRASE_DEPS and c.i > subject.i for c in word.lefts):
            continue  # 'the rebels' shot', 'terrorists from X-Y shot': a noun phrase after all
        _mend(word, lemma, subject, follower, place)


# Verbs of presence read as nouns when the sentence has no other verb ("soldiers patrol").
BARE_PRESENT_VERBS = words("bare_present_verbs")
# Tags of a verb that can head the sentence: with one of them the noun reading may be right
# ("an army patrol chanced upon the rebels").
CLAUSE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN", "MD"})


# Nouns for a force that take a plural verb though tagged singular ("police patrol").
PLURAL_BODIES = frozenset({"police"})


def _people(noun: Token) -> bool:
    """A plural noun for people or craft: 'ships', 'militiamen', 'Policemen', 'police'."""
    lower = noun.lower_
    plural = noun.tag_ in ("NNS", "NNPS") or lower.endswith("men") or lower in PLURAL_BODIES
    return noun.pos_ in ("NOUN", "PROPN") and plural


def _plural_subject(word: Token) -> Token | None:
    """The plural noun just before the word that the model hung on it: 'peacekeepers patrol',
    'policemen patrol', 'hundreds of soldiers patrol', 'the Park Police patrol'; or the plural
    subject the model already gave it, further back ('warships from X and Y patrol')."""
    before = word.doc[word.i - 1] if word.i > 0 else None
    if before is None or before.pos_ not in ("NOUN", "PROPN") or before.head.i != word.i:
        if before is not None and before.dep_ == "pobj" and before.head.head.head.i == word.i:
            before = before.head.head  # "hundreds of soldiers": the count heads the phrase
        else:
            own = next((c for c in word.lefts if c.dep_ == "nsubj"), None)
            # "warships from Denmark, India and NATO patrol": the subject is already its own
            return own if own is not None and _people(own) else None
    plural = _people(before) or before.lower_ != before.lemma_.lower()
    return before if plural and before.dep_ in ("compound", "nsubj") else None


@rule("parse.bare-present-verb")
def mend_bare_presents(doc: Doc) -> None:
    """'Hundreds of Israeli soldiers patrol', 'policemen patrol in coastal areas': a listed
    verb of presence (word class bare_present_verbs) that the model read as a noun heading the
    sentence, right after a plural noun ('policemen', 'the Park Police'), or with a plural
    subject of its own, is the verb when no other word of the sentence is a finite verb; the
    repair retags it and gives it that subject.

    Example: Thousands of Kenyan peacekeepers patrol in the border areas near Mandera.
    """
    for word in doc:
        if (
            word.pos_ != "NOUN"
            or word.dep_ != "ROOT"
            or word.lemma_.lower() not in BARE_PRESENT_VERBS
        ):
            continue
        if any(t.tag_ in CLAUSE_VERB_TAGS for t in word.sent):
            continue
        subject = _plural_subject(word)
        if subject is None:
            continue
        for c in [c for c in word.lefts if c.i < subject.i and c.head.i == word.i]:
            c.head = subject
        subject.head, subject.dep_ = word, "nsubj"
        word.pos_, word.tag_ = "VERB", "VBP"
        word._.set(MENDED, "parse.bare-present-verb")


@rule("parse.finite-conjunct")
def mend_finite_conjuncts(doc: Doc) -> None:
    """'Minsk vowed to retaliate and expelled two diplomats': a past or present-tense verb the
    model joined to an infinitive cannot share its "to"; it is joined to the verb that governs
    the infinitive, and tells an act of its own. A verb whose past form is its base form ('cut',
    'hit', 'put') may be an infinitive and is left where it is.

    Example: Minsk vowed to retaliate and expelled two Polish diplomats.
    """
    for word in doc:
        infinitive = word.head
        if (
            word.dep_ != "conj"
            or word.tag_ not in ("VBD", "VBZ")
            or word.lower_ == word.lemma_.lower()
            or infinitive.tag_ != "VB"
            or infinitive.dep_ != "xcomp"
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children)
        ):
            continue
        governor = infinitive.head
        for cc in (c for c in infinitive.children if c.dep_ == "cc" and c.i < word.i):
            cc.head = governor
        word.head = governor
        word._.set(MENDED, "parse.finite-conjunct")


def _mend(word: Token, lemma: str, subject: Token, follower: Token, place: Token) -> None:
    if place.i != word.i:  # a date's apposition: the verb takes the date's place
        moved = [c for c in place.children if c.i > word.i]
        word.head, word.dep_ = word, "ROOT"
        place.head, place.dep_ = word, "npadvmod"
        for c in moved:
            c.head = word
    for c in [c for c in word.lefts if c.i < subject.i]:
        c.head = subject
    subject.head, subject.dep_ = word, "nsubj"
    if follower.head.i != word.i:
        cc = word.doc[follower.i - 1]
        cc.head, cc.dep_ = word, "cc"
        follower.head = word
    _retag(word, lemma, "parse.noun-slip-verb")


def _retag(word: Token, lemma: str, rule_id: str) -> None:
    word.pos_ = "VERB"
    word.tag_ = "VBZ" if word.lower_.endswith("s") and word.lower_ != lemma else "VBD"
    word.lemma_ = lemma
    word._.set(MENDED, rule_id)


def trace_noun_slip(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its verb, or the verb joined to it ('shot and wounded'
    codes on 'wounded'), was mended from a noun."""
    joined = [token.head] if token.dep_ == "conj" else []
    for word in [token, *joined, *(c for c in token.children if c.dep_ == "conj")]:
        if word._.get(MENDED):
            trace.add(word._.get(MENDED), f"'{word.text}' is the verb of its clause")
            return


def trace_parse_repairs(trace: Trace, token: Token) -> None:
    """Tell on an event's trace every parse repair its verb went through."""
    trace_progressive(trace, token)
    trace_aux_noun(trace, token)
    trace_noun_slip(trace, token)
    trace_headline_pair(trace, token)
    trace_headline_verb(trace, token)
    trace_headline_passive(trace, token)
    trace_fronted_subject(trace, token)
    trace_modifier_verb(trace, token)
    trace_persona_grata(trace, token)
    trace_closed_relative(trace, token)
    trace_conjunct_subject(trace, token)
    trace_said_conjunct(trace, token)
