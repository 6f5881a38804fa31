"""Shared test set-up: no test may reach a model hub, and none may run a stale compiled extractor."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

QUOTES = Path(__file__).resolve().parents[1] / "stance" / "quotes"


def stale_extensions(package: Path) -> list[str]:
    """The modules of ``package`` whose source changed after ``make compile`` built them.

    Python imports a compiled module in preference to its source, so an edit to the source
    would otherwise go untested.
    """
    stale = []
    for extension in sorted(package.glob("*.so")):
        source = package / (extension.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > extension.stat().st_mtime:
            stale.append(source.name)
    return stale


def pytest_sessionstart(session: pytest.Session) -> None:
    stale = stale_extensions(QUOTES)
    if stale:
        raise pytest.UsageError(
            f"stance/quotes has compiled modules older than their sources: {', '.join(stale)}; "
            "run `make compile` to rebuild them, or `make clean-compiled` to test the Python code"
        )
