"""Clauses that state no act done: what a third party guesses, what someone wishes, needs or
aims at, a norm, and the general statements of news (claims about what actors usually do,
risks, statistics). Each is a named rule; suppression.py runs MODAL_SUPPRESSIONS with its other
reasons to drop a trigger. How the text holds an act that is reported (denied, announced,
hypothetical) is modality.py's job."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.events.modality import (
    CONDITIONAL_MARKS,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    SPEECH_VERBS,
    expects_another,
    has_condition,
    host_verb,
    in_conditional,
    supposed_need,
)
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, auxiliaries, child, negated
from gestae.resources.word_classes import words

# Modals that only guess at an act; a guess told by someone else is nobody's act.
SPECULATIVE_AUX = frozenset({"could", "might", "may"})
# Verbs by which someone forecasts what another may do ("analysts warned", "diplomats said").
FORECAST_VERBS = SPEECH_VERBS | frozenset({"warn", "predict", "fear", "speculate", "caution"})


@rule("modality.speculation")
def speculation(clause: Token) -> bool:
    """'Hungary could veto the package, diplomats said': what a third party guesses another
    might do is no act and no announcement; an actor's own 'could' ('Hungary said it could
    veto'), with a pronoun pointing back to the speaker, or a 'could' on a condition ('could
    block the bid unless ...') stays a hypothetical act. What someone expects another to do
    is a guess too ('expects North Korea to launch a missile': modality.expects_another).

    Example: Iran could attack Israel, analysts warned.
    """
    scope = host_verb(clause)
    if expects_another(scope):
        return True
    aux = auxiliaries(scope)
    if not aux & SPECULATIVE_AUX or aux & (FUTURE_AUX | {"would"}):
        return False
    if any(t.dep_ == "mark" and t.lower_ in CONDITIONAL_MARKS for t in scope.subtree):
        return False  # "could block the bid if ...": a condition set is a threat, not a guess
    if scope.dep_ not in ("ccomp", "parataxis") or scope.head.lemma_.lower() not in FORECAST_VERBS:
        return False
    subject = child(scope, SUBJECT_DEPS)
    return subject is not None and subject.pos_ != "PRON"


# -- wishes, forecasts, norms and aims: the clause names no act ---------------------------------
WISH_GOVERNORS = words("wish_governors")
PUNDIT_NOUNS = words("pundit_nouns")
LIKELIHOOD_WORDS = words("likelihood_words")
AIM_NOUNS = words("aim_nouns")
WISH_ADJECTIVES = words("wish_adjectives")
HOPED_BY = WISH_GOVERNORS | words("hope_adjectives")
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


ONGOING_ACT_VERBS = words("ongoing_act_verbs")
# How many verbs up a subjectless verb takes its modal from ("may overreach and start
# threatening": threatening -> start -> overreach); the infinitive's "to" is no modal.
MODAL_REACH = 3


def modal_host(scope: Token) -> Token | None:
    """The verb whose modal a subjectless verb shares: the verb it is coordinated with or is the
    participle of ('may be arrested and detained', 'may impose sanctions, cutting aid'), the
    verb it completes ('may start threatening', 'must return to discuss') or whose means it is
    ('could escalate by testing', 'should respond by committing'); None for a clause of its
    own."""
    head = scope.head
    if head.i == scope.i or child(scope, SUBJECT_DEPS | {"nsubjpass"}) is not None:
        return None  # "Kenya may protest and Uganda attacked": a clause of its own
    if scope.dep_ == "xcomp" and head.lemma_.lower() in ONGOING_ACT_VERBS:
        return None  # "must stop killing civilians": the killing goes on
    if scope.dep_ in ("conj", "xcomp") or (scope.dep_ == "advcl" and scope.tag_ == "VBG"):
        return head
    if scope.dep_ == "acomp" and head.lemma_.lower() == "be":
        return head  # "might be willing to make": the adjective takes the copula's modal
    if scope.dep_ == "advcl" and to_infinitive(scope):
        return head
    if scope.dep_ == "pcomp" and head.lower_ == "by" and head.dep_ == "prep":
        return head.head
    return None


@rule("modality.shared-modal")
def shared_modals(scope: Token) -> set[str]:
    """A verb with no auxiliary and no subject of its own shares the modal of the verb it
    hangs on, a few links up: 'Trump may overreach and start threatening military action' is
    a guess, 'they should respond by committing to talks' a norm.

    Example: Analysts said Peru may overreach and start attacking Bolivia.
    """
    own = auxiliaries(scope)
    current = scope
    for _ in range(MODAL_REACH):
        if own - {"to"}:
            return own
        host = modal_host(current)
        if host is None:
            return own
        current = host
        own = auxiliaries(current)
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
    """'She hopes the two countries can work together', 'hopes a ceasefire could take place',
    'is optimistic the hostages will be freed': what someone hopes, wishes or doubts others
    will do is no act (the infinitive 'hopes to' is suppress.wish).

    Example: Rubio said he hopes Russia and Ukraine will sign a truce.
    """
    return any(
        link.dep_ == "ccomp" and forms(head) & HOPED_BY
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
    """'No one should be detained', 'Israel must end its attacks', 'the U.S. would have to
    send warships': a norm, a duty or a supposed need names no act done (a speaker's 'X must'
    addressed to another actor is a demand of its own: trigger.reported-obligation).

    Example: Iran should release the British sailors.
    """
    scope = host_verb(clause)
    return bool(shared_modals(scope) & NORMATIVE_MODALS) or supposed_need(scope)


# Modals of ability or permission ("ca" is the first half of "can't").
ABILITY_AUX = frozenset({"can", "ca"})


@rule("generic.ability")
def ability(clause: Token) -> bool:
    """'they can appeal to the board', 'China can work with fewer chips', 'it can assist in
    meeting such challenges': what an actor is able or allowed to do states a capacity, not an
    act done. A denied 'cannot' stays, read as a refusal, and so does the means it names
    ('cannot silence us by banning books': the ban was done).

    Example: Under the treaty, Ghana can send troops to Mali.
    """
    current: Token | None = host_verb(clause)
    for _ in range(MODAL_REACH + 1):
        if current is None or negated(current):
            return False  # "can't suppress our voices by banning books": the ban was done
        if auxiliaries(current) - {"to"}:
            return bool(auxiliaries(current) & ABILITY_AUX)
        current = modal_host(current)
    return False


@rule("modality.aim-noun")
def aim_noun(clause: Token) -> bool:
    """'the aim is to support', 'interest in making aid', 'interested in talking': an act held
    by a noun of aim, hope, chance or risk, or an adjective of wish, is not (yet) done.

    Example: The goal of the talks is to end the war between Sudan and Chad.
    """
    for link, head in governors(clause, 4):
        kind = WISH_ADJECTIVES if head.pos_ == "ADJ" else AIM_NOUNS  # "interested in talking"
        if head.pos_ in ("NOUN", "PROPN", "ADJ") and head.lemma_.lower() in kind:
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


# -- general statements: what usually happens, what may come, how ties stand ---------------------

FREQUENCY_ADVERBS = words("frequency_adverbs")
RARITY_ADVERBS = words("rarity_adverbs")
RISK_NOUNS = words("risk_nouns")
RELATIONSHIP_NOUNS = words("relationship_nouns")
STANDING_PREDICATES = words("standing_predicates")
ECONOMIC_QUANTITIES = words("economic_quantities")
SUPPLY_VERBS = words("supply_verbs")
RECEPTION_NOUNS = words("reception_nouns")
# Words that make a clause what someone asks, not what someone wants ("what ... , she asked").
QUESTION_WORDS = frozenset({"what", "who", "whom", "which", "whether", "if"})
ASKING_VERBS = frozenset({"ask", "wonder", "question"})
# Tags of the question words, and "whether"/"if" as a mark.
WH_TAGS = frozenset({"WP", "WDT", "IN"})
GENERIC_PRONOUNS = frozenset({"you", "one"})


def _adverb(verb: Token, names: frozenset[str]) -> bool:
    """The verb carries one of these adverbs."""
    return any(c.dep_ == "advmod" and c.lower_ in names for c in verb.children)


def _kind_of_case(verb: Token) -> bool:
    """'in such cases', 'in a case like his': the clause speaks of a kind of case."""
    cases = [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for o in p.children
        if o.dep_ == "pobj" and o.lemma_.lower() == "case"
    ]
    return any(c.lower_ in ("such", "like", "most", "many") for o in cases for c in o.children)


def _generic_when(verb: Token) -> bool:
    """'when you go to Harare, ...', '... whenever they cover protests', 'when attacked, they
    fight back': a 'when' clause on a generic 'you' or 'one', a reduced 'when' participle on a
    verb in the plain present, or any 'whenever' clause."""
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        if any(c.lower_ == "whenever" for c in clause.children):
            return True
        subject = child(clause, SUBJECT_DEPS)
        timed = any(c.lower_ == "when" for c in clause.children)
        if timed and subject is not None and subject.lower_ in GENERIC_PRONOUNS:
            return True
        if timed and subject is None and clause.tag_ == "VBN" and verb.tag_ in ("VBP", "VBZ"):
            return True  # "when attacked, they fight back": a reduced 'when' on the present
    return False


@rule("generic.habitual")
def habitual(clause: Token) -> bool:
    """'seldom criticized China', 'as is always the case when journalists are harassed', 'when
    you go to Harare, MPs are expelled', 'in such cases police arrest ...': rarity, a kind of
    case, a 'whenever', or a 'when' on a generic 'you' or under a clause of frequency makes
    the act what usually happens (or hardly ever does), a general statement, not an act done;
    the 'when' may hang on the complement of the verb of frequency ('rebels traditionally try
    to flee when attacked'). A frequency adverb on the act itself ('troops routinely patrol')
    is left alone: such a habit still tells who acts where.

    Example: Bandits seldom attack the buses that cross the border between Niger and Mali.
    """
    current = host_verb(clause)
    if _adverb(current, RARITY_ADVERBS) or _kind_of_case(current) or _generic_when(current):
        return True
    timed = False
    for _ in range(3):
        if current.dep_ not in ("advcl", "ccomp", "xcomp") or current.head.i == current.i:
            return False
        when = any(c.lower_ == "when" for c in current.children)
        timed = timed or (current.dep_ == "advcl" and when)
        current = current.head
        if (timed and _adverb(current, FREQUENCY_ADVERBS)) or _generic_when(current):
            return True  # "as is always the case when journalists are harassed"
    return False


@rule("generic.risk-of")
def risk_of(clause: Token) -> bool:
    """'the ongoing threat of attacks', 'live in fear of raids', 'the danger of a coup': an act
    named as a danger that may come has not happened (the threat itself, when someone makes
    it, is an act of its own: CAMEO 13).

    Example: Traders in Gao live in constant fear of attacks by Malian rebels.
    """
    return any(
        link.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in RISK_NOUNS
        for link, head in governors(clause, 2)
    )


@rule("generic.standing-relation")
def standing_relation(clause: Token) -> bool:
    """'their security cooperation still stands', 'the partnership is purely defensive', 'ties
    will develop slowly': a relationship noun as the subject of how it stands characterises
    ties between actors; it reports no act of cooperation.

    Example: The envoy said the cooperation between Mali and Niger still stands.
    """
    if clause.pos_ not in ("NOUN", "PROPN") or clause.dep_ != "nsubj":
        return False
    predicate = clause.head
    return (
        clause.lemma_.lower() in RELATIONSHIP_NOUNS
        and predicate.lemma_.lower() in STANDING_PREDICATES
    )


def _quantity(noun: Token) -> bool:
    """'income of $1 billion', '40 percent of the output', '20 million of the 150 million
    goats': a measure of an economy or a share of a whole."""
    if noun.lemma_.lower() in ECONOMIC_QUANTITIES or noun.ent_type_ == "PERCENT":
        return True
    share = noun.tag_ == "CD" or noun.lemma_.lower() in ("%", "per")
    return share and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" for o in c.children)
        for c in noun.children
    )


@rule("generic.statistic")
def statistic(clause: Token) -> bool:
    """'foreign patients contributed income of more than $1 billion', 'the region's farms
    provide less than 20 million of the 150 million chickens': a supply verb over a share or a
    measure of an economy states a statistic, not aid given by one actor to another.

    Example: Tourists from Kenya contributed income of 2 billion dollars to Tanzania last year.
    """
    if clause.pos_ != "VERB" or clause.lemma_.lower() not in SUPPLY_VERBS:
        return False
    return any(_quantity(c) for c in clause.children if c.dep_ == "dobj")


def _question(clause: Token) -> bool:
    """The clause is asked: it opens on 'what', 'who' or 'which', or is marked 'whether'."""
    front = [c for c in clause.children if c.i < clause.i]
    front += [g for c in front for g in c.children if g.i < c.i]
    return any(t.lower_ in QUESTION_WORDS and t.tag_ in WH_TAGS for t in front)


@rule("generic.asked-question")
def asked_question(clause: Token) -> bool:
    """ "What soldier has ever helped us, she asked", 'asked whether Uganda would send troops':
    asking a question is no request (CAMEO 02 wants something done), and what the question
    asks about is no act either.

    Example: What Kenyan soldier has ever helped us, the widow in Mandera asked.
    """
    if clause.lemma_.lower() in ASKING_VERBS:
        return any(c.dep_ == "ccomp" and _question(c) for c in clause.children)
    return (
        clause.dep_ == "ccomp" and clause.head.lemma_.lower() in ASKING_VERBS and _question(clause)
    )


# Tenses of a 'how' clause that describe a way of acting, not a day's act: the plain present,
# and the modals that weigh what an actor will or can do.
WAY_AUX = frozenset({"will", "would", "can", "could", "wo", "ca"})


def _how(verb: Token) -> bool:
    """The verb opens on 'how', 'how far', 'how often': an embedded question of manner."""
    front = [c for c in verb.children if c.i < verb.i and c.dep_ == "advmod"]
    front += [g for c in front for g in c.children if g.dep_ == "advmod"]
    return any(t.lower_ == "how" for t in front)


@rule("generic.how-clause")
def how_clause(clause: Token) -> bool:
    """'shows how China uses vague laws to suppress dissent', 'how far Iran will go to silence
    its critics': a 'how' clause in the plain present or with 'will' or 'can' characterises an
    actor's ways, not an act done ('described how police beat protesters' reports one). An
    event noun in it ('how Manila will react to Suga's visit') names an act of its own.

    Example: The report shows how Iran uses vague laws to silence critics of the government.
    """
    if clause.pos_ not in ("VERB", "AUX"):
        return False
    current = clause
    for _ in range(3):
        if _how(current) and current.dep_ in ("ccomp", "pcomp", "pobj", "advcl"):
            aux = auxiliaries(current)
            return bool(aux & WAY_AUX) or (not aux and current.tag_ in ("VBZ", "VBP"))
        if current.dep_ not in ("xcomp", "advcl", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


@rule("generic.reception")
def reception(clause: Token) -> bool:
    """'The offensive met with surprising success', 'the plan was met with scepticism': how
    something was received is no meeting between actors.

    Example: Kenya's plan for Haiti met with scepticism in Nairobi.
    """
    if clause.lemma_.lower() != "meet":
        return False
    received = [
        o
        for p in clause.children
        if p.dep_ in ("prep", "agent") and p.lower_ == "with"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return any(o.lemma_.lower() in RECEPTION_NOUNS for o in received)


# The clause-level rules of this module, in the order the suppression pass tries them.
MODAL_SUPPRESSIONS = [
    speculation,
    hoped_for,
    epistemic_may,
    pundit_forecast,
    likelihood,
    normative,
    ability,
    aim_noun,
    implication,
    wish_chain,
    instead_of,
    procedural_request,
    would_consequence,
    habitual,
    risk_of,
    standing_relation,
    statistic,
    asked_question,
    how_clause,
    reception,
]
