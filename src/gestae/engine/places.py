"""Places stage: decide which place phrase belongs to an event and resolve it to a place.

The dependency-parse rules here decide which place phrase belongs to a given event trigger,
and whether a place name is used as a location or as an actor ("in Paris" versus "Paris
canceled ..."); the name index they resolve against is `gestae.resources.gazetteer`, and the
words they rely on are data (`data/places.yaml`).

The rules deliberately prefer returning None over borrowing a place from a neighbouring clause:
a wrong location is worse for event data than a missing one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from gestae.resources.gazetteer import (
    UNAMBIGUOUS_PRECISIONS,
    Gazetteer,
    PlaceDataError,
    PlaceEntry,
    load_fixed_places,
    normalize_name,
)
from gestae.resources.place_words import PlaceWords
from gestae.schema import Location

# The gazetteer names stay importable from here for the modules and tests that did so.
__all__ = [
    "Gazetteer",
    "PlaceDataError",
    "PlaceEntry",
    "is_place_phrase",
    "load_fixed_places",
    "locate_event",
    "normalize_name",
]

# Smaller rank = more specific; used when several place phrases attach to one event.
_SPECIFICITY = {"city": 0, "admin1": 1, "region": 2, "water": 2, "country": 3, "continent": 4}

# --- syntax -------------------------------------------------------------------------------------

# The word lists are in data/places.yaml; see the comment on each there.
_LOCATIVE_PREPS = PlaceWords("locative_preps")
_AT_TARGET_HEADS = PlaceWords("at_target_heads")
_FROM_PLACE_VERBS = PlaceWords("from_place_verbs")
_PLACE_NOUNS = PlaceWords("place_nouns")
_FRAME_PREPS = PlaceWords("frame_preps")
_ADVERBIAL_LOCATORS = PlaceWords("adverbial_locators")
_COMPASS_WORDS = PlaceWords("compass_words")
_NON_PLACE_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_NAME_PARTS = frozenset({"compound", "flat", "nmod", "amod"})


def _is_frame(token: Token) -> bool:
    """A common noun that frames a place; lemmas vary ("outskirts" -> "outskirt")."""
    return token.lower_ in _PLACE_NOUNS or token.lemma_.lower() in _PLACE_NOUNS


def _is_locative_prep(prep: Token, obj: Token) -> bool:
    word = prep.lower_
    governor = prep.head
    if word == "of":
        return _is_frame(governor)
    if word in _FRAME_PREPS:
        return _is_frame(obj)
    if word not in _LOCATIVE_PREPS:
        return False
    if word == "at":
        return governor.lemma_.lower() not in _AT_TARGET_HEADS
    if word == "from":
        return governor.pos_ in ("VERB", "AUX") and governor.lemma_.lower() in _FROM_PLACE_VERBS
    return True


def _phrase_head(token: Token) -> Token:
    """Climb from a name part to the token that carries its role in the clause."""
    current = token
    for _ in range(8):
        dep = current.dep_
        governor = current.head
        if dep in ("compound", "flat", "conj", "appos") and governor.i != current.i:
            if governor.lower_ == "based":
                break
            current = governor
        elif (
            dep == "pobj"
            and governor.lower_ == "of"
            and governor.head.pos_ == "PROPN"
            and governor.head.text[:1].isupper()
        ):
            current = governor.head  # "Strait of Hormuz", "Gulf of Aden"
        else:
            break
    return current


def is_place_phrase(token: Token) -> bool:
    """True when a place name is used as a location rather than as a participant.

    Location readings: object of a locative preposition (in, at, near, outside, off, across,
    into, through, ...), "from" only after motion/launch verbs, "at" except after targeting
    verbs, the object of "of" after a frame noun ("the outskirts of Kyiv"), a possessor of a
    frame noun ("Syria's north"), a compound on a frame noun ("the Gaza border") and
    "X-based". Participant readings (returns False): subjects and objects, and objects of
    "with", "to", "on", "against", "between", "over", "for", "by" - "called on France",
    "talks with Russia", "aid to Ukraine".
    """
    head = _phrase_head(token)
    dep = head.dep_
    governor = head.head
    if dep == "pobj" and governor.dep_ in ("prep", "advmod", "agent", "dative", "prt"):
        return _is_locative_prep(governor, head)
    if dep == "poss":
        return _is_frame(governor)
    if dep in ("npadvmod", "nmod", "amod") and governor.i != head.i:
        # "a London-based group": the tokenizer splits the hyphen, "based" governs London
        return governor.lower_ in ("based", "-based") or _is_frame(governor)
    return False


# --- resolution ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Match:
    entry: PlaceEntry
    start: int  # token indices, end exclusive
    end: int


class _Resolver:
    """Per-call state: the doc, the gazetteer and the weak hints for this sentence."""

    def __init__(self, gazetteer: Gazetteer, hints: Sequence[str]) -> None:
        self.gaz = gazetteer
        self.hints = tuple(hints)

    # -- names

    def _name_spans(self, head: Token) -> Iterator[tuple[int, int]]:
        """Candidate token spans for the proper name headed by `head`, longest first."""
        doc = head.doc
        left = head.i
        while left > 0:
            prev = doc[left - 1]
            if prev.text == "-" and left >= 2 and doc[left - 2].text[:1].isupper():
                left -= 1  # hyphenated name split by the tokenizer: "Nagorno-Karabakh"
            elif (
                prev.dep_ in _NAME_PARTS
                and left - 1 <= prev.head.i <= head.i
                and prev.text[:1].isupper()
            ):
                left -= 1
            else:
                break
        while left < head.i and not doc[left].text[:1].isalnum():
            left += 1
        ends = [head.i + 1]
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == head.i + 1:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ == "PROPN":
                    ends.insert(0, pobj.i + 1)
            # hyphenated names split by the tokenizer: "Nagorno-Karabakh", "Guinea-Bissau"
            if child.i == head.i + 2 and doc[head.i + 1].text == "-":
                ends.insert(0, child.i + 1)
        # Shorter spans drop only compass words: "Northern Syria" may fall back to "Syria", but
        # "European Union" must not fall back to Union, New Jersey.
        starts = [left]
        while starts[-1] < head.i and doc[starts[-1]].lower_ in _COMPASS_WORDS:
            starts.append(starts[-1] + 1)
        seen: set[tuple[int, int]] = set()
        for end in ends:
            for start in starts:
                if (start, end) not in seen:
                    seen.add((start, end))
                    yield start, end
        ent = head.ent_type_ and next((e for e in doc.ents if e.start <= head.i < e.end), None)
        if ent and (ent.start, ent.end) not in seen:
            start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
            if start < ent.end:
                yield start, ent.end

    def _local_hint(self, doc: Doc, end: int) -> PlaceEntry | None:
        """A country or US state written right after a name: "Calais (northern France)"."""
        doc_len = len(doc)
        i = end
        if i < doc_len and doc[i].text in ("(", ",", "-"):
            i += 1
        else:
            return None
        while i < doc_len and doc[i].pos_ == "ADJ" and doc[i].text.islower():
            i += 1
        j = i
        while j < doc_len and (doc[j].pos_ == "PROPN" or doc[j].ent_type_ == "GPE"):
            j += 1
        if j == i:
            return None
        entry = self.gaz.lookup(doc[i:j].text)
        if entry is not None and entry.precision in ("country", "admin1"):
            return entry
        return None

    def resolve_name(self, head: Token) -> _Match | None:
        if head.ent_type_ in _NON_PLACE_ENTS or not head.text[:1].isupper():
            return None
        if head.pos_ != "PROPN" and head.ent_type_ not in ("GPE", "LOC", "FAC"):
            return None
        doc = head.doc
        # Names tagged as organisations ("Hamas", "NATO") must match a place's own name; an
        # alternate spelling of a German town is not evidence enough.
        alternates = head.ent_type_ not in ("ORG", "NORP")
        for start, end in self._name_spans(head):
            text = doc[start:end].text
            found = self.gaz.candidates(text, alternates=alternates)
            if not found:
                continue
            local = self._local_hint(doc, end)
            entry: PlaceEntry | None = None
            if local is not None and found[0].precision not in UNAMBIGUOUS_PRECISIONS:
                same = [e for e in found if e.country == local.country]
                if local.precision == "admin1":
                    same = [e for e in same if e.admin1 == local.admin1] or same
                entry = same[0] if same else None
            if entry is None:
                entry = self.gaz.lookup(text, self.hints, alternates=alternates)
            if entry is not None:
                return _Match(entry, start, end)
        return None

    def resolve_phrase(self, token: Token, depth: int = 0) -> _Match | None:
        """Place denoted by a noun phrase headed by `token` (a proper name or a frame noun)."""
        if depth > 3:
            return None
        found = self.resolve_name(token)
        if found is not None:
            return found
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        if _is_frame(token):
            # "the West Bank city of Jenin": the "of" name is the more specific one
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    found = self._resolve_pp(child, depth + 1)
                elif child.dep_ in ("appos", "poss"):
                    found = self.resolve_phrase(child, depth + 1)
                else:
                    continue
                if found is not None:
                    return found
        for child in token.children:
            if child.dep_ == "compound" and child.pos_ == "PROPN":
                found = self.resolve_name(child)
                if found is not None:
                    return found
        return self.best(self.locative_pps(token, depth + 1))

    def _resolve_pp(self, prep: Token, depth: int) -> _Match | None:
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                return self.resolve_phrase(pobj, depth)
        return None

    def locative_pps(self, anchor: Token, depth: int = 0) -> list[_Match]:
        """Places in locative phrases that hang directly off `anchor`."""
        out: list[_Match] = []
        for child in anchor.children:
            found: _Match | None = None
            if child.dep_ == "prep":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and _is_locative_prep(child, pobj):
                    found = self.resolve_phrase(pobj, depth)
            elif child.dep_ in ("advmod", "npadvmod") and child.lower_ in _ADVERBIAL_LOCATORS:
                for grandchild in child.children:
                    if grandchild.dep_ == "prep" and grandchild.lower_ in ("to", "of"):
                        found = self._resolve_pp(grandchild, depth)
                    elif grandchild.dep_ == "pobj":
                        found = self.resolve_phrase(grandchild, depth)
                    if found is not None:
                        break
            if found is not None:
                out.append(found)
        return out

    @staticmethod
    def best(matches: list[_Match]) -> _Match | None:
        """Most specific of several places attached to one word ("in Calais, in France")."""
        if not matches:
            return None
        return min(matches, key=lambda m: (_SPECIFICITY.get(m.entry.precision, 9), m.start))


_ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd"})


def _arguments(word: Token) -> list[Token]:
    """Noun arguments of a word, plus the objects of their "of" phrases."""
    found = [c for c in word.children if c.dep_ in _ARGUMENT_DEPS and c.pos_ in ("NOUN", "PROPN")]
    # "clashed with police in Belfast": the phrase describes the clash, not just the police.
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "against"):
            found.extend(c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN")
    # "a meeting of ministers in Calais": the phrase may hang off the "of" object instead.
    for noun in list(found):
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def _anchors(trigger: Token) -> Iterator[tuple[list[Token], list[Token]]]:
    """(words, arguments) groups whose place phrases describe the trigger's event, nearest
    first; arguments additionally count when they are themselves frame nouns ("shelled the
    outskirts of Kharkiv")."""
    yield [trigger], _arguments(trigger)
    if trigger.dep_ in ("relcl", "acl") and trigger.head.pos_ in ("NOUN", "PROPN"):
        # "the drowning of migrants in the English Channel that killed 27 people"
        yield [trigger.head], []
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    light_noun = trigger.pos_ == "NOUN" and trigger.dep_ == "dobj"
    if trigger.dep_ == "xcomp" or (trigger.dep_ == "advcl" and has_to) or light_noun:
        # Purpose and control clauses share the main verb's setting ("leaders met in
        # Brussels to sign the deal"), and light verbs often take the nominal event's
        # phrase ("carried out an attack in Kabul").
        head = trigger.head
        yield [head], [a for a in _arguments(head) if a.i != trigger.i]


def _sentence_country_hints(trigger: Token, gazetteer: Gazetteer) -> list[str]:
    codes: list[str] = []
    for ent in trigger.sent.ents:
        if ent.label_ != "GPE":
            continue
        entry = gazetteer.lookup(ent.text)
        is_country = entry is not None and entry.precision == "country"
        if is_country and entry and entry.country and entry.country not in codes:
            codes.append(entry.country)
    return codes


def locate_event(
    trigger: Token, gazetteer: Gazetteer, country_hint: Sequence[str] = ()
) -> Location | None:
    """The place syntactically attached to this trigger's event, or None.

    Looks, in order, at locative phrases on the trigger, on its noun arguments ("hold a
    meeting in Calais"), on the noun a relative clause trigger modifies, and on the governing
    verb of a purpose/control clause. Never falls back to "first place in the sentence":
    places inside other clauses belong to other events.
    """
    hints = [*country_hint, *_sentence_country_hints(trigger, gazetteer)]
    resolver = _Resolver(gazetteer, hints)
    for words, arguments in _anchors(trigger):
        matches: list[_Match] = []
        for word in words:
            matches.extend(resolver.locative_pps(word))
        for argument in arguments:
            matches.extend(resolver.locative_pps(argument))
            if _is_frame(argument):
                framed = resolver.resolve_phrase(argument)
                if framed is not None:
                    matches.append(framed)
            elif argument.dep_ == "dobj":
                # "crossed the Channel", "attacked Crimea": seas and regions cannot be
                # participants, unlike countries and cities ("Beijing warned Washington").
                named = resolver.resolve_name(argument)
                if named is not None and named.entry.precision in ("water", "region"):
                    matches.append(named)
        found = resolver.best(matches)
        if found is not None:
            return _to_location(trigger, found)
    return None


def _to_location(trigger: Token, match: _Match) -> Location:
    doc = trigger.doc
    first, last = doc[match.start], doc[match.end - 1]
    entry = match.entry
    return Location(
        name=entry.name,
        country=entry.country,
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        precision=entry.precision,
        text=doc[match.start : match.end].text,
        start=first.idx,
        end=last.idx + len(last.text),
    )
