"""More clauses that name no act, found reading real news (VOA): a need stated ('crucial for X
to negotiate'), a guess weighed by its reasons ('little reason to think X will meet', 'it stands
to reason that X would'), a procedure told as what usually befalls someone ('is usually
deported'), an emergency a hospital declares, time made for an act, a plan that only seems
under way, a forecast someone believes ('believes the two leaders will meet'), a view rejected, a stake held, an analogy, a
building siege ended, one's own claim backed, what a forming group is for, a hunting ban lifted, bail
asked of a court, a question put with 'asked X if', what a law or plan allows or includes. Each is a named rule; clause_suppression.py
runs NO_ACT_SUPPRESSIONS with its other reasons to drop a clause."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.generic import asked_for, governors, shared_modals
from gestae.engine.events.modality import FUTURE_AUX, HYPOTHETICAL_AUX, host_verb
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, agent, child
from gestae.resources.word_classes import words

NEED_ADJECTIVES = words("need_adjectives")
DOUBTING_QUANTIFIERS = words("doubting_quantifiers")
NORM_ADVERBS = words("norm_adverbs")
FACILITY_NOUNS = words("facility_nouns")
ROOM_NOUNS = words("room_nouns")
ROOM_VERBS = words("room_verbs")
SEEMING_VERBS = words("seeming_verbs")
BELIEF_VERBS = words("belief_verbs")
BAIL_TERMS = words("bail_terms")
ASKING_WORDS = words("asking_words")
FUTURE_GOVERNORS = words("future_governors")
PROPOSITION_NOUNS = words("proposition_nouns")
REJECTING_VERBS = words("rejecting_verbs")
STAKE_VERBS = words("stake_verbs")
LIKENESS_VERBS = words("likeness_verbs")
SIEGE_BUILDINGS = words("siege_buildings")
ENDING_VERBS = words("ending_verbs")
LOOSENING_VERBS = words("loosening_verbs")
CLAIM_NOUNS = words("claim_nouns")
BACKING_VERBS = words("backing_verbs")
FORMING_VERBS = words("forming_verbs")
PASTIME_ACTIVITIES = words("pastime_activities")
BAN_NOUNS = words("ban_nouns")
DOCUMENT_NOUNS = words("document_nouns")
PROVISION_VERBS = words("provision_verbs")
# The roles in which the sentence before names what "it" or "this" goes on with.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
STANCE_VERBS = words("stance_verbs")
# Links from an act up through a purpose's infinitives and conjuncts (generic.forming-purpose).
PURPOSE_CHAIN_DEPS = frozenset({"xcomp", "advcl", "conj"})
PURPOSE_STEPS = 4


@rule("generic.needed")
def needed(clause: Token) -> bool:
    """'Support is crucial for Pakistan to negotiate the loan', 'it is essential that Kenya
    deploys': an act named as needed or important is a judgement about it, not an act done.

    Example: Support from China is crucial for Pakistan to negotiate the loan.
    """
    scope = host_verb(clause)
    if scope.dep_ not in ("advcl", "ccomp", "xcomp"):
        return False
    head = scope.head
    if head.lemma_.lower() in NEED_ADJECTIVES:
        return True  # "crucial to negotiate" parsed under the adjective
    return head.lemma_.lower() == "be" and any(
        c.dep_ == "acomp" and c.lemma_.lower() in NEED_ADJECTIVES for c in head.children
    )


def _weighed_reason(noun: Token) -> bool:
    """'little reason', 'no reason', or the idiom 'it stands to reason'."""
    if noun.lemma_.lower() != "reason":
        return False
    if any(c.dep_ in ("det", "amod") and c.lower_ in DOUBTING_QUANTIFIERS for c in noun.children):
        return True
    to = noun.head
    return to.lower_ == "to" and to.head.lemma_.lower() == "stand"


@rule("modality.weighed-reason")
def weighed_reason(clause: Token) -> bool:
    """'There is little reason to think the two leaders will meet', 'it stands to reason that
    Putin would seek support': the speaker weighs the chance of the act; it is not reported.
    The idiom's own verb ('stands') is no act either.

    Example: There is little reason to think that Iran and Egypt will sign a deal this year.
    """
    scope = host_verb(clause)
    if scope.lemma_.lower() == "stand" and any(
        o.dep_ == "pobj" and _weighed_reason(o)
        for p in scope.children
        if p.dep_ == "prep"
        for o in p.children
    ):
        return True  # the trigger is "stands" itself
    if any(_weighed_reason(head) for _, head in governors(scope, 3)):
        return True  # "it stands to reason that X would seek": the clause hangs on "reason"
    # "little reason to think that X will meet": the verb of thought is the noun's relative
    return scope.dep_ == "ccomp" and scope.head.dep_ == "relcl" and _weighed_reason(scope.head.head)


@rule("generic.stance-description")
def stance_description(clause: Token) -> bool:
    """'Militias supporting the government attacked the village': a side-taking verb in the
    "-ing" form that hangs on a noun says which side the noun is on, as "pro-government"
    would; it tells no act of support or opposition at a time. A main verb ("the militias
    supported the government", "are supporting") stays.

    Example: Kenyan lawmakers backing the bill met on Monday.
    """
    return (
        clause.dep_ == "acl"
        and clause.tag_ == "VBG"
        and clause.lemma_.lower() in STANCE_VERBS
        and clause.head.pos_ in ("NOUN", "PROPN", "PRON")
    )


@rule("generic.usual-procedure")
def usual_procedure(clause: Token) -> bool:
    """'If the appeal fails, the person is usually deported': a passive with no doer named and
    an adverb of the norm ('usually', 'typically', 'normally') tells a procedure, what befalls
    anyone in that case, not an act done. An active habit ('troops usually patrol') keeps its
    doer and stays (generic.habitual).

    Example: If the appeal fails, the migrant is usually deported from Germany.
    """
    scope = host_verb(clause)
    passive = child(scope, frozenset({"nsubjpass", "auxpass"})) is not None
    return (
        passive
        and agent(scope) is None
        and any(c.dep_ == "advmod" and c.lower_ in NORM_ADVERBS for c in scope.children)
    )


@rule("suppress.facility-emergency")
def facility_emergency(clause: Token) -> bool:
    """'An emergency was declared at the hospital to receive the injured': a hospital's (or a
    school's, an airport's) emergency readies the place; it is no state of emergency an
    authority imposes (CAMEO 1724).

    Example: An emergency was declared at the main hospital in Quetta to receive the wounded.
    """
    if clause.lemma_.lower() != "declare":
        return False
    declared = [c for c in clause.children if c.dep_ in SUBJECT_DEPS | {"nsubjpass", "dobj"}]
    if not any(d.lemma_.lower() == "emergency" for d in declared):
        return False
    holders = (*declared, clause)
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() in FACILITY_NOUNS
        for h in holders
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in ("at", "in")
        for o in p.children
    )


POWER_NOUNS = words("power_nouns")
USING_VERBS = words("using_verbs")


@rule("generic.power-to")
def power_to(clause: Token) -> bool:
    """'has the authority to revoke any visa', 'the court's power to jail', 'the right to
    protest': an act a power, right or means is held to do is not done; holding it is no act.

    Example: The minister has the power to expel foreign reporters.
    """
    noun = clause.head
    if noun.head.lemma_.lower() in USING_VERBS:
        return False  # "used their power to arrest 20 protesters": the power is used
    return (
        clause.dep_ == "acl"
        and noun.lemma_.lower() in POWER_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    )


@rule("generic.room-for")
def room_for(clause: Token) -> bool:
    """'to allow time for more consultation', 'leaves room for negotiations': an act that
    time or room is made for has not happened.

    Example: The pause leaves room for negotiations between Israel and Hamas.
    """
    noun = clause
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "time for talks and cooperation"
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return False
    holder = prep.head
    if holder.pos_ == "NOUN":
        return holder.lemma_.lower() in ROOM_NOUNS
    # "allow time for talks", "there is time for talks": the phrase hangs on the verb
    return holder.lemma_.lower() in ROOM_VERBS and any(
        c.dep_ in ("dobj", "attr") and c.lemma_.lower() in ROOM_NOUNS for c in holder.children
    )


@rule("modality.seeming-plan")
def seeming_plan(clause: Token) -> bool:
    """'Pyongyang appears to be preparing to launch a missile': a plan that only seems to be
    under way is the observer's inference, not an announcement (a seeming act, 'seemed to have
    targeted', is a hedged report and stays).

    Example: Iran seems to be planning to attack the tanker.
    """
    scope = host_verb(clause)
    plan = scope.head
    return (
        scope.dep_ == "xcomp"
        and plan.dep_ == "xcomp"
        and plan.lemma_.lower() in FUTURE_GOVERNORS
        and plan.head.lemma_.lower() in SEEMING_VERBS
    )


# Modals by which a believed act lies ahead or is a chance ("will meet", "could attack").
FORECAST_MODALS = (FUTURE_AUX | HYPOTHETICAL_AUX) - {"should"}


@rule("modality.believed-forecast")
def believed_forecast(clause: Token) -> bool:
    """'Rubio believes leaders from the U.S. and China will meet', 'they believe rebels could
    again attack', 'thinks North Korea could escalate by testing its weapons': an act with
    will, would, could or might in what someone believes is the believer's forecast, no act
    and no announcement. A believed past act ('believes Iran attacked') is a report and
    stays; so does one's own plan told with a pronoun ('he thinks he will visit Kenya').

    Example: The minister believes Kenya and Somalia will sign a deal next year.
    """
    scope = host_verb(clause)
    if not shared_modals(scope) & FORECAST_MODALS:
        return False
    for link, head in governors(scope):
        if link.dep_ == "ccomp" and head.lemma_.lower() in BELIEF_VERBS:
            subject = child(link, SUBJECT_DEPS)
            return subject is not None and subject.pos_ != "PRON"
    return False


def _content_clause(verb: Token) -> bool:
    """A clause that tells what a noun holds: 'the idea that X', also when the parse takes
    'that' for a relative's marker ('questions that its troops had failed')."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ in ("acl", "ccomp"):
        return True
    return verb.dep_ == "relcl" and any(m.dep_ == "mark" for m in verb.children)


@rule("generic.rejected-view")
def rejected_view(clause: Token) -> bool:
    """'rejected the idea that migration brings enrichment': rejecting a view, a proposition
    with a clause of its own, is an opinion, not the rejection of a proposal ('rejected the
    idea of a ceasefire' stays REJECT).

    Example: Orban rejected the idea that migration can lead to cultural enrichment.
    """
    if clause.lemma_.lower() not in REJECTING_VERBS:
        return False
    for c in clause.children:
        viewed = c.dep_ == "dobj" and c.lemma_.lower() in PROPOSITION_NOUNS
        if viewed and any(_content_clause(v) for v in c.children):
            return True  # "the idea that migration can lead ..."
        if c.dep_ == "ccomp":
            # "the idea migration brings ...": the noun is parsed into the clause's subject
            subject = child(c, SUBJECT_DEPS)
            if subject is not None and any(
                w.dep_ == "compound" and w.lemma_.lower() in PROPOSITION_NOUNS
                for w in subject.children
            ):
                return True
    return False


@rule("generic.invested-state")
def invested_state(clause: Token) -> bool:
    """'The U.S. is so invested in Ukraine': the passive with no doer tells a stake held, an
    attitude, not an investment made.

    Example: Britain is deeply invested in Kenya's future.
    """
    return (
        clause.lemma_.lower() in STAKE_VERBS
        and child(clause, frozenset({"nsubjpass"})) is not None
        and agent(clause) is None
    )


def _likeness_mark(verb: Token) -> bool:
    """The clause opens with 'like', 'as if' or 'as though'."""
    marks = [c for c in verb.children if c.dep_ == "mark"]
    if any(m.lower_ == "like" for m in marks):
        return True
    return any(
        m.lower_ in ("if", "though") and m.i > 0 and m.doc[m.i - 1].lower_ == "as" for m in marks
    )


@rule("generic.analogy")
def analogy(clause: Token) -> bool:
    """'It's kind of like the government is prosecuting a case': a clause of likeness under
    'be', 'seem', 'look', 'feel' or 'sound' draws a comparison; the act in it is pictured,
    not reported ('attacked Kenya, like it attacked Uganda' keeps both acts).

    Example: It is as if the police were arresting every journalist in Lagos.
    """
    scope = host_verb(clause)
    head = scope.head
    # the model lemmatises the curly "It’s" as "’"
    likeness = head.lemma_.lower() in LIKENESS_VERBS or head.lower_ in ("'s", "’s")
    return scope.dep_ == "advcl" and likeness and _likeness_mark(scope)


@rule("suppress.building-siege")
def building_siege(clause: Token) -> bool:
    """'Forces killed the gunmen after ending the hotel siege': a siege of a building is a
    hostage-taking or a gunmen's stand, and those who end it storm it; only a besieger lifting
    its siege of a town or a country eases a blockade (CAMEO 0872).

    Example: Kenyan police ended the siege at the shopping mall in Nairobi.
    """
    if clause.lemma_.lower() not in ENDING_VERBS:
        return False
    sieges = [c for c in clause.children if c.dep_ == "dobj" and c.lemma_.lower() == "siege"]
    if not sieges:
        return False
    at_verb = [  # "ended the siege at the mall": the parser may hang the phrase on the verb
        o for p in clause.children if p.dep_ == "prep" and p.lower_ == "at" for o in p.children
    ]
    return any(
        w.lemma_.lower() in SIEGE_BUILDINGS
        for w in (
            *at_verb,
            *(c for s in sieges for c in s.children if c.dep_ in ("compound", "nmod")),
            *(o for s in sieges for p in s.children if p.dep_ == "prep" for o in p.children),
        )
    )


@rule("suppress.own-claim-backed")
def own_claim_backed(clause: Token) -> bool:
    """'China uses historical records to back its claims': backing one's own claim or case
    is arguing for it, no support given to anyone ('backed Iran's claim' stays SUPPORT).

    Example: Kenya cited old maps to back its claim to the island.
    """
    if clause.lemma_.lower() not in BACKING_VERBS:
        return False  # "the army shelled their positions" argues nothing
    return any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in CLAIM_NOUNS
        and any(p.dep_ == "poss" and p.tag_ == "PRP$" for p in c.children)
        for c in clause.children
    )


@rule("generic.forming-purpose")
def forming_purpose(clause: Token) -> bool:
    """'A coalition is forming to give Ukraine guarantees': what a group comes together to do
    is its purpose, not yet an act ('formed a committee to investigate' has an object and is
    left alone). The purpose reaches through the infinitives and 'and' verbs below it ('is
    forming to provide Kenya with funds and monitors to support the truce').

    Example: A coalition of African states is forming to send troops to Haiti.
    """
    scope = host_verb(clause)
    for _ in range(PURPOSE_STEPS):
        head = scope.head
        if (
            scope.dep_ in ("xcomp", "advcl")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in scope.children)
            and head.lemma_.lower() in FORMING_VERBS
            and child(head, frozenset({"dobj"})) is None
        ):
            return True
        if scope.dep_ not in PURPOSE_CHAIN_DEPS or head.i == scope.i:
            return False
        scope = head
    return False


@rule("suppress.pastime-ban-lifted")
def pastime_ban_lifted(clause: Token) -> bool:
    """'since lifting a hunting ban in 2019': a ban on hunting, fishing or smoking lifted is a
    domestic policy that concedes nothing to any actor (CAMEO 081 eases sanctions on someone).

    Example: Zambia lifted its ban on trophy hunting last year.
    """
    if clause.lemma_.lower() not in ENDING_VERBS | LOOSENING_VERBS:
        return False
    bans = [c for c in clause.children if c.dep_ == "dobj" and c.lemma_.lower() in BAN_NOUNS]
    if not bans:
        return False
    # "lifted its ban on hunting": the parser may hang the "on" phrase on the verb
    holders = (*bans, clause)
    return any(
        w.lemma_.lower() in PASTIME_ACTIVITIES
        for w in (
            *(c for b in bans for c in b.children if c.dep_ in ("compound", "amod", "nmod")),
            *(
                o
                for h in holders
                for p in h.children
                if p.dep_ == "prep" and p.lower_ == "on"
                for o in p.subtree
            ),
        )
    )


def _on_bail(noun: Token) -> bool:
    """'bail', or 'release on bail', 'freedom on parole'."""
    if noun.lemma_.lower() in BAIL_TERMS:
        return True
    return any(
        p.dep_ == "prep"
        and p.lower_ in ("on", "under")
        and any(o.lemma_.lower() in BAIL_TERMS for o in p.children)
        for p in noun.children
    )


@rule("modality.bail-request")
def bail_request(clause: Token) -> bool:
    """'The defence demanded his release on bail', 'his lawyers applied for bail': asking a
    court to free someone on bail or parole is a step of a trial, no demand on a political
    actor (CAMEO 0253 asks a state to free prisoners). The release on bail itself stays.

    Example: Lawyers for the Kenyan activist demanded his release on bail.
    """
    if clause.pos_ != "VERB" or clause.lemma_.lower() not in ASKING_WORDS:
        return False
    return any(_on_bail(o) for o in asked_for(clause))


# Modals that make an 'if' clause after 'asked' a request ("asked if it could send troops").
REQUEST_MODALS = frozenset({"can", "ca", "could", "would", "will", "might", "may"})


@rule("generic.asked-if")
def asked_if(clause: Token) -> bool:
    """'The prosecutor asked the elder Lai if he agreed with them': asked with an 'if' clause
    and nothing to do, 'ask' puts a question (the parse hangs the clause as an adverbial);
    'asked Uganda if it could send troops', with a modal, or 'asked X to' stays a request.

    Example: The judge asked the Kenyan minister if he knew the contractor.
    """
    if clause.lemma_.lower() != "ask" or clause.pos_ != "VERB":
        return False
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in clause.children):
        return False
    return any(
        c.dep_ in ("advcl", "ccomp")
        and c.i > clause.i
        and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
        and not any(a.dep_ == "aux" and a.lower_ in REQUEST_MODALS for a in c.children)
        for c in clause.children
    )


# The clause-level rules of this module, in the order the suppression pass tries them.
def _subject_noun(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is a conjunct of ('the law is directed at
    X and allows ...')."""
    for current in (verb, verb.head if verb.dep_ == "conj" else None):
        if current is None:
            continue
        subject = child(current, SUBJECT_DEPS | {"nsubjpass"})
        if subject is not None:
            return subject
    return None


@rule("generic.provision")
def provision(clause: Token) -> bool:
    """'The law allows the government to seize the party's assets', 'the plan includes
    sending troops': what a law, deal or plan allows, requires or includes describes a
    policy, not an act done. The act done under it is told with its doer ('police seized
    the assets under the law') and stays. The text may be named by 'which' or, right after
    the sentence that names it, by 'it' ('... a plan for rearming. It includes relaxing').

    Example: The new law allows the police to detain protesters for 30 days.
    """
    for link, head in governors(host_verb(clause), 3):
        if link.dep_ not in ("xcomp", "ccomp", "dobj", "conj") or head.pos_ != "VERB":
            continue
        if head.lemma_.lower() not in PROVISION_VERBS:
            continue
        subject = _subject_noun(head)
        if subject is not None and _document(subject):
            return True
    return False


def _document(subject: Token) -> bool:
    """The subject names a law, deal or plan: itself, or as 'which' of a relative clause on
    such a noun ('a deal which allows'), or as 'it' or 'this' when the last subject or object
    of the sentence before's main verb is one ('... proposed a plan for rearming. It includes')."""
    if subject.lemma_.lower() in DOCUMENT_NOUNS:
        return True
    word = subject.lower_
    if word in ("which", "that") and subject.head.dep_ == "relcl":
        return subject.head.head.lemma_.lower() in DOCUMENT_NOUNS
    if word not in ("it", "this") or subject.sent.start == 0:
        return False
    before = subject.doc[subject.sent.start - 1].sent
    arguments = [
        t for t in before if t.dep_ in ARGUMENT_DEPS and t.head == before.root and t.pos_ == "NOUN"
    ]
    return bool(arguments) and arguments[-1].lemma_.lower() in DOCUMENT_NOUNS


NO_ACT_SUPPRESSIONS = [
    needed,
    weighed_reason,
    usual_procedure,
    facility_emergency,
    room_for,
    power_to,
    seeming_plan,
    believed_forecast,
    rejected_view,
    invested_state,
    analogy,
    building_siege,
    own_claim_backed,
    forming_purpose,
    pastime_ban_lifted,
    bail_request,
    asked_if,
    provision,
    stance_description,
]
