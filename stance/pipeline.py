"""``analyze``: article text in, stance-labelled quotes out.

The three steps are kept apart, as in a Hugging Face pipeline: extract the quotes (preprocess),
score them with a model (forward), and write each label and its probability back onto the
quotes (postprocess).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from os import PathLike
from typing import TYPE_CHECKING

from stance.models import DEFAULT_MODEL, load
from stance.quotes import extract_quotes
from stance.records import Quote

if TYPE_CHECKING:
    import numpy as np

    from stance.models import StanceModel


def analyze(text: str, *, model: str | PathLike[str] | StanceModel = DEFAULT_MODEL) -> list[Quote]:
    """Extract every quoted statement in ``text`` and label its stance.

    ``model`` is a registered name (see ``stance.models.available()``), a folder written by
    ``model.save()``, or a fitted model object. Each returned quote has ``stance`` and
    ``confidence`` (the model's probability for that label) filled in.
    """
    quotes = extract_quotes(text)
    if not quotes:
        return []
    estimator = _cached_load(str(model)) if isinstance(model, str | PathLike) else model
    return label_quotes(quotes, estimator.predict_proba(quotes), estimator.classes_)


def label_quotes(
    quotes: Sequence[Quote], probabilities: np.ndarray, classes: Sequence[str]
) -> list[Quote]:
    """Return copies of ``quotes`` with the most probable class and its probability filled in."""
    best = probabilities.argmax(axis=1)
    return [
        dataclasses.replace(quote, stance=classes[index], confidence=float(row[index]))
        for quote, row, index in zip(quotes, probabilities, best, strict=True)
    ]


@functools.lru_cache(maxsize=8)
def _cached_load(name_or_path: str) -> StanceModel:
    # Pretrained models are read from disk once per process, not once per article.
    return load(name_or_path)
