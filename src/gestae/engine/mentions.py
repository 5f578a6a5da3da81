"""Actor mentions: the noun phrases of a parsed article that name actors, and what the
article has named so far.

A mention is read off the dependency parse: a head noun with its modifiers, names joined
through compounds, coordinated modifiers ("Armenian and Azerbaijani troops") and appositions
("the then president, Goodluck Jonathan"). The resolver (`gestae.engine.actors`) decides what
each phrase names; the helpers here only walk the tree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from gestae.engine.rules import declare
from gestae.engine.sea_words import FLAG_WORDS
from gestae.resources.actor_dictionary import ActorEntry
from gestae.resources.word_classes import words
from gestae.schema import Actor, ActorKind

# Dependency labels that keep a token inside the noun phrase of its head.
NP_MODIFIERS = frozenset({"compound", "amod", "det", "nmod", "nummod", "flat", "quantmod"})
# Where the dictionary matched: each token of a match to the span and its entries.
MatchAt = dict[int, tuple[Span, list[ActorEntry]]]
# Nouns of an apposition that make a named person one of a body ("X, a member of the upper
# house", "X, UNICEF's executive director"): the member nouns and a few office nouns.
MEMBER_APPOSITIONS = words("member_nouns") | words("office_nouns")
MEMBER_APPOSITION_RULE = "actor.member-apposition"
HEADS_BODY_RULE = "actor.heads-body"
HEADING_VERBS = words("heading_verbs")
LOCAL_HIRES = words("local_hire_modifiers")
LOCAL_STAFF = words("local_staff_nouns")
LOCAL_STAFF_RULE = "actor.local-staff"
declare(
    LOCAL_STAFF_RULE,
    """'X, a local U.S. embassy employee', 'local staff of the Dutch consulate': a mission's
    or a firm's local employees are hired where it works, so the body's country is not theirs
    (actor.member-apposition is not applied); no country is better than the wrong one. Only
    employees (word class local_staff_nouns): "local officials" are of the place.

    Example: A Russian court jailed Oleg Sidorov, a local employee of the French embassy.
    """,
    __name__,
)
declare(
    HEADS_BODY_RULE,
    """'Ana Ruiz, who heads Peru's Rural Rights Foundation, said ...': a named person of no
    known country whom a relative clause makes the head of a body with a country (heads,
    leads, chairs, runs, founded) is of that body's country and sector, as "Ana Ruiz, the head
    of ..." is; a body of no country, or a state ("who leads Peru"), tells nothing.

    Example: Ana Ruiz, who heads Peru's Rural Rights Foundation, criticized Chile on Monday.
    """,
    __name__,
)
# A named person's nationality the article tells (engine/nationality.py).
TOLD_NATIONALITY = "actor.told-nationality"
# A body the dictionary lacks that a state's name owns ("Senegal's Constitutional Council").
OWNED_BODY = "actor.owned-body"
# A named person the dictionary lacks, described by a side ("opposition activist X").
DESCRIBED_PERSON = "actor.described-person"
# Prepositions that tie such a noun to its body ("a member of", "a spokesman for", "director at").
MEMBER_APPOSITION_PREPS = ("of", "for", "from", "at")
# A country the title names leads the article when its mentions outnumber the next country's
# by this ratio (3 to 2), short of the two to one that needs no title (rule actor.headline-lead).
HEADLINE_LEAD = (3, 2)
HEADLINE_RULE = "actor.headline-lead: the title names the country that leads the article"
# How a rule says an actor comes from elsewhere: neither the article's country nor the event
# place's (records.fallbacks.place_country leaves it alone). A pronoun or "the embassy" that
# points back to such an actor keeps the mark (engine/pointers.py).
FROM_ELSEWHERE = "from elsewhere, no country from the place or the article"


def span_actor(
    span: Span,
    kind: ActorKind,
    rule: str,
    country: str | None = None,
    sector: str | None = None,
    name: str | None = None,
) -> Actor:
    """An actor standing on the words of `span`, its offsets those of the span."""
    return Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        kind=kind,
        country=country,
        sector=sector,
        name=name,
        rule=rule,
    )


@dataclass
class Mention:
    """A noun phrase that names one or more actors (several for "ministers from A, B and C")."""

    start: int
    end: int
    head: int
    actors: list[Actor]
    rule: str
    media: bool = False
    # Resolved by pointing back ("he", "the two countries"), not by naming.
    reference: bool = False
    # The listed body a member belongs to ("Hamas" of "Hamas leader Ismail Haniyeh"), which a
    # later "the group" may point back to.
    body: Actor | None = None

    @property
    def resolved(self) -> bool:
        return bool(self.actors)


@dataclass
class DocActors:
    """All mentions of one parsed article, indexed by token for the events stage."""

    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    country_counts: Counter[str] = field(default_factory=Counter)
    # States named by words that head no actor phrase ("British" in "British waters").
    loose: list[tuple[int, Actor]] = field(default_factory=list)
    # States named after "anti-" ("anti-French protesters"): whom a group opposes.
    opposed: dict[int, Actor] = field(default_factory=dict)
    # Actors in reading order, for "he", "the minister", "the country", "the two countries".
    persons_seen: list[Actor] = field(default_factory=list)
    states_seen: list[Actor] = field(default_factory=list)
    orgs_seen: list[Actor] = field(default_factory=list)
    # States and organizations in reading order, for "it".
    bodies_seen: list[Actor] = field(default_factory=list)
    # Actors that were the subject of their clause: "he"/"it" prefer these.
    subjects_seen: list[Actor] = field(default_factory=list)
    # Actors named by a plural noun ("separatists"), which "it" does not point to.
    plural_ids: set[int] = field(default_factory=set)
    # The states the article's title names (ActorResolver.title_countries).
    headline: frozenset[str] = frozenset()

    def dominant_country(self) -> str | None:
        """The country an article is about, when one clearly leads the mentions."""
        ranked = self.country_counts.most_common(2)
        if not ranked:
            return None
        if len(ranked) == 1:
            return ranked[0][0]  # the only country the article names
        if ranked[0][1] < 2:
            return None
        if len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return ranked[0][0]

    def headline_country(self) -> str | None:
        """The country an article is about by its title (rule actor.headline-lead), where no
        country leads two to one: "Kenya's Plan to Close Two Camps Worries Refugees" over 25
        mentions of Kenya and 14 of Somalia is a Kenyan story. The title must name the first
        country and not the second, and the lead be at least 3 to 2. Only a state's own
        institutions take it (sector_mentions): the story's rebels or troops may be foreign."""
        ranked = self.country_counts.most_common(2)
        if len(ranked) < 2 or ranked[0][1] < 2:
            return None
        (first, many), (second, fewer) = ranked
        more, less = HEADLINE_LEAD
        if many * less < fewer * more or many >= 2 * fewer:
            return None
        if first not in self.headline or second in self.headline:
            return None
        return first

    def note(self, mention: Mention, head: Token) -> None:
        is_subject = head.dep_ in ("nsubj", "nsubjpass")
        plural = head.tag_ in ("NNS", "NNPS") and not mention.reference
        for actor in mention.actors:
            if plural:
                self.plural_ids.add(id(actor))
            if is_subject:
                self.subjects_seen.append(actor)
            if actor.kind == "person":
                self.persons_seen.append(actor)
            named = bool(actor.name) and not str(actor.name).islower()  # not "foreign"
            if actor.kind in ("organization", "group") and named and not mention.reference:
                self.orgs_seen.append(actor)
            elif mention.body is not None and actor.kind == "person":
                self.orgs_seen.append(mention.body)
            if actor.country and actor.kind != "person":
                self.bodies_seen.append(actor)
            seen = self.states_seen
            if actor.country and actor.kind in ("state", "person"):
                # A state named again stays one entry, at its latest mention: "the
                # government" after "Pakistan" in its sentence is Pakistan's.
                if seen and seen[-1].country == actor.country:
                    seen.pop()
                seen.append(actor)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.by_token[i] = mention

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def opposed_states(self, sent: Span) -> list[Actor]:
        return [a for i, a in sorted(self.opposed.items()) if sent.start <= i < sent.end]

    def adjective_states(self, sent: Span) -> list[Actor]:
        return [a for i, a in self.loose if sent.start <= i < sent.end]

    def countries(self) -> list[str]:
        """Countries named in the article, most mentioned first (a hint for places)."""
        return [c for c, _ in self.country_counts.most_common()]


def actor_kind(value: str) -> ActorKind:
    """Narrow a dictionary's kind string to the contract's four kinds."""
    if value == "state":
        return "state"
    if value == "person":
        return "person"
    if value == "organization":
        return "organization"
    return "group"


def entry_actor(span: Span, entry: ActorEntry) -> Actor:
    """The actor a dictionary entry names, on the words that named it."""
    return Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        country=entry.country,
        sector=entry.sector,
        name=entry.name,
        kind=actor_kind(entry.kind),
        wikidata=entry.wikidata,
        rule=f"organization {entry.name} ({entry.source})",
    )


def state_actor(span: Span, entry: ActorEntry, rule: str) -> Actor:
    """The state a dictionary entry names, on the words that named it (no sector)."""
    return replace(entry_actor(span, entry), sector=None, kind="state", rule=rule)


def choose_entry(entries: list[ActorEntry], found: DocActors) -> ActorEntry:
    """Pick among entries sharing a surface form, preferring countries named in the article."""
    if len(entries) == 1:
        return entries[0]
    ranked = sorted(
        entries,
        key=lambda e: (-(found.country_counts.get(e.country or "", 0)), entries.index(e)),
    )
    return ranked[0]


def widen_appositions(doc: Doc, found: DocActors) -> None:
    """'The then president, Goodluck Jonathan, rejected ...': the evidence of an actor
    covers the apposition that names or describes the same person; an apposition naming
    someone of another country (a list of states) is left alone."""
    for mention in list(found.mentions):
        if not mention.actors or len(mention.actors) != 1 or mention.reference:
            continue
        head = doc[mention.head]
        appos = [c for c in head.children if c.dep_ == "appos" and c.i >= mention.end]
        if not appos:
            _head_of_body(head, mention, found)
            continue
        other = found.by_token.get(appos[0].i)
        if other is None:
            _member_apposition(appos[0], mention, found)
            continue
        if not other.actors or other is mention:
            continue
        if mention not in found.mentions or other not in found.mentions:
            continue  # already merged into a wider mention
        mine, theirs = mention.actors[0], other.actors[0]
        described = _describes_named(head, mine, theirs)
        if not described and mine.kind != "person" and theirs.kind != "person":
            continue
        if not described and mine.country and theirs.country and mine.country != theirs.country:
            continue
        end = other.end if described else apposition_end(appos[0])
        span = doc[mention.start : end]
        keep_mine = not described and (mine.country or not theirs.country)
        base = mine if keep_mine else theirs
        widened = relocate(base, span.text, span.start_char, span.end_char, base.rule)
        # "Uganda's Bobi Wine, an opposition MP": the told person takes the apposition's sector.
        told = keep_mine and TOLD_NATIONALITY in mine.rule and not mine.sector
        if told and theirs.sector and theirs.country in (None, mine.country):
            widened = replace(widened, sector=theirs.sector)
        member = _as_member(appos[0], mine, theirs)  # "X, UNICEF's executive director"
        if member is not None:
            widened = relocate(member, span.text, span.start_char, span.end_char, member.rule)
        other_side = theirs if keep_mine else mine
        if widened.kind == "person" and not widened.name and other_side.kind == "person":
            # "Sali Berisha, Albania's former prime minister": the title gives the country,
            # the name stays for later "Berisha" (references.link_people).
            widened = replace(widened, name=other_side.name)
        found.mentions.remove(mention)
        found.mentions.remove(other)
        combined = Mention(mention.start, end, mention.head, [widened], widened.rule)
        found.add(combined)
        for i in range(other.start, other.end):
            found.by_token[i] = combined


# Clauses on an apposition ("X, a former official who negotiated with Iran"): what they name
# is another party, not the person, so the widened evidence stops before them.
APPOSITION_CLAUSES = frozenset({"relcl", "acl"})


def apposition_end(noun: Token) -> int:
    """Where the words of an apposition end: its phrase without a clause hanging after its
    head, whose words (the party negotiated with) must stay free for the act's target."""
    starts = [
        min(t.i for t in c.subtree)
        for c in noun.children
        if c.dep_ in APPOSITION_CLAUSES and c.i > noun.i
    ]
    stop = min(starts, default=None)
    kept = [t.i for t in noun.subtree if stop is None or t.i < stop]
    while len(kept) > 1 and noun.doc[kept[-1]].is_punct:
        kept.pop()
    return kept[-1] + 1


def _member_apposition(noun: Token, mention: Mention, found: DocActors) -> None:
    """ "Ilyas Hassan, a member of the upper house, urged ...": a named person of no known
    country described in apposition as a member or officer of a body named by possessor or
    "of/for/from/at" takes the body's country and sector and keeps the name, so later "Hassan"
    and "he" carry them too (rule actor.member-apposition). Only a body with a country; a
    state is not a body ("X, a member of Kenya" says nothing)."""
    person = mention.actors[0]
    bodies = [c for c in noun.children if c.dep_ == "poss"]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in MEMBER_APPOSITION_PREPS:
            bodies.extend(c for c in prep.children if c.dep_ == "pobj")
    for body in bodies:
        named = found.by_token.get(body.i)
        if named is None or named.media or named.reference or len(named.actors) != 1:
            continue
        member = _as_member(noun, person, named.actors[0])
        if member is not None:
            mention.actors[0] = member
            return


def _head_of_body(head: Token, mention: Mention, found: DocActors) -> None:
    """ "Ana Ruiz, who heads Peru's Rural Rights Foundation, said ...": a named person of no
    known country whose relative clause says they head, lead, chair or run a body with a
    country takes the body's country and sector, as a member described in apposition does
    (rule actor.heads-body; word class heading_verbs)."""
    person = mention.actors[0]
    if person.kind != "person" or person.country or not person.name:
        return
    for clause in head.children:
        who = [c for c in clause.children if c.dep_ == "nsubj" and c.lower_ == "who"]
        if clause.dep_ != "relcl" or not who or clause.lemma_.lower() not in HEADING_VERBS:
            continue
        for obj in (c for c in clause.children if c.dep_ == "dobj"):
            named = found.by_token.get(obj.i)
            if named is None or named.media or named.reference or len(named.actors) != 1:
                continue
            body = named.actors[0]
            if body.kind in ("organization", "group") and body.country:
                rule = f"{HEADS_BODY_RULE}: {person.name}, of {body.text} ({body.country})"
                mention.actors[0] = replace(
                    person, country=body.country, sector=body.sector, rule=f"{person.rule}; {rule}"
                )
                return


def _as_member(noun: Token, person: Actor, body: Actor) -> Actor | None:
    """The named person of no country as a member or officer of a body with a country
    (rule actor.member-apposition), when the apposition's head is a member or office noun."""
    if person.kind != "person" or person.country or not person.name:
        return None
    if noun.lemma_.lower() not in MEMBER_APPOSITIONS or noun.tag_ != "NN":
        return None
    if locally_hired(noun):
        why = f"{LOCAL_STAFF_RULE}: {person.name}, local staff, not the body's country"
        return replace(person, rule=f"{person.rule}; {why}")
    if body.kind not in ("organization", "group") or not body.country:
        return None
    rule = f"{MEMBER_APPOSITION_RULE}: {person.name}, of {body.text} ({body.country})"
    return replace(person, country=body.country, sector=body.sector, rule=f"{person.rule}; {rule}")


def locally_hired(noun: Token, bits: list[str] | None = None) -> bool:
    """'a local employee of X', 'local U.K. embassy staff' (actor.local-staff): the words
    name a body ('of'/'for'/'at' or a modifier before); bare "local workers" are the place's."""
    if noun.lemma_.lower() not in LOCAL_STAFF and noun.lower_ not in LOCAL_STAFF:
        return False  # "local officials", "a local Hamas commander": of the place or body
    before = [c for c in noun.children if c.dep_ in ("amod", "advmod", "compound", "nmod")]
    body = any(c.lower_ in ("of", "for", "at") for c in noun.children if c.dep_ == "prep")
    local = any(t.lower_ in LOCAL_HIRES for c in before if c.i < noun.i for t in c.subtree)
    local = local and (body or any(c.dep_ in ("compound", "nmod") for c in before))
    if local and bits is not None:
        bits.append(f"{LOCAL_STAFF_RULE}: local staff, not the body's country")
    return local


def _describes_named(head: Token, mine: Actor, theirs: Actor) -> bool:
    """'the rebel group Hamas', 'the militant group al-Shabab': a common noun that only
    describes the listed organisation after it; the name decides the actor, since the
    noun's country was at best a guess from the context."""
    return (
        head.pos_ == "NOUN"
        and mine.kind != "person"  # "the chairman of X, Moussa Faki": a person, not X
        and mine.name is None
        and theirs.name is not None
        and theirs.kind != "person"
    )


def merge_titles_with_names(doc: Doc, found: DocActors) -> None:
    """Join "Prime Minister" and a person named right after it when the parse split them."""
    for mention in list(found.mentions):
        nxt = found.by_token.get(mention.end)
        if nxt is None or nxt is mention or not mention.actors or not nxt.actors:
            continue
        if mention not in found.mentions or nxt not in found.mentions:
            continue  # already joined to the title before it ("the leader, a spokesman X")
        title_actor, person = mention.actors[0], nxt.actors[0]
        if person.kind != "person" or title_actor.kind != "person" or title_actor.name:
            continue
        span = doc[mention.start : nxt.end]
        if person.country:
            merged = relocate(person, span.text, span.start_char, span.end_char, person.rule)
        else:
            merged = Actor(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                country=title_actor.country,
                sector=title_actor.sector,
                name=person.name,
                kind="person",
                rule=f"{title_actor.rule}; name {person.name}",
            )
        combined = Mention(mention.start, nxt.end, nxt.head, [merged], merged.rule)
        found.mentions.remove(mention)
        found.mentions.remove(nxt)
        found.add(combined)


def in_clause(token: Token, top: Token) -> bool:
    """True when `token` sits in a clause hanging below `top` (relative clause, participle)."""
    current = token
    while current.i != top.i:
        if current.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp") or current.pos_ == "VERB":
            return True
        current = current.head
    return False


def compound_text(token: Token) -> str:
    """A name with the compound words in front of it ("New Delhi"), for the gazetteer; a
    lower-case word in front of the name's first capital ("neighbouring Estonia", tagged a
    compound at times) is no part of it."""
    words = [c.i for c in token.lefts if c.dep_ == "compound"]
    start = min([token.i] + [i for i in words if not token.doc[i].text.islower()])
    return token.doc[start : token.i + 1].text


def place_name(token: Token) -> str:
    """The whole name of a place whose name runs on through "of" ("the Gulf of Oman", "the Bay
    of Bengal"): its head word alone is another place (Gulf Province in Papua New Guinea)."""
    name = compound_text(token)
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if obj is not None and obj.pos_ == "PROPN" and token.text[:1].isupper():
        return f"{name} of {compound_text(obj)}"
    return name


def is_np_head(token: Token) -> bool:
    """True for the word a noun phrase hangs on; modifiers and name parts are read with it."""
    if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ") or token.dep_ == "punct":
        return False  # the hyphen of "al-Sisi" is tagged PROPN at times
    if token.pos_ == "ADJ" and token.dep_ not in ("pobj", "nsubj", "dobj", "nsubjpass", "conj"):
        return False
    if token.dep_ == "conj" and token.head.dep_ in NP_MODIFIERS:
        return False  # "Azerbaijani" in "Armenian and Azerbaijani troops" modifies "troops"
    return token.dep_ not in ("compound", "flat") or token.head.pos_ not in ("NOUN", "PROPN")


def np_tokens(head: Token) -> list[Token]:
    """The words of the noun phrase under `head`, in text order."""
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            # Coordinated modifiers stay inside: "Armenian and Azerbaijani troops".
            coordinated = tok.i != head.i and child.dep_ in ("conj", "cc")
            # "stone-throwing youths": what a hyphen joins to an -ing word is what they do, so
            # it stays in the phrase however the parser hangs it; not "Russian-backed", "Saudi-led"
            # (another party). "a Liberian-flagged tanker" names its own state (actor.flag-state).
            hyphened = (
                child.i + 2 == tok.i
                and tok.doc[child.i + 1].text == "-"
                and (tok.tag_ == "VBG" or tok.lower_ in FLAG_WORDS)
            )
            if (
                child.dep_ in NP_MODIFIERS
                or coordinated
                or hyphened
                or (child.dep_ == "punct" and child.text == "-")
            ):
                if child.dep_ == "punct" and (child.i < head.i - 3):
                    continue
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def preps_below(head: Token, depth: int) -> Iterable[Token]:
    """Prepositions below `head`, through their objects and adjectives, up to `depth` levels."""
    frontier = [head]
    for _ in range(depth):
        nxt: list[Token] = []
        for tok in frontier:
            for child in tok.children:
                if child.dep_ == "prep":
                    yield child
                    nxt.extend(c for c in child.children if c.dep_ == "pobj")
                elif child.dep_ == "amod":
                    nxt.append(child)
        frontier = nxt


def dictionary_token(token: Token, match_at: MatchAt) -> Token | None:
    """The token itself, or a compound word in front of it, that the dictionary matched."""
    if token.i in match_at:
        return token
    for child in token.lefts:
        if child.dep_ == "compound" and child.i in match_at:
            return child
    return None


def conjuncts(token: Token) -> list[Token]:
    """The words coordinated with `token` ("Germany" in "France and Germany")."""
    return [t for t in token.conjuncts if t.i != token.i]


def head_inside(entry: ActorEntry, head: Token, inner: list[tuple[Span, list[ActorEntry]]]) -> bool:
    """True when the phrase's head is a word of a dictionary match naming `entry`."""
    return any(span.start <= head.i < span.end and entry in entries for span, entries in inner)


def head_in_states(head: Token, inner: list[tuple[Span, list[ActorEntry]]]) -> bool:
    """True when the phrase's head lies inside any dictionary match of the phrase."""
    return any(span.start <= head.i < span.end for span, _ in inner)


def person_name(span: Span) -> str | None:
    """The words of a phrase the parser tags as a person's name, if any; not a capitalised
    modifier opening the sentence before a common noun ("Riot police": rule
    actor.capitalised-modifier)."""
    names = [
        t.text
        for t in span
        if t.ent_type_ == "PERSON"
        and t.pos_ == "PROPN"
        and t.dep_ not in ("amod", "conj")
        and not capitalised_modifier(t)
    ]
    return " ".join(names) if names else None


CAPITALISED_MODIFIERS = words("capitalised_modifiers")


def capitalised_modifier(token: Token) -> bool:
    return (
        bool(token.is_sent_start)
        and token.lower_ in CAPITALISED_MODIFIERS
        and token.dep_ == "compound"
        and token.head.pos_ == "NOUN"
    )


def relocate(actor: Actor, text: str, start: int, end: int, rule: str) -> Actor:
    """The same actor, shown by other words of the text and explained by another rule."""
    return Actor(
        text=text,
        start=start,
        end=end,
        country=actor.country,
        sector=actor.sector,
        name=actor.name,
        kind=actor.kind,
        wikidata=actor.wikidata,
        rule=rule,
    )
