"""How the text holds the act: denied, hypothetical, announced for the future, or reported by
a speaker; each a named rule."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import DocActors
from gestae.engine.events.context import Event
from gestae.engine.events.denied_charges import charge_denied
from gestae.engine.events.matching import Grammar
from gestae.engine.events.mentions import actor_group
from gestae.engine.events.planned_meetings import planned_meeting
from gestae.engine.rules import Trace, rule
from gestae.engine.syntax import SUBJECT_DEPS, auxiliaries, child, negated
from gestae.resources.word_classes import words
from gestae.schema import Actor, Modality

SPEECH_VERBS = words("speech_verbs")
DENIAL_VERBS = words("denial_verbs")
EXPECTATION_VERBS = words("expectation_verbs")
# Verbs by which an actor binds itself to what its complement says ("vowed it would ...").
PROMISE_VERBS = frozenset({"promise", "pledge", "vow", "warn", "threaten", "agree", "decide"})
FUTURE_GOVERNORS = words("future_governors")
PLAN_NOUNS = words("plan_nouns")
# How many "and" links a planned act may stand below the first one ("for rearming Europe and
# supporting Ukraine").
PLAN_CONJ_STEPS = 3
# Verbs that make their complement a wish or a need, not something that happened.
IRREALIS_GOVERNORS = words("irrealis_governors")
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONAL_MARKS = frozenset({"if", "unless"})
# Links through which an act sits inside what someone denies.
DENIED_CHAIN_DEPS = ("ccomp", "acl", "relcl", "dobj", "xcomp", "conj", "pobj", "prep")
# Verbs that stop an act before it happens ("foiled a plot to bomb", "prevented X from attacking").
PREVENTION_VERBS = frozenset(
    {"foil", "thwart", "prevent", "avert", "frustrate", "forestall", "preempt", "uncover", "bust"}
)
# Links through which an act sits inside what was stopped: the plot's infinitive, the object.
FOILED_CHAIN_DEPS = (
    "acl", "advcl", "xcomp", "dobj", "nsubjpass", "pcomp", "pobj", "prep", "compound",
)  # fmt: skip
# Links from an act up to the speech verb that reports it.
REPORTED_CHAIN_DEPS = ("ccomp", "conj", "parataxis", "xcomp")
# Verbs that begin or carry on an act ("would begin withdrawing", "will keep up its attacks").
CARRYING_VERBS = words("act_phase_verbs") | words("persisting_verbs")


def in_conditional(token: Token) -> bool:
    """The act sits in an 'if' or 'unless' clause, up to three links above."""
    current = token
    for _ in range(3):
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in current.children
        ):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def denied(token: Token) -> bool:
    """'Egypt denied reports that it had closed the crossing': the closing is denied."""
    return denier(token) is not None


def denier(token: Token) -> Token | None:
    """The denial verb whose complement holds the act, or None."""
    current = token
    for _ in range(4):
        if current.head.i == current.i:
            return None
        if current.dep_ not in DENIED_CHAIN_DEPS:
            return None
        if current.dep_ == "conj" and current.head.lemma_.lower() in DENIAL_VERBS:
            return None  # "denied laying mines and called for talks": the call is made
        current = current.head
        if current.lemma_.lower() in DENIAL_VERBS:
            return current
    return None


# Tags of a finite verb: a line with one is a sentence, not a headline's bare infinitive.
FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})


def governed_by_future(token: Token) -> bool:
    """'plans to send', 'is going to send': a complement of a future governor."""
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in FUTURE_GOVERNORS:
        return True
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.lemma_.lower() == "go"
        and any(c.dep_ == "aux" for c in head.children)
    )


def reporter(grammar: Grammar, clause: Token, actors: DocActors) -> Actor | None:
    """The speaker when the event sits inside 'X said (that) ...'."""
    current = clause
    for _ in range(4):
        if current.dep_ not in REPORTED_CHAIN_DEPS or current.head.i == current.i:
            return None
        head = current.head
        if head.lemma_.lower() in SPEECH_VERBS:
            subject = child(head, SUBJECT_DEPS)
            if subject is None:
                return None
            # "Germany's statement said", "the Security Council resolution reaffirms": a
            # message speaks for its author.
            owned = subject.lemma_.lower() in grammar.communication_nouns
            group = actor_group(grammar, subject, actors, owner=owned)
            return group[0].actors[0] if group else None
        current = head
    return None


@rule("modality.negated")
def negation(ev: Event) -> bool:
    """'did not attack', 'no talks': a negated act is kept apart (or read as a refusal).

    Example: Serbia will not recognize Kosovo.
    """
    found = negated(ev.token) or (ev.clause.i != ev.token.i and negated(ev.clause))
    if found:
        ev.trace.add("modality.negated", f"'{ev.clause.text}'")
    return found or none_underwent(ev)


# Subjects that deny the act by naming no one: "nobody was hurt", "none were killed".
NO_ONE = frozenset({"nobody", "none", "noone"})


@rule("modality.no-one")
def none_underwent(ev: Event) -> bool:
    """'No passengers were killed', 'nobody was hurt', 'police arrested no one': a subject
    (or an object) that counts no one denies the act as 'did not' does, and the record is kept
    apart like a negated one.

    Example: No soldiers were killed during the operation near Gao.
    """
    obj = child(ev.clause, frozenset({"dobj"}))
    if obj is not None and _no_one(obj):
        ev.trace.add("modality.no-one", f"'{ev.clause.text}'")
        return True
    subject = child(ev.clause, SUBJECT_DEPS | {"nsubjpass"})
    if subject is None:
        return False
    nobody = _no_one(subject)
    # A passive subject only: "no group has claimed the attack" denies the claim, not the attack.
    found = nobody or (
        subject.dep_ == "nsubjpass"
        and any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)
    )
    if found:
        ev.trace.add("modality.no-one", f"'{ev.clause.text}'")
    return found


def _no_one(word: Token) -> bool:
    """'nobody', 'none', 'no one'."""
    return word.lower_ in NO_ONE or (
        word.lower_ == "one" and any(c.lower_ == "no" for c in word.children)
    )


def foiled_by(token: Token, trace: Trace | None = None) -> Token | None:
    """'Police thwarted a plot to bomb the embassy', 'prevented the rebels from attacking': the
    verb that stopped the act before it happened, or None."""
    current = token
    for _ in range(4):
        if current.head.i == current.i or current.dep_ not in FOILED_CHAIN_DEPS:
            return None
        if current.dep_ == "prep" and current.lower_ == "by":
            return None  # "prevented a massacre by attacking the rebels": the means, done
        if time_clause(current):
            if trace is not None and current.head.lemma_.lower() in PREVENTION_VERBS:
                trace.add(
                    "modality.foil-time-clause", f"'{current.text}' before '{current.head.text}'"
                )
            return None
        current = current.head
        if current.pos_ == "VERB" and current.lemma_.lower() in PREVENTION_VERBS:
            return current
    return None


@rule("modality.denied")
def denial(ev: Event) -> bool:
    """'Egypt denied reports that it had closed the crossing': the closing is denied.

    Example: Rwanda denied that it had attacked Burundi.
    """
    verb = denier(ev.clause)
    found = verb is not None and not charge_denied(ev.trace, ev.clause, verb)
    if found:
        ev.trace.add("modality.denied", f"'{ev.clause.text}'")
    return found or foiled(ev)


# Conjunctions of a clause that tells when or why something was stopped, not what was.
TIME_MARKS = frozenset({"after", "when", "as", "since", "once", "because", "while"})


@rule("modality.foil-time-clause")
def time_clause(clause: Token) -> bool:
    """'foiled a coup attempt after gunmen attacked the barracks': a clause of time or cause
    under the stopping verb tells what happened before it was stopped, not the act stopped;
    that act was done.

    Example: Police said they had thwarted a plot after militants raided an armoury in Kano.
    """
    if clause.dep_ != "advcl":
        return False
    # "when" hangs on its clause as an adverb, the other conjunctions as marks.
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS for c in clause.children)


@rule("modality.foiled")
def foiled(ev: Event) -> bool:
    """An act someone foiled, thwarted or prevented did not happen, and the one who stopped it
    did not do it: it is kept apart like a denied act. (An attempt that was made, such as an
    attempt on someone's life, is an act of its own: CAMEO 185.)

    Example: Kenyan police foiled a plot to bomb the Ugandan embassy.
    """
    verb = foiled_by(ev.clause, ev.trace)
    if verb is not None:
        ev.trace.add("modality.foiled", f"'{ev.clause.text}' stopped by '{verb.text}'")
    return verb is not None


@rule("modality.hypothetical")
def hypothetical(trace: Trace, clause: Token) -> bool:
    """A conditional, a modal ('could', 'would') or a wish makes the act hypothetical.

    Example: Iran could attack Israel.
    """
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    irrealis = clause.dep_ == "xcomp" and clause.head.lemma_.lower() in IRREALIS_GOVERNORS
    found = bool(
        auxiliaries(clause) & HYPOTHETICAL_AUX
        or marks & CONDITIONAL_MARKS
        or in_conditional(clause)
        or irrealis
    )
    if found:
        trace.add("modality.hypothetical", f"'{clause.text}'")
    return found


@rule("modality.plan-for")
def planned_for(clause: Token) -> bool:
    """'unveiled a plan for sending troops', 'a proposal for supporting Ukraine': the act a plan
    or proposal is for is announced, not done, as 'plans to send' is.

    Example: Kenya unveiled a plan for sending troops to Somalia.
    """
    current = clause
    for _ in range(PLAN_CONJ_STEPS):
        if current.dep_ != "conj" or current.head.i == current.i:
            break
        current = current.head
    prep = current.head
    return (
        current.dep_ == "pcomp"
        and prep.lower_ == "for"
        and prep.dep_ == "prep"
        and prep.head.pos_ == "NOUN"
        and prep.head.lemma_.lower() in PLAN_NOUNS
    )


@rule("modality.headline-infinitive")
def headline_infinitive(clause: Token) -> bool:
    """'Nigeria to deport 300 miners', 'Opposition to boycott vote': a wire headline tells a
    planned act by a bare infinitive, with no finite verb in the line; the act is announced,
    not done. The infinitive is the line's root, or hangs on the root noun of its doer; a
    perfect one ("to have been captured") tells what was done.

    Example: Ghana to expel 200 Nigerian traders
    """
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if not any(c.lower_ == "to" for c in auxes) or any(c.lemma_ == "have" for c in auxes):
        return False  # "the first ever to have been captured": done, not announced
    if clause.dep_ == "acl":
        root = clause.head
        if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN"):
            return False
    elif clause.dep_ != "ROOT":
        return False
    sent = clause.sent
    return not any(
        t.i != clause.i and t.pos_ in ("VERB", "AUX") and t.tag_ in FINITE_TAGS for t in sent
    )


@rule("modality.future")
def future(trace: Trace, clause: Token) -> bool:
    """'will send', 'plans to send': an act announced, not yet done.

    Example: Japan will send aid to Tonga.
    """
    found = bool(auxiliaries(clause) & FUTURE_AUX) or governed_by_future(clause)
    if not found and headline_infinitive(clause):
        trace.add("modality.headline-infinitive", f"'{clause.text}'")
        found = True
    if not found and planned_for(clause):
        trace.add("modality.plan-for", f"'{clause.text}' under '{clause.head.text}'")
        found = True
    if found:
        trace.add("modality.future", f"'{clause.text}'")
    return found


@rule("modality.reported")
def reported(trace: Trace, speaker: Actor | None) -> bool:
    """'X said Y attacked Z': the act is the speaker's report.

    Example: Ukraine said Russia attacked Odesa.
    """
    if speaker is not None:
        trace.add("modality.reported", speaker.label())
    return speaker is not None


def reported_would(clause: Token) -> bool:
    """'Israel announced it would withdraw': 'would' with no condition, in what a speaker said
    or promised, is the future seen from then; 'said it would strike unless' stays conditional."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return (
        auxiliaries(clause) & HYPOTHETICAL_AUX == {"would"}
        and clause.dep_ == "ccomp"
        and clause.head.lemma_.lower() in SPEECH_VERBS | PROMISE_VERBS
        and not marks & CONDITIONAL_MARKS
        and not in_conditional(clause)
        and not has_condition(clause)
    )


def has_condition(clause: Token) -> bool:
    """'would close the border if the influx continued', 'without a deal, would expel': the act
    is the consequence of a condition set in one of its own adverbial clauses or phrases."""
    return any(
        (
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
        )
        or (c.dep_ == "prep" and c.lower_ == "without")
        for c in clause.children
    )


@rule("modality.future-in-past")
def future_in_past(trace: Trace, clause: Token) -> bool:
    """A speaker's 'would' with no condition announces the act: future, not hypothetical.

    Example: Israel announced it would withdraw its troops from Gaza.
    """
    found = reported_would(clause)
    if found:
        trace.add("modality.future-in-past", f"'{clause.text}'")
    return found


def expects_another(scope: Token) -> bool:
    """'The general said he expects North Korea to launch a missile': an active verb of
    expectation over an infinitive with a subject of its own is a guess at another's act
    (modality.speculation). 'Is expected to travel' (passive) stays an announcement, 'expects
    to meet' the expecter's own plan."""
    head = scope.head
    if scope.dep_ not in ("ccomp", "xcomp") or head.lemma_.lower() not in EXPECTATION_VERBS:
        return False
    if child(head, frozenset({"nsubjpass", "auxpass"})) is not None:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in scope.children):
        return False
    return child(scope, SUBJECT_DEPS) is not None or child(head, frozenset({"dobj"})) is not None


def supposed_need(scope: Token) -> bool:
    """'If Iran closes the strait, the U.S. would have to send warships': a need weighed on a
    hypothesis (modality.normative); 'had to send' tells what was done and stays."""
    have = scope.head
    return (
        scope.dep_ == "xcomp"
        and have.lemma_.lower() == "have"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in scope.children)
        and bool(auxiliaries(have) & HYPOTHETICAL_AUX)
    )


def host_verb(clause: Token) -> Token:
    """'will travel to Lima for talks': an event noun in a verb's phrase shares that verb's
    tense and mood; any other clause is its own."""
    prep = clause.head
    in_phrase = clause.pos_ in ("NOUN", "PROPN") and clause.dep_ == "pobj"
    if in_phrase and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return clause


# What makes a joined verb a clause of its own: its own subject, auxiliary or conjunction.
OWN_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark", "neg"})


@rule("modality.shared-auxiliary")
def shared_auxiliary(trace: Trace, clause: Token) -> Token:
    """'will close the border and expel the diplomats', 'plans to visit Paris and meet the
    president': a verb joined by 'and' with no subject or auxiliary of its own shares the
    first verb's tense and mood, so the expulsion is announced too, not done. A joined verb
    with its own ('closed the border and will expel') is read on its own, and so is one in the
    past tense joined to the bare verb ('would retaliate and accused Rome of lying').

    Example: Kenya will close the border and expel the Somali diplomats.
    """
    shared = _shared_scope(clause)
    if shared is clause or not _marked(shared):
        return clause
    trace.add("modality.shared-auxiliary", f"'{clause.text}' shares '{shared.text}'")
    return shared


def modality(ev: Event) -> tuple[Modality, Actor | None]:
    """Hypothetical before future before reported; else asserted."""
    reported_by = reporter(ev.grammar, ev.clause, ev.actors)
    scope = shared_auxiliary(ev.trace, carried_act(ev.trace, host_verb(ev.clause)))
    if future_in_past(ev.trace, scope):
        return "future", reported_by
    if hypothetical(ev.trace, scope):
        return "hypothetical", reported_by
    if future(ev.trace, scope) or planned_meeting(ev.trace, ev.clause):
        return "future", reported_by
    if reported(ev.trace, reported_by):
        return "reported", reported_by
    return "asserted", None


def carrying_verb(clause: Token) -> Token | None:
    """The verb of beginning or carrying on that governs the act ("begin withdrawing", "keep
    up their attacks"), if any."""
    head = clause.head
    if head.i == clause.i or head.lemma_.lower() not in CARRYING_VERBS:
        return None
    verbal = clause.dep_ == "xcomp" and clause.pos_ in ("VERB", "AUX")
    if verbal or (clause.dep_ == "dobj" and clause.pos_ == "NOUN"):
        return head
    return None


@rule("modality.carried-act")
def carried_act(trace: Trace, clause: Token) -> Token:
    """'said it would begin withdrawing its troops', 'will keep fighting', 'vowed to keep up
    their attacks': the act a verb of beginning or carrying on governs has that verb's tense
    and mood, so the withdrawal is announced, not done.

    Example: Kenya said it would begin withdrawing its troops from Somalia next week.
    """
    head = carrying_verb(clause)
    if head is None:
        return clause
    trace.add("modality.carried-act", f"'{clause.text}' under '{head.text}'")
    return head


# Auxiliaries that turn a negated cooperative act into a refusal ("will not", "cannot").
REFUSAL_AUX = frozenset({"will", "wo", "would", "can", "ca", "could", "shall", "'ll"})


def _shared_scope(clause: Token) -> Token:
    """The first verb of a chain of joined verbs that have no subject or auxiliary of their own."""
    current = clause
    while (
        current.dep_ == "conj"
        and current.head.i != current.i
        and current.pos_ in ("VERB", "AUX")
        and current.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in OWN_CLAUSE_DEPS for c in current.children)
        and not _own_tense(current)
    ):
        current = current.head
    return current


# Finite tenses a verb after "will", "would" or "to" cannot take: a joined verb in one of them
# is a clause of its own, whatever the parse hung it on.
FINITE_TAGS = frozenset({"VBD", "VBZ"})


def _own_tense(joined: Token) -> bool:
    """'said it would retaliate and accused London of lying': a verb in the past (or present)
    tense joined to a bare infinitive cannot share its 'would' or 'to'; it tells what was done.
    A bare verb ('would close the border and expel') or a participle ('will be arrested and
    charged') shares it."""
    return joined.tag_ in FINITE_TAGS and joined.head.tag_ == "VB"


def _marked(verb: Token) -> bool:
    """The verb carries an auxiliary of the future or of a hypothesis, or hangs on a future
    governor ('plans to', 'is going to')."""
    return bool(auxiliaries(verb) & (FUTURE_AUX | HYPOTHETICAL_AUX)) or governed_by_future(verb)
