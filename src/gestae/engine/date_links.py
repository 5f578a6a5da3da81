"""Dates told elsewhere in the article: the same act told again, and days counted from another
event.

News gives an event's day once and then goes on without it: "Gunmen abducted 40 pupils on
Friday. ... The abduction drew condemnation" or "Police arrested the editor on Monday. ...
The editor was arrested over a post". And "a day earlier", "the next day", "two days after the
vote" count days from another dated event. This module finds the words that link an undated
telling to a dated one; engine/dates.py resolves both and decides when the link applies.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from gestae.engine.date_periods import Period, resolve_text, words
from gestae.engine.date_phrases import doc_candidates
from gestae.engine.date_syntax import clause_verb, is_past_event, is_verb
from gestae.engine.rules import rule
from gestae.resources.word_classes import words as word_class

__all__ = [
    "bare_incident_agent",
    "count_anchor",
    "counted_days",
    "doer_tellings",
    "family",
    "goes_on",
    "in_past_clause",
    "incident_agent",
    "incident_doer",
    "incident_nouns_back",
    "incident_setting",
    "incident_tellings",
    "narration_day",
    "new_telling",
    "participants",
    "pronoun_retelling",
    "quote_day",
    "reacts_to_told_act",
    "refers_back",
    "retellings",
    "retold_past_undated",
    "shift",
    "untagged_count",
]

_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNT_ALT = "|".join([*_COUNTS, r"\d{1,2}"])
# "a day earlier", "two days later", "three weeks after": a count of days from another event.
_COUNTED_RE = re.compile(
    rf"^(?:(?P<n>{_COUNT_ALT})\s+(?P<unit>day|week)s?(?:\s+(?P<dir>earlier|later|before|after))?"
    r"|the\s+(?P<rel>next|following|previous)\s+(?P<unit2>day|week)"
    r"|the\s+(?P<unit3>day|week)(?:\s+(?P<dir2>before|after))?)$",
    re.IGNORECASE,
)
_LATER = frozenset({"later", "after", "next", "following"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "poss"})
_SEARCH_BACK = 60  # sentences: an article's retelling stays within its own story
_REFERRING = frozenset({"the", "this", "that"})


def _direction(word: str | None) -> int:
    if word is None:
        return 0
    return 1 if word.lower() in _LATER else -1


def counted_days(span: Span) -> tuple[int, str] | None:
    """Days (or weeks) and the unit a phrase counts from another event, signed: "a day
    earlier" is (-1, "day"), "two days after the vote" (2, "day"). The direction may follow the
    phrase ("two days" + "after"); with none, the phrase is no count."""
    m = _COUNTED_RE.match(span.text.strip())
    if m is None:
        return None
    if m["rel"]:
        return _direction(m["rel"]), m["unit2"].lower()
    word = m["dir"] or m["dir2"]
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if word is None and after is not None and after.lower_ in ("after", "before"):
        word = after.lower_
    if word is None and span.root.dep_ == "npadvmod":
        # "the day after the men were deported": the direction is the clause's "after".
        marks = [c for c in span.root.head.children if c.dep_ == "mark"]
        word = next((c.lower_ for c in marks if c.lower_ in ("after", "before")), None)
    direction = _direction(word)
    if direction == 0:
        return None
    count = _COUNTS.get((m["n"] or "one").lower()) or int(m["n"])
    return direction * count, (m["unit"] or m["unit3"]).lower()


_COUNT_UNITS = frozenset({"day", "week"})
_TOLD_ACTS = word_class("condemned_acts") | word_class("reacted_rulings")


def reacts_to_told_act(verb: Token) -> bool:
    """ "The EU criticised the verdict": the act's object is an act the article told ("the
    verdict", "the attack"), so the act follows that one and is no part of the background."""
    return any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in _TOLD_ACTS
        and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children)
        for c in verb.children
    )


def untagged_count(verb: Token) -> tuple[int, int] | None:
    """The count of "on Saturday, a day after rioters torched buses" when the model left it
    untagged: a "day" or "week" noun phrase the verb's "after" or "before" clause hangs on it."""
    if not any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in verb.children):
        return None
    for noun in verb.children:
        if noun.dep_ == "npadvmod" and noun.lemma_.lower() in _COUNT_UNITS and noun.i < verb.i:
            return min(t.i for t in noun.subtree), noun.i + 1
    return None


def count_anchor(span: Span) -> Token | None:
    """The event a counted phrase starts from when the sentence names it: the noun of "two
    days after the vote" or the verb of "the day after the men were deported". None means the
    count starts from the narration's last date ("a day earlier", "the next day")."""
    doc = span.doc
    root = span.root
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in ("after", "before") and after.dep_ == "prep":
        objects = [c for c in after.children if c.dep_ in ("pobj", "pcomp")]
        return objects[0] if objects else None
    head = root.head
    if root.dep_ == "npadvmod" and head.dep_ == "mark" and head.lower_ in ("after", "before"):
        head = head.head  # "two days after rebels attacked": the model hangs the count on "after"
    clause = root.dep_ == "npadvmod" and head.pos_ in ("VERB", "AUX") and head.dep_ == "advcl"
    if clause and any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in head.children):
        return head
    return None


def shift(anchor: Period, count: int, unit: str) -> Period | None:
    """The day or week `count` units from a day: only a day can anchor a count of days."""
    if anchor.granularity != "day":
        return None
    if unit == "day":
        day = anchor.start + timedelta(days=count)
        return Period(day, day, "day")
    day = anchor.start + timedelta(weeks=count)
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6), "week")


def family(tok: Token) -> str:
    """The act an event word tells: a verb with its particles, or the verb of an event noun."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("NOUN", "PROPN"):
        return words().vocabulary.event_noun_verbs.get(lemma, lemma)
    # A phrasal verb is its own act: "turned them down" does not retell "turned them over".
    particles = [c.lower_ for c in tok.children if c.dep_ == "prt"]
    return " ".join([lemma, *particles])


def _names(tok: Token) -> set[str]:
    """The content words naming an argument: "the opposition leader" -> {opposition, leader},
    with those of its apposition ("the editor Tendai Moyo" -> {editor, tendai, moyo})."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return set()
    names = {tok.lemma_.lower()}
    names.update(c.lemma_.lower() for c in tok.children if c.dep_ == "compound")
    for appos in (c for c in tok.children if c.dep_ == "appos"):
        names |= _names(appos)  # "the editor Tendai Moyo": the editor is Moyo
    return names


def participants(tok: Token) -> set[str]:
    """Names of who did it and to whom: subjects, objects, the by-agent, the "of" of a noun."""
    names: set[str] = set()
    for child in tok.children:
        if child.dep_ in _ARGUMENTS:
            names |= _names(child)
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "of"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    names |= _names(obj)
    return names


def goes_on(verb: Token, before: Token) -> bool:
    """date.also-continues: an "also" on the verb adds its act to the one just told, when the
    two share a participant or the verb's argument names that act ("The envoy called a meeting
    on Wednesday. Greece also backed the call"); another party's "also" may be another day."""
    adverbs = words().vocabulary.continuing_adverbs
    if not any(c.dep_ == "advmod" and c.lower_ in adverbs for c in verb.children):
        return False
    if participants(verb) & participants(before):
        return True
    told = family(before)
    return any(
        c.dep_ in _ARGUMENTS and c.pos_ == "NOUN" and family(c) == told for c in verb.children
    )


def refers_back(noun: Token) -> bool:
    """A singular event noun with "the", "this", "that" or a possessive ("the abduction",
    "Mhlanga's arrest"): it points to an act the article has told."""
    if noun.tag_ != "NN":
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in _REFERRING) or c.dep_ == "poss" for c in noun.children
    )


def retellings(trigger: Token, sent_start: int) -> Iterator[Token]:
    """Earlier tellings of the trigger's act in the article, nearest first: the same verb, or
    its event noun, in a sentence before the trigger's. A verb must share a participant's name
    with the earlier telling ("Police arrested the editor on Monday" ... "the editor was
    arrested"); a noun that refers back ("the arrest") takes the nearest telling."""
    key = family(trigger)
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    own = participants(trigger)
    if not is_noun and not own:
        yield from pronoun_retelling(trigger, key, sent_start)
        return
    for tok in _event_words_back(trigger.doc, sent_start, _SEARCH_BACK):
        if family(tok) == key and (is_noun or own & participants(tok)):
            yield tok


_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_PRONOUN_REACH = 6  # sentences back: a pronoun points at a person the story named lately
_UNDERGO = frozenset({"dobj", "nsubjpass"})
# Words that make a telling another occurrence ("was arrested again", "had been arrested").
_ANOTHER_TIME = frozenset(
    {"again", "first", "also", "earlier", "previously", "once", "twice", "before", "later"}
)


@rule("date.pronoun-retold")
def pronoun_retelling(trigger: Token, key: str, sent_start: int) -> Iterator[Token]:
    """A past act done to "him" or "her" ("He was arrested at his home") retells the nearest
    earlier telling of the same verb when that one was done to one named person ("Police
    arrested the lawmaker Tendai Moyo on May 2"), within six sentences; a telling of another
    occurrence ("again", "first", "also", "had been") is left alone, and a nearer telling done
    to others ends the look back.

    Example: Police arrested the lawmaker Tendai Moyo on May 2. His party called the charges
    political. He was arrested at his home.
    """
    undergoers = [c for c in trigger.children if c.dep_ in _UNDERGO]
    if len(undergoers) != 1 or undergoers[0].lower_ not in _PERSON_PRONOUNS:
        return
    if any(
        (c.dep_ == "advmod" and c.lower_ in _ANOTHER_TIME)
        or (c.dep_ == "aux" and c.lower_ == "had")
        for c in trigger.children
    ):
        return
    for tok in _event_words_back(trigger.doc, sent_start, _PRONOUN_REACH):
        if tok.pos_ == "VERB" and family(tok) == key:
            if _one_person(tok):
                yield tok
            return


def _one_person(verb: Token) -> bool:
    """The act was done to one named person: a single object or passive subject that names a
    person ("Tendai Moyo", "the lawmaker Tendai Moyo"), joined to no other."""
    undergoers = [c for c in verb.children if c.dep_ in _UNDERGO]
    if len(undergoers) != 1 or any(c.dep_ == "conj" for c in undergoers[0].children):
        return False
    named = [undergoers[0], *(c for c in undergoers[0].children if c.dep_ == "appos")]
    return any(t.ent_type_ == "PERSON" and t.tag_ == "NNP" for t in named)


def tokens_back(doc: Doc, sent_start: int, reach: int) -> Iterator[Token]:
    """The tokens before `sent_start`, nearest first, within `reach` sentences."""
    sentences = 0
    for i in range(sent_start - 1, -1, -1):
        tok = doc[i]
        if tok.is_sent_start:
            sentences += 1
            if sentences > reach:
                return
        yield tok


def _event_words_back(doc: Doc, sent_start: int, reach: int) -> Iterator[Token]:
    """The verbs and singular nouns before `sent_start`, nearest first, within `reach`
    sentences: where an earlier telling of an act can stand."""
    for tok in tokens_back(doc, sent_start, reach):
        if tok.pos_ in ("VERB", "NOUN") and tok.tag_ != "NNS":
            yield tok


_DEFINITE = frozenset({"the", "these", "those"})
_NEW = frozenset({"a", "an", "another"})
INCIDENT_REACH = 12  # sentences back a definite doer looks for the incident it did


def new_telling(tok: Token) -> bool:
    """An event noun with "a", "an" or "another" ("another attack"): a new act, not the one
    told before, so a look back for the earlier telling stops there."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _NEW for c in tok.children)


def incident_agent(subject: Token) -> str | None:
    """The incident verb of a definite doer ("the attackers" -> attack, "the gunmen" ->
    attack), from `incident_agents` in data/dates.yaml; None for any other subject."""
    if subject.pos_ != "NOUN" or not any(
        c.dep_ == "det" and c.lower_ in _DEFINITE for c in subject.children
    ):
        return None
    return words().vocabulary.incident_agents.get(subject.lemma_.lower())


def incident_tellings(subject: Token, verb: str, sent_start: int) -> Iterator[Token]:
    """Earlier words of the article telling the incident a definite doer did, nearest first:
    the incident's verb or its singular event noun ("attacked", "Tuesday's attack"), or a verb
    whose subject or object names a doer of an incident ("Gunmen stormed the depot on Friday"
    for "the attackers")."""
    doers = {subject.lemma_.lower(), *words().vocabulary.incident_agents}
    for tok in _event_words_back(subject.doc, sent_start, INCIDENT_REACH):
        if family(tok) == verb or (tok.pos_ == "VERB" and bool(doers & participants(tok))):
            yield tok


# A bare plural doer carries no count, owner or article ("attackers", not "six attackers").
_NOT_BARE = frozenset({"det", "nummod", "poss", "quantmod", "predet"})


def bare_incident_agent(subject: Token) -> str | None:
    """The incident verb of doers named by a bare plural ("said attackers detonated a bomb"):
    told after the incident, they are most often its doers, as "the attackers" are."""
    if subject.tag_ != "NNS" or any(c.dep_ in _NOT_BARE for c in subject.children):
        return None
    return words().vocabulary.incident_agents.get(subject.lemma_.lower())


def doer_tellings(subject: Token, verb: str, sent_start: int) -> Iterator[Token]:
    """Earlier words telling the incident bare doers did, nearest first: those of
    `incident_tellings` and any noun of a violent incident, singular or plural ("Saturday's
    blasts"), within INCIDENT_REACH sentences."""
    doers = {subject.lemma_.lower(), *words().vocabulary.incident_agents}
    nouns = words().vocabulary.incident_nouns
    for tok in tokens_back(subject.doc, sent_start, INCIDENT_REACH):
        incident_noun = tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns
        if incident_noun or (
            tok.pos_ in ("VERB", "NOUN")
            and tok.tag_ != "NNS"
            and (family(tok) == verb or (tok.pos_ == "VERB" and bool(doers & participants(tok))))
        ):
            yield tok


def incident_doer(trigger: Token) -> Token | None:
    """The active subject of a simple-past act ("the attackers were arrested" is done to them,
    any day); none for a past perfect ("the attackers had planned it": before the incident)."""
    verb = clause_verb(trigger) if is_verb(trigger) else None
    if verb is None or not is_past_event(trigger):
        return None
    if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


# Verbs that tell a violent incident itself, which a later "the attack" may retell ("stormed
# a base on Wednesday ... claimed the attack"); arrests, marches and captures are not attacks.
_ATTACK_VERBS = frozenset(
    {"ambush", "attack", "bomb", "detonate", "hijack", "raid", "shell", "shoot", "storm"}
)


def incident_nouns_back(noun: Token, sent_start: int) -> Iterator[Token]:
    """Earlier nouns of the article naming a violent incident (`incident_nouns` in
    data/dates.yaml), singular or plural ("Saturday's blasts"), and verbs telling one
    ("militants stormed a base on Wednesday"), nearest first, within INCIDENT_REACH
    sentences: the words a referring "the attack" may retell."""
    nouns = words().vocabulary.incident_nouns
    for tok in tokens_back(noun.doc, sent_start, INCIDENT_REACH):
        kinds = {"NOUN": nouns, "VERB": _ATTACK_VERBS}
        if tok.lemma_.lower() in kinds.get(tok.pos_, ()):
            yield tok


NARRATION_REACH = 3  # sentences back a count of days may look for its day


def narration_day(span: Span, published: date) -> Period | None:
    """The nearest date phrase before the count, if it is a day: "On Monday the envoy said
    ...; a day earlier ..." counts from Monday."""
    doc = span.doc
    starts, by_sent = doc_candidates(doc)
    index = bisect_right(starts, span.start) - 1
    for sent_start in reversed(starts[max(0, index - NARRATION_REACH) : index + 1]):
        for start, end in reversed(by_sent.get(sent_start, [])):
            if end > span.start:
                continue
            earlier = doc[start:end]
            if counted_days(earlier) is not None:
                return None
            period = resolve_text(earlier.text, published, False)
            if period is not None:
                return period if period.granularity == "day" else None
    return None


# '"We are right," he said Wednesday.': read from the text, since the coder may not have
# parsed a sentence that holds no event word.
SAID_ON_RE = re.compile(
    r"^[\"\u201c\u2018'].+[\"\u201d\u2019'],?\s+(?:he|she|they)\s+(?:said|added|told\s+\w+)"
    r"\s+(?:on\s+)?(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today)\s*\.?$"
)


def quote_day(sentence: str) -> str | None:
    """The day of a quote's attribution to "he", "she" or "they", if the sentence is one."""
    m = SAID_ON_RE.match(sentence.strip())
    return m["day"] if m else None


def in_past_clause(noun: Token) -> bool:
    """The nearest verb above a noun is a past event ("claimed responsibility for the
    attack"), not a future or a present ("there will be his arrest")."""
    verb = next((a for a in noun.ancestors if is_verb(a)), None)
    return verb is not None and is_past_event(verb)


@rule("date.retold-past-undated")
def retold_past_undated() -> None:
    """An event noun that refers back ("the attack") in a past clause is the incident the
    story told with its day, even when a sentence between retells it without one ("came under attack in a
    tunnel"): it takes the dated telling's day. A telling with "a", "an" or "another" is a new
    act and stops the look back.

    Example: Gunmen attacked a bus on Monday. It came under attack near a bridge. The group
    claimed the attack.
    """


def incident_setting(verb: Token) -> Token | None:
    """The noun of "in the attack" on a past act ("were killed in the attack"): the incident
    the act is part of."""
    if not is_past_event(verb):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            return next((o for o in prep.children if o.dep_ == "pobj"), None)
    return None
