"""The one place gestae's version comes from: the installed package's metadata.

pyproject.toml is the single source; a copy in code would go stale (it did: two hard-coded
"0.1.0" strings outlived changes to the engine).
"""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("gestae")
except metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
