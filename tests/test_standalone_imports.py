"""Each layer's entry module imports on its own, in a fresh interpreter: an import cycle that
the test suite's own import order hides (the dates, the events and the records import each
other) would break a script or a test file that starts from one of them."""

from __future__ import annotations

import subprocess
import sys

import pytest

MODULES = ["gestae.engine.dates", "gestae.engine.events", "gestae.engine.records"]


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_alone(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
