"""Places told in another clause than the event's own: the clause that says what happened just
before ("killed after gunmen stormed a bar in X"), the phrases and sites inside a time clause
("shot as he left a Gaza City mosque", "as he drove to work in X").

Each link is one direction between two clauses of one incident; a reported clause ("said in
Paris that ...") is none of them, and a clause set apart in time ("two years after a bomb hit
X") tells another incident.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import SCENE_MARKS, SITE_NOUNS
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import arguments, own_place, participles_on, phrase_places
from gestae.engine.rules import rule

# Nouns of a span of time: "two years after a bomb hit X" sets the clause apart from the event.
TIME_SPANS = frozenset(
    {"day", "hour", "minute", "month", "week", "year", "decade", "moment", "night"}
)
# Marks of a finite clause telling what happened just before the event, on the spot.
_BEFORE_MARKS = frozenset({"after", "once"})


def _marked(clause: Token, words: AbstractSet[str]) -> bool:
    """The clause opens with one of `words` ("after", "as", "when")."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in words for c in clause.children)


def _set_apart(clause: Token) -> bool:
    """ "two years after ...", "months after ...": the clause tells an earlier incident."""
    for mark in clause.children:
        if mark.dep_ not in ("mark", "advmod"):
            continue
        words = [t for w in mark.children for t in w.subtree]
        words.extend(t for t in clause.children if t.dep_ == "npadvmod" and t.i < mark.i)
        if any(t.lemma_.lower() in TIME_SPANS for t in words):
            return True
    return False


def _finite(clause: Token) -> bool:
    """A clause with its own subject: "after gunmen stormed a bar", not "after storming"."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


@rule("place.before-clause")
def before_clause(trigger: Token, resolver: Resolver) -> Match | None:
    """A finite "after" clause on the trigger tells what happened just before, on the spot:
    "was killed after gunmen stormed a bar in X", "was captured after his plane came down over
    X". Not when a span of time sets it apart ("two years after a bomb hit X").

    Example: A Kenyan trader was killed after gunmen stormed a bar in Mombasa.
    """
    matches: list[Match] = []
    for clause in trigger.children:
        if clause.dep_ != "advcl" or not _finite(clause) or _set_apart(clause):
            continue
        if _marked(clause, _BEFORE_MARKS):
            found = own_place(clause, resolver)
            if found is not None:
                matches.append(found)
    return resolver.best(matches)


def _scene_sites(clause: Token, resolver: Resolver) -> list[Match]:
    """Towns named on the buildings a time clause's verb acts on or moves through: "as he left
    a Gaza City mosque", "as he walked off a Dublin football ground"."""
    nouns = [c for c in clause.children if c.dep_ == "dobj"]
    nouns.extend(
        p
        for prep in clause.children
        if prep.dep_ == "prep"
        for p in prep.children
        if p.dep_ == "pobj"
    )
    matches: list[Match] = []
    for noun in nouns:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SITE_NOUNS:
            continue
        for child in noun.children:
            if child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN":
                if child.ent_type_ in ("ORG", "NORP", "PERSON"):
                    continue
                found = resolver.acted_on(child)
                if (
                    found is not None
                    and found.entry
                    and found.entry.precision
                    in (
                        "town",
                        "admin1",
                        "admin2",
                    )
                ):
                    matches.append(found)
    return matches


# Prepositions of a time clause whose object's own phrase still sets the scene: "as he drove
# to work in X", "as they sat at dinner in their home in X".
_SCENE_THROUGH = frozenset({"at", "in", "on", "to", "during", "inside", "outside", "near"})


def _scene_clauses(verb: Token) -> list[Token]:
    """The time clauses of a verb ("as", "when", "while", "after") that tell the same incident:
    not one a span of time sets apart."""
    marks = {*SCENE_MARKS, *_BEFORE_MARKS}
    return [
        c for c in verb.children if c.dep_ == "advcl" and _marked(c, marks) and not _set_apart(c)
    ]


def _inner_places(
    clause: Token, resolver: Resolver, through: AbstractSet[str] = _SCENE_THROUGH
) -> list[Match]:
    """The places inside a clause's phrases and the towns on its sites."""
    matches = _scene_sites(clause, resolver)
    for prep in clause.children:
        if prep.dep_ == "prep" and prep.lower_ in through:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                    matches.extend(phrase_places(pobj, resolver))
    return matches


@rule("place.scene-nested")
def scene_nested(trigger: Token, resolver: Resolver) -> Match | None:
    """A place inside the phrases of a time clause on the trigger, or a town on the site it
    names, sets the scene too: "was shot as he was driving to work in X", "as they sat down to
    a meal in their X home", "as he left a Gaza City mosque".

    Example: A judge was shot as he was driving to work in Pattani on Monday.
    """
    return resolver.best(
        [m for clause in _scene_clauses(trigger) for m in _inner_places(clause, resolver)]
    )


# Prepositions whose object a participle may describe: "a bomb among Israelis waiting outside
# a nightclub in X", "shot in a hostel adjoining the church in X".
_AMONG_PREPS = frozenset({"among", "at", "in", "inside", "near", "on", "outside"})
# A participle's "to" names where it goes ("trucks carrying fuel to the troops in X"), not
# where it was.
_PARTICIPLE_THROUGH = _SCENE_THROUGH - {"to"}


def _participle_clauses(trigger: Token) -> list[Token]:
    """Participles on the event's own nouns and on the objects of their and its locative
    phrases ("a vest among worshippers waiting ...")."""
    nouns = list(arguments(trigger))
    for word in (trigger, *nouns):
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ in _AMONG_PREPS:
                nouns.extend(c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN")
    return participles_on(nouns)


@rule("place.participle-nested")
def participle_nested(trigger: Token, resolver: Resolver) -> Match | None:
    """A participle on the event's participant or site that names where it was, one phrase
    down: "killed 13 civilians travelling on a bus in X", "detonated a bomb among people
    waiting outside a nightclub in X". Participles of origin ("born in") say nothing of it.

    Example: Gunmen killed six passengers travelling on a bus in Mandera on Sunday.
    """
    matches: list[Match] = []
    for clause in _participle_clauses(trigger):
        found = own_place(clause, resolver)
        inner = _inner_places(clause, resolver, _PARTICIPLE_THROUGH)
        matches.extend([found] if found is not None else inner)
    return resolver.best(matches)


# Verbs of breaking up a crowd: force used "to disperse protesters in X" was used there.
DISPERSAL_VERBS = frozenset({"disperse", "scatter", "break", "clear", "quell", "repel"})


@rule("place.dispersed-crowd")
def dispersed_crowd(trigger: Token, resolver: Resolver) -> Match | None:
    """Force used to break up a crowd was used where the crowd was: "fired tear gas to disperse
    protesters in Nairobi", "used water cannon to break up a rally outside parliament in X".
    Only a purpose clause ("to ...") on the act itself.

    Example: Police fired tear gas to disperse students in Kampala on Monday.
    """
    clauses = [
        c
        for c in trigger.children
        if c.dep_ in ("advcl", "xcomp")
        and c.lemma_.lower() in DISPERSAL_VERBS
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    return resolver.best([m for clause in clauses if (m := own_place(clause, resolver))])
