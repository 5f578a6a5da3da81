"""The most specific place the text names: a place measured from a landmark is not the landmark.

"Mortar rounds hit houses in Qaryat Sufla, just south of Mosul": the bearing says where Qaryat
Sufla lies; the event was there, not in Mosul. The rules rank such a landmark below a place
named beside it, but when the gazetteer does not know the place and the tagger calls it a
person or an organisation ("at Kabwe Junction, 80 km north of the capital Lusaka"), no rule
keeps it, and the landmark, the one place the sentence is sure of, would win: a wrong place.
A name measured from a landmark is a place whatever the tagger says, so the event keeps that
name, unresolved, inside the landmark's country and admin1.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.places.match import Match
from gestae.engine.places.phrases import (
    ADVERBIAL_LOCATORS,
    AREA_NOUNS,
    DISTANCE_WORDS,
    LOCATIVE_PREPS,
    PLACE_OBJECT_VERBS,
    SETTLEMENT_NOUNS,
    SITE_NOUNS,
    THOROUGHFARE_NOUNS,
    is_sub_town,
)
from gestae.engine.places.resolver import Resolver
from gestae.engine.rules import declare
from gestae.resources.place_words import PlaceWords

# Names of what a place holds, not of a place: a named building or street set in a known town
# gives way to the town (match.site_in_town), and that choice stands here too.
_HELD_NAMES = frozenset({*SITE_NOUNS, *THOROUGHFARE_NOUNS})
# How broad each kind of gazetteer entry is.
_TIERS = {"town": 0, "admin2": 1, "admin1": 2, "region": 3, "water": 3, "country": 4}
# Entity labels a name set in a place may not carry: a people, a date, a number.
_NOT_PLACES = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY"})
MEASURED_FRAME = "place.measured-frame"
declare(
    MEASURED_FRAME,
    """A settlement, area or part a bearing measures from a landmark ("in Khan Bani Saad
    town, some 35 km northeast of Baghdad", "in the Nakial sector 300 km south of X") is the
    place, not the landmark: the name the frame gives, known in the landmark's country or
    kept unresolved inside it.

    Example: A bomb exploded on a road in Kafr Nabl town, some 35 km south of Idlib, on Monday.
    """,
    __name__,
)
# How a landmark hangs below its bearing: "of [the capital] Lusaka", "of [the city of] X".
_LANDMARK_LINKS = frozenset({"pobj", "appos", "compound"})
# Nouns a landmark may be named by before its name: "north of the capital Lusaka".
_LANDMARK_NOUNS = frozenset({"capital", "city", "town", "village"})


def most_specific(found: Match, trigger: Token, resolver: Resolver) -> Match:
    """The most specific place the text gives for the place a rule found: a name measured
    from it, a name it contains, a part of it a frame names."""
    found = measured_place(found, trigger, resolver)
    found = contained_place(found, trigger, resolver)
    found = framed_part(found, trigger, resolver)
    return part_in_place(found, trigger, resolver)


def measured_place(found: Match, trigger: Token, resolver: Resolver) -> Match:
    """The name a landmark's bearing measures ("X, 50 km west of Y" gives X) when `found` is
    that landmark Y and X is the object of a locative preposition; else `found`. X is the
    gazetteer's place when it knows one in the landmark's country, else unresolved."""
    if found.entry is None:
        return found
    doc = trigger.doc
    bearing = _bearing_of(doc[found.end - 1])
    if bearing is None:
        return found
    framed = _measured_frame(bearing, found, trigger, resolver)
    if framed is not None:
        return framed
    comma = _before_distance(bearing)
    if comma < 1 or doc[comma].text != ",":
        return found
    head = doc[comma - 1]
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return found
    # "in X, north of Y", "at X Junction, 80 km north of Y": the name is itself a setting
    root = head
    while root.dep_ in ("compound", "flat") and root.head.i > root.i:
        root = root.head
    if root.i != head.i:
        return found
    located = root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS
    if not located and not _set_as_place(root, trigger):
        return found
    named = _name_in(head, found, resolver)
    if not located or comma != min(bearing.left_edge.i, bearing.i) - 1:
        resolver.notes[(named.start, named.end)] = MEASURED_NAME
    return named


MEASURED_NAME = "place.measured-name"
declare(
    MEASURED_NAME,
    """A name a bearing measures from a landmark is the place, not the landmark, also when the
    distance stands between them ("at Kabala, 250 kilometres (155 miles) northeast of X") or
    the name sits in the "of" phrase of a frame or site ("north of the city of Fallujah, 50 km
    west of Baghdad", "near the government building of Kirkuk City, 250 km north of
    Baghdad"), or in the ground an act is done to ("captured two towns, Rasai I and Rasai
    II, 440 km east of Khartoum", "captured Selo Gornje, 40 km north of Tuzla"): known in
    the landmark's country, or kept unresolved inside it.

    Example: Gunmen captured two engineers at Kabala, 250 kilometres (155 miles) northeast of the capital Freetown.
    """,
    __name__,
)
# How far up a measured name may sit below the phrase that makes it a setting.
_NAME_LINKS = 4


def _before_distance(bearing: Token) -> int:
    """The index of the word before a bearing and the distance that opens it ("[,] some 250
    kilometres (155 miles) northeast"), read in the text as the parse often hangs the
    distance on the name; -1 when the text runs out."""
    doc = bearing.doc
    i = min(bearing.left_edge.i, bearing.i) - 1
    while i >= 0:
        word = doc[i]
        if not (
            word.like_num
            or word.lower_ in DISTANCE_WORDS
            or word.text in ("(", ")")
            or word.ent_type_ == "QUANTITY"
        ):
            return i
        i -= 1
    return -1


def _set_as_place(name: Token, trigger: Token) -> bool:
    """Whether a name is a setting through the frame, site or list holding it: the "of" name
    of a noun in a locative phrase or below another bearing ("north of the city of X", "near
    the building of X"), or a name apposed to the ground a ground act is done to ("captured
    two towns, X and Y"), or that ground itself ("patrolled X, 40 km north of Y")."""
    word = name
    for _ in range(_NAME_LINKS):
        if word.dep_ in ("appos", "conj") and word.head.i < word.i:
            word = word.head
        elif word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.pos_ == "NOUN":
            word = word.head.head
        else:
            break
    if word.i == name.i and word.dep_ == "pobj":
        return False  # "in X, north of Y" is read as located
    if word.dep_ == "pobj":
        prep = word.head
        if prep.lower_ == "of":
            return prep.head.lower_ in ADVERBIAL_LOCATORS
        return prep.lower_ in LOCATIVE_PREPS and prep.lower_ != "from"
    return (
        word.dep_ in ("dobj", "nsubjpass")
        and word.head.i == trigger.i
        and trigger.lemma_.lower() in PLACE_OBJECT_VERBS
    )


def _measured_frame(
    bearing: Token, landmark: Match, trigger: Token, resolver: Resolver
) -> Match | None:
    """The frame a bearing measures ("in Khan Bani Saad town, 35 km northeast of Baghdad",
    "at Dhangadi city of Kailali district, 800 km west of Kathmandu", "in the Nakial sector
    300 km south of X"): the place that frame names, set by a locative preposition, in the
    landmark's country; else None."""
    doc = trigger.doc
    noun = bearing.head
    if noun.pos_ != "NOUN" or noun.i > bearing.i:
        before = bearing.left_edge.i - 1
        if before < 1 or doc[before].text != ",":
            return None
        noun = doc[before - 1]
    if noun.pos_ != "NOUN" or noun.i == trigger.i:
        return None
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "Dhangadi city of Kailali district"
    if noun.dep_ != "pobj" or noun.head.lower_ not in LOCATIVE_PREPS:
        return None
    frame = noun.lemma_.lower()
    if not (is_sub_town(noun) or frame in SETTLEMENT_NOUNS or frame in AREA_NOUNS):
        return None
    named = resolver.framed(noun)
    assert landmark.entry is not None
    if named is None or (named.start, named.end) == (landmark.start, landmark.end):
        return None
    if named.entry is None:
        resolver.notes[(named.start, named.end)] = MEASURED_FRAME
        return Match(None, named.start, named.end, named.framed, container=landmark.entry)
    if named.entry.country != landmark.entry.country:
        return None
    resolver.notes[(named.start, named.end)] = MEASURED_FRAME
    return named


def _bearing_of(landmark: Token) -> Token | None:
    """The compass word or distance a landmark is the "of" object of: "north" in "just north of
    Mosul", "west" in "50 km west of the capital Lusaka"."""
    word = landmark
    for _ in range(4):
        if word.dep_ == "pobj" and word.head.lower_ == "of":
            locator = word.head.head
            return locator if locator.lower_ in ADVERBIAL_LOCATORS else None
        if word.dep_ not in _LANDMARK_LINKS or word.head.i == word.i:
            return None
        if word.dep_ == "appos" and word.head.lemma_.lower() not in _LANDMARK_NOUNS:
            return None
        word = word.head
    return None


def contained_place(found: Match, trigger: Token, resolver: Resolver) -> Match:
    """The name a known place contains ("at Kolanur in Tirupur district" gives Kolanur) when
    `found` is that container, read from "in" right after a name that is itself the object
    of a locative preposition; else `found`. The tagger's reading of the name does not matter:
    what lies in a place and is where an act happened is a place."""
    if found.entry is not None and found.entry.precision == "country":
        return found
    doc = trigger.doc
    word = doc[found.end - 1]
    while word.dep_ == "compound" and word.head.i > word.i:
        word = word.head  # "Tirupur district"
    if found.entry is None and (word.i < found.end or word.lemma_.lower() not in AREA_NOUNS):
        return found  # an unknown container counts only as a named area ("X district")
    framed = _framed_by(word)  # "in the commune of Mora"
    word = framed or word
    prep = word.head
    if word.dep_ != "pobj" or prep.lower_ != "in" or prep.i < 1:
        return found
    head = doc[prep.i - 1]
    if not (prep.head.i == head.i or prep.head.i == head.head.head.i):
        return found
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.ent_type_ in _NOT_PLACES:
        return found
    if head.dep_ != "pobj" or head.head.lower_ not in LOCATIVE_PREPS:
        return found
    if head.lemma_.lower() in _HELD_NAMES:
        return found
    if framed is None and found.entry is not None:
        return _name_in(head, found, resolver)
    named = _name_in(head, found, resolver) if found.entry is not None else _unknown_in(head, found)
    resolver.notes[(named.start, named.end)] = NAME_IN_AREA
    return named


NAME_IN_AREA = "place.name-in-area"
declare(
    NAME_IN_AREA,
    """A name set "in" an area the text names ("at Bandipa in Loharo district" where the
    district is unknown, "at Bandipa in the commune of Loharo") is the place, inside that area, as it is in
    a known place ("at Kolanur in Tirupur district"): the smaller place is where the act was.

    Example: Gunmen detonated a bomb in a school at Bandipa in Loharo district on Monday.
    """,
    __name__,
)


def _framed_by(word: Token) -> Token | None:
    """The area noun whose "of" phrase names `word` ("the commune of Mora"), else None."""
    prep = word.head
    if word.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in AREA_NOUNS:
        return None
    return prep.head


def _unknown_in(head: Token, outer: Match) -> Match:
    """The name headed by `head`, kept unresolved inside the unknown area `outer`."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == head.i:
        start -= 1
    return Match(None, start, head.i + 1, container=outer.container)


def _name_in(head: Token, outer: Match, resolver: Resolver) -> Match:
    """The name headed by `head`, lying inside `outer`: the gazetteer's place there, else the
    name unresolved with `outer` as its container (a namesake in another country is not it)."""
    assert outer.entry is not None
    known = resolver.resolve_name(head, located=True)
    if known is not None and known.entry is not None and known.entry.country == outer.entry.country:
        return known
    # unknown, or a namesake abroad (Dora, Alabama, for "the Baghdad district of Dora")
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == head.i:
        start -= 1
    return Match(None, start, head.i + 1, container=outer.entry)


def framed_part(found: Match, trigger: Token, resolver: Resolver) -> Match:
    """The part of a town a frame names after it ("the Harare township of Mabvuku", "the
    Baghdad district of Dora", "Baghdad's northern neighbourhood of X") when `found` is that
    town or area; else `found`. The town says where the part lies; the part is the place."""
    if found.entry is None or found.entry.precision == "country":
        return found
    owner = trigger.doc[found.end - 1]
    frame = owner.head
    if owner.dep_ not in ("compound", "poss") or frame.i <= owner.i:
        return found
    if not (is_sub_town(frame) or frame.lemma_.lower() in AREA_NOUNS):
        return found
    for prep in frame.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            names = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            # the frame names it, so a name the tagger calls a nationality is one too
            if not names or names[0].ent_type_ in _NOT_PLACES - {"NORP"}:
                return found
            # "the Shaab neighbourhood of Baghdad": the name before the frame is the part
            named = resolver.resolve_name(names[0], located=True)
            if named is not None and _larger(named, found):
                return found
            return _name_in(names[0], found, resolver)
    return found


def _larger(place: Match, than: Match) -> bool:
    """Whether the gazetteer makes `place` the larger of two places: the broader kind, or
    the more people for two of a kind. The kinds of the entries, not the ranks of the
    matches: a town framed as a district ranks as one but is no larger."""
    if place.entry is None or than.entry is None:
        return False
    tiers = (_TIERS.get(place.entry.precision, 0), _TIERS.get(than.entry.precision, 0))
    return tiers[0] > tiers[1] or (
        tiers[0] == tiers[1] and place.entry.population >= than.entry.population
    )


PART_IN_PLACE = "place.part-in-place"
declare(
    PART_IN_PLACE,
    """A named part (a district, village, neighbourhood, camp: `sub_town_nouns`, `area_nouns`)
    that the event's own clause sets in a known place by "in" is where it happened, inside
    that place: the part's own phrase ("in Wardigley district in the capital Mogadishu"), the
    ground acted on ("shelled the Aziziyah district in the city of Aleppo"), or the part itself
    ("patrolled the Liaquatabad district in central Karachi"), or a village named inside the
    clause's other phrases ("in a raid on houses in the village of X in southern Lebanon").
    Named buildings and streets still give way to their town.

    Example: Gunmen shot two guards in Hodan district in the capital Mogadishu.
    """,
    __name__,
)
_HOLDER_NOUNS = PlaceWords("holder_nouns")
_PART_DEPS = frozenset({"dobj", "nsubjpass"})
# Phrases that set a scene on the clause, whose object may hold the part: "in", "at", "near".
_THROUGH_PREPS = frozenset({"at", "in", "inside", "near", "on", "outside", "during"})


def _in_phrase(doc_end: Token) -> Token | None:
    """The "in" preposition whose object is the place `found` (through "the capital X", "the
    city of X", "X province")."""
    word = doc_end
    for _ in range(3):
        named = word.dep_ == "compound" and word.head.i > word.i  # "Bolivar province"
        held = word.dep_ == "appos" and word.head.lemma_.lower() in _HOLDER_NOUNS
        if named or held:
            word = word.head
        elif (
            word.dep_ == "pobj"
            and word.head.lower_ == "of"
            and word.head.head.lemma_.lower() in _HOLDER_NOUNS
        ):
            word = word.head.head
        else:
            break
    if word.dep_ == "pobj" and word.head.lower_ == "in" and word.head.dep_ == "prep":
        return word.head
    return None


def _named_part(frame: Token) -> Token | None:
    """The last word of the name a part's frame carries, before it ("Wardigley district") or
    in its "of" phrase ("the village of Ain Arab"), when the frame is a part below the town or
    an administrative area, not a building or street."""
    lemma = frame.lemma_.lower()
    if frame.pos_ != "NOUN" or lemma in _HELD_NAMES:
        return None
    if not (is_sub_town(frame) or lemma in AREA_NOUNS or lemma in SETTLEMENT_NOUNS):
        return None
    names = [
        c for c in frame.children if c.dep_ == "compound" and c.i < frame.i and c.pos_ == "PROPN"
    ]
    if not names:
        names = [
            c
            for prep in frame.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for c in prep.children
            if c.dep_ == "pobj"
        ]
    if not names or names[-1].pos_ != "PROPN" or not names[-1].text[:1].isupper():
        return None
    name = names[-1]
    if name.ent_type_ in _NOT_PLACES - {"NORP"}:
        return None
    return name


def _phrase_nouns(noun: Token) -> list[Token]:
    """A noun and the objects of the phrases inside it: "a raid on houses in the village of X"."""
    found: list[Token] = []
    stack = [noun]
    while stack and len(found) < 12:
        word = stack.pop()
        found.append(word)
        stack.extend(
            pobj
            for prep in word.children
            if prep.dep_ == "prep" and prep.lower_ != "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN"
        )
    return found


def _parts_beside(prep: Token) -> list[Token]:
    """The framed parts the clause of `prep` sets in its place: the governor itself, its
    objects, and the objects of its other locative phrases before `prep` (and of the phrases
    inside them)."""
    governor = prep.head
    frames = [governor] if governor.pos_ == "NOUN" else []
    for child in governor.children:
        if child.i >= prep.i:
            continue
        if child.dep_ in _PART_DEPS and governor.pos_ in ("VERB", "AUX"):
            frames.append(child)
        elif child.dep_ == "prep" and child.lower_ in _THROUGH_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                    frames.extend(_phrase_nouns(pobj))
    return [name for frame in frames if (name := _named_part(frame)) is not None]


def part_in_place(found: Match, trigger: Token, resolver: Resolver) -> Match:
    """The named part the clause sets inside `found` (see PART_IN_PLACE); else `found`."""
    if found.entry is None:
        return found
    doc = trigger.doc
    prep = _in_phrase(doc[found.end - 1])
    if prep is None:
        return found
    parts = _parts_beside(prep)
    if not parts:
        return found
    part = _name_in(parts[0], found, resolver)
    if part.entry is not None and _larger(part, found):
        return found
    resolver.notes[(part.start, part.end)] = PART_IN_PLACE
    return part
