"""Which listed body a title or agent noun belongs to: the one named after it ("fighters of
Islamic State", "a spokesman for the Taliban") or the one that appointed it ("a United
Nations-appointed special rapporteur"). Split from sector_mentions.py, which uses both.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from gestae.engine.mentions import DocActors, MatchAt, choose_entry, dictionary_token
from gestae.engine.rules import declare
from gestae.resources.actor_dictionary import ActorDictionary, ActorEntry
from gestae.resources.word_classes import words

# Prepositions that make a sector noun a member of a body ("fighters of Islamic State", "a
# spokesman for the Taliban", "negotiators from the FARC").
MEMBERSHIP_PREPS = ("of", "for", "from")
# Participles that make an official the appointer's ("a UN-appointed envoy").
APPOINTING_VERBS = words("appointing_verbs")
# How a rule says an official serves the body that appointed them.
APPOINTED_RULE = "actor.appointed-by: serves the body named before the participle"
ARMED_POSSESSOR_RULE = (
    "actor.armed-possessor: a sector noun owned by a listed armed group is the group's"
)
# A state's offices named for a field: "the Ministry of Labour", "the Minister of Labour" name
# a field of government, never the party the field's word also names.
STATE_OFFICES = frozenset({"ministry", "minister", "department", "secretary"})
# Titles of people who come from elsewhere ("envoy", "ambassador").
VISITING_TITLES = words("visiting_titles")


def group_of(
    dictionary: ActorDictionary,
    head: Token,
    match_at: MatchAt,
    found: DocActors,
    published: date | None,
) -> ActorEntry | None:
    """The listed body a sector noun belongs to through a preposition: "fighters of
    Islamic State", "a spokesman for the Taliban", "the chairman of the African Union
    Commission" take the body's identity, as "Hamas militants" does. Only a body named
    by the object itself counts, not one inside its modifiers ("the police of Hamas-run
    Gaza" are not Hamas)."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in MEMBERSHIP_PREPS:
            continue
        for obj in prep.children:
            named = dictionary_token(obj, match_at) if obj.dep_ == "pobj" else None
            if named is None:
                continue
            entry = choose_entry(match_at[named.i][1], found)
            if entry.sector == "PTY" and head.lemma_.lower() in STATE_OFFICES:
                continue  # "the Ministry of Labour": a field, not the Labour Party
            if entry.kind in ("organization", "group") and entry.role != "media":
                return dictionary.as_of(entry, published)
    return None


def armed_possessor(
    dictionary: ActorDictionary,
    head: Token,
    match_at: MatchAt,
    found: DocActors,
    published: date | None,
) -> ActorEntry | None:
    """'the Islamic State group's senior leaders', 'al-Shabab's spokesman': a sector noun
    owned by a listed rebel or unidentified armed group is that group's, not a state's
    (rule actor.armed-possessor); other possessors keep their own rules."""
    for poss in head.children:
        named = dictionary_token(poss, match_at) if poss.dep_ == "poss" else None
        if named is None:
            continue
        entry = dictionary.as_of(choose_entry(match_at[named.i][1], found), published)
        if entry.kind in ("organization", "group") and entry.sector in ("REB", "UAF"):
            return entry
    return None


# Plural offices a listed body's possessive owns as its own ("the EU's foreign ministers",
# "the bloc's envoys"); "the EU's member states" are states, not the body.
BODY_OFFICERS = words("body_officer_nouns")
BODY_OFFICERS_RULE = "actor.body-officers"


def office_possessor(
    dictionary: ActorDictionary,
    head: Token,
    match_at: MatchAt,
    found: DocActors,
    published: date | None,
    bits: list[str],
) -> ActorEntry | None:
    """The listed body owning a singular office noun (body_possessor), or a plural one of
    body_officer_nouns (rule actor.body-officers: "the bloc's foreign ministers" after the
    EU are the EU's, not of the city where they meet)."""
    plural = head.tag_ == "NNS" and head.lemma_.lower() in BODY_OFFICERS
    if head.tag_ != "NN" and not plural:
        return None
    org = body_possessor(dictionary, head, match_at, found, published)
    if org is not None and plural:
        bits.append(f"{BODY_OFFICERS_RULE}: officers of the body that owns them")
    return org


declare(
    BODY_OFFICERS_RULE,
    """'the EU's foreign ministers', 'the bloc's envoys', 'NATO's defence ministers': plural
    officers (word class body_officer_nouns) owned by a listed body, by name or by a word
    pointing to it ("the bloc"), are that body's, as one officer is (actor.office-of-body),
    not of the article's context or of the city they meet in. "The EU's member states" are
    no officers and stay states.

    Example: The EU imposed sanctions on Iran. The bloc's foreign ministers will meet in March.
    """,
    __name__,
)


def body_possessor(
    dictionary: ActorDictionary,
    head: Token,
    match_at: MatchAt,
    found: DocActors,
    published: date | None,
) -> ActorEntry | None:
    """'UNICEF's executive director', 'Amnesty's spokeswoman', 'the court's president' after
    the ICJ: the listed body (not a media outlet) owning an office noun, named or pointed to,
    is the body the holder serves (rule actor.office-of-body); a state owner keeps the title
    rules ("France's foreign minister")."""
    for poss in head.children:
        if poss.dep_ != "poss":
            continue
        named = dictionary_token(poss, match_at)
        if named is not None:
            entries = match_at[named.i][1]
        else:
            # "the court's president" after "the International Court of Justice": the body
            # a pointer names.
            mention = found.by_token.get(poss.i)
            body = mention.actors[0] if mention and len(mention.actors) == 1 else None
            listed = body is not None and body.kind == "organization" and body.name
            entries = dictionary.lookup(body.name) if listed and body and body.name else []
        if not entries:
            continue
        entry = dictionary.as_of(choose_entry(entries, found), published)
        if entry.kind in ("organization", "group") and entry.role != "media" and entry.country:
            return entry
    return None


def appointer(
    dictionary: ActorDictionary,
    head: Token,
    match_at: MatchAt,
    found: DocActors,
    published: date | None,
) -> ActorEntry | None:
    """'United Nations-appointed special rapporteur X', 'the Taliban-appointed governor':
    the body or state named before an appointing participle is the one the official
    serves, whatever country the article is about (rule actor.appointed-by)."""
    holders = [head, *(t for t in head.lefts if t.dep_ == "compound")]
    for word in holders:
        for part in word.lefts:
            if part.dep_ != "amod":
                continue
            before, _, verb = part.lower_.rpartition("-")
            if before and _appointing(verb):  # one token: "U.N.-appointed"
                entries = dictionary.lookup(part.text[: len(before)])
                entry = choose_entry(entries, found) if entries else None
            elif part.lemma_.lower() in APPOINTING_VERBS:
                # "United Nations-appointed": the name under the participle, or the words
                # just before the hyphen when the parser left them as its siblings.
                doc = part.doc
                near = list(part.lefts)
                if part.i > 1 and doc[part.i - 1].text == "-":
                    near.append(doc[part.i - 2])
                bys = [t for t in near if t.i in match_at and t.i < part.i]
                entry = choose_entry(match_at[bys[0].i][1], found) if bys else None
            else:
                continue
            if entry and entry.country and entry.kind in ("organization", "group", "state"):
                return dictionary.as_of(entry, published)
    return None


def _appointing(word: str) -> bool:
    """'appointed', 'mandated': a past participle of an appointing verb."""
    return word.endswith("ed") and (word[:-1] in APPOINTING_VERBS or word[:-2] in APPOINTING_VERBS)


# Bodies that receive envoys of states: "China's U.N. ambassador" serves China, not the U.N.
RECEIVING_BODIES = frozenset({"UNO", "EUR", "IGO"})
# How a rule says an envoy named with a state and an international body is the state's.
ENVOY_RULE = "actor.envoy-of-state: the state sends the envoy, the body receives it"


def sent_by_state(head: Token, span: Span, org: ActorEntry, match_at: MatchAt) -> bool:
    """'China's U.N. ambassador', 'the U.S. envoy to NATO': an envoy named after a state
    and then an international body is the state's (rule actor.envoy-of-state); "the EU
    ambassador to China" stays the EU's, the body coming first."""
    if org.country not in RECEIVING_BODIES:
        return False
    titles = [t for t in span if t.lemma_.lower() in VISITING_TITLES]
    if not titles:
        return False
    owners = [c for c in titles[0].children if c.dep_ == "poss"]
    words = sorted({*span, *(t for c in owners for t in c.subtree)}, key=lambda t: t.i)
    first_state = first_org = None
    for token in words:
        entries = match_at[token.i][1] if token.i in match_at else []
        state = any(e.country and e.role in ("country_name", "demonym") for e in entries)
        if first_state is None and state:
            first_state = token.i
        if first_org is None and any(e is org for e in entries):
            first_org = token.i
    return first_state is not None and first_org is not None and first_state < first_org
