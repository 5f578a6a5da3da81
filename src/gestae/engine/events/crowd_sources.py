"""Who protests when the words give only a crowd: "10,000 people", "hundreds", "a crowd of
students", "supporters of the jailed editor" are civilians (CVL), of the country of the one
they support, else of the place or the article's country. Split from sources.py."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.codes import PROTEST_ROOT
from gestae.engine.events.context import Event
from gestae.engine.events.protests import protest_happened, unnamed_protesters
from gestae.engine.mentions import span_actor
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.engine.syntax import child
from gestae.resources.word_classes import words
from gestae.schema import Actor

CROWD_NOUNS = words("crowd_nouns")
FOLLOWER_NOUNS = words("follower_nouns")


def _crowd_word(token: Token) -> bool:
    """'people', 'hundreds', 'a crowd', or a bare number ('40,000 protested')."""
    lemma = token.lemma_.lower()
    return lemma in CROWD_NOUNS or token.lower_ in CROWD_NOUNS or token.pos_ == "NUM"


@rule("source.crowd")
def crowd(ev: Event, subject: Token) -> list[Mention]:
    """People who demonstrate are civilians, even when the words give only their number
    ("10,000 people", "hundreds", "a crowd of students"): PLOVER codes them CVL, of the
    country where they protest (the record stage puts them there) or else the article's.

    Only for protest triggers: "thousands of people" doing anything else is no actor.

    Example: About 3,000 people marched in Nairobi to protest against the new tax.
    """
    if not ev.entry.cameo.startswith(PROTEST_ROOT):
        return []
    if not _crowd_word(subject):
        happened = ev.grammar.happening_verb(subject) is not None
        if protest_happened(ev.token, ev.entry.cameo, subject, happened):
            ev.trace.add("source.protest-happened", f"'{subject.text}' {subject.head.text}")
        elif (unnamed := unnamed_protesters(subject)) is not None:
            ev.trace.add("source.unnamed-protesters", f"'{subject.text}': {unnamed}")
        else:
            return []
    end = subject.i
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = child(of, {"pobj"}) if of is not None else None
    if counted is not None:
        if counted.pos_ not in ("NOUN", "PROPN"):
            return []
        if ev.actors.at(counted) is not None:
            # "thousands of Kenyans" is the dictionary's, not a crowd; "supporters of X" are
            return supporters(ev, subject, subject)
        found = supporters(ev, subject, counted)  # "hundreds of supporters of X"
        if found:
            return found
        end = counted.i
    doc = subject.doc
    span = doc[subject.left_edge.i : end + 1]
    country = ev.actors.dominant_country()
    reason = f"people protesting are civilians; {CONTEXT_COUNTRY} ({country})"
    rule = reason if country else "people protesting are civilians"
    actor = span_actor(span, "group", rule, country=country, sector="CVL")
    mention = Mention(span.start, span.end, subject.i, [actor], actor.rule, reference=True)
    return ev.found("source.crowd", [mention], span.text)


def _follower(token: Token) -> bool:
    return token.lemma_.lower() in FOLLOWER_NOUNS or token.lower_ in FOLLOWER_NOUNS


@rule("source.supporters")
def supporters(ev: Event, subject: Token, follower: Token) -> list[Mention]:
    """'supporters of the jailed editor protested': people who demonstrate for someone are
    civilians of that one's country (else the article's), not the one they support.

    Example: Hundreds of supporters of the jailed opposition leader marched in Kampala.
    """
    if not _follower(follower):
        return []
    of = next((c for c in follower.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = child(of, {"pobj"}) if of is not None else None
    mention = ev.actors.at(owner) if owner is not None else None
    if mention is None or not mention.actors:
        return []  # "thousands of sympathisers": a crowd (source.crowd)
    own = [a.country for a in mention.actors if a.country]
    country = own[0] if own else ev.actors.dominant_country()
    whose = f"of '{mention.actors[0].text}' ({country})" if own else None
    span = subject.doc[subject.left_edge.i : follower.i + 1]
    reason = (
        f"supporters protesting are civilians {whose}"
        if whose
        else f"supporters protesting are civilians; {CONTEXT_COUNTRY} ({country})"
    )
    actor = Actor(
        text=span.text, start=span.start_char, end=span.end_char, kind="group", country=country,
        sector="CVL", rule=reason,
    )  # fmt: skip
    found = Mention(span.start, span.end, follower.i, [actor], actor.rule, reference=True)
    return ev.found("source.supporters", [found], span.text)
