"""Stance metrics on gold quotes, in the style of ``evaluate`` and ``seqeval``.

Every function takes keyword-only inputs and scores against a fixed label order (by default
:data:`stance.LABELS`), so a class that never occurs still has its row, column and score.
Zero division is explicit: a precision, recall or F1 whose denominator is zero takes the
``zero_division`` value (0.0 by default, as in scikit-learn). Empty input is an error: there is
no accuracy of nothing.

The scores are computed from a confusion matrix, and :func:`scores_from_confusion` works on a
stack of them, which is what makes the article bootstrap in :mod:`stance.evaluation.bootstrap`
cheap: it resamples per-article confusion matrices instead of re-scoring quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from stance.records import LABELS

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: Equal-width confidence bins used for calibration unless a caller asks for another number.
DEFAULT_CALIBRATION_BINS = 10


@dataclass(frozen=True, slots=True)
class ClassificationScores:
    """Accuracy, macro-F1, per-class precision/recall/F1/support and the confusion matrix.

    ``confusion[i][j]`` counts quotes whose gold label is ``labels[i]`` and whose predicted
    label is ``labels[j]``.
    """

    labels: tuple[str, ...]
    accuracy: float
    macro_f1: float
    precision: dict[str, float]
    recall: dict[str, float]
    f1: dict[str, float]
    support: dict[str, int]
    confusion: tuple[tuple[int, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        """The scores as a JSON-ready dict (per-class scores keyed by label)."""
        return {
            "labels": list(self.labels),
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "per_class": {
                label: {
                    "precision": self.precision[label],
                    "recall": self.recall[label],
                    "f1": self.f1[label],
                    "support": self.support[label],
                }
                for label in self.labels
            },
            "confusion": [list(row) for row in self.confusion],
        }


def label_indices(values: Sequence[str], *, labels: Sequence[str], role: str) -> IntArray:
    """Map each label in ``values`` to its position in ``labels``; unknown labels are an error."""
    position = {label: index for index, label in enumerate(labels)}
    unknown = sorted({value for value in values if value not in position}, key=str)
    if unknown:
        raise ValueError(
            f"{role} contain label(s) {unknown} outside the label set {list(labels)}; "
            "pass labels=... with every label that occurs"
        )
    return np.fromiter((position[value] for value in values), dtype=np.int64, count=len(values))


def check_same_length(**sequences: Sequence[Any]) -> int:
    """Return the common length of ``sequences``; raise if they differ or are all empty."""
    lengths = {name: len(values) for name, values in sequences.items()}
    if len(set(lengths.values())) > 1:
        described = ", ".join(f"{name}={length}" for name, length in lengths.items())
        raise ValueError(f"inputs must have one entry per quote, got lengths {described}")
    length = next(iter(lengths.values()))
    if length == 0:
        raise ValueError(
            f"got no quotes to score ({', '.join(lengths)} are empty); pass at least one"
        )
    return length


def confusion_matrix(
    *, references: Sequence[str], predictions: Sequence[str], labels: Sequence[str] = LABELS
) -> IntArray:
    """Count (gold, predicted) pairs: rows are gold labels, columns predictions, in ``labels`` order."""
    check_same_length(references=references, predictions=predictions)
    gold = label_indices(references, labels=labels, role="references")
    predicted = label_indices(predictions, labels=labels, role="predictions")
    return confusion_from_indices(gold, predicted, n_labels=len(labels))


def confusion_from_indices(gold: IntArray, predicted: IntArray, *, n_labels: int) -> IntArray:
    """The confusion matrix of two arrays of label indices."""
    counts = np.bincount(gold * n_labels + predicted, minlength=n_labels * n_labels)
    return counts.reshape(n_labels, n_labels).astype(np.int64)


def scores_from_confusion(
    confusion: npt.NDArray[Any], *, zero_division: float = 0.0
) -> dict[str, FloatArray]:
    """Accuracy, macro-F1 and per-class precision, recall, F1 from confusion matrices.

    ``confusion`` has shape ``(..., L, L)``; the results keep the leading shape (``(...)`` for
    accuracy and macro-F1, ``(..., L)`` for per-class scores). F1 is ``2tp / (2tp + fp + fn)``.
    """
    _check_zero_division(zero_division)
    matrix = np.asarray(confusion, dtype=np.float64)
    true_positive = np.diagonal(matrix, axis1=-2, axis2=-1)
    gold_count = matrix.sum(axis=-1)
    predicted_count = matrix.sum(axis=-2)
    total = gold_count.sum(axis=-1)
    precision = _divide(true_positive, predicted_count, zero_division)
    recall = _divide(true_positive, gold_count, zero_division)
    f1 = _divide(2 * true_positive, gold_count + predicted_count, zero_division)
    return {
        "accuracy": _divide(true_positive.sum(axis=-1), total, zero_division),
        "macro_f1": f1.mean(axis=-1),
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def classification_scores(
    *,
    references: Sequence[str],
    predictions: Sequence[str],
    labels: Sequence[str] = LABELS,
    zero_division: float = 0.0,
) -> ClassificationScores:
    """Score predicted stance labels against gold ones.

    Macro-F1 is the unweighted mean of the per-class F1 over every label in ``labels``, present
    or not (as ``sklearn.metrics.f1_score(labels=..., average="macro")``).

    >>> scores = classification_scores(
    ...     references=["denial", "blame", "neutral"], predictions=["denial", "neutral", "neutral"]
    ... )
    >>> round(scores.accuracy, 3), scores.f1["neutral"], scores.support["blame"]
    (0.667, 0.6666666666666666, 1)
    """
    confusion = confusion_matrix(references=references, predictions=predictions, labels=labels)
    scores = scores_from_confusion(confusion, zero_division=zero_division)
    support = confusion.sum(axis=1)
    names = tuple(labels)
    return ClassificationScores(
        labels=names,
        accuracy=float(scores["accuracy"]),
        macro_f1=float(scores["macro_f1"]),
        precision=_per_label(names, scores["precision"]),
        recall=_per_label(names, scores["recall"]),
        f1=_per_label(names, scores["f1"]),
        support={label: int(count) for label, count in zip(names, support, strict=True)},
        confusion=tuple(tuple(int(count) for count in row) for row in confusion),
    )


@dataclass(frozen=True, slots=True)
class CalibrationBins:
    """Per-bin counts behind a reliability diagram, over ``(low, high]`` confidence bins.

    ``confidence_sum`` and ``correct_sum`` are sums over the quotes in a bin, so bins from
    different articles add up; divide by ``count`` for the bin's mean confidence and accuracy.
    """

    edges: tuple[float, ...]
    count: tuple[int, ...]
    confidence_sum: tuple[float, ...]
    correct_sum: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        """The bins as JSON: edges, and per bin its count, mean confidence and accuracy."""
        return {
            "edges": list(self.edges),
            "count": list(self.count),
            "mean_confidence": [
                total / count if count else None
                for total, count in zip(self.confidence_sum, self.count, strict=True)
            ],
            "accuracy": [
                correct / count if count else None
                for correct, count in zip(self.correct_sum, self.count, strict=True)
            ],
        }


def calibration_statistics(
    *, correct: npt.NDArray[np.bool_], confidence: FloatArray, n_bins: int
) -> FloatArray:
    """Per-quote bin statistics: an ``(n, n_bins, 3)`` array of (count, confidence, correct).

    Summing it over any set of quotes gives that set's reliability bins; this is what the
    article bootstrap resamples.
    """
    if n_bins < 1:
        raise ValueError(f"n_bins must be a positive int, got {n_bins!r}")
    if np.any((confidence < 0) | (confidence > 1)) or np.any(np.isnan(confidence)):
        raise ValueError("confidences must lie in [0, 1]; check the model's predict_proba rows")
    inner_edges = np.linspace(0.0, 1.0, n_bins + 1)[1:-1]
    bins = np.searchsorted(inner_edges, confidence, side="left")
    statistics = np.zeros((len(confidence), n_bins, 3))
    rows = np.arange(len(confidence))
    statistics[rows, bins, 0] = 1.0
    statistics[rows, bins, 1] = confidence
    statistics[rows, bins, 2] = correct
    return statistics


def ece_from_statistics(statistics: npt.NDArray[Any]) -> FloatArray:
    """Expected calibration error from summed bin statistics of shape ``(..., n_bins, 3)``."""
    count = statistics[..., 0]
    gap = np.abs(statistics[..., 2] - statistics[..., 1]).sum(axis=-1)
    return _divide(gap, count.sum(axis=-1), 0.0)


def calibration_bins(
    *,
    references: Sequence[str],
    probabilities: npt.ArrayLike,
    labels: Sequence[str] = LABELS,
    n_bins: int = DEFAULT_CALIBRATION_BINS,
) -> CalibrationBins:
    """Group quotes by the confidence of their top label into ``n_bins`` equal-width bins.

    ``probabilities`` has one row per quote and one column per label, in ``labels`` order; the
    prediction is the row's most probable label (the first on a tie), its confidence that
    probability.
    """
    correct, confidence = top_label_correctness(
        references=references, probabilities=probabilities, labels=labels
    )
    summed = calibration_statistics(correct=correct, confidence=confidence, n_bins=n_bins).sum(
        axis=0
    )
    return CalibrationBins(
        edges=tuple(float(edge) for edge in np.linspace(0.0, 1.0, n_bins + 1)),
        count=tuple(int(value) for value in summed[:, 0]),
        confidence_sum=tuple(float(value) for value in summed[:, 1]),
        correct_sum=tuple(round(float(value)) for value in summed[:, 2]),
    )


def expected_calibration_error(
    *,
    references: Sequence[str],
    probabilities: npt.ArrayLike,
    labels: Sequence[str] = LABELS,
    n_bins: int = DEFAULT_CALIBRATION_BINS,
) -> float:
    """ECE: the count-weighted mean gap between accuracy and confidence over the bins.

    ``sum_b (n_b / n) * |accuracy_b - mean_confidence_b|`` over ``(low, high]`` bins of the top
    label's probability (Guo et al., 2017). 0 is perfectly calibrated.
    """
    correct, confidence = top_label_correctness(
        references=references, probabilities=probabilities, labels=labels
    )
    statistics = calibration_statistics(correct=correct, confidence=confidence, n_bins=n_bins)
    return float(ece_from_statistics(statistics.sum(axis=0)))


def top_label_correctness(
    *, references: Sequence[str], probabilities: npt.ArrayLike, labels: Sequence[str]
) -> tuple[npt.NDArray[np.bool_], FloatArray]:
    """Whether each row's most probable label is the gold one, and that label's probability."""
    matrix = check_probabilities(probabilities, n_labels=len(labels))
    check_same_length(references=references, probabilities=list(matrix))
    gold = label_indices(references, labels=labels, role="references")
    predicted = matrix.argmax(axis=1)
    return predicted == gold, matrix[np.arange(len(matrix)), predicted]


def check_probabilities(probabilities: npt.ArrayLike, *, n_labels: int) -> FloatArray:
    """Return ``probabilities`` as an ``(n, n_labels)`` float array of rows summing to one."""
    matrix = np.asarray(probabilities, dtype=np.float64)
    if matrix.ndim != 2 or matrix.shape[1] != n_labels:
        raise ValueError(
            f"probabilities must have shape (n_quotes, {n_labels}), one column per label; "
            f"got shape {matrix.shape}"
        )
    if not np.allclose(matrix.sum(axis=1), 1.0, atol=1e-4) or np.any(matrix < 0):
        raise ValueError(
            "every probability row must be non-negative and sum to 1; "
            "pass the output of predict_proba, not scores or logits"
        )
    return matrix


def _per_label(labels: tuple[str, ...], values: FloatArray) -> dict[str, float]:
    return {label: float(value) for label, value in zip(labels, values, strict=True)}


def _divide(numerator: FloatArray, denominator: FloatArray, zero_division: float) -> FloatArray:
    numerator = np.asarray(numerator, dtype=np.float64)
    denominator = np.asarray(denominator, dtype=np.float64)
    safe = np.where(denominator == 0, 1.0, denominator)
    return np.where(denominator == 0, zero_division, numerator / safe)


def _check_zero_division(zero_division: float) -> None:
    if zero_division not in (0.0, 1.0):
        raise ValueError(
            f"zero_division must be 0.0 or 1.0 (the score given when a denominator is zero), "
            f"got {zero_division!r}"
        )
