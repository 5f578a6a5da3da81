"""The clause a matched act sits in says it did not happen (yet): it is alleged, considered,
wished, conditional, asked or doubted, or no one acted (a disaster, an accident). Kept apart from
suppression.py, whose rules read the trigger itself; each is a named rule, and the first that
holds drops every trigger of the clause."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from gestae.engine.casualties import acted_objects, casualty_lexicon, is_incident_cause
from gestae.engine.events.authorised_acts import AUTHORISED_SUPPRESSIONS
from gestae.engine.events.called_acts import CALLED_ACT_SUPPRESSIONS
from gestae.engine.events.generic import MODAL_SUPPRESSIONS
from gestae.engine.events.habits import HABIT_SUPPRESSIONS
from gestae.engine.events.modality import SPEECH_VERBS, in_conditional
from gestae.engine.events.name_words import NAME_WORD_SUPPRESSIONS
from gestae.engine.events.no_act import NO_ACT_SUPPRESSIONS
from gestae.engine.events.nonfactual import NONFACT_SUPPRESSIONS
from gestae.engine.events.nonpolitical import non_human, word_forms
from gestae.engine.events.purposes import PURPOSE_SUPPRESSIONS
from gestae.engine.events.tallies import TALLY_SUPPRESSIONS
from gestae.engine.events.untold import UNTOLD_SUPPRESSIONS
from gestae.engine.events.work_plots import WORK_PLOT_SUPPRESSIONS
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, agent, child, objects, pobjs
from gestae.resources.word_classes import words

ALLEGATION_NOUNS = words("allegation_nouns")
# Words that make their complement an option under study, not an act (CAMEO 014).
CONSIDERING = words("considering_words")
# Governors whose complement is only wished for: a statement of hope or need (CAMEO 01x).
WISH_GOVERNORS = words("wish_governors")


@rule("suppress.alleged")
def alleged(clause: Token) -> bool:
    """'accusations that it attacked the tanker': the act is what a claim says, not a fact.
    A verb of speech ('witnesses claim that militia killed ...') reports someone else's act
    (modality.reported); a claim of one's own act ('they claimed they had attacked') stays one.

    Example: Officials dismissed claims that Mexico attacked Guatemala.
    """
    head = clause.head
    if clause.dep_ not in ("acl", "ccomp", "relcl") or head.lemma_.lower() not in ALLEGATION_NOUNS:
        return False
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in SPEECH_VERBS:
        return True
    doer = child(clause, SUBJECT_DEPS)  # "they had attacked", "its jets struck": the claimant
    return doer is not None and any(w.pos_ == "PRON" for w in (doer, *doer.children))


@rule("suppress.considered")
def considered(clause: Token) -> bool:
    """'is considering sending aid': a policy option (CAMEO 014), no act.

    Example: Spain is considering sending aid to Morocco.
    """
    current = clause
    for _ in range(4):
        if current.dep_ not in ("xcomp", "ccomp", "pcomp", "prep", "pobj", "acl", "dobj"):
            return False
        current = current.head
        if current.lemma_.lower() in CONSIDERING:
            return True
    return False


@rule("suppress.wish")
def wish(clause: Token) -> bool:
    """'hoped to resume flights', 'we need to cooperate', 'seeks to meet': a wish, no act.
    The governor's written form counts too: the small model lemmatises "hopes" as "hop".

    Example: Egypt hopes to resume flights to Libya.
    """
    if clause.dep_ != "xcomp":
        return False
    governor = clause.head
    forms = word_forms(governor) | {governor.lower_.removesuffix("d")}  # "hoped" -> "hope"
    return bool(forms & WISH_GOVERNORS)


@rule("suppress.conditional")
def conditional(clause: Token) -> bool:
    """'if Russia invades ...': a condition, not an act.

    Example: If Iran attacks Israel, oil prices will rise.
    """
    return in_conditional(clause)


# Marks of a clause that says when an act ends: "until", "till".
UNTIL_MARKS = frozenset({"until", "till"})
# Auxiliaries that announce the act an "until" clause ends, or make it conditional.
ANNOUNCING_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})


def _announced(verb: Token) -> bool:
    """The verb, or the verb it completes ("would continue to block"), is announced with
    'will' or 'would'."""
    current = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in ANNOUNCING_AUX for c in current.children):
            return True
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _present(verb: Token) -> bool:
    """A present tense the word's own form bears out: the model tags "retook" VBP too."""
    form = verb.lower_
    if verb.tag_ == "VBZ":
        return form.endswith("s")
    return verb.tag_ == "VBP" and form == verb.lemma_.lower()


@rule("suppress.until-condition")
def until_condition(clause: Token) -> bool:
    """'the strike would continue until the government met its demands': what must happen
    before an announced act ends is a condition set for it, not an act done; so is an
    'until' clause in the present ('vowed to stay until the president resigns'). A past
    'until' clause under a past act tells what happened and stays ('fought until the army
    retook the town').

    Example: The union said the strike would go on until the government met its demands.
    """
    current = clause
    for _ in range(2):  # the act itself, or the verb its infinitive completes
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in UNTIL_MARKS for c in current.children
        ):
            return _present(current) or _announced(current.head)
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


@rule("suppress.question")
def question(clause: Token) -> bool:
    """'Did Moscow plan the attack?': a question, not an act.

    Example: Did Russia attack Georgia?
    """
    return clause.sent.text.rstrip().rstrip("\"\u201d'").endswith("?")


# How far up an act looks for the 'whether' that opens it to doubt ("unclear whether Trump will
# be satisfied with the efforts to drop the tariffs": five links).
DOUBT_STEPS = 5


@rule("suppress.doubt")
def doubt(clause: Token) -> bool:
    """'It is unclear whether China would invade': an open question, not an act.

    Example: It is unclear whether Turkey attacked Syria.
    """
    current = clause
    for _ in range(DOUBT_STEPS):
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in current.children):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


# Weapons whose fire is an attack, not a blaze ("mortar fire", "rocket fire").
WEAPON_WORDS = words("attack_means")


def weapon_fire(noun: Token) -> bool:
    """'Mortar fire killed three soldiers': a cause noun that a weapon modifies is the
    weapon's fire, an attack by someone not named, not a disaster."""
    return any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in WEAPON_WORDS for c in noun.lefts
    )


def _disaster_noun(token: Token) -> bool:
    """A disaster by its kind ('Cyclone Idai', 'the storm'), or by a name the article gives a
    kind elsewhere ('Cyclones Chido and ...' before, 'struck by Chido' after)."""
    if is_incident_cause(token):
        return True
    return token.pos_ == "PROPN" and any(
        t.i != token.i and t.text == token.text and _kind_named(t) for t in token.doc
    )


def _disaster_agent(noun: Token) -> bool:
    """A passive's 'by' phrase that names a storm ('by Cyclone Freddy', 'by Chido') or a
    disaster with no one's mark on it ('by an earthquake'); 'by Israeli fire' is an army's."""
    if noun.pos_ == "PROPN":
        return _disaster_noun(noun)
    return is_incident_cause(noun) and not any(
        c.dep_ in ("amod", "compound", "nmod", "poss") for c in noun.children
    )


def _kind_named(name: Token) -> bool:
    """The name has a disaster's kind written just before it, one or several ('Cyclones Chido
    and Dikeledi'). Read from the words, not the parse: a sentence with no trigger in it is
    only tokenised."""
    if name.i == 0:
        return False
    kind = name.doc[name.i - 1]
    return kind.is_title and kind.lower_.removesuffix("s") in casualty_lexicon().causes


@rule("suppress.disaster")
def disaster(clause: Token) -> bool:
    """'Cyclone Idai made landfall, destroying homes': no actor acted, in the clause or in the
    participle that shares its subject; nor when the disaster is the passive's 'by' phrase
    ('Malawi was struck by Cyclone Freddy'), or a name the article calls a storm elsewhere
    ('struck by Freddy'). A weapon's fire ('mortar fire') is no disaster.

    Example: Hurricane Otis destroyed hundreds of homes in Acapulco.
    """
    current = clause
    for _ in range(3):
        by = agent(current)
        if by is not None and any(_disaster_agent(o) for o in pobjs(by)):
            return True
        subject = child(current, SUBJECT_DEPS)
        if subject is not None:
            return _disaster_noun(subject) and not weapon_fire(subject)
        if current.dep_ not in ("advcl", "xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


@rule("suppress.accident-outcome")
def accident_outcome(clause: Token) -> bool:
    """'A warplane crashed near Kabul, killing four soldiers': harm told as the outcome of a
    crash, a capsizing or a collapse is an accident, even when a military craft or crew is the
    subject that the participle shares ('resulting in all crew killed' too, with no 'by'); the
    verb that tells it takes no object (a village burned by rebels has one).

    Example: An army helicopter crashed near Kandahar, killing six soldiers.
    """
    if clause.tag_ not in ("VBG", "VBN") or any(
        c.dep_ in ("nsubj", "mark") for c in clause.children
    ):
        return False
    if clause.tag_ == "VBN" and agent(clause) is not None:
        return False  # "crashed, resulting in all crew killed"; not "... killed by gunmen"  # "collapsed after forces shelled them": a clause of its own
    current = clause
    for _ in range(3):
        if current.dep_ not in ("advcl", "conj") or current.head.i == current.i:
            return False
        current = current.head
        undergoers = [o for o in objects(current) if o.dep_ != "dobj"] + acted_objects(current)
        if current.pos_ == "VERB" and is_incident_cause(current) and not undergoers:
            return True
    return False


@rule("suppress.passive-participle")
def passive_participle(clause: Token) -> bool:
    """'Asked whether Ghana would send troops, the minister said ...': a past participle
    opening the sentence with no subject and no 'by' phrase is passive; the main clause's
    subject underwent it (was asked), so it names no act of that subject.

    Example: Asked about the talks, Peru's president said nothing.
    """
    return (
        clause.dep_ == "advcl"
        and clause.tag_ == "VBN"
        and clause.i < clause.head.i
        and not any(
            c.dep_ in SUBJECT_DEPS | {"nsubjpass", "aux", "auxpass"} for c in clause.children
        )
        and agent(clause) is None
    )


CLAUSE_SUPPRESSIONS: list[Callable[[Token], bool]] = [
    alleged,
    considered,
    wish,
    *MODAL_SUPPRESSIONS,
    *NO_ACT_SUPPRESSIONS,
    *PURPOSE_SUPPRESSIONS,
    *NONFACT_SUPPRESSIONS,
    *TALLY_SUPPRESSIONS,
    *UNTOLD_SUPPRESSIONS,
    *NAME_WORD_SUPPRESSIONS,
    *CALLED_ACT_SUPPRESSIONS,
    *AUTHORISED_SUPPRESSIONS,
    *HABIT_SUPPRESSIONS,
    *WORK_PLOT_SUPPRESSIONS,
    conditional,
    until_condition,
    question,
    doubt,
    disaster,
    accident_outcome,
    non_human,
    passive_participle,
]


def clause_suppressed(clause: Token) -> str | None:
    """The id of the first rule by which the clause holds no act, or None."""
    for check in CLAUSE_SUPPRESSIONS:
        if check(clause):
            return str(check.rule_id)  # type: ignore[attr-defined]
    return None
