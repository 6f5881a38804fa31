"""The fixture format's JSON Schema, shipped with the package."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def fixture_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that one fixture article follows."""
    schema_text = (
        resources.files("stance.articles").joinpath("fixture.schema.json").read_text("utf-8")
    )
    schema: dict[str, Any] = json.loads(schema_text)
    return schema
