"""CAMEO 01x statements (concern, optimism, condolences, denials, ...): records of kind
"statement".

PLOVER has no type for a bare statement, so these are never events: `event_type` is null and
event counts leave them out. CAMEO codes them (011 to 019) and analysts of tone use them, so a
statement frame of the lexicon that names its speaker gives a record of its own kind. The
catch-all 010 frames stay what they were made for: blocks that keep a political verb in
another sense ("target inflation") from coding anything.
"""

from __future__ import annotations

from spacy.tokens import Span

from gestae.engine.dates import resolve_date
from gestae.engine.events import EventCandidate
from gestae.engine.records.aliases import drop_aliases
from gestae.engine.records.draft import same
from gestae.engine.records.untyped import untyped_record
from gestae.engine.rules import rule
from gestae.resources.contexts import sentence_contexts
from gestae.resources.ontology import Ontology
from gestae.schema import Actor, Article, EventRecord

# CAMEO 010 ("statement not covered below") is the lexicon's block for other senses.
STATEMENT_CODES = frozenset({"011", "012", "013", "014", "015", "016", "017", "018", "019"})
# Sectors of ordinary people, who speak for a political actor only with a country.
PEOPLE = frozenset({"CVL"})
# A claim (015) or a denial (016) names an act whose parties neither accused nor were
# addressed; a hope, a worry or a policy weighed is about the parties of the act it names.
CLAIM_CODES = frozenset({"015", "016"})
COMPLEMENTS = ("xcomp", "ccomp")
# Pessimistic and optimistic remarks: a feeling whose owner is the one who voices it.
FEELING_CODES = frozenset({"012", "013"})
# At most this many speaker-listener pairs per statement ("A, B and C expressed concern").
MAX_PAIRS = 6


def is_statement(candidate: EventCandidate) -> bool:
    """Whether the candidate's frame is one of CAMEO's coded statements."""
    return candidate.entry.cameo in STATEMENT_CODES


@rule("record.statement")
def statement_records(
    article: Article,
    sentence_index: int,
    sent: Span,
    candidate: EventCandidate,
    ontology: Ontology,
    valid_contexts: frozenset[str],
    include_negated: bool = False,
) -> list[EventRecord]:
    """A speaker's statement of concern, hope, sympathy, denial or the like, with whom it is
    about or addressed to when the frame names an actor there.

    A statement nobody is named as making says nothing an analyst can count; a denied one
    ("did not express concern") is kept only when negated records are asked for, and one only
    foreseen or wished for is not kept at all.

    Example: Japan expressed concern over the missile launch.
    """
    if candidate.negated and not include_negated:
        return []
    # A remark only foreseen, wished for or put as a duty ("it is not the time to consider ...",
    # "should voice concern") was not made.
    if candidate.modality not in ("asserted", "reported") or _purpose_or_motive(candidate):
        return []
    # People of no known country, named or not ("residents hope the rains come", a scholar
    # hoping her report is read), speak for no political actor; an office or a body of no
    # known country ("the governor's office") still does.
    trace = candidate.trace
    speakers = [s for s in drop_aliases(_unique(candidate.sources), sent.doc, trace) if _speaks(s)]
    if not speakers:
        return []
    listeners = _listeners(candidate, speakers)
    code = ontology.cameo(candidate.entry.cameo)
    trace.add("record.statement", f"CAMEO {code.code} ({code.name}): a statement, no PLOVER type")
    trigger = candidate.trigger_words()
    date = resolve_date(candidate.trigger, article.published, trace)
    heard: list[Actor | None] = [*listeners] or [None]
    pairs = [(s, t) for s in speakers for t in heard][:MAX_PAIRS]
    return [
        untyped_record(
            article,
            sentence_index,
            sent,
            "statement",
            trigger,
            trace,
            source,
            target,
            contexts=sentence_contexts(sent, valid_contexts),
            cameo=code.code,
            goldstein=code.goldstein,
            date=date,
            location=None,  # where a remark was made is seldom told, and never its subject
            negated=candidate.negated,
            modality=candidate.modality,
            reported_by=candidate.reported_by,
            fatalities=None,
            injured=None,
            confidence=0.6 if source.country else 0.5,
        )
        for source, target in pairs
    ]


def _listeners(candidate: EventCandidate, speakers: list[Actor]) -> list[Actor]:
    """Whom the statement is addressed to or about: actors only, never a speaker, nor the
    frame's own object ("concern", "responsibility for the attack") or the owner of a feeling,
    nor a party to the act a claim or denial names ("denied providing sanctuary to the
    fighters": the fighters did not accuse). A hope or a policy weighed is about whom its act would reach ("hopes to resolve
    the pause in aid to Ukraine", "considering sending aid to Somalia")."""
    trigger = candidate.trigger
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    said = [c.idx for c in objects]
    if candidate.entry.cameo in FEELING_CODES:
        # "expressed the bank's optimism": whose the feeling is, is its speaker, not whom it is
        # about ("rejected Athens' accusation" stays aimed at Athens).
        said += [p.idx for c in objects for p in c.children if p.dep_ == "poss"]
    if candidate.entry.cameo in CLAIM_CODES:
        said += [t.idx for c in trigger.children if c.dep_ in COMPLEMENTS for t in c.subtree]
    spoken = {(a.country, a.text) for a in speakers}
    return [
        t
        for t in _unique(candidate.targets)
        if (t.country, t.text) not in spoken
        and not (t.country is None and t.kind == "group" and not t.sector)
        and not any(t.start <= i < t.end for i in said)
    ]


def _unique(actors: list[Actor]) -> list[Actor]:
    """Each participant once (equal country, sector and name)."""
    out: list[Actor] = []
    for actor in actors:
        if not any(same(actor, other) for other in out):
            out.append(actor)
    return out


def _speaks(actor: Actor) -> bool:
    return bool(actor.country or (actor.sector and actor.sector not in PEOPLE))


def _purpose_or_motive(candidate: EventCandidate) -> bool:
    """'to consider', 'to express concern': a remark named as a purpose, duty or plan; and
    'appointed a prime minister, hoping to restore order': a participle that gives the motive
    of another act, not a remark made."""
    trigger = candidate.trigger
    motive = trigger.tag_ == "VBG" and trigger.dep_ in ("advcl", "acl")
    return motive or any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
