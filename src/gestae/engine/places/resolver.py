"""From a place phrase to a gazetteer entry: the name's extent, its namesakes, the hints.

A name the gazetteer does not know stays visible as an unresolved match when the syntax
already says it is a place ("killed in Oued Aissi", "the Nwonko village"): a small place
named in its frame is more use to a reader than the town around it or nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from gestae.engine.places.areas import is_unit, local_government, named_area, spelled_area
from gestae.engine.places.bare_names import (
    CALENDAR_NAMES,
    described_person,
    is_bare_place_name,
    names_people,
    person_named,
    settlement_apposed,
)
from gestae.engine.places.capitals import national_capital
from gestae.engine.places.frame_words import (
    BEARINGS,
    NAMED_FRAME,
    frame_name,
    generic,
    is_bearing,
    is_distance,
)
from gestae.engine.places.ground_kinds import ground_note
from gestae.engine.places.match import (
    SPECIFICITY,
    Match,
    owned_names,
    quarters,
    site_in_town,
    smaller_town_inside,
)
from gestae.engine.places.phrases import (
    AREA_NOUNS,
    COMPASS_WORDS,
    CONTEST_NOUNS,
    FACING_NOUNS,
    GERUND_PHRASE,
    GROUND_VERBS,
    HOLDER_NOUNS,
    NEAR_ADVERB,
    SETTLEMENT_NOUNS,
    SITE_NOUNS,
    THOROUGHFARE_NOUNS,
    TOPONYM_WORDS,
    WATER_HEADS,
    faced_body,
    goal_frame,
    goal_note,
    is_any_frame,
    is_frame,
    is_locative_prep,
    is_sub_town,
    locator_objects,
    near_adverb,
)
from gestae.engine.places.village_names import name_frame, village_size
from gestae.engine.syntax import PLACE_ENTITY_TYPES, article_gerund
from gestae.resources.gazetteer import UNAMBIGUOUS_PRECISIONS, Gazetteer, PlaceEntry

# A name the tagger calls a person is read as a town it names only when the town is a city.
_CITY_POPULATION = 100_000
_NON_PLACE_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_NAME_PARTS = frozenset({"compound", "flat", "nmod", "amod"})
# Lower-case words inside place names: "Mazar-e-Sharif", "Rio de Janeiro", "Ras al-Ain",
# "Port-au-Prince", "Boulogne-sur-Mer".
_NAME_PARTICLES = frozenset({"al", "as", "ash", "ad", "ar", "au", "aux", "az", "da", "de", "del",
    "di", "do", "dos", "du", "e", "el", "i", "la", "le", "sur", "ul", "ur", "y"})  # fmt: skip


class Resolver:
    """Per-call state: the gazetteer and the weak hints for this sentence."""

    def __init__(self, gazetteer: Gazetteer, hints: Sequence[str]) -> None:
        self.gaz = gazetteer
        self.hints = tuple(hints)
        # rules of the resolver that read a span, for the record when it is the event's place
        self.notes: dict[tuple[int, int], str] = {}

    # -- names

    def _name_start(self, head: Token) -> int:
        doc = head.doc
        left = head.i
        while left > 0:
            prev = doc[left - 1]
            if left >= 2 and self._joins(prev, doc[left - 2]):
                left -= 1  # "Nagorno-Karabakh", "Mazar-e-Sharif", "Rio de Janeiro"
            elif prev.text[:1].isupper() and (
                (prev.dep_ in _NAME_PARTS and left - 1 <= prev.head.i <= head.i)
                # "Deir Ezzor governorate": both words hang off the frame noun
                or (prev.dep_ == "compound" == head.dep_ and prev.head.i == head.head.i > head.i)
            ):
                left -= 1
            else:
                break
        while left < head.i and not (doc[left].text[:1].isupper() or doc[left].is_digit):
            left += 1
        return left

    @staticmethod
    def _joins(word: Token, before: Token) -> bool:
        """A hyphen or a lower-case particle inside a name, with a name part before it: the
        tokenizer splits "Mazar-e-Sharif" and "Rio de Janeiro" into pieces."""
        if word.text == "-":
            glued = not word.whitespace_ and not before.whitespace_
            return glued and (before.text[:1].isupper() or before.lower_ in _NAME_PARTICLES)
        if word.lower_ in _NAME_PARTICLES and word.text.islower():
            return before.text[:1].isupper() or (before.text == "-" and not word.whitespace_)
        return False

    def _name_spans(self, head: Token) -> Iterator[tuple[int, int]]:
        """Candidate token spans for the proper name headed by `head`, longest first."""
        doc = head.doc
        left = self._name_start(head)
        ends = [head.i + 1]
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == head.i + 1:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ == "PROPN":  # no "Gulf" of "the Gulf of Zula"
                    ends = [pobj.i + 1, *([] if head.lemma_.lower() in WATER_HEADS else ends)]
            # hyphenated names split by the tokenizer: "Nagorno-Karabakh", "Guinea-Bissau"
            if child.i == head.i + 2 and doc[head.i + 1].text == "-":
                ends.insert(0, child.i + 1)
        # Shorter spans drop only compass words: "Northern Syria" may fall back to "Syria", but
        # "European Union" must not fall back to Union, New Jersey.
        starts = [left]
        while starts[-1] < head.i and doc[starts[-1]].lower_ in COMPASS_WORDS:
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

    def _local_hint(self, doc: Doc, end: int) -> tuple[PlaceEntry | None, bool]:
        """A country or US state written right after a name: "Calais (northern France)", also
        after its settlement noun and the area it lies in ("Okha village, Ovia local
        government area of Edo State": `place.apposed-area`), and whether an area gave it."""
        doc_len = len(doc)
        i = end
        if i < doc_len and doc[i].lower_ in SETTLEMENT_NOUNS:
            i += 1
        if i < doc_len and doc[i].text in ("(", ",", "-"):
            i += 1
        else:
            return None, False
        while i < doc_len and doc[i].pos_ == "ADJ" and doc[i].text.islower():
            i += 1
        j = self._name_run(doc, i)
        if j == i:
            return self._apposed_area_owner(doc, i), True
        entry = self.gaz.lookup(doc[i:j].text)
        if entry is not None and entry.precision in ("country", "admin1"):
            return entry, False
        return self._apposed_area_owner(doc, j), True

    @staticmethod
    def _name_run(doc: Doc, i: int) -> int:
        while i < len(doc) and (doc[i].pos_ == "PROPN" or doc[i].ent_type_ == "GPE"):
            i += 1
        return i

    def _apposed_area_owner(self, doc: Doc, i: int) -> PlaceEntry | None:
        """The owner an apposed area noun names: "..., X district of Y province" is in Y."""
        while i < len(doc) and not doc[i].is_punct and doc[i].lower_ != "of":
            if doc[i].pos_ == "VERB":
                return None
            i += 1
        if i == len(doc) or doc[i].lower_ != "of" or i == 0:
            return None
        if doc[i - 1].lower_ not in AREA_NOUNS and doc[i - 1].lower_ != "area":
            return None
        j = self._name_run(doc, i + 1)
        entry = self.gaz.lookup(doc[i + 1 : j].text) if j > i + 1 else None
        if entry is not None and entry.precision in ("country", "admin1"):
            return entry
        return None

    @staticmethod
    def _is_name(head: Token) -> bool:
        if head.ent_type_ in _NON_PLACE_ENTS or not head.text[:1].isupper():
            return False
        if head.lower_ in CALENDAR_NAMES:
            return False  # "in Thailand's restive South Saturday": a day, however tagged
        if person_named(head):
            return False  # "in front of photographer Edward T. Adams"
        return head.pos_ == "PROPN" or head.ent_type_ in PLACE_ENTITY_TYPES

    def resolve_name(self, head: Token, located: bool = False) -> Match | None:
        """The gazetteer's reading of the name headed by `head`. `located` says the syntax
        already makes it a place ("in Hama"), which lets a name the tagger took for an
        organisation match a town's other spellings."""
        if not self._is_name(head):
            return None
        doc = head.doc
        # Names tagged as organisations ("Hamas", "NATO") must match a place's own name; an
        # alternate spelling of a German town is not evidence enough.
        alternates = head.ent_type_ not in ("ORG", "NORP") or (located and head.ent_type_ == "ORG")
        # every extent in its own spelling first: "al-Hawl" keeps its article
        spans = list(self._name_spans(head))
        for start, end, variants in [(*span, v) for v in (False, True) for span in spans]:
            text = doc[start:end].text
            found = self.gaz.candidates(text, alternates=alternates, variants=variants)
            if not found:
                continue
            local, apposed = self._local_hint(doc, end)
            entry: PlaceEntry | None = None
            if local is not None and found[0].precision not in UNAMBIGUOUS_PRECISIONS:
                same = [e for e in found if e.country == local.country]
                if local.precision == "admin1":
                    same = [e for e in same if e.admin1 == local.admin1] or same
                if not same and apposed:
                    # no namesake abroad: "Okha village, ... of Edo State" is no Okha, India
                    self.notes[(start, end)] = "place.apposed-area"
                    return Match(None, start, end, container=local)
                entry = same[0] if same else None
            if entry is None:
                entry = self.gaz.lookup(text, self.hints, alternates=alternates)
            if entry is not None:
                return Match(entry, start, end)
        return None

    def unresolved_name(self, head: Token, framed: bool, named: bool = False) -> Match | None:
        """A name in place position the gazetteer does not know: kept with its words when the
        tagger calls it a place, or when a frame noun names it (`framed`, `named`)."""
        if not self._is_name(head) or head.pos_ != "PROPN":
            return None
        start = self._name_start(head)
        # "near the Qasra Military Airport": a name ending in a site noun is a site
        facility = start < head.i and head.lemma_.lower() in SITE_NOUNS
        named = named or facility or self._toponym(head, start) or settlement_apposed(head)
        if not (framed or named) and head.ent_type_ not in PLACE_ENTITY_TYPES:
            return None
        # "the Minyan district": a frame noun names a place the tagger took for a nationality;
        # a people the actor dictionary knows is still none ("the Druze area")
        if head.lower_ in ("the",) or (head.ent_type_ == "NORP" and not named):
            return None
        if names_people(head.doc[start : head.i + 1].text):
            return None  # "the Druze area", "the Sierra Leonean capital"
        if head.left_edge.i < start and names_people(head.doc[head.left_edge.i : head.i + 1].text):
            return None  # "an al-Qaida compound": the name with its article is a party's
        if head.ent_type_ == "PERSON" and not named:
            return None  # the tagger's person, unless a frame names it: "Katarko village"
        while start < head.i and head.doc[start].lower_ in COMPASS_WORDS:
            start += 1
        return Match(None, start, head.i + 1, framed=framed)

    @staticmethod
    def _toponym(head: Token, start: int) -> bool:
        """A name of two words or more opened by a place word: "Kafr Sousah", "Tal Hamad"."""
        return start < head.i and head.doc[start].lower_ in TOPONYM_WORDS

    def acted_on(self, head: Token) -> Match | None:
        """A name an act on ground is done to ("shelled Aleppo", "stormed the Jazal
        Mountains"): the gazetteer's place, else the name the tagger calls a place; never a
        name it calls a person unless it is a city ("Kim was captured" is not Kim, Colorado,
        but "attacked Goma" is Goma however the tagger reads it), and an unknown lone word the
        tagger calls a place only after a verb that takes no persons ("stormed Qabasin"),
        or one whose words show its kind (`place.ground-kind`: "attacked Bama Town")."""
        if described_person(head):
            return None  # "Medina, 42, was captured"
        found = self._ground_name(head)
        note = ground_note(head, self._name_start(head)) if self._is_name(head) else None
        if found is None and note is not None:
            found = self.unresolved_name(head, framed=False, named=True)
            if found is not None:
                self.notes[(found.start, found.end)] = note  # "attacked Bama Town"
        return found

    def _ground_name(self, head: Token) -> Match | None:
        """`acted_on` as the tagger's reading of the name allows."""
        found = self.resolve_name(head, located=True)
        if head.ent_type_ != "PERSON":
            return found or self._unknown_ground(head)
        if found is None and self._toponym(head, self._name_start(head)):
            return self._unknown_ground(head)  # "captured Tal Hamad"
        if found is None or found.entry is None or found.entry.precision in ("country", "admin1"):
            return found
        # "Hamdan was captured" is no district of that name: a person's name is a town only
        # when the town is a city
        town = found.entry.precision == "town"
        if town and found.entry.population < _CITY_POPULATION and found.end - found.start == 1:
            # "Congolese rebels captured Kasumbalesa": a one-word town in a country the
            # context names is the place, though the tagger reads it as a person's name
            hinted = {self.gaz.country_code(hint) for hint in self.hints}
            return found if found.entry.country in hinted else None
        return found if town and found.entry.population >= _CITY_POPULATION else None

    def _unknown_ground(self, head: Token) -> Match | None:
        """An unknown name acted on is kept when the tagger calls it a location or facility,
        or a place in more than one word ("captured Kafr Naya"): a lone unknown word is as
        often a person ("captured Ocalan") as a village."""
        found = self.unresolved_name(head, framed=False)
        if found is None or head.ent_type_ in ("LOC", "FAC") or found.end - found.start > 1:
            return found
        # "stormed Qabasin": a word the tagger calls a place is one after a verb only ground
        # takes; "captured Ocalan", "seized Schalit" take persons the tagger calls places
        ground_only = (
            head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in GROUND_VERBS
        )
        return found if ground_only and head.ent_type_ == "GPE" else None

    def name(self, head: Token, framed: bool = False) -> Match | None:
        """A place name in place position: the gazetteer's entry, else the unresolved name."""
        found = self.resolve_name(head, located=True)
        if found is not None:
            return Match(found.entry, found.start, found.end, framed) if framed else found
        return self.unresolved_name(head, framed)

    def resolve_phrase(self, token: Token, depth: int = 0) -> Match | None:
        """Place denoted by a noun phrase headed by `token` (a proper name or a frame noun)."""
        if depth > 3:
            return None
        found = self.name(token)
        if found is not None and found.entry is None:
            found = self._named_frame(token, depth) or found
        if found is not None and found.entry is None:
            around = self.locative_pps(token, depth + 1)
            return site_in_town(found, token, around) or found.inside(around)
        if found is not None:
            return found
        if token.pos_ not in ("NOUN", "PROPN") and not article_gerund(token):
            return None
        if token.ent_type_ in ("DATE", "TIME"):
            # "demonstrated in Belfast Sunday": the day heads the phrase, the place hangs on it
            names = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            return self.name(names[-1]) if names else None
        if token.lemma_.lower() in CONTEST_NOUNS:
            fought = self.fought_over(token)
            if fought is not None:
                return fought
        if is_any_frame(token):
            framed = self._framed(token, depth)
            if framed is not None and framed.entry is None:
                # "the Sadriya market in central Baghdad": the town; "the X village in Y": X
                around = self.locative_pps(token, depth + 1)  # never the name itself:
                around = [m for m in around if m.start != framed.start]  # place.village-size
                framed = site_in_town(framed, token, around) or framed.inside(around)
            if framed is not None:
                return framed
        found = self.best(self.locative_pps(token, depth + 1))
        if found is not None and article_gerund(token):  # "in a drive-by shooting near X"
            self.notes.setdefault((found.start, found.end), GERUND_PHRASE)
        return found

    def _named_frame(self, token: Token, depth: int) -> Match | None:
        """ "The Deir Ezzor Governorate", "Dara'a City": a capitalised area or settlement noun
        the tagger reads as the last word of a name the gazetteer lacks is the frame of the
        name before it, when the gazetteer knows that name (`place.named-frame`)."""
        lemma = token.lemma_.lower()
        if not (lemma in AREA_NOUNS or lemma in SETTLEMENT_NOUNS) or not is_any_frame(token):
            return None
        framed = self._framed(token, depth)
        if framed is None or framed.entry is None:
            return None
        self.notes[(framed.start, framed.end)] = NAMED_FRAME
        return framed

    def fought_over(self, contest: Token) -> Match | None:
        """The ground a fight is over: "the battle for Sharqat", "the invasion of Panama";
        never a person ("the capture of Ocalan")."""
        for prep in contest.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN":
                        return self.acted_on(pobj)
        return None

    def framed(self, frame: Token) -> Match | None:
        """The place a frame noun names itself, not the places in its phrases."""
        return self._framed(frame, 0) if is_any_frame(frame) else None

    def _framed(self, frame: Token, depth: int) -> Match | None:
        """The place a frame noun names, the most specific of its names: "the West Bank city
        of Jenin" is Jenin, "the Suuqa Xoolaha neighbourhood of Mogadishu" the neighbourhood,
        "Indonesia's Ambon city" Ambon. A name framed by an area noun ("Kandahar province")
        ranks as an area even when the gazetteer knows only the town."""
        capital = self._national_capital(frame)
        if capital is not None:
            return capital
        sub_town = is_sub_town(frame)
        area = frame.lemma_.lower() in AREA_NOUNS or frame.lower_ in AREA_NOUNS
        area = area or local_government(frame)
        matches: list[Match] = []
        own: list[Match] = []  # the frame's own name, as against the place that contains it
        owners: list[Match] = []  # "Baghdad's" in "Baghdad's Dora district"
        # "the Deir Ezzor governorate": the name is read from its last word, not from "Deir"
        # "the East Ghouta region": the tagger may hang the name on as an adjective
        names = [c.i for c in frame.lefts if frame_name(c, local_government(frame))]
        last_name = max(names, default=-1)
        # "the town of Wafa west of Ramadi", parsed as a place "Wafa west": the name is the
        # place, and the "of" town only the landmark of a bearing
        bearing = bool(names) and frame.lower_ in BEARINGS
        for child in frame.children:
            found: Match | None = None
            if child.i == last_name:
                # a town the gazetteer knows is the container: "the Algiers suburb of X"
                # "in Krongpinang district": the area noun makes an unknown name a place
                settlement = sub_town and is_frame(frame)  # "X village", not "X market"
                # "Haifa Street" is named after the town; "a Gaza street", "Baghdad streets"
                # are streets of it: no street's own name takes "a" or a plural
                street = frame.lemma_.lower() in THOROUGHFARE_NOUNS and not generic(frame)
                known = None if street else self.resolve_name(child, located=True)
                known = village_size(frame, known, self.gaz, self.hints, self.notes)
                found = known or self.unresolved_name(
                    child, framed=sub_town, named=area or settlement or street or bearing
                )
                if found is not None:
                    own.append(found)
                if found is not None and area:
                    found = self._area_entry(found, frame).at_least(SPECIFICITY["admin1"])
            elif child.dep_ == "prep" and (child.lower_ == "of" or goal_frame(frame, child)):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    found = self._frame_of_name(pobj, sub_town, area, depth)
                    found = self._held_apposed(frame, pobj, found, depth) or found
                    if found is not None and not names:
                        own.append(found)  # "the neighbourhood of X": X is the frame's name
                    elif found is not None and is_unit(found.entry):
                        # "Ibi local government area of Taraba State", "the Kuna area of Ituri
                        # province"; but in "the Baghdad district of Dora" the "of" name is the
                        # part, not what holds it (`place.owner-namesake`)
                        owners.append(found)
                    if found is not None and bearing:
                        found = found.at_least(SPECIFICITY["region"])
            elif child.dep_ in ("appos", "poss"):
                # "Balochistan's Kalat district": the owner contains the named place, so it
                # wins only when it is more specific
                found = self.resolve_phrase(child, depth + 1)
                if found is not None and self._held_town(frame, child, found):
                    own.append(found)  # "the capital of Chad, N'Djamena" is N'Djamena
                    self.notes[(found.start, found.end)] = "place.held-name"
                elif found is not None:
                    found = found.at_least(found.rank + 0.01)
                    owners.append(found)
            if found is not None:
                matches.append(found)
        if owners and own:
            read = {m.start for m in own if m.entry is not None}
            matches = owned_names(matches, own, owners)
            own = [m for m in matches if any(m.start == o.start for o in own)]
            for m in own:
                if m.entry is None and m.start in read:  # a namesake elsewhere, ruled out
                    self.notes[(m.start, m.end)] = "place.owner-namesake"
        if sub_town or area:
            matches.extend(quarters(own, [m for m in matches if m not in own]))
        return self.best(smaller_town_inside(matches))

    @staticmethod
    def _held_town(frame: Token, child: Token, found: Match) -> bool:
        """A town apposed to a holder noun ("the capital of Chad, N'Djamena", "the main city
        of the region, X") is the town the frame names, not an owner around it
        (`place.held-name`)."""
        town = found.entry is not None and found.entry.precision == "town"
        return child.dep_ == "appos" and town and frame.lemma_.lower() in HOLDER_NOUNS

    def _held_apposed(
        self, frame: Token, pobj: Token, found: Match | None, depth: int
    ) -> Match | None:
        """The town apposed to a holder noun's "of" place, where the parser hangs it: "the
        capital of Chad, N'Djamena" is N'Djamena, in Chad (`place.held-name`)."""
        if found is None or found.entry is None or frame.lemma_.lower() not in HOLDER_NOUNS:
            return None
        # "the capital of the Central African Republic, Bangui": parsed as a conjunct too
        for child in pobj.children:
            if child.dep_ not in ("appos", "conj") or child.pos_ != "PROPN":
                continue
            held = self.resolve_phrase(child, depth + 1)
            if held is None or held.entry is None or held.entry.precision != "town":
                continue
            outer = found.entry.precision in ("country", "admin1")
            if outer and held.entry.country == found.entry.country:
                self.notes[(held.start, held.end)] = "place.held-name"
                return held
        return None

    def _national_capital(self, frame: Token) -> Match | None:
        """ "Somalia's capital", "the Sri Lankan capital": the capital city, not the country
        that names it; a capital with its own name ("Yemen's capital Sanaa", "the capital
        of X") is read from that name instead."""
        if frame.lemma_.lower() != "capital":
            return None
        following = frame.doc[frame.i + 1] if frame.i + 1 < len(frame.doc) else None
        named = following is not None and following.pos_ == "PROPN"
        if named or any(c.dep_ in ("appos", "prep") and c.lower_ != "in" for c in frame.rights):
            return None
        entry = national_capital(frame, self.gaz, self.hints)
        if entry is None:
            return None
        start = min((t.i for left in frame.lefts for t in left.subtree), default=frame.i)
        return Match(entry, start, frame.i + 1)

    def _area_entry(self, found: Match, frame: Token) -> Match:
        """ "Kalat district" is the district the gazetteer knows, not its namesake seat;
        "Plateau State" the state so spelled, not a namesake abroad (Plateau, Benin)."""
        if found.entry is None:
            return found
        name = frame.doc[found.start : found.end].text
        town = found.entry.precision == "town"
        if town:
            area = named_area(self.gaz, found.entry, name, frame)
        else:
            area = spelled_area(self.gaz, name, frame)
        if area is None:
            return found
        return Match(area, found.start, found.end, found.framed, found.floor, found.container)

    def _frame_of_name(self, pobj: Token, sub_town: bool, area: bool, depth: int) -> Match | None:
        """The place a frame's "of" phrase names. "The town of Rastan", "the district of Karm":
        the frame makes an unknown name a place, and a place named after it ("the village of
        X in the Homs countryside") only contains it. "The province of Sirnak" is the
        province, never more specific, even when the gazetteer knows only its town."""
        if pobj.ent_type_ == "PERSON" and pobj.head.head.lower_ in FACING_NOUNS:
            return None  # "in front of Mubarak": a person faced is no place
        found = village_size(
            name_frame(pobj), self.resolve_phrase(pobj, depth + 1), self.gaz, self.hints, self.notes
        )
        if faced_body(pobj):
            return found  # "in front of the X Alliance's offices in Y": only a place it names
        if found is None or not found.start <= pobj.i < found.end:
            own = self.unresolved_name(pobj, framed=sub_town, named=True) or self._settlement_name(
                pobj, sub_town
            )
            if own is not None:
                around = [found] if found is not None else []
                found = site_in_town(own, pobj, around) or own.inside(around)
        if found is not None and area and found.start <= pobj.i < found.end:
            found = found.at_least(SPECIFICITY["admin1"])
        return found

    def _settlement_name(self, pobj: Token, sub_town: bool) -> Match | None:
        """ "The town of Rastan", "the village of Ain Arab": a settlement noun names a place,
        though the tagger, misled by an ending, calls the name a nationality."""
        frame = pobj.head.head
        if pobj.ent_type_ != "NORP" or pobj.pos_ != "PROPN" or not is_frame(frame):
            return None
        if frame.lemma_.lower() not in SETTLEMENT_NOUNS:
            return None
        return Match(None, self._name_start(pobj), pobj.i + 1, framed=sub_town)

    def locative_pps(self, anchor: Token, depth: int = 0) -> list[Match]:
        """Places in locative phrases that hang directly off `anchor`."""
        out: list[Match] = []
        for child in anchor.children:
            found: Match | None = None
            if child.dep_ == "prep":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and is_locative_prep(child, pobj, attaching=True):
                    found = self.resolve_phrase(pobj, depth) or self._bare_name(child, pobj)
                if found is not None and (note := goal_note(child)) is not None:
                    self.notes[(found.start, found.end)] = note  # "visit to X", "flew to X"
                if found is not None and pobj is not None and is_bearing(child, pobj):
                    found = found.at_least(SPECIFICITY["region"])  # "to the west of Algiers"
            elif objects := locator_objects(child):
                for obj in objects:
                    if (found := self.resolve_phrase(obj, depth)) is not None:
                        break
                if found is not None and near_adverb(child):
                    self.notes[(found.start, found.end)] = NEAR_ADVERB
                if found is not None and (is_distance(child) or child.lower_ in COMPASS_WORDS):
                    # "50 km west of Baghdad", "in Saptari district, south of Kathmandu":
                    # a direction from a landmark; a place named beside it is where the
                    # event was
                    found = found.at_least(SPECIFICITY["region"])
            if found is not None:
                out.append(found)
        return out

    def _bare_name(self, prep: Token, pobj: Token) -> Match | None:
        """ "Killed in Mayadeen": a name the tagger calls a date, a person or an organisation
        is a place after a scene-setting preposition when nothing marks it as a party."""
        start = self._name_start(pobj)
        if not is_bare_place_name(prep, pobj, start):
            return None
        entry = self.gaz.lookup(pobj.doc[start : pobj.i + 1].text, self.hints)
        return Match(entry, start, pobj.i + 1)

    @staticmethod
    def best(matches: list[Match]) -> Match | None:
        """Most specific of several places attached to one word ("in Calais, in France")."""
        if not matches:
            return None
        return min(matches, key=lambda m: (m.rank, m.start)).inside(matches)
