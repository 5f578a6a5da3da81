"""The dates vocabulary (data/dates.yaml), validated at load.

Day and month names and the words that decide whether a date phrase dates an event are data;
engine/date_periods.py builds its patterns from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from gestae.resources.loader import DataFile, load_data, package_data

FILE = "dates.yaml"
WORD_LISTS = (
    "weekdays",
    "month_context",
    "future_heads",
    "future_aux",
    "non_event_preps",
    "reason_nouns",
    "earlier_adverbs",
    "continuing_adverbs",
    "occurrence_verbs",
    "earlier_clause_marks",
    "quantity_nouns",
    "statement_verbs",
    "simultaneous_marks",
    "incident_nouns",
    "arrest_nouns",
    "holding_words",
    "vague_later_units",
    "episode_incidents",
    "episode_acts",
    "episode_doers",
    "episode_crowds",
    "episode_forces",
    "episode_gatherings",
)
KEYS = (*WORD_LISTS, "months", "event_noun_verbs", "incident_agents")


@dataclass(frozen=True)
class DateVocabulary:
    """Everything in dates.yaml; names keep the file's order, which numbers days and months."""

    weekdays: tuple[str, ...]
    # One tuple per month, January first: the full name, then abbreviations.
    months: tuple[tuple[str, ...], ...]
    month_context: frozenset[str]
    future_heads: frozenset[str]
    future_aux: frozenset[str]
    non_event_preps: frozenset[str]
    # "in retaliation for X last month": what the act answers, dated apart from it.
    reason_nouns: frozenset[str]
    # "previously", "formerly": the event is before the story's time, on a day not given.
    earlier_adverbs: frozenset[str]
    # "also": the act adds to the one told in the sentence before, on its day.
    continuing_adverbs: frozenset[str]
    # "the war, which began in 2022": a relative clause with one of these dates its noun.
    occurrence_verbs: frozenset[str]
    # "before Russia invaded": a simple-past clause they open, under a present one, is earlier.
    earlier_clause_marks: frozenset[str]
    # "a series of airstrikes": the event noun is the act of the verb that governs these.
    quantity_nouns: frozenset[str]
    # "warned that it would": verbs besides the speech verbs whose complement is a statement,
    # dated by them (engine/date_attach.py); date-only, events read modality elsewhere.
    statement_verbs: frozenset[str]
    # "as Tehran rejected the offer": a simple-past clause they open happens at the time of the
    # simple-past clause it hangs on (date.as-clause, engine/date_attach.py).
    simultaneous_marks: frozenset[str]
    # "the attack", "the blasts", "the hijacking": one incident told by different words, so
    # "the attack" finds "Tuesday's hijacking" (date.incident-retold, engine/dates.py).
    incident_nouns: frozenset[str]
    # "Mech Dara's arrest" and "in detention since September 30": the arrest noun takes the
    # day the holding began (date.held-since, engine/date_held.py).
    arrest_nouns: frozenset[str]
    holding_words: frozenset[str]
    # "days later", "several months later": a count with no number puts a past act after an
    # earlier one and before the story's time (date.vague-later, engine/date_past.py).
    vague_later_units: frozenset[str]
    # One violent episode told in parts: the verbs of the incident, the further acts a part may
    # tell, and the nouns naming its doers alike (date.same-episode, engine/date_episode.py).
    episode_incidents: frozenset[str]
    episode_acts: frozenset[str]
    episode_doers: frozenset[str]
    episode_crowds: frozenset[str]
    episode_forces: frozenset[str]
    episode_gatherings: frozenset[str]
    # "the abduction" -> "abduct": the verb an event noun retells, so "the abduction" finds
    # "gunmen abducted ... on Monday" earlier in the article (engine/date_links.py).
    event_noun_verbs: dict[str, str]
    # "the attackers" -> "attack": the incident a definite doer's later acts belong to
    # (date.incident-continues, engine/dates.py).
    incident_agents: dict[str, str]


def _noun_verbs(doc: DataFile, key: str = "event_noun_verbs") -> dict[str, str]:
    raw = doc.data.get(key)
    if not isinstance(raw, dict) or not raw:
        raise doc.error(f"'{key}' must map nouns to verbs", at=(key,))
    out: dict[str, str] = {}
    for noun, verb in raw.items():
        for word in (noun, verb):
            if not isinstance(word, str) or not word.isalpha() or word != word.lower():
                raise doc.error(f"{word!r} is not a lowercase word", at=(key,))
        out[noun] = verb
    return out


def _months(doc: DataFile) -> tuple[tuple[str, ...], ...]:
    raw = doc.data.get("months")
    if not isinstance(raw, list) or len(raw) != 12:
        raise doc.error("'months' must list the 12 months, January first", at=("months",))
    seen: set[str] = set()
    out: list[tuple[str, ...]] = []
    for index, names in enumerate(raw):
        entry = f"month {index + 1}"
        if not isinstance(names, list) or not names:
            raise doc.error("must be a non-empty list of names", entry, at=("months", index))
        for name in names:
            if not isinstance(name, str) or not name.isalpha() or name != name.lower():
                raise doc.error(f"{name!r} is not a lowercase word", entry, at=("months", index))
            if name in seen:
                raise doc.error(f"{name!r} names two months", entry, at=("months", index))
            seen.add(name)
        out.append(tuple(names))
    return tuple(out)


def parse_date_vocabulary(doc: DataFile) -> DateVocabulary:
    """Check the file's shape; errors name the file, the line and the key at fault."""
    if not isinstance(doc.data, dict):
        raise doc.error("expected a mapping of word lists")
    unknown = sorted(set(map(str, doc.data)) - set(KEYS))
    if unknown:
        raise doc.error(f"unknown key(s) {', '.join(unknown)}", at=(unknown[0],))
    words = {key: doc.words(key) for key in WORD_LISTS}
    weekdays = tuple(doc.data["weekdays"])  # a word list by now: doc.words checked it
    if len(weekdays) != 7:
        raise doc.error("'weekdays' must list the 7 days, Monday first", at=("weekdays",))
    return DateVocabulary(
        weekdays=weekdays,
        months=_months(doc),
        month_context=words["month_context"],
        future_heads=words["future_heads"],
        future_aux=words["future_aux"],
        non_event_preps=words["non_event_preps"],
        reason_nouns=words["reason_nouns"],
        earlier_adverbs=words["earlier_adverbs"],
        continuing_adverbs=words["continuing_adverbs"],
        occurrence_verbs=words["occurrence_verbs"],
        earlier_clause_marks=words["earlier_clause_marks"],
        quantity_nouns=words["quantity_nouns"],
        statement_verbs=words["statement_verbs"],
        simultaneous_marks=words["simultaneous_marks"],
        incident_nouns=words["incident_nouns"],
        arrest_nouns=words["arrest_nouns"],
        holding_words=words["holding_words"],
        vague_later_units=words["vague_later_units"],
        episode_incidents=words["episode_incidents"],
        episode_acts=words["episode_acts"],
        episode_doers=words["episode_doers"],
        episode_crowds=words["episode_crowds"],
        episode_forces=words["episode_forces"],
        episode_gatherings=words["episode_gatherings"],
        event_noun_verbs=_noun_verbs(doc),
        incident_agents=_noun_verbs(doc, "incident_agents"),
    )


@cache
def date_vocabulary() -> DateVocabulary:
    """The shipped vocabulary, read once per process."""
    return parse_date_vocabulary(load_data(package_data(FILE)))
