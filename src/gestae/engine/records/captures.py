"""A capture's code follows what is taken. The bare 'capture'/'seize' frame of the lexicon
(CAMEO 192, occupy territory) is written for places ("captured Aleppo"); a person it takes is
held, not occupied: abducted (181, ASSAULT) by an armed group, detained (173, COERCE) by a
state's forces or officials or by no one named (news of a capture with no captor is mostly of
an arrest: "Kaczynski was captured in his cabin"). The lexicon's people frames already code
"captured two soldiers" (181) and "captured the suspects" (173) by the noun; this rule reads
names and plural peoples the noun lists cannot hold ("captured Saddam", "captured 18
Palestinians")."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.relative_targets import gapped_relative
from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.engine.syntax import PLACE_ENTITY_TYPES
from gestae.resources.gazetteer import Gazetteer
from gestae.resources.ontology import Ontology
from gestae.resources.word_classes import words

TAKING_VERBS = words("taking_verbs")
# Places, arms, craft and weapons a capture takes: a sector their words carry is no people.
THINGS = (
    words("captured_things") | words("force_craft") | words("conveyances") | words("attack_means")
)
# The code the bare frame gives a place taken.
TERRITORY_CODE = "192"
ABDUCT_CODE = "181"
DETAIN_CODE = "173"
# Captors that are no state's: rebels, unidentified gunmen, criminals. A person they take is
# abducted; a person any other captor, or none named, takes is detained.
NON_STATE_ARMED = frozenset({"REB", "UAF", "CRM"})
# Captors whose taking of a person is an arrest whatever noun names the person.
LAW_ENFORCERS = frozenset({"COP", "JUD"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _taken(verb: Token) -> list[Token]:
    """What the verb takes: its object, its subject in the passive, or the noun a relative
    clause without its object hangs on ("the soldiers that rebels captured")."""
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return [verb.head, *taken] if gapped_relative(verb) else taken


def _named_place(token: Token, draft: Draft, gazetteer: Gazetteer) -> bool:
    """A name the model tags as a person that the gazetteer knows as a place in the
    article's countries ('Nkunda's fighters captured Rutshuru')."""
    span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    name = span.text if span is not None else token.text
    return gazetteer.lookup(name, draft.actors.countries()) is not None


def _is_person(token: Token, draft: Draft, gazetteer: Gazetteer) -> bool:
    """A named person ('Saddam'), a plural people ('18 Palestinians', 'four Britons') or a
    plural noun the dictionaries resolve to a body of people ('six Iranian officials'); never a
    place word ('the rebel stronghold', 'the KNU headquarters'), the event's own place (a town
    the model tags as a person) nor a craft or weapon ('seized several tanks')."""
    if token.ent_type_ in PLACE_ENTITY_TYPES or token.lemma_.lower() in THINGS:
        return False
    place = draft.location
    if place is not None and place.start <= token.idx < place.end:
        return False
    if token.ent_type_ == "PERSON":
        return not _named_place(token, draft, gazetteer)
    if token.ent_type_ == "NORP" and token.tag_ in PLURAL_TAGS:
        return True
    mention = draft.actors.at(token)
    if mention is None or mention.head != token.i:
        return False
    if any(a.kind == "person" for a in mention.actors):
        return not _named_place(token, draft, gazetteer)
    return token.tag_ in PLURAL_TAGS and any(a.sector for a in mention.actors)


@rule("record.person-captured")
def person_captured(draft: Draft, ontology: Ontology, gazetteer: Gazetteer) -> None:
    """A person captured or seized is no territory occupied (CAMEO 192): taken by rebels,
    gunmen or criminals it is an abduction (181, ASSAULT); by a state's forces, police or
    officials, or by no captor named, a detention (173, COERCE).

    Example: Rebels captured Peter Walsh near Gao on Monday.
    """
    verb = draft.candidate.trigger
    if verb.lemma_.lower() not in TAKING_VERBS:
        return
    if draft.cameo == ABDUCT_CODE:
        _arrest_by_police(draft, ontology)
        return
    if draft.cameo != TERRITORY_CODE:
        return
    taken = [t for t in _taken(verb) if _is_person(t, draft, gazetteer)]
    if not taken:
        return
    captors = [a for a in draft.sources if a.country or a.sector]
    armed = bool(captors) and all(a.sector in NON_STATE_ARMED for a in captors)
    code = ABDUCT_CODE if armed else DETAIN_CODE
    draft.trace.add("record.person-captured", f"'{taken[0].text}' taken: CAMEO {code}")
    draft.retype(ontology, code)


def _arrest_by_police(draft: Draft, ontology: Ontology) -> None:
    """The lexicon's people frames code 'seized two journalists' as an abduction (181); police
    or the courts who take a person arrest them (173): 'police seized the activist'."""
    captors = [a for a in draft.sources if a.sector]
    if captors and all(a.sector in LAW_ENFORCERS for a in captors):
        draft.trace.add(
            "record.person-captured", f"taken by {captors[0].sector}: CAMEO {DETAIN_CODE}"
        )
        draft.retype(ontology, DETAIN_CODE)
