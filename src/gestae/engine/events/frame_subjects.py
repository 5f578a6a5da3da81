"""Who a frame's subject and object constraints read: the subject a verb acts through
(its own, a shared one, the noun a participle hangs on), what a pronoun subject points back to,
a crowd counted by a quantity noun, and whether a word is an actor or an armed one. Split from
matching.py, whose Grammar asks these questions of every candidate frame."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import DocActors
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, of_objects
from gestae.resources.word_classes import words

# Sectors of the actors a "@armed_actor" subject accepts: armed forces, rebels, unidentified
# gunmen and police.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP"})
# Nouns that count people or things ("hundreds of", "a group of"): word_classes.yaml.
QUANTITY_NOUNS = words("quantity_nouns")
NOT_CROWDS = words("parade_marchers") | words("sports_words")


def acting_subjects(verb: Token) -> list[Token]:
    """Who does the verb: its subject, or the one it shares ("gunmen stormed the hotel and
    opened fire", "students tried to march"), or the noun a relative clause or participle
    hangs on ("protesters who marched", "protesters marching")."""
    found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if found and not (verb.dep_ == "relcl" and found[0].lower_ in ("who", "that", "which")):
        return found
    if verb.dep_ in ("relcl", "acl"):
        return [verb.head]  # "protesters marching through the capital"
    if verb.dep_ in ("conj", "xcomp", "advcl"):
        return [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    return []


def antecedents(subjects: list[Token], actors: DocActors | None) -> list[Token]:
    """The words a pronoun subject points back to in its sentence ("the union said it would
    strike": "union"), so that a subject frame reads who acts, not "it"."""
    found: list[Token] = []
    for subject in subjects:
        mention = actors.at(subject) if actors is not None else None
        if subject.pos_ != "PRON" or mention is None or not mention.reference:
            continue
        for actor in mention.actors:
            span = subject.doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is not None and span.root.i != subject.i:
                found.append(span.root)
    return found


@rule("trigger.clause-not-complement")
def subordinate_clause(clause: Token) -> bool:
    """A clause opened by a conjunction of its own ('while others found it distasteful',
    'because talks failed') is no complement of the verb before it: 'they agree with the
    removal while others found it distasteful' agrees to do nothing. An infinitive ('for
    Kenya to send') stays one.

    Example: Some Kenyans agree with the ruling while others found it unfair.
    """
    return (
        clause.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ != "for" for c in clause.children)
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    )


@rule("trigger.titled-complement")
def titled_complement(verb: Token, complement: Token) -> bool:
    """A capitalised word after a lower-case frame verb is a name, not the act it asks for:
    'told NBC's "Meet the Press"' asks no one to meet. A headline written in title case
    capitalises the frame verb too, and keeps its complement.

    Example: The minister told ABC's "Meet the Voters" show that the duties will stay.
    """
    if not complement.is_title or verb.is_title:
        return False
    # The first word of a sentence or of a quote after a colon is capitalised anyway
    # ("  Outraged by the killing, ...", 'said: "Let me be clear"').
    before = [w for w in complement.doc[complement.sent.start : complement.i] if not w.is_space]
    while before and before[-1].is_quote:
        before.pop()
    return bool(before) and before[-1].text not in (":", ".", "?", "!")


@rule("trigger.counted-subject")
def counted_subject(subject: Token, actors: DocActors | None) -> list[Token]:
    """The words a frame's subject list is matched against: the subject, a compound in front
    of it and what it holds ("thousands of students"). A count of an armed force ("hundreds of
    soldiers"), of athletes or of people who parade ("thousands of runners", "dozens of
    cadets") is matched by what it holds only: a count is a crowd only when the people counted
    may be one.

    Example: Hundreds of soldiers marched through the capital on Monday.
    """
    held = of_objects(subject)
    words = [*(c for c in subject.lefts if c.dep_ == "compound"), *held]
    counted = subject.lemma_.lower() in QUANTITY_NOUNS or subject.lower_ in QUANTITY_NOUNS
    if counted and any(_not_crowd(h, actors) for h in held):
        return words
    return [subject, *words]


@rule("trigger.bare-count")
def bare_count(token: Token) -> bool:
    """A bare number in figures as the subject counts people ("About 500 marched", "some
    2,000 rallied"), as "thousands" does: a "@count" subject frame accepts it. Not a number
    of something named ("two of the leaders") nor a word ("one by one, they marched").

    Example: About 500 marched through Nairobi on Friday.
    """
    if token.pos_ != "NUM" or token.dep_ not in SUBJECT_DEPS:
        return False
    counts_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    return not counts_of and any(ch.isdigit() for ch in token.text)


def _not_crowd(token: Token, actors: DocActors | None) -> bool:
    """An armed force, athletes or people who parade: never a crowd that protests."""
    forms = {token.lemma_.lower(), token.lower_}
    forms |= {f[:-1] for f in forms if f.endswith("s")}
    return bool(forms & NOT_CROWDS) or is_armed_actor(token, actors)


def is_actor(token: Token, actors: DocActors | None) -> bool:
    """The dictionaries resolved this word to an actor (the press does not count)."""
    mention = actors.at(token) if actors is not None else None
    return mention is not None and bool(mention.actors) and not mention.media


def is_armed_actor(token: Token, actors: DocActors | None) -> bool:
    """The dictionaries resolved this word to an armed force ("the SAA", "Hezbollah", "riot
    police"), whose moving into a place is a military act, not a trip."""
    mention = actors.at(token) if actors is not None else None
    return mention is not None and any(a.sector in ARMED_SECTORS for a in mention.actors)


# Verbs whose bare infinitive after the one helped is parsed with that one as its subject
# ("help Pakistan build a port"): word class helping_verbs.
HELPING_VERBS = words("helping_verbs")


def helped_subject(token: Token, actors: DocActors | None) -> Token | None:
    """'help Pakistan build a port': the one helped, which the parse makes the subject of the
    infinitive after the verb when the verb has no object of its own; only an actor of known
    country ("helped farmers plant crops" names no party)."""
    if token.lemma_.lower() not in HELPING_VERBS or token.pos_ != "VERB" or actors is None:
        return None
    if any(c.dep_ in ("dobj", "obj", "dative") for c in token.children):
        return None
    for comp in token.children:
        if comp.dep_ not in ("ccomp", "xcomp") or comp.pos_ != "VERB" or comp.i < token.i:
            continue
        subject = next((c for c in comp.children if c.dep_ == "nsubj"), None)
        mention = actors.at(subject) if subject is not None and subject.i < comp.i else None
        if mention is not None and mention.actors and all(a.country for a in mention.actors):
            return subject
    return None


def helped_act(token: Token) -> bool:
    """'helped Syrian troops recapture Palmyra': the act the help is for, told with the one
    helped as its own subject, is done by that one, no mere content of the help."""
    head = token.head
    if head.i == token.i or head.lemma_.lower() not in HELPING_VERBS:
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return subject is not None and head.i < subject.i < token.i
