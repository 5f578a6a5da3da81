"""Parse repair for a headline that tells an act done to someone with a bare participle:
"Opposition leader jailed for five years", "Two journalists detained in Turkey". A headline
drops "is" and "was", and tells an act its doer did in the present ("Uganda jails opposition
leader"), so a past form with a subject, no auxiliary and no object is a passive: its subject
is the one the act was done to. The small model reads it as an active past verb and makes the
jailed leader the jailer."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, rule
from gestae.resources.word_classes import words

MENDED = "gestae_headline_passive"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)  # set on the participle read as a passive
PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})
# Verbs whose bare participle in a headline is the act done to its subject; reciprocal or
# intransitive verbs ("leaders met", "protesters marched", "minister resigned") are not here.
PASSIVE_VERBS = words("headline_passive_verbs")
GRANTING_VERBS = words("granting_verbs")
GRANTED_THINGS = words("granted_things")
_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd", "ccomp", "xcomp"})


@rule("parse.headline-passive")
def mend_headline_passives(doc: Doc) -> None:
    """'Opposition leader jailed for five years in Uganda': a headline verb in the past form
    with a subject, no auxiliary and no object, whose act is done to someone (word class
    `headline_passive_verbs`), is a passive: its subject is the passive subject, the one
    jailed, and a verb joined to it with no subject of its own is read the same way. So is
    one opening a time clause ('Chad shuts crossing after aid workers killed': the workers
    were killed, they killed no one).

    Example: Opposition Leader Jailed For Five Years In Uganda
    """
    for verb in doc:
        if not (verb.dep_ == "ROOT" or _time_clause(verb)) or not _bare_participle(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "advcl":
            subject = _marked_subject(verb)
        if subject is None or subject.i > verb.i:
            continue
        subject.dep_ = "nsubjpass"
        _mark(verb)
        for conj in verb.children:
            if (
                conj.dep_ == "conj"
                and _bare_participle(conj)
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
            ):
                _mark(conj)


# Words that open a headline's time clause ("Kenya shuts crossing after aid workers killed").
TIME_MARKS = frozenset({"after", "as", "before", "while", "when", "since", "following"})


def _time_clause(verb: Token) -> bool:
    """'WFP pauses aid after staff detained': a headline's time clause drops 'were' as its main
    verb does, so a bare participle there is a passive too (parse.headline-passive)."""
    return verb.dep_ == "advcl" and any(
        c.dep_ in ("mark", "prep") and c.lower_ in TIME_MARKS for c in verb.children
    )


def _marked_subject(verb: Token) -> Token | None:
    """'after staff detained', parsed with 'staff' as the object of 'after': the noun is the
    clause's subject, hung back on its verb."""
    for mark in verb.children:
        if mark.dep_ in ("mark", "prep") and mark.lower_ in TIME_MARKS:
            noun = next((c for c in mark.children if c.dep_ == "pobj"), None)
            if noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.i < verb.i:
                noun.head = verb
                return noun
    return None


def _bare_participle(verb: Token) -> bool:
    """A past form of a listed verb with no auxiliary and no object of its own, or a verb of
    granting whose only object is what was granted (parse.headline-granted)."""
    if verb.pos_ != "VERB" or verb.tag_ not in PARTICIPLE_TAGS:
        return False
    if verb.lemma_.lower() in GRANTING_VERBS and _granted(verb):
        return True
    if verb.lemma_.lower() not in PASSIVE_VERBS:
        return False
    return not any(c.dep_ in _OBJECTS or c.dep_.startswith("aux") for c in verb.children)


@rule("parse.headline-granted")
def _granted(verb: Token) -> bool:
    """'Russian defector granted asylum in Norway', 'Jailed activist denied bail': a headline's
    bare past of a verb of granting whose one object is asylum, bail, a pardon or a visa (word
    class `granted_things`), and no "to" phrase of a receiver, is a passive: its subject is the
    one granted (or refused) the thing, as in "was granted asylum". "Norway granted asylum to
    the pilot" keeps its doer.

    Example: Russian Defector Granted Asylum In Norway
    """
    objects = [c for c in verb.children if c.dep_ in _OBJECTS]
    return (
        len(objects) == 1
        and objects[0].dep_ == "dobj"
        and objects[0].lemma_.lower() in GRANTED_THINGS
        and not any(c.dep_.startswith("aux") or c.dep_ == "dative" for c in verb.children)
        and not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    )


def _mark(verb: Token) -> None:
    verb.tag_ = "VBN"
    verb._.set(MENDED, True)


def trace_headline_passive(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its headline participle was read as a passive."""
    if token._.get(MENDED):
        granted = token.lemma_.lower() in GRANTING_VERBS
        trace.add(
            "parse.headline-granted" if granted else "parse.headline-passive",
            f"'{token.text}' is a passive, its subject the one it was done to",
        )
