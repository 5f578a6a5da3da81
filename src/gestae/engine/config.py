"""One `CoderConfig`: every setting that changes what the coder outputs, and its fingerprint.

Every place that builds a coder (CLI, ingest, Dask workers, watch, the web, the Python API)
builds it from a `CoderConfig`, so they cannot drift apart, and every place that asks "was this
article coded the same way?" compares `CoderConfig.fingerprint()`. The fingerprint covers the
settings, the extra actor files' contents, the spaCy and model versions, gestae's version and a
digest of the engine's own source and data: a new gestae with changed rules re-codes what it
stored before instead of skipping it as unchanged (a hard-coded version string once did that).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from gestae.engine.chunking import DEFAULT_BLOCK_CHARS
from gestae.version import __version__

if TYPE_CHECKING:
    from gestae.engine.pipeline import Coder

# The installed gestae package (the directory holding schema.py and engine/).
PACKAGE_ROOT = Path(__file__).resolve().parent.parent
# What can change coding output, relative to the package root; directories are read whole.
ENGINE_PARTS = ("schema.py", "engine", "resources", "input")
# Files that never change output: byte-code caches are derived from the sources beside them.
_SKIPPED_DIRS = frozenset({"__pycache__"})
_SKIPPED_SUFFIXES = (".pyc", ".pyo")


@dataclass(frozen=True)
class CoderConfig:
    """Everything besides gestae's own code that changes what the coder outputs.

    Frozen and made of plain values, so it hashes (a cache key), compares and pickles (it is
    sent to worker processes and Dask workers, each of which builds its own Coder)."""

    model: str | None = None
    actor_files: tuple[Path, ...] = ()
    include_negated: bool = False
    include_incidents: bool = True
    # The pre-filter parses fewer sentences; a pronoun may then resolve differently.
    prefilter: bool = True
    block_chars: int = DEFAULT_BLOCK_CHARS
    include_statements: bool = True

    def build(self) -> Coder:
        """A Coder with these settings (loads the spaCy model and the dictionaries)."""
        from gestae.engine.pipeline import Coder

        return Coder(
            model=self.model,
            actor_files=self.actor_files,
            include_negated=self.include_negated,
            include_incidents=self.include_incidents,
            prefilter=self.prefilter,
            block_chars=self.block_chars,
            include_statements=self.include_statements,
        )

    def fingerprint(self) -> str:
        """A short hash of all that shapes the output, so that an article coded by another
        gestae, model, setting or dictionary is coded again, never skipped."""
        from gestae.engine.parse import DEFAULT_MODEL

        model = self.model or DEFAULT_MODEL
        parts = {
            "gestae": __version__,
            "engine": installed_engine_digest(),
            "model": model,
            "model_version": _package_version(model),
            "spacy": _package_version("spacy"),
            "actors": [_file_digest(path) for path in self.actor_files],
            "negated": self.include_negated,
            "incidents": self.include_incidents,
            "prefilter": self.prefilter,
            "block_chars": self.block_chars,
            "statements": self.include_statements,
        }
        digest = hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8"))
        return digest.hexdigest()[:16]


def engine_digest(root: Path) -> str:
    """A hash of every engine source and data file under the package directory `root`
    (taken as an argument so that a test can point it at an edited copy)."""
    digest = hashlib.sha256()
    for part in ENGINE_PARTS:
        base = root / part
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in files:
            if (
                not path.is_file()
                or _SKIPPED_DIRS.intersection(path.relative_to(root).parts)
                or path.suffix in _SKIPPED_SUFFIXES
            ):
                continue
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@cache
def installed_engine_digest() -> str:
    """The running gestae's engine digest, read once per process."""
    return engine_digest(PACKAGE_ROOT)


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return f"unreadable:{path}"  # building the coder reports it properly
