"""From a word of the parse to the actor mentions it stands for: coordinated lists, the owner
of a thing ("London's participation"), words kept as an unnamed target, the state across a
border."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import DocActors, Mention
from gestae.engine.events.codes import VIOLENT_ROOTS
from gestae.engine.events.context import Event
from gestae.engine.events.matching import Grammar
from gestae.engine.mentions import FROM_ELSEWHERE
from gestae.engine.places import is_place_phrase, named_place
from gestae.engine.rules import Trace, rule
from gestae.engine.syntax import PLACE_ENTITY_TYPES, agent, child, pobjs, prep_child
from gestae.resources.word_classes import words
from gestae.schema import Actor

# Objects that are ideas or measures, never a participant of the act.
ABSTRACT_OBJECTS = words("abstract_objects")
# Phrases that say where an idea or an event noun itself was made or held, not whose it is
# ("an agreement in Paris", "talks in Brasilia"; "from" says whose).
SETTING_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "within", "around"})
# Nouns of places and areas ("the village", "the region"): objects that locate an act.
NOT_GROUP_NOUNS = words("not_group_nouns")
# Counts ("hundreds", "dozens"): the people counted are the participant, not the count.
QUANTITY_NOUNS = words("quantity_nouns")
# Units of money ("Canadian dollars"): a sum, never the state its currency names.
CURRENCY_NOUNS = words("currency_nouns")
GO_BETWEEN_VERBS = words("go_between_verbs")
# Participles of holding people captive, and the people they hold ("passengers held by
# bandits": the bandits are the captors, no owner of the passengers; target.captor-not-owner).
CAPTIVITY_PARTICIPLES = words("captivity_participles")
HELD_PEOPLE = words("victim_nouns") | words("people_nouns") | words("moved_people")
# Verbs of a report: a name just before one with no subject of its own is its speaker.
SPEECH_VERBS = words("speech_verbs")
# Verbs saying what a body is made of ("a force composed of Kenyan troops").
MAKEUP_VERBS = words("makeup_verbs")
# Animals are never the target of a political event.
ANIMAL_NOUNS = words("animal_nouns")
# Prepositions through which a non-actor object names the actor it belongs to or concerns.
OWNER_PREPS = frozenset({"of", "to", "on", "against", "with", "from", "for", "by"})
# Entity types that are amounts or times, never a target.
NOT_TARGET_ENTS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL")
# Possessives by which a source speaks of its own envoys ("its ambassador to X").
OWN_POSSESSIVES = ("its", "their", "his", "her")


# Entity types that name someone (a person, a body, a people), never a thing.
ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PEOPLE_WORDS = (
    words("people_nouns")
    | words("victim_nouns")
    | words("crowd_nouns")
    | words("moved_people")
    | words("member_nouns")
    | words("kin_nouns")
    | words("follower_nouns")
    | words("pundit_nouns")
    | words("group_references")
    | words("body_nouns")
    | words("state_references")
)


# Endings of agent nouns ('plotters', 'smugglers', 'loyalists', 'civilians', 'detainees'):
# such words may name people, so they stay a target (prefer a thing kept over a person lost).
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ee")
# Endings of compounds on a people word ('schoolgirls', 'businessmen', 'policewomen').
PEOPLE_ENDINGS = ("girl", "boy", "man", "men", "woman", "women", "person", "people", "child")


def names_someone(token: Token, head: bool) -> bool:
    """A word for someone: a name, a people word, or (as the head) an agent noun. An owner's
    pronoun does not make its thing someone ('upgraded their ties')."""
    if token.pos_ == "PROPN" or token.ent_type_ in ACTOR_ENTS:
        return True
    lemma = token.lemma_.lower()
    if lemma in PEOPLE_WORDS or token.lower_ in PEOPLE_WORDS:
        return True
    return head and lemma.endswith(AGENT_ENDINGS + PEOPLE_ENDINGS)


def with_country(mentions: list[Mention]) -> list[Mention]:
    """Mentions whose actors have a country: a clause's subject is a target only when it
    clearly names one ("if the fishermen ..." says nothing about whom France threatens)."""
    return [m for m in mentions if m.actors and all(a.country for a in m.actors)]


def locative(prep: Token, ev: Event | None = None) -> bool:
    """A preposition that places the event ("in Cairo", "at the village of X"); for an act
    under study (`ev`), a firm or a person named there is a party, no place (named_party)."""
    obj = child(prep, {"pobj"})
    if obj is None or not is_place_phrase(obj):
        return False
    if ev is not None and named_party(ev, obj):
        return False
    # "into alleged war crimes" is no place: only names and place nouns locate an act.
    return (
        obj.ent_type_ in PLACE_ENTITY_TYPES
        or obj.pos_ == "PROPN"
        or obj.lemma_.lower() in NOT_GROUP_NOUNS
        or place_edge(obj, ev)
    )


# The rim of a place ("the outskirts of Dhaka"): word_classes.yaml.
EDGE_NOUNS = words("edge_nouns")


@rule("target.place-edge")
def place_edge(obj: Token, ev: Event | None) -> bool:
    """'beat a man on the outskirts of Dhaka', 'clashed on the edge of the camp': the rim of
    a place says where the act happened, so the state of the place named in it is no party
    the act was aimed at ("on" otherwise names one: "sanctions on Iran").

    Example: A mob beat a man to death on the outskirts of Lagos.
    """
    if obj.lemma_.lower() not in EDGE_NOUNS and obj.lower_ not in EDGE_NOUNS:
        return False
    if ev is not None:
        ev.trace.add("target.place-edge", f"'{obj.text}' of a place says where")
    return True


# Entity types of names that stand for a body or a person rather than a place.
PARTY_ENTS = ("ORG", "PERSON")


@rule("target.named-party")
def named_party(ev: Event, obj: Token) -> bool:
    """'an investigation into Andean Mining Corporation', 'a raid at Acme Holdings': a name the
    parser tags as a body or a person, which the dictionaries read as no state (or do not
    know), is a party after even a place preposition ("into", "at"), not where it happened.

    Example: Peruvian police launched an investigation into Andean Mining Corporation.
    """
    if obj.ent_type_ not in PARTY_ENTS or obj.pos_ != "PROPN":
        return False
    mention = ev.actors.at(obj)
    if mention is not None and any(a.sector for a in mention.actors):
        party = all(a.kind != "state" for a in mention.actors)  # a body the dictionaries know
    else:
        # A name no dictionary knows is a party only when the gazetteer knows no place by it.
        party = ev.grammar.resolver.place_actor(obj, ev.actors) is None
    step = f"'{obj.text}' names a party, not a place"
    if party and not any(
        s.rule == "target.named-party" and s.words == step for s in ev.trace.steps
    ):
        ev.trace.add("target.named-party", step)
    return party


def own_envoy(token: Token, mention: Mention) -> bool:
    """'its ambassador to X', 'their envoys to X': the source's own representative."""
    first = token.doc[mention.start]
    return first.lower_ in OWN_POSSESSIVES and prep_child(token, "to") is not None


# Verbs of getting in touch whose "to" clause is the caller's own purpose.
CONTACT_VERBS = words("contact_verbs")
# A particle or preposition that makes "call" a request ("called on X to ..."), not a call.
REQUEST_PARTICLES = ("on", "upon", "for")


def called_party(clause: Token) -> Token | None:
    """'called Lavrov to discuss Syria': the one a contact verb reaches, when `clause` is its
    "to" purpose clause; None for "called on X to ...", where X is asked to act."""
    head = clause.head
    if clause.dep_ not in ("xcomp", "advcl") or head.lemma_.lower() not in CONTACT_VERBS:
        return None
    if not any(c.lower_ == "to" and c.dep_ == "aux" for c in clause.children):
        return None
    if any(
        c.lower_ in REQUEST_PARTICLES and head.i < c.i < clause.i
        for c in head.children
        if c.dep_ in ("prep", "prt")
    ):
        return None
    called = [c for c in head.children if c.dep_ in ("dobj", "obj", "oprd") and c.i < clause.i]
    return called[0] if called else None


def pobj_actors(
    grammar: Grammar, prep: Token, actors: DocActors, owner: bool = False
) -> list[Mention]:
    """Actors a preposition introduces; with `owner`, also the actor its object implies
    ("air strikes on residential districts of Kharkiv" -> UKR)."""
    out: list[Mention] = []
    found = pobjs(prep)
    if not found:
        # "pulling out of X", "away from X": the object hangs on the second word.
        found = [o for c in prep.children if c.dep_ == "prep" for o in pobjs(c)]
    for obj in found:
        if obj.dep_ == "pobj":
            group = actor_group(grammar, obj, actors, owner=owner)
            if not group and owner:
                # "agreed to talks in Brasilia": where an event noun is held names no party,
                # while its party's place does ("sanctions against the entities in Uganda").
                held = grammar.is_event_noun(obj) and any(
                    c.dep_ == "prep" and c.lower_ in SETTING_PREPS for c in obj.children
                )
                implied = grammar.resolver.implied_actor(obj, actors, through_places=not held)
                group = [implied] if implied is not None else []
            out += group
    return out


def trailing_speaker(token: Token) -> bool:
    """'withdrawing its troops from Syria, Defence Minister Sergei Shoigu said': a name the
    parse hangs on the words before a trailing 'said' that has no subject of its own, as
    their apposition or conjunct, is that report's speaker, not one of them."""
    after = token.right_edge.i + 1
    if after >= len(token.doc):
        return False
    verb = token.doc[after]
    return verb.lemma_.lower() in SPEECH_VERBS and child(verb, {"nsubj"}) is None


def _listed_members(token: Token, actors: DocActors) -> list[Token]:
    """The token, its conjuncts, and a list of states the parser hung on it as apposition
    ("Saudi Arabia, the United Arab Emirates, Bahrain and Egypt")."""
    members = [token, *[t for t in token.conjuncts if t.i != token.i and not trailing_speaker(t)]]
    for appos in (c for c in token.children if c.dep_ == "appos"):
        first = actors.at(token)
        other = actors.at(appos)
        if (
            first is not None
            and other is not None
            and first.actors
            and other.actors
            and other.actors[0].country != first.actors[0].country
            and other.actors[0].kind == "state"
        ):
            members += [appos, *[t for t in appos.conjuncts if t.i != appos.i]]
    return members


@rule("source.made-of")
def made_of(grammar: Grammar, dependent: Token, actors: DocActors) -> list[Mention]:
    """A body named by what it is made of ("a contingent composed of Russian and Georgian
    troops", "a force made up of Chadian soldiers") is those members: they act in it.

    Example: A force composed of Kenyan and Somali troops patrolled the border town.
    """
    if dependent.dep_ not in ("acl", "relcl") or dependent.lemma_.lower() not in MAKEUP_VERBS:
        return []
    of = prep_child(dependent, "of")
    return [m for m in pobj_actors(grammar, of, actors) if m.actors] if of is not None else []


def _owners(
    grammar: Grammar, tok: Token, actors: DocActors, owner: bool, trace: Trace | None = None
) -> list[Mention]:
    """Whom a thing belongs to or concerns: 'positions held by the TPLF', "London's
    participation", 'invitation to Patel', 'sanctions on Iran', 'crimes by Russian soldiers'."""
    out: list[Mention] = []
    for dependent in tok.children:
        out.extend(m for m in made_of(grammar, dependent, actors) if m not in out)
        if dependent.dep_ == "acl" and dependent.tag_ == "VBN" and owner:
            # "a deal brokered by Qatar": a go-between, not whom the deal is with.
            by = agent(dependent) if dependent.lemma_.lower() not in GO_BETWEEN_VERBS else None
            if by is not None and captor_not_owner(tok, dependent):
                if trace is not None:
                    why = f"'{tok.text} {dependent.text}' by its captors, not theirs"
                    trace.add("target.captor-not-owner", why)
                by = None
            if by is not None:
                out.extend(m for m in pobj_actors(grammar, by, actors) if m not in out)
        if dependent.dep_ == "poss" or (
            dependent.dep_ in ("prep", "agent") and dependent.lower_ in OWNER_PREPS
        ):
            inner = dependent if dependent.dep_ == "poss" else child(dependent, {"pobj"})
            if inner is not None:
                for m in actor_group(grammar, inner, actors, trace=trace):
                    if m not in out:
                        out.append(m)
    return out


@rule("target.captor-not-owner")
def captor_not_owner(noun: Token, participle: Token) -> bool:
    """People held, seized or kidnapped by someone are that one's captives, not a thing of
    theirs: "rescued 23 passengers held by bandits" helps the passengers, never the bandits
    ("positions held by the rebels" stay the rebels').

    Example: Somali forces rescued 15 passengers held by pirates near Hobyo.
    """
    people = noun.lemma_.lower() in HELD_PEOPLE or noun.lower_ in HELD_PEOPLE
    return people and participle.lemma_.lower() in CAPTIVITY_PARTICIPLES


@rule("target.money-sum")
def money_sum(tok: Token) -> bool:
    """A sum of money is no party, whatever its currency's adjective says: "tariffs on 30
    billion Canadian dollars of American goods" hits the goods' owner, not Canada.

    Example: Canada imposed tariffs on 30 billion Canadian dollars of American goods.
    """
    money = tok.ent_type_ == "MONEY" or tok.lemma_.lower() in CURRENCY_NOUNS
    return money and tok.pos_ in ("NOUN", "NUM")


def actor_group(
    grammar: Grammar,
    token: Token,
    actors: DocActors,
    owner: bool = False,
    trace: Trace | None = None,
) -> list[Mention]:
    """The mention at a token plus its coordinated mentions ("A, B and C").

    With `owner`, a non-actor noun hands over to its possessor or "of" object, so
    "canceled London's participation" targets London.
    """
    out: list[Mention] = []
    for tok in _listed_members(token, actors):
        mention = actors.at(tok)
        if mention is not None and mention.media:
            continue
        if mention is not None and money_sum(tok):
            if trace is not None:
                trace.add("target.money-sum", f"'{tok.text}' is a sum, not its currency's state")
            mention = None
        if owner and mention is not None and own_envoy(tok, mention):
            # "recalled its ambassadors to the United States": the host, not the envoy.
            to = prep_child(tok, "to")
            hosts = [m for m in pobj_actors(grammar, to, actors) if m.actors] if to else []
            if hosts:
                out.extend(m for m in hosts if m not in out)
                continue
        if mention is not None and mention.actors:
            if mention not in out:
                out.append(mention)
            continue
        # "the separatist group Black Widow": the name in apposition is the actor.
        apposed = [
            actors.at(c) for c in tok.children if c.dep_ == "appos" and not trailing_speaker(c)
        ]
        named = [m for m in apposed if m is not None and m.actors and not m.media]
        if named:
            out.extend(m for m in named[:1] if m not in out)
            continue
        # "critics, including the European Commission": the members named stand for the group.
        included = [
            m
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "including"
            for m in pobj_actors(grammar, c, actors)
            if m.actors and not m.media
        ]
        if included:
            out.extend(m for m in included if m not in out)
            continue
        if owner or tok.lemma_.lower() in QUANTITY_NOUNS:
            out.extend(m for m in _owners(grammar, tok, actors, owner, trace) if m not in out)
    return out


def _as_words(span_text: str, start_char: int, end_char: int, rule: str) -> Actor:
    return Actor(
        text=span_text,
        start=start_char,
        end=end_char,
        kind="group",
        rule=rule,
    )


@rule("target.animal")
def animal(obj: Token) -> bool:
    """Animals are not actors: killing or seizing them is no political event.

    Example: Hundreds of stray dogs are slaughtered every month.
    """
    return obj.lemma_.lower() in ANIMAL_NOUNS


def unnamed_target(grammar: Grammar, obj: Token) -> Mention | None:
    """A concrete object that names no actor keeps its words as an unresolved target."""
    lemma = obj.lemma_.lower()
    if lemma in QUANTITY_NOUNS or obj.lower_ in QUANTITY_NOUNS:
        # "hundreds of political prisoners": the people counted, not the count.
        of = prep_child(obj, "of")
        inner = child(of, {"pobj"}) if of is not None else None
        found = unnamed_target(grammar, inner) if inner is not None else None
        if found is None or inner is None:
            return None
        span = obj.doc[min([obj.i] + [t.i for t in obj.lefts]) : inner.i + 1]
        actor = found.actors[0]
        widened = _as_words(span.text, span.start_char, span.end_char, actor.rule)
        return Mention(span.start, span.end, inner.i, [widened], actor.rule, reference=True)
    if obj.pos_ not in ("NOUN", "PROPN") or lemma in ABSTRACT_OBJECTS:
        return None
    if named_place(obj):
        return None  # target.place-name: "marched up First Avenue"
    if animal(obj):
        return None
    if obj.ent_type_ in NOT_TARGET_ENTS:
        return None
    if grammar.lexicon.candidates(lemma, "noun"):
        return None  # "condemned the attack": an event, not a target
    start = min([obj.i] + [t.i for t in obj.lefts])
    span = obj.doc[start : obj.i + 1]
    rule = f"target '{span.text}' is not in the dictionaries: no country"
    if foreign_people(obj):
        rule = f"{rule}; {FOREIGN_RULE}: {FROM_ELSEWHERE}"
    actor = _as_words(span.text, span.start_char, span.end_char, rule)
    return Mention(start, obj.i + 1, obj.i, [actor], rule, reference=True)


FOREIGN_RULE = "actor.foreign-people"
# Words that put people abroad ("foreign nationals", "overseas workers").
_ABROAD_WORDS = frozenset({"foreign", "overseas"})
_FOREIGN_NOUNS = words("foreign_people")


@rule(FOREIGN_RULE)
def foreign_people(obj: Token) -> bool:
    """People the words put abroad ("two foreigners", "foreign nationals", "expatriates": word
    class `foreign_people`, or "foreign"/"overseas" on them) take no country from the place
    where the act fell nor from the article: a wrong country is worse than none.

    Example: Kenyan police said gunmen kidnapped two foreign nationals near Lamu.
    """
    if obj.lemma_.lower() in _FOREIGN_NOUNS:
        return True
    return any(c.dep_ == "amod" and c.lower_ in _ABROAD_WORDS for c in obj.lefts)


def border_state(grammar: Grammar, border: Token, actors: DocActors) -> list[Mention]:
    """The other side of 'the border with X' or 'the Iraqi border'."""
    for dependent in border.children:
        if dependent.dep_ == "prep" and dependent.lower_ in ("with", "of"):
            return pobj_actors(grammar, dependent, actors)
    for left in border.lefts:
        mention = actors.at(left)
        if mention is None:
            loose = [a for i, a in actors.loose if i == left.i]
            if loose:
                rule = f"'{border.text}' lies on the border of {loose[0].country}"
                found = loose[0]
                actor = Actor(
                    text=found.text, start=found.start, end=found.end, country=found.country, sector=None, name=found.name,
                    kind="state", wikidata=None, rule=rule,
                )  # fmt: skip
                return [Mention(left.i, left.i + 1, left.i, [actor], rule, reference=True)]
        elif mention.actors and mention.actors[0].country:
            return [mention]
    return []


@rule("target.apposed-conjunct")
def apposed_conjuncts(ev: Event, found: list[Mention]) -> list[Mention]:
    """'sanctions against the Russian agency Roscosmos and the Indian space agency', 'arrested
    the opposition leader, Kizza Besigye, and two of his aides': the parse may join the
    second party to the first one's name in apposition, not to the first party's head; that
    party is a target too (people named only in words keep their words).

    Example: Police arrested the opposition leader, Kizza Besigye, and two of his aides.
    """
    doc = ev.token.doc
    covered = [(m.start, m.end) for m in found]
    extra: list[Mention] = []
    for mention in found:
        head = doc[mention.head]
        names = [c for c in head.children if c.dep_ == "appos"]
        for appos in names + ([head] if head.dep_ == "appos" else []):
            for joined in appos.conjuncts:
                if any(start <= joined.i < end for start, end in covered):
                    continue
                named = [m for m in actor_group(ev.grammar, joined, ev.actors) if m.actors]
                unnamed = unnamed_target(ev.grammar, joined) if not named else None
                if unnamed is not None and names_someone(joined, True):
                    named = [unnamed]
                for m in named:
                    if not any(start <= m.head < end for start, end in covered):
                        extra.append(m)
                        covered.append((m.start, m.end))
    if extra:
        named_words = ", ".join(f"'{doc[m.start : m.end].text}'" for m in extra)
        ev.trace.add("target.apposed-conjunct", f"{named_words} joined to a name in apposition")
    return extra


@rule("target.joined-words")
def joined_words(
    ev: Event, found: list[Mention], skip: frozenset[str] = frozenset()
) -> list[Mention]:
    """'mediation between Qatar and the herder communities', 'support the police, the DSS and
    other security agencies': someone joined to a named target whom no dictionary names is a
    target of its own, in its own words, as an unnamed first party's joined ones are
    (target.unnamed-conjunct); a thing joined to it is not, unless the act is violent. A
    joined place stands for its state, unless a target (or `skip`) already has that country.

    Example: Norway launched a mediation effort between Chad and the herder communities.
    """
    doc = ev.token.doc
    found = found + apposed_conjuncts(ev, found)
    violent = ev.entry.cameo[:2] in VIOLENT_ROOTS
    covered = [(m.start, m.end) for m in found]
    extra: list[Mention] = []
    for mention in found:
        for joined in doc[mention.head].conjuncts:
            if any(start <= joined.i < end for start, end in covered):
                continue
            known = ev.actors.at(joined)
            if known is not None and known.actors:
                continue  # a named party left out was left out for a reason
            place = ev.grammar.resolver.place_actor(joined, ev.actors)
            if place is not None:
                # "withdrew from Syria and Iraq": a joined place stands for its state, once.
                countries = {a.country for m in found + extra for a in m.actors} | skip
                if not {a.country for a in place.actors} & countries:
                    extra.append(place)
                continue
            unnamed = unnamed_target(ev.grammar, joined)
            # A thing joined to a party ("Iran and its oil exports", "passengers of Punjabi
            # and Baloch ethnicity") is what the act is about, whatever names it bears; only
            # a violent act hits places and property as well as people.
            if unnamed is not None and (violent or names_someone(joined, True)):
                extra.append(unnamed)
                covered.append((unnamed.start, unnamed.end))
    if extra:
        named = ", ".join(f"'{doc[m.start : m.end].text}'" for m in extra)
        ev.trace.add("target.joined-words", f"{named} joined to a named target")
    return found + extra
