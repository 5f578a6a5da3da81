"""An act a story tells first without a day takes the day a later sentence gives it.

A news lead often tells the act undated ("Police arrested the opposition leader Tendai Moyo,
his party said"), and the next sentences tell it again with its day ("Moyo was arrested at
his home on Sunday"). engine/dates.py carries a day back from an earlier telling
(`_retold`); this carries it forward, with the same care: the same act (verb or event noun)
told of the same participant, close after, on a recent day, and not told as another
occurrence ("again", "first", "also", "had been").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from datetime import date

from spacy.tokens import Token

from gestae.engine.date_links import (
    family,
    incident_setting,
    new_telling,
    participants,
    refers_back,
)
from gestae.engine.date_past import HISTORICAL_GAP
from gestae.engine.date_periods import words as words_of_dates
from gestae.engine.date_phrases import doc_candidates
from gestae.engine.date_setting import setting_retold
from gestae.engine.date_subject import effect_subject
from gestae.engine.date_syntax import clause_verb, is_past_event, is_verb
from gestae.engine.rules import rule, rule_id_of
from gestae.engine.syntax import PLACE_ENTITY_TYPES
from gestae.resources.word_classes import words
from gestae.schema import EventDate

# Time phrases by the start of their sentence, as date_phrases.doc_candidates gives them.
Candidates = dict[int, list[tuple[int, int]]]

__all__ = ["incident_told_later", "told_around", "told_later"]

ACT_GROUPS = {"@abduct": words("told_abductions"), "@arrest": words("told_arrests")}
_UNDERGO = frozenset({"dobj", "nsubjpass"})
FORWARD_REACH = 4  # sentences after the act's own where its retelling may stand
# An adverb that makes a telling another occurrence of the act, not this one.
_OTHER_TIME = frozenset(
    {"again", "first", "also", "earlier", "previously", "once", "twice", "later", "since"}
)


def _act(tok: Token) -> str:
    """The act a word tells: its verb family, an abduction or an arrest by any of its words."""
    lemma = tok.lemma_.lower()
    return next((key for key, group in ACT_GROUPS.items() if lemma in group), family(tok))


def _bare_participle(verb: Token) -> bool:
    """ "One of the group's leaders is dead, killed in an airstrike": a past participle
    clause with no auxiliary tells a completed act."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "advcl")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _past_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _another_time(tok: Token) -> bool:
    """The telling is of another occurrence: "arrested again", "was first arrested", "had
    been arrested", "another arrest", "had ordered his arrest"."""
    if new_telling(tok):
        return True
    verb = clause_verb(tok) if is_verb(tok) else tok
    if verb is None:
        return True
    marks = [*tok.children, *(verb.children if verb is not tok else [])]
    # "The court had authorised his arrest last week": a noun a past perfect carries is
    # earlier than the act, as "had been arrested" is.
    carrier = tok.head if not is_verb(tok) and tok.dep_ == "dobj" else verb
    return any(c.dep_ == "advmod" and c.lower_ in _OTHER_TIME for c in marks) or (
        is_verb(carrier) and _past_perfect(carrier)
    )


def _tellings_after(trigger: Token, starts: list[int], index: int) -> Iterator[Token]:
    """Verbs and singular event nouns of the trigger's act in the sentences after its own,
    nearest first."""
    doc = trigger.doc
    key = _act(trigger)
    first = index + 1
    last = min(len(starts), first + FORWARD_REACH)
    if first >= last:
        return
    end = starts[last] if last < len(starts) else len(doc)
    for tok in doc[starts[first] : end]:
        if tok.pos_ in ("VERB", "NOUN") and tok.tag_ != "NNS" and _act(tok) == key:
            yield tok


@rule("date.told-later")
def told_later(
    trigger: Token, published: date | None, alone: Callable[[Token], EventDate]
) -> EventDate | None:
    """A simple-past act (or a bare past participle, "is dead, killed in an airstrike") in a
    sentence with no date phrase takes the day of its nearest telling in the four sentences
    after, when that telling is the same act (same verb, or its event noun; an abduction or an
    arrest by any of its words, `told_abductions`, `told_arrests`) and shares a participant's
    name with it ("the editor ... the editor was arrested on Sunday"), counting no party
    differently ("killed 20 people" ... "killed 15 people") and naming no other place; or is
    a definite event noun naming no one else ("the kidnapping"). A lead's bare participle with
    no participant of its own matches only an agentless passive of the act. The later
    day must fall within 31 days before publication; a telling of another occurrence
    ("again", "first", "also", "had been", "another arrest") or one dated by no day stops the
    look ahead, and so does a nearer telling of the act with other participants. A week
    that ended in those 31 days ("last week") or the publication's own month ("earlier this
    month") dates it as a day does.

    Example: Police arrested the editor Tendai Moyo, his party said. Moyo was arrested at his
    home on Sunday.
    """
    if published is None or not is_verb(trigger):
        return None
    verb = clause_verb(trigger)
    if verb is None or _past_perfect(verb):
        return None
    if not (is_past_event(trigger) or _bare_participle(trigger)):
        return None
    found = _undated_sentence(trigger)
    if found is None:
        return None
    starts, by_sent, index = found
    own = participants(trigger)
    if not own and (index != 0 or not _bare_participle(trigger)):
        return None
    for later in _tellings_after(trigger, starts, index):
        theirs = participants(later)
        same = _same_parties(trigger, later)
        if not (same or _points_back(later, theirs) or _lead_passive(own, later)):
            if is_verb(later) and theirs:
                return None  # the act told of others: another occurrence
            continue
        if _another_time(later):
            return None
        if not by_sent.get(starts[bisect_right(starts, later.i) - 1]):
            return None  # the telling's sentence names no time: read alone, it is undated
        when = alone(later)
        return when if when.basis == "text" and _news_time(when, published) else None
    return None


def _news_time(when: EventDate, published: date) -> bool:
    """The later telling's time is the news's own: a day within 31 days before publication, a
    week that ended within them ("last week"), or the publication's month ("earlier this
    month"). An older time may tell an earlier occurrence ("was arrested in 2019")."""
    if when.value is None or when.end is None or when.value > published.isoformat():
        return False
    recent = (published - HISTORICAL_GAP).isoformat()
    if when.granularity == "day":
        return recent <= when.value
    if when.granularity == "week":
        return recent <= when.end
    return when.granularity == "month" and when.value[:7] == published.isoformat()[:7]


def _points_back(tok: Token, theirs: set[str]) -> bool:
    """ "The kidnapping happened on Friday": a definite event noun naming no one else."""
    return not is_verb(tok) and not theirs and refers_back(tok)


def _lead_passive(own: set[str], tok: Token) -> bool:
    """ "Al-Tamimi was killed on Thursday" after a lead whose act names no participant: a
    passive with no "by" agent."""
    return (
        not own
        and is_verb(tok)
        and any(c.dep_ == "nsubjpass" for c in tok.children)
        and not any(c.dep_ == "agent" for c in tok.children)
    )


def _names(tok: Token) -> set[str]:
    """A party's words: "the editor Tendai Moyo" -> {editor, tendai, moyo}."""
    names = {tok.lemma_.lower()}
    for child in tok.children:
        if child.dep_ == "compound":
            names.add(child.lemma_.lower())
        elif child.dep_ == "appos":
            names |= _names(child)
    return names


def _roles(tok: Token) -> tuple[set[str], set[str]]:
    """Who did the act and to whom it was done, by name: subject or "by" agent; object,
    passive subject, or the "of" or possessive of an event noun."""
    doers: set[str] = set()
    undergoers: set[str] = set()
    for child in tok.children:
        if child.dep_ == "nsubj" and is_verb(tok):
            doers |= _names(child)
        elif child.dep_ in ("dobj", "nsubjpass", "poss"):
            undergoers |= _names(child)
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "of"):
            objects = [o for o in child.children if o.dep_ == "pobj"]
            for obj in objects:
                (doers if child.dep_ == "agent" else undergoers).update(_names(obj))
    return doers, undergoers


def _undated_sentence(trigger: Token) -> tuple[list[int], Candidates, int] | None:
    """The document's sentence starts, its time phrases by sentence and the index of the
    trigger's sentence; None when that sentence gives a time of its own, even if not this
    act's."""
    starts, by_sent = doc_candidates(trigger.doc)
    index = bisect_right(starts, trigger.i) - 1
    return None if by_sent.get(starts[index]) else (starts, by_sent, index)


def _same_parties(first: Token, later: Token) -> bool:
    """The two tellings share a doer or an undergoer, and name no different one in a role
    both fill ("police arrested the editor" is not "police arrested his deputy")."""
    pairs = list(zip(_roles(first), _roles(later), strict=True))
    if any(a and b and not a & b for a, b in pairs) or _other_details(first, later):
        return False
    return any(a & b for a, b in pairs)


_PLACE_PREPS = frozenset({"in", "at", "near"})


def _counts(tok: Token) -> dict[str, str]:
    """The numbers the act's parties are counted by: "killed 20 people" -> {undergoer: 20}."""
    counts = {}
    for child in tok.children:
        role = "doer" if child.dep_ == "nsubj" else "undergoer" if child.dep_ in _UNDERGO else ""
        number = next((c.lower_ for c in child.children if c.dep_ == "nummod"), None)
        if role and number is not None:
            counts[role] = number
    return counts


def _places(tok: Token) -> set[str]:
    """The named places the act is told at: "in Rafah", "near Gao"."""
    return {
        obj.lemma_.lower()
        for prep in tok.children
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS
        for obj in prep.children
        if obj.dep_ == "pobj" and (obj.pos_ == "PROPN" or obj.ent_type_ in PLACE_ENTITY_TYPES)
    }


def _other_details(first: Token, later: Token) -> bool:
    """The tellings count a party differently ("killed 20 people" ... "killed 15 people") or
    set the act in different named places ("in Nairobi" ... "in Mombasa"): two acts."""
    mine, theirs = _counts(first), _counts(later)
    if any(role in theirs and theirs[role] != number for role, number in mine.items()):
        return True
    here, there = _places(first), _places(later)
    return bool(here and there and not here & there)


def told_around(
    trigger: Token, published: date | None, alone: Callable[[Token], EventDate], rules: list[str]
) -> EventDate | None:
    """The day another sentence gives an undated act: the event it is set in
    (date.setting-retold), or its own later telling (date.told-later); the deciding rule's id
    goes into `rules`."""
    for part in (setting_retold, told_later, incident_told_later):
        if (when := part(trigger, published, alone)) is not None:
            rules.append(rule_id_of(part))
            return when
    return None


@rule("date.incident-told-later")
def incident_told_later(
    trigger: Token, published: date | None, alone: Callable[[Token], EventDate]
) -> EventDate | None:
    """A simple-past act told as part of a violent incident, in a sentence with no date phrase
    ("Gunmen killed 12 pupils in an attack on a school", "An ambush killed nine soldiers"),
    takes the day of the incident's referring noun in the four sentences after ("The attack
    happened on Friday night"; `incident_nouns`), on a day within 31 days before publication
    (a week ended in them or this month count as date.told-later's do). A new incident on the
    way ("another attack", "a blast") stops the look ahead, and so do a plural ("the
    attacks"), a telling the sentence gives no time and one set in another named place.

    Example: Gunmen killed 12 pupils in an attack on a school in Kaduna, police said. The
    attack happened on Friday night.
    """
    if published is None or not is_verb(trigger) or not is_past_event(trigger):
        return None
    verb = clause_verb(trigger)
    noun = incident_setting(trigger) or effect_subject(trigger)
    if verb is None or _past_perfect(verb) or noun is None or noun.tag_ != "NN":
        return None
    incidents = words_of_dates().vocabulary.incident_nouns
    if noun.lemma_.lower() not in incidents:
        return None
    doc = trigger.doc
    found = _undated_sentence(trigger)
    if found is None:
        return None
    starts, by_sent, index = found
    last = min(len(starts), index + 1 + FORWARD_REACH)
    end = starts[last] if last < len(starts) else len(doc)
    here = {t.lemma_.lower() for t in trigger.sent if t.ent_type_ in PLACE_ENTITY_TYPES}
    for later in doc[starts[index + 1] : end] if index + 1 < len(starts) else []:
        if later.pos_ != "NOUN" or later.lemma_.lower() not in incidents:
            continue
        if later.tag_ != "NN" or new_telling(later) or not refers_back(later):
            return None
        there = _places(later) | (_places(later.head) if later.dep_ == "nsubj" else set())
        if here and there and not here & there:
            return None
        when = alone(later)
        if when.basis != "text" or not _news_time(when, published):
            return None
        return when if when.text in _occurrence_days(later, by_sent) else None
    return None


def _occurrence_days(noun: Token, by_sent: dict[int, list[tuple[int, int]]]) -> set[str]:
    """The date phrases that say when the incident itself happened: its possessive or
    premodifier ("Friday's attack"), or a phrase on the verb it is the subject of, when that
    verb tells an occurrence ("The attack happened on Friday night", "took place on
    Sunday"), not another act ("the militants claimed the attack on Sunday", "the attack
    came days after an assault on Sunday")."""
    doc = noun.doc
    verb = noun.head
    occurs = noun.dep_ == "nsubj" and (
        verb.lemma_.lower() in words_of_dates().vocabulary.occurrence_verbs
        or (verb.lemma_.lower() == "take" and any(c.lower_ == "place" for c in verb.children))
    )
    days = set()
    for start, end in by_sent.get(noun.sent.start, []):
        root = doc[start:end].root
        above = root.head.head if root.head.dep_ == "prep" else root.head
        if (root.head.i == noun.i and root.dep_ in ("poss", "compound", "nmod")) or (
            occurs and above.i == verb.i and root.i != verb.i
        ):
            days.add(doc[start:end].text)
    return days
