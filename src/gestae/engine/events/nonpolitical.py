"""Triggers used in their everyday sense: sport, animals, films and food, companies among
themselves, money spent on things, warnings of a hazard. News of these uses the verbs of
politics ("Liverpool attacked", "dogs are slaughtered", "shot a commercial", "merger talks"),
and an absurd event among real ones costs more trust than a missed one. Each class is a named
rule over the parse and the word classes of word_classes.yaml; suppression.py runs them with
its other reasons to drop a trigger."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from gestae.engine.actors import DocActors
from gestae.engine.events.game_clock import game_minute
from gestae.engine.events.game_scores import game_result, score_result
from gestae.engine.rules import rule
from gestae.engine.syntax import OBJECT_DEPS, SUBJECT_DEPS, agent, child
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words
from gestae.schema import Actor

SPORTS_WORDS = words("sports_words")
SPORTS_VERBS = words("sports_verbs")
NON_HUMAN = words("non_human_beings")
EVERYDAY_THINGS = words("everyday_things") | words("kitchen_things")
CREATIVE_WORKS = words("creative_works")
FILMED_THINGS = words("filmed_things")
QUANTITY_NOUNS = words("quantity_nouns")
KIN_NOUNS = words("kin_nouns")
ABSTRACT_FOES = words("abstract_foes")
# CAMEO roots of hostile acts whose object may be a problem rather than a party: threaten,
# posture, coerce, assault, fight, mass violence (13, 15, 17-20). Protest (14) is left out.
HOSTILE_ROOTS = frozenset({"13", "15", "17", "18", "19", "20"})
# Prepositions that aim a hostile act ("war on", "a fight against").
AIM_PREPS = frozenset({"on", "against"})
# CAMEO roots of talk and cooperation (01-06): done with kin or friends, private life. Aid
# and release (07, 08) are left out: "freed his father" may end a kidnapping.
COOPERATIVE_ROOTS = frozenset({"01", "02", "03", "04", "05", "06"})
SYMPATHY_CODE = "018"
# Prepositions that name the partner of a cooperative act ("worked with", "talked to").
PARTNER_PREPS = frozenset({"with", "to"})
# Sectors of a state's own officials, forces and leaders: they speak and act for it.
STATE_SECTORS = frozenset({"GOV", "LEG", "ELI", "MIL", "COP", "JUD", "SPY"})
# How far below the clause a word still sets its scene ("hosted X in a Six Nations match").
SCENE_DEPTH = 2
# Clauses of their own below the trigger: a match named there is not this act's scene.
OWN_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "acl", "parataxis"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Entity types of names that may stand for a state, an agency or a person.
NAME_ENTS = frozenset({"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC"})
# The sector of a company; an act among companies alone is business, not politics.
BUSINESS = "BUS"


def word_forms(token: Token) -> set[str]:
    """The token's lemma and lower-cased form, with a plural 's' taken off: the small model
    tags a capitalised plural at the start of a sentence ("Dogs", "Wildfires") as a name
    whose lemma keeps its 's'."""
    forms = {token.lemma_.lower(), token.lower_}
    forms |= {f[:-1] for f in forms if f.endswith("s") and len(f) > 3}
    return forms


def _scene(clause: Token, skip: frozenset[int]) -> Iterator[Token]:
    """The clause's words down to SCENE_DEPTH, not entering clauses of their own ("as they
    played soccer") nor the words in `skip`; a participle or relative clause also shows the
    noun it describes ("the cyclists attacked on the climb": the small model hangs
    "attacked" on "cyclists")."""
    if clause.dep_ in ("acl", "relcl") and clause.head.i not in skip:
        yield clause.head
    level = [clause]
    for _ in range(SCENE_DEPTH):
        level = [
            c
            for t in level
            for c in t.children
            if c.dep_ not in OWN_CLAUSE_DEPS
            and c.i not in skip
            and not any(g.dep_ in SUBJECT_DEPS for g in c.children if c.dep_ == "advcl")
        ]
        yield from level


def trigger_clause(token: Token, entry: TriggerEntry) -> Token:
    """The verb whose clause holds the act: a light verb for its event noun ("launched an
    attack"), else the trigger itself."""
    if entry.pos == "noun" and token.dep_ in OBJECT_DEPS:
        return token.head
    return token


@rule("suppress.sport")
def sport(token: Token, entry: TriggerEntry, actors: DocActors) -> bool:
    """'Liverpool attacked and scored twice', 'hosted France in a rugby match': a team or a
    player acts in a game, which is no political event. Who undergoes the act sets no scene
    ('deported a tennis star', 'a football coach was shot dead' stay acts), nor does a name
    the dictionaries know ('the Arab League').

    A game's score on a verb of its result puts the act in sport when that verb is the act's
    own clause or its purpose with no subject of its own ('launched a late attack to beat
    Peru 2-1', game_result; 'fired a missile into the corner to seal a 2-0 win',
    score_result), or when the act is the purpose of a won game ('crushed Sevilla 4-0 to seize
    the lead'); a game told in a clause of its own ('marched after Japan beat Oman 1-0') leaves
    the act alone.

    Example: Ghana attacked down the wing and scored twice in the cup final.
    """
    clause = trigger_clause(token, entry)
    aims = [c for c in token.children if c.dep_ in ("acl", "relcl") and not _has_subject(c)]
    if any(game_result(v) or score_result(v) for v in _own_verbs(clause) + aims):
        return True  # "launched a late attack to beat Peru 2-1", "to seal a 2-0 win"
    if _purpose_of_game(clause):
        return True  # "crushed Sevilla 4-0 to seize the lead"
    skip = {t.i for u in _undergoers(clause) for t in u.subtree}
    skip |= {i for i, m in actors.by_token.items() if any(a.name for a in m.actors)}
    for word in _scene(clause, frozenset(skip)):
        forms = word_forms(word)
        if word.pos_ in NOUN_POS and forms & SPORTS_WORDS:
            return True
        if word.pos_ == "VERB" and word.dep_ == "conj" and forms & SPORTS_VERBS:
            return True
        if word.pos_ == "ADJ" and word.lower_.startswith("olympic"):
            return True
        if word.pos_ == "NOUN" and game_minute(word):
            return True
    return False


def _own_verbs(clause: Token) -> list[Token]:
    """The clause's verb and the verbs of purpose or manner it carries that share its
    subject ("launched an attack to beat Peru"): an xcomp or advcl with no subject of its own."""
    found = [clause]
    for verb in found:
        found += [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and not _has_subject(c)]
    return found


def _purpose_of_game(clause: Token) -> bool:
    """The act is what a won game did: a purpose or result clause with no subject of its own
    hung on a verb of a game's result with its score."""
    if clause.dep_ not in ("xcomp", "advcl") or _has_subject(clause):
        return False
    return game_result(clause.head) or score_result(clause.head)


def _has_subject(verb: Token) -> bool:
    return child(verb, SUBJECT_DEPS) is not None


# Articles before a number that make it a score or a time: "shot a 65", "ran a 2:05".
SCORE_ARTICLES = frozenset({"a", "an"})


@rule("suppress.score")
def score(token: Token) -> bool:
    """'Woods shot a 65', 'she shot a four-under 68': a verb whose object is a number with an
    article and in digits is a player's score, no violence. A bare number or a number word
    stays people ('gunmen shot three', 'the blast killed a hundred').

    Example: The Kenyan golfer shot a 65 in Nairobi on Sunday.
    """
    return any(
        c.dep_ == "dobj"
        and c.tag_ == "CD"
        and any(ch.isdigit() for ch in c.text)
        and any(d.dep_ == "det" and d.lower_ in SCORE_ARTICLES for d in c.children)
        for c in token.children
    )


RECORDING_MEDIA = words("recording_media")
# Prepositions that name what records a scene: "captured on camera", "captured by a camera".
RECORDING_PREPS = frozenset({"on", "by"})


@rule("suppress.recorded")
def recorded(token: Token) -> bool:
    """'Was captured on camera telling activists', 'the attack was captured by a surveillance
    camera': a camera or a tape that captures someone films them; no one is taken.

    Example: The Kenyan senator was captured on video insulting a police officer.
    """
    if token.lemma_.lower() != "capture":
        return False
    # "captured on video beating ...": the model may hang "video" on the next word.
    return any(
        word_forms(w) & RECORDING_MEDIA
        for p in token.children
        if p.dep_ in ("prep", "agent") and p.lower_ in RECORDING_PREPS
        for o in p.children
        if o.dep_ == "pobj"
        for w in (_head_noun(o), *(c for c in o.children if c.dep_ == "compound"))
    )


FIGURATIVE_BESIEGERS = words("figurative_besiegers")
# Prepositions that name who lays a siege: "under siege from new parties", "besieged by critics".
BESIEGER_PREPS = frozenset({"from", "by"})
SIEGE_CODE = "191"


@rule("suppress.figurative-siege")
def figurative_siege(token: Token, entry: TriggerEntry) -> bool:
    """'Governments under siege from new rightist parties', 'a minister besieged by critics':
    parties, critics and the press lay no blockade; the siege is a figure for pressure.

    Example: The Italian government is under siege from populist parties.
    """
    if entry.cameo != SIEGE_CODE:
        return False
    by = [
        _head_noun(o)
        for p in token.children
        if p.dep_ in ("prep", "agent") and p.lower_ in BESIEGER_PREPS
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return any(word_forms(o) & FIGURATIVE_BESIEGERS for o in by)


def _head_noun(token: Token) -> Token:
    """'millions of birds', 'a flock of sheep': the noun a quantity counts."""
    if token.lemma_.lower() in QUANTITY_NOUNS:
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                return obj
    return token


def _common(tokens: list[Token]) -> set[str]:
    """The word forms of the common nouns among `tokens`: "the Tamil Tigers" is a name. An
    object the tagger calls an adjective ("burned crop stubble") is a noun all the same."""
    return {
        f
        for t in tokens
        if (t.pos_ == "NOUN" or (t.pos_ == "ADJ" and t.dep_ in OBJECT_DEPS)) and not t.ent_type_
        for f in word_forms(t)
    }


def _doers(clause: Token) -> list[Token]:
    """Who acts: the subject, or the 'by' phrase of a passive."""
    found = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    if not found and clause.dep_ == "acl" and clause.tag_ != "VBN":
        found = [clause.head]  # "wolves attacking the flock"
    by = agent(clause)
    if by is not None:
        found += [c for c in by.children if c.dep_ == "pobj"]
    return [_head_noun(t) for t in found]


def _undergoers(clause: Token) -> list[Token]:
    """What undergoes the act: the object or the passive subject."""
    found = [c for c in clause.children if c.dep_ in OBJECT_DEPS or c.dep_ == "nsubjpass"]
    return [_head_noun(t) for t in found]


@rule("suppress.non-human")
def non_human(clause: Token) -> bool:
    """Animals, viruses, films and the weather neither do nor undergo political acts: 'dogs
    are slaughtered', 'wolves attacked a flock', 'the novel attacks greed', 'praised the
    weather', 'shot a commercial' (a camera shoots a film).

    Example: Jordan's farmers said wolves attacked their sheep in the hills.
    """
    doers = _common(_doers(clause))
    if doers & (NON_HUMAN | EVERYDAY_THINGS | CREATIVE_WORKS):
        return True
    undergoers = _common(_undergoers(clause))
    if undergoers & (NON_HUMAN | EVERYDAY_THINGS):
        return True
    return clause.lemma_.lower() == "shoot" and bool(undergoers & FILMED_THINGS)


@rule("suppress.private-parties")
def private_parties(token: Token, actors: DocActors) -> bool:
    """When every actor the sentence names is a company with no country, the act is business
    between private parties ('merger talks between two airlines', 'the bank agreed to buy a
    rival'), not a political event; a state, an official or any group with a country named
    beside them keeps it.

    Example: The brewery agreed to buy a rival for 40 million euros.
    """
    sent = token.sent
    mentions = [m for m in actors.mentions if sent.start <= m.head < sent.end]
    named = [a for m in mentions for a in m.actors]
    if not named or not all(a.sector == BUSINESS and a.country is None for a in named):
        return False
    # "raided by the F.B.I.": a name the dictionaries do not know may still be a state's.
    inside = {i for m in mentions for i in range(m.start, m.end)}
    return not any(t.ent_type_ in NAME_ENTS and t.i not in inside for t in sent)


def _partners(token: Token) -> list[Token]:
    """Who an act is done with or to: objects and the objects of 'with'/'to'."""
    found = _undergoers(token)
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS):
        found += [_head_noun(c) for c in prep.children if c.dep_ == "pobj"]
    return found


@rule("suppress.private-life")
def private_life(token: Token, entry: TriggerEntry) -> bool:
    """Working with, meeting, visiting or praising kin and friends is private life: 'worked
    in Lyon with a relative', 'visited his mother'. Violence against them stays an act.

    Example: The senator from Ohio met his brother in Paris.
    """
    # Sympathy offered to a family is what condolences are (CAMEO 018): a public statement.
    if entry.cameo[:2] not in COOPERATIVE_ROOTS or entry.cameo == SYMPATHY_CODE:
        return False
    return bool(_common(_partners(token)) & KIN_NOUNS)


def own_state(source: Actor, target: Actor) -> bool:
    """'the U.S. must take a tougher line', said by a US senator; 'the French president urged
    France to ...': a state's own officials, forces or leaders do not make demands of, or
    meet, the state as a whole, of which they are part."""
    return (
        source.country is not None
        and source.country == target.country
        and source.sector in STATE_SECTORS
        and target.sector is None
        and target.kind == "state"
        # "urged Americans to leave": a state's people are not the state.
        and not target.rule.startswith("demonym")
    )


def _aimed_at(token: Token) -> list[Token]:
    """What a hostile act is aimed at: its objects, the objects of 'on'/'against' on it or
    on its object noun ("declared war on X"), and the objects of its infinitive ("vowed to
    crush X")."""
    heads = [token, *_undergoers(token)]
    heads += [c for c in token.children if c.dep_ == "xcomp"]
    found = [u for h in heads[1:] if h.dep_ == "xcomp" for u in _undergoers(h)]
    found += _undergoers(token)
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in AIM_PREPS):
            found += [_head_noun(c) for c in prep.children if c.dep_ == "pobj"]
    return found


@rule("suppress.abstract-foe")
def abstract_foe(token: Token, entry: TriggerEntry) -> bool:
    """'an effort targeting fentanyl', 'declared war on poverty', 'vowed to crush
    inflation': a hostile verb aimed at a problem, not at a party, is a metaphor for policy.

    Example: Peru's president vowed to crush inflation and declared war on poverty.
    """
    if entry.cameo[:2] not in HOSTILE_ROOTS:
        return False
    aimed = _aimed_at(token)
    # Only the head noun counts: a "drug dealer" is a person, not a drug.
    foes = _common(aimed) & ABSTRACT_FOES
    # A frame written for that very object is no metaphor: "seized heroin" (171) is a seizure.
    return bool(foes) and not (foes & entry.obj)


# -- a political verb in another sense -------------------------------------------------------

INFORMATION_NOUNS = words("information_nouns")
SPENDING_WORDS = words("spending_words")
HAZARD_WORDS = words("hazard_words")
# CAMEO roots of offering, meeting, helping and giving (03-07); statements (01-02) about what
# was said ("rejected the comments") are another matter.
GIVING_ROOTS = frozenset({"03", "04", "05", "06", "07"})
# CAMEO codes of a journey to or from a partner: a visit (042) and hosting one (043).
VISIT_CODES = frozenset({"042", "043"})


def _names_party(phrase: Token, actors: DocActors) -> bool:
    """A word of the phrase, outside its own clauses ('bases, which will ...'), is an actor
    mention, a loose state adjective or a name."""
    loose = {i for i, _ in actors.loose}
    stack, words_of = [phrase], []
    while stack:
        t = stack.pop()
        words_of.append(t)
        stack.extend(c for c in t.children if c.dep_ not in OWN_CLAUSE_DEPS)
    return any(
        actors.at(t) is not None or t.i in loose or t.ent_type_ in NAME_ENTS for t in words_of
    )


@rule("suppress.spending-on-thing")
def spending_on_thing(token: Token, entry: TriggerEntry, actors: DocActors) -> bool:
    """'The company invested heavily in renewables', 'they are investing in other bases':
    money put into a thing that names no state, group or person is spending, no economic
    cooperation with anyone (CAMEO 061). 'Invested in Kenya' or 'in Kenyan ports' stays.

    Example: The utility invested heavily in wind turbines last year.
    """
    if entry.lemma not in SPENDING_WORDS or entry.prep != "in":
        return False
    holders = [token, *(c for c in token.children if c.dep_ == "advmod")]
    spent_on = [
        o
        for h in holders
        for p in h.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return bool(spent_on) and not any(_names_party(o, actors) for o in spent_on)


@rule("suppress.hazard-warning")
def hazard_warning(token: Token, entry: TriggerEntry) -> bool:
    """'Health warnings have been issued', 'issued a heat warning for Sydney': a warning of a
    hazard (heat, storm, flood, disease) tells people to take care; it threatens no one
    (CAMEO 13).

    Example: Kenyan authorities issued a flood warning for Mombasa.
    """
    if entry.cameo[:2] != "13":
        return False
    warnings = [token] if entry.pos == "noun" else []
    warnings += [c for c in token.children if c.dep_ in (*OBJECT_DEPS, "nsubjpass")]
    return any(
        w.lemma_.lower() == "warning"
        and any(
            c.dep_ in ("compound", "amod") and bool(word_forms(c) & HAZARD_WORDS)
            for c in w.children
        )
        for w in warnings
    )


@rule("suppress.information-given")
def information_given(token: Token, entry: TriggerEntry) -> bool:
    """Offering or giving evidence, details or an explanation is saying something, not
    cooperating: 'offered no evidence', 'gave few details'. Handed to a partner ('shared
    evidence with Mexico') it is cooperation, and aid and intelligence stay acts.

    Example: The ministry offered no evidence for the claim about the border.
    """
    if entry.pos != "verb" or entry.cameo[:2] not in GIVING_ROOTS:
        return False
    if token.lemma_.lower() == "share" or _handed_over(token):
        return False  # "shared evidence with Mexico": handing it to a partner is cooperation
    return any(
        c.dep_ in OBJECT_DEPS and c.lemma_.lower() in INFORMATION_NOUNS for c in token.children
    )


def _handed_over(token: Token) -> bool:
    """A partner the thing is given to: 'gave details to the envoy', 'evidence to Kenya'."""
    near = [token, *(c for c in token.children if c.dep_ in OBJECT_DEPS)]
    return any(c.dep_ == "dative" or c.lower_ in PARTNER_PREPS for t in near for c in t.children)


@rule("suppress.transported")
def transported(token: Token, entry: TriggerEntry) -> bool:
    """People flown, taken or sent somewhere are moved by others: no visit of theirs
    ('the detainees were flown to Louisiana', 'the wounded were taken to Kabul').

    Example: The detainees were flown to Louisiana on Tuesday.
    """
    if entry.cameo not in VISIT_CODES:
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    return passive or (token.tag_ == "VBN" and token.dep_ == "acl")


CONVEYANCES = words("conveyances")
MOVED_PEOPLE = words("moved_people")
# How far up a visit verb looks for its mover: "began arriving", "due to travel".
MOVER_STEPS = 2


def _mover(token: Token) -> Token | None:
    """Who travels: the subject, the subject of the verb a complement or conjunct hangs on
    ('the detainees began arriving'), or the noun a participle or infinitive describes
    ('a ship heading to Iran', 'the first refugees to arrive')."""
    current = token
    for _ in range(MOVER_STEPS):
        subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return _said_to_be(current) or _head_noun(subject)
        if current.dep_ in ("acl", "relcl") and current.head.pos_ in NOUN_POS:
            return _head_noun(current.head)
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return None
        current = current.head
    return None


def _said_to_be(verb: Token) -> Token | None:
    """'Ali was among the first refugees to arrive': the people a copula counts its subject
    among travel, the subject as one of them."""
    if verb.lemma_.lower() != "be":
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            return _head_noun(obj)
    return None


@rule("suppress.conveyed")
def conveyed(token: Token, entry: TriggerEntry) -> bool:
    """A craft or load travelling ('a cargo ship heading to Iran'), people moved by others or
    fleeing ('the detainees began arriving at the base', 'refugees arrived at the camp'), or
    people the subject carries ('flying them to Louisiana') pay no visit: the visit codes are
    for an actor's own journey to a partner.

    Example: The cargo ship arrived in Shanghai on Monday.
    """
    if entry.cameo not in VISIT_CODES or entry.pos != "verb":
        return False
    carried = entry.prep is not None and any(
        c.dep_ == "dobj" and (c.pos_ == "PRON" or bool(word_forms(c) & MOVED_PEOPLE))
        for c in token.children
    )
    mover = _mover(token)
    return carried or (mover is not None and bool(word_forms(mover) & (CONVEYANCES | MOVED_PEOPLE)))


@rule("suppress.person-recognized")
def person_recognized(token: Token, entry: TriggerEntry) -> bool:
    """Recognizing a person is knowing who they are ('a guard recognized him'), not the
    recognition of a state or government, unless it names the office ('recognized him as
    president').

    Example: A guard recognized him at the border post in Rafah.
    """
    if entry.cameo != "054" or entry.pos != "verb":
        return False
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
        return False
    return any(
        c.dep_ in OBJECT_DEPS and (c.pos_ == "PRON" or c.ent_type_ == "PERSON")
        for c in token.children
    )


BODY_PARTS = words("body_parts")
# Possessive pronouns of one person and of several: "his knee" is the player's own when he
# is one; "police broke his arm" names another.
ONE_OWNER = frozenset({"his", "her", "my", "its"})
MANY_OWNERS = frozenset({"their", "our"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# CAMEO roots of harm to a body: assault, fighting, mass violence (18-20).
HARM_ROOTS = frozenset({"18", "19", "20"})


@rule("suppress.own-body-part")
def own_body_part(token: Token, entry: TriggerEntry) -> bool:
    """'The striker injured his knee in training', 'she hurt her back': a harm verb whose
    object is a body part the doer owns ('his' of one doer, 'their' of several) tells an
    injury, no attack. 'Police broke his arm' (one owner, several doers) and a passive with
    its doer ('his leg was broken by soldiers') stay assaults.

    Example: The Chilean defender injured his ankle in training on Monday.
    """
    if entry.pos != "verb" or entry.cameo[:2] not in HARM_ROOTS:
        return False
    doers = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    parts = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    if not parts:
        if agent(token) is not None:
            return False
        parts = [c for c in token.children if c.dep_ == "nsubjpass"]
    return any(_owned_part(p, doers) for p in parts)


def _owned_part(part: Token, doers: list[Token]) -> bool:
    """A body part under a possessive pronoun that agrees in number with the doers."""
    if not word_forms(part) & BODY_PARTS:
        return False
    owners = [c.lower_ for c in part.children if c.dep_ == "poss"]
    if not owners:
        return False
    many = any(d.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" for c in d.children) for d in doers)
    if owners[0] in ONE_OWNER:
        return not many
    return owners[0] in MANY_OWNERS and (many or not doers)
