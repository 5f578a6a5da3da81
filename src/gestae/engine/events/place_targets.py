"""Targets that are places: a measure that holds over a territory (a curfew, a state of
emergency, a ceasefire, a blockade, an alert, a deployment, a surrender) is aimed at the state
of the place it holds in, when the clause names no one else: abroad, and for some measures
at home."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.codes import HOME_TERRITORIAL_CODES, TERRITORIAL_CODES
from gestae.engine.events.context import Event
from gestae.engine.mentions import span_actor
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, child, objects
from gestae.resources.place_words import PlaceWords
from gestae.resources.word_classes import words

# Prepositions that say where a measure holds ("a curfew in Kashmir", "across the north").
SCOPE_PLACE_PREPS = ("in", "across", "throughout", "inside")
# How many noun links below the trigger the place may hang ("lifted the state of emergency
# in X", "remained on alert in X").
PLACE_DEPTH = 3
# A truce two or more doers make together is between them (record.reciprocal), not over the
# place named with it.
TRUCE_CODE = "0871"
RECIPROCAL_LEMMAS = words("reciprocal_lemmas")


def _heads(token: Token) -> list[Token]:
    """The trigger, what it acts on, and the light verb or nouns around it, where the parse
    may hang the place phrase."""
    heads = [token, *objects(token)]
    if token.dep_ in ("dobj", "pobj", "attr") or token.pos_ in ("NOUN", "PROPN"):
        heads.append(token.head)
    found: list[Token] = []
    for head in heads:
        found += [t for t in head.subtree if _near(t, head)]
    return found


def _near(node: Token, head: Token) -> bool:
    """`node` hangs below `head` through at most PLACE_DEPTH links, none a verb or clause."""
    current = node
    for _ in range(PLACE_DEPTH + 1):
        if current.i == head.i:
            return True
        if current.pos_ in ("VERB", "AUX") or current.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return False
        if current.dep_ in SUBJECT_DEPS:
            return False  # "authorities in Pakistan imposed ...": where the doers are from
        current = current.head
    return False


@rule("target.measure-place")
def measure_place(ev: Event, sources: list[Mention]) -> list[Mention]:
    """'imposed a curfew in parts of Kashmir', 'declared a ceasefire in Idlib', 'troops remained
    on alert in Paris': a measure over a territory is aimed at the place's state, as CAMEO codes
    it, when no one else is named; places joined by "and" are each a target. A measure at home,
    or by a source whose country only the place gives, is aimed at no one named (as
    record.home-deployment keeps for deployments), unless target.home-measure-place says
    otherwise, and two sides that halt fighting are each other's target (record.reciprocal),
    also with a place ("Sudan and the rebels signed a truce in Juba" is no truce over Juba).

    Example: Syrian forces declared a curfew in Sidon.
    """
    own = {a.country for m in sources for a in m.actors if a.country}
    # A source with no country yet takes the place's own ("the rebels surrendered in Goma").
    if not own:
        return []
    if not ev.entry.cameo.startswith(TERRITORIAL_CODES):
        return []
    if (
        ev.entry.cameo.startswith(TRUCE_CODE)
        and ev.token.lemma_.lower() in RECIPROCAL_LEMMAS
        and sum(len(m.actors) for m in sources) > 1
    ):
        return []  # "X and Y signed a truce in Pretoria": with each other, where they signed
    found = ev.found("target.measure-place", _held_places(ev, ev.token, own))
    return found or home_measure_place(ev, ev.token, ev.entry.cameo, sources)


@rule("target.home-measure-place")
def home_measure_place(
    ev: Event, token: Token, cameo: str, sources: list[Mention]
) -> list[Mention]:
    """'the rebels declared a ceasefire in Colombia', 'surrendered in Congo', 'will extend the
    curfew in Bangkok': a ceasefire, a surrender or arms laid down in a war fought in the
    source's own country, and a curfew or state of emergency it threatens or extends there,
    are aimed at the state of the place they hold in, as an imposed curfew already is
    (record.place-target); cameo.yaml group home_territorial. Easing a curfew at home and a
    deployment at home stay aimed at no one named, and two or more doers halt fighting with
    each other (record.reciprocal).

    Example: The rebels declared a ceasefire in southern Colombia on Monday.
    """
    if not cameo.startswith(HOME_TERRITORIAL_CODES) or len(sources) != 1:
        return []
    if len(sources[0].actors) != 1:
        return []
    return ev.found("target.home-measure-place", _held_places(ev, token, set()), token.text)


def _held_places(ev: Event, token: Token, own: set[str]) -> list[Mention]:
    """The states of the places a measure at `token` holds in, none of them the source's own;
    each place joined to the first holds the measure too ("in Afghanistan and Iraq")."""
    resolver = ev.grammar.resolver
    for node in _heads(token):
        if node.dep_ != "prep" or node.lower_ not in SCOPE_PLACE_PREPS:
            continue
        obj = child(node, {"pobj"})
        if obj is None:
            continue
        found: list[Mention] = []
        for place_word in (obj, *obj.conjuncts):
            place = resolver.place_actor(place_word, ev.actors) or resolver.implied_actor(
                place_word, ev.actors
            )
            if place is not None and not own & {a.country for a in place.actors}:
                found += [place] if place not in found else []
        if found:
            return found
    return []


# Nouns that frame a place ("the Kenyan capital", "the port city of Aden").
PLACE_FRAMES = PlaceWords("named_place_frames")


@rule("target.described-place")
def described_place(ev: Event, token: Token) -> Mention | None:
    """'traveled to the Kenyan capital', 'a visit to the Moroccan capital, Rabat': a place told
    by a frame noun (word class named_place_frames) lies in the state of its name, in
    apposition or in an "of" phrase, or of the demonym before it.

    Example: The French minister traveled to the Kenyan capital on Monday.
    """
    if token.lemma_.lower() not in PLACE_FRAMES:
        return None
    resolver = ev.grammar.resolver
    names = [c for c in token.children if c.dep_ == "appos"] + [
        o for c in token.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"
    ]
    for name in names:
        place = resolver.place_actor(name, ev.actors)
        if place is not None:
            ev.trace.add("target.described-place", f"'{token.text}' is {name.text}")
            return place
    for mod in (t for t in token.lefts if t.dep_ in ("amod", "compound")):
        country = next(
            (e.country for e in resolver.dictionary.lookup(mod.text) if e.role == "demonym"),
            None,
        )
        if country:
            span = token.doc[min(c.i for c in token.lefts) : token.i + 1]
            rule_text = f"the {token.text} the demonym '{mod.text}' names is in {country}"
            actor = span_actor(span, "state", rule_text, country=country)
            ev.trace.add("target.described-place", rule_text)
            return Mention(span.start, token.i + 1, token.i, [actor], rule_text, reference=True)
    return None
