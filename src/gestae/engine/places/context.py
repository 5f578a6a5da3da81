"""Places the sentence does not name but the article does: the dateline ("KABUL, May 3 (AP)
--") for the lead's events, and the antecedent of "the city", "there", "the capital".

Both come last among the place rules: a place the sentence itself attaches to the event
always wins, and when the article gives no antecedent the event stays without a place.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from gestae.engine.lead_words import dateline_of
from gestae.engine.places.capitals import capital_names, capitals, national_capital
from gestae.engine.places.match import Match
from gestae.engine.places.phrases import (
    GROUND_VERBS,
    INCIDENT_ACTS,
    PLACE_OBJECT_VERBS,
    is_locative_prep,
    is_place_phrase,
    phrase_head,
)
from gestae.engine.places.resolver import Resolver
from gestae.engine.rules import declare, rule

# Bare frame nouns that point back to a place named before ("clashes broke out in the city"),
# with the kinds of place each may point to: "the city" is a town, "the area" any place below
# the country, "the province" a first-level division.
_ANAPHORIC_NOUNS: dict[str, frozenset[str]] = {
    "city": frozenset({"town"}),
    "town": frozenset({"town"}),
    "village": frozenset({"town"}),
    "capital": frozenset({"town"}),
    "area": frozenset({"town", "admin2", "admin1"}),
    "province": frozenset({"admin1"}),
    "district": frozenset({"admin2"}),
}
_TOWN = frozenset({"town"})
_ANAPHORIC_ADVERBS = frozenset({"there", "here"})
# How many sentences back an antecedent may be.
_LOOKBACK_SENTENCES = 3


def _lead(trigger: Token, dateline_end: int) -> bool:
    """True when the trigger's sentence is the story's first after (or holding) the dateline:
    every sentence before it ends inside the dateline. Only the sentence just before is read,
    as walking `doc.sents` for every event cost a second on 40 stories."""
    start = trigger.sent.start
    if start == 0:
        return True
    before = trigger.doc[start - 1]
    return before.idx + len(before.text) <= dateline_end


@rule("place.dateline")
def dateline(trigger: Token, resolver: Resolver) -> Match | None:
    """The dateline's place is where the lead's events happened when the lead names no other
    place: "GOMA, May 3 (AP) -- Rebels attacked an army post on Sunday".

    Example: GAO, March 3 (AP) -- Gunmen attacked an army post overnight, officials said.
    """
    doc = trigger.doc
    found = dateline_of(doc)
    if found is None or not _lead(trigger, found.dateline_end):
        return None
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    entry = resolver.gaz.lookup(found.name.title(), resolver.hints)
    if span is None or entry is None or entry.precision not in ("town", "admin1", "admin2"):
        return None
    # Another place of the lead's own, past the dateline ("GOMA, Congo --" names one place);
    # the dateline town's own country ("police in Zambia") is no other place.
    for ent in trigger.sent.ents:
        if ent.label_ not in ("GPE", "LOC") or ent.start_char < found.dateline_end:
            continue
        other = resolver.gaz.lookup(ent.text, resolver.hints)
        if other is None or other.precision != "country" or other.country != entry.country:
            return None
    return Match(entry, span.start, span.end)


def anaphoric_setting(trigger: Token) -> Token | None:
    """A bare "the city", "the capital" or "there" in a locative phrase on the trigger or on
    its object ("burned the office in the city")."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    for child in [t for word in (trigger, *objects) for t in word.children]:
        if child.dep_ == "advmod" and child.lower_ in _ANAPHORIC_ADVERBS:
            return child
        if child.dep_ != "prep":
            continue
        for pobj in child.children:
            if (
                pobj.dep_ == "pobj"
                and pobj.tag_ != "NNS"  # "the villages" are several places, none named
                and pobj.lemma_.lower() in _ANAPHORIC_NOUNS
                and is_locative_prep(child, pobj)
                and any(d.lower_ in ("the", "this", "that") for d in pobj.lefts)
                and not any(_names_own(c) for c in pobj.children)
            ):
                return pobj
    return None


def _names_own(child: Token) -> bool:
    """A word that names the noun's own place: "the Samarra area", "the town of X"."""
    return child.dep_ in ("compound", "prep", "appos", "nmod") or child.pos_ == "PROPN"


def _capital(noun: Token, resolver: Resolver) -> Match | None:
    """ "The Kenyan capital", "Kenya's capital": the capital of the country named beside it."""
    entry = national_capital(noun, resolver.gaz, resolver.hints)
    if entry is None:
        return None
    return Match(entry, min(t.i for t in noun.subtree), noun.i + 1)


def _named_places(window: list[Span], before: int) -> list[Token]:
    """The heads of the names used as places in `window` before token `before`, last first:
    the tagger's place names, and names in a locative phrase whatever the tagger calls them
    ("in Gao" read as a person)."""
    heads = {e.root.i for s in window for e in s.ents if e.label_ == "GPE" and e.end <= before}
    heads.update(t.i for s in window for t in s if t.pos_ == "PROPN" and t.i < before)
    doc = window[0].doc
    # "Adan" of "Adan Yabaal" is a word of a longer name, no place of its own
    heads -= {i for i in heads if doc[i].dep_ == "compound" and doc[i].head.i in heads}
    return [doc[i] for i in sorted(heads, reverse=True) if _as_place(doc[i])]


def _as_place(name: Token) -> bool:
    """A name used as a place: in a locative phrase, or the ground an act is done to
    ("rebels entered Gao", "attacked Kidal" when the tagger calls it a place)."""
    if is_place_phrase(name):
        return True
    verb = name.head.lemma_.lower() if name.dep_ == "dobj" else ""
    # a verb only ground takes ("entered", "shelled") whatever the tagger calls the name
    return verb in GROUND_VERBS or (verb in PLACE_OBJECT_VERBS and name.ent_type_ in ("GPE", "LOC"))


def _antecedent(noun: Token, resolver: Resolver, kinds: frozenset[str] = _TOWN) -> Match | None:
    """The nearest place of one of `kinds` named as a place ("in Gao", not "Gao said",
    "fighters from Gao") in this or the few sentences before `noun`; the match is the
    antecedent's words. "The capital" is the nearest town that is its country's capital."""
    doc = noun.doc
    sents = list(doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= noun.i < s.end)
    window: list[Span] = sents[max(0, here - _LOOKBACK_SENTENCES) : here + 1]
    capital = noun.lemma_.lower() == "capital"
    seen: set[int] = set()
    for head in _named_places(window, noun.i):
        # "in Kandahar province" is the province, not the town
        found = resolver.resolve_phrase(phrase_head(head)) or resolver.resolve_name(head, True)
        if found is None or found.entry is None or found.start in seen:
            continue
        seen.add(found.start)
        entry = found.entry
        if entry.precision not in kinds:
            continue
        if capital and capitals().get(entry.country or "") != entry.name:
            continue
        return found
    return None


@rule("place.article-context")
def article_context(trigger: Token, resolver: Resolver) -> Match | None:
    """ "The city", "there", "the area", "the province" and "the capital" point to a place the
    article named: the nearest place of their kind named before them (a town; any place below
    the country; a province; a national capital), or the capital of the country beside it
    ("the Kenyan capital").

    Example: Rebels entered Gao on Friday. They burned the mayor's office in the city.
    """
    noun = anaphoric_setting(trigger)
    if noun is None:
        return None
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is not None and following.pos_ == "PROPN":
        return resolver.name(following)  # "the capital Warsaw": the name is right there
    lemma = noun.lemma_.lower()
    if lemma == "capital":
        found = _capital(noun, resolver)
        if found is not None or any(c.dep_ != "det" for c in noun.children):
            return found  # "the provincial capital" is no national one
    return _antecedent(noun, resolver, _ANAPHORIC_NOUNS.get(lemma, _TOWN))


OWN_SETTING = "place.own-setting"
declare(
    OWN_SETTING,
    """An event set by its own "here" or "the capital" takes no other town from a time clause
    ("as", "when", "while") that tells no violent act: "Nurses marched through the capital as
    the president held talks in Geneva" was not in Geneva. "The capital" is then read from the
    article, or stays none; a capital the clause names may still be it.

    Example: Nurses marched through the capital as the president held talks in Geneva.
    """,
    __name__,
)


def own_setting_word(trigger: Token) -> Token | None:
    """The trigger's own "here" (the dateline's place) or "the capital"; "there" and "the
    city" point back to a place the time clause may well name. A clause that tells a violent
    act ("when a bomber blew himself up near X") tells the same incident: no guard."""
    word = anaphoric_setting(trigger)
    if word is None or not (word.lower_ == "here" or word.lemma_.lower() == "capital"):
        return None
    clauses = [c for c in trigger.children if c.dep_ == "advcl"]
    if any(c.lemma_.lower() in INCIDENT_ACTS for c in clauses):
        return None
    return word


def fits_setting(found: Match, setting: Token) -> bool:
    """A time clause's place that "the capital" may be: a national capital."""
    entry = found.entry
    return setting.lower_ != "here" and entry is not None and entry.name in capital_names()
