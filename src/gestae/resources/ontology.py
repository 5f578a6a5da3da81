"""The PLOVER and CAMEO ontologies as typed, validated objects.

Every stage that names an event type, mode, context, sector or CAMEO code checks it here, so a
typo in a data file fails at load time with a message naming the file and entry instead of
surfacing later as a wrong record.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pycountry

from gestae.resources.loader import DataFile, data_error, load_data, package_data
from gestae.schema import EVENT_TYPES

__all__ = ["CameoCode", "Ontology", "PloverType", "data_error", "package_data"]

CAMEO_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
EXTRA_COUNTRY_CODES = frozenset({"KOS"})


@dataclass(frozen=True)
class PloverType:
    """One of the 16 PLOVER event types; a mode's score is None when the base applies."""

    name: str
    quad_class: int
    intensity: float
    modes: Mapping[str, float | None] = field(hash=False)


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code with its Goldstein weight and the PLOVER coding gestae emits for it."""

    code: str
    name: str
    goldstein: float
    plover: str | None
    mode: str | None
    contexts: tuple[str, ...]

    @property
    def root(self) -> str:
        """Two-digit cue category, the level most analyses aggregate to."""
        return self.code[:2]


def _number(value: Any, low: float, high: float) -> float | None:
    """A float within [low, high], or None if the value is not such a number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if low <= number <= high else None


def _check_keys(
    item: Mapping[str, Any],
    allowed: set[str],
    required: set[str],
    file: str,
    entry: str,
    line: int | None = None,
) -> None:
    unknown = sorted(set(map(str, item)) - allowed)
    if unknown:
        raise data_error(
            file, f"unknown key(s) {unknown}; allowed: {sorted(allowed)}", entry=entry, line=line
        )
    missing = sorted(required - set(item))
    if missing:
        raise data_error(file, f"missing key(s) {missing}", entry=entry, line=line)


def _str_list(value: Any, file: str, entry: str, key: str, line: int | None = None) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise data_error(file, f"'{key}' must be a list of strings", entry=entry, line=line)
    return list(value)


def _parse_plover(doc: DataFile) -> tuple[dict[str, PloverType], dict[str, Any]]:
    data, file = doc.data, doc.name
    if not isinstance(data, dict):
        raise data_error(file, "top level must be a mapping")
    _check_keys(
        data,
        {"types", "contexts", "modalities", "sectors", "pseudo_countries"},
        {"types", "contexts", "modalities", "sectors", "pseudo_countries"},
        file,
        "top level",
    )
    raw_types = data["types"]
    if not isinstance(raw_types, dict):
        raise data_error(file, "'types' must be a mapping of type name to definition")
    types: dict[str, PloverType] = {}
    for name, spec in raw_types.items():
        entry = f"type {name}"
        line = doc.line("types", name)
        if name not in EVENT_TYPES:
            raise data_error(
                file,
                f"not a PLOVER event type; expected one of {EVENT_TYPES}",
                entry=entry,
                line=line,
            )
        if not isinstance(spec, dict):
            raise data_error(file, "definition must be a mapping", entry=entry, line=line)
        _check_keys(
            spec,
            {"quad_class", "intensity", "about", "modes"},
            {"quad_class", "intensity"},
            file,
            entry,
            line,
        )
        quad = spec["quad_class"]
        if isinstance(quad, bool) or quad not in (1, 2, 3, 4):
            raise data_error(
                file, f"quad_class must be 1, 2, 3 or 4, not {quad!r}", entry=entry, line=line
            )
        intensity = _number(spec["intensity"], -10.0, 10.0)
        if intensity is None:
            raise data_error(
                file, f"intensity {spec['intensity']!r} is not in -10..10", entry=entry, line=line
            )
        raw_modes = spec.get("modes") or {}
        if not isinstance(raw_modes, dict):
            raise data_error(
                file, "modes must be a mapping of mode to score or null", entry=entry, line=line
            )
        modes: dict[str, float | None] = {}
        for mode, score in raw_modes.items():
            if score is None:
                modes[str(mode)] = None
                continue
            value = _number(score, -10.0, 10.0)
            if value is None:
                raise data_error(
                    file,
                    f"score {score!r} of mode '{mode}' is not in -10..10",
                    entry=entry,
                    line=line,
                )
            modes[str(mode)] = value
        types[name] = PloverType(name, int(quad), intensity, MappingProxyType(modes))
    missing = [t for t in EVENT_TYPES if t not in types]
    if missing:
        raise data_error(file, f"PLOVER type(s) missing: {missing}")

    lists: dict[str, Any] = {
        "contexts": frozenset(_str_list(data["contexts"], file, "contexts", "contexts"))
    }
    for key in ("modalities", "sectors", "pseudo_countries"):
        value = data[key]
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise data_error(file, f"'{key}' must be a mapping of code to description")
        lists[key] = MappingProxyType({k: str(v) for k, v in value.items()})
    return types, lists


def _parse_cameo(
    doc: DataFile, types: Mapping[str, PloverType], contexts: frozenset[str]
) -> dict[str, CameoCode]:
    data, file = doc.data, doc.name
    if (
        not isinstance(data, dict)
        or not {"codes"} <= set(data) <= {"codes", "groups"}
        or not isinstance(data["codes"], dict)
    ):
        raise data_error(file, "top level must be a mapping with the keys 'codes' and 'groups'")
    codes: dict[str, CameoCode] = {}
    for index, (code, spec) in enumerate(data["codes"].items()):
        entry = f"entry #{index} (code {code!r})"
        line = doc.line("codes", code)
        if not isinstance(code, str):
            raise data_error(
                file, 'code must be a quoted string such as "0211"', entry=entry, line=line
            )
        if not CAMEO_CODE.match(code):
            raise data_error(
                file, "code must be 2-4 digits with a root from 01 to 20", entry=entry, line=line
            )
        if len(code) > 2 and code[:-1] not in codes:
            raise data_error(
                file, f"parent code {code[:-1]!r} must come first", entry=entry, line=line
            )
        if not isinstance(spec, dict):
            raise data_error(file, "definition must be a mapping", entry=entry, line=line)
        _check_keys(
            spec,
            {"name", "goldstein", "plover", "mode", "contexts"},
            {"name", "goldstein", "plover"},
            file,
            entry,
            line,
        )
        name = spec["name"]
        if not isinstance(name, str) or not name.strip():
            raise data_error(file, "name must be a non-empty string", entry=entry, line=line)
        goldstein = _number(spec["goldstein"], -10.0, 10.0)
        if goldstein is None:
            raise data_error(
                file, f"goldstein {spec['goldstein']!r} is not in -10..10", entry=entry, line=line
            )
        plover = spec["plover"]
        mode = spec.get("mode")
        ctx = _str_list(spec.get("contexts"), file, entry, "contexts", line)
        if plover is None:
            if code[:2] != "01":
                raise data_error(
                    file, "only root 01 (statements) may have plover: null", entry=entry, line=line
                )
            if mode is not None or ctx:
                raise data_error(
                    file,
                    "a code without a PLOVER type cannot have mode or contexts",
                    entry=entry,
                    line=line,
                )
        else:
            if plover not in types:
                raise data_error(file, f"unknown PLOVER type {plover!r}", entry=entry, line=line)
            if mode is not None and mode not in types[plover].modes:
                raise data_error(
                    file,
                    f"mode {mode!r} is not a mode of {plover}; "
                    f"valid: {sorted(types[plover].modes)}",
                    entry=entry,
                    line=line,
                )
        bad = [c for c in ctx if c not in contexts]
        if bad:
            raise data_error(file, f"unknown context(s) {bad}", entry=entry, line=line)
        codes[code] = CameoCode(code, name.strip(), goldstein, plover, mode, tuple(ctx))
    return codes


def _parse_groups(doc: DataFile, codes: Mapping[str, CameoCode]) -> dict[str, tuple[str, ...]]:
    """The named code groups of cameo.yaml: each a reason and codes that exist."""
    raw = doc.data.get("groups") or {}
    file = doc.name
    if not isinstance(raw, dict):
        raise data_error(file, "groups must be a mapping of group names")
    groups: dict[str, tuple[str, ...]] = {}
    for name, spec in raw.items():
        entry, line = f"group {name!r}", doc.line("groups", name)
        if not isinstance(spec, dict):
            raise data_error(file, "a group must be a mapping", entry=entry, line=line)
        _check_keys(spec, {"why", "codes"}, {"why", "codes"}, file, entry, line)
        if not isinstance(spec["why"], str) or not spec["why"].strip():
            raise data_error(file, "why must say what the group is for", entry=entry, line=line)
        members = _str_list(spec["codes"], file, entry, "codes", line)
        unknown = [c for c in members if c not in codes]
        if not members or unknown:
            raise data_error(
                file,
                f"codes must be known CAMEO codes (unknown: {unknown})",
                entry=entry,
                line=line,
            )
        groups[str(name)] = tuple(members)
    return groups


class Ontology:
    """PLOVER types, CAMEO codes and the code lists actors and events are checked against."""

    def __init__(
        self,
        types: Mapping[str, PloverType],
        codes: Mapping[str, CameoCode],
        contexts: frozenset[str],
        modalities: Mapping[str, str],
        sectors: Mapping[str, str],
        pseudo_countries: Mapping[str, str],
    ) -> None:
        self._types = MappingProxyType(dict(types))
        self._codes = MappingProxyType(dict(codes))
        self.contexts = contexts
        self.modalities = modalities
        self.sectors = sectors
        self.pseudo_countries = pseudo_countries
        self.groups: Mapping[str, tuple[str, ...]] = MappingProxyType({})

    @classmethod
    def load(cls) -> Ontology:
        """The ontology shipped with gestae, parsed and validated once per process."""
        return _default_ontology()

    @classmethod
    def from_files(
        cls,
        plover: Path | Traversable,
        cameo: Path | Traversable,
    ) -> Ontology:
        """Load and validate a PLOVER file and a CAMEO file (for tests and custom ontologies)."""
        types, lists = _parse_plover(load_data(plover))
        cameo_doc = load_data(cameo)
        codes = _parse_cameo(cameo_doc, types, lists["contexts"])
        ontology = cls(
            types,
            codes,
            lists["contexts"],
            lists["modalities"],
            lists["sectors"],
            lists["pseudo_countries"],
        )
        ontology.groups = MappingProxyType(_parse_groups(cameo_doc, codes))
        return ontology

    def group(self, name: str) -> tuple[str, ...]:
        """A named group of CAMEO codes (cameo.yaml `groups`); each stands for its subtree, so
        `code.startswith(group)` tests membership."""
        try:
            return self.groups[name]
        except KeyError:
            raise KeyError(f"no CAMEO code group {name!r} in cameo.yaml") from None

    @property
    def types(self) -> Mapping[str, PloverType]:
        return self._types

    @property
    def codes(self) -> Mapping[str, CameoCode]:
        return self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def cameo(self, code: str) -> CameoCode:
        """The CAMEO code's entry; KeyError names the code when it does not exist."""
        try:
            return self._codes[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def plover(self, name: str) -> PloverType:
        """The PLOVER type's entry; KeyError names the type when it does not exist."""
        try:
            return self._types[name]
        except KeyError:
            raise KeyError(f"unknown PLOVER type {name!r}") from None

    def quad_class(self, name: str) -> int:
        return self.plover(name).quad_class

    def intensity(self, name: str, mode: str | None = None) -> float:
        """Score of a type, shifted by its mode when the manual gives the mode its own score."""
        ptype = self.plover(name)
        if mode is None:
            return ptype.intensity
        if mode not in ptype.modes:
            raise KeyError(f"{mode!r} is not a mode of {name}")
        score = ptype.modes[mode]
        return ptype.intensity if score is None else score

    def is_mode(self, name: str, mode: str) -> bool:
        return name in self._types and mode in self._types[name].modes

    def is_country_code(self, code: str) -> bool:
        """True for ISO 3166-1 alpha-3 codes, KOS and the PLOVER pseudo-countries."""
        if not isinstance(code, str) or len(code) != 3 or not code.isupper():
            return False
        if code in EXTRA_COUNTRY_CODES or code in self.pseudo_countries:
            return True
        return _is_iso_alpha3(code)


@functools.cache
def _is_iso_alpha3(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code) is not None


@functools.cache
def _default_ontology() -> Ontology:
    return Ontology.from_files(package_data("plover.yaml"), package_data("cameo.yaml"))


def cameo_group(name: str) -> tuple[str, ...]:
    """A code group of the shipped ontology, for rules that test `code.startswith(group)`."""
    return _default_ontology().group(name)
