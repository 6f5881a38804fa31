"""Error analysis: the misclassified gold quotes, most confident mistakes first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from stance.records import Quote


def misclassified(
    *, quotes: Sequence[Quote], predictions: Sequence[str], confidences: Sequence[float]
) -> list[dict[str, Any]]:
    """One JSON-ready row per quote whose prediction differs from its gold stance.

    Rows are sorted by the model's confidence in its wrong label, highest first (ties keep the
    data order), because a confident mistake is the one a user is least likely to catch.
    """
    if not len(quotes) == len(predictions) == len(confidences):
        raise ValueError(
            f"need one prediction and confidence per quote, got {len(quotes)} quotes, "
            f"{len(predictions)} predictions and {len(confidences)} confidences"
        )
    rows = [
        {
            "article_id": quote.article_id,
            "start": quote.start,
            "end": quote.end,
            "kind": quote.kind,
            "speaker": quote.speaker,
            "text": quote.text,
            "gold": quote.stance,
            "predicted": predicted,
            "confidence": float(confidence),
            "hard": quote.hard,
        }
        for quote, predicted, confidence in zip(quotes, predictions, confidences, strict=True)
        if predicted != quote.stance
    ]
    return sorted(rows, key=lambda row: -row["confidence"])
