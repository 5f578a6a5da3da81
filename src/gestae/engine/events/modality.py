"""How the text holds the act: denied, hypothetical, announced for the future, or reported by
a speaker; each a named rule."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import DocActors
from gestae.engine.events.context import Event
from gestae.engine.events.matching import Grammar
from gestae.engine.events.mentions import actor_group
from gestae.engine.rules import Trace, rule
from gestae.engine.syntax import SUBJECT_DEPS, auxiliaries, child, negated
from gestae.resources.word_classes import words
from gestae.schema import Actor, Modality

SPEECH_VERBS = words("speech_verbs")
DENIAL_VERBS = words("denial_verbs")
# Verbs by which an actor binds itself to what its complement says ("vowed it would ...").
PROMISE_VERBS = frozenset({"promise", "pledge", "vow", "warn", "threaten", "agree", "decide"})
FUTURE_GOVERNORS = words("future_governors")
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
    current = token
    for _ in range(4):
        if current.head.i == current.i:
            return False
        if current.dep_ not in DENIED_CHAIN_DEPS:
            return False
        current = current.head
        if current.lemma_.lower() in DENIAL_VERBS:
            return True
    return False


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
            group = actor_group(grammar, subject, actors)
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
    return found


def foiled_by(token: Token) -> Token | None:
    """'Police thwarted a plot to bomb the embassy', 'prevented the rebels from attacking': the
    verb that stopped the act before it happened, or None."""
    current = token
    for _ in range(4):
        if current.head.i == current.i or current.dep_ not in FOILED_CHAIN_DEPS:
            return None
        if current.dep_ == "prep" and current.lower_ == "by":
            return None  # "prevented a massacre by attacking the rebels": the means, done
        current = current.head
        if current.pos_ == "VERB" and current.lemma_.lower() in PREVENTION_VERBS:
            return current
    return None


@rule("modality.denied")
def denial(ev: Event) -> bool:
    """'Egypt denied reports that it had closed the crossing': the closing is denied.

    Example: Rwanda denied that it had attacked Burundi.
    """
    found = denied(ev.clause)
    if found:
        ev.trace.add("modality.denied", f"'{ev.clause.text}'")
    return found or foiled(ev)


@rule("modality.foiled")
def foiled(ev: Event) -> bool:
    """An act someone foiled, thwarted or prevented did not happen, and the one who stopped it
    did not do it: it is kept apart like a denied act. (An attempt that was made, such as an
    attempt on someone's life, is an act of its own: CAMEO 185.)

    Example: Kenyan police foiled a plot to bomb the Ugandan embassy.
    """
    verb = foiled_by(ev.clause)
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


# Modals that only guess at an act; a guess told by someone else is nobody's act.
SPECULATIVE_AUX = frozenset({"could", "might", "may"})
# Verbs by which someone forecasts what another may do ("analysts warned", "diplomats said").
FORECAST_VERBS = SPEECH_VERBS | frozenset({"warn", "predict", "fear", "speculate", "caution"})


@rule("modality.speculation")
def speculation(clause: Token) -> bool:
    """'Hungary could veto the package, diplomats said': what a third party guesses another
    might do is no act and no announcement; an actor's own 'could' ('Hungary said it could
    veto'), with a pronoun pointing back to the speaker, or a 'could' on a condition ('could
    block the bid unless ...') stays a hypothetical act.

    Example: Iran could attack Israel, analysts warned.
    """
    scope = host_verb(clause)
    aux = auxiliaries(scope)
    if not aux & SPECULATIVE_AUX or aux & (FUTURE_AUX | {"would"}):
        return False
    if any(t.dep_ == "mark" and t.lower_ in CONDITIONAL_MARKS for t in scope.subtree):
        return False  # "could block the bid if ...": a condition set is a threat, not a guess
    if scope.dep_ not in ("ccomp", "parataxis") or scope.head.lemma_.lower() not in FORECAST_VERBS:
        return False
    subject = child(scope, SUBJECT_DEPS)
    return subject is not None and subject.pos_ != "PRON"


@rule("modality.future")
def future(trace: Trace, clause: Token) -> bool:
    """'will send', 'plans to send': an act announced, not yet done.

    Example: Japan will send aid to Tonga.
    """
    found = bool(auxiliaries(clause) & FUTURE_AUX) or governed_by_future(clause)
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


def host_verb(clause: Token) -> Token:
    """'will travel to Lima for talks': an event noun in a verb's phrase shares that verb's
    tense and mood; any other clause is its own."""
    prep = clause.head
    in_phrase = clause.pos_ in ("NOUN", "PROPN") and clause.dep_ == "pobj"
    if in_phrase and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return clause


def modality(ev: Event) -> tuple[Modality, Actor | None]:
    """Hypothetical before future before reported; else asserted."""
    reported_by = reporter(ev.grammar, ev.clause, ev.actors)
    scope = host_verb(ev.clause)
    if future_in_past(ev.trace, scope):
        return "future", reported_by
    if hypothetical(ev.trace, scope):
        return "hypothetical", reported_by
    if future(ev.trace, scope):
        return "future", reported_by
    if reported(ev.trace, reported_by):
        return "reported", reported_by
    return "asserted", None


# Auxiliaries that turn a negated cooperative act into a refusal ("will not", "cannot").
REFUSAL_AUX = frozenset({"will", "wo", "would", "can", "ca", "could", "shall", "'ll"})


# -- wishes, forecasts, norms and aims: the clause names no act ---------------------------------

WISH_GOVERNORS = words("wish_governors")
PUNDIT_NOUNS = words("pundit_nouns")
LIKELIHOOD_WORDS = words("likelihood_words")
AIM_NOUNS = words("aim_nouns")
NORMATIVE_MODALS = words("normative_modals")
IMPLICATION_VERBS = words("implication_verbs")
NEED_VERBS = words("need_verbs")
PROCEDURAL_REQUESTS = words("procedural_requests")
REQUEST_VERBS = frozenset({"ask", "request", "seek", "urge", "call"})
EPISTEMIC_AUX = frozenset({"may", "might"})
# Links by which a clause sits under the word that makes it a wish, a guess or an aim.
IRREALIS_CHAIN_DEPS = ("ccomp", "xcomp", "conj", "acl", "pcomp", "pobj", "prep", "advcl")


def forms(token: Token) -> set[str]:
    """The lemma and the written form with a plain '-s' or '-d' off: the small model
    lemmatises "hopes" as "hop"."""
    low = token.lower_
    return {token.lemma_.lower(), low, low.removesuffix("s"), low.removesuffix("d")}


def shared_modals(scope: Token) -> set[str]:
    """The clause's auxiliaries, or those of the verb it is coordinated with or is the
    participle of: 'may be arrested and detained', 'may impose sanctions, cutting aid'."""
    own = auxiliaries(scope)
    if own or scope.head.i == scope.i:
        return own
    if child(scope, SUBJECT_DEPS | {"nsubjpass"}) is not None:
        return own  # "Kenya may protest and Uganda attacked": a clause of its own
    if scope.dep_ == "conj" or (scope.dep_ == "advcl" and scope.tag_ == "VBG"):
        return auxiliaries(scope.head)
    return own


def governors(clause: Token, steps: int = 3) -> list[tuple[Token, Token]]:
    """(link, head) pairs from the clause up through complement and coordination links."""
    pairs: list[tuple[Token, Token]] = []
    current = clause
    for _ in range(steps):
        if current.head.i == current.i or current.dep_ not in IRREALIS_CHAIN_DEPS:
            break
        pairs.append((current, current.head))
        current = current.head
    return pairs


@rule("modality.hoped-for")
def hoped_for(clause: Token) -> bool:
    """'She hopes the two countries can work together', 'hopes a ceasefire could take place':
    what someone hopes or wishes others will do is a wish, no act (the infinitive 'hopes to' is
    suppress.wish).

    Example: Rubio said he hopes Russia and Ukraine will sign a truce.
    """
    return any(
        link.dep_ == "ccomp" and forms(head) & WISH_GOVERNORS
        for link, head in governors(host_verb(clause))
    )


@rule("modality.epistemic-may")
def epistemic_may(clause: Token) -> bool:
    """'They may impose sanctions', 'may be arrested': 'may' and 'might' weigh a chance; with
    no condition ('might block it if ...' is a threat) the act is a guess, whoever says it.

    Example: Kenya may expel the Somali envoy.
    """
    scope = host_verb(clause)
    aux = shared_modals(scope)
    if not aux & EPISTEMIC_AUX or aux & (FUTURE_AUX | {"would"}):
        return False
    return not (in_conditional(scope) or has_condition(scope))


@rule("modality.pundit-forecast")
def pundit_forecast(clause: Token) -> bool:
    """'Analysts say Tehran would welcome the closure': what analysts, experts or polls expect
    an actor to do, with a modal or 'likely', is their forecast, not the actor's act.

    Example: Analysts say Turkey would block the bid.
    """
    scope = host_verb(clause)
    modal = auxiliaries(scope) & (HYPOTHETICAL_AUX | FUTURE_AUX) or any(
        c.dep_ == "advmod" and c.lower_ in LIKELIHOOD_WORDS for c in scope.children
    )
    if not modal or scope.dep_ not in ("ccomp", "parataxis"):
        return False
    if scope.head.lemma_.lower() not in FORECAST_VERBS | {"expect", "think"}:
        return False
    speaker = child(scope.head, SUBJECT_DEPS)
    return speaker is not None and bool(forms(speaker) & PUNDIT_NOUNS)


@rule("modality.likelihood")
def likelihood(clause: Token) -> bool:
    """'is likely to attack', 'it is possible that X would', 'will probably impose', 'it stands
    to reason that': the text weighs the chance of the act; it does not report it.

    Example: Chile is unlikely to recognize the new government in Peru.
    """
    scope = host_verb(clause)
    if scope.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "advmod" and c.lower_ in LIKELIHOOD_WORDS for c in scope.children
    ):
        return True  # "will probably impose"; not "Probably the attack on ...", a plain answer
    for link, head in governors(scope, 2):
        if link.dep_ in ("xcomp", "advcl") and head.lower_ in LIKELIHOOD_WORDS:
            return True  # "is likely to attack", "makes it possible for X to invest"
        weighing = any(
            c.dep_ in ("acomp", "attr", "dobj", "prep") and c.lower_ in LIKELIHOOD_WORDS
            for c in head.children
        )
        if link.dep_ == "ccomp" and weighing:
            return True  # "it is likely that", "it stands to reason that"
    return False


@rule("modality.normative")
def normative(clause: Token) -> bool:
    """'No one should be detained', 'Israel must end its attacks': a norm or duty names no act
    done (a speaker's 'X must' addressed to another actor is a demand of its own:
    trigger.reported-obligation).

    Example: Iran should release the British sailors.
    """
    return bool(shared_modals(host_verb(clause)) & NORMATIVE_MODALS)


@rule("modality.aim-noun")
def aim_noun(clause: Token) -> bool:
    """'the aim is to support', 'interest in making aid conditional', 'the risk of sanctions':
    an act held by a noun of aim, hope, chance or risk is not (yet) done.

    Example: The goal of the talks is to end the war between Sudan and Chad.
    """
    for link, head in governors(clause, 4):
        if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in AIM_NOUNS:
            return True
        if link.dep_ == "prep" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in AIM_NOUNS for c in head.children
        ):
            return True  # "voiced interest in sending aid": the phrase hangs on the verb
        if link.dep_ in ("xcomp", "ccomp", "attr") and head.lemma_.lower() == "be":
            subject = child(head, SUBJECT_DEPS)
            if subject is not None and subject.lemma_.lower() in AIM_NOUNS:
                return True  # "the aim is to support Ukraine"
    return False


@rule("modality.implication")
def implication(clause: Token) -> bool:
    """'what the cuts mean for aid': what something means or spells for an act weighs
    consequences; it reports no act.

    Example: Officials asked what the ruling means for talks between Serbia and Kosovo.
    """
    prep = clause.head
    return (
        clause.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.lemma_.lower() in IMPLICATION_VERBS
    )


def to_infinitive(verb: Token) -> bool:
    """'to provide': the verb has the infinitive marker 'to'."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


@rule("modality.wish-chain")
def wish_chain(clause: Token) -> bool:
    """'sought to engage with the Taliban to offer an assessment', 'needs funds to provide
    aid', 'requires the country declaring an emergency': an act a step or two below a wish or
    a need, through an infinitive or a purpose clause, is still only wished for (the direct
    'hopes to' is suppress.wish).

    Example: Peru wants to send envoys to Lima to sign a pact with Chile.
    """
    current = host_verb(clause)
    for _ in range(3):
        head = current.head
        if head.i == current.i or current.dep_ not in ("xcomp", "advcl", "conj"):
            return False
        purpose = current.dep_ == "advcl" and to_infinitive(current)
        if (current.dep_ == "xcomp" or purpose) and forms(head) & (WISH_GOVERNORS | NEED_VERBS):
            return True
        current = head
    return False


@rule("modality.instead-of")
def instead_of(clause: Token) -> bool:
    """'instead of calling for an Asian NATO', 'rather than attacking': the alternative set
    aside is not done.

    Example: Instead of attacking Georgia, Russia sent envoys to Tbilisi.
    """
    prep = clause.head
    if clause.dep_ != "pcomp" or prep.lower_ not in ("of", "than"):
        return False
    return any(c.lower_ in ("instead", "rather") for c in (*prep.children, prep.nbor(-1)))


def asked_for(verb: Token) -> list[Token]:
    """What a verb of asking asks for: its object, its 'for' object, and the object of its
    infinitive ('urged people to seek attention')."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            found += [p for p in c.children if p.dep_ == "pobj"]
        if c.dep_ == "xcomp":
            found += [o for o in c.children if o.dep_ == "dobj"]
    return found


@rule("modality.procedural-request")
def procedural_request(clause: Token) -> bool:
    """'an email requesting comment', 'the judge asked for an adjournment', 'urged people to
    seek medical attention': asking for a comment, a delay, bail or care is the routine of a
    story, a trial or a treatment, not a political request (CAMEO 02).

    Example: The Kenyan embassy did not reply to an email requesting comment.
    """
    if clause.pos_ != "VERB" or clause.lemma_.lower() not in REQUEST_VERBS:
        return False
    return any(o.lemma_.lower() in PROCEDURAL_REQUESTS for o in asked_for(clause))


@rule("modality.would-consequence")
def would_consequence(clause: Token) -> bool:
    """'trade with Russia, which would violate U.N. sanctions': a 'would' in a relative clause
    weighs what something would amount to; no actor announces or does it. The relative word
    must be the subject: in 'a deal under which Russia would withdraw' Russia commits itself.

    Example: The plan includes oil shipments to Syria, which would violate the embargo on Damascus.
    """
    scope = host_verb(clause)
    aux = auxiliaries(scope)
    subject = child(scope, SUBJECT_DEPS)
    return (
        scope.dep_ == "relcl"
        and subject is not None
        and subject.lower_ in ("which", "that")
        and "would" in aux
        and not aux & FUTURE_AUX
        and not (in_conditional(scope) or has_condition(scope))
    )


# The clause-level rules of this module, in the order the suppression pass tries them.
MODAL_SUPPRESSIONS = [
    speculation,
    hoped_for,
    epistemic_may,
    pundit_forecast,
    likelihood,
    normative,
    aim_noun,
    implication,
    wish_chain,
    instead_of,
    procedural_request,
    would_consequence,
]
