"""The country of an unnamed attack's place when the gazetteer knows only another name of the
same clause: "in Pehapan, a village near the town of Guiglo, northwest of Abidjan"."""

from __future__ import annotations

from gestae.engine.records.codes import PLACE_TARGET_TYPES
from gestae.engine.records.draft import Draft, state_of
from gestae.engine.records.fallbacks import VICTIM_DEPS
from gestae.engine.rules import rule
from gestae.resources.gazetteer import Gazetteer
from gestae.schema import Actor

# Entity labels of place names.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@rule("record.clause-place-country")
def clause_place_target(draft: Draft, gazetteer: Gazetteer) -> None:
    """An attack that names no one, placed at a name the gazetteer lacks ('the Sinak Bridge',
    'Pehapan') or at no name, fell in the country of the other place names its own clause
    gives ('... in Baghdad', 'near the town of Guiglo, northwest of Abidjan'), when they all
    lie in one country: that state is the target, as with record.place-target. Names outside
    the act's clause (a reporting clause, another sentence) do not count, nor does a person
    harmed (record.context-target: 'he was captured' need not be of that state).

    Example: The attack took place in Kumbiro, a hamlet near the town of Guiglo, on Sunday.
    """
    fits = draft.event_type == "ASSAULT" or (
        draft.event_type in PLACE_TARGET_TYPES and not draft.unnamed
    )
    location = draft.location
    if draft.sources or draft.targets or not fits or (location and location.country):
        return
    trigger = draft.candidate.trigger
    if any(c.dep_ in VICTIM_DEPS and c.pos_ in ("PRON", "PROPN") for c in trigger.children):
        return  # "he was captured in 1992 and held in Jakarta": a person, of no known side
    clause = trigger.head if trigger.dep_ == "nsubj" else trigger
    inside = {t.i for t in clause.subtree}
    countries: dict[str, Actor] = {}
    for ent in draft.sent.ents:
        if ent.label_ not in PLACE_LABELS or ent.root.i not in inside:
            continue
        if location is not None and ent.text == location.name:
            continue
        entry = gazetteer.lookup(ent.text, draft.actors.countries())
        if entry is not None and entry.country:
            words = Actor(text=ent.text, start=ent.start_char, end=ent.end_char, kind="state")
            countries.setdefault(entry.country, words)
    if len(countries) != 1:
        return
    country, words = next(iter(countries.items()))
    rule_text = f"target: the attack fell in {country}, where its clause's places lie"
    draft.targets = [state_of(words, country, rule_text)]
    draft.trace.add("record.clause-place-country", f"'{words.text}' lies in {country}")
