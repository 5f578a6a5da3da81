"""Place names the parser splits: at a lower-case article glued by a hyphen ("Ras al-Ain"),
and over a list on one plural frame noun ("Sibaya and Chiri villages")."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import declare

# Lower-case words inside place names: "Mazar-e-Sharif", "Rio de Janeiro", "Ras al-Ain",
# "Port-au-Prince", "Boulogne-sur-Mer".
NAME_PARTICLES = frozenset({"al", "as", "ash", "ad", "ar", "au", "aux", "az", "da", "de", "del",
    "di", "do", "dos", "du", "e", "el", "i", "la", "le", "sur", "ul", "ur", "y"})  # fmt: skip


GLUED_NAME = "place.glued-name"
declare(
    GLUED_NAME,
    """A name the parser splits at its lower-case article ("in Ras al-Ain": "al", "-" and
    "Ain" each hang on "in") is read whole from its last piece, as the gazetteer spells it;
    the article alone is no name, so the place was lost.

    Example: Gunmen killed two farmers in Ras al-Ain on Monday.
    """,
    __name__,
)


def glued_head(token: Token) -> Token:
    """The last piece of a name the parser splits at its article ("in Ras al-Ain": "al",
    "-" and "Ain" each hang on "in"), which reads the whole name back from there; the
    lower-case article alone is no name (`place.glued-name`)."""
    doc = token.doc
    i = token.i
    if token.lower_ not in NAME_PARTICLES or not token.text.islower() or token.whitespace_:
        return token
    if i + 2 >= len(doc) or doc[i + 1].text != "-" or doc[i + 1].whitespace_:
        return token
    return doc[i + 2] if doc[i + 2].text[:1].isupper() else token


LISTED_NAMES = "place.listed-names"
declare(
    LISTED_NAMES,
    """Names listed on one plural frame noun ("raided Sibaya and Chiri villages", "in Mada
    and Wonaka districts") are places the noun frames, as "Sibaya village" is: the parser
    hangs the first as a modifier with the others joined to it, so the frame lost its name
    and the place around it (or none) was read instead. The first listed name is read.

    Example: Armed men raided Kuru and Dogo villages in Plateau State on Sunday.
    """,
    __name__,
)


def listed_name(word: Token) -> bool:
    """The first of names listed on a plural frame noun: "Sibaya [and Chiri] villages"."""
    if word.pos_ != "PROPN" or word.dep_ not in ("nmod", "compound") or word.head.tag_ != "NNS":
        return False
    return any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in word.children)
