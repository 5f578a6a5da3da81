"""Who does an act told in a participle the parse hung in an odd place: a past form hung on a
noun inside its own subject phrase, a participle the parse made the subject, and a protest
told in a participle after the crowd's own verb."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.crowd_sources import crowd
from gestae.engine.events.sources import subject_actors
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, child


@rule("source.slipped-participle")
def slipped_participle(ev: Event, subject: Token) -> list[Mention]:
    """'A suicide bomber driving a car packed with explosives killed 11 people': a past form
    with a direct object that the parse hangs on a noun inside its own subject phrase is the
    main verb; the noun heading that phrase is its subject.

    Example: A suicide bomber driving a truck packed with explosives killed 20 soldiers in Hilla.
    """
    found = [m for m in subject_actors(ev, subject) if m.actors]
    if found:
        ev.trace.add("source.slipped-participle", f"'{subject.text}' {ev.clause.text}")
    return found


@rule("source.participle-subject")
def participle_subject(ev: Event, subject: Token) -> list[Mention]:
    """'A suicide bomber standing in line detonated the bomb': the parse makes the participle
    the subject and hangs the noun on it; the noun is who acted.

    Example: A gunman hiding in the crowd shot the governor of Kano.
    """
    inner = child(subject, {"nsubj"}) if subject.tag_ in ("VBG", "VBN") else None
    if inner is None or inner.pos_ not in ("NOUN", "PROPN"):
        return []
    found = [m for m in subject_actors(ev, inner) if m.actors]
    return ev.found("source.participle-subject", found, f"'{inner.text}' {subject.text}")


@rule("source.participle-crowd")
def participle_crowd(ev: Event, clause: Token) -> list[Mention]:
    """A protest told in a participle after the crowd's own verb ("hundreds gathered outside
    the court, chanting slogans against the government") is the crowd's: the clause it hangs
    on names the people, as "protesters marched" does.

    Example: Thousands of his supporters gathered in the square, chanting slogans.
    """
    # After the crowd's verb and with no conjunction of its own: "when protesting X, people
    # raise a question" tells no protest.
    after = clause.dep_ == "advcl" and clause.i > clause.head.i
    host = child(clause.head, SUBJECT_DEPS) if after else None
    if host is None or child(clause, {"mark"}) is not None:
        return []
    found = crowd(ev, host)
    if found:
        ev.trace.add("source.participle-crowd", f"'{host.text}' {clause.head.text}")
    return found


@rule("source.interrupting-participle")
def interrupting_participle(ev: Event) -> list[Mention]:
    """'Leaders of the bloc, meeting in Abuja, threatened sanctions': a participle clause set
    off by commas between a subject and its verb is read by the parse as the clause that
    owns the subject, leaving the main verb with none; the noun before the first comma is
    the subject of both.

    Example: Ministers of the alliance, speaking after talks in Lima, condemned the blockade.
    """
    verb = ev.clause
    if verb.pos_ != "VERB" or child(verb, SUBJECT_DEPS) is not None:
        return []
    for clause in verb.lefts:
        if clause.dep_ != "advcl" or clause.tag_ not in ("VBG", "VBN"):
            continue
        subject = child(clause, {"nsubj"})
        if subject is None or subject.i > clause.i or subject.pos_ not in ("NOUN", "PROPN"):
            continue
        doc = verb.doc
        # A comma opens the participle's clause and another closes it.
        opened = doc[clause.i - 1].text == ","
        closed = clause.right_edge.i + 1 < verb.i and doc[clause.right_edge.i + 1].text == ","
        if not (opened and closed) or child(clause, {"mark"}) is not None:
            continue
        found = [m for m in subject_actors(ev, subject) if m.actors]
        return ev.found("source.interrupting-participle", found, f"'{subject.text}' {clause.text}")
    return []
