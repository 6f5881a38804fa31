"""Articles in: labelled fixtures, their validation, splits and their Hugging Face dataset view."""

from stance.articles.dataset import to_dataset
from stance.articles.fixtures import (
    SPLITS,
    FixtureError,
    Problem,
    Split,
    article_splits,
    read_fixtures,
    validate_fixtures,
)
from stance.articles.schema import fixture_schema

__all__ = [
    "SPLITS",
    "FixtureError",
    "Problem",
    "Split",
    "article_splits",
    "fixture_schema",
    "read_fixtures",
    "to_dataset",
    "validate_fixtures",
]
