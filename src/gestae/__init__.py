"""gestae: code news articles into PLOVER/CAMEO political event records.

`gestae.open(db)` and `gestae.code_text(text)` are the Python API (gestae/api.py); they are
imported on first use, so `import gestae` loads neither spaCy nor pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gestae.api import EventDB, code_text, open

from gestae.version import __version__

__all__ = ["EventDB", "__version__", "code_text", "open"]
_API = frozenset({"EventDB", "code_text", "open"})


def __getattr__(name: str) -> Any:
    if name in _API:
        from gestae import api

        return getattr(api, name)
    raise AttributeError(f"module 'gestae' has no attribute {name!r}")
