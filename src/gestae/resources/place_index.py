"""The prebuilt town and admin-area index (data/gazetteer.sqlite), queried name by name.

GeoNames' cities500 table (235,000 populated places with their alternate names) takes seconds
to read from JSON, so tools/build_gazetteer.py (`make gazetteer`) turns it once into an SQLite
file shipped as package data: opening it costs milliseconds and each name is one indexed
query. The file also holds the admin1 and admin2 areas, with readable names;
resources/gazetteer.py combines it with the country, sea and region names.
"""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from gestae.errors import DataError
from gestae.resources.loader import package_data

__all__ = [
    "INDEX_FILE",
    "INDEX_VERSION",
    "SMALL_TOWN",
    "PlaceEntry",
    "PlaceIndex",
    "admin_keys",
    "normalize_name",
]

INDEX_FILE = "gazetteer.sqlite"
# Bumped whenever the build changes what the file holds; the loader refuses another version.
INDEX_VERSION = 3
# Towns below this population are new with cities500: those whose name is an English word are
# left out of the index, and they never win against a larger namesake by population alone.
SMALL_TOWN = 5000

# Generic words of admin-area names, dropped to give the short name news uses: "Zamfara State"
# is also "Zamfara", "Département du Nord" is also "Nord".
_ADMIN_SUFFIXES = (
    "autonomous region", "autonomous oblast", "autonomous okrug", "special region", "state",
    "province", "region", "governorate", "oblast", "raion", "rayon", "district", "county",
    "department", "prefecture", "municipality", "division", "krai", "kray", "republic",
    "parish", "emirate", "wilaya", "territory", "zone", "borough", "city",
)  # fmt: skip
_ADMIN_PREFIXES = (
    "departement de la", "departement du", "departement des", "departement de", "province of",
    "province de", "provincia de", "provincia di", "region de", "cercle de", "wilayat",
    "muhafazat", "state of", "republic of", "gouvernorat de", "district de",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One resolvable place; `population` exists only to rank namesakes.

    `admin1` is the readable name of the first-level division ("Hauts-de-France") and
    `admin1_code` its GeoNames code ("32"); both are None for countries, seas and regions.
    """

    name: str
    precision: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int = 0
    admin1_code: str | None = None


def normalize_name(text: str) -> str:
    """Fold a place name to its index key so spelling noise does not block a match.

    Case, diacritics ("Rafaḩ"), apostrophes ("Dara'a", "Daraa"), hyphens versus spaces, full
    stops in abbreviations and a leading "the" all vary between sources without changing the place.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
        text = text.replace("\u02bf", "").replace("\u02be", "")
    # Apostrophes mark glottal stops that other transliterations leave out: "Sana'a" is Sanaa.
    text = text.casefold().replace("-", " ").replace(".", "").replace("'", "")
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


# Compass words of admin names in French, Spanish or adjective form, as English news says them:
# "Nord Kivu" is "North Kivu", "Northern Darfur" is "North Darfur".
_COMPASS = {
    "nord": "north", "sud": "south", "norte": "north", "sur": "south", "northern": "north",
    "southern": "south", "eastern": "east", "western": "west",
}  # fmt: skip
# The Arabic article that transliterations keep or drop ("Al Anbar", "Anbar").
_ARABIC_ARTICLES = frozenset({"al", "el", "as", "ash", "ar", "ad", "an", "at", "az"})
# Generic words news adds after an admin area's name: "Faryab Province", "the Donetsk Region".
_ADMIN_GENERIC = {"admin1": ("province", "region", "state", "governorate"), "admin2": ("district",)}


def admin_keys(name: str, precision: str = "admin1") -> list[str]:
    """Index keys of an admin area: its full name first, then the forms news also uses (the
    name without or with a generic word, compass words in English)."""
    key = normalize_name(name)
    keys = [key]
    for suffix in _ADMIN_SUFFIXES:
        if key.endswith(" " + suffix):
            keys.append(key[: -len(suffix) - 1].strip())
    for prefix in _ADMIN_PREFIXES:
        if key.startswith(prefix + " "):
            keys.append(key[len(prefix) + 1 :].strip())
    first, _, rest = keys[-1].partition(" ")
    if first in _ARABIC_ARTICLES and rest:
        keys.append(rest)  # "Al Anbar" is also "Anbar"
    if first in _COMPASS and rest:
        keys.append(f"{_COMPASS[first]} {rest}")
    for short in list(keys[1:] or keys):
        keys.extend(f"{short} {word}" for word in _ADMIN_GENERIC.get(precision, ()))
    return [k for k in dict.fromkeys(keys) if k]


# In the order of PlaceEntry's fields.
_COLUMNS = (
    "p.name, p.precision, p.country, p.admin1, p.lat, p.lon, p.geonameid, p.population,"
    " p.admin1_code"
)


class PlaceIndex:
    """Read-only view of data/gazetteer.sqlite; one connection per process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pid = -1
        self._db: sqlite3.Connection | None = None
        self._cache: dict[tuple[str, bool], tuple[PlaceEntry, ...]] = {}

    @classmethod
    def default(cls) -> PlaceIndex:
        return cls(Path(str(package_data(INDEX_FILE))))

    def _connection(self) -> sqlite3.Connection:
        # A connection must not cross a fork: worker processes open their own.
        if self._db is None or self._pid != os.getpid():
            if not self.path.is_file():
                raise DataError(f"{self.path}: gazetteer index missing; run `make gazetteer`")
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            try:
                row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            except sqlite3.DatabaseError as exc:
                raise DataError(f"{self.path}: not a gazetteer index ({exc})") from exc
            if row is None or row[0] != str(INDEX_VERSION):
                raise DataError(
                    f"{self.path}: index version {row and row[0]}, expected {INDEX_VERSION};"
                    " run `make gazetteer`"
                )
            self._db, self._pid = db, os.getpid()
        return self._db

    def places(self, key: str, *, alternate: bool) -> tuple[PlaceEntry, ...]:
        """Towns and admin areas whose official (or, with `alternate`, other) name is `key`."""
        cached = self._cache.get((key, alternate))
        if cached is None:
            rows = self._connection().execute(
                f"SELECT {_COLUMNS} FROM name n JOIN place p ON p.id = n.place"
                " WHERE n.key = ? AND n.alternate = ? ORDER BY p.id",
                (key, int(alternate)),
            )
            cached = tuple(PlaceEntry(*row) for row in rows)
            self._cache[key, alternate] = cached
        return cached

    def by_geonameid(self, geonameid: int) -> tuple[PlaceEntry, ...]:
        """The town with this GeoNames id (places.yaml `city_aliases` name towns this way)."""
        rows = self._connection().execute(
            f"SELECT {_COLUMNS} FROM place p WHERE p.geonameid = ?", (geonameid,)
        )
        return tuple(PlaceEntry(*row) for row in rows)
