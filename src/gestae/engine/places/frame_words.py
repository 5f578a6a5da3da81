"""Word tests the resolver reads frames and bearings with: a name on a frame noun, a common
noun used of any one of its kind, a bearing or a distance measured from a landmark."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.phrases import COMPASS_WORDS
from gestae.engine.rules import declare
from gestae.engine.syntax import PLACE_ENTITY_TYPES

NAMED_FRAME = "place.named-frame"
declare(
    NAMED_FRAME,
    """A capitalised area or settlement noun the tagger reads as the last word of a name the
    gazetteer lacks ("the Deir Ezzor Governorate", "Dara'a City") frames the name before it,
    as its lower-case form does, when the gazetteer knows that name: the place resolves, with
    its country, instead of staying unresolved. A name it does not know stays as written.

    Example: Rebels shelled army posts in the Deir Ezzor Governorate on Monday.
    """,
    __name__,
)

# Bearings from a landmark ("20 km west of X").
BEARINGS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest"})  # fmt: skip


def frame_name(word: Token, loose: bool = False) -> bool:
    """A name on a frame noun: "the Idlib province"; as an adjective only when the tagger calls
    it a place ("the East Ghouta region"). A name glued to a participle ("the UN-guarded
    area", "the US-led zone") says who holds it, not what it is called."""
    if word.pos_ != "PROPN":
        return False
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    if after is not None and after.text == "-" and not word.whitespace_:
        return False
    # "Kwande local government area": past "local government" the name hangs as a modifier
    named = word.dep_ == "compound" or (loose and word.dep_ == "nmod")
    return named or (word.dep_ == "amod" and word.ent_type_ in PLACE_ENTITY_TYPES)


def generic(noun: Token) -> bool:
    """A common noun used of any one of its kind ("a street", "streets"), not as a name."""
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
    return indefinite or noun.tag_ == "NNS"


def is_bearing(prep: Token, pobj: Token) -> bool:
    """ "To the west of Algiers", "to the north of Kabul": a bearing from a landmark, which lies
    outside the place meant; "in the north of Syria" is inside it."""
    return prep.lower_ == "to" and pobj.lower_ in COMPASS_WORDS


def is_distance(locator: Token) -> bool:
    """A direction measured from a landmark: "50 km west of", "some 800 miles north of"."""
    return any(c.dep_ == "npadvmod" or c.like_num for c in locator.children) or any(
        c.like_num for c in locator.lefts
    )
