"""A protest is placed where the protesters stand, never where what they protest happened.

"Students protested against the bombing campaign in Yemen" was not held in Yemen, nor did
"the Arab League expressed anger at raids in Yemen" happen in Yemen: the place belongs to the
act the phrase names. The phrases are read from the trigger (a protest verb or noun), from its
"in protest at" or "in solidarity with" phrase, and from a stance noun it expresses.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import ASSAULT_NOUNS, CONTEST_NOUNS
from gestae.engine.places.resolver import Resolver
from gestae.engine.rules import Trace, declare
from gestae.resources.gazetteer import Gazetteer
from gestae.resources.place_words import PlaceWords
from gestae.resources.word_classes import words

GRIEVANCE_ACTS = PlaceWords("grievance_acts")
STANCE_NOUNS = PlaceWords("stance_nouns")
PROTESTING_VERBS = words("protesting_verbs")
GATHERING_NOUNS = words("gathering_nouns")
OBJECT_PROTESTS = words("object_protest_verbs")
# stance nouns of sympathy: whoever their phrase names is somewhere else ("in solidarity with
# miners in Bolivia"), act or not
_SYMPATHY = frozenset({"solidarity", "support", "sympathy"})
# what a stance is about: "protested against", "anger at", "outrage over", "concern about"
_ABOUT_PREPS = frozenset({"about", "against", "at", "over"})
_SYMPATHY_PREPS = frozenset({"for", "of", "with"})
# "in a gesture of solidarity with": the noun that carries the stance in its "of" phrase
_CARRIERS = frozenset({"act", "display", "expression", "gesture", "show", "sign"})
# a town named in the phrase is most often where a local protest stood as well
_WIDE = frozenset({"admin1", "admin2", "continent", "country", "region", "water"})

GRIEVANCE_SCENE = "place.grievance-scene"
declare(
    GRIEVANCE_SCENE,
    """A place inside what a protest or a stance is against or for is that act's place or
    those people's, not the protest's: "protested against the bombing campaign in
    Yemen", "marched in protest at the crackdown on miners in Bolivia", "demonstrated in
    solidarity with flood victims in Malawi", "expressed anger at raids in Yemen" give no
    place. Only acts that happen elsewhere (`grievance_acts`, the assault and fight nouns); a
    meeting, a summit or a law keeps its place ("protested against the summit in Davos"), and
    so does a town unless the act is a fight ("rallied against police violence in Atlanta").
    Stance phrases count on protests and said acts only.

    Example: Chilean students protested on Friday against the bombing campaign in Yemen.
    """,
    __name__,
)


def _pobjs(word: Token, preps: frozenset[str]) -> list[Token]:
    return [
        pobj
        for prep in word.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _stances(trigger: Token) -> list[tuple[Token, list[Token]]]:
    """The stance nouns the trigger takes, each with the words its phrase may hang on: "in
    protest at", "in a gesture of solidarity with", "expressed outrage over"."""
    nouns = [
        *_pobjs(trigger, frozenset({"in"})),
        *(c for c in trigger.children if c.dep_ == "dobj"),
    ]
    found: list[tuple[Token, list[Token]]] = []
    for noun in nouns:
        # the parser hangs the stance's phrase on the verb or the carrier as often as on it
        if noun.lemma_.lower() in STANCE_NOUNS:
            found.append((noun, [noun, trigger]))
        elif noun.lemma_.lower() in _CARRIERS:
            stances = [
                n for n in _pobjs(noun, frozenset({"of"})) if n.lemma_.lower() in STANCE_NOUNS
            ]
            found.extend((stance, [stance, noun, trigger]) for stance in stances)
    return found


def _fight(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in ASSAULT_NOUNS or lemma in CONTEST_NOUNS


def _act(noun: Token) -> bool:
    return noun.lemma_.lower() in GRIEVANCE_ACTS or _fight(noun)


def grievances(trigger: Token, verbal: bool = False) -> list[Token]:
    """The heads of the phrases that tell what the trigger's protest or stance is about. A
    stance counts on a protest or a said act only: "launched an offensive in support of
    rebels in Syria" was fought in Syria."""
    lemma = trigger.lemma_.lower()
    protest = (lemma in PROTESTING_VERBS and trigger.pos_ == "VERB") or (
        lemma in GATHERING_NOUNS and trigger.pos_ == "NOUN"
    )
    heads: list[Token] = []
    if protest:
        heads.extend(n for n in _pobjs(trigger, _ABOUT_PREPS) if _act(n))
        if lemma in OBJECT_PROTESTS:
            heads.extend(c for c in trigger.children if c.dep_ == "dobj" and _act(c))
    for stance, holders in _stances(trigger) if protest or verbal else []:
        for holder in holders:
            heads.extend(n for n in _pobjs(holder, _ABOUT_PREPS) if _act(n))
            if stance.lemma_.lower() in _SYMPATHY:
                # "in support of Arafat in Jordan's largest camp": a named person is not
                # written with his whereabouts, the parser hangs the march's phrase on him
                backed = _pobjs(holder, _SYMPATHY_PREPS)
                heads.extend(n for n in backed if n.pos_ == "NOUN")
    return heads


class GrievanceResolver(Resolver):
    """A resolver that never picks a place inside the trigger's grievance phrases."""

    def __init__(
        self, gazetteer: Gazetteer, hints: Sequence[str], trigger: Token, verbal: bool
    ) -> None:
        super().__init__(gazetteer, hints)
        # (start, end, any place): a fight's phrase bars a town as well ("protested against
        # the air offensive in Gaza"); others only wider places
        self.barred = [
            (g.left_edge.i, g.right_edge.i + 1, _fight(g)) for g in grievances(trigger, verbal)
        ]
        self.dropped = False  # a place was passed over: the record says why

    def is_barred(self, match: Match) -> bool:
        """The match lies inside a grievance phrase and is larger than a town, or is in a fight's
        phrase: "rallied against police violence in Atlanta" is most likely a rally in Atlanta."""
        wide = match.entry is not None and match.entry.precision in _WIDE
        inside = any(
            start <= match.start and match.end <= end and (wide or fight)
            for start, end, fight in self.barred
        )
        self.dropped = self.dropped or inside
        return inside

    def best(self, matches: list[Match]) -> Match | None:  # type: ignore[override]
        """As Resolver.best, without the places of the grievance phrases."""
        return Resolver.best([m for m in matches if not self.is_barred(m)])

    def note(self, trace: Trace | None, place: str) -> None:
        """Writes the rule to the record when it passed a place over."""
        if trace is not None and self.dropped:
            trace.add(GRIEVANCE_SCENE, place)
