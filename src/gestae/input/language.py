"""Language check: gestae codes English only, so other languages are skipped with a reason.

The parser, lexicon and dictionaries are English; a French story parsed as English yields
confident nonsense. py3langid carries its model inside the package (nothing is downloaded).

Identifiers err on short texts and on English made mostly of foreign names ("Mudzingwa and
Chikwati met Siyoka in Kakuma." scores as Shona), so a Latin-script text is judged non-English
only when all of these hold: it has at least `MIN_LETTERS` letters, py3langid gives English a
probability under `ENGLISH_FLOOR`, and English function words ("the", "and", "said") make up
under `FUNCTION_WORD_SHARE` of its words. A text mostly in another script (Cyrillic, Arabic,
CJK, ...) is not English at any length. Shorter Latin-script texts are coded, with the language
left unknown. The thresholds were measured on the VOA stories and their sentences (docs/input.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["LanguageVerdict", "check_language", "declared_language"]

MIN_LETTERS = 15
ENGLISH_FLOOR = 0.001
FUNCTION_WORD_SHARE = 0.1
# Long articles are judged on their opening: enough for a sure answer, and bounded in cost.
SAMPLE_CHARS = 3_000
# py3langid's label for text without linguistic content (numbers, tables).
NO_LANGUAGE = "zxx"

# English function words that are not also common words of a nearby language ("in", "was",
# "is", "die", "for", "a" are left out for that reason).
_FUNCTION_WORDS = frozenset(
    {
        "the", "and", "of", "with", "that", "which", "who", "whom", "whose", "said", "says",
        "has", "have", "had", "were", "would", "their", "they", "from", "after", "been", "its",
        "are", "not", "this", "these", "those", "than", "when", "what", "also", "but", "into",
        "over", "against", "about", "because", "there", "could", "should", "did", "does",
    }
)  # fmt: skip
_WORD_RE = re.compile(r"[a-z']+")
_ENGLISH_NAMES = frozenset({"en", "eng", "english"})
_UNDECLARED = frozenset({"", "und", "unknown", "mul", "zxx", "none", "null"})


@dataclass(frozen=True)
class LanguageVerdict:
    """`language` is an ISO 639 code, or None when the text is too short to tell."""

    language: str | None
    english: bool
    confidence: float | None = None
    english_probability: float | None = None

    def message(self, declared: str | None = None) -> str:
        """The rejection reason, e.g. "language: fr (confidence 0.97; English 0.000)"."""
        parts = []
        if self.confidence is not None:
            parts.append(f"confidence {self.confidence:.2f}")
        if self.english_probability is not None:
            parts.append(f"English {self.english_probability:.3f}")
        if declared:
            parts.append(f"declared {declared}")
        detail = f" ({'; '.join(parts)})" if parts else ""
        return f"language: {self.language or 'und'}{detail}"


def declared_language(value: str) -> str | None:
    """Normalise a declared language ("en-US", "English", "fra") to a primary tag; None if
    nothing is declared."""
    tag = re.split(r"[-_\s]", value.strip().lower(), maxsplit=1)[0]
    if tag in _UNDECLARED:
        return None
    return "en" if tag in _ENGLISH_NAMES else tag


def check_language(text: str) -> LanguageVerdict:
    """Whether `text` is English enough to code, and which language it is in."""
    sample = text[:SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return LanguageVerdict(None, english=True)
    latin = sum(1 for c in letters if _is_latin(c))
    if latin * 2 >= len(letters) and len(letters) < MIN_LETTERS:
        return LanguageVerdict(None, english=True)
    ranked = [(lang, p) for lang, p in _identifier().rank(sample) if lang != NO_LANGUAGE]
    english = next((p for lang, p in ranked if lang == "en"), 0.0)
    if latin * 2 >= len(letters) and sum(p for _, p in ranked) < 0.5:
        # Mostly numbers, codes or lists ("Line 1. Line 2."): nothing to tell a language by.
        return LanguageVerdict(None, english=True)
    top, confidence = ranked[0]
    if latin * 2 < len(letters):
        # Mostly another script: never English, however short.
        label = top if top != "en" else "und"
        return LanguageVerdict(label, False, round(confidence, 3), round(english, 3))
    if english >= ENGLISH_FLOOR or _function_word_share(sample) >= FUNCTION_WORD_SHARE:
        return LanguageVerdict("en", True, round(english, 3), round(english, 3))
    return LanguageVerdict(top, False, round(confidence, 3), round(english, 3))


def _is_latin(char: str) -> bool:
    # Basic Latin to Latin Extended-B, plus Latin Extended Additional (Vietnamese).
    code = ord(char)
    return code < 0x250 or 0x1E00 <= code <= 0x1EFF


def _function_word_share(sample: str) -> float:
    words = _WORD_RE.findall(sample.lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in _FUNCTION_WORDS) / len(words)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """Loaded once per process (about a second: the model is a compressed array file)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
