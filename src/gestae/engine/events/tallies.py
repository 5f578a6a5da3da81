"""Clauses that count many acts rather than tell one, found reading real news (VOA): a report's
yearly tally ('launched 504 attacks in 2024', 'killed 400 people in over 500 attacks last
year'), a toll over a span of months ('1,250 militants killed in the last 15 months'), a
statistic over many countries ('women in 77 countries are barred from'), a trend ('trade
with Mauritius on rise', 'has ramped up attacks since January'), an act told over many cases ('in hundreds of cases'), and a news agency's request for comment that went unanswered. PLOVER codes events, one act on one day; an aggregate
of many is a statistic. A single incident with many victims ('killed 40 people on Monday',
'kidnapped 276 girls in 2014') stays an event. clause_suppression.py runs TALLY_SUPPRESSIONS
with its other reasons to drop a clause."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from gestae.engine.casualties import parse_number
from gestae.engine.events.modality import host_verb
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, pobjs
from gestae.resources.date_words import date_vocabulary
from gestae.resources.word_classes import words

TALLIED_ACTS = words("tallied_act_nouns")
SPAN_UNITS = words("span_units")
COUNTED_STATES = words("counted_state_nouns")
COMMENT_REQUESTS = words("comment_request_nouns")
REPLY_NOUNS = words("reply_nouns")
TREND_NOUNS = words("trend_nouns")
CASE_NOUNS = words("case_nouns")
MANY_WORDS = words("many_count_words")
ESCALATION_VERBS = words("escalation_verbs")
SPAN_STARTS = words("span_start_nouns")
MONTHS = frozenset(name for names in date_vocabulary().months for name in names)
# Links from a clause up to the verb whose 'since' phrase spans it ('have intensified attacks
# since the withdrawal started, inflicting casualties').
SPAN_LINKS = frozenset({"advcl", "conj", "xcomp", "pcomp", "prep", "pobj", "dobj"})
# Fewest cases that make a statistic rather than a list of acts ("in 40 cases").
MANY_CASES = 10
PARTICIPANT_DEPS = SUBJECT_DEPS | frozenset({"nsubjpass", "dobj"})
YEAR_MARKS = frozenset({"last", "this", "past"})
UNCOUNTED_ENTS = frozenset({"DATE", "MONEY", "QUANTITY", "PERCENT"})
SPAN_PREPS = frozenset({"in", "over", "during", "throughout", "within"})
YEAR_PREPS = frozenset({"in", "during", "throughout"})


def _counted(noun: Token, uncounted: frozenset[str] = UNCOUNTED_ENTS) -> bool:
    """The noun is counted by a number above one ('504 attacks', 'nearly 400 people'); not a
    year ('the 1998 bombings') nor a sum of money ('117 million kroner')."""
    return any(
        c.dep_ == "nummod"
        and c.tag_ == "CD"
        and c.ent_type_ not in uncounted
        and (parse_number(c) or 2) > 1
        for c in noun.children
    )


def _attached(verb: Token) -> Iterator[Token]:
    """The verb's children and the objects of its prepositions."""
    for c in verb.children:
        yield c
        if c.dep_ == "prep":
            yield from (o for o in c.children if o.dep_ == "pobj")


def _year(token: Token) -> bool:
    """A year number ('2024')."""
    value = parse_number(token)
    return token.tag_ == "CD" and value is not None and 1900 <= value <= 2100


def _one_year(token: Token) -> bool:
    """'in 2024', 'during 2023', 'last year', 'this year', 'the past year'."""
    if token.dep_ == "pobj" and token.head.lower_ in YEAR_PREPS and _year(token):
        return True
    return (
        token.lemma_.lower() == "year"
        and token.tag_ == "NN"
        and any(c.dep_ in ("amod", "det") and c.lower_ in YEAR_MARKS for c in token.children)
    )


def _spanning(unit: Token) -> bool:
    """'over the past 15 months', 'in three years', 'the last two years': a stretch the acts
    fill, not the length of one act ('jailed for two years', 'sentenced to 10 years') or a
    point counted from another ('three years before', 'two years ago')."""
    if unit.dep_ == "pobj":
        return unit.head.lower_ in SPAN_PREPS
    return any(c.dep_ == "amod" and c.lower_ in YEAR_MARKS for c in unit.children)


def _period(verb: Token) -> str | None:
    """'span' for several months or years ('over the past 15 months', 'in the last two
    years'), 'year' for one year ('in 2024', 'last year'), else None."""
    found: str | None = None
    for t in _attached(verb):
        if t.dep_ not in ("pobj", "npadvmod") or any(c.lower_ == "ago" for c in t.children):
            continue  # "two years ago" is a point in time
        if (
            t.lemma_.lower() in SPAN_UNITS
            and t.tag_ == "NNS"
            and _counted(t, frozenset())
            and _spanning(t)
        ):
            return "span"
        if _one_year(t):
            found = "year"
    return found


@rule("generic.tally")
def tally(clause: Token) -> bool:
    """'the separatists launched 504 attacks in 2024', 'killed nearly 400 people in over 500
    attacks last year', '1,250 militants have been killed in the last 15 months': a count of
    acts over a year, or of victims over a span of months or years, is a statistic of many
    acts, not one event. A toll on one day, or in one year with no count of acts ('kidnapped
    276 girls in 2014'), stays.

    Example: In 2023, the rebels killed nearly 300 people in over 400 attacks.
    """
    scope = host_verb(clause)
    heads = [scope, scope.head] if scope.dep_ == "ccomp" else [scope]
    period = next((p for p in (_period(h) for h in heads) if p), None)
    if period is None:
        return False
    acts = any(
        t.dep_ in ("dobj", "pobj") and t.lemma_.lower() in TALLIED_ACTS and _counted(t)
        for t in _attached(scope)
    )
    if acts:
        return True
    return period == "span" and any(
        c.dep_ in PARTICIPANT_DEPS and _counted(c) for c in scope.children
    )


def _many_states(noun: Token) -> bool:
    """'in at least 77 countries', 'across 40 nations'."""
    return any(
        p.dep_ == "prep"
        and p.lower_ in ("in", "across")
        and any(
            o.dep_ == "pobj" and o.lemma_.lower() in COUNTED_STATES and _counted(o)
            for o in p.children
        )
        for p in noun.children
    )


@rule("generic.many-countries")
def many_countries(clause: Token) -> bool:
    """'women in at least 77 countries are barred from working', 'laws in 40 nations ban':
    what holds in a count of countries is a statistic over their laws, not an act of one
    actor on another.

    Example: Women in at least 60 countries are barred from driving trucks.
    """
    scope = host_verb(clause)
    participants = [c for c in scope.children if c.dep_ in PARTICIPANT_DEPS]
    # "a coalition ..., women in 77 countries are barred": an apposition parsed as a conjunct
    return _many_states(scope) or any(
        _many_states(w) for c in participants for w in (c, *c.conjuncts)
    )


CONTINENT_SCOPES = words("continent_scopes")
SCOPE_PREPS = frozenset({"across", "around", "throughout"})
SINCE = frozenset({"since"})


def _bare_plural(noun: Token) -> bool:
    """'opposition parties', 'journalists': a plural with no article, owner or number."""
    return noun.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod") for c in noun.children
    )


@rule("generic.continent-wide")
def continent_wide(clause: Token) -> bool:
    """'Across Asia, small parties say the polls are rigged', 'around
    the world, journalists are jailed': what people of a kind do or suffer over a continent
    or the world is a trend over many states, not an act of one actor on another. A named
    group ('the AU's envoys') or a day ('on Monday') tells one act and stays.

    Example: Across Africa, opposition parties have complained of rigged elections.
    """
    scope = host_verb(clause)
    if not _prep_phrase(scope, SCOPE_PREPS, lambda o: o.lemma_.lower() in CONTINENT_SCOPES):
        return False
    subject = next((c for c in scope.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not _bare_plural(subject):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in scope.subtree)


def _comment_request(noun: Token) -> bool:
    """'requests for comment', 'VOA's request for an interview'."""
    return noun.lemma_.lower() in COMMENT_REQUESTS and any(
        p.dep_ == "prep"
        and p.lower_ == "for"
        and any(o.dep_ == "pobj" and o.lemma_.lower() in REPLY_NOUNS for o in p.children)
        for p in noun.children
    )


@rule("suppress.comment-request")
def comment_request(clause: Token) -> bool:
    """'The two governments ignored VOA requests for comment': leaving a reporter's request
    for comment or an interview unanswered is media routine, no rejection of any actor's
    demand (CAMEO 12).

    Example: The Kenyan police ignored requests for comment from reporters.
    """
    return any(
        t.dep_ in ("dobj", "pobj") and _comment_request(t) for t in _attached(host_verb(clause))
    )


@rule("generic.trend")
def trend(clause: Token) -> bool:
    """'China trade with Mauritius on rise': a heading that an act is on the rise or on the
    decline reports a trend, a statistic of many acts, not one act ('a strike on the rise of
    the hill' names a place, and 'protested on price rise' a cause: both stay).

    Example: Kenya trade with Uganda on rise
    """
    return any(
        p.dep_ == "prep"
        and p.lower_ == "on"
        and any(
            o.dep_ == "pobj"
            and o.lemma_.lower() in TREND_NOUNS
            and all(c.dep_ == "det" for c in o.children)
            for o in p.children
        )
        for p in host_verb(clause).children
    )


def _many_cases(noun: Token) -> bool:
    """'hundreds of cases', '40 cases', 'dozens of instances'."""
    if noun.lower_ in MANY_WORDS:
        return any(
            p.dep_ == "prep"
            and p.lower_ == "of"
            and any(o.dep_ == "pobj" and o.lemma_.lower() in CASE_NOUNS for o in p.children)
            for p in noun.children
        )
    return noun.lemma_.lower() in CASE_NOUNS and any(
        c.dep_ == "nummod" and (parse_number(c) or 0) >= MANY_CASES for c in noun.children
    )


@rule("generic.many-cases")
def many_cases(clause: Token) -> bool:
    """'used the authority to deny entry visas in hundreds of cases', 'detained protesters in
    more than 40 cases': an act told over many cases is a summary of many acts, a statistic,
    not one event ('in two cases' stays a pair of acts told together).

    Example: Kenyan police detained journalists in dozens of cases.
    """
    return any(
        p.dep_ == "prep"
        and p.lower_ == "in"
        and any(o.dep_ == "pobj" and _many_cases(o) for o in p.children)
        for p in host_verb(clause).children
    )


def _long_point(point: Token) -> bool:
    """'since 2009', 'since May', 'since last August', 'since the beginning of the year': a
    point a month or more back, not a day ('since Monday', 'since May 5')."""
    lemma = point.lemma_.lower()
    if _year(point):
        return True
    if lemma in MONTHS:
        return not any(c.tag_ == "CD" and not _year(c) for c in point.children)
    if lemma in SPAN_UNITS:
        return any(c.dep_ == "amod" and c.lower_ in YEAR_MARKS for c in point.children)
    return lemma in SPAN_STARTS and any(
        p.dep_ == "prep"
        and p.lower_ == "of"
        and any(
            o.dep_ == "pobj" and (_long_point(o) or o.lemma_.lower() == "year") for o in p.children
        )
        for p in point.children
    )


def _prep_phrase(verb: Token, preps: frozenset[str], fits: Callable[[Token], bool]) -> bool:
    """The verb has a phrase of one of `preps` whose object `fits` ('since 2019', 'across
    Africa')."""
    return any(
        c.dep_ == "prep" and c.lower_ in preps and any(fits(o) for o in pobjs(c))
        for c in verb.children
    )


def _since(verb: Token) -> bool:
    """The verb has a 'since' phrase naming a long point, or a 'since' clause ('since the
    withdrawal started')."""
    if _prep_phrase(verb, SINCE, _long_point):
        return True
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)
        for c in verb.children
    )


def _spanned_verbs(clause: Token) -> list[Token]:
    """The clause's verb and the verbs it hangs from, four links up at most, by a participle,
    a conjunct, a 'by' phrase or an object."""
    chain = [host_verb(clause)]
    while len(chain) < 5 and chain[-1].dep_ in SPAN_LINKS and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    return [v for v in chain if v.pos_ in ("VERB", "AUX")][:3]


@rule("generic.escalation")
def escalation(clause: Token) -> bool:
    """'has ramped up attacks on security forces since the beginning of the year', 'have
    intensified attacks since the withdrawal started': acts stepped up over a span are a
    trend of many acts, not one event; the acts told with it ('..., capturing new territory')
    are summed up in it too. Stepping up attacks with no span ('stepped up strikes on
    Tuesday') stays.

    Example: Since March, the rebels have stepped up attacks on army posts.
    """
    for verb in _spanned_verbs(clause):
        if verb.lemma_.lower() not in ESCALATION_VERBS:
            continue
        if not (_since(verb) or _period(verb) == "span"):
            continue
        if any(
            t.dep_ == "dobj" and t.tag_ == "NNS" and t.lemma_.lower() in TALLIED_ACTS
            for t in verb.children
        ):
            return True
    return False


REPETITION_ADVERBS = words("repetition_adverbs")


def _repeated(verb: Token) -> bool:
    """'repeatedly', 'often', 'several times', 'three times': the act was done again and again."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in REPETITION_ADVERBS:
            return True
        if c.lemma_.lower() == "time" and c.tag_ == "NNS" and c.dep_ in ("npadvmod", "dobj"):
            return True
    return False


@rule("generic.repeated-since")
def repeated_since(clause: Token) -> bool:
    """'India and Pakistan have clashed repeatedly over Kashmir since 1947', 'rebels have
    attacked the town several times since 2019': acts done again and again since a point
    months or years back sum up a history of many acts, not one event. An act since a day
    ('since Monday') stays, and so does a toll since a war began ('more than 4,000 people have
    been killed since December'), which news and the dev annotation tell as the war's event.

    Example: Rebels have attacked the town several times since 2019.
    """
    verb = host_verb(clause)
    return _since(verb) and _repeated(verb)


def _year_since(verb: Token) -> bool:
    """The verb, or a verb joined to it by 'and', has a 'since' phrase naming a year."""
    return any(_prep_phrase(v, SINCE, _year) for v in (verb, *verb.conjuncts))


# Standing presence kept over years ("warships have been patrolling the strait since 1998"): the
# dev annotation codes it, as it codes "troops routinely patrol".
PRESENCE_VERBS = words("presence_verbs")


@rule("generic.campaign-since")
def campaign_since(clause: Token) -> bool:
    """'the rebels have been shelling army posts since 2009': an act told in the perfect
    progressive since a year is a campaign of many acts over years, background to the news,
    not one event; dated at publication it would tell an attack that day. The same act since
    a day ('have been shelling the town since Monday') is the news and stays, and so does a
    standing presence ('have been patrolling the gulf since 1990', `presence_verbs`).

    Example: Rebels have been attacking army posts in the north since 2012.
    """
    verb = host_verb(clause)
    if verb.tag_ != "VBG" or verb.lemma_.lower() in PRESENCE_VERBS:
        return False
    carrier = verb.head if verb.dep_ == "conj" else verb
    progressive = any(c.dep_ == "aux" and c.lower_ == "been" for c in carrier.children)
    return progressive and _year_since(carrier)


# Verbs that tell an act as the start of a span ("since the war began").
START_VERBS = words("start_verbs")


@rule("generic.since-start")
def since_start(clause: Token) -> bool:
    """'prices have doubled since the invasion began in 2022', 'since the war started': an act
    told as where a span starts is background that dates something else, not news of it; a
    start a day names ("since the attacks began on Tuesday") is still the news.

    Example: Grain exports have halved since the blockade began in March.
    """
    verb = clause.head if clause.dep_ in ("nsubj", "nsubjpass") else clause
    if verb.lemma_.lower() not in START_VERBS or verb.dep_ != "advcl":
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return False
    # "since the attacks began on Tuesday": a start days back is the news itself.
    return not any(
        t.dep_ in ("pobj", "npadvmod") and t.ent_type_ == "DATE" and not _long_point(t)
        for t in verb.subtree
    )


# Where a counted victim noun stands: "he is the third journalist killed", "Ruiz, the third
# journalist killed this year,".
ORDINAL_SEATS = frozenset({"attr", "appos"})


@rule("suppress.ordinal-victim")
def ordinal_victim(clause: Token) -> bool:
    """'He is the third journalist killed in Mexico this year': a participle on a noun counted
    by an ordinal, said of someone, places a victim in a count; the act it tells is the one
    the story has told (or an aggregate), not a new one.

    Example: Gunmen shot a radio host in Tegucigalpa on Friday, the fourth journalist killed in Honduras this year.
    """
    if clause.dep_ != "acl" or clause.tag_ != "VBN":
        return False
    noun = clause.head
    if noun.dep_ not in ORDINAL_SEATS or noun.pos_ != "NOUN":
        return False
    return any(c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for c in noun.children)


# The clause-level rules of this module, in the order the suppression pass tries them.
TALLY_SUPPRESSIONS = [
    ordinal_victim,
    tally,
    escalation,
    repeated_since,
    campaign_since,
    since_start,
    many_countries,
    continent_wide,
    comment_request,
    trend,
    many_cases,
]
