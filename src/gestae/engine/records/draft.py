"""The record being built from one event candidate: what the record rules read and change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span

from gestae.engine.actors import DocActors
from gestae.engine.events import EventCandidate
from gestae.engine.rules import Trace
from gestae.resources.ontology import CameoCode, Ontology
from gestae.schema import Actor, Location, Modality

Pair = tuple[Actor | None, Actor | None]


@dataclass
class Draft:
    """One candidate on its way to records. The rules run in a fixed order, each reading what
    the ones before it decided; `trace` keeps what each did, for the explanation."""

    candidate: EventCandidate
    sent: Span
    actors: DocActors
    # The CAMEO entry the contexts come from (the refusal's code once a refusal applies).
    code: CameoCode
    cameo: str
    event_type: str
    mode: str | None
    negated: bool
    modality: Modality
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    # Objects kept only as words (no country): they give way to any target the rules name.
    unnamed: list[Actor] = field(default_factory=list)
    location: Location | None = None
    reciprocal: bool = False
    trace: Trace = field(default_factory=Trace)

    def words_of(self, item: Actor | Location) -> Span | None:
        """The tokens an actor or a place of the record stands on."""
        return self.sent.doc.char_span(item.start, item.end, alignment_mode="expand")

    def retype(self, ontology: Ontology, code: str) -> None:
        """Code the act as `code` instead: its entry, PLOVER type and mode follow."""
        self.code = ontology.cameo(code)
        self.cameo, self.event_type, self.mode = code, str(self.code.plover), self.code.mode


def unique(actors: Sequence[Actor]) -> list[Actor]:
    """The actors in order, each once (the same actor at the same place)."""
    out: list[Actor] = []
    for actor in actors:
        if not any(same(actor, other) and actor.start == other.start for other in out):
            out.append(actor)
    return out


def same(a: Actor, b: Actor) -> bool:
    """The same participant: equal country, sector and name, or else the same words. A person
    is never the state the place of the act stands for ("the mayor was arrested in Lagos":
    the state arrested the mayor). Words that point back to two groups ("both sides": police
    and protesters) are two participants, told apart by their sectors."""
    if {a.kind, b.kind} == {"person", "state"} and a.text != b.text:
        return False
    if a.country and b.country:
        return a.country == b.country and a.sector == b.sector and a.name == b.name
    if a.sector and b.sector and a.sector != b.sector:
        return False
    return a.start == b.start and a.end == b.end


def state_of(
    words: Actor | Location,
    country: str,
    rule: str,
    sector: str | None = None,
    name: str | None = None,
) -> Actor:
    """A state standing behind the words that name it (a place, or its own citizens)."""
    return Actor(
        text=words.text,
        start=words.start,
        end=words.end,
        country=country,
        sector=sector,
        name=name,
        kind="state",
        rule=rule,
    )


def state_words(draft: Draft, country: str) -> Actor | None:
    """The words a state target stands on when no words of the act name it: the last that
    named the state itself up to the act's sentence, else the first that names it later,
    before any other actor of its country (reporters, a spokesman). record.context-target."""
    seen = [(m, a) for m in draft.actors.mentions for a in m.actors if a.country == country]
    before = [a for m, a in seen if m.head < draft.sent.end]
    later = [a for m, a in seen if m.head >= draft.sent.end]
    for pool in (
        [a for a in before if a.kind == "state"],
        [a for a in later if a.kind == "state"][::-1],
        before,
        later[::-1],
    ):
        if pool:
            return pool[-1]
    return None
