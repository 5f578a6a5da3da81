"""Syntax helpers over the spaCy dependency parse, shared by the engine's stages.

They name what a rule looks for ("the passive agent", "the objects") so that the rules read
as linguistics rather than as walks over `token.children`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Every way a verb holds a subject, active, passive or a dummy "there": with none of them the
# verb has no subject of its own (the parse repairs look for such verbs).
ANY_SUBJECT_DEPS = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"expl"}
# A verb that tells its own clause: past or present tense, not a participle or an infinitive.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
# Dependencies through which the parse hangs a preposition or particle on its head.
PREP_LIKE_DEPS = ("prep", "prt", "agent", "dative", "advmod")
# Entity types of a date phrase ("on Monday"): a time, never a frame's preposition.
TIME_ENTS = ("DATE", "TIME")
# Entity types the model gives place names.
PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC", "FAC"})
HYPHENS = ("-", "\u2010", "\u2011")

# Quote marks: curly opening and closing, and the straight mark that may be either.
OPENING_QUOTE, CLOSING_QUOTE, STRAIGHT_QUOTE = "\u201c", "\u201d", '"'


def child(token: Token, deps: frozenset[str] | set[str]) -> Token | None:
    """The first child in one of `deps`: most relations occur once per head."""
    for found in token.children:
        if found.dep_ in deps:
            return found
    return None


def objects(token: Token) -> list[Token]:
    """Direct objects, then a passive subject: both undergo the act."""
    return [c for c in token.children if c.dep_ in OBJECT_DEPS] + [
        c for c in token.children if c.dep_ == "nsubjpass"
    ]


def agent(verb: Token) -> Token | None:
    """The 'by' phrase of a passive or participle: who acted."""
    for found in verb.children:
        if found.dep_ == "agent" or (found.dep_ == "prep" and found.lower_ == "by"):
            return found
    return None


def only_time(prep: Token) -> bool:
    """'on Monday': a preposition whose objects are all dates names no participant."""
    pobjs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(pobjs) and all(o.ent_type_ in TIME_ENTS for o in pobjs)


def prep_child(token: Token, prep: str) -> Token | None:
    """The child preposition/particle spelling `prep` ("on", "out of", "back")."""
    spelled = prep.lower().split()
    # A phrase fronted before its head ("On Nov. 2, Rex called Lavrov") is a setting, never the
    # head's own preposition ("called on").
    children = [c for c in token.children if c.dep_ in PREP_LIKE_DEPS and c.i > token.i]
    matching = [c for c in children if c.lower_ == spelled[0]]
    # "called on Saturday on the factions to ...": a date phrase is not the frame's preposition.
    first = next((c for c in matching if not only_time(c)), matching[0] if matching else None)
    if first is None and spelled == ["for"]:
        first = for_mark(token)
    if first is None:
        return None
    if len(spelled) == 1:
        return first
    rest = spelled[1:]
    # "pull out of": the second word hangs off the particle or off the verb.
    for cand in [*first.children, *token.children]:
        if cand.lower_ == rest[0]:
            return cand
    return None


def for_mark(token: Token) -> Token | None:
    """'called for the Taliban to lift the ban': the parse makes 'for' the mark of an
    infinitive clause after the verb; it is the verb's 'for' all the same."""
    for c in token.children:
        if c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > token.i:
            mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "for"), None)
            if mark is not None and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return mark
    return None


def pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition."""
    return [c for c in prep.children if c.dep_ == "pobj"]


def of_objects(noun: Token) -> list[Token]:
    """What a quantity or container noun holds: "hundreds of doctors", "tonnes of aid"."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def hyphen_joined(token: Token) -> str | None:
    """'cease-fire' is tokenized cease, -, fire; the lexicon spells it 'ceasefire'."""
    i = token.i
    doc = token.doc
    if i < 2 or doc[i - 1].text not in HYPHENS or doc[i - 2].whitespace_:
        return None
    if doc[i - 1].whitespace_:
        return None
    return doc[i - 2].lower_ + token.lemma_.lower()


def modified_title(token: Token) -> str | None:
    """'high commissioner': the modifier right before a noun and the noun's lemma, one phrase
    a lexicon list may name where the noun alone means something else (a police commissioner)."""
    i = token.i
    if i < 1 or token.doc[i - 1].head.i != i or token.doc[i - 1].dep_ not in ("amod", "compound"):
        return None
    return f"{token.doc[i - 1].lower_} {token.lemma_.lower()}"


def first_conjunct(token: Token) -> Token:
    """The first of a list joined by "and" ("killings, rapes and abductions": "killings"),
    which holds the list's link to the rest of the sentence."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def opposed_word(token: Token) -> bool:
    """True for the word after "anti-" ("anti-government", "anti-Russian"): it names what the
    group is against, never its own sector or country (rule actor.opposed-modifier)."""
    i, doc = token.i, token.doc
    if token.lower_.startswith("anti-"):
        return True
    return (
        i >= 2
        and doc[i - 1].text in HYPHENS
        and doc[i - 2].lower_ == "anti"
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
    )


# Words after a state's "X-" that make it the tongue spoken, not a country: "Russian-speaking".
_TONGUE_WORDS = frozenset({"speaking", "language"})


def stance_span(span: Span) -> bool:
    """True for a state's words after "pro-" ("pro-Russian militants", "Pro-Palestinian
    protesters": the side they back) or before "-speaking" / "-language" ("Russian-speaking
    activists": a tongue): never the group's own country (rule actor.stance-modifier)."""
    doc, first, last = span.doc, span[0], span[-1]
    if first.lower_.startswith("pro-"):
        return True
    i, j = first.i, last.i
    backed = (
        i >= 2
        and doc[i - 1].text in HYPHENS
        and doc[i - 2].lower_ == "pro"
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
    )
    spoken = (
        j + 2 < len(doc)
        and doc[j + 1].text in HYPHENS
        and doc[j + 2].lower_ in _TONGUE_WORDS
        and not last.whitespace_
        and not doc[j + 1].whitespace_
    )
    return backed or spoken


def within_clause(token: Token, top: Token, depth: int = 5) -> bool:
    """True when `token` hangs below `top` through at most `depth` non-verb links: a word of
    another clause belongs to another act."""
    current = token
    for _ in range(depth):
        if current.i == top.i:
            return True
        if current.pos_ in ("VERB", "AUX") and current.i != token.i:
            return False
        current = current.head
    return current.i == top.i


def negated(token: Token) -> bool:
    """'did not attack', 'never met', 'no talks', 'will no longer allow': the word is denied
    on its face."""
    return any(
        c.dep_ == "neg"
        or c.lower_ == "never"
        or (c.dep_ == "det" and c.lower_ == "no")
        or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))
        for c in token.children
    )


def auxiliaries(clause: Token) -> set[str]:
    """The auxiliaries of a clause, lower-cased: they carry tense, mood and voice."""
    return {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}


def scene_with(prep: Token) -> bool:
    """'..., with Erdogan at one point suggesting X': a 'with' after a comma that opens a
    participle clause sets a scene; it is no frame's preposition and names no partner."""
    doc = prep.doc
    if prep.lower_ != "with" or prep.i == 0 or doc[prep.i - 1].text != ",":
        return False
    for tok in doc[prep.i + 1 : prep.sent.end]:
        if tok.is_punct:
            return False
        if tok.tag_ == "VBG":
            return True
    return False


_ARTICLES = frozenset({"a", "an", "the"})


def article_gerund(token: Token) -> bool:
    """An "-ing" word the parser calls a verb but an article makes a noun, the object of a
    preposition ("killed in a drive-by shooting"): read as the noun it is, by the dates
    (`date.determined-gerund`) and by the places (`place.gerund-phrase`)."""
    return (
        token.tag_ == "VBG"
        and token.dep_ == "pobj"
        and any(c.dep_ == "det" and c.lower_ in _ARTICLES for c in token.children)
    )
