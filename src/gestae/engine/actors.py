"""Actors stage: find who is mentioned in a parsed article and resolve each mention.

Mentions are noun phrases read off the dependency parse (`gestae.engine.mentions`); the actor
dictionary says what their words mean (countries, capitals, titles, sectors, organizations,
persons). Titles and agent nouns are read by `gestae.engine.sector_mentions`, pronouns and
"the country" by `gestae.engine.references`; events ask `mention_at(token)` for the actor."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from gestae.engine.acronyms import bracketed_listed, define_acronyms
from gestae.engine.apposition_context import yield_guessed_countries
from gestae.engine.body_names import own_name
from gestae.engine.diaspora import without_origin
from gestae.engine.dwellings import owned_dwelling as owned
from gestae.engine.followers import followers_mention, is_followers, possessed_followers
from gestae.engine.group_references import PAIR_HEADS, pair_reference
from gestae.engine.indefinite_names import one_of_kind
from gestae.engine.lead_words import dateline_end, envoy_not_context
from gestae.engine.mentions import (
    DocActors,
    MatchAt,
    Mention,
    actor_kind,
    choose_entry,
    head_in_states,
    head_inside,
    in_clause,
    is_np_head,
    merge_titles_with_names,
    np_tokens,
    place_name,
    relocate,
    span_actor,
    state_actor,
    widen_appositions,
)
from gestae.engine.named_mentions import (
    UNLISTED_NAME_KINDS,
    NounPhrase,
    at_home,
    described_side,
    organization_mention,
    people_home,
    state_in_name,
    state_mention,
    unlisted_name,
)
from gestae.engine.nationality import (
    FROM_COUNTRY,
    origin_state,
    owning_state,
    told_in_apposition,
    told_mark,
)
from gestae.engine.outlet_names import outlet_without_the
from gestae.engine.peace_missions import settle_peace_missions
from gestae.engine.place_owners import place_title
from gestae.engine.places import Gazetteer, is_place_phrase, named_place
from gestae.engine.places.village_names import framed_lookup
from gestae.engine.quoted_speakers import resolve_quoted_speakers
from gestae.engine.references import (
    GROUP_REFERENCES,
    PERSON_PRONOUNS,
    link_people,
    named_earlier,
    resolve_reference,
)
from gestae.engine.sea_words import count_sea_names, flag_of, flag_state, in_sea_name
from gestae.engine.sector_cues import STATE_SECTORS
from gestae.engine.sector_mentions import SectorMentions
from gestae.engine.sentence_antecedents import point_fronted_it
from gestae.engine.syntax import opposed_word, stance_span
from gestae.resources.actor_dictionary import ActorDictionary, ActorEntry
from gestae.resources.place_words import POSITION_PREPS as LOCATIVE_PREPS
from gestae.resources.word_classes import words
from gestae.schema import Actor

# Names other modules import from here.
__all__ = [
    "GROUP_REFERENCES",
    "PAIR_HEADS",
    "PERSON_PRONOUNS",
    "ActorResolver",
    "DocActors",
    "Mention",
    "actor_kind",
]

# Nouns a demonym modifies without naming a group of that country ("British waters").
NOT_GROUP_NOUNS = words("not_group_nouns")
# "met for the first time in Singapore": a time is nobody's, so a place inside it is no actor.
TIME_NOUNS = words("time_nouns")
# Acts whose word in front names their doer's side ("a military strike"), not a target's.
SIDE_ACTS = words("side_acts")
# Office names a listed seat shares with other states' offices ("Defense Department").
SHARED_OFFICES = words("shared_office_names")
# Prepositions of what a phrase is about ("concerns about X"): word_classes.yaml.
TOPIC_PREPS = words("topic_preps")
# Prepositions of time (word_classes.yaml): their place is where, not whose.
TIME_PREPS = words("time_preps")
NOT_WHOSE_PREPS = TOPIC_PREPS | TIME_PREPS
# How a place standing for its state begins its rule (records/merge.py reads it).
PLACE_STATE_RULE = "the place '"


def _names_state(entry: ActorEntry) -> bool:
    """An entry that counts toward the article's country: a state, or a state's own body."""
    return not entry.shared and (
        entry.kind == "state" or (entry.kind == "organization" and entry.sector in STATE_SECTORS)
    )


def _has_upper(text: str) -> bool:
    return any(ch.isupper() for ch in text)


class ActorResolver:
    """Finds and resolves actor mentions; built once per pipeline (the matcher is costly)."""

    def __init__(
        self, dictionary: ActorDictionary, nlp: Language, gazetteer: Gazetteer | None = None
    ) -> None:
        self.dictionary = dictionary
        self.gazetteer = gazetteer or Gazetteer.default()
        self.sectors = SectorMentions(dictionary, self.gazetteer)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        tokenizer = self.tokenizer = nlp.tokenizer
        # One pattern per distinct phrase; entries are looked up again by the matched text.
        # Tokenized by the pipeline's own tokenizer, so "al-Qaeda" splits as it does in text.
        # Tokenizer exceptions are case-sensitive ("U.S." stays whole, "u.s." does not), so
        # each phrase is also tokenized upper- and title-cased; matching is on LOWER anyway.
        phrases = sorted({phrase.lower() for phrase, _ in dictionary.phrases()})
        # News writes the apostrophe curly as often as straight ("Hay’at", "People’s").
        phrases += [p.replace("'", "\u2019") for p in phrases if "'" in p]
        variants = [v for p in phrases for v in (p, p.upper(), p.title())]
        patterns: dict[tuple[str, ...], Doc] = {}
        for doc in map(tokenizer, variants):
            patterns.setdefault(tuple(t.lower_ for t in doc), doc)
        self.matcher.add("ACTOR", list(patterns.values()))

    # -- public -----------------------------------------------------------------------------

    def resolve(self, doc: Doc, published: date | None, title: str = "") -> DocActors:
        """Every actor mention in the article, resolved with the publication date; the
        title's states may settle which country the article is about (actor.headline-lead)."""
        found = DocActors(headline=self.title_countries(title))
        named = self._dictionary_spans(doc)
        matches = [(span, entries) for span, entries in named if not in_sea_name(span)]
        match_at: MatchAt = {}
        for span, entries in matches:
            for i in range(span.start, span.end):
                match_at[i] = (span, entries)
        # Count state mentions first: ambiguous names ("Congolese") are settled by context; a
        # state's own body ("the IDF") names it too, a sea named after it only adds weight.
        for span, entries in matches:
            if envoy_not_context(span) or flag_of(span):
                continue
            for entry in entries:
                if entry.country and _names_state(entry):
                    found.country_counts[entry.country] += 1
        count_sea_names(named, found.country_counts)
        lead = dateline_end(doc)
        for token in doc:
            if token.i in found.by_token or not is_np_head(token) or token.idx < lead:
                continue
            mention = pair_reference(token, found)  # "both parties": not political ones
            if mention is None:
                mention = self._resolve_np(token, doc, match_at, found, published)
            if mention is None:
                mention = resolve_reference(token, found)
            if mention is None:
                continue
            found.add(mention)
            found.note(mention, doc[mention.head])
        point_fronted_it(doc, found)
        merge_titles_with_names(doc, found)
        yield_guessed_countries(doc, found)
        settle_peace_missions(doc, found)
        widen_appositions(doc, found)
        bracketed_listed(doc, found)
        define_acronyms(doc, found)
        link_people(doc, found)
        resolve_quoted_speakers(doc, found)
        for span, entries in matches:
            if span.start in found.by_token or span.start_char < lead:
                continue
            entry = choose_entry(entries, found)
            place_use = entry.role != "demonym" and is_place_phrase(span.root)
            if entry.kind == "state" and entry.country and not place_use:
                rule = f"'{span.text}' names {entry.country}"
                found.loose.append((span.start, state_actor(span, entry, rule)))
        return found

    def title_countries(self, title: str) -> frozenset[str]:
        """The states a title names, counted as the article's state mentions are (a name, a
        demonym, a state's own institution), read off the words alone: no parse needed."""
        if not title.strip():
            return frozenset()
        doc = self.tokenizer(title)
        return frozenset(
            entry.country
            for _span, entries in self._dictionary_spans(doc)
            for entry in entries
            if entry.country and _names_state(entry)
        )

    def resolve_phrase(
        self, doc: Doc, published: date | None, start_char: int = 0
    ) -> Mention | None:
        """The actor a stand-alone phrase names ("Prime Minister Boris Johnson"), as if it were
        the subject of an act: `gestae actor` and the actor test table use this. Text before
        `start_char` is context only (earlier sentences of an article)."""
        found = self.resolve(doc, published)
        phrase = [t for t in doc if t.idx >= start_char]
        root = next((t for t in phrase if t.dep_ == "ROOT"), None)
        subject = None
        if root is not None:
            subject = next((t for t in phrase if t.dep_ == "nsubj" and t.head.i == root.i), None)
        for anchor in (subject, root):
            if anchor is not None and anchor.i in found.by_token:
                return found.by_token[anchor.i]
        first = phrase[0].i if phrase else 0
        resolved = [m for m in found.mentions if m.actors and m.start >= first]
        if resolved:
            return max(resolved, key=lambda m: m.end - m.start)
        media = [m for m in found.mentions if m.media and m.start >= first]
        return media[0] if media else None

    def place_actor(self, token: Token, found: DocActors) -> Mention | None:
        """The state a visited place belongs to ("arrived in Moscow" -> RUS)."""
        country = None
        mention = found.by_token.get(token.i)
        if mention is not None and mention.actors:
            country = mention.actors[0].country
        if country is None and token.pos_ == "PROPN":
            place = self.gazetteer.lookup(place_name(token), found.countries())
            country = place.country if place is not None else None
        if country is None:
            return None
        start = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("compound", "det")])
        span = token.doc[start : token.i + 1]
        rule = f"{PLACE_STATE_RULE}{span.text}' is in {country}"
        actor = span_actor(span, "state", rule, country=country)
        return Mention(start, token.i + 1, token.i, [actor], rule, reference=True)

    def _is_water(self, token: Token) -> bool:
        place = self.gazetteer.lookup(place_name(token), ()) if token.pos_ == "PROPN" else None
        return place is not None and place.precision == "water"

    def implied_actor(
        self, obj: Token, found: DocActors, through_places: bool = True
    ) -> Mention | None:
        """The actor a non-actor object implies: "residential districts of Kharkiv" -> UKR,
        "rebel positions" -> REB of the article's country. Only a country found inside the
        phrase (an actor or a place) or given by the context counts; nothing is guessed."""
        if obj.lemma_.lower() in TIME_NOUNS or self._is_water(obj):
            return None  # "the Gulf of Oman" lies in no state
        # Without `through_places`, not through a locative phrase: "talks in Almaty" are not
        # aimed at Kazakhstan, while "positions in the Gaza Strip" do lie in it.
        # Never through what the phrase is about: "concerns about Uganda's threat" are not
        # Uganda's (word class topic_preps); nor through a time phrase the parse hung on it:
        # "restored ties after talks in Beijing" are not China's (time_preps).
        inside = [
            t
            for t in obj.subtree
            if t.i != obj.i
            and not in_clause(t, obj)
            and (through_places or not _under_prep(t, obj, LOCATIVE_PREPS))
            and not _under_prep(t, obj, NOT_WHOSE_PREPS)
        ]
        country: str | None = None
        source = ""
        # "Afghan refugees", "Armenian positions in Nagorno-Karabakh": a demonym in front says
        # whose, before any place inside the phrase.
        for token in obj.lefts:
            if token.dep_ in ("amod", "compound") and token.text[:1].isupper():
                entries = [
                    e
                    for e in self.dictionary.lookup(token.text)
                    if e.role == "demonym" and e.country
                ]
                if entries:
                    country, source = entries[0].country, f"the demonym '{token.text}'"
                    break
        for token in inside if country is None else ():
            mention = found.by_token.get(token.i)
            if mention is not None and mention.actors and mention.actors[0].country:
                country, source = mention.actors[0].country, mention.actors[0].text
                break
        if country is None:
            for token in inside:
                if token.pos_ == "PROPN" and token.dep_ != "compound":
                    place = framed_lookup(self.gazetteer, token, found.countries())
                    if place is not None and place.country:
                        country, source = place.country, place.name
                        break
        sector = self.sectors.modifier_sector([t for t in obj.lefts], obj)
        if obj.lemma_.lower() in SIDE_ACTS:
            sector = None  # "a military strike on Gaza": the doer's side, not the target's
        if country is None and sector is not None:
            country = found.dominant_country()
            source = "the article's context" if country else ""
        if country is None:
            return None
        start = min([obj.i] + [t.i for t in obj.lefts])
        end = max([obj.i] + [t.i for t in inside if t.i > obj.i and not in_clause(t, obj)]) + 1
        span = obj.doc[start:end]
        rule = f"target '{obj.text}' takes its country from {source}"
        actor = Actor(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            country=country,
            sector=sector,
            kind="group",
            rule=rule,
        )
        return Mention(start, end, obj.i, [actor], rule, reference=True)

    # -- dictionary matches -------------------------------------------------------------------

    def _dictionary_spans(self, doc: Doc) -> list[tuple[Span, list[ActorEntry]]]:
        spans = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            # Proper names are capitalised: this keeps "us" and "turkey" from matching.
            if not _has_upper(span.text):
                continue
            if len(span) == 1 and span[0].pos_ == "PRON":
                continue
            spans.append(span)
        out = []
        for span in filter_spans(spans):
            # The dictionary's lookup is case-aware: "US" names a state, "us" does not.
            entries = self.dictionary.lookup(span.text)
            if entries and not any(
                misread(span, entries)
                for misread in (self._inside_longer_name, self._other_states_office, one_of_kind)
            ):
                out.append((span, entries))
        return out

    def _other_states_office(self, span: Span, entries: list[ActorEntry]) -> bool:
        """ "Australia's Defense Department", "the Canadian State Department": an office name
        many states share (`shared_office_names`) after another state's name or demonym is
        that state's office, not the listed seat ("Defense Department": the Pentagon); the
        phrase is then read as a sector noun with that state's country (rule
        actor.other-state-office)."""
        if span.text.lower() not in SHARED_OFFICES or span.start == 0:
            return False
        before = span.doc[span.start - 1]
        if before.tag_ == "POS" and before.i > 0:
            before = before.doc[before.i - 1]  # "Australia 's"
        seats = {e.country for e in entries}
        return any(
            e.kind == "state" and e.country and e.country not in seats
            for e in self.dictionary.lookup(before.text)
        )

    def _inside_longer_name(self, span: Span, entries: list[ActorEntry]) -> bool:
        """'the National Congress Party', 'the African National Congress': a listed body's
        name with more name words in front is part of another body's name, which the
        dictionary does not know ("Congress Party" is India's, "Congress" the US one). Words
        after it name one of its organs ("the U.N. Conciliation Commission"), and a demonym in
        front ("Lebanese Hezbollah") is no part of a name."""
        if not all(e.kind in ("organization", "group") for e in entries):
            return False
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        return (
            before is not None
            and span[0].ent_iob_ == "I"
            and span[0].ent_type_ == "ORG"  # "Suspected Al Shabaab" is tagged as a person
            and _name_word(before)
            and not any(e.role == "demonym" for e in self.dictionary.lookup(before.text))
        )

    # -- noun phrases -------------------------------------------------------------------------

    def _resolve_np(
        self,
        head: Token,
        doc: Doc,
        match_at: MatchAt,
        found: DocActors,
        published: date | None,
    ) -> Mention | None:
        if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return None  # actor.no-one: "no authority", "no country" name nobody
        np = self._noun_phrase(head, match_at, found, published)
        start, end, inner, entries = np.start, np.end, np.inner, np.entries
        if any(e.role == "media" for e in entries):
            return Mention(start, end, head.i, [], "media outlet or platform", media=True)

        person = next((e for e in entries if e.kind == "person"), None)
        if person is not None and is_followers(head):
            leader = self._person_actor(person, np.span, published)
            return followers_mention(np.span, head, leader)
        if person is None and (followers := possessed_followers(head, end, found)) is not None:
            return followers
        if person is not None:
            return self._person_mention(np, person, published)
        if (own := own_name(np, self.dictionary, self.gazetteer)) is not None:
            return own  # actor.body-in-name, actor.diaspora-people: the words name the group

        named = frozenset(i for sp, _ in inner for i in range(sp.start, sp.end))
        cues = self.sectors.cues(head, np.tokens, head.i in match_at, named)
        org = next((e for e in entries if e.kind in ("organization", "group")), None)
        states = [e for e in entries if e.kind == "state"]
        if cues.found:
            bounds = (start, end)
            return self.sectors.mention(
                doc, head, bounds, cues, org, states, match_at, found, published
            )

        if org is None and not states:
            member = self.sectors.member_mention(head, (start, end), match_at, found, published)
            if member is not None:
                return member
        if org is not None and not head_inside(org, head, inner) and not states:
            officer = self.sectors.officer_mention(head, (start, end), org)
            if officer is not None:
                return officer
        # "the Hezbollah group", "an Islamic State cell": the phrase stands for the group.
        if org is not None and (head_inside(org, head, inner) or head.pos_ in ("NOUN", "PROPN")):
            home = self.sectors.shared_home(head, org, states, match_at, found)
            return organization_mention(np, people_home(org, states) or org, home)

        if states and not head_in_states(head, inner) and head.pos_ == "NOUN":
            group = self._demonym_group(np, states, cues.modifier, flag_state(np.tokens))
            if group is not None:
                return group
        if org is None and not states and (origin := origin_state(head, match_at, found)):
            # actor.from-country: "two men from Benin" are Benin's, as "two Beninese men".
            return self._demonym_group(np, [origin], cues.modifier, FROM_COUNTRY)

        # "the Central African Republic (CAR)": the parser may head the phrase on the acronym.
        parenthetical = head.i > 0 and head.doc[head.i - 1].text == "("
        if states and (head_in_states(head, inner) or parenthetical):
            return state_mention(np, states[0], cues.modifier)

        earlier = named_earlier(head, found) if head.pos_ == "PROPN" else None
        if earlier is not None and end - start <= 2:
            # "Kristersson promised ...": the person named in full earlier in the article.
            span = np.span
            rule = f"'{span.text}' is {earlier.name}, named earlier{told_mark(earlier)}"
            actor = relocate(earlier, span.text, span.start_char, span.end_char, rule)
            return Mention(start, end, head.i, [actor], rule, reference=True)
        side = described_side(head, cues.modifier)
        if head.pos_ == "PROPN" and head.ent_type_ in UNLISTED_NAME_KINDS and cues.modifier == side:
            if head.ent_type_ == "ORG" and is_place_phrase(head):
                return None  # "a raid near Kerem Shalom": a place the tagger took for a body
            if named_place(head):
                return None  # target.place-name: "First Avenue", "the town of Tal Rifaat"
            owner = owning_state(head, match_at, found) or told_in_apposition(head, match_at, found)
            placed = place_title(self.gazetteer, head, match_at, found)
            of_state = state_in_name(head, match_at, found)
            return unlisted_name(np, states, of_state, owner, placed, side=side)
        return None

    def _noun_phrase(
        self, head: Token, match_at: MatchAt, found: DocActors, published: date | None
    ) -> NounPhrase:
        """The phrase under `head`, widened to whole dictionary matches, with their entries."""
        tokens = np_tokens(head)
        start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
        inner = [match_at[t.i] for t in tokens if t.i in match_at]
        entries: list[ActorEntry] = []
        seen_spans: set[int] = set()
        for span, span_entries in inner:
            if span.start in seen_spans:
                continue
            if opposed_word(span[0]):
                note_opposed(span, choose_entry(span_entries, found), found)
                continue
            if stance_span(span) or outlet_without_the(span, span_entries):
                continue  # actor.stance-modifier: "pro-Russian", "Russian-speaking"
            seen_spans.add(span.start)
            # Organizations whose role changed (the Taliban governing from 2021) by date.
            entry = self.dictionary.as_of(choose_entry(span_entries, found), published)
            entries.append(at_home(entry, found))
            start, end = min(start, span.start), max(end, span.end)
        # actor.diaspora-people: "Somali Canadian activists" are Canada's, not Somalia's
        return without_origin(NounPhrase(head, tokens, inner, entries, start, end))

    def _person_mention(
        self, np: NounPhrase, person: ActorEntry, published: date | None
    ) -> Mention:
        """The person's name plus the title words right before it; not the whole phrase
        when the parse glued other words on ("Boris Johnson - Thursday evening")."""
        head, doc = np.head, np.head.doc
        name_span = next(sp for sp, es in np.inner if person in es)
        start, end = name_span.start, name_span.end
        in_np = {t.i for t in np.tokens}
        while start - 1 in in_np and doc[start - 1].dep_ != "det":
            start -= 1
        if head.i >= end and head.ent_type_ not in ("DATE", "TIME"):
            end = head.i + 1  # "the Trump administration": the phrase acts as a whole
        actor = self._person_actor(person, doc[start:end], published)
        # "Hamas leader Ismail Haniyeh": a later "the group" is Hamas.
        org = next((e for e in np.entries if e.kind in ("organization", "group")), None)
        body = organization_mention(np, org).actors[0] if org and org.role != "media" else None
        return Mention(start, end, head.i, [actor], actor.rule, body=body)

    def _demonym_group(
        self, np: NounPhrase, states: list[ActorEntry], modifier: str | None, why: str = ""
    ) -> Mention | None:
        """ "Chinese hackers", "the Venezuelan people": a demonym names the group's country;
        so does "from" and a state's name (`why` names that rule)."""
        head, span = np.head, np.span
        lemma = head.lemma_.lower()
        countries = list(dict.fromkeys(e.country for e in states if e.country))
        if lemma in NOT_GROUP_NOUNS or not countries or is_place_phrase(head) or owned(head):
            return None
        sector = modifier or ("CVL" if self.dictionary.is_generic(lemma) else None)
        rule = f"'{states[0].name}' modifies '{head.text}': the group's country"
        if why:
            rule = f"{why}: '{head.text}' from {states[0].name}, the group's country"
        group = [
            Actor(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                country=country,
                sector=sector,
                kind="group",
                rule=rule,
            )
            for country in countries
        ]
        return Mention(np.start, np.end, head.i, group, rule)

    # -- helpers --------------------------------------------------------------------------------

    def _person_actor(self, entry: ActorEntry, span: Span, published: date | None) -> Actor:
        resolution = self.dictionary.person(entry.name, published)
        if resolution is None:
            return Actor(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                country=entry.country,
                sector=entry.sector,
                name=entry.name,
                kind="person",
                wikidata=entry.wikidata,
                rule=f"listed person {entry.name} ({entry.source})",
            )
        office = resolution.office
        country = office.country if office else (resolution.country or entry.country)
        sector = office.sector if office else resolution.sector
        when = published.isoformat() if published else "an unknown date"
        if office is not None:
            held = f"{office.title} of {office.country}"
        elif resolution.last_office is not None:
            left = resolution.last_office
            held = f"former {left.title} of {left.country} (left office {left.end})"
        else:
            held = "no listed office"
        return Actor(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            country=country,
            sector=sector,
            name=resolution.name,
            kind="person",
            wikidata=resolution.wikidata,
            rule=f"listed person {resolution.name}: {held} on {when} ({entry.source})",
        )


def _name_word(token: Token) -> bool:
    """A capitalised proper noun: a word of a name, not "the" or "'s"."""
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _under_prep(token: Token, top: Token, preps: Collection[str]) -> bool:
    current = token
    while current.i != top.i:
        if current.dep_ == "prep" and current.lower_ in preps:
            return True
        current = current.head
    return False


def note_opposed(span: Span, entry: ActorEntry, found: DocActors) -> None:
    """Keep the state a group is "anti-" (rule actor.opposed-modifier): not the group's own
    country, but whom its protest is against (record.protest-opposed)."""
    if entry.kind == "state" and entry.country:
        rule = f"actor.opposed-modifier: the protest is against {entry.country}"
        found.opposed[span.start] = state_actor(span, entry, rule)
