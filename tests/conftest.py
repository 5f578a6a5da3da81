"""Shared fixtures: one loaded pipeline per test session, and the ../shared data location."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

requires_shared = pytest.mark.skipif(
    not SHARED.is_dir(),
    reason=f"../shared is absent ({SHARED}); it holds the project's example and gold data",
)


@pytest.fixture(scope="session")
def coder() -> Iterator[object]:
    from gestae.engine.pipeline import Coder

    yield Coder()


@pytest.fixture(scope="session")
def nlp() -> object:
    from gestae.engine.parse import load_model

    return load_model()


@pytest.fixture(scope="session")
def gaz() -> object:
    from gestae.resources.gazetteer import Gazetteer

    return Gazetteer.default()
