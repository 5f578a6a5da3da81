"""Sector mentions: titles and agent nouns ("the health secretary", "police", "opposition
lawmakers") that name an actor by what it does, with the country or group it belongs to.

The sector comes from the words (a modifier first, then a title or an agent noun); the country
from the phrase itself, from "X's" / "of X" / "in X" around it, or from the article's context.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span, Token

from gestae.engine.body_links import (
    APPOINTED_RULE,
    ARMED_POSSESSOR_RULE,
    ENVOY_RULE,
    MEMBERSHIP_PREPS,
    VISITING_TITLES,
    appointer,
    armed_possessor,
    body_possessor,
    group_of,
    office_possessor,
    sent_by_state,
)
from gestae.engine.holders import (
    GROUP_MEMBER_NOUNS,
    MEMBER_NOUNS,
    OFFICE_NOUNS,
    OFFICE_OF_BODY,
    holders,
    member_of,
    one_officer,
)
from gestae.engine.home_states import headline_state, state_at_home
from gestae.engine.media_workers import OUTLET_RULE, outlet_country
from gestae.engine.mentions import (
    HEADLINE_RULE,
    DocActors,
    MatchAt,
    Mention,
    choose_entry,
    conjuncts,
    dictionary_token,
    locally_hired,
    person_name,
    preps_below,
    relocate,
)
from gestae.engine.people_references import SAME_PERSON_RULE, same_person_noun
from gestae.engine.place_owners import place_country, place_owner
from gestae.engine.placed_groups import placed_country
from gestae.engine.places import Gazetteer
from gestae.engine.possessors import possessor_country
from gestae.engine.references import (
    SAME_NOUN_RULE,
    definite_bare,
    earlier_pool,
    same_noun_group,
)
from gestae.engine.sector_cues import (
    FORCE_CRAFT,
    REGIONAL_WORDS,
    SectorCues,
    TitleMatch,
    adherents_sector,
    adjective_as_noun,
    armed_after,
    elsewhere_why,
    igo_title_of,
    members_body,
    not_a_title,
    regional_states,
    served_body,
    title_side,
)
from gestae.engine.syntax import PLACE_ENTITY_TYPES, opposed_word
from gestae.resources.actor_dictionary import ActorDictionary, ActorEntry
from gestae.resources.word_classes import words
from gestae.schema import Actor

# Prepositions that say whose a sector noun is ("ministers of Germany", "troops from Chad").
ORIGIN_PREPS = ("of", "from")
# Modifiers that put a force or body outside any one state: never the country of the place
# or of the article ("foreign troops in Mali"); the international ones are IGO.
INTERNATIONAL_WORDS = frozenset({"international", "multinational"})
OUTSIDE_WORDS = INTERNATIONAL_WORDS | {"foreign", "overseas"} | REGIONAL_WORDS
# A force's units, patrols and posts ("police units", "rebel positions"): the force they belong
# to is the actor, named by the word before them.
FORCE_UNITS = words("force_units")
# Bodies named by what they are ("a terrorist group"): the side the word before them names.
BODY_NOUNS = words("body_nouns")
# "Party" as a side ("the warring parties"), and the words that make it one.
SIDE_NOUNS = words("side_nouns")
SIDE_WORDS = words("side_party_words")
# Sectors whose modifier alone makes a unit a force's ("rebel positions", "army patrols").
FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "SPY"})
# Sectors that make a body an armed side: the forces, and crime ("a criminal network").
ARMED_SECTORS = FORCE_SECTORS | {"CRM"}
# Sectors of sides a title may lead after "of" ("the leader of the opposition").
SIDE_SECTORS = frozenset({"OPP", "CRM", "REB"})
# The largest run of words tried as one title ("shadow home secretary" and shorter).
MAX_TITLE_WORDS = 4
# How a rule says an actor's country came only from the article's context, not its words
# (the event's place may overrule it: records.fallbacks.place_country).
CONTEXT_COUNTRY = "country from the article's context"
FOREIGN_PEOPLE = words("foreign_people")
# A state's mission abroad is of the state that sends it, not of the town it stands in.
MISSIONS = words("foreign_missions")
# How a rule says "his forces" took the country of the person "his" points to.


def _has_name(body: Token) -> bool:
    """A body noun said beside a name: in apposition either way, or "the group of X"."""
    if body.dep_ == "appos" or any(c.dep_ == "appos" for c in body.children):
        return True
    # "the militant group Hamas", "the jihadist group Islamic State", "the group, Hamas,":
    # a capitalised word after it (or after a comma, dash or bracket) is its name, however
    # the parse hangs it.
    doc = body.doc
    after = body.i + 1
    if after < len(doc) and doc[after].text in (",", "-", "--", "(", "'s"):
        after += 1
    if after < len(doc) and doc[after].text[:1].isupper():
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ in MEMBERSHIP_PREPS
        and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
        for c in body.children
    )


class SectorMentions:
    """Reads sector cues off noun phrases and turns a phrase with a cue into a mention."""

    def __init__(self, dictionary: ActorDictionary, gazetteer: Gazetteer) -> None:
        self.dictionary = dictionary
        self.gazetteer = gazetteer

    # -- cues -----------------------------------------------------------------------------------

    def cues(
        self, head: Token, tokens: Sequence[Token], named_head: bool, named: frozenset[int]
    ) -> SectorCues:
        """The cues of a noun phrase; a head the dictionary names ("European Union") is a
        name, not the noun "union", and has no title or agent noun."""
        title = None if named_head else self.title(tokens)
        noun_sector, word = None, None
        # "the West Bank": the last word of a place name is no agent noun ("bank").
        place_name = head.pos_ == "PROPN" and head.ent_type_ in PLACE_ENTITY_TYPES
        nominal = head.pos_ in ("NOUN", "PROPN") or adjective_as_noun(head)
        if title is None and not named_head and not place_name and nominal:
            noun_sector, word = self.noun_phrase_sector(head)
            if word is not None:
                named = named | {word.i}  # "armed men" is UAF; "armed" says no more
        if title is not None:
            named = named | title.at
        modifier = self.modifier_sector(tokens, head, named)
        side = None
        if modifier is None and title is not None and title.kind == "person":
            side = self.side_of(head)
        noun_sector = noun_sector or adherents_sector(title, modifier, head)
        return SectorCues(title, noun_sector, modifier or side, word is not None, side is not None)

    def side_of(self, head: Token) -> str | None:
        """ "The leader of the opposition", "the union's secretary general": the side a title
        leads (sector_cues.title_side)."""
        return title_side(self.dictionary.modifier_sector, head, SIDE_SECTORS)

    def noun_phrase_sector(self, head: Token) -> tuple[str | None, Token | None]:
        """The sector of an agent noun, with the word before it that makes it one: "intelligence
        service" before "service", "armed men" where "men" alone is nobody."""
        lemma = head.lemma_.lower()
        if lemma in SIDE_NOUNS and any(
            c.dep_ in ("amod", "acl") and (c.lower_ in SIDE_WORDS or c.lemma_ in SIDE_WORDS)
            for c in head.children
        ):
            return None, None  # "all warring parties" are sides (rule actor.party-as-side)
        for word in reversed([t for t in head.lefts if t.dep_ in ("compound", "amod")]):
            for phrase in (f"{word.lemma_.lower()} {lemma}", f"{word.lower_} {head.lower_}"):
                entry = self.dictionary.sector_of_noun(phrase)
                if entry is not None:
                    return entry.sector, word
        armed = armed_after(head)  # "men armed with machetes" are "armed men"
        if armed is not None and (entry := self.dictionary.sector_of_noun(f"armed {lemma}")):
            return entry.sector, armed
        entry = self.dictionary.sector_of_noun(lemma)
        own = self.dictionary.sector_of_noun(head.lower_)
        if own is not None and own.noun == head.lower_ != lemma:
            entry = own  # a plural listed as itself: "executives" are BUS, "the executive" GOV
        if entry is None and (lemma in FORCE_UNITS or head.lower_ in FORCE_UNITS):
            return self.unit_of_force(head)
        if entry is None and lemma in FORCE_CRAFT:
            return self.force_craft(head)
        if entry is None and (lemma in BODY_NOUNS or head.lower_ in BODY_NOUNS):
            return self.named_body(head)
        members = None if entry is not None else members_body(self._owner_sector, head)
        if members is not None:
            return members  # actor.members-body
        return (entry.sector if entry is not None else None), None

    def _owner_sector(self, lemma: str) -> str | None:
        entry = self.dictionary.sector_of_noun(lemma)
        return None if entry is None else entry.sector

    def named_body(self, head: Token) -> tuple[str | None, Token | None]:
        """'a terrorist group', 'an outlawed paramilitary group', 'a criminal network': a body
        named by an armed side's agent noun or modifier before it is that side, where "group"
        alone is nobody ("an opposition group" stays a description). A body with a name of
        its own ("the militant Hamas group", "the militant group Hamas", "Hezbollah, the
        militant group", "the extremist group of Islamic State") is that name's. (Called from
        noun_phrase_sector; the mention rule is actor.sector-noun.)
        """
        words = [t for t in head.lefts if t.dep_ in ("compound", "amod")]
        if any(t.pos_ == "PROPN" for t in words) or _has_name(head):
            return None, None
        for word in reversed(words):
            entry = self.dictionary.sector_of_noun(word.lemma_.lower())
            sector = entry.sector if entry else self.dictionary.modifier_sector(word.lemma_.lower())
            if sector in ARMED_SECTORS:
                return sector, word
        return None, None

    def unit_of_force(self, head: Token) -> tuple[str | None, Token | None]:
        """'presidential guard units', 'police detachments', 'rebel positions': a unit, post
        or patrol is the force the word before it names (its sector, from that word).

        (Called from noun_phrase_sector; the mention rule is actor.sector-noun.)
        """
        words = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.i == head.i - 1]
        if not words:
            return None, None
        word = words[0]
        before = [t for t in word.lefts if t.dep_ in ("compound", "amod")]
        phrases = [f"{t.lemma_.lower()} {word.lemma_.lower()}" for t in before[-1:]]
        for phrase in (*phrases, word.lemma_.lower(), word.lower_):
            entry = self.dictionary.sector_of_noun(phrase)
            if entry is not None:
                return entry.sector, word
        sector = self.dictionary.modifier_sector(word.lemma_.lower())
        return (sector, word) if sector in FORCE_SECTORS else (None, None)

    def force_craft(self, head: Token) -> tuple[str | None, Token | None]:
        """'navy boats patrolled the coast', 'army trucks packed with soldiers', 'a navy patrol
        boat': a craft is the force that mans it, named by the word before it as a unit's is
        (rule actor.force-craft); a patrol word between them is part of the craft.

        (Called from noun_phrase_sector; the mention rule is actor.sector-noun.)
        """
        words = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.i == head.i - 1]
        patrol = words[0] if words and words[0].lemma_.lower() in FORCE_UNITS else None
        sector, word = self.unit_of_force(patrol or head)  # "a navy patrol boat": the patrol's
        return (sector, word) if sector in FORCE_SECTORS else (None, None)

    def title(self, tokens: Sequence[Token]) -> TitleMatch | None:
        words = [t for t in tokens if t.dep_ != "det" and t.pos_ in ("NOUN", "PROPN", "ADJ")]
        # Longest run of words that the dictionary knows as a title ("health secretary").
        for size in range(min(MAX_TITLE_WORDS, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                phrase = " ".join(t.lower_ for t in words[i : i + size])
                if size == 1 and not_a_title(words[i], self.dictionary.title):
                    continue
                title = self.dictionary.title(phrase)
                if title is None and size > 1:  # "tribal leaders": the plural of a title
                    last = words[i + size - 1]
                    phrase = " ".join([*phrase.split()[:-1], last.lemma_.lower()])
                    title = self.dictionary.title(phrase)
                if title is None and size == 1:
                    title = self.dictionary.title(words[i].lemma_.lower())
                if title is not None:
                    at = frozenset(t.i for t in words[i : i + size])
                    return TitleMatch(phrase, title.sector, title.kind, at)
        return None

    def modifier_sector(
        self, tokens: Sequence[Token], head: Token, named: frozenset[int] = frozenset()
    ) -> str | None:
        """Sector from a modifier ("opposition", "former"), not from inside a name
        ("the Federal Republic of Germany" is no government)."""
        for token in tokens:
            if token.i == head.i or token.i in named:
                continue
            word = token.lemma_.lower()
            sector = self.dictionary.modifier_sector(
                "anti-" + word if opposed_word(token) else word
            )
            if sector:
                return sector
        return None

    # -- mentions -------------------------------------------------------------------------------

    def mention(
        self,
        doc: Doc,
        head: Token,
        bounds: tuple[int, int],
        cues: SectorCues,
        org: ActorEntry | None,
        states: list[ActorEntry],
        match_at: MatchAt,
        found: DocActors,
        published: date | None = None,
    ) -> Mention | None:
        """A title or agent noun ("Health Secretary", "police"), with its country or group."""
        span = doc[bounds[0] : bounds[1]]
        bits = cues.reasons(head)
        if org is not None and sent_by_state(head, span, org, match_at):
            org = None
            bits.append(ENVOY_RULE)
        if org is None and not states:
            org = self.body_of(head, match_at, found, published, bits)
        if org is not None:
            one = one_officer(head, cues)
            if one and not person_name(span):
                bits.append(OFFICE_OF_BODY)
            return member_of(span, head, cues, org, bits, one)
        partners: list[tuple[ActorEntry, Token]] = []
        local = locally_hired(head, bits)  # actor.local-staff: not the body's country
        countries: list[str | None] = [e.country for e in states if e.country and not local]
        outside = self.outside_word(head, cues)
        # An envoy or foreign troops are not of the place they are in, nor of the article.
        # "recalled its ambassador" is the possessor's own, from the context as any title.
        own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
        visiting = head.lemma_.lower() in VISITING_TITLES | FOREIGN_PEOPLE | MISSIONS and not own
        from_elsewhere = outside is not None or visiting or local
        if countries:
            bits.append("country from " + ", ".join(f"'{e.name}'" for e in states))
        else:
            # "its embassy in Kabul": the owner's mission, not the town's.
            mission = own and head.lemma_.lower() in MISSIONS
            located = not from_elsewhere and not mission
            if not local:
                countries, partners = self._around(head, match_at, found, located, bits)
            owner = place_owner(self.gazetteer, head, match_at, found) if located else None
            if not countries and owner:
                countries = [owner[0]]
                bits.append(owner[1])
        countries = countries or possessor_country(head, found, bits)
        # "its embassy" whose owner the sentence does not name: still not the town's.
        from_elsewhere = from_elsewhere or (
            not countries and own and head.lemma_.lower() in MISSIONS
        )
        if not countries and definite_bare(head):
            pointed = _pointed_back(span, head, cues, found)
            if pointed is not None:
                return pointed
        if not countries and from_elsewhere:
            # "foreign troops in Mali", "the envoy"; "an international tribunal" is an IGO.
            international = outside in INTERNATIONAL_WORDS
            bits.append("an international body" if international else elsewhere_why(outside))
            return holders(
                span, head, cues, ["IGO" if international else None], [], match_at, "; ".join(bits)
            )
        generic = (
            cues.title is None
            and not cues.phrase
            and self.dictionary.is_generic(head.lemma_.lower())
        )
        igo_title = igo_title_of(cues, countries, bits)
        if not countries and not (generic and cues.modifier is None) and not igo_title:
            dominant = state_at_home(head, cues, found, bits)
            if dominant is None and (dominant := headline_state(cues, found)) is not None:
                bits.append(HEADLINE_RULE)
            if dominant is not None:
                countries = [dominant]
                bits.append(f"{CONTEXT_COUNTRY} ({dominant})")
        if not countries:
            if generic and cues.modifier is None:  # "officials" alone; "former officials" is ELI
                return None
            countries = [None]
        return holders(span, head, cues, countries, partners, match_at, "; ".join(bits))

    def body_of(
        self,
        head: Token,
        match_at: MatchAt,
        found: DocActors,
        published: date | None,
        bits: list[str],
    ) -> ActorEntry | None:
        """The listed body a sector noun with no body of its own serves: its appointer, the
        body after "of"/"for", an armed group owning it ("al-Shabab's spokesman"), or any
        listed body owning one of its officers or organs ("UNICEF's spokesman")."""
        org = appointer(self.dictionary, head, match_at, found, published)
        if org is not None:
            bits.append(APPOINTED_RULE)
            return org
        org = group_of(self.dictionary, head, match_at, found, published)
        if org is not None:
            return org
        org = armed_possessor(self.dictionary, head, match_at, found, published)
        if org is not None:
            bits.append(ARMED_POSSESSOR_RULE)
        else:
            # "UNICEF's spokesman", "the United Nations' highest court": one officer or
            # organ of the body owning it; not "the EU's member states".
            org = office_possessor(self.dictionary, head, match_at, found, published, bits)
        return org

    def member_mention(
        self,
        head: Token,
        bounds: tuple[int, int],
        match_at: MatchAt,
        found: DocActors,
        published: date | None,
    ) -> Mention | None:
        """A member noun with no sector of its own ("members of Hamas", "the chairman of the
        African Union Commission"): the body it belongs to, if one is named after it."""
        if head.lemma_.lower() not in OFFICE_NOUNS and head.lower_ not in OFFICE_NOUNS:
            return None
        bits = [f"member noun '{head.lemma_}'"]
        org = None
        if head.lemma_.lower() in MEMBER_NOUNS or head.lower_ in MEMBER_NOUNS:
            org = group_of(self.dictionary, head, match_at, found, published)
        if org is None:
            # "UNICEF's executive director" (rule actor.office-of-body).
            org = body_possessor(self.dictionary, head, match_at, found, published)
            bits.append(OFFICE_OF_BODY)
        if org is None:
            return None
        span = head.doc[bounds[0] : bounds[1]]
        cues = SectorCues(None, None, None)
        one = head.tag_ == "NN" and head.lemma_.lower() not in GROUP_MEMBER_NOUNS
        return member_of(span, head, cues, org, bits, one)

    def officer_mention(
        self, head: Token, bounds: tuple[int, int], org: ActorEntry
    ) -> Mention | None:
        """ "The UNICEF director", "a Hamas member": one holder of an office of the listed
        body named in front is a person of that body, whom a later "she" can point to, not the
        body itself (rule actor.office-of-body)."""
        cues = SectorCues(None, None, None)
        if not one_officer(head, cues):
            return None
        span = head.doc[bounds[0] : bounds[1]]
        return member_of(span, head, cues, org, [OFFICE_OF_BODY], True)

    def shared_home(
        self,
        head: Token,
        org: ActorEntry,
        states: list[ActorEntry],
        match_at: MatchAt,
        found: DocActors,
    ) -> str | None:
        """The state whose own body a shared name ("Congress", "the Labour Party") is: a
        country or demonym in the phrase ("the Peruvian Congress"), "X's" / "of X" / "in X"
        around it, else the article's country; only a state listed as having a body of that
        name ("The Chinese government pushed Congress" is the US Congress); None otherwise."""
        if not org.shared:
            return None
        named = [e.country for e in states if e.country and e.role in ("country_name", "demonym")]
        around, _ = self.countries_around(head, match_at, found)
        hints: list[str | None] = [*named, *around, found.dominant_country()]
        home = hints[0]
        return home if home in org.shared else None

    def outside_word(self, head: Token, cues: SectorCues) -> str | None:
        """ "foreign" or "international" in front of an agent noun or title, not part of a
        title or office ("foreign minister", "the foreign ministry" are a state's own)."""
        if cues.phrase:
            return None
        title_words = set(cues.title.phrase.split()) if cues.title is not None else set()
        for child in head.lefts:
            word = child.lower_
            if child.dep_ != "amod" or word not in OUTSIDE_WORDS or word in title_words:
                continue
            if regional_states(word, head):  # "West African states, including Ghana"
                continue
            office = (f"{word} {head.lemma_.lower()}", f"{word} {head.lower_}")
            if any(self.dictionary.title(p) or self.dictionary.sector_of_noun(p) for p in office):
                return None
            return word
        return None

    def _around(
        self, head: Token, match_at: MatchAt, found: DocActors, located: bool, bits: list[str]
    ) -> tuple[list[str | None], list[tuple[ActorEntry, Token]]]:
        """The countries a sector noun's own phrase gives (countries_around), or the outlet a
        journalist works for ("a reporter for a Kenyan paper": actor.outlet-country)."""
        outlet = outlet_country(head, match_at, found)
        if outlet is not None:
            bits.append(f"{OUTLET_RULE}: country from {outlet}")
            return [outlet], []
        around, partners = self.countries_around(head, match_at, found, located, bits)
        if around:
            bits.append("country from " + ", ".join(around))
            bits.extend(served_body(head))
        return [*around], partners

    def countries_around(
        self,
        head: Token,
        match_at: MatchAt,
        found: DocActors,
        located: bool = True,
        bits: list[str] | None = None,
    ) -> tuple[list[str], list[tuple[ActorEntry, Token]]]:
        """Country of a sector noun from "X's" (a state or a person the dictionaries place),
        "of X" or "from X, Y and Z" near its head. Organizations coordinated with those
        countries ("..., as well as the European Commission") come back as partners."""
        # "China's U.N. ambassador Fu Cong": the possessor may hang on the title before a name.
        titles = [c for c in head.lefts if c.dep_ == "compound"]
        for child in [*head.children, *(g for c in titles for g in c.children)]:
            if child.dep_ == "poss" and child.i in match_at:
                entry = choose_entry(match_at[child.i][1], found)
                # "Iran's envoy"; "Trump's envoy" serves the state its patron belongs to.
                if entry.country and entry.kind in ("state", "person"):
                    return [entry.country], []
        # "an Istanbul court", "Kandahar police": the town in front says where the body is.
        for child in head.lefts if located else ():
            if child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ == "GPE":
                country = self.place_country(child, match_at, found)
                if country:
                    return [country], []
        # "ministers responsible for migration from Germany, ...": look a few levels down.
        for prep in preps_below(head, depth=3):
            # "a spokesman for the Kenyan police": a state's own body it serves (actor.serves-body)
            served = prep.lower_ == "for" and prep.head.i == head.i
            if prep.lower_ not in ORIGIN_PREPS and not served:
                continue
            countries: list[str] = []
            partners: list[tuple[ActorEntry, Token]] = []
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for tok in [obj, *conjuncts(obj)]:
                    entry_tok = None if served else dictionary_token(tok, match_at)
                    entry_tok = entry_tok or self.state_body(tok, match_at)
                    if entry_tok is None:
                        continue
                    entry = choose_entry(match_at[entry_tok.i][1], found)
                    if entry.kind == "state" and entry.country:
                        countries.append(entry.country)
                    elif entry.kind in ("organization", "group") and entry.role != "media":
                        partners.append((entry, entry_tok))
            if countries:
                return list(dict.fromkeys(countries)), partners
        # "authorities in Pakistan", "gunmen based in Somalia": where a group is, is its
        # country (not for an envoy or ambassador: `located` is false; actor.placed-group).
        where = (head, self.dictionary, match_at, found, self.gazetteer, bits)
        placed = placed_country(*where) if located else None
        return ([placed], []) if placed else ([], [])

    def state_body(self, token: Token, match_at: MatchAt) -> Token | None:
        """The demonym or owner of a state's own body ("the Colombian government", "Uganda's
        army"): "negotiators from the Colombian government" are Colombia's, "a spokesman for
        Kenya's foreign ministry" Kenya's. Only in front of a sector noun, so "from the
        Russian-speaking regions" names nobody."""
        if self.dictionary.sector_of_noun(token.lemma_.lower()) is None:
            return None
        for child in token.lefts:
            entries = match_at[child.i][1] if child.i in match_at else []
            if child.dep_ in ("amod", "compound", "poss") and any(
                e.kind == "state" and e.country for e in entries
            ):
                return child
        return None

    def place_country(self, token: Token, match_at: MatchAt, found: DocActors) -> str | None:
        """Country of a place name: a country or capital in the dictionary, else a gazetteer town."""
        return place_country(self.gazetteer, token, match_at, found)


def _pointed_back(span: Span, head: Token, cues: SectorCues, found: DocActors) -> Mention | None:
    """ "The minister": the last person named with that kind of office; "the militants": the
    last group named with that sector; "the officials" after "Iraqi officials": the last
    group named with that noun (reference.same-noun-group, reference.same-person-noun)."""
    title_sector = cues.title.sector if cues.title else cues.noun_sector or ""
    wanted = {cues.modifier or "", title_sector} - {""}
    earlier = same_noun_group(head, wanted, found)
    how = f"{SAME_NOUN_RULE}: " if earlier is not None else ""
    if earlier is None:
        pool = earlier_pool(head, cues.title is not None, found)
        earlier = next(
            (p for p in reversed(pool) if p.sector in wanted and _same_title(head, p)), None
        )
    if earlier is None and (earlier := same_person_noun(head, found)) is not None:
        how = f"{SAME_PERSON_RULE}: "
    if earlier is None:
        return None
    rule = f"{how}'{span.text}' refers to {earlier.name or earlier.text}"
    if how:
        rule = f"{rule}; {earlier.rule}"  # how it got its country, for the records
    actor = relocate(earlier, span.text, span.start_char, span.end_char, rule)
    return Mention(span.start, span.end, head.i, [actor], rule, reference=True)


def _same_title(head: Token, earlier: Actor) -> bool:
    """ "the envoy" points back to a person called an envoy, not to any official of the same
    sector; an organization ("the militants") needs only the sector."""
    if earlier.kind != "person":
        return True
    said = f"{earlier.text} {earlier.rule}".lower()
    return head.lemma_.lower() in said or head.lower_ in said
