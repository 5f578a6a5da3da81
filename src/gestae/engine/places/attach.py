"""Which place belongs to this event: named rules, tried in order, the first that finds one wins.

The rules prefer returning None over borrowing a place from a neighbouring clause: a wrong
location is worse for event data than a missing one. Places that modify an actor ("Syrian
troops", "a Kabul resident") are never read, and a clause reporting a statement ("said in
Paris that rebels attacked Goma") does not lend its place to the event it reports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from gestae.engine.places.carried import (
    carried,
    definite_site,
    incident_doer,
    incident_pointed,
)
from gestae.engine.places.clause_links import (
    before_clause,
    dispersed_crowd,
    participle_nested,
    scene_nested,
)
from gestae.engine.places.conjunct_chain import conjunct_chain
from gestae.engine.places.context import (
    OWN_SETTING,
    article_context,
    dateline,
    fits_setting,
    own_setting_word,
)
from gestae.engine.places.country_hints import (
    article_place_hints,
    note_city_hint,
    sentence_country_hints,
)
from gestae.engine.places.grievance import GrievanceResolver
from gestae.engine.places.inner_phrases import INNER_RULES
from gestae.engine.places.landmarks import near_landmark
from gestae.engine.places.listed_places import listed_town
from gestae.engine.places.match import SPECIFICITY, Match
from gestae.engine.places.nested import nested_phrase
from gestae.engine.places.phrases import (
    AFTERMATH_VERBS,
    ASSAULT_NOUNS,
    PLACE_OBJECT_VERBS,
    SCENE_MARKS,
    is_locative_prep,
)
from gestae.engine.places.resolver import Resolver
from gestae.engine.places.setting import (
    arguments,
    own_place,
    participles,
    shared_conjuncts,
    site_names,
    tally,
)
from gestae.engine.places.sole_place import on_ground, site_object
from gestae.engine.places.specificity import most_specific
from gestae.engine.places.subject_places import acting_incident, shared_participle
from gestae.engine.places.where_clauses import where_clause
from gestae.engine.rules import Trace, declare, rule, rule_id_of
from gestae.resources.gazetteer import Gazetteer
from gestae.schema import Location

PlaceRule = Callable[[Token, Resolver], Match | None]


@rule("place.locative-phrase")
def locative_phrase(trigger: Token, resolver: Resolver) -> Match | None:
    """A locative phrase on the trigger itself says where its event happened.

    Example: Gunmen killed four villagers near Gao on Sunday.
    """
    return own_place(trigger, resolver, "locative")


@rule("place.argument-phrase")
def argument_phrase(trigger: Token, resolver: Resolver) -> Match | None:
    """A place phrase on the event's own nouns sets it: "held a meeting in Calais", "shelled
    the outskirts of Kharkiv", "raided a mosque in Hama".

    Example: Soldiers raided a mosque in Hama at dawn.
    """
    return own_place(trigger, resolver, "argument")


@rule("place.target-place")
def target_place(trigger: Token, resolver: Resolver) -> Match | None:
    """The object of an act done to ground (shell, capture, patrol, storm) is where it
    happened: "shelled Aleppo", "Kabul was bombed". Acts between parties ("warned
    Washington") are not in the verb list, so their object stays a participant. A frame noun
    object lists its places: "captured several towns, including Kidal".

    Example: Rebel fighters shelled Aleppo overnight.
    """
    return own_place(trigger, resolver, "target")


@rule("place.ground-part")
def ground_part(trigger: Token, resolver: Resolver) -> Match | None:
    """An act done to part of a town or area (shell, patrol, capture, storm) happened in that
    town or area: "patrolled the streets of Bucharest", "bombed Baghdad's largest slum". Only
    below the country: "bombed Iraq's reactor" names whose reactor, not where it stands.

    Example: Riot police patrolled the slums of Kingston on Sunday.
    """
    return own_place(trigger, resolver, "part")


@rule("place.ground-bounds")
def ground_bounds(trigger: Token, resolver: Resolver) -> Match | None:
    """An act done to ground (patrol, shell, capture) whose ground a place bounds happened at
    that place: "patrolled the skies above Washington", "shelled rebel positions between Bobi
    and Gulu", "captured the bridge over the Drina river". Never a country.

    Example: Fighter jets patrolled the skies above Chicago on Sunday.
    """
    return own_place(trigger, resolver, "bounds")


@rule("place.site-name")
def site_name(trigger: Token, resolver: Resolver) -> Match | None:
    """A town named on the building or site of the event is its place: "shot outside his
    Algiers theater", "captured Bagram airport", "near Riga's central station". Only sites
    (data `site_nouns`), never people ("a Kabul shopkeeper"), and only towns and areas, never
    countries ("a US base" says whose base it is). The clauses that lend their setting
    (participles, time clauses) read their sites the same way.

    Example: Gunmen shot a judge outside his Algiers home on Monday.
    """
    return resolver.best(site_names(trigger, resolver))


@rule("place.shared-conjunct")
def shared_conjunct(trigger: Token, resolver: Resolver) -> Match | None:
    """Verbs coordinated under one subject share a setting written on a later one: "shot and
    killed three militants in the West Bank".

    Later acts done to a captive or victim elsewhere (data `aftermath_verbs`: "captured
    and held in Khiam") lend none.

    Example: Israeli soldiers shot and killed two gunmen near Jenin.
    """
    # "police fired and the crowd fled": another subject, another scene; "captured and held
    # in Khiam": what befell the captive afterwards happened elsewhere
    verbs = [v for v in shared_conjuncts(trigger) if v.lemma_.lower() not in AFTERMATH_VERBS]
    return resolver.best([m for verb in verbs if (m := own_place(verb, resolver))])


@rule("place.clause-head")
def clause_head(trigger: Token, resolver: Resolver) -> Match | None:
    """Relative, purpose and light-verb clauses share their head's setting: "leaders met in
    Brussels to sign the deal", "carried out an attack in Kabul".

    Example: The ministers met in Brussels to sign the trade accord.
    """
    if trigger.dep_ in ("relcl", "acl") and trigger.head.pos_ in ("NOUN", "PROPN"):
        # "the drowning of migrants in the English Channel that killed 27 people"
        found = resolver.best(resolver.locative_pps(trigger.head))
        if found is not None:
            return found
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    light_noun = trigger.pos_ == "NOUN" and trigger.dep_ == "dobj"
    if trigger.dep_ == "xcomp" or (trigger.dep_ == "advcl" and has_to) or light_noun:
        head = trigger.head
        matches = resolver.locative_pps(head)
        for argument in arguments(head):
            if argument.i != trigger.i:
                matches.extend(resolver.locative_pps(argument))
        # "launched a brazen assault on a station in Quetta": the parse hangs the act's
        # phrase on the light verb
        return resolver.best(matches) or (nested_phrase(head, resolver) if light_noun else None)
    return None


@rule("place.enclosing-clause")
def enclosing_clause(trigger: Token, resolver: Resolver) -> Match | None:
    """A participle or a coordinated verb shares the setting of the clause it hangs from:
    "shelling hit a bus in Donetsk, killing eight", "In Kirkuk, gunmen shot a guard and
    fled"; a participle coordinated with another reads past it ("..., killing six and
    wounding ten"). A reported clause ("said in Paris that ...") is not one of them.

    Example: Artillery hit a market in Donetsk, killing six people.
    """
    for head in _enclosing(trigger):
        found = own_place(head, resolver)
        if found is not None:
            return found
    return None


def _enclosing(trigger: Token) -> list[Token]:
    """The clauses whose setting a participle or a coordinated verb shares, nearest first."""
    heads: list[Token] = []
    clause = trigger
    # "hit a hospital in Hawija, killing seven and wounding 22": the second participle hangs
    # from the first, which has no place of its own, so the setting is read higher up
    for _ in range(3):
        head = clause.head
        if head.i == clause.i or head.pos_ not in ("VERB", "AUX"):
            break
        if not (clause.dep_ == "conj" or _participle_clause(clause)):
            break
        heads.append(head)
        if not (clause.dep_ == "conj" and _participle_clause(head)):
            break
        clause = head
    return heads


@rule("place.enclosing-site")
def enclosing_site(trigger: Token, resolver: Resolver) -> Match | None:
    """A participle or a coordinated verb shares the site the clause it hangs from acts on:
    "a car bomb destroyed a Baghdad restaurant, killing eight" (`place.site-object` read for
    that clause); never a country.

    Example: A car bomb destroyed an upscale Mosul restaurant, killing eight people.
    """
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return None  # "destroyed a Kandahar school, and police arrested three men"
    for head in _enclosing(trigger):
        found = site_object(head, resolver)
        if found is not None:
            return found
    return None


def _participle_clause(clause: Token) -> bool:
    """An adverbial participle: "..., killing six", "..., backed by tanks"."""
    return clause.dep_ == "advcl" and clause.tag_ in ("VBG", "VBN")


@rule("place.scene-clause")
def scene_clause(trigger: Token, resolver: Resolver) -> Match | None:
    """A time clause on the trigger, or on the second verb of its casualty tally, shares its
    scene: "was shot as he sat in his shop in Karachi", "were killed when their helicopter came
    down near Basra", "one was killed and two wounded when a bomb went off in Hilla".

    Example: A trader was shot as he sat in his shop in Karachi.
    """
    matches: list[Match] = []
    # a tally's second verb shares the first one's clause: "two were killed and nine wounded"
    for verb in (trigger, *[v for v in shared_conjuncts(trigger) if tally(v)]):
        for clause in _time_clauses(verb):
            marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}
            if any(mark in SCENE_MARKS for mark in marks):
                found = own_place(clause, resolver)
                if found is not None:
                    matches.append(found)
    return resolver.best(matches)


def _time_clauses(verb: Token) -> list[Token]:
    """The adverbial clauses of a verb, and the "when" clauses of its day ("shot last week when
    troops raided their hideout in X")."""
    clauses = [c for c in verb.children if c.dep_ == "advcl"]
    days = [c for c in verb.children if c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME")]
    clauses.extend(c for day in days for c in day.children if c.dep_ == "relcl")
    return clauses


@rule("place.participle-phrase")
def participle_phrase(trigger: Token, resolver: Resolver) -> Match | None:
    """A participle on the event's own participant says where it was when the event befell
    it: "a man riding a motorcycle in Nablus was shot", "the bomb, planted near the market of
    Kirkuk, was detonated", "captured towns held by rebels in Somalia"; so does a relative
    clause on the by-agent ("shot by gunmen who waited for him outside his office in X"). Participles of origin
    ("born in", "stationed in": data `origin_participles`) say where it comes from instead.

    Example: A farmer working in his field near Jenin was shot on Monday.
    """
    return resolver.best(
        [m for clause in participles(trigger) if (m := own_place(clause, resolver))]
    )


@rule("place.gerund-clause")
def gerund_clause(trigger: Token, resolver: Resolver) -> Match | None:
    """A "by" clause says how the event was done, an "after" gerund what its doer or victim
    did just before it, on the spot: "began the assault by storming the defences at the
    village of X", "was shot dead after opening fire in a Nairobi restaurant".

    Example: The rebels began their offensive by shelling army posts near Kidal.
    """
    matches: list[Match] = []
    # "began the offensive by storming ...": a noun trigger's light verb holds the clause
    word = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else trigger
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "after"):
            for clause in prep.children:
                if clause.dep_ == "pcomp" and clause.tag_ == "VBG":
                    found = own_place(clause, resolver)
                    if found is not None:
                        matches.append(found)
    return resolver.best(matches)


def _objectives(trigger: Token) -> list[Token]:
    """Purpose clauses of an assault, on its noun or on the verb that launches it: "launched an
    offensive to capture X", "an assault to retake X"."""
    if trigger.pos_ == "NOUN":
        is_assault = trigger.lemma_.lower() in ASSAULT_NOUNS
        light = [trigger.head] if trigger.dep_ == "dobj" else []
        holders = [trigger, *light] if is_assault else []
    else:
        assaults = [
            c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in ASSAULT_NOUNS
        ]
        holders = [trigger, *assaults] if assaults else []
    return [
        clause
        for holder in holders
        for clause in holder.children
        if clause.dep_ in ("advcl", "acl", "relcl", "xcomp")
        and clause.lemma_.lower() in PLACE_OBJECT_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    ]


@rule("place.objective")
def objective(trigger: Token, resolver: Resolver) -> Match | None:
    """The ground an assault sets out to take is where it was fought: "launched an offensive
    to capture Jarabulus", "began an assault to retake the town of X". Only acts done to ground
    (`place_object_verbs`) and only assaults (`assault_nouns`): "met to visit X" is no fight.

    Example: Government troops launched an offensive to recapture Kidal on Friday.
    """
    return resolver.best(
        [m for clause in _objectives(trigger) if (m := own_place(clause, resolver))]
    )


def _fronted(root: Token) -> list[Token]:
    """Phrases that open the sentence ahead of its subject: "In Jericho, officials said ...",
    "On Tuesday in Kabul, a bomber killed ..."."""
    subjects = [c.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return []
    fronted = [c for c in root.children if c.dep_ == "prep" and c.i < min(subjects)]
    # "On Tuesday in Kabul": the parser may hang the place on the day's preposition
    return fronted + [c for prep in fronted for c in prep.children if c.dep_ == "prep"]


@rule("place.fronted-setting")
def fronted_setting(trigger: Token, resolver: Resolver) -> Match | None:
    """A locative phrase that opens the sentence sets the scene of every clause in it, reported
    ones too: "In Jericho, hospital officials said soldiers shot a man".

    Example: In Kidal, officials said gunmen shot two guards overnight.
    """
    root = trigger.sent.root
    if trigger.i == root.i:
        return None
    matches: list[Match] = []
    for prep in _fronted(root):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if is_locative_prep(prep, pobj, attaching=True):
            found = resolver.resolve_phrase(pobj)
            if found is not None:
                matches.append(found)
        elif pobj.ent_type_ in ("DATE", "TIME"):
            matches.extend(resolver.locative_pps(pobj))  # "On Tuesday in Kabul, ..."
    return resolver.best(matches)


def _told_place(telling: Token, resolver: Resolver) -> Match | None:
    """Where the sentence of an earlier telling puts it, read as its own event would be: its
    own sentence's countries hint first."""
    own = sentence_country_hints(telling, resolver.gaz)
    told = Resolver(resolver.gaz, [*own, *(h for h in resolver.hints if h not in own)])
    for place_rule in _TOLD_RULES:
        found = place_rule(telling, told)
        if found is not None:
            return most_specific(found, telling, told)
    return None


@rule("place.incident-retold")
def incident_retold(trigger: Token, resolver: Resolver) -> Match | None:
    """An event told through a definite incident noun ("the attack", "the siege": the noun
    itself, its subject, "killed in the attack", "claimed responsibility for the attack")
    takes the place of the nearest earlier telling of the incident that has one, within four
    sentences; not when its own sentence names a place, nor past a sentence naming another.

    Example: A bomb exploded at a bus station in Kano on Monday. The blast killed nine passengers.
    """
    if incident_pointed(trigger) is None:
        return None
    return carried(trigger, resolver, _told_place)


@rule("place.incident-continues")
def incident_continues(trigger: Token, resolver: Resolver) -> Match | None:
    """A past act of a definite doer of the incident ("the attackers", "the gunmen",
    "the hijackers") goes on where the incident was told, on the same terms.

    Example: Gunmen stormed a hotel in Gao on Friday. The attackers abducted ten guests.
    """
    if incident_doer(trigger) is None:
        return None
    return carried(trigger, resolver, _told_place)


@rule("place.site-retold")
def site_retold(trigger: Token, resolver: Resolver) -> Match | None:
    """An act done to or at "the hotel", "the school", "the train" (a site noun with "the" and
    no place of its own) is where the nearest earlier mention of that site was placed, within
    four sentences, on the terms of place.incident-retold.

    Example: Gunmen stormed a hotel in Gao on Friday. Police arrested two guests at the hotel.
    """
    site = definite_site(trigger)
    if site is None:
        return None
    return carried(trigger, resolver, _told_place, site)


# Order is behaviour: the nearest setting first, the borrowed ones after.
PLACE_RULES: tuple[PlaceRule, ...] = (
    locative_phrase,
    argument_phrase,
    target_place,
    ground_part,
    ground_bounds,
    site_name,
    nested_phrase,
    *INNER_RULES,
    listed_town,
    where_clause,
    shared_conjunct,
    clause_head,
    enclosing_clause,
    conjunct_chain,
    scene_clause,
    gerund_clause,
    objective,
    dispersed_crowd,
    participle_phrase,
    shared_participle,
    acting_incident,
    before_clause,
    scene_nested,
    participle_nested,
    site_object,
    enclosing_site,
    on_ground,
    fronted_setting,
    dateline,
    article_context,
    incident_retold,
    incident_continues,
    site_retold,
)
# The rules that read the trigger's own sentence (and the dateline, "the city"): what an
# incident told before is placed by when a later event carries its place.
_TOLD_RULES = PLACE_RULES[:-3]


FRONTED_AREA = "place.fronted-area"
declare(
    FRONTED_AREA,
    """A province, district or region that opens the sentence ahead of the subject frames the
    scene; a town inside it that the trigger's other clauses set (its time clause, joined
    verbs, participles) is where the event was: "In Diyala province, five were killed when a
    bomb struck their van near Mandali" is at Mandali.

    Example: In Diyala province, five farmers were killed when a bomb hit their van near Baquba.
    """,
    __name__,
)
_INNER_RULES = (shared_conjunct, scene_clause, before_clause, scene_nested, participle_phrase)


def _inside_fronted(
    found: Match | None, trigger: Token, resolver: Resolver
) -> tuple[int, Match] | None:
    """A town of the trigger's other clauses inside the fronted area `found`, with the index
    of the rule that found it (`place.fronted-area`)."""
    if found is None or found.entry is None or found.rank < SPECIFICITY["admin2"]:
        return None
    subjects = [c.i for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or found.end > min(subjects) or found.start > trigger.i:
        return None
    for index, place_rule in enumerate(_INNER_RULES):
        inner = place_rule(trigger, resolver)
        if inner is None or inner.entry is None or inner.rank >= found.rank:
            continue
        if inner.entry.country == found.entry.country:
            return index, inner
    return None


_SCENE_RULES = (scene_clause, scene_nested)


def locate_event(
    trigger: Token,
    gazetteer: Gazetteer,
    country_hint: Sequence[str] = (),
    trace: Trace | None = None,
    verbal: bool = False,
) -> Location | None:
    """The place syntactically attached to this trigger's event, or None.

    Tries the rules of PLACE_RULES in order; the first that finds a place wins and is
    written to `trace`. Never falls back to "first place in the sentence": places inside
    other clauses belong to other events. A `verbal` act (said, not done) takes no scene from
    its time clause: "condemned the raid as the toll in Khartoum rose" was said elsewhere.
    """
    hints = [*country_hint, *sentence_country_hints(trigger, gazetteer)]
    cities = [c for c in article_place_hints(trigger.doc, gazetteer) if c not in hints]
    resolver = GrievanceResolver(gazetteer, [*hints, *cities], trigger, verbal)
    own_setting = own_setting_word(trigger)
    for place_rule in PLACE_RULES:
        if verbal and place_rule is scene_clause:
            continue
        found = place_rule(trigger, resolver)
        if found is not None and resolver.is_barred(found):
            continue  # "protested against the offensive in X": X is the offensive's place
        if (
            own_setting is not None
            and place_rule in _SCENE_RULES
            and found is not None
            and not fits_setting(found, own_setting)
        ):
            if trace is not None:
                trace.add(OWN_SETTING, f"'{own_setting.text}' holds its scene")
            continue
        inner = _inside_fronted(found, trigger, resolver) if place_rule is locative_phrase else None
        if inner is not None:
            place_rule, found = _INNER_RULES[inner[0]], inner[1]
            resolver.notes[(found.start, found.end)] = FRONTED_AREA
        if found is not None:
            found = near_landmark(most_specific(found, trigger, resolver), trigger, resolver)
            location = to_location(trigger, found)
            if trace is not None:
                trace.add(rule_id_of(place_rule), location.text)
                note = resolver.notes.get((found.start, found.end))
                if note is not None:
                    trace.add(note, location.text)
                if location.country in cities and location.geonameid is not None:
                    note_city_hint(location, gazetteer, hints, trace)
            resolver.note(trace, location.text)
            return location
    resolver.note(trace, "-")
    return None


def to_location(trigger: Token, match: Match) -> Location:
    """The contract's Location for a match; an unresolved name keeps its words, and the
    country and admin1 of a known place the text puts it in."""
    doc = trigger.doc
    first, last = doc[match.start], doc[match.end - 1]
    text = doc[match.start : match.end].text
    entry = match.entry
    if entry is None:
        outer = match.container
        return Location(
            name=text,
            country=outer.country if outer else None,
            admin1=outer.admin1 if outer else None,
            admin1_code=outer.admin1_code if outer else None,
            lat=None,
            lon=None,
            geonameid=None,
            precision="unresolved",
            text=text,
            start=first.idx,
            end=last.idx + len(last.text),
        )
    return Location(
        name=entry.name,
        country=entry.country,
        admin1=entry.admin1,
        admin1_code=entry.admin1_code,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        precision=entry.precision,
        text=text,
        start=first.idx,
        end=last.idx + len(last.text),
    )
