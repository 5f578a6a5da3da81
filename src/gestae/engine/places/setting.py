"""What places a clause sets for its own word: its locative phrases, those of its noun
arguments, the ground it acts on, and the sites it names. The rules of `attach` read these for
the trigger and for the clauses that lend it their setting.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.assault_ground import assaulted, launched_on
from gestae.engine.places.bare_names import CALENDAR_NAMES
from gestae.engine.places.elsewhere import drop_elsewhere
from gestae.engine.places.match import Match
from gestae.engine.places.phrases import (
    ASSAULT_NOUNS,
    CONTEST_NOUNS,
    CONTRAST_CONJUNCTIONS,
    ORIGIN_PARTICIPLES,
    PLACE_OBJECT_VERBS,
    SCENE_EVENT_NOUNS,
    SETTLEMENT_NOUNS,
    SITE_NOUNS,
    SUB_TOWN_NOUNS,
    TOPIC_VERBS,
    is_any_frame,
    is_locative_prep,
)
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.slipped_names import slipped_held
from gestae.engine.rules import declare
from gestae.engine.syntax import of_objects

# What a site's name may be ("the Baghdad headquarters"), never a country ("a US base").
_SITE_PRECISIONS = frozenset({"town", "admin1", "admin2"})
# What owns the ground an act is done to: a town, an area or a region, never a country.
_GROUND_PRECISIONS = frozenset({"town", "admin1", "admin2", "region", "water"})
_ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd"})
_DAY_ENTS = frozenset({"DATE", "TIME"})


ORIGIN_OF = "place.origin-of"
declare(
    ORIGIN_OF,
    """A person's "of" phrase says where the person comes from, not where the act was: "Ali
    Hassan, 28, of a village near Jenin, set off a bomb in a Haifa cafe" was not near Jenin.

    Example: Omar Saleh, 31, of a village near Nablus, shot a guard on Monday.
    """,
    __name__,
)


def arguments(word: Token) -> list[Token]:
    """Noun arguments of a word, plus the objects of their "of" phrases (not a person's:
    `place.origin-of`)."""
    found = [c for c in word.children if c.dep_ in _ARGUMENT_DEPS and c.pos_ in ("NOUN", "PROPN")]
    # "clashed with police in Belfast": the phrase describes the clash, not just the police.
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "against"):
            found.extend(c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN")
    # "killed by snipers in Aden": the agent's phrase says where it acted.
    for agent in word.children:
        if agent.dep_ == "agent":
            found.extend(c for c in agent.children if c.dep_ == "pobj" and c.pos_ == "NOUN")
    # "shot a policeman and a boy in Jenin": a phrase on a later conjunct sets them all.
    found.extend(c for noun in list(found) for c in noun.conjuncts if c.pos_ == "NOUN")
    # "a meeting of ministers in Calais": the phrase may hang off the "of" object instead.
    for noun in list(found):
        if noun.ent_type_ == "PERSON":
            continue  # "Ali, 28, of a village near Jenin": where he comes from
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def setting(word: Token, resolver: Resolver) -> list[tuple[str, Match]]:
    """The places a clause sets for its own word, each with the kind of phrase that gave it:
    the word's locative phrases, those of its noun arguments, and a place it acts on."""
    matches = [("locative", m) for m in resolver.locative_pps(word)]
    matches.extend(("locative", m) for m in _day_phrases(word, resolver))
    own_arguments = arguments(word)
    matches.extend(("locative", m) for m in slipped_held(word, own_arguments, resolver))
    if word.pos_ == "NOUN" and word.lemma_.lower() in ASSAULT_NOUNS:
        matches.extend(("locative", m) for m in assaulted(word, resolver))
    elif word.pos_ == "VERB":
        matches.extend(("locative", m) for m in launched_on(word, resolver))
    topics = topic_objects(word)
    for argument in own_arguments:
        if argument in topics:
            continue
        phrases = resolver.locative_pps(argument)
        matches.extend(("argument", m) for m in phrases if not _past_origin(argument, m))
        if is_any_frame(argument) and not _named_body(argument):
            framed = resolver.resolve_phrase(argument)
            if framed is not None:
                if _titled_body(argument) and framed.start >= argument.left_edge.i:
                    resolver.notes[(framed.start, framed.end)] = TITLED_PART
                matches.append(("argument", framed))
        elif argument.lemma_.lower() in ASSAULT_NOUNS:
            # a verb's own "on" phrase was read above (launched_on)
            own = argument.head.i == word.i and word.pos_ == "VERB"
            matches.extend(("argument", m) for m in assaulted(argument, resolver, hung=not own))
        elif argument.dep_ == "dobj":
            # "crossed the Channel", "attacked Crimea": seas and regions cannot be
            # participants, unlike countries and cities ("Beijing warned Washington").
            named = resolver.resolve_name(argument)
            if named is not None and named.entry and named.entry.precision in ("water", "region"):
                matches.append(("argument", named))
    if word.lemma_.lower() in PLACE_OBJECT_VERBS:
        for child in word.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "PROPN":
                named = resolver.acted_on(child)
                if named is not None:
                    matches.append(("target", named))
            elif child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "NOUN":
                matches.extend(("part", m) for m in _ground_owners(child, resolver))
                matches.extend(("bounds", m) for m in _ground_bounds(child, resolver))
                matches.extend(("target", m) for m in _named_grounds(word, child, resolver))
            elif _bare_day(child):
                # "patrolled Harare Saturday": the parser hangs the object on the day
                names = [c for c in child.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
                named = resolver.acted_on(names[-1]) if names else None
                if named is not None:
                    matches.append(("target", named))
    matches.extend(("target", m) for m in _controlled(word, resolver))
    matches.extend(("site", m) for m in site_names(word, resolver))
    return matches


def _controlled(word: Token, resolver: Resolver) -> list[Match]:
    """'took control of Goma', 'seized control of the airport in Kidal': the ground whose
    control changes hands is where the act happened."""
    found: list[Match] = []
    for control in (c for c in word.children if c.dep_ == "dobj" and c.lemma_ == "control"):
        for prep in (c for c in control.children if c.dep_ == "prep" and c.lower_ == "of"):
            for ground in (c for c in prep.children if c.dep_ == "pobj"):
                named = resolver.acted_on(ground) if ground.pos_ == "PROPN" else None
                found.extend([named] if named is not None else resolver.locative_pps(ground))
    return found


DAY_PHRASE = "place.day-phrase"
declare(
    DAY_PHRASE,
    """A locative phrase the parser hangs on the word's day ("shot down on Nov. 7 near
    Tikrit", "killed Sunday in Kabul") is the word's own.

    Example: A helicopter was shot down on Nov. 7 near Tikrit.
    """,
    __name__,
)


DAY_NAME = "place.day-name"
declare(
    DAY_NAME,
    """A known place's name that the parser hangs on the word's bare day as part of the day's
    name ("patrolled Goma Thursday", "demonstrated in the capital Sacramento Tuesday") is the
    word's place; a name the tagger calls a person is one only when it is a city, as for a name
    acted on ("told Clinton Tuesday" has no place).

    Example: Hundreds of soldiers patrolled Goma Thursday.
    """,
    __name__,
)


def _bare_day(child: Token) -> bool:
    """The word's bare day: "Thursday" in "patrolled Goma Thursday", however it is tagged."""
    return child.dep_ == "npadvmod" and (
        child.ent_type_ in _DAY_ENTS or child.lower_ in CALENDAR_NAMES
    )


def _day_phrases(word: Token, resolver: Resolver) -> list[Match]:
    """Places in the locative phrases on the word's day: its "on"/"in" object or its bare
    day, tagged a date or time (`place.day-phrase`), and a known name the parser hangs on the
    bare day (`place.day-name`)."""
    days = [c for c in word.children if c.dep_ == "npadvmod" and c.ent_type_ in _DAY_ENTS]
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "in", "at"):
            days.extend(c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ in _DAY_ENTS)
    found = [m for day in days for m in resolver.locative_pps(day)]
    for match in found:
        resolver.notes.setdefault((match.start, match.end), DAY_PHRASE)
    # an act done to ground reads the name as its ground (`setting`: "patrolled Harare Saturday")
    ground = word.lemma_.lower() in PLACE_OBJECT_VERBS
    for day in (c for c in word.children if _bare_day(c) and not ground):
        names = [c for c in day.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        named = resolver.acted_on(names[-1]) if names else None
        if named is not None and named.entry is not None:
            resolver.notes.setdefault((named.start, named.end), DAY_NAME)
            found.append(named)
    return found


declare(
    "place.topic-object",
    """A verb of speech, attitude or judgement (`topic_verbs`: praise, discuss, condemn, warn)
    takes a topic as object; a place on that object is where the topic is, not where the act
    was ("praised investment in Ukraine"), so it is not read. An object that is itself an act
    done somewhere ("condemned the attack in Kabul": `scene_event_nouns`, assault and fight
    nouns) keeps its place.

    Example: The minister praised investment in Ukraine on Monday.
    """,
    __name__,
)


def topic_objects(word: Token) -> set[Token]:
    """The objects of a topic verb (with their conjuncts and "of" nouns) whose places are
    topics: none of them names an act that happens somewhere."""
    if word.pos_ != "VERB" or word.lemma_.lower() not in TOPIC_VERBS:
        return set()
    objects = [c for c in word.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    objects.extend(c for noun in list(objects) for c in noun.conjuncts if c.pos_ == "NOUN")
    for noun in list(objects):
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects.extend(c for c in prep.children if c.dep_ == "pobj")
    if any(_scene_event(noun) for noun in objects):
        return set()
    return set(objects)


def _scene_event(noun: Token) -> bool:
    """A noun of an act that takes place somewhere: an attack, a rally, a meeting."""
    lemma = noun.lemma_.lower()
    return lemma in SCENE_EVENT_NOUNS or lemma in ASSAULT_NOUNS or lemma in CONTEST_NOUNS


def _named_body(noun: Token) -> bool:
    """A proper name the tagger calls an organisation ("Bangladesh's Left Democratic Front",
    "the Popular Front"): a frame noun in its name does not make it a place, so the country
    that owns it is not where its act happened. A part of a town written with a capital ("the
    Minyan Suburb of Aleppo") is no body, whatever the tagger calls it (`place.titled-part`)."""
    if noun.pos_ != "PROPN" or noun.ent_type_ not in ("ORG", "NORP", "PERSON"):
        return False
    return not titled_part(noun)


ORIGIN_SETTLEMENT = "place.origin-settlement"
declare(
    ORIGIN_SETTLEMENT,
    """A participant "from the village of X" is told by where he comes from, and a place
    written after that phrase on the same noun locates the village, not the event: the parser
    hangs "in the countryside of Y" or "5 km east of Y" on the person ("men from the village
    of X in the Y countryside killed ..."). Such a place is not the event's.

    Example: Two farmers from the village of Kuru in the Jos countryside were killed on Monday.
    """,
    __name__,
)


def _past_origin(noun: Token, match: Match) -> bool:
    """Whether `match` comes after a "from the <settlement> of X" phrase on `noun`
    (`place.origin-settlement`)."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "from" or prep.i > match.start:
            continue
        for pobj in prep.children:
            framed = pobj.dep_ == "pobj" and pobj.lemma_.lower() in SETTLEMENT_NOUNS
            if framed and any(c.dep_ == "prep" and c.lower_ == "of" for c in pobj.children):
                return True
    return False


def _titled_body(noun: Token) -> bool:
    """A titled part the tagger took for a body: `place.titled-part` is what reads it."""
    return (
        noun.pos_ == "PROPN" and noun.ent_type_ in ("ORG", "NORP", "PERSON") and titled_part(noun)
    )


TITLED_PART = "place.titled-part"
declare(
    TITLED_PART,
    """A part of a town whose frame noun is written with a capital and so read as an
    organisation's name by the tagger ("the Minyan Suburb of west Aleppo", "the Sheikh Maqsoud
    District") is a place, the part itself: a body is not named by a suburb, quarter or
    district noun with a name before it.

    Example: Government troops stormed the Zahra Suburb of Aleppo on Monday.
    """,
    __name__,
)


def titled_part(noun: Token) -> bool:
    """ "the Minyan Suburb", "the Sheikh Maqsoud District": a capitalised part noun below the
    town (or "District") with a proper name before it."""
    lemma = noun.lower_
    if not noun.text[:1].isupper() or not (lemma in SUB_TOWN_NOUNS or lemma == "district"):
        return False
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.lefts)


def _ground_owners(ground: Token, resolver: Resolver) -> list[Match]:
    """The town or area that owns the ground an act is done to: "patrolled the slums of Santo
    Domingo", "bombed Baghdad's largest slum", "captured the airport of Udbina". Never a
    country ("bombed Iraq's reactor" says whose reactor it is), nor an organisation."""
    owners = [c for c in ground.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    for prep in ground.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            owners.extend(c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN")
    found: list[Match] = []
    for owner in owners:
        # a name the tagger calls a person is read as acted_on reads it: a city only
        # ("patrolled the slums of Santo Domingo", not "captured the son of Hamdan")
        if owner.ent_type_ in ("ORG", "NORP"):
            continue
        named = resolver.acted_on(owner)
        if named is not None and named.entry and named.entry.precision in _GROUND_PRECISIONS:
            found.append(named)
    return found


# Phrases that bound the ground an act is done to: "the skies above X", "positions between X
# and Y", "the bridge over the X river", "the roads along the X border".
_BOUND_PREPS = frozenset({"above", "along", "between", "over"})


def _ground_bounds(ground: Token, resolver: Resolver) -> list[Match]:
    """The place that bounds the ground an act is done to (`place.ground-bounds`): "patrolled
    the skies above Washington", "shelled positions between Bobi and Gulu". Below the country
    only: "patrolled the border between Iraq and Syria" names no one place."""
    found: list[Match] = []
    for prep in ground.children:
        if prep.dep_ != "prep" or prep.lower_ not in _BOUND_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.pos_ not in ("NOUN", "PROPN"):
                continue
            named = resolver.resolve_phrase(pobj)
            if named is not None and named.entry and named.entry.precision in _GROUND_PRECISIONS:
                found.append(named)
    return found


def _named_grounds(verb: Token, ground: Token, resolver: Resolver) -> list[Match]:
    """The places a ground object of several places names: "captured several towns, including
    Kidal", "captured two villages, Tal Hamad and ...". Only a frame noun ("towns",
    "strongholds") is such a list; "captured soldiers, including X" names persons."""
    if not is_any_frame(ground):
        return []
    named = [c for c in ground.children if c.dep_ == "appos"]
    for prep in (*ground.children, *verb.children):
        if prep.dep_ == "prep" and prep.lower_ == "including":
            named.extend(c for c in prep.children if c.dep_ == "pobj")
    found: list[Match] = []
    for name in named:
        if name.pos_ == "PROPN":
            match = resolver.acted_on(name)
        else:
            match = resolver.resolve_phrase(name) if is_any_frame(name) else None
        if match is not None:
            found.append(match)
    return found


def own_place(word: Token, resolver: Resolver, kind: str | None = None) -> Match | None:
    """The most specific place the clause of `word` sets; with `kind`, only when that kind of
    phrase gave it ("hit the city of Tripoli in Lebanon": the object's phrase wins)."""
    pool = drop_elsewhere(setting(word, resolver), resolver)
    found = resolver.best([m for _, m in pool])
    if found is None or kind is None:
        return found
    span = (found.start, found.end)
    return found if any(k == kind and (m.start, m.end) == span for k, m in pool) else None


def sites(trigger: Token) -> list[Token]:
    """The nouns where the event took place: the objects of the trigger's locative phrases
    (and of its arguments' ones), and the object of an act done to ground."""
    sites: list[Token] = []
    for word in (trigger, *arguments(trigger)):
        for prep in word.children:
            if prep.dep_ != "prep":
                continue
            sites.extend(
                pobj
                for pobj in prep.children
                if pobj.dep_ == "pobj" and is_locative_prep(prep, pobj, attaching=True)
            )
    if trigger.lemma_.lower() in PLACE_OBJECT_VERBS:
        sites.extend(c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass"))
    if trigger.lemma_.lower() in SCENE_EVENT_NOUNS:
        sites.append(trigger)  # "the Geneva talks" were held in Geneva
    return [s for s in sites if s.pos_ == "NOUN" and _site_or_gathering(s.lemma_.lower())]


def _site_or_gathering(lemma: str) -> bool:
    return lemma in SITE_NOUNS or lemma in SCENE_EVENT_NOUNS


def town_on(site: Token, resolver: Resolver) -> list[Match]:
    """The town or area named on a site noun ("his Algiers theater", "Mosul's main bridge");
    never a country ("a US base" says whose base it is) nor an organisation."""
    matches: list[Match] = []
    for child in (*site.children, *_of_names(site)):
        if child.dep_ not in ("compound", "poss", "nmod", "pobj") or child.pos_ != "PROPN":
            continue
        of_name = child.dep_ == "pobj"
        # the tagger calls an "of" town a nationality as often as not ("the base of Kidal")
        if child.ent_type_ == "ORG" or child.ent_type_ == ("PERSON" if of_name else "NORP"):
            continue
        found = resolver.acted_on(child)
        if found is not None and found.entry and found.entry.precision in _SITE_PRECISIONS:
            if of_name:
                resolver.notes.setdefault((found.start, found.end), SITE_OF_TOWN)
            matches.append(found)
    return matches


SITE_OF_TOWN = "place.site-of-town"
declare(
    SITE_OF_TOWN,
    """A site's "of" town or province is where the site is ("captured the army base of
    Kidal", "stormed the central prison of Goma"), as a town written before it is ("Kidal's
    army base"); never a country ("the embassy of France" says whose), a person or a group.

    Example: Rebels overran the army base of Kidal on Sunday.
    """,
    __name__,
)


def _of_names(site: Token) -> list[Token]:
    """The name in a site noun's "of" phrase: "the main market of Maiduguri"."""
    return of_objects(site) if site.lemma_.lower() in SITE_NOUNS else []


EVENT_NOUN_TOWN = "place.event-noun-town"
declare(
    EVENT_NOUN_TOWN,
    """A town named on the meeting, rally or incident in which the act was done, as on a site
    ("arrested at a Nairobi rally", "agreed at the Geneva talks"): the town is where it was
    held (`scene_event_nouns`); never a country, nor one only headed for.

    Example: Police arrested ten activists at a Nairobi rally on Sunday.
    """,
    __name__,
)


def site_names(word: Token, resolver: Resolver) -> list[Match]:
    """Towns named on the sites of a clause: "outside his Algiers theater"; and on its
    gatherings and incidents ("at a Nairobi rally", `place.event-noun-town`)."""
    out: list[Match] = []
    for site in sites(word):
        for found in town_on(site, resolver):
            if site.lemma_.lower() not in SITE_NOUNS:
                name = site.doc[found.end - 1]
                if name.dep_ != "compound" or name.ent_type_ == "PERSON":
                    continue  # "Rubio's visit" is his, not a town's
                resolver.notes.setdefault((found.start, found.end), EVENT_NOUN_TOWN)
            out.append(found)
    return out


# A site reached through these is where someone was going or came from, not the scene: "captured
# on their way to X airport".
_AWAY_PREPS = frozenset({"from", "into", "to", "toward", "towards"})


def _inner_site(word: Token, top: Token) -> bool:
    """A site inside the phrase of `top` that may be the scene, not one only headed for."""
    inner = word.i != top.i and word.lemma_.lower() in SITE_NOUNS
    return inner and word.head.lower_ not in _AWAY_PREPS


def phrase_places(noun: Token, resolver: Resolver) -> list[Match]:
    """Places in the locative phrases anywhere inside a noun phrase, not inside its clauses:
    "clashes with the army in western Raqqa", "a raid on a village near Hama"; and the town
    named on a site inside it ("an attack on a Kabul hotel"), unless the site is only where
    someone was heading ("on their way to a Kabul hotel")."""
    matches: list[Match] = []
    stack = [noun]
    while stack:
        word = stack.pop()
        found = own_place(word, resolver)
        if found is None and word.lemma_.lower() in CONTEST_NOUNS:
            found = resolver.fought_over(word)  # "captured during the invasion of Panama"
        if found is not None:
            matches.append(found)
        elif _inner_site(word, noun):
            matches.extend(town_on(word, resolver))  # "in an attack on a Kabul hotel"
        stack.extend(
            grandchild
            for child in word.children
            if child.dep_ == "prep"
            for grandchild in child.children
            if grandchild.dep_ in ("pobj", "conj") and grandchild.pos_ in ("NOUN", "PROPN")
        )
        stack.extend(c for c in word.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))
    return matches


def tally(verb: Token) -> bool:
    """A participle that shares its auxiliary with the clause before it, as casualty counts
    do: "two were killed and nine wounded in Mosul" reports one incident."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


CONTRAST_CONJUNCT = "place.contrast-conjunct"
declare(
    CONTRAST_CONJUNCT,
    """A verb coordinated with the trigger with a subject of its own after "but", "yet" or
    "while" (data `contrast_conjunctions`: no casualty tally), or with an auxiliary of its
    own, tells another scene or another time and lends the trigger no place: "one boat was
    captured offshore, but a fourth landed near X", "troops captured the region and were
    digging trenches south of X".

    Example: Rebel troops captured the hill on Monday and were digging trenches south of Gonaives.
    """,
    __name__,
)


def _contrasted(verb: Token) -> bool:
    """A conjunct opened by a contrast: "..., but a fourth landed near X" is no tally."""
    marks = [c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i]
    marks.extend(c for c in verb.children if c.dep_ == "cc" and c.i < verb.i)
    return bool(marks) and max(marks, key=lambda t: t.i).lower_ in CONTRAST_CONJUNCTIONS


def _own_auxiliary(verb: Token) -> bool:
    """A conjunct with an auxiliary of its own ("captured X and were digging", "X was captured
    ... and [Y] was arrested"): the parser often loses the second subject, and the auxiliary
    still marks a second clause."""
    return any(c.dep_ in ("aux", "auxpass") and c.i < verb.i for c in verb.children)


def starts_own_clause(verb: Token) -> bool:
    """A conjunct with a subject or an auxiliary of its own, or opened by a contrast: another
    clause, whose scene may be another (`place.contrast-conjunct`)."""
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return subject or _own_auxiliary(verb) or _contrasted(verb)


def shared_conjuncts(trigger: Token) -> list[Token]:
    """Verbs coordinated with the trigger under its subject or its auxiliary, whose time clause
    is the trigger's too: "two were killed and nine wounded when a bomb went off in Hilla".
    Not a conjunct told apart by a contrast or its own auxiliary (`place.contrast-conjunct`)."""
    found: list[Token] = []
    stack = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    while stack:
        verb = stack.pop()
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and (
            not tally(verb) or _contrasted(verb)
        ):
            continue
        if _own_auxiliary(verb):
            continue
        found.append(verb)
        stack.extend(c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
    return found


def participles_on(nouns: list[Token]) -> list[Token]:
    """The participle clauses on these nouns that may say where they were; participles of
    origin ("born in", "based in") say nothing of the scene."""
    return [
        clause
        for noun in nouns
        for clause in noun.children
        if clause.dep_ == "acl"
        and clause.tag_ in ("VBN", "VBG")
        and clause.lemma_.lower() not in ORIGIN_PARTICIPLES
    ]


def participles(trigger: Token) -> list[Token]:
    """Participles on the event's own nouns, and on a noun coordinated with the trigger (a
    tally the parser reads as "killed and [others wounded]")."""
    nouns = [*arguments(trigger)]
    nouns.extend(c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "NOUN")
    clauses = participles_on(nouns)
    # "shot by gunmen who waited for him outside his Lima office": what the doer did there
    agents = [p for a in trigger.children if a.dep_ == "agent" for p in a.children]
    clauses.extend(c for agent in agents for c in agent.children if c.dep_ == "relcl")
    return clauses
