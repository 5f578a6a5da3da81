"""Acts told by a participle or a passive on the one who undergoes them.

News tells much of its violence on the victim: "three aid workers abducted near Gao were
freed", "two soldiers who were captured in an ambush", "the sixth commander to be killed this
week", "eleven people were killed and nine wounded". No word there is the act's subject, so
the clause rules find no source; these shapes name the victim instead, and the act stands
on it as a passive does (docs/contract.md, "Who acted when the sentence does not say"): the
victim is the target, a "by" phrase or the attack the act happened in names the source, and
with neither the source is null.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from gestae.engine.events.codes import VIOLENT_ROOTS
from gestae.engine.rules import rule
from gestae.engine.syntax import HYPHENS, OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, child
from gestae.resources.word_classes import words

# The codes whose act a participle may tell on its victim: the violent roots, arrest and
# expulsion (a ban, "outlawed in Russia", is a label, not news of an act).
UNDERGONE_CODES = (*VIOLENT_ROOTS, "173", "174")
# The pronouns that open a relative clause on its noun ("soldiers who were captured").
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Nouns that count the victims of many acts ("the number of peacekeepers killed"): a tally,
# not the news of one act.
TALLY_NOUNS = frozenset({"number", "toll", "total", "tally", "count"})
# A past participle, or one the tagger read as a past tense though it has no subject (only
# after a comma: ", shot in the head,").
PAST_TAGS = frozenset({"VBN", "VBD"})
# The words a participle may stand on: a person, a group, a name, "those" or "others", or a
# nationality the parse reads as an adjective ("an Iranian captured in Afghanistan").
VICTIM_POS = frozenset({"NOUN", "PROPN", "PRON", "ADJ"})
REPORTING_PASSIVES = words("reporting_passives")
# Words that count victims with no noun ("many", "dozens"): the subject of a gapped passive.
COUNTED_VICTIMS = words("counted_victims")
# One person told by age or kin ("and his wife injured"): a gapped passive's victim too.
PERSON_VICTIMS = words("person_victims") | words("kin_nouns")


def _hyphenated(verb: Token) -> bool:
    """'a killed-in-action list': the participle is part of a word, not a clause."""
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    before = doc[verb.i - 1] if verb.i > 0 else None
    return any(t is not None and t.text in HYPHENS and not t.whitespace_ for t in (before, after))


@rule("target.reduced-relative")
def reduced_relative(verb: Token) -> Token | None:
    """'three aid workers abducted near Gao', 'Rebel Spokesman Killed in Army Raid': a past
    participle after its noun, with no object and no subject of its own, tells what the noun
    underwent; the noun is the victim, also when the tagger read a past tense on a noun that
    is another verb's object ("showed two engineers seized near X"). An adjective before the
    noun ('the injured man') is no such clause, and neither is a hyphenated label ('a
    killed-in-action list') or a tally ('the number of soldiers killed since 2001').

    Example: Three aid workers abducted near Gao were freed on Monday.
    """
    if verb.dep_ != "acl" or verb.tag_ not in PAST_TAGS or verb.i < verb.head.i:
        return None
    comma = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    if verb.tag_ == "VBD" and not comma and not object_participle(verb):
        return None  # "a car bomb detonated near X": a main verb the parse hung on its noun
    if any(c.dep_ in SUBJECT_DEPS | OBJECT_DEPS | {"aux", "auxpass"} for c in verb.children):
        return None
    if verb.head.pos_ not in VICTIM_POS or _hyphenated(verb) or _tallied(verb.head):
        return None
    if whom_before(verb.head) is not None:
        return None  # target.whom-subject: "X, whom police arrested": the police arrested
    return verb.head


@rule("target.whom-subject")
def whom_before(noun: Token) -> Token | None:
    """'Ali Musa, whom police arrested on Monday, ...': a noun right after an object relative
    pronoun is the relative clause's subject, though the parse may hang the verb on it as a
    participle ('police arrested' read as 'police who were arrested'); the noun is the doer,
    never the victim, and the act's target is the name "whom" follows (source.whom-subject).

    Example: Ali Musa, whom Ugandan police arrested on Monday, is a Kenyan lawyer.
    """
    doc, start = noun.doc, noun.left_edge.i
    before = doc[max(start - 1, 0) : noun.i]  # the parse may hang "whom" on the noun itself
    return next((t for t in before if t.lower_ == "whom"), None)


def _tallied(noun: Token) -> bool:
    """'the number of peacekeepers killed', 'the toll of those killed': a count of victims."""
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    return holder.lemma_.lower() in TALLY_NOUNS


@rule("target.relative-passive")
def relative_passive(verb: Token) -> Token | None:
    """'two soldiers who were captured in an ambush', 'the sixth commander to be killed this
    week': a passive relative clause whose subject is a relative pronoun, or which has none,
    tells what its noun underwent; the noun is the victim.

    Example: Two soldiers who were captured in an ambush near Harvek are believed dead.
    """
    if verb.dep_ not in ("relcl", "acl") or verb.i < verb.head.i:
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subject = child(verb, PASSIVE_SUBJECT_DEPS)
    if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
        return None
    return verb.head if verb.head.pos_ in VICTIM_POS else None


@rule("target.gapped-passive")
def gapped_passive(verb: Token) -> Token | None:
    """'eleven people were killed and nine wounded': a participle joined to a passive, with
    its own victims and the auxiliary left out, is passive too; its subject (a number,
    'others', or one person told by age or kin: 'and his wife injured') is the victim, not
    the doer.

    Example: Eleven villagers were killed and nine others wounded in the attack on Tarvel.
    """
    if verb.dep_ != "conj" or verb.tag_ not in PAST_TAGS:
        return None
    head = verb.head
    if not any(c.dep_ == "auxpass" for c in head.children):
        return None
    if any(c.dep_ in OBJECT_DEPS | {"aux", "auxpass"} for c in verb.children):
        return None
    subject = child(verb, SUBJECT_DEPS)
    if subject is None:
        return None
    counted = subject.like_num or subject.lemma_.lower() in ("other", "others")
    counted = counted or subject.lower_ in COUNTED_VICTIMS  # "and many wounded"
    counted = counted or subject.lemma_.lower() in PERSON_VICTIMS  # "and his wife injured"
    return subject if counted or any(c.dep_ == "nummod" for c in subject.children) else None


@rule("target.shared-passive")
def shared_passive(verb: Token) -> Token | None:
    """'several women got caught up in the fighting and were killed', 'fighters who crossed
    the border and were captured': a passive joined to a verb whose subject it shares has
    that subject as its victim (through a relative pronoun, the noun the clause is on).

    Example: Four fishermen crossed into Indian waters and were detained by the coast guard.
    """
    if verb.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if child(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) is not None:
        return None
    subject = child(verb.head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
        relative = verb.head
        return relative.head if relative.dep_ == "relcl" else None
    return subject


@rule("target.passive-conjunct")
def passive_conjunct(verb: Token) -> Token | None:
    """'the victims had been bound and shot in the head', 'two reporters were stripped and
    beaten': a bare participle joined to a passive, with no subject, object or auxiliary of
    its own, is passive on the same subject, which underwent it too.

    Example: The two traders had been blindfolded and shot near Tijuana.
    """
    if verb.dep_ != "conj" or verb.tag_ != "VBN":
        return None
    head = verb.head
    if not any(c.dep_ == "auxpass" for c in head.children):
        return None
    if any(c.dep_ in OBJECT_DEPS | SUBJECT_DEPS | {"aux", "auxpass"} for c in verb.children):
        return None
    subject = child(head, PASSIVE_SUBJECT_DEPS)
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return None
    return subject


@rule("target.reported-victim")
def reported_victim(verb: Token) -> Token | None:
    """'eight civilians were reported wounded', '22 villagers are feared killed': a past
    participle under a passive verb of report or opinion (reporting_passives) tells what that
    verb's subject underwent; the subject is the victim.

    Example: Eight Malian soldiers were reported killed near Gao on Sunday.
    """
    if verb.dep_ not in ("xcomp", "oprd", "advcl", "ccomp") or verb.tag_ not in PAST_TAGS:
        return None
    if any(
        c.dep_ in SUBJECT_DEPS | OBJECT_DEPS | {"aux", "auxpass", "mark"} for c in verb.children
    ):
        return None
    head = verb.head
    if head.lemma_.lower() not in REPORTING_PASSIVES or head.i > verb.i:
        return None
    if not any(c.dep_ == "auxpass" for c in head.children):
        return None
    victim = child(head, PASSIVE_SUBJECT_DEPS)
    return victim if victim is not None and victim.pos_ in VICTIM_POS else None


# Words opening a reduced clause of time or condition ("when attacked", "if captured").
REDUCED_CLAUSE_WORDS = frozenset({"when", "whenever", "while", "if", "once", "until"})


@rule("target.when-undergone")
def when_undergone(verb: Token) -> Token | None:
    """'Kenyan soldiers returned fire when attacked by al-Shabab': a past participle opened by
    'when' or 'if' with no subject or auxiliary of its own tells what the subject of the verb
    it hangs on underwent; that subject is the victim, never the doer.

    Example: Kenyan soldiers returned fire when attacked by al-Shabab fighters near Mandera.
    """
    if verb.dep_ != "advcl" or verb.tag_ != "VBN":
        return None
    if any(c.dep_ in SUBJECT_DEPS | {"aux", "auxpass"} for c in verb.children):
        return None
    if not any(c.lower_ in REDUCED_CLAUSE_WORDS for c in verb.children if c.i < verb.i):
        return None
    head = verb.head
    for _ in range(3):  # "rebels try to flee when attacked": the subject of "try"
        subject = child(head, SUBJECT_DEPS)
        if subject is not None or head.dep_ not in ("xcomp", "conj"):
            return subject
        head = head.head
    return None


@rule("target.comma-participle")
def comma_participle(verb: Token) -> Token | None:
    """'the rebel commander is dead, killed in a joint operation', 'Kenyan troops returned to
    base, ambushed twice on the road': a past participle set off by a comma, with no subject,
    auxiliary, object or opening word of its own, tells what the subject of the verb it
    hangs on underwent; that subject is the victim, never the doer.

    Example: The Malian commander is dead, killed in an ambush near Gao.
    """
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.i < verb.head.i:
        return None
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if any(
        c.dep_ in SUBJECT_DEPS | OBJECT_DEPS | {"aux", "auxpass", "mark"} for c in verb.children
    ):
        return None
    if any(c.i < verb.i for c in verb.children if c.dep_ == "advmod"):
        return None  # "..., then attacked": an act of the subject's own
    return child(verb.head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)


PARTICIPLE_SHAPES: list[Callable[[Token], Token | None]] = [
    reduced_relative,
    relative_passive,
    gapped_passive,
    shared_passive,
    passive_conjunct,
    reported_victim,
    when_undergone,
    comma_participle,
]


def participle_victim(verb: Token) -> tuple[Token, str] | None:
    """Who underwent the act a participle or a relative passive tells, with the id of the
    shape that says so; None when the verb is not one of these shapes (an ordinary passive
    names its own subject)."""
    for shape in PARTICIPLE_SHAPES:
        victim = shape(verb)
        if victim is not None:
            return victim, str(shape.rule_id)  # type: ignore[attr-defined]
    return None


# Participles of a charge: "companies accused of supplying parts" are charged, not accusers.
CHARGE_PARTICIPLES = frozenset({"accuse", "suspect", "convict"})


def charged_participle(participle: Token) -> bool:
    """'accused of', 'suspected of', 'convicted of' on a noun: the noun is the one charged,
    even when the tagger took the participle for a past tense (VBD)."""
    return participle.lemma_.lower() in CHARGE_PARTICIPLES and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in participle.children
    )


def object_participle(current: Token) -> bool:
    """'a video showing three fishermen kidnapped off the coast': a clause hung on a noun that
    is itself another verb's object is a reduced passive even when the tagger read a past
    tense (VBD): an object is no clause's subject, so the noun underwent the act."""
    return (
        current.dep_ == "acl"
        and current.tag_ == "VBD"
        and current.head.dep_ in ("dobj", "pobj", "dative")
    )
