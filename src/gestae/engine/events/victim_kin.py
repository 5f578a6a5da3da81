"""The family of an unnamed person ("the teenager's family", "relatives of the dead miners")
who accuse, demand, urge or welcome are civilians (CVL) of that person's country, else of the
article's (`source.victim-kin`): without them "The man's sister urged police to release
footage" loses its only doer and the act is dropped for want of an actor."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.rules import rule
from gestae.engine.sector_mentions import CONTEXT_COUNTRY
from gestae.engine.syntax import child
from gestae.resources.word_classes import words
from gestae.schema import Actor

KIN_RULE = "source.victim-kin"
# Kin who speak for a person hurt, held or killed: "family", "mother", "widow", "relatives".
VICTIM_KIN = words("victim_kin_nouns")
# Kin speak, ask, accuse and protest; force (CAMEO 15-20) in their name is a misread subject.
FORCE_ROOT = "15"
# Sectors of people whose kin are civilians like them; an official's or a leader's family
# ("the president's son") is left alone.
PLAIN_SECTORS = frozenset({"CVL", "EDU", "LAB", "JRN", "MED", "REF", "AGR", "BUS"})


def _owner(subject: Token) -> Token | None:
    """The common noun the kin belong to: "the teenager's", "of the victims"."""
    for dependent in subject.children:
        if dependent.dep_ == "poss":
            return dependent if dependent.pos_ == "NOUN" else None
        if dependent.dep_ == "prep" and dependent.lower_ == "of":
            owned = child(dependent, {"pobj"})
            return owned if owned is not None and owned.pos_ == "NOUN" else None
    return None


@rule(KIN_RULE)
def victim_kin(ev: Event, subject: Token) -> list[Mention]:
    """Kin of a person named only by a common noun ("the vendor's mother", "the teenager's
    family", "relatives of the victims") who act are civilians of that person's country, else
    of the article's country. Not kin of a named person or of a pronoun ("his son", "Putin's
    daughter"), nor of an official, soldier or leader: those may be elites themselves. Only
    for words, demands and protest (CAMEO 01-14), never for force.

    Example: The dead miner's widow accused the Zambian police of negligence.
    """
    if ev.entry.cameo[:2] >= FORCE_ROOT:
        return []  # "the wife of an architect shot dead": a parse slip, never the kin's force
    if subject.lemma_.lower() not in VICTIM_KIN and subject.lower_ not in VICTIM_KIN:
        return []
    owner = _owner(subject)
    if owner is None:
        return []
    mention = ev.actors.at(owner)
    actors = mention.actors if mention is not None else []
    if any(a.sector not in PLAIN_SECTORS for a in actors):
        return []
    own = [a.country for a in actors if a.country]
    country = own[0] if own else ev.actors.dominant_country()
    if country is None:
        return []
    span = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
    why = f"of '{owner.text}' ({country})" if own else f"{CONTEXT_COUNTRY} ({country})"
    actor = Actor(
        text=span.text, start=span.start_char, end=span.end_char, kind="group", country=country,
        sector="CVL", rule=f"kin of an unnamed person are civilians {why}",
    )  # fmt: skip
    found = Mention(span.start, span.end, subject.i, [actor], actor.rule, reference=True)
    return ev.found(KIN_RULE, [found], span.text)
