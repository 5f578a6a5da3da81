"""The state a state's own institution belongs to when its words name none: the last state
named before it in its sentence ("Britain's Supreme Court rejected the government's plan"), or
the country the article's title names and its mentions lead (rule actor.headline-lead).
Split from `sector_mentions`, which asks these after the article's leading country."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.mentions import DocActors
from gestae.engine.rules import rule
from gestae.engine.sector_cues import STATE_SECTORS, SectorCues
from gestae.resources.word_classes import words

# Sectors of a state's own institutions and of its opposition: "the government", "the police",
# "the interior ministry", "the opposition" belong to the state the text is about.
DOMESTIC_SECTORS = STATE_SECTORS | {"OPP"}
# A state's institutions at home, which the country a title names may give (not its army).
HEADLINE_SECTORS = DOMESTIC_SECTORS - {"MIL"}
SPEECH_VERBS = words("speech_verbs")
# Auxiliaries of an act announced for later ("Finland will close its border").
ANNOUNCING_AUX = frozenset({"will", "shall", "'ll"})
ANNOUNCING_RULE = "actor.announcing-state"


@rule(ANNOUNCING_RULE)
def announcing_state(head: Token, found: DocActors) -> str | None:
    """ "Finland will close its border with Russia, the government said": a state's own body
    with no country of its own that tells what a state named bare will do is that state's (it
    announces its own plan), not the last state named before it ("Russia"). Only for an
    act told with "will" as the complement of the body's verb of saying.

    Example: Finland will close its border with Russia on Friday, the government said.
    """
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    for told in (c for c in verb.children if c.dep_ == "ccomp" and c.i < head.i):
        if not any(c.dep_ == "aux" and c.lower_ in ANNOUNCING_AUX for c in told.children):
            continue
        subject = next((c for c in told.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        state = next((a for a in found.states_seen if a.start == subject.idx), None)
        if state is not None and state.kind == "state" and state.country:
            return state.country
    return None


def headline_state(cues: SectorCues, found: DocActors) -> str | None:
    """A state's own institution at home ("the government", "security officers", "the
    courts") in an article whose title names the country that leads it (actor.headline-lead:
    found.headline_country); not its troops, who may act abroad, nor rebels or gunmen."""
    return found.headline_country() if cues.sector in HEADLINE_SECTORS else None


def home_state(head: Token, cues: SectorCues, found: DocActors) -> str | None:
    """ "Britain's Supreme Court rejected the government's plan": with no country leading the
    article, a state's own institution named with "the" ("the government", "the interior
    ministry", "the opposition") is of the last state named before it in its sentence (from
    further back, "the administration" was as often another state's as not, on VOA stories).
    A plural ("the soldiers" may be anyone's) or a title of one person is not."""
    own = cues.title.sector if cues.title is not None else cues.noun_sector
    if own not in DOMESTIC_SECTORS or head.tag_ != "NN" or not found.states_seen:
        return None
    if cues.title is not None and cues.title.kind == "person":
        return None
    first = next((t for t in head.lefts if t.dep_ != "punct"), None)
    last = found.states_seen[-1]
    if first is None or first.lower_ != "the" or last.start < head.sent.start_char:
        return None
    return last.country


def announcer_state(head: Token, cues: SectorCues, found: DocActors, bits: list[str]) -> str | None:
    """The state whose own act a state's institution named with "the" announces
    (announcing_state), before any the article's context would give."""
    own = cues.title.sector if cues.title is not None else cues.noun_sector
    if own not in DOMESTIC_SECTORS or head.tag_ != "NN":
        return None
    if cues.title is not None and cues.title.kind == "person":
        return None
    first = next((t for t in head.lefts if t.dep_ != "punct"), None)
    if first is None or first.lower_ != "the":
        return None
    announcer = announcing_state(head, found)
    if announcer is not None:
        bits.append(f"{ANNOUNCING_RULE}: announces the act of {announcer}")
    return announcer


def state_at_home(head: Token, cues: SectorCues, found: DocActors, bits: list[str]) -> str | None:
    """The state of a state's own body with no country in its words: the one whose act it
    announces, else the article's leading country, else the last state named before it."""
    return (
        announcer_state(head, cues, found, bits)
        or found.dominant_country()
        or home_state(head, cues, found)
    )
