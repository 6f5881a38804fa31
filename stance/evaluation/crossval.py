"""Grouped k-fold cross-validation by article, for corpora too small for a fixed test split.

Every article's quotes stay in one fold, so a model is never scored on an article it has seen
in training. Folds are balanced by quote count: articles, shuffled by ``seed``, go one by one
(largest first) to the fold with the fewest quotes so far.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from stance._optional import require
from stance.evaluation.bootstrap import DEFAULT_RESAMPLES, bootstrap_scores
from stance.evaluation.metrics import classification_scores
from stance.records import Article, Quote


class Estimator(Protocol):
    """The stance-model contract that cross-validation uses."""

    def fit(self, quotes: Sequence[Quote], labels: Sequence[str]) -> Any: ...

    def predict(self, quotes: Sequence[Quote]) -> list[str]: ...


def article_folds(articles: Sequence[Article], *, folds: int, seed: int = 0) -> list[list[str]]:
    """Split article ids into ``folds`` groups of about equal quote count."""
    if folds < 2:
        raise ValueError(f"folds must be at least 2, got {folds!r}")
    labelled = [article for article in articles if article.quotes]
    if len(labelled) < folds:
        raise ValueError(
            f"cannot make {folds} folds from {len(labelled)} article(s) with quotes; "
            "use fewer folds or more articles"
        )
    order = np.random.default_rng(seed).permutation(len(labelled))
    # A stable sort keeps the seeded shuffle among articles of equal size.
    ranked = sorted((labelled[index] for index in order), key=lambda a: -len(a.quotes))
    groups: list[list[str]] = [[] for _ in range(folds)]
    sizes = [0] * folds
    for article in ranked:
        smallest = sizes.index(min(sizes))
        groups[smallest].append(article.id)
        sizes[smallest] += len(article.quotes)
    return groups


def cross_validate(
    estimator: Estimator,
    articles: Sequence[Article],
    *,
    folds: int = 5,
    seed: int = 0,
    resamples: int = DEFAULT_RESAMPLES,
) -> dict[str, Any]:
    """Fit a fresh clone of ``estimator`` per fold and score the pooled held-out predictions.

    Returns (JSON-ready) the folds' article ids, each fold's accuracy and macro-F1, their mean
    and standard deviation, and the pooled out-of-fold scores with article-bootstrap intervals.
    """
    clone = require("sklearn.base", purpose="cross-validation (cloning the estimator)").clone
    by_id = {article.id: article for article in articles}
    gold: list[str] = []
    predicted: list[str] = []
    groups: list[str] = []
    per_fold = []
    for held_out in article_folds(articles, folds=folds, seed=seed):
        held = set(held_out)
        train = [q for a in articles if a.id not in held for q in a.quotes]
        test = [q for article_id in held_out for q in by_id[article_id].quotes]
        model = clone(estimator).fit(train, [_gold(quote) for quote in train])
        labels = list(model.predict(test))
        fold_gold = [_gold(quote) for quote in test]
        scores = classification_scores(references=fold_gold, predictions=labels)
        per_fold.append(
            {
                "articles": held_out,
                "quotes": len(test),
                "accuracy": scores.accuracy,
                "macro_f1": scores.macro_f1,
            }
        )
        gold += fold_gold
        predicted += labels
        groups += [str(quote.article_id) for quote in test]
    pooled = classification_scores(references=gold, predictions=predicted)
    intervals = bootstrap_scores(
        references=gold, predictions=predicted, groups=groups, resamples=resamples, seed=seed
    )
    macro = np.array([fold["macro_f1"] for fold in per_fold])
    return {
        "folds": per_fold,
        "macro_f1_mean": float(macro.mean()),
        "macro_f1_std": float(macro.std(ddof=1)),
        "pooled": pooled.to_dict(),
        "intervals": {name: interval.to_dict() for name, interval in intervals.items()},
    }


def _gold(quote: Quote) -> str:
    if quote.stance is None:
        raise ValueError(
            f"quote {quote.text[:40]!r} in article {quote.article_id!r} has no gold stance; "
            "cross-validation needs labelled fixtures"
        )
    return quote.stance
