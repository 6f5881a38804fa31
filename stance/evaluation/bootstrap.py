"""Uncertainty by article: bootstrap intervals, a paired bootstrap test, and McNemar's test.

Quotes from one article share a writer, a topic and usually a speaker, so they are not
independent draws; resampling quotes would make intervals too narrow. These functions resample
**articles** with replacement (a cluster bootstrap): each resample draws as many articles as
there are, and a metric is recomputed from the quotes of the drawn articles (an article drawn
twice counts twice). Intervals are percentile intervals of the resampled metric.

Everything is computed from per-article sufficient statistics (confusion matrices, calibration
bin sums), so one matrix product per resample set scores every resample at once.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from stance.evaluation.metrics import (
    FloatArray,
    IntArray,
    check_same_length,
    label_indices,
    scores_from_confusion,
)
from stance.records import LABELS

#: Resamples drawn unless a caller asks for another number; enough for stable 95% percentiles.
DEFAULT_RESAMPLES = 1000
DEFAULT_CONFIDENCE = 0.95


@dataclass(frozen=True, slots=True)
class Interval:
    """A metric's value on the data and its bootstrap confidence interval."""

    value: float
    low: float
    high: float

    def to_dict(self) -> dict[str, float]:
        """``{"value": ..., "ci_low": ..., "ci_high": ...}``."""
        return {"value": self.value, "ci_low": self.low, "ci_high": self.high}


@dataclass(frozen=True, slots=True)
class PairedTest:
    """How much better model A scores than model B on the same quotes, and how surely.

    ``difference`` is A minus B on the data; the interval is the percentile interval of the
    resampled difference; ``p_value`` is two-sided: twice the share of resamples on the other
    side of zero from the observed difference (capped at 1).
    """

    metric: str
    difference: float
    low: float
    high: float
    p_value: float

    def to_dict(self) -> dict[str, Any]:
        """The test as JSON."""
        return {
            "metric": self.metric,
            "difference": self.difference,
            "ci_low": self.low,
            "ci_high": self.high,
            "p_value": self.p_value,
        }


@dataclass(frozen=True, slots=True)
class McNemarTest:
    """McNemar's exact test on the quotes exactly one of two models gets right.

    ``only_a`` counts quotes A gets right and B wrong, ``only_b`` the reverse; the p-value is
    the two-sided exact binomial probability of a split at least this uneven under p = 1/2.
    It treats quotes as independent, so prefer :func:`paired_bootstrap` when articles differ
    a lot; it is reported because it is the test most readers know.
    """

    only_a: int
    only_b: int
    p_value: float

    def to_dict(self) -> dict[str, Any]:
        """The test as JSON."""
        return {
            "only_a_correct": self.only_a,
            "only_b_correct": self.only_b,
            "p_value": self.p_value,
        }


def group_codes(groups: Sequence[Hashable]) -> tuple[IntArray, int]:
    """Number the distinct groups (articles) in order of first appearance."""
    codes: dict[Hashable, int] = {}
    indices = np.fromiter(
        (codes.setdefault(group, len(codes)) for group in groups), dtype=np.int64, count=len(groups)
    )
    return indices, len(codes)


def resample_weights(n_groups: int, *, resamples: int, seed: int) -> FloatArray:
    """How many times each of ``n_groups`` articles is drawn in each resample: ``(resamples, n)``.

    A draw of ``n_groups`` articles with replacement is a multinomial count vector; the same
    ``seed`` gives the same resamples, so models scored on the same data are compared on
    identical resamples (the pairing that :func:`paired_bootstrap` relies on).
    """
    if resamples < 1:
        raise ValueError(f"resamples must be a positive int, got {resamples!r}")
    if n_groups < 1:
        raise ValueError("cannot resample zero articles; pass data with at least one article")
    generator = np.random.default_rng(seed)
    counts = generator.multinomial(n_groups, np.full(n_groups, 1.0 / n_groups), size=resamples)
    return counts.astype(np.float64)


def per_group_sum(values: npt.NDArray[Any], codes: IntArray, n_groups: int) -> FloatArray:
    """Sum per-quote arrays (first axis: quotes) into per-article arrays (first axis: articles)."""
    summed = np.zeros((n_groups, *values.shape[1:]))
    np.add.at(summed, codes, values)
    return summed


def resampled(per_group: npt.NDArray[Any], weights: FloatArray) -> FloatArray:
    """Each resample's total of the per-article statistics: ``(resamples, ...)``."""
    flat = per_group.reshape(per_group.shape[0], -1)
    totals: FloatArray = np.asarray(weights @ flat, dtype=np.float64)
    return totals.reshape(weights.shape[0], *per_group.shape[1:])


def percentile_interval(
    value: float, samples: FloatArray, *, confidence: float = DEFAULT_CONFIDENCE
) -> Interval:
    """The ``confidence`` percentile interval of ``samples`` around ``value``.

    NaN samples (a resample with no quotes of a small slice) are left out.
    """
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence!r}")
    tail = (1.0 - confidence) / 2 * 100
    low, high = np.nanpercentile(samples, [tail, 100 - tail])
    return Interval(value=float(value), low=float(low), high=float(high))


def per_quote_confusions(
    *, references: Sequence[str], predictions: Sequence[str], labels: Sequence[str]
) -> FloatArray:
    """One one-hot ``(L, L)`` confusion matrix per quote: ``(n, L, L)``."""
    gold = label_indices(references, labels=labels, role="references")
    predicted = label_indices(predictions, labels=labels, role="predictions")
    one_hot = np.zeros((len(gold), len(labels), len(labels)))
    one_hot[np.arange(len(gold)), gold, predicted] = 1.0
    return one_hot


#: Metrics of a stack of confusion matrices, by name, each returning shape ``(...)``.
CONFUSION_METRICS: dict[str, Callable[[FloatArray], FloatArray]] = {
    "accuracy": lambda confusion: scores_from_confusion(confusion)["accuracy"],
    "macro_f1": lambda confusion: scores_from_confusion(confusion)["macro_f1"],
}


def bootstrap_scores(
    *,
    references: Sequence[str],
    predictions: Sequence[str],
    groups: Sequence[Hashable],
    labels: Sequence[str] = LABELS,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
    confidence: float = DEFAULT_CONFIDENCE,
) -> dict[str, Interval]:
    """Accuracy, macro-F1 and per-class F1 (``"f1:<label>"``) with article-bootstrap intervals.

    ``groups`` names each quote's article; the resampling unit is the article.
    """
    check_same_length(references=references, predictions=predictions, groups=groups)
    codes, n_groups = group_codes(groups)
    confusion = per_group_sum(
        per_quote_confusions(references=references, predictions=predictions, labels=labels),
        codes,
        n_groups,
    )
    weights = resample_weights(n_groups, resamples=resamples, seed=seed)
    return confusion_intervals(confusion, weights, labels=labels, confidence=confidence)


def confusion_intervals(
    per_group_confusion: FloatArray,
    weights: FloatArray,
    *,
    labels: Sequence[str],
    confidence: float = DEFAULT_CONFIDENCE,
) -> dict[str, Interval]:
    """Intervals for accuracy, macro-F1 and each class's F1 from per-article confusion matrices."""
    point = scores_from_confusion(per_group_confusion.sum(axis=0))
    samples = scores_from_confusion(resampled(per_group_confusion, weights))
    intervals = {
        name: percentile_interval(float(point[name]), samples[name], confidence=confidence)
        for name in ("accuracy", "macro_f1")
    }
    for index, label in enumerate(labels):
        intervals[f"f1:{label}"] = percentile_interval(
            float(point["f1"][index]), samples["f1"][:, index], confidence=confidence
        )
    return intervals


def paired_bootstrap(
    *,
    references: Sequence[str],
    predictions_a: Sequence[str],
    predictions_b: Sequence[str],
    groups: Sequence[Hashable],
    metric: str = "macro_f1",
    labels: Sequence[str] = LABELS,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
    confidence: float = DEFAULT_CONFIDENCE,
) -> PairedTest:
    """Paired article bootstrap of ``metric(A) - metric(B)`` on the same quotes.

    Both models are scored on the same resampled articles, so what varies between resamples is
    only how the two disagree, which makes the test far more sensitive than comparing two
    separate intervals. ``metric`` is ``"accuracy"`` or ``"macro_f1"``.
    """
    check_same_length(
        references=references,
        predictions_a=predictions_a,
        predictions_b=predictions_b,
        groups=groups,
    )
    codes, n_groups = group_codes(groups)
    confusions = [
        per_group_sum(
            per_quote_confusions(references=references, predictions=predictions, labels=labels),
            codes,
            n_groups,
        )
        for predictions in (predictions_a, predictions_b)
    ]
    weights = resample_weights(n_groups, resamples=resamples, seed=seed)
    return paired_from_confusions(
        confusions[0], confusions[1], weights, metric=metric, confidence=confidence
    )


def paired_from_confusions(
    confusion_a: FloatArray,
    confusion_b: FloatArray,
    weights: FloatArray,
    *,
    metric: str,
    confidence: float = DEFAULT_CONFIDENCE,
) -> PairedTest:
    """:func:`paired_bootstrap` from per-article confusion matrices and shared resample weights."""
    if metric not in CONFUSION_METRICS:
        raise ValueError(
            f"unknown metric {metric!r} for a paired test; use one of {sorted(CONFUSION_METRICS)}"
        )
    score = CONFUSION_METRICS[metric]
    difference = float(score(confusion_a.sum(axis=0)) - score(confusion_b.sum(axis=0)))
    samples = score(resampled(confusion_a, weights)) - score(resampled(confusion_b, weights))
    interval = percentile_interval(difference, samples, confidence=confidence)
    if difference > 0:
        other_side = float(np.mean(samples <= 0))
    elif difference < 0:
        other_side = float(np.mean(samples >= 0))
    else:
        other_side = 0.5
    return PairedTest(
        metric=metric,
        difference=difference,
        low=interval.low,
        high=interval.high,
        p_value=min(1.0, 2 * other_side),
    )


def mcnemar(
    *, references: Sequence[str], predictions_a: Sequence[str], predictions_b: Sequence[str]
) -> McNemarTest:
    """McNemar's exact test: do models A and B get different quotes right more than by chance?"""
    check_same_length(
        references=references, predictions_a=predictions_a, predictions_b=predictions_b
    )
    right_a = [gold == predicted for gold, predicted in zip(references, predictions_a, strict=True)]
    right_b = [gold == predicted for gold, predicted in zip(references, predictions_b, strict=True)]
    only_a = sum(a and not b for a, b in zip(right_a, right_b, strict=True))
    only_b = sum(b and not a for a, b in zip(right_a, right_b, strict=True))
    return McNemarTest(
        only_a=only_a, only_b=only_b, p_value=_exact_binomial_two_sided(only_a, only_b)
    )


def _exact_binomial_two_sided(successes: int, failures: int) -> float:
    """Two-sided exact binomial test of ``successes`` in ``successes + failures`` at p = 1/2."""
    trials = successes + failures
    if trials == 0:
        return 1.0
    smaller = min(successes, failures)
    # Exact integer arithmetic: the tail sum of binomial coefficients over 2**trials.
    tail = sum(math.comb(trials, k) for k in range(smaller + 1))
    return float(min(1.0, 2 * tail / 2**trials))
