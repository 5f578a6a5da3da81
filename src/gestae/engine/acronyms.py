"""Acronyms an article defines: "the Syrian Arab Army (SAA) ... the SAA" names the same actor
for the rest of the article, as the initials of a listed body named in full do
(actor.initials-of-named). Split out of references.py, whose pointers ("he", "the group") are
another job."""

from __future__ import annotations

from spacy.tokens import Doc

from gestae.engine.mentions import DocActors, Mention, relocate
from gestae.schema import Actor


def _defined_acronym(doc: Doc, mention: Mention) -> str | None:
    """ "the National Defense Forces (NDF)": the capitals in brackets right after a name, when
    they are initials of the name's words, in order (a translation in brackets is none)."""
    end = mention.end
    if end > 0 and doc[end - 1].text == "(":
        end -= 1  # the parse put the bracket inside the phrase
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    acronym = doc[end + 1].text
    letters = [ch for ch in acronym if ch.isalpha()]
    if not 2 <= len(letters) <= 6 or not all(ch.isupper() for ch in letters):
        return None
    initials = iter(t.text[0] for t in doc[mention.start : end] if t.text[:1].isupper())
    return acronym if all(letter in initials for letter in letters) else None


def _initials_of(text: str) -> str:
    return "".join(w[0] for w in text.split() if w[:1].isupper())


def _initials(doc: Doc, mention: Mention) -> str | None:
    """ "the National Congress Party ... the NCP": a listed body named in full stands for the
    initials of its capitalised words later in the article, brackets or not (rule
    actor.initials-of-named; the dictionary leaves out acronyms many bodies share, such as
    NCP, APC or PDP, which the full name settles). Three letters at least, all of them."""
    actor = mention.actors[0]
    if actor.kind not in ("organization", "group") or not actor.name or mention.reference:
        return None
    words = [t.text for t in doc[mention.start : mention.end] if t.is_alpha]
    capitals = [w[0] for w in words if w[0].isupper()]
    if len(capitals) < 3 or any(not w[0].isupper() for w in words[1:] if len(w) > 3):
        return None  # "the Party for Freedom and Progress": initials of a name, skip "for"
    return "".join(capitals)


def define_acronyms(doc: Doc, found: DocActors) -> None:
    """An acronym defined in brackets names the same actor for the rest of the article:
    "the Syrian Arab Army (SAA) ... the SAA" (Example: "Tiger Forces (TF) attacked ...; later
    the TF withdrew" codes the TF as Tiger Forces). Only a resolved actor with a country is
    carried, and only where the later acronym resolves to nothing better."""
    defined: dict[str, tuple[int, Actor]] = {}
    for mention in list(found.mentions):
        if len(mention.actors) != 1 or not mention.actors[0].country:
            continue
        acronym = _defined_acronym(doc, mention) or _initials(doc, mention)
        if acronym is not None and acronym not in defined:
            defined[acronym] = (mention.end, mention.actors[0])
    if not defined:
        return
    for token in doc:
        entry = defined.get(token.text)
        if entry is None or token.i < entry[0]:
            continue
        current = found.by_token.get(token.i)
        if current is not None and any(a.country for a in current.actors):
            continue
        start, end = (current.start, current.end) if current is not None else (token.i, token.i + 1)
        span = doc[start:end]
        rule = f"'{token.text}' was defined as {entry[1].text} earlier in the article"
        if entry[1].name and token.text == _initials_of(entry[1].text):
            rule = f"actor.initials-of-named: {rule}"
        actor = relocate(entry[1], span.text, span.start_char, span.end_char, rule)
        mention = Mention(start, end, token.i, [actor], rule, reference=True)
        if current is not None:
            found.mentions.remove(current)
        found.add(mention)
