"""The actor dictionary's data model: entries, offices, titles and sector nouns, and the
normal forms under which their names are indexed."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from gestae.resources.word_classes import words

PSEUDO_COUNTRIES: frozenset[str] = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
# The pseudo-countries of bodies above states (the UN, other intergovernmental bodies, the EU):
# they receive complaints and send missions that serve abroad.
ABOVE_STATES: frozenset[str] = frozenset({"UNO", "IGO", "EUR"})
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
# Internal prefix of a name that must match with its capitalisation.
EXACT_MARK = "\x00"


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
    # Other states that give a body of their own this name ("Congress": PER, COL, ...): in
    # their news the name is theirs; the entry's country is the default.
    shared: tuple[str, ...] = ()
    # States a people without a state of its own lives in ("Baloch": PAK, IRN, AFG): in an
    # article about one of them, the people are that state's.
    homes: tuple[str, ...] = ()


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
class PersonRecord:
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


# Arabic names reach English news in several spellings: the article as al-/el-/al, or
# assimilated before "sun letters" (ad-Din, ash-Sham, ar-Rahman); and common words of group
# names transliterated differently (Jaysh/Jaish, Liwa/Liwaa: word_classes.yaml
# `transliterations`). Variants of each listed name are indexed so that one dictionary entry
# meets every spelling.
_ARTICLE = re.compile(r"^(al|el|ad|adh|ash|as|at|ath|ar|az|an)-(\w)", re.IGNORECASE)
_SUN_LETTERS = ("th", "dh", "sh", "t", "d", "r", "z", "s", "n")  # longest first
_MAX_VARIANTS = 48


@functools.cache
def _transliterations() -> dict[str, frozenset[str]]:
    """Each spelling -> all spellings of its word (word_classes.yaml `transliterations`)."""
    table: dict[str, frozenset[str]] = {}
    for entry in words("transliterations"):
        group = frozenset(entry.split())
        for spelling in group:
            table[spelling] = group
    return table


def _stem_variants(stem: str) -> set[str]:
    return set(_transliterations().get(stem, (stem,)))


def _word_variants(word: str) -> set[str]:
    lower = word.lower()
    found = _ARTICLE.match(lower)
    if found is None:
        return _stem_variants(lower)
    out: set[str] = set()
    for rest in _stem_variants(lower[found.end(1) + 1 :]):
        out |= {f"al-{rest}", f"el-{rest}"}
        sun = next((s for s in _SUN_LETTERS if rest.startswith(s)), None)
        if sun is not None:
            out.add(f"a{sun}-{rest}")
    return out


def spelling_variants(name: str) -> set[str]:
    """Other spellings news uses for a name, lower-cased: Arabic article forms, hyphen or
    space, with or without inner apostrophes, transliterations of common group words.

    Example: "Jabhat Fateh al-Sham" also matches "Jabhat Fateh Al Sham", "Jabhat Fateh
    ash-Sham"; "Hashd al-Shaabi" matches "Hashd Al-Sha'abi".
    """
    forms: set[str] = {""}
    for word in normalize(name).split():
        options = _word_variants(word)
        forms = {f"{f} {o}".strip() for f in forms for o in options}
        if len(forms) > _MAX_VARIANTS:
            return {normalize(name)}
    forms |= {f.replace("-", " ") for f in forms}
    return forms | {re.sub(r"(?<=\w)'(?=\w)", "", f) for f in forms}


def fold(text: str) -> str:
    """Strip diacritics so "Élysée" and "Elysee" meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slug(text: str) -> str:
    """Stable key fragment: ascii, lower-case, hyphen-separated."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


@functools.cache
def iso_alpha3() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes, loaded once (pycountry is slow to import)."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def valid_country(code: str) -> bool:
    return code in iso_alpha3() or code in EXTRA_COUNTRIES or code in PSEUDO_COUNTRIES
