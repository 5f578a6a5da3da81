"""Names that end in a state body's word but name another body (actor.body-in-name).

"The Oromo Federalist Congress", "the World Uyghur Congress": a party, an exile group or an NGO
takes a legislature's word as the last word of its name. Read bare, "Congress" is the US
Congress and "parliament" a state's legislature; with name words of its own in front that name
no state, no region and no state body's kind ("National", "Federal", "Supreme": word class
`state_body_qualifiers`), the phrase is the unlisted body, of no country the coder can tell.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.diaspora import diaspora_home, diaspora_mention
from gestae.engine.mentions import Mention, head_in_states, span_actor
from gestae.engine.named_mentions import NounPhrase
from gestae.engine.rules import declare
from gestae.engine.syntax import PLACE_ENTITY_TYPES
from gestae.resources.actor_dictionary import ActorDictionary
from gestae.resources.gazetteer import Gazetteer
from gestae.resources.word_classes import words

BODY_IN_NAME_RULE = "actor.body-in-name"

declare(
    BODY_IN_NAME_RULE,
    """'The Oromo Federalist Congress accused the government', 'the World Uyghur Congress
    urged Germany': a body's name that ends in a legislature's word ("Congress", "Parliament",
    "Assembly") after name words that name no state, place or kind of state body is another
    body, a party or a group the dictionary does not list: never the US Congress or a state's
    parliament. It keeps its name and no country ("the Peruvian Congress", "the National
    Assembly", "the Texas Senate" stay the state's).

    Example: The Tamil Solidarity Congress accused Canada of ignoring its petition.
    """,
    __name__,
)

QUALIFIERS = words("state_body_qualifiers")
# Only a legislature's word: courts ("the High Court", "a District Court") and ministries
# ("the Interior Ministry") take name words of their own kind in front.
BODY_SECTORS = frozenset({"LEG"})


def _state_body_word(head: Token, dictionary: ActorDictionary) -> bool:
    """A capitalised word that alone names a state's body: a listed one ("Congress") or a
    legislature's agent noun ("Parliament", "Assembly")."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return False
    noun = dictionary.sector_of_noun(head.lemma_.lower())
    if noun is not None and noun.kind == "organization" and noun.sector in BODY_SECTORS:
        return True
    return any(
        e.kind == "organization" and e.sector in BODY_SECTORS and e.country
        for e in dictionary.lookup(head.text)
    )


def _place_word(word: Token, gazetteer: Gazetteer) -> bool:
    """A word of a place's name: "the Kurdistan Parliament", "the Sindh Assembly"."""
    return word.ent_type_ in PLACE_ENTITY_TYPES or bool(
        gazetteer.candidates(word.text, alternates=False, variants=False)
    )


def _place_run(words: list[Token], gazetteer: Gazetteer) -> bool:
    """Name words that together name a place ("the Khyber Pakhtunkhwa Assembly")."""
    texts = [w.text for w in words]
    runs = (" ".join(texts[i:j]) for i in range(len(texts)) for j in range(i + 2, len(texts) + 1))
    return any(gazetteer.candidates(run, alternates=False, variants=False) for run in runs)


def _other_name_word(word: Token, dictionary: ActorDictionary) -> bool:
    """A name word that makes the body another's: no state, party side or qualifier."""
    if word.pos_ != "PROPN" or not word.text[:1].isupper():
        return False
    lower = word.lower_.removesuffix("'s").removesuffix("’s")
    if lower in QUALIFIERS or word.lemma_.lower() in QUALIFIERS:
        return False
    if dictionary.modifier_sector(word.lemma_.lower()) is not None:
        return False
    return not any(e.kind in ("state", "organization") for e in dictionary.lookup(word.text))


def body_in_name(head: Token, dictionary: ActorDictionary, gazetteer: Gazetteer) -> bool:
    """True when `head` is a legislature's word closing the name of another body; a place
    among the words before it makes it that region's own (no word of it another's)."""
    if not _state_body_word(head, dictionary):
        return False
    if any(c.dep_ == "poss" for c in head.children):
        return False  # "Malawi's Federal Congress": its owner says whose it is
    words_before = [c for c in head.lefts if c.dep_ in ("compound", "amod")]
    if any(_place_word(w, gazetteer) for w in words_before) or _place_run(words_before, gazetteer):
        return False
    return any(_other_name_word(w, dictionary) for w in words_before)


def body_name_mention(np: NounPhrase) -> Mention:
    """The named body as an organization of no country, its name its words after "the"."""
    span = np.span
    name = span.text[4:] if span.text.lower().startswith("the ") else span.text
    rule = f"{BODY_IN_NAME_RULE}: '{span.text}' names a body of its own, not a state's"
    actor = span_actor(span, "organization", rule, name=name)
    return Mention(np.start, np.end, np.head.i, [actor], rule)


def own_name(np: NounPhrase, dictionary: ActorDictionary, gazetteer: Gazetteer) -> Mention | None:
    """The group the phrase's own words name before any reading of its parts: another body's
    name closing in a legislature's word (actor.body-in-name) or people two demonyms place
    (actor.diaspora-people, when the second heads the phrase)."""
    head, inner = np.head, np.inner
    if body_in_name(head, dictionary, gazetteer) and not any(
        s.start < head.i < s.end for s, _ in inner
    ):
        return body_name_mention(np)
    home = diaspora_home(np)
    if home is not None and head_in_states(head, inner):
        return diaspora_mention(np, home, head)
    return None
