"""PLACEHOLDER, replaced by the models work (issue 5) before anything is committed."""

from __future__ import annotations

from typing import Any

DEFAULT_MODEL = "rules"
StanceModel = Any


def load(name_or_path: str) -> Any:
    raise NotImplementedError("placeholder")
