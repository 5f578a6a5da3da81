"""Acronyms an article defines: "the Syrian Arab Army (SAA) ... the SAA" names the same actor
for the rest of the article, as the initials of a listed body named in full do
(actor.initials-of-named). Split out of references.py, whose pointers ("he", "the group") are
another job."""

from __future__ import annotations

from spacy.tokens import Doc

from gestae.engine.mentions import DocActors, Mention, relocate
from gestae.engine.rules import rule
from gestae.schema import Actor


def _bracket_after(doc: Doc, mention: Mention) -> int | None:
    """Where a bracket holding one word opens right after a mention ("the National Defense
    Forces (NDF)"), or None; the parse may have put the opening bracket inside the phrase."""
    end = mention.end
    if end > 0 and doc[end - 1].text == "(":
        end -= 1
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    return end


def _defined_acronym(doc: Doc, mention: Mention) -> str | None:
    """ "the National Defense Forces (NDF)": the capitals in brackets right after a name, when
    they are initials of the name's words, in order (a translation in brackets is none)."""
    end = _bracket_after(doc, mention)
    if end is None:
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


LISTED_ACRONYM_RULE = "actor.bracketed-listed-acronym"


@rule(LISTED_ACRONYM_RULE)
def bracketed_listed(doc: Doc, found: DocActors) -> None:
    """A capitalised name no dictionary lists, read by its last word ("Army" -> MIL), with a
    listed body's acronym in brackets right after it, is that body: "The National Liberation
    Army (ELN)" is the Colombian rebel group, not an army. Only a resolved acronym with a name
    and a country replaces a guess that has no name of its own.

    Example: The National Liberation Army (ELN) freed six Colombian soldiers on Tuesday.
    """
    for mention in list(found.mentions):
        if len(mention.actors) != 1 or mention.actors[0].name or mention.reference:
            continue
        end = _bracket_after(doc, mention)
        if end is None:
            continue
        listed = found.by_token.get(end + 1)
        if listed is None or listed is mention or len(listed.actors) != 1:
            continue
        body = listed.actors[0]
        if not body.name or not body.country or body.kind not in ("organization", "group"):
            continue
        words = [t for t in doc[mention.start : end] if t.is_alpha and len(t.text) > 3]
        if len(words) < 2 or not all(t.text[:1].isupper() for t in words):
            continue  # "the army (ELN)" is no name
        span = doc[mention.start : end]
        what = f"'{span.text}' is {body.name} ({doc[end + 1].text})"
        rule = f"{LISTED_ACRONYM_RULE}: {what}"
        actor = relocate(body, span.text, span.start_char, span.end_char, rule)
        found.mentions.remove(mention)
        found.add(Mention(mention.start, mention.end, mention.head, [actor], rule))
