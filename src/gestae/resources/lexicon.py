"""The event-trigger lexicon: which words, in which syntactic frames, signal which CAMEO event.

The lexicon is data that linguists edit, so it is validated against the ontology when it loads:
a misspelt code, mode or key fails at once with the file, entry index, line and lemma, rather than
silently never matching.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from gestae.errors import DataError
from gestae.resources.loader import data_error, load_data, package_data
from gestae.resources.ontology import Ontology

POS_VALUES = frozenset({"verb", "noun", "adj"})
# An adjective heads only a statement frame ("is skeptical of"): CAMEO 01x, never an act.
ADJECTIVE = "adj"
ANY_COMPLEMENT = "*"
# An obj item "@actor" accepts any object that resolves to an actor.
ACTOR_OBJECT = "@actor"
# A subj item "@armed_actor" accepts a subject the dictionaries resolve to an armed force (a
# military, rebel, unidentified armed or police actor): "the SAA entered Zabdeen".
ARMED_ACTOR = "@armed_actor"
# A subj item "@count" accepts a bare number as the subject: people counted with no noun
# ("About 500 marched"), as "thousands" is.
COUNT_SUBJECT = "@count"
# An obj or pobj item "@place_name" accepts a proper noun the gazetteer knows as a place: "took
# control of Goma", "liberated Kherson", where "@places" holds the common nouns.
PLACE_NAME = "@place_name"
# place: the country of the place the preposition names ("arrived in Moscow" -> RUS).
TARGETS = frozenset({"obj", "prep", "xcomp_obj", "dative", "place", "none"})
ENTRY_KEYS = frozenset(
    {
        "lemma",
        "pos",
        "prep",
        "pobj",
        "obj",
        "subj",
        "xcomp",
        "mod",
        "cameo",
        "mode",
        "contexts",
        "target",
    }
)
TOP_KEYS = frozenset(
    {
        "light_verbs",
        "happening_verbs",
        "communication_nouns",
        "lemma_fixes",
        "noun_classes",
        "triggers",
    }
)
# An obj item "@money" stands for every word of the noun class "money".
CLASS_PREFIX = "@"
WORD = re.compile(r"^[a-z]+$")
MODIFIED_WORD = re.compile(r"^[a-z]+ [a-z]+$")
PHRASE = re.compile(r"^[a-z]+( [a-z]+)*$")
# spaCy coarse tags folded onto the lexicon's two parts of speech.
POS_ALIASES = {"verb": "verb", "noun": "noun", "propn": "noun", "adj": "adj"}


# lemma, pos, prep, obj, xcomp, pobj, mod, subj: what an entry matches.
Frame = tuple[
    str,
    str,
    str | None,
    frozenset[str],
    frozenset[str],
    frozenset[str],
    frozenset[str],
    frozenset[str],
]


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry: a head lemma, the frame it needs, and the CAMEO code it signals."""

    lemma: str
    pos: str
    cameo: str
    prep: str | None = None
    obj: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    # Lemmas the object of `prep` must have ("went on strike", "remained on alert").
    pobj: frozenset[str] = frozenset()
    # Lemmas one modifier of the head must have ("joint exercises", "hunger strike").
    mod: frozenset[str] = frozenset()
    # Lemmas the head's active subject must have ("troops entered", "students demonstrated").
    subj: frozenset[str] = frozenset()
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    target: str = "obj"
    index: int = 0
    line: int | None = None
    source: str = "triggers.yaml"

    @property
    def specificity(self) -> int:
        """How many frame constraints the entry sets; the engine prefers the highest."""
        # A wildcard complement ("*": any infinitive) is weaker than a named one.
        named_xcomp = bool(self.xcomp) and ANY_COMPLEMENT not in self.xcomp
        return (
            (self.prep is not None)
            + bool(self.obj)
            + named_xcomp
            + bool(self.pobj)
            + bool(self.mod)
            + bool(self.subj)
        )

    @property
    def frame(self) -> Frame:
        """What the entry matches, without what it codes: two entries must not share one."""
        return (
            self.lemma,
            self.pos,
            self.prep,
            self.obj,
            self.xcomp,
            self.pobj,
            self.mod,
            self.subj,
        )

    @property
    def location(self) -> str:
        """Where the entry is written, for explanations and error messages."""
        line = f":{self.line}" if self.line is not None else ""
        return f"{self.source}{line} #{self.index}"

    def describe(self) -> str:
        """Readable form such as `call[verb] +on -> 0211 (triggers.yaml:57 #3)`."""
        parts = [f"{self.lemma}[{self.pos}]"]
        if self.prep:
            parts.append(f"+{self.prep}")
        if self.obj:
            parts.append("obj=" + "|".join(sorted(self.obj)))
        if self.xcomp:
            parts.append("to=" + "|".join(sorted(self.xcomp)))
        if self.subj:
            parts.append("subj=" + "|".join(sorted(self.subj)))
        return f"{' '.join(parts)} -> {self.cameo} ({self.location})"


def _words(value: Any, file: str, entry: str, key: str, line: int | None = None) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not value:
        raise data_error(
            file, f"'{key}' must be a non-empty list of lemmas", entry=entry, line=line
        )
    for word in value:
        wildcard = (
            (key == "xcomp" and word == ANY_COMPLEMENT and len(value) == 1)
            or (key in ("obj", "subj") and word in (ACTOR_OBJECT, ARMED_ACTOR, COUNT_SUBJECT))
            or (key in ("obj", "pobj") and word == PLACE_NAME)
            # "high commissioner", pobj "control list": a noun and the modifier before it
            # (syntax.modified_title)
            or (
                key in ("obj", "pobj") and isinstance(word, str) and bool(MODIFIED_WORD.match(word))
            )
        )
        if not wildcard and (not isinstance(word, str) or not WORD.match(word)):
            raise data_error(
                file,
                f"'{key}' item {word!r} must be one lowercase word (a spaCy lemma)",
                entry=entry,
                line=line,
            )
    return frozenset(value)


def _parse_classes(value: Any, file: str) -> dict[str, frozenset[str]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise data_error(file, "'noun_classes' must map a class name to a list of lemmas")
    return {
        str(name): _words(words, file, f"noun class {name!r}", "noun_classes")
        for name, words in value.items()
    }


def _expand_classes(
    value: Any, classes: Mapping[str, frozenset[str]], file: str, entry: str, line: int | None
) -> Any:
    """Replace "@class" items of an obj list by the class's words."""
    if not isinstance(value, list):
        return value
    out: list[Any] = []
    for word in value:
        if word in (ACTOR_OBJECT, ARMED_ACTOR, COUNT_SUBJECT, PLACE_NAME):
            out.append(word)
        elif isinstance(word, str) and word.startswith(CLASS_PREFIX):
            name = word[len(CLASS_PREFIX) :]
            if name not in classes:
                raise data_error(file, f"unknown noun class {word!r}", entry=entry, line=line)
            out.extend(sorted(classes[name]))
        else:
            out.append(word)
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class _Where:
    """Which file, entry and line a problem in one trigger entry is reported against."""

    file: str
    entry: str
    line: int | None

    def error(self, problem: str) -> DataError:
        return data_error(self.file, problem, entry=self.entry, line=self.line)


def _check_shape(item: Any, where: _Where) -> dict[str, Any]:
    """The entry is a mapping with known keys and the three required ones."""
    if not isinstance(item, dict):
        raise where.error("entry must be a mapping")
    unknown = sorted(set(map(str, item)) - ENTRY_KEYS)
    if unknown:
        raise where.error(f"unknown key(s) {unknown}; allowed: {sorted(ENTRY_KEYS)}")
    for key in ("lemma", "pos", "cameo"):
        if key not in item:
            raise where.error(f"missing required key '{key}'")
    return item


def _parse_head(item: dict[str, Any], where: _Where) -> tuple[str, str, str | None]:
    """The head word: lemma, part of speech and the preposition it needs, if any."""
    lemma = item["lemma"]
    if not isinstance(lemma, str) or not WORD.match(lemma):
        raise where.error(f"lemma {lemma!r} must be one lowercase word")
    pos = item["pos"]
    if pos not in POS_VALUES:
        raise where.error(f"pos {pos!r} must be one of {sorted(POS_VALUES)}")
    prep = item.get("prep")
    if prep is not None and (not isinstance(prep, str) or not PHRASE.match(prep)):
        raise where.error(f"prep {prep!r} must be lowercase word(s) such as 'on' or 'out of'")
    return lemma, str(pos), prep


def _parse_complements(
    item: dict[str, Any], prep: str | None, classes: Mapping[str, frozenset[str]], where: _Where
) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The frame's word lists (obj, xcomp, pobj, mod, subj), with "@class" items expanded."""
    file, entry, line = where.file, where.entry, where.line
    obj = _words(
        _expand_classes(item.get("obj"), classes, file, entry, line), file, entry, "obj", line
    )
    xcomp = _words(item.get("xcomp"), file, entry, "xcomp", line)
    pobj = _words(
        _expand_classes(item.get("pobj"), classes, file, entry, line), file, entry, "pobj", line
    )
    mod = _words(
        _expand_classes(item.get("mod"), classes, file, entry, line), file, entry, "mod", line
    )
    subj = _words(
        _expand_classes(item.get("subj"), classes, file, entry, line), file, entry, "subj", line
    )
    if pobj and prep is None:
        raise where.error("'pobj' needs a 'prep' whose object it constrains")
    return obj, xcomp, pobj, mod, subj


def _parse_code(item: dict[str, Any], ontology: Ontology, where: _Where) -> tuple[str, Any]:
    """The CAMEO code the entry signals and its PLOVER mode, checked against the ontology."""
    cameo = item["cameo"]
    if not isinstance(cameo, str):
        raise where.error(f'cameo {cameo!r} must be a quoted string such as "0211"')
    if cameo not in ontology.codes:
        raise where.error(f"unknown CAMEO code {cameo!r}")
    code = ontology.cameo(cameo)
    # CAMEO 01x statements may be listed on purpose: a frame such as "rejected the
    # accusations" (016, deny responsibility) then wins over a looser event frame and yields
    # nothing, as a statement should.
    if code.plover is None and not cameo.startswith("01"):
        raise where.error(f"CAMEO {cameo} ({code.name}) has no PLOVER type, so it is not an event")
    mode = item.get("mode")
    if mode is not None and code.plover is None:
        raise where.error(f"CAMEO {cameo} is a statement frame; it takes no mode")
    if mode is not None and code.plover is not None and not ontology.is_mode(code.plover, mode):
        raise where.error(
            f"mode {mode!r} is not a mode of {code.plover} (CAMEO {cameo}); "
            f"valid: {sorted(ontology.plover(code.plover).modes)}"
        )
    return cameo, mode


def _parse_contexts(item: dict[str, Any], ontology: Ontology, where: _Where) -> tuple[str, ...]:
    contexts = item.get("contexts") or []
    if not isinstance(contexts, list) or not all(isinstance(c, str) for c in contexts):
        raise where.error("'contexts' must be a list of context names")
    bad = [c for c in contexts if c not in ontology.contexts]
    if bad:
        raise where.error(f"unknown context(s) {bad}")
    return tuple(contexts)


def _parse_target(item: dict[str, Any], prep: str | None, where: _Where) -> str:
    """Which participant the event is aimed at; by default the prepositional or direct object."""
    target = item.get("target") or ("prep" if prep else "obj")
    if target not in TARGETS:
        raise where.error(f"target {target!r} must be one of {sorted(TARGETS)}")
    if target in ("prep", "place") and prep is None:
        raise where.error(f"target '{target}' needs a 'prep'")
    return str(target)


def _parse_entry(
    raw: Any,
    index: int,
    line: int | None,
    file: str,
    ontology: Ontology,
    classes: Mapping[str, frozenset[str]] | None = None,
) -> TriggerEntry:
    """One trigger entry, checked step by step in the order a reader of the file would."""
    label = f"#{index}"
    if isinstance(raw, dict) and isinstance(raw.get("lemma"), str):
        label += f" (lemma {raw['lemma']!r})"
    where = _Where(file, f"trigger {label}", line)
    item = _check_shape(raw, where)
    lemma, pos, prep = _parse_head(item, where)
    obj, xcomp, pobj, mod, subj = _parse_complements(item, prep, classes or {}, where)
    cameo, mode = _parse_code(item, ontology, where)
    if pos == ADJECTIVE and not cameo.startswith("01"):
        raise where.error(f"pos adj heads only statement frames (CAMEO 01x), not {cameo}")
    contexts = _parse_contexts(item, ontology, where)
    return TriggerEntry(
        lemma=lemma,
        pos=pos,
        cameo=cameo,
        prep=prep,
        obj=obj,
        xcomp=xcomp,
        pobj=pobj,
        mod=mod,
        subj=subj,
        mode=mode,
        contexts=contexts,
        target=_parse_target(item, prep, where),
        index=index,
        line=line,
        source=file,
    )


@dataclass(frozen=True)
class _LexiconFile:
    entries: tuple[TriggerEntry, ...]
    light_verbs: frozenset[str]
    communication_nouns: frozenset[str]
    lemma_fixes: Mapping[str, str]
    happening_verbs: frozenset[str] = frozenset()


def _check_overlaps(entries: Sequence[TriggerEntry], file: str) -> None:
    """Reject entries whose obj (or xcomp) lists overlap while the rest of the frame is equal.

    Such a pair matches the same words with the same number of constraints, so which code wins
    would depend on file order alone.
    """
    groups: dict[tuple[object, ...], list[TriggerEntry]] = {}
    for entry in entries:
        key: tuple[object, ...]
        if entry.obj:
            key = (
                "obj",
                entry.lemma,
                entry.pos,
                entry.prep,
                entry.xcomp,
                entry.pobj,
                entry.mod,
                entry.subj,
            )
            groups.setdefault(key, []).append(entry)
        if entry.xcomp:
            key = (
                "xcomp",
                entry.lemma,
                entry.pos,
                entry.prep,
                entry.obj,
                entry.pobj,
                entry.mod,
                entry.subj,
            )
            groups.setdefault(key, []).append(entry)
    for key, group in groups.items():
        field = str(key[0])
        owner: dict[str, TriggerEntry] = {}
        for entry in group:
            for word in getattr(entry, field):
                earlier = owner.setdefault(word, entry)
                if earlier is not entry and earlier.cameo != entry.cameo:
                    raise data_error(
                        file,
                        f"{field} {word!r} also appears in {earlier.location} "
                        f"(CAMEO {earlier.cameo}) with the same frame; keep it in one entry",
                        entry=f"trigger #{entry.index} (lemma {entry.lemma!r})",
                        line=entry.line,
                    )


def _parse_fixes(value: Any, file: str) -> Mapping[str, str]:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, dict):
        raise data_error(file, "'lemma_fixes' must map a model lemma to a lexicon lemma")
    for wrong, right in value.items():
        if not (isinstance(wrong, str) and WORD.match(wrong)) or not (
            isinstance(right, str) and WORD.match(right)
        ):
            raise data_error(
                file, f"lemma_fixes entry {wrong!r}: {right!r} must map one word to one word"
            )
    return MappingProxyType(dict(value))


def _parse_file(source: Path | Traversable, ontology: Ontology) -> _LexiconFile:
    doc = load_data(source)
    file, data = doc.name, doc.data
    if not isinstance(data, dict):
        raise data_error(file, "top level must be a mapping with 'triggers'")
    unknown = sorted(set(map(str, data)) - TOP_KEYS)
    if unknown:
        raise data_error(file, f"unknown top-level key(s) {unknown}; allowed: {sorted(TOP_KEYS)}")
    words = {
        key: _words(data.get(key) or None, file, key, key)
        for key in ("light_verbs", "communication_nouns")
    }
    classes = _parse_classes(data.get("noun_classes"), file)
    raw = data.get("triggers") or []
    if not isinstance(raw, list):
        raise data_error(file, "'triggers' must be a list of entries")
    entries: list[TriggerEntry] = []
    seen: dict[Frame, TriggerEntry] = {}
    for index, item in enumerate(raw):
        line = doc.line("triggers", index)
        entry = _parse_entry(item, index, line, file, ontology, classes)
        earlier = seen.get(entry.frame)
        if earlier is not None:
            same = (earlier.cameo, earlier.mode, earlier.contexts, earlier.target) == (
                entry.cameo,
                entry.mode,
                entry.contexts,
                entry.target,
            )
            problem = (
                f"duplicate of {earlier.location}"
                if same
                else f"same frame as {earlier.location} but codes {entry.cameo} "
                f"instead of {earlier.cameo}; keep one"
            )
            raise data_error(
                file, problem, entry=f"trigger #{index} (lemma {entry.lemma!r})", line=line
            )
        seen[entry.frame] = entry
        entries.append(entry)
    _check_overlaps(entries, file)
    return _LexiconFile(
        tuple(entries),
        words["light_verbs"],
        words["communication_nouns"],
        _parse_fixes(data.get("lemma_fixes"), file),
        _parse_phrases(data.get("happening_verbs"), file, "happening_verbs"),
    )


def _parse_phrases(value: Any, file: str, key: str) -> frozenset[str]:
    """A list of verb phrases: a lemma and the words it needs after it ("go off")."""
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(
        isinstance(v, str) and PHRASE.match(v) for v in value
    ):
        raise data_error(file, f"'{key}' must list lowercase lemmas or phrases ('go off')")
    return frozenset(value)


class Lexicon:
    """Trigger entries indexed by (lemma, pos), most specific first, plus the helper word lists."""

    def __init__(
        self,
        entries: Sequence[TriggerEntry],
        light_verbs: frozenset[str],
        communication_nouns: frozenset[str],
        ontology: Ontology,
        lemma_fixes: Mapping[str, str] | None = None,
        happening_verbs: frozenset[str] = frozenset(),
    ) -> None:
        self.entries: tuple[TriggerEntry, ...] = tuple(entries)
        # Verbs (and phrases) that report an event noun as happening: "a bomb exploded",
        # "the attack occurred", "clashes broke out".
        self.happening_verbs = happening_verbs
        self.ontology = ontology
        self.lemma_fixes: Mapping[str, str] = MappingProxyType(dict(lemma_fixes or {}))
        # Model-produced misspellings count as the word they stand for, so callers can test
        # membership with the raw spaCy lemma.
        self.light_verbs = light_verbs | {
            w for w, r in self.lemma_fixes.items() if r in light_verbs
        }
        self.communication_nouns = communication_nouns
        index: dict[tuple[str, str], list[TriggerEntry]] = {}
        for entry in self.entries:
            index.setdefault((entry.lemma, entry.pos), []).append(entry)
        # Stable sort: among equally specific entries, the earlier (or user-supplied) one wins.
        self._index: Mapping[tuple[str, str], tuple[TriggerEntry, ...]] = MappingProxyType(
            {
                key: tuple(sorted(found, key=lambda e: -e.specificity))
                for key, found in index.items()
            }
        )
        lemmas = {entry.lemma for entry in self.entries}
        self._lemmas = frozenset(lemmas | {w for w, r in self.lemma_fixes.items() if r in lemmas})

    @classmethod
    def load(cls, extra: Path | None = None) -> Lexicon:
        """The packaged lexicon (cached), optionally extended by a user file.

        Entries of `extra` replace packaged entries with the same frame and otherwise come
        before them, so a user can correct or add triggers without editing the package.
        """
        if extra is None:
            return _default_lexicon()
        return cls.from_files(package_data("triggers.yaml"), extra)

    @classmethod
    def from_files(cls, *sources: Path | Traversable, ontology: Ontology | None = None) -> Lexicon:
        """Merge lexicon files; later files take precedence over earlier ones."""
        onto = ontology or Ontology.load()
        parsed = [_parse_file(source, onto) for source in sources]
        entries: list[TriggerEntry] = []
        frames: set[Frame] = set()
        for lex in reversed(parsed):
            for entry in lex.entries:
                if entry.frame not in frames:
                    frames.add(entry.frame)
                    entries.append(entry)
        light = frozenset().union(*(lex.light_verbs for lex in parsed))
        comm = frozenset().union(*(lex.communication_nouns for lex in parsed))
        fixes: dict[str, str] = {}
        for lex in parsed:
            fixes.update(lex.lemma_fixes)
        happening = frozenset().union(*(lex.happening_verbs for lex in parsed))
        return cls(entries, light, comm, onto, fixes, happening)

    def normalize(self, lemma: str) -> str:
        """The lexicon's spelling of a spaCy lemma (lowercased, model slips corrected)."""
        low = lemma.lower()
        return self.lemma_fixes.get(low, low)

    def candidates(self, lemma: str, pos: str) -> Sequence[TriggerEntry]:
        """Entries whose head is this lemma and part of speech, most specific first."""
        folded = POS_ALIASES.get(pos.lower())
        if folded is None:
            return ()
        return self._index.get((self.normalize(lemma), folded), ())

    def lemmas(self) -> frozenset[str]:
        """Every trigger lemma, so a sentence with none of them can be skipped cheaply."""
        return self._lemmas

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[TriggerEntry]:
        return iter(self.entries)


@functools.cache
def _default_lexicon() -> Lexicon:
    return Lexicon.from_files(package_data("triggers.yaml"))
