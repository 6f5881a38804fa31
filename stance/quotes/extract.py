"""PLACEHOLDER, replaced by the extraction work (issue 4) before anything is committed."""

from __future__ import annotations

from stance.records import Quote


def extract_quotes(text: str) -> list[Quote]:
    raise NotImplementedError("placeholder")
