"""Reference inside an article: "he", "it", "they", "the country", "the two countries",
"the group" point back to actors named earlier; nothing is resolved without an antecedent."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from gestae.engine.mentions import DocActors, Mention, relocate
from gestae.resources.word_classes import words
from gestae.schema import Actor

# Pronouns that may refer back to the last person named in the article.
PERSON_PRONOUNS = words("person_pronouns")
# Nouns that point back to the last organization named ("the group", "the alliance").
GROUP_REFERENCES = words("group_references")
# Phrases that point back to the last two states named ("the two countries", "both sides").
PAIR_HEADS = words("pair_heads")
# Nouns that point back to the last state named ("the country").
STATE_REFERENCES = words("state_references")
# Pronouns that point back to several actors, or a group ("they").
PLURAL_PRONOUNS = words("plural_pronouns")
# Verbs whose subject "it" mostly refers to nothing ("it is", "it seems").
EMPTY_IT_VERBS = words("empty_it_verbs")
GROUP_KINDS = ("group", "organization")
# Determiners of a phrase that points back ("the country", "this minister").
POINTING_DETERMINERS = frozenset({"the", "this"})
# Words that make a pair head point to two states ("the two countries", "both sides").
PAIR_QUANTIFIERS = frozenset({"two", "both"})


def resolve_reference(token: Token, found: DocActors) -> Mention | None:
    """Within-article reference: "he" -> the last person; "the two countries" -> last two;
    "the country" -> the last state. Nothing when there is no earlier actor to point to."""
    lower, lemma = token.lower_, token.lemma_.lower()
    mods = {c.lower_ for c in token.children}
    states_seen = found.states_seen
    if (
        lemma in STATE_REFERENCES
        and token.tag_ == "NN"
        and mods
        and (mods <= POINTING_DETERMINERS)
        and states_seen
    ):
        last = states_seen[-1]
        state = Actor(
            text=last.text,
            start=last.start,
            end=last.end,
            country=last.country,
            kind="state",
            rule=last.rule,
        )
        return pointer(token, [state], f"the last state named ({last.country})")
    if (
        lower == "it"
        and token.dep_ in ("nsubj", "nsubjpass")
        and token.head.lemma_.lower() not in EMPTY_IT_VERBS
        and (found.bodies_seen or found.subjects_seen)
    ):
        # "Britain said it will not lift the ban": the last state or body, preferring one
        # that was a subject; "the union said it would strike": a group subject, even one
        # whose country the text does not give.
        bodies = [
            a
            for a in found.subjects_seen
            if a.kind != "person" and (a.country or a.kind in GROUP_KINDS)
        ]
        if not (bodies or found.bodies_seen):
            return None
        last = (bodies or found.bodies_seen)[-1]
        return pointer(token, [last], last.name or last.text, whole_phrase=False)
    if lower in PLURAL_PRONOUNS and token.pos_ == "PRON":
        # "they": the last mention naming several actors, or a group or organization.
        plural = [
            m
            for m in reversed(found.mentions)
            if (len(m.actors) > 1 or (m.actors and m.actors[0].kind in GROUP_KINDS))
            and m.head < token.i
            and not m.media
        ]
        if plural:
            earlier = plural[0]
            return pointer(token, earlier.actors, earlier.actors[0].text, whole_phrase=False)
    if lower in PERSON_PRONOUNS and token.pos_ == "PRON":
        # The last subject that fits is the likeliest antecedent, else the last mention.
        subjects = [a for a in found.subjects_seen if a.kind == "person"]
        people = subjects or found.persons_seen
        if people:
            last = people[-1]
            return pointer(token, [last], last.name or last.text, whole_phrase=False)
    if lemma in GROUP_REFERENCES and definite_bare(token) and found.orgs_seen:
        last = found.orgs_seen[-1]
        return pointer(token, [last], last.name or last.text)
    pair_head = lemma in PAIR_HEADS or lower in PAIR_HEADS
    if pair_head and mods & PAIR_QUANTIFIERS and len(states_seen) >= 2:
        return pointer(token, states_seen[-2:], "the last two states named")
    return None


def pointer(
    token: Token, earlier: Sequence[Actor], what: str, whole_phrase: bool = True
) -> Mention:
    """A mention that points back to earlier actors ("the country", "he", "they")."""
    start = min([token.i, *(c.i for c in token.lefts)]) if whole_phrase else token.i
    span = token.doc[start : token.i + 1]
    rule = f"'{span.text}' refers to {what}"
    sentence_start = token.sent.start_char
    # A pronoun whose antecedent sits in the same sentence ("Lebanon says it will ...") is
    # shown by the antecedent's own words; one pointing further back keeps the pronoun.
    actors = [
        relocate(a, a.text, a.start, a.end, rule)
        if token.pos_ == "PRON" and sentence_start <= a.start < span.start_char
        else relocate(a, span.text, span.start_char, span.end_char, rule)
        for a in earlier
    ]
    return Mention(start, token.i + 1, token.i, actors, rule, reference=True)


def definite_bare(head: Token) -> bool:
    """'the minister', 'the prime minister', 'the former president': a pointer back, not a
    new actor; any country or name in front makes it a new one."""
    lefts = [t for t in head.lefts if t.dep_ != "punct"]
    if not lefts or lefts[0].lower_ not in POINTING_DETERMINERS:
        return False
    return all(t.pos_ in ("ADJ", "NOUN") and t.ent_type_ == "" for t in lefts[1:])


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


def define_acronyms(doc: Doc, found: DocActors) -> None:
    """An acronym defined in brackets names the same actor for the rest of the article:
    "the Syrian Arab Army (SAA) ... the SAA" (Example: "Tiger Forces (TF) attacked ...; later
    the TF withdrew" codes the TF as Tiger Forces). Only a resolved actor with a country is
    carried, and only where the later acronym resolves to nothing better."""
    defined: dict[str, tuple[int, Actor]] = {}
    for mention in list(found.mentions):
        if len(mention.actors) != 1 or not mention.actors[0].country:
            continue
        acronym = _defined_acronym(doc, mention)
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
        actor = relocate(entry[1], span.text, span.start_char, span.end_char, rule)
        mention = Mention(start, end, token.i, [actor], rule, reference=True)
        if current is not None:
            found.mentions.remove(current)
        found.add(mention)
