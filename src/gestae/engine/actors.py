"""Actors stage: find who is mentioned in a parsed article and resolve each mention.

Mentions are noun phrases read off the dependency parse; the actor dictionary says what their
words mean (countries, capitals, titles, sectors, organizations, persons). The events stage then
asks `mention_at(token)` for the actor behind a subject or object.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from gestae.engine.places import Gazetteer, is_place_phrase
from gestae.resources.actor_dictionary import ActorDictionary, ActorEntry
from gestae.resources.place_words import POSITION_PREPS as LOCATIVE_PREPS
from gestae.resources.word_classes import words
from gestae.schema import Actor, ActorKind

# Dependency labels that keep a token inside the noun phrase of its head.
NP_MODIFIERS = frozenset({"compound", "amod", "det", "nmod", "nummod", "flat", "quantmod"})
# Entity labels of names the dictionary lacks that may still act ("Action Against Hunger").
UNLISTED_NAME_KINDS: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organization"}
# Nouns a demonym modifies without naming a group of that country ("British waters").
NOT_GROUP_NOUNS = words("not_group_nouns")
# Pronouns that may refer back to the last person named in the article.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Nouns that point back to the last organization named ("the group", "the alliance").
GROUP_REFERENCES = words("group_references")
# Phrases that point back to the last two states named ("the two countries", "both sides").
PAIR_HEADS = words("pair_heads")


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
    # Actors in reading order, for "he", "the minister", "the country", "the two countries".
    persons_seen: list[Actor] = field(default_factory=list)
    states_seen: list[Actor] = field(default_factory=list)
    orgs_seen: list[Actor] = field(default_factory=list)
    # States and organizations in reading order, for "it".
    bodies_seen: list[Actor] = field(default_factory=list)
    # Actors that were the subject of their clause: "he"/"it" prefer these.
    subjects_seen: list[Actor] = field(default_factory=list)
    # Surnames of persons already named ("Kristersson" after "Ulf Kristersson").
    surnames: dict[str, Actor] = field(default_factory=dict)

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

    def note(self, mention: Mention, head: Token) -> None:
        is_subject = head.dep_ in ("nsubj", "nsubjpass")
        for actor in mention.actors:
            if is_subject:
                self.subjects_seen.append(actor)
            if actor.kind == "person" and actor.name and actor.country:
                self.surnames.setdefault(actor.name.split()[-1].lower(), actor)
            if actor.kind == "person":
                self.persons_seen.append(actor)
            if actor.kind in ("organization", "group") and actor.name and not mention.reference:
                self.orgs_seen.append(actor)
            if actor.country and actor.kind != "person":
                self.bodies_seen.append(actor)
            seen = self.states_seen
            if (
                actor.country
                and actor.kind in ("state", "person")
                and (not seen or seen[-1].country != actor.country)
            ):
                seen.append(actor)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.by_token[i] = mention

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

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


def _has_upper(text: str) -> bool:
    return any(ch.isupper() for ch in text)


class ActorResolver:
    """Finds and resolves actor mentions; built once per pipeline (the matcher is costly)."""

    def __init__(
        self, dictionary: ActorDictionary, nlp: Language, gazetteer: Gazetteer | None = None
    ) -> None:
        self.dictionary = dictionary
        self.gazetteer = gazetteer or Gazetteer.default()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        tokenizer = nlp.tokenizer
        # One pattern per distinct phrase; entries are looked up again by the matched text.
        # Tokenized by the pipeline's own tokenizer, so "al-Qaeda" splits as it does in text.
        # Tokenizer exceptions are case-sensitive ("U.S." stays whole, "u.s." does not), so
        # each phrase is also tokenized upper- and title-cased; matching is on LOWER anyway.
        phrases = sorted({phrase.lower() for phrase, _ in dictionary.phrases()})
        variants = [v for p in phrases for v in (p, p.upper(), p.title())]
        patterns: dict[tuple[str, ...], Doc] = {}
        for doc in map(tokenizer, variants):
            patterns.setdefault(tuple(t.lower_ for t in doc), doc)
        self.matcher.add("ACTOR", list(patterns.values()))

    # -- public -----------------------------------------------------------------------------

    def resolve(self, doc: Doc, published: date | None) -> DocActors:
        """Every actor mention in the article, resolved with the publication date."""
        found = DocActors()
        matches = self._dictionary_spans(doc)
        match_at: dict[int, tuple[Span, list[ActorEntry]]] = {}
        for span, entries in matches:
            for i in range(span.start, span.end):
                match_at[i] = (span, entries)
        # Count state mentions first: ambiguous names ("Congolese") are settled by context.
        for _span, entries in matches:
            for entry in entries:
                if entry.kind == "state" and entry.country:
                    found.country_counts[entry.country] += 1
        for token in doc:
            if token.i in found.by_token or not _is_np_head(token):
                continue
            mention = self._resolve_np(token, doc, match_at, found, published)
            if mention is None:
                mention = self._resolve_reference(token, found)
            if mention is None:
                continue
            found.add(mention)
            found.note(mention, doc[mention.head])
        self._merge_titles_with_names(doc, found)
        self._widen_appositions(doc, found)
        for span, entries in matches:
            if span.start in found.by_token:
                continue
            entry = self._choose(entries, found)
            place_use = entry.role != "demonym" and is_place_phrase(span.root)
            if entry.kind == "state" and entry.country and not place_use:
                found.loose.append(
                    (
                        span.start,
                        Actor(
                            span.text,
                            span.start_char,
                            span.end_char,
                            entry.country,
                            None,
                            entry.name,
                            "state",
                            entry.wikidata,
                            f"'{span.text}' names {entry.country}",
                        ),
                    )
                )
        return found

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
            place = self.gazetteer.lookup(_compound_text(token), found.countries())
            country = place.country if place is not None else None
        if country is None:
            return None
        start = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("compound", "det")])
        span = token.doc[start : token.i + 1]
        rule = f"the place '{span.text}' is in {country}"
        actor = Actor(
            span.text, span.start_char, span.end_char, country, None, None, "state", None, rule
        )
        return Mention(start, token.i + 1, token.i, [actor], rule, reference=True)

    def implied_actor(
        self, obj: Token, found: DocActors, through_places: bool = True
    ) -> Mention | None:
        """The actor a non-actor object implies: "residential districts of Kharkiv" -> UKR,
        "rebel positions" -> REB of the article's country. Only a country found inside the
        phrase (an actor or a place) or given by the context counts; nothing is guessed."""
        # Without `through_places`, not through a locative phrase: "talks in Almaty" are not
        # aimed at Kazakhstan, while "positions in the Gaza Strip" do lie in it.
        inside = [
            t
            for t in obj.subtree
            if t.i != obj.i
            and not _in_clause(t, obj)
            and (through_places or not _under_locative(t, obj))
        ]
        country: str | None = None
        source = ""
        for token in inside:
            mention = found.by_token.get(token.i)
            if mention is not None and mention.actors and mention.actors[0].country:
                country, source = mention.actors[0].country, mention.actors[0].text
                break
        if country is None:
            for token in inside:
                if token.pos_ == "PROPN" and token.dep_ != "compound":
                    place = self.gazetteer.lookup(_compound_text(token), found.countries())
                    if place is not None and place.country:
                        country, source = place.country, place.name
                        break
        if country is None:
            # "Afghan refugees", "Iranian drone manufacturers": a demonym in front says whose.
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
        sector = self._modifier_sector([t for t in obj.lefts], obj)
        if country is None and sector is not None:
            country = found.dominant_country()
            source = "the article's context" if country else ""
        if country is None:
            return None
        start = min([obj.i] + [t.i for t in obj.lefts])
        end = max([obj.i] + [t.i for t in inside if t.i > obj.i and not _in_clause(t, obj)]) + 1
        span = obj.doc[start:end]
        rule = f"target '{obj.text}' takes its country from {source}"
        actor = Actor(
            span.text, span.start_char, span.end_char, country, sector, None, "group", None, rule
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
            if entries:
                out.append((span, entries))
        return out

    # -- noun phrases -------------------------------------------------------------------------

    def _resolve_np(
        self,
        head: Token,
        doc: Doc,
        match_at: dict[int, tuple[Span, list[ActorEntry]]],
        found: DocActors,
        published: date | None,
    ) -> Mention | None:
        tokens = _np_tokens(head)
        start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
        inner = [match_at[t.i] for t in tokens if t.i in match_at]
        entries: list[ActorEntry] = []
        seen_spans: set[int] = set()
        for span, span_entries in inner:
            if span.start in seen_spans:
                continue
            seen_spans.add(span.start)
            # Organizations whose role changed (the Taliban governing from 2021) by date.
            entries.append(self.dictionary.as_of(self._choose(span_entries, found), published))
            start, end = min(start, span.start), max(end, span.end)
        if any(e.role == "media" for e in entries):
            return Mention(start, end, head.i, [], "media outlet or platform", media=True)

        person = next((e for e in entries if e.kind == "person"), None)
        if person is not None:
            # The person's name plus the title words right before it; not the whole phrase
            # when the parse glued other words on ("Boris Johnson - Thursday evening").
            name_span = next(sp for sp, es in inner if person in es)
            start, end = name_span.start, name_span.end
            in_np = {t.i for t in tokens}
            while start - 1 in in_np and doc[start - 1].dep_ != "det":
                start -= 1
            if head.i >= end and head.ent_type_ not in ("DATE", "TIME"):
                end = head.i + 1  # "the Trump administration": the phrase acts as a whole
            actor = self._person_actor(person, doc[start:end], published)
            if actor is not None:
                return Mention(start, end, head.i, [actor], actor.rule)

        named_head = head.i in match_at  # "European Union": a name, not the noun "union"
        title = None if named_head else self._title(tokens)
        noun_sector = None
        if title is None and not named_head and head.pos_ in ("NOUN", "PROPN"):
            # "intelligence service" before "service": the compound names the sector.
            compound = [t for t in head.lefts if t.dep_ == "compound"]
            phrase = f"{compound[-1].lemma_.lower()} {head.lemma_.lower()}" if compound else ""
            noun = (phrase and self.dictionary.sector_of_noun(phrase)) or (
                self.dictionary.sector_of_noun(head.lemma_.lower())
            )
            if noun is not None:
                noun_sector = noun.sector
        named = frozenset(i for sp, _ in inner for i in range(sp.start, sp.end))
        modifier = self._modifier_sector(tokens, head, named)
        org = next((e for e in entries if e.kind in ("organization", "group")), None)
        states = [e for e in entries if e.kind == "state"]
        span = doc[start:end]

        if title is not None or noun_sector is not None:
            return self._sector_mention(
                doc, head, (start, end), title, noun_sector, modifier, org, states, match_at, found
            )

        # "the Hezbollah group", "an Islamic State cell": the phrase stands for the group.
        if org is not None and (_head_inside(org, head, inner) or head.pos_ in ("NOUN", "PROPN")):
            actor = Actor(
                span.text,
                span.start_char,
                span.end_char,
                org.country,
                org.sector,
                org.name,
                actor_kind(org.kind),
                org.wikidata,
                f"organization {org.name} ({org.source})",
            )
            return Mention(start, end, head.i, [actor], actor.rule)

        if states and not _head_in_states(head, inner) and head.pos_ == "NOUN":
            # "Chinese hackers", "the Venezuelan people": a demonym names the group's country.
            lemma = head.lemma_.lower()
            countries = list(dict.fromkeys(e.country for e in states if e.country))
            if lemma not in NOT_GROUP_NOUNS and countries and not is_place_phrase(head):
                sector = modifier or ("CVL" if self.dictionary.is_generic(lemma) else None)
                rule = f"'{states[0].name}' modifies '{head.text}': the group's country"
                group = [
                    Actor(
                        span.text,
                        span.start_char,
                        span.end_char,
                        country,
                        sector,
                        None,
                        "group",
                        None,
                        rule,
                    )
                    for country in countries
                ]
                return Mention(start, end, head.i, group, rule)

        # "the Central African Republic (CAR)": the parser may head the phrase on the acronym.
        parenthetical = head.i > 0 and head.doc[head.i - 1].text == "("
        if states and (_head_in_states(head, inner) or parenthetical):
            entry = states[0]
            if entry.role == "capital_metonym" and is_place_phrase(head):
                return None
            if entry.role in ("country_name", "demonym") and is_place_phrase(head):
                return None
            sector = entry.sector if entry.role == "capital_metonym" else modifier
            rule = {
                "capital_metonym": f"'{span.text}' stands for the government of {entry.country}",
                "demonym": f"demonym '{span.text}' -> {entry.country}",
            }.get(entry.role, f"country name '{span.text}' -> {entry.country}")
            actor = Actor(
                span.text,
                span.start_char,
                span.end_char,
                entry.country,
                sector,
                entry.name,
                "state",
                entry.wikidata,
                f"{rule} ({entry.source})",
            )
            return Mention(start, end, head.i, [actor], actor.rule)

        earlier = found.surnames.get(head.lower_) if head.pos_ == "PROPN" else None
        if earlier is not None and end - start <= 2:
            # "Kristersson promised ...": the person named in full earlier in the article.
            rule = f"'{span.text}' is {earlier.name}, named earlier"
            actor = _relocate(earlier, span.text, span.start_char, span.end_char, rule)
            return Mention(start, end, head.i, [actor], rule, reference=True)
        if head.pos_ == "PROPN" and head.ent_type_ in UNLISTED_NAME_KINDS and modifier is None:
            # A name the dictionary does not know keeps its text, with no country guessed.
            kind = UNLISTED_NAME_KINDS[head.ent_type_]
            name = (_person_name(span) if kind == "person" else None) or span.text
            if name.lower().startswith("the "):
                name = name[4:]
            country = None
            rule = f"named {head.ent_type_} not in the dictionary: no country assumed"
            described = [e for e in states if e.role in ("country_name", "demonym")]
            if kind == "person" and described:
                # "US basketball star Brittney Griner", "Iranian activist X": the NP says whose.
                country = described[0].country
                rule = f"named person not in the dictionary, described as {described[0].name}"
            actor = Actor(
                span.text,
                span.start_char,
                span.end_char,
                country,
                None,
                name,
                kind,
                None,
                rule,
            )
            return Mention(start, end, head.i, [actor], actor.rule)
        return None

    def _sector_mention(
        self,
        doc: Doc,
        head: Token,
        bounds: tuple[int, int],
        title: _TitleMatch | None,
        noun_sector: str | None,
        modifier: str | None,
        org: ActorEntry | None,
        states: list[ActorEntry],
        match_at: dict[int, tuple[Span, list[ActorEntry]]],
        found: DocActors,
    ) -> Mention | None:
        """A title or agent noun ("Health Secretary", "police"), with its country or group."""
        span = doc[bounds[0] : bounds[1]]
        sector = modifier or (title.sector if title is not None else noun_sector)
        person_name = _person_name(span)
        bits = []
        if title is not None:
            bits.append(f"title '{title.phrase}' -> {title.sector}")
        if noun_sector:
            bits.append(f"agent noun '{head.lemma_}' -> {noun_sector}")
        if modifier:
            bits.append(f"modifier -> {modifier}")

        if org is not None:
            # "Hamas militants": the group's country; an armed group keeps its own sector.
            if org.sector in ("REB", "UAF"):
                sector = noun_sector or org.sector
            bits.append(f"organization {org.name} ({org.source})")
            rule = "; ".join(bits)
            kind = actor_kind("person" if person_name else "organization")
            actor = Actor(
                span.text,
                span.start_char,
                span.end_char,
                org.country,
                sector,
                person_name or org.name,
                kind,
                org.wikidata,
                rule,
            )
            return Mention(span.start, span.end, head.i, [actor], rule)

        partners: list[tuple[ActorEntry, Token]] = []
        countries: list[str | None] = [e.country for e in states if e.country]
        if countries:
            bits.append("country from " + ", ".join(f"'{e.name}'" for e in states))
        else:
            around, partners = self._countries_around(head, match_at, found)
            countries = list(around)
            if countries:
                bits.append("country from " + ", ".join(around))
        if not countries and _definite_bare(head):
            # "the minister": the last person named with that kind of office; "the militants":
            # the last group named with that sector.
            wanted = {modifier or "", title.sector if title else noun_sector or ""} - {""}
            pool = found.persons_seen if title is not None else found.orgs_seen
            earlier = next((p for p in reversed(pool) if p.sector in wanted), None)
            if earlier is not None:
                rule = f"'{span.text}' refers to {earlier.name or earlier.text}"
                actor = _relocate(earlier, span.text, span.start_char, span.end_char, rule)
                return Mention(span.start, span.end, head.i, [actor], rule, reference=True)
        generic = title is None and self.dictionary.is_generic(head.lemma_.lower())
        if not countries and not (generic and modifier is None):
            dominant = found.dominant_country()
            if dominant is not None:
                countries = [dominant]
                bits.append(f"country from the article's context ({dominant})")
        if not countries:
            if generic and modifier is None:  # "officials" alone; "former officials" is ELI
                return None
            countries = [None]
        rule = "; ".join(bits)
        is_person = (title is not None and title.kind == "person") or bool(person_name)
        kind = actor_kind("person" if is_person else "group")
        actors = [
            Actor(
                span.text,
                span.start_char,
                span.end_char,
                country,
                sector,
                person_name,
                kind,
                None,
                rule,
            )
            for country in countries
        ]
        for partner, token in partners:
            pspan = match_at[token.i][0]
            actors.append(
                Actor(
                    pspan.text,
                    pspan.start_char,
                    pspan.end_char,
                    partner.country,
                    partner.sector,
                    partner.name,
                    actor_kind(partner.kind),
                    partner.wikidata,
                    f"{rule}; listed with them: {partner.name}",
                )
            )
        return Mention(span.start, span.end, head.i, actors, rule)

    def _resolve_reference(self, token: Token, found: DocActors) -> Mention | None:
        """Within-article reference: "he" -> the last person; "the two countries" -> last two;
        "the country" -> the last state. Nothing when there is no earlier actor to point to."""
        lower, lemma = token.lower_, token.lemma_.lower()
        mods = {c.lower_ for c in token.children}
        states_seen = found.states_seen
        if (
            lemma in ("country", "nation")
            and token.tag_ == "NN"
            and mods
            and (mods <= {"the", "this"})
            and states_seen
        ):
            last = states_seen[-1]
            state = Actor(
                last.text, last.start, last.end, last.country, None, None, "state", None, last.rule
            )
            return _pointer(token, [state], f"the last state named ({last.country})")
        if (
            lower == "it"
            and token.dep_ in ("nsubj", "nsubjpass")
            and token.head.lemma_.lower() not in ("be", "seem", "appear", "remain", "take")
            and found.bodies_seen
        ):
            # "Britain said it will not lift the ban": the last state or body, preferring one
            # that was a subject.
            bodies = [a for a in found.subjects_seen if a.country and a.kind != "person"]
            last = (bodies or found.bodies_seen)[-1]
            return _pointer(token, [last], last.name or last.text, whole_phrase=False)
        if lower in ("they", "them") and token.pos_ == "PRON":
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
                return _pointer(token, earlier.actors, earlier.actors[0].text, whole_phrase=False)
        if lower in PERSON_PRONOUNS and token.pos_ == "PRON":
            # The last subject that fits is the likeliest antecedent, else the last mention.
            subjects = [a for a in found.subjects_seen if a.kind == "person"]
            people = subjects or found.persons_seen
            if people:
                last = people[-1]
                return _pointer(token, [last], last.name or last.text, whole_phrase=False)
        if lemma in GROUP_REFERENCES and _definite_bare(token) and found.orgs_seen:
            last = found.orgs_seen[-1]
            return _pointer(token, [last], last.name or last.text)
        pair_head = lemma in PAIR_HEADS or lower in PAIR_HEADS
        if pair_head and mods & {"two", "both"} and len(states_seen) >= 2:
            return _pointer(token, states_seen[-2:], "the last two states named")
        return None

    # -- helpers --------------------------------------------------------------------------------

    def _choose(self, entries: list[ActorEntry], found: DocActors) -> ActorEntry:
        """Pick among entries sharing a surface form, preferring countries named in the article."""
        if len(entries) == 1:
            return entries[0]
        ranked = sorted(
            entries,
            key=lambda e: (-(found.country_counts.get(e.country or "", 0)), entries.index(e)),
        )
        return ranked[0]

    def _person_actor(self, entry: ActorEntry, span: Span, published: date | None) -> Actor | None:
        resolution = self.dictionary.person(entry.name, published)
        if resolution is None:
            return Actor(
                span.text,
                span.start_char,
                span.end_char,
                entry.country,
                entry.sector,
                entry.name,
                "person",
                entry.wikidata,
                f"listed person {entry.name} ({entry.source})",
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
            span.text,
            span.start_char,
            span.end_char,
            country,
            sector,
            resolution.name,
            "person",
            resolution.wikidata,
            f"listed person {resolution.name}: {held} on {when} ({entry.source})",
        )

    def _title(self, tokens: Sequence[Token]) -> _TitleMatch | None:
        words = [t for t in tokens if t.dep_ != "det" and t.pos_ in ("NOUN", "PROPN", "ADJ")]
        # Longest run of words that the dictionary knows as a title ("health secretary").
        for size in range(min(4, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                phrase = " ".join(t.lower_ for t in words[i : i + size])
                title = self.dictionary.title(phrase)
                if title is None and size == 1:
                    title = self.dictionary.title(words[i].lemma_.lower())
                if title is not None:
                    return _TitleMatch(phrase, title.sector, title.kind)
        return None

    def _modifier_sector(
        self, tokens: Sequence[Token], head: Token, named: frozenset[int] = frozenset()
    ) -> str | None:
        """Sector from a modifier ("opposition", "former"), not from inside a name
        ("the Federal Republic of Germany" is no government)."""
        for token in tokens:
            if token.i == head.i or token.i in named:
                continue
            sector = self.dictionary.modifier_sector(token.lemma_.lower())
            if sector:
                return sector
        return None

    def _countries_around(
        self,
        head: Token,
        match_at: dict[int, tuple[Span, list[ActorEntry]]],
        found: DocActors,
    ) -> tuple[list[str], list[tuple[ActorEntry, Token]]]:
        """Country of a sector noun from "X's", "of X" or "from X, Y and Z" near its head.

        Organizations coordinated with those countries ("..., as well as the European
        Commission") come back as partners: they take part in their own right.
        """
        for child in head.children:
            if child.dep_ == "poss" and child.i in match_at:
                entry = self._choose(match_at[child.i][1], found)
                if entry.country and entry.kind == "state":
                    return [entry.country], []
        # "ministers responsible for migration from Germany, ...": look a few levels down.
        for prep in _preps_below(head, depth=3):
            if prep.lower_ not in ("of", "from"):
                continue
            countries: list[str] = []
            partners: list[tuple[ActorEntry, Token]] = []
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for tok in [obj, *_conjuncts(obj)]:
                    entry_tok = _dictionary_token(tok, match_at)
                    if entry_tok is None:
                        continue
                    entry = self._choose(match_at[entry_tok.i][1], found)
                    if entry.kind == "state" and entry.country:
                        countries.append(entry.country)
                    elif entry.kind in ("organization", "group") and entry.role != "media":
                        partners.append((entry, entry_tok))
            if countries:
                return list(dict.fromkeys(countries)), partners
        # "authorities in Pakistan", "protesters in Kharkiv": where a group is, is its country.
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        country = self._place_country(obj, match_at, found)
                        if country:
                            return [country], []
        return [], []

    def _place_country(
        self,
        token: Token,
        match_at: dict[int, tuple[Span, list[ActorEntry]]],
        found: DocActors,
    ) -> str | None:
        """Country of a place name: a country or capital in the dictionary, else a gazetteer town."""
        entry_tok = _dictionary_token(token, match_at)
        if entry_tok is not None:
            entry = self._choose(match_at[entry_tok.i][1], found)
            return entry.country if entry.kind == "state" else None
        if token.pos_ != "PROPN":
            return None
        start = min([token.i] + [c.i for c in token.lefts if c.dep_ == "compound"])
        name = token.doc[start : token.i + 1].text
        place = self.gazetteer.lookup(name, found.countries())
        return place.country if place is not None else None

    def _widen_appositions(self, doc: Doc, found: DocActors) -> None:
        """'The then president, Goodluck Jonathan, rejected ...': the evidence of an actor
        covers the apposition that names or describes the same person; an apposition naming
        someone of another country (a list of states) is left alone."""
        for mention in list(found.mentions):
            if not mention.actors or len(mention.actors) != 1 or mention.reference:
                continue
            head = doc[mention.head]
            appos = [c for c in head.children if c.dep_ == "appos" and c.i >= mention.end]
            if not appos:
                continue
            other = found.by_token.get(appos[0].i)
            if other is None or not other.actors or other is mention:
                continue
            if mention not in found.mentions or other not in found.mentions:
                continue  # already merged into a wider mention
            mine, theirs = mention.actors[0], other.actors[0]
            if mine.kind != "person" and theirs.kind != "person":
                continue
            if mine.country and theirs.country and mine.country != theirs.country:
                continue
            end = max(t.i for t in appos[0].subtree) + 1
            span = doc[mention.start : end]
            base = mine if mine.country or not theirs.country else theirs
            widened = _relocate(base, span.text, span.start_char, span.end_char, base.rule)
            found.mentions.remove(mention)
            found.mentions.remove(other)
            combined = Mention(mention.start, end, mention.head, [widened], widened.rule)
            found.add(combined)
            for i in range(other.start, other.end):
                found.by_token[i] = combined

    def _merge_titles_with_names(self, doc: Doc, found: DocActors) -> None:
        """Join "Prime Minister" and a person named right after it when the parse split them."""
        for mention in list(found.mentions):
            nxt = found.by_token.get(mention.end)
            if nxt is None or nxt is mention or not mention.actors or not nxt.actors:
                continue
            title_actor, person = mention.actors[0], nxt.actors[0]
            if person.kind != "person" or title_actor.kind != "person" or title_actor.name:
                continue
            span = doc[mention.start : nxt.end]
            if person.country:
                merged = _relocate(person, span.text, span.start_char, span.end_char, person.rule)
            else:
                merged = Actor(
                    span.text,
                    span.start_char,
                    span.end_char,
                    title_actor.country,
                    title_actor.sector,
                    person.name,
                    "person",
                    None,
                    f"{title_actor.rule}; name {person.name}",
                )
            combined = Mention(mention.start, nxt.end, nxt.head, [merged], merged.rule)
            found.mentions.remove(mention)
            found.mentions.remove(nxt)
            found.add(combined)


@dataclass(frozen=True)
class _TitleMatch:
    phrase: str
    sector: str
    kind: str


def _in_clause(token: Token, top: Token) -> bool:
    """True when `token` sits in a clause hanging below `top` (relative clause, participle)."""
    current = token
    while current.i != top.i:
        if current.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp") or current.pos_ == "VERB":
            return True
        current = current.head
    return False


def _under_locative(token: Token, top: Token) -> bool:
    current = token
    while current.i != top.i:
        if current.dep_ == "prep" and current.lower_ in LOCATIVE_PREPS:
            return True
        current = current.head
    return False


def _compound_text(token: Token) -> str:
    start = min([token.i] + [c.i for c in token.lefts if c.dep_ == "compound"])
    return token.doc[start : token.i + 1].text


GROUP_KINDS = ("group", "organization")


def _pointer(
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
        _relocate(a, a.text, a.start, a.end, rule)
        if token.pos_ == "PRON" and sentence_start <= a.start < span.start_char
        else _relocate(a, span.text, span.start_char, span.end_char, rule)
        for a in earlier
    ]
    return Mention(start, token.i + 1, token.i, actors, rule, reference=True)


def _definite_bare(head: Token) -> bool:
    """'the minister', 'the prime minister', 'the former president': a pointer back, not a
    new actor; any country or name in front makes it a new one."""
    lefts = [t for t in head.lefts if t.dep_ != "punct"]
    if not lefts or lefts[0].lower_ not in ("the", "this"):
        return False
    return all(t.pos_ in ("ADJ", "NOUN") and t.ent_type_ == "" for t in lefts[1:])


def _is_np_head(token: Token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
        return False
    if token.pos_ == "ADJ" and token.dep_ not in ("pobj", "nsubj", "dobj", "nsubjpass", "conj"):
        return False
    if token.dep_ == "conj" and token.head.dep_ in NP_MODIFIERS:
        return False  # "Azerbaijani" in "Armenian and Azerbaijani troops" modifies "troops"
    return token.dep_ not in ("compound", "flat") or token.head.pos_ not in ("NOUN", "PROPN")


def _np_tokens(head: Token) -> list[Token]:
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            # Coordinated modifiers stay inside: "Armenian and Azerbaijani troops".
            coordinated = tok.i != head.i and child.dep_ in ("conj", "cc")
            if (
                child.dep_ in NP_MODIFIERS
                or coordinated
                or (child.dep_ == "punct" and child.text == "-")
            ):
                if child.dep_ == "punct" and (child.i < head.i - 3):
                    continue
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _preps_below(head: Token, depth: int) -> Iterable[Token]:
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


def _dictionary_token(
    token: Token, match_at: dict[int, tuple[Span, list[ActorEntry]]]
) -> Token | None:
    """The token itself, or a compound word in front of it, that the dictionary matched."""
    if token.i in match_at:
        return token
    for child in token.lefts:
        if child.dep_ == "compound" and child.i in match_at:
            return child
    return None


def _conjuncts(token: Token) -> list[Token]:
    return [t for t in token.conjuncts if t.i != token.i]


def _head_inside(
    entry: ActorEntry, head: Token, inner: list[tuple[Span, list[ActorEntry]]]
) -> bool:
    return any(span.start <= head.i < span.end and entry in entries for span, entries in inner)


def _head_in_states(head: Token, inner: list[tuple[Span, list[ActorEntry]]]) -> bool:
    return any(span.start <= head.i < span.end for span, _ in inner)


def _person_name(span: Span) -> str | None:
    names = [
        t.text
        for t in span
        if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.dep_ not in ("amod", "conj")
    ]
    return " ".join(names) if names else None


def _relocate(actor: Actor, text: str, start: int, end: int, rule: str) -> Actor:
    return Actor(
        text, start, end, actor.country, actor.sector, actor.name, actor.kind, actor.wikidata, rule
    )
