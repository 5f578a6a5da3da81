"""Whom an act reaches through another word than its own: the one a call reaches, the
addressee of a message that carries a demand or threat, whoever pressed a refusal, the sides a
mediation names in its purpose, the recipient a long object or a taking clause names, the author
of a proposal or call, and the body an object "it" points back to. targets.py calls these where
its own frame and the usual places name no one."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.codes import (
    ADDRESSED_CODES,
    MEDIATION_CODES,
    REQUEST_CODES,
)
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import (
    actor_group,
    called_party,
    pobj_actors,
    unnamed_target,
    with_country,
)
from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule
from gestae.engine.syntax import (
    OBJECT_DEPS,
    SUBJECT_DEPS,
    agent,
    child,
    objects,
    prep_child,
    within_clause,
)
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

PRESSURE_NOUNS = words("pressure_nouns")
TAKING_VERBS = words("taking_verbs")
AUTHORED_NOUNS = words("authored_nouns")
RELEASE_NOUNS = words("release_nouns")
# The prepositions that carry what a request asks for ("called for the release of X").
ASKED_FOR_PREPS = ("for",)
# The prepositions naming who made a proposal or call, and the words that list some of them.
AUTHOR_PREPS = ("by", "from")
LISTING_PREPS = ("including", "notably", "especially")
# What follows an object "it" that casts it as a party: "accused it of", "warned it against",
# "urged it to".
ROLE_PREPS = ("of", "against")
ROLE_CLAUSES = ("xcomp",)
# Object pronouns and whether each stands for several.
OBJECT_PRONOUNS = {"them": True, "him": False, "her": False}
# The prepositions a refusal's pressure comes in, and those naming who pressed.
PRESSURE_PREPS = ("despite", "under")
BY_PREPS = ("by", "from", "of")
# CAMEO's root of rejections and refusals.
REFUSAL_ROOT = "12"


@rule("target.lower-recipient")
def lower_recipient(ev: Event, token: Token) -> list[Mention]:
    """'returned a pendant engraved with the image of a tsar to Russian authorities': the parse
    may hang the recipient's 'to' inside a long object; the last 'to' phrase there still names
    whom the thing was handed to, when it names a state's actor.

    Example: Italy returned a statue carved with the face of a king to Libyan authorities.
    """
    for obj in (c for c in token.children if c.dep_ in OBJECT_DEPS):
        tos = [
            t
            for t in obj.subtree
            if t.dep_ in ("prep", "dative") and t.lower_ == "to" and t.head.i != token.i
        ]
        if tos:
            found = with_country(pobj_actors(ev.grammar, tos[-1], ev.actors, owner=True))
            return ev.found("target.lower-recipient", found)
    return []


@rule("target.taken-from")
def taken_from(ev: Event, token: Token) -> list[Mention]:
    """'will return the weapons they seized from the army': a thing handed back that was taken
    from someone (word class taking_verbs) goes back to them, when no recipient is named.

    Example: The rebels returned the weapons they had seized from Kenyan police.
    """
    for obj in (c for c in token.children if c.dep_ in OBJECT_DEPS):
        for clause in (c for c in obj.subtree if c.dep_ in ("acl", "relcl")):
            if clause.lemma_.lower() not in TAKING_VERBS or not within_clause(clause, obj):
                continue
            source = prep_child(clause, "from")
            if source is not None:
                found = pobj_actors(ev.grammar, source, ev.actors, owner=True)
                return ev.found("target.taken-from", [m for m in found if m.actors])
    return []


@rule("target.mediated-sides")
def mediated_sides(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'launched a mediation effort to resolve the rift between Qatar and its neighbours': a
    mediator's targets are the sides its purpose clause names after 'between'.

    Example: Norway launched a mediation effort to end the dispute between Chad and Sudan.
    """
    if not entry.cameo.startswith(MEDIATION_CODES):
        return []
    noun = token.head if token.dep_ == "compound" else token
    for prep in noun.subtree:
        if prep.dep_ == "prep" and prep.lower_ == "between":
            found = with_country(pobj_actors(ev.grammar, prep, ev.actors))
            if found:
                return ev.found("target.mediated-sides", found)
    return []


@rule("target.mediated-object")
def mediated_object(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'mediated talks between Kabul and the Taliban', 'brokered a deal between A and B': a
    mediating verb's targets are the sides its object names after 'between', not the talks
    (a thing) nor the country of the first side alone.

    Example: Swiss diplomats mediated talks between Colombia and the ELN rebels in Geneva.
    """
    if not entry.cameo.startswith(MEDIATION_CODES) or token.pos_ not in ("VERB", "AUX"):
        return []
    for obj in objects(token):
        between = prep_child(obj, "between")
        found = with_country(pobj_actors(ev.grammar, between, ev.actors)) if between else []
        if found:
            return ev.found("target.mediated-object", found)
    return []


@rule("target.contact-partner")
def contact_partner(ev: Event, token: Token) -> list[Mention]:
    """'called Erdogan to apologize', 'phoned Lavrov to discuss Syria': the one a call
    reaches is the partner of its purpose, the caller's act (source.contact-caller), even when
    the parse reads the name as a predicate ('oprd').

    Example: The Kenyan president called Ugandan President Yoweri Museveni to apologize.
    """
    called = called_party(token)
    if called is None:
        return []
    found = with_country(actor_group(ev.grammar, called, ev.actors, owner=True))
    return ev.found("target.contact-partner", found)


@rule("target.pressing-party")
def pressing_party(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'declined to resign despite President Biden's request', 'refused under pressure from
    Congress': a refusal made despite or under someone's pressure (word class pressure_nouns)
    is aimed at whoever pressed.

    Example: The governor refused to resign despite pressure from the Kenyan parliament.
    """
    if not entry.cameo.startswith(REFUSAL_ROOT):
        return []
    for prep in token.subtree:
        obj = child(prep, {"pobj"}) if prep.lower_ in PRESSURE_PREPS else None
        if obj is None or obj.lemma_.lower() not in PRESSURE_NOUNS:
            continue
        if prep.head.i != token.i and not within_clause(prep.head, token, 2):
            continue
        found = [
            m
            for c in obj.children
            if c.dep_ == "poss"
            for m in actor_group(ev.grammar, c, ev.actors)
        ]
        for inner in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in BY_PREPS):
            found += pobj_actors(ev.grammar, inner, ev.actors, owner=True)
        return ev.found("target.pressing-party", [m for m in found if m.actors])
    return []


@rule("target.message-addressee")
def message_addressee(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'sent a letter to the WHO chief threatening to cut funding': a demand or threat told by
    a participle on a message is aimed at whom the message went to, not at what it would
    cut; an actor the participle itself names ("threatening Israel") still wins.

    Example: Russia sent a note to Ukraine demanding the return of its sailors.
    """
    if not entry.cameo.startswith(ADDRESSED_CODES) or token.tag_ != "VBG":
        return []
    nouns = ev.grammar.communication_nouns
    if token.dep_ == "acl" and token.head.lemma_.lower() in nouns:
        sender = token.head.head
    elif token.dep_ == "advcl" and any(o.lemma_.lower() in nouns for o in objects(token.head)):
        sender = token.head
    else:
        return []
    if any(m.actors for o in objects(token) for m in actor_group(ev.grammar, o, ev.actors)):
        return []
    for dependent in sender.children:
        if dependent.dep_ in ("dative", "prep") and dependent.lower_ == "to":
            found = with_country(pobj_actors(ev.grammar, dependent, ev.actors, owner=True))
            return ev.found("target.message-addressee", found)
    return []


def _authors(ev: Event, by: Token) -> list[Mention]:
    found = pobj_actors(ev.grammar, by, ev.actors, owner=True)
    return [m for m in found if m.actors]


@rule("target.idea-author")
def idea_author(q: Search) -> list[Mention]:
    """'accepted a proposal by Uganda', 'defied calls, including by the Security Council': a
    proposal or call (word class authored_nouns) accepted, rejected or defied is aimed at its
    author, whom a "by/from" phrase names even where the parse hangs it on the verb or behind
    "including". Never in the passive, where "by" names the doer.

    Example: Kenya accepted a proposal by Uganda.
    """
    ev, token = q.ev, q.token
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return []
    for obj in q.objects:
        if obj.lemma_.lower() not in AUTHORED_NOUNS:
            continue
        found: list[Mention] = []
        for prep in token.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ == "by" and prep.i > obj.i:
                found += _authors(ev, prep)
        listings = [*obj.children, *token.children]
        for listing in (c for c in listings if c.lower_ in LISTING_PREPS and c.i > obj.i):
            for by in (c for c in listing.children if c.lower_ in AUTHOR_PREPS):
                found += _authors(ev, by)
        if found:
            return q.found("target.idea-author", found)
    return []


@rule("target.object-pronoun")
def object_pronoun(q: Search) -> list[Mention]:
    """'fought the Kenyan state, accusing it of theft', 'met the Ugandan army and urged it to
    withdraw': an object "it" cast as a party (accused of, urged to) that reference left open
    points back to the last singular state or body named earlier in its sentence, other than a
    subject or a state inside one (an actor's own "it" is itself; "Iran's minister accused it"
    is not Iran).

    Example: The rebels have fought the Ugandan government for years, accusing it of corruption.
    """
    ev = q.ev
    for obj in q.objects:
        mention = ev.actors.at(obj)
        if obj.pos_ != "PRON" or (mention is not None and mention.actors):
            continue
        if obj.lower_ == "them":
            several = joined_parties(q, obj)
            if several:
                return several
            continue
        if obj.lower_ != "it":
            continue
        if not any(
            (c.dep_ == "prep" and c.lower_ in ROLE_PREPS) or c.dep_ in ROLE_CLAUSES
            for c in q.token.children
        ):
            continue
        doc = obj.doc
        earlier = [
            m
            for m in ev.actors.mentions
            if obj.sent.start <= m.head < obj.i
            and len(m.actors) == 1
            and not m.media
            and (m.actors[0].kind != "person" or doc[m.head].pos_ == "NOUN")
            and m.actors[0].country
            and not _in_subject(doc[m.head])
            and doc[m.head].tag_ not in ("NNS", "NNPS")
        ]
        if earlier:
            return q.found("target.object-pronoun", [earlier[-1]])
    return []


def _in_subject(head: Token) -> bool:
    """A subject, or a word inside one up to its verb: "Iran's" in "Iran's foreign minister
    accused it" is the accuser's own state, never the "it" accused."""
    for word in (head, *head.ancestors):
        if word.dep_ in SUBJECT_DEPS:
            return True
        if word.pos_ in ("VERB", "AUX"):
            return False
    return False


@rule("target.joined-parties")
def joined_parties(q: Search, obj: Token) -> list[Mention]:
    """'kept tariffs on Mexico and Canada to pressure them to act': an object "them" cast as
    a party (pressed to, accused of) that reference left open points back to the states or
    bodies joined by "and" last named earlier in its sentence, other than a subject; one
    party alone is no "them".

    Example: Washington kept sanctions on Laos and Cambodia to pressure them to negotiate.
    """
    ev = q.ev
    if not any(
        (c.dep_ == "prep" and c.lower_ in ROLE_PREPS) or c.dep_ in ROLE_CLAUSES
        for c in q.token.children
    ):
        return []
    doc = obj.doc
    earlier = [
        m
        for m in ev.actors.mentions
        if obj.sent.start <= m.head < obj.i
        and m.actors
        and not m.media
        and all(a.country for a in m.actors)
        and doc[m.head].dep_ not in SUBJECT_DEPS
    ]
    if not earlier:
        return []
    last = doc[earlier[-1].head]
    first = last.head if last.dep_ == "conj" else last
    if first.dep_ in SUBJECT_DEPS or not any(c.dep_ == "conj" for c in first.children):
        return []
    found = [m for m in actor_group(ev.grammar, first, ev.actors) if m.actors]
    return q.found("target.joined-parties", found) if len(found) > 1 else []


def _same_actors(one: Mention, other: Mention | None) -> bool:
    def key(m: Mention) -> set[tuple[str | None, str | None]]:
        return {(a.country, a.sector) for a in m.actors}

    return other is not None and key(one) == key(other)


@rule("target.conjoined-object")
def conjoined_object(q: Search) -> list[Mention]:
    """'picked out ten passengers and shot them', 'seized the envoy and beat him': a pronoun
    object of the second of two joined verbs is the first verb's object, not the subject both
    share, which reference may have taken it for.

    Example: The gunmen picked out ten Kenyan passengers and shot them.
    """
    ev, token = q.ev, q.token
    if token.dep_ != "conj" or token.head.pos_ != "VERB":
        return []
    subject = child(token.head, SUBJECT_DEPS)
    own = ev.actors.at(subject) if subject is not None else None
    for obj in q.objects:
        several = OBJECT_PRONOUNS.get(obj.lower_)
        mention = ev.actors.at(obj)
        if several is None or obj.pos_ != "PRON":
            continue
        if mention is not None and mention.actors and not _same_actors(mention, own):
            continue  # the pronoun points elsewhere, not at the shared subject
        for first in objects(token.head):
            plural = first.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in first.children)
            if first.pos_ not in ("NOUN", "PROPN") or plural != several:
                continue
            found = [m for m in actor_group(ev.grammar, first, ev.actors, owner=True) if m.actors]
            unnamed = unnamed_target(ev.grammar, first) if not found else None
            found = found or ([unnamed] if unnamed is not None else [])
            if found:
                return q.found("target.conjoined-object", found)
    return []


@rule("target.release-holder")
def release_holder(ev: Event, token: Token) -> list[Mention] | None:
    """'demanded the release of prisoners held by the army', 'asked for the return of 45
    nationals': those to be let go are what an appeal or demand asks for, not whom it is made
    to; it is aimed at whoever holds them, the 'by' actor of the participle that says they are
    held (or the state of the place they are held in), else at no one named. None when the
    request asks for no release (word class release_nouns).

    Example: The rebels demanded the release of 20 fighters held by the Congolese army.
    """
    if not ev.entry.cameo.startswith(REQUEST_CODES):
        return None
    asked = [*objects(token)]
    asked += [c for p in token.children if p.lower_ in ASKED_FOR_PREPS for c in p.children]
    nouns = [t for t in asked if t.lemma_.lower() in RELEASE_NOUNS and t.pos_ == "NOUN"]
    if not nouns:
        return None
    let_go = [t for n in nouns for t in n.subtree if t.i != n.i]
    found: list[Mention] = []
    for held in (t for t in let_go if t.dep_ in ("acl", "relcl") and t.tag_ == "VBN"):
        by = agent(held)
        found += [m for m in pobj_actors(ev.grammar, by, ev.actors) if m.actors] if by else []
        place = prep_child(held, "in")
        for name in (t for t in place.subtree if t.pos_ == "PROPN") if place else ():
            state = ev.grammar.resolver.place_actor(name, ev.actors)
            found += [state] if state is not None and not found else []
    if found:
        return ev.found("target.release-holder", with_country(found)[:1])
    ev.trace.add("target.release-holder", f"'{nouns[0].text}' asks for those held: no one named")
    return []
