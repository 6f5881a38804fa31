"""The public API contract: names, cheap import, and gold quotes as model input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import stance

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "us-ukraine-belgorod.json"
HEAVY = ("torch", "transformers", "datasets", "sklearn", "scipy", "numpy", "pandas")


PUBLIC = (
    "LABELS",
    "KINDS",
    "Quote",
    "Article",
    "read_fixtures",
    "extract_quotes",
    "load",
    "analyze",
)


def test_public_names() -> None:
    for name in PUBLIC:
        assert hasattr(stance, name), name
    assert set(stance.__all__) >= set(PUBLIC)


def test_import_pulls_in_no_heavy_library() -> None:
    code = f"import sys, stance; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_cli_module_imports_no_heavy_library() -> None:
    code = f"import sys, stance.cli; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_seed_fixture_is_fully_labelled() -> None:
    (article,) = stance.read_fixtures(SEED)
    assert article.translated
    labels = {quote.stance for quote in article.quotes}
    assert labels == set(stance.LABELS)
    speakers = {quote.speaker for quote in article.quotes}
    assert {"John Kirby", "Mikhail Podoliak", "The Kremlin"} <= speakers
    assert all(article.text[q.start : q.end] == q.text for q in article.quotes)
    assert all(q.context and q.text in q.context for q in article.quotes)
