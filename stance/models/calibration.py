"""Probabilities that mean what they say: temperature scaling fitted on out-of-fold scores.

Class-balanced training and margin losses (the SVM) give scores whose softmax is over- or
under-confident. One temperature, fitted by minimising the log-loss of out-of-fold scores on the
training data (Guo et al., 2017), fixes most of that without touching the ranking, so the
predicted label never changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

from stance.records import LABELS

#: Scores for the held-out rows, from a model trained on the other rows.
FoldScorer = Callable[[np.ndarray, np.ndarray], np.ndarray]


def softmax(scores: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Row-wise softmax of ``scores / temperature``."""
    scaled = scores / temperature
    scaled = scaled - scaled.max(axis=1, keepdims=True)
    exp = np.exp(scaled)
    result: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
    return result


def fit_temperature(scores: np.ndarray, label_indices: np.ndarray) -> float:
    """The temperature in [0.05, 20] that minimises the log-loss of ``softmax(scores / T)``."""

    def log_loss(log_temperature: float) -> float:
        probabilities = softmax(scores, float(np.exp(log_temperature)))
        picked = probabilities[np.arange(len(label_indices)), label_indices]
        return float(-np.log(np.clip(picked, 1e-12, None)).mean())

    result = minimize_scalar(log_loss, bounds=(np.log(0.05), np.log(20.0)), method="bounded")
    return float(np.exp(result.x))


def out_of_fold_scores(
    score_fold: FoldScorer,
    label_indices: np.ndarray,
    groups: Sequence[str | None],
    *,
    n_splits: int,
    seed: int,
) -> np.ndarray:
    """Scores for every row from a model that did not see it, folds grouped by article.

    ``score_fold(train_rows, held_out_rows)`` trains on one part and scores the other, returning
    one column per class seen in training (see :func:`scores_for_all_labels`). Rows of
    one article stay in one fold when article ids are known, since quotes from one article are
    alike and would make the scores look better than they are.
    """
    counts = np.bincount(label_indices, minlength=len(LABELS))
    fewest = int(counts.min())
    if fewest < 2:
        raise ValueError(
            f"calibration needs at least 2 training quotes of every label, got {fewest} of "
            f"{LABELS[int(counts.argmin())]!r}; add data or pass calibrate=False"
        )
    folds = min(n_splits, fewest)
    known_groups = [group for group in groups if group is not None]
    splitter: StratifiedGroupKFold | StratifiedKFold
    if len(known_groups) == len(groups) and len(set(known_groups)) >= folds:
        splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
        splits = splitter.split(label_indices, label_indices, groups=list(groups))
    else:
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        splits = splitter.split(label_indices, label_indices)
    scores = np.zeros((len(label_indices), len(LABELS)))
    for train_rows, held_out_rows in splits:
        scores[held_out_rows] = score_fold(train_rows, held_out_rows)
    return scores


def label_indices(labels: Sequence[str]) -> np.ndarray:
    """Column index of each label in ``stance.LABELS`` order."""
    position: dict[str, int] = {label: index for index, label in enumerate(LABELS)}
    return np.array([position[label] for label in labels], dtype=np.int64)


def scores_for_all_labels(scores: np.ndarray, seen: np.ndarray) -> np.ndarray:
    """Spread a fold model's scores for the label indices it ``seen`` over all four columns.

    A fold whose training part happened to lack a label cannot score it; that label gets the
    row's lowest score, i.e. the fold model ranks it last.
    """
    if scores.ndim == 1:  # a binary linear model returns one column: the second class's margin
        scores = np.stack([-scores, scores], axis=1)
    full = np.repeat(scores.min(axis=1, keepdims=True), len(LABELS), axis=1)
    full[:, seen] = scores
    return full
