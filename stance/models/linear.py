"""A calibrated linear classification head, shared by the TF-IDF and the embedding models.

Fitting trains a class-balanced linear classifier on all rows and, when asked, a softmax
temperature on out-of-fold scores of the same recipe; predicting is one matrix product and a
softmax. The learned state is three numeric arrays, saved as npz.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from stance.models.calibration import (
    fit_temperature,
    out_of_fold_scores,
    scores_for_all_labels,
    softmax,
)
from stance.records import LABELS

#: Builds a fresh, unfitted scikit-learn linear classifier (``coef_``, ``intercept_``).
ClassifierFactory = Callable[[], Any]


@dataclass(frozen=True, slots=True)
class LinearHead:
    """``softmax((features @ coef.T + intercept) / temperature)``, columns in LABELS order."""

    coef: np.ndarray
    intercept: np.ndarray
    temperature: float

    def predict_proba(self, features: Any) -> np.ndarray:
        """Probabilities for a dense or sparse feature matrix."""
        scores = np.asarray(features @ self.coef.T + self.intercept, dtype=np.float64)
        return softmax(scores, self.temperature)

    def arrays(self) -> dict[str, np.ndarray]:
        """The state to save, by array name."""
        return {
            "coef": self.coef,
            "intercept": self.intercept,
            "temperature": np.array(self.temperature),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> LinearHead:
        """Rebuild a head saved with :meth:`arrays`."""
        coef = arrays["coef"]
        if coef.ndim != 2 or coef.shape[0] != len(LABELS):
            raise ValueError(
                f"a saved linear head needs coef of shape ({len(LABELS)}, n_features); "
                f"got {coef.shape}: the weights file is damaged or from another model"
            )
        return cls(coef, arrays["intercept"], float(arrays["temperature"]))


def fit_linear_head(
    make_classifier: ClassifierFactory,
    features: Any,
    targets: np.ndarray,
    *,
    groups: Sequence[str | None],
    calibrate: bool,
    seed: int,
) -> LinearHead:
    """Fit ``make_classifier()`` on all rows; with ``calibrate``, a temperature on 5-fold scores.

    BLAS runs on one thread here: these problems are small, and on a busy machine a BLAS thread
    pool spinning against other processes made training ten times slower.
    """
    with threadpool_limits(limits=1, user_api="blas"):
        estimator = make_classifier().fit(features, targets)
        temperature = 1.0
        if calibrate:

            def score_fold(train_rows: np.ndarray, held_out_rows: np.ndarray) -> np.ndarray:
                fold = make_classifier().fit(features[train_rows], targets[train_rows])
                scores = np.asarray(fold.decision_function(features[held_out_rows]))
                return scores_for_all_labels(scores, fold.classes_)

            scores = out_of_fold_scores(score_fold, targets, groups, n_splits=5, seed=seed)
            temperature = fit_temperature(scores, targets)
    return LinearHead(
        np.asarray(estimator.coef_, dtype=np.float32),
        np.asarray(estimator.intercept_, dtype=np.float32),
        temperature,
    )
