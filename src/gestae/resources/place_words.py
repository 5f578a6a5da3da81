"""The places vocabulary (data/places.yaml), validated at load.

Which prepositions make a name a location, which nouns frame a place and how news spells
country names are data a user can read and correct; the code that applies them is
engine/places.py (attachment) and resources/gazetteer.py (name index).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from gestae.resources.loader import DataFile, load_data, package_data

FILE = "places.yaml"
WORD_LISTS = (
    "locative_preps",
    "at_target_heads",
    "from_place_verbs",
    "place_nouns",
    "lower_case_frames",
    "sub_town_nouns",
    "thoroughfare_nouns",
    "water_heads",
    "place_object_verbs",
    "ground_verbs",
    "topic_verbs",
    "scene_event_nouns",
    "scene_marks",
    "area_nouns",
    "site_nouns",
    "over_place_heads",
    "assault_nouns",
    "contest_nouns",
    "toponym_words",
    "toponym_spellings",
    "facing_nouns",
    "goal_frames",
    "arabic_name_countries",
    "frame_preps",
    "adverbial_locators",
    "position_preps",
    "not_towns",
    "compass_words",
    "origin_participles",
    "aftermath_verbs",
    "incident_acts",
    "acting_incident_nouns",
    "bare_name_preps",
    "institution_words",
    "calendar_names",
    "named_place_frames",
    "holder_nouns",
    "contrast_conjunctions",
    "distance_words",
    "person_acts",
    "ground_name_nouns",
    "personal_sites",
    "visit_nouns",
    "travel_verbs",
    "grievance_acts",
    "stance_nouns",
    "march_verbs",
    "spread_preps",
    "facility_heads",
)
KEYS = (*WORD_LISTS, "obsolete_country_codes", "country_aliases", "city_aliases")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_ISO2 = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class PlaceVocabulary:
    """Everything in places.yaml, in the shapes the code uses."""

    words: Mapping[str, frozenset[str]]
    obsolete_country_codes: frozenset[str]
    # ISO alpha-3 -> extra names, in file order.
    country_aliases: Mapping[str, tuple[str, ...]]
    # name -> geonameid, in file order.
    city_aliases: Mapping[str, str]


def _country_aliases(doc: DataFile) -> dict[str, tuple[str, ...]]:
    raw = doc.data["country_aliases"]
    if not isinstance(raw, dict):
        raise doc.error("'country_aliases' must map ISO alpha-3 codes to lists of names")
    out: dict[str, tuple[str, ...]] = {}
    for code, names in raw.items():
        at = ("country_aliases", code)
        if not isinstance(code, str) or not _ISO3.match(code):
            raise doc.error(f"{code!r} is not an ISO alpha-3 code", "country_aliases", at=at)
        if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
            raise doc.error("must be a list of non-empty names", f"country_aliases {code}", at=at)
        out[code] = tuple(names)
    return out


def _city_aliases(doc: DataFile) -> dict[str, str]:
    raw = doc.data["city_aliases"]
    if not isinstance(raw, dict):
        raise doc.error("'city_aliases' must map a city name to a quoted geonameid")
    for name, gid in raw.items():
        if not isinstance(name, str) or not isinstance(gid, str) or not gid.isdigit():
            raise doc.error(
                f'{name!r}: {gid!r} must map a name to a quoted geonameid such as "5128581"',
                "city_aliases",
                at=("city_aliases", str(name)),
            )
    return dict(raw)


def parse_place_vocabulary(doc: DataFile) -> PlaceVocabulary:
    """Check the file's shape; errors name the file, the line and the key at fault."""
    if not isinstance(doc.data, dict):
        raise doc.error("expected a mapping of word lists and aliases")
    unknown = sorted(set(map(str, doc.data)) - set(KEYS))
    if unknown:
        raise doc.error(f"unknown key(s) {', '.join(unknown)}", at=(unknown[0],))
    missing = [key for key in KEYS if key not in doc.data]
    if missing:
        raise doc.error(f"missing key(s) {', '.join(missing)}")
    codes = doc.data["obsolete_country_codes"]
    if not isinstance(codes, list) or not all(isinstance(c, str) and _ISO2.match(c) for c in codes):
        raise doc.error(
            "'obsolete_country_codes' must list ISO alpha-2 codes", at=("obsolete_country_codes",)
        )
    return PlaceVocabulary(
        words=MappingProxyType({key: doc.words(key) for key in WORD_LISTS}),
        obsolete_country_codes=frozenset(codes),
        country_aliases=MappingProxyType(_country_aliases(doc)),
        city_aliases=MappingProxyType(_city_aliases(doc)),
    )


@cache
def place_vocabulary() -> PlaceVocabulary:
    """The shipped vocabulary, read once per process."""
    return parse_place_vocabulary(load_data(package_data(FILE)))


class PlaceWords(AbstractSet[str]):
    """One word list of places.yaml, read on first use.

    Module-level names such as `LOCATIVE_PREPS = PlaceWords("locative_preps")` keep the rules
    readable, while a broken data file is still reported when coding starts (a `DataError`
    the CLI prints), not as a traceback while modules are imported.
    """

    def __init__(self, name: str) -> None:
        if name not in WORD_LISTS:
            raise KeyError(f"{FILE} has no word list {name!r}")
        self.name = name
        self._loaded: frozenset[str] | None = None

    def _words(self) -> frozenset[str]:
        if self._loaded is None:
            self._loaded = place_vocabulary().words[self.name]
        return self._loaded

    def __contains__(self, word: object) -> bool:
        return word in self._words()

    def __iter__(self) -> Iterator[str]:
        return iter(self._words())

    def __len__(self) -> int:
        return len(self._words())

    def __repr__(self) -> str:
        return f"PlaceWords({self.name!r})"


# The list engine/actors.py reads: see position_preps in places.yaml.
POSITION_PREPS = PlaceWords("position_preps")
