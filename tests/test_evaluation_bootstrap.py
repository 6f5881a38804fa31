"""Article-bootstrap intervals, the paired bootstrap and McNemar's test."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from stance import LABELS
from stance.evaluation import bootstrap_scores, classification_scores, mcnemar, paired_bootstrap
from stance.evaluation.bootstrap import resample_weights

# Six articles of three quotes each; the model is right on articles a-d and wrong on e and f.
GROUPS = [name for name in "abcdef" for _ in range(3)]
GOLD = ["denial", "blame", "neutral"] * 6
PREDICTED = GOLD[:12] + ["support"] * 6


def test_interval_brackets_the_value_and_is_reproducible() -> None:
    first = bootstrap_scores(references=GOLD, predictions=PREDICTED, groups=GROUPS, seed=7)
    again = bootstrap_scores(references=GOLD, predictions=PREDICTED, groups=GROUPS, seed=7)
    assert first == again
    assert not np.array_equal(
        resample_weights(6, resamples=50, seed=7), resample_weights(6, resamples=50, seed=8)
    )
    accuracy = first["accuracy"]
    assert accuracy.value == pytest.approx(12 / 18)
    assert accuracy.low < accuracy.value < accuracy.high
    assert set(first) == {"accuracy", "macro_f1", *(f"f1:{label}" for label in LABELS)}


def test_resampling_is_by_article_not_by_quote() -> None:
    # Whole articles are right or wrong, so every resample's accuracy is a multiple of 1/6
    # (k right articles out of 6); resampling quotes would give multiples of 1/18.
    intervals = bootstrap_scores(
        references=GOLD, predictions=PREDICTED, groups=GROUPS, resamples=500, seed=0
    )
    for bound in (intervals["accuracy"].low, intervals["accuracy"].high):
        assert bound * 6 == pytest.approx(round(bound * 6))


def test_matches_a_direct_loop_over_resampled_articles() -> None:
    weights = resample_weights(6, resamples=200, seed=3)
    articles = sorted(set(GROUPS))
    direct = []
    for counts in weights:
        gold, predicted = [], []
        for article, times in zip(articles, counts.astype(int), strict=True):
            members = [i for i, group in enumerate(GROUPS) if group == article]
            gold += [GOLD[i] for i in members] * times
            predicted += [PREDICTED[i] for i in members] * times
        direct.append(classification_scores(references=gold, predictions=predicted).macro_f1)
    low, high = np.percentile(direct, [2.5, 97.5])
    ours = bootstrap_scores(
        references=GOLD, predictions=PREDICTED, groups=GROUPS, resamples=200, seed=3
    )["macro_f1"]
    assert (ours.low, ours.high) == pytest.approx((low, high))


def test_one_article_gives_a_zero_width_interval() -> None:
    interval = bootstrap_scores(references=GOLD[:3], predictions=["denial"] * 3, groups=["a"] * 3)[
        "accuracy"
    ]
    assert interval.low == interval.value == interval.high == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"resamples": 0}, "resamples must be a positive int, got 0"),
        ({"confidence": 1.5}, "confidence must be between 0 and 1, got 1.5"),
        ({"groups": ["a"]}, "inputs must have one entry per quote"),
    ],
)
def test_bad_settings_are_errors(kwargs: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {"references": GOLD, "predictions": PREDICTED, "groups": GROUPS}
    with pytest.raises(ValueError, match=message):
        bootstrap_scores(**(arguments | kwargs))  # type: ignore[arg-type]


def test_paired_bootstrap_finds_the_better_model() -> None:
    test = paired_bootstrap(
        references=GOLD,
        predictions_a=GOLD,
        predictions_b=PREDICTED,
        groups=GROUPS,
        metric="accuracy",
    )
    assert test.difference == pytest.approx(6 / 18)
    assert test.low == 0.0 < test.difference < test.high
    # B is right on 4 of 6 articles, so B ties A only when a resample draws none of e and f:
    # (4/6)**6 = 8.8% of resamples, which makes the two-sided p about 0.18.
    assert test.p_value == pytest.approx(2 * (4 / 6) ** 6, abs=0.04)
    reverse = paired_bootstrap(
        references=GOLD,
        predictions_a=PREDICTED,
        predictions_b=GOLD,
        groups=GROUPS,
        metric="accuracy",
    )
    assert reverse.difference == pytest.approx(-test.difference)
    assert reverse.p_value == pytest.approx(test.p_value)


def test_paired_bootstrap_interval_excludes_zero_for_a_consistent_win() -> None:
    # A beats B by one quote in each of 30 articles: every resample favours A.
    groups = [f"article-{n}" for n in range(30) for _ in range(2)]
    gold = ["denial", "blame"] * 30
    worse = ["denial", "neutral"] * 30
    test = paired_bootstrap(references=gold, predictions_a=gold, predictions_b=worse, groups=groups)
    assert test.low > 0
    assert test.p_value == 0.0


def test_paired_bootstrap_of_identical_models_shows_no_difference() -> None:
    test = paired_bootstrap(
        references=GOLD, predictions_a=PREDICTED, predictions_b=PREDICTED, groups=GROUPS
    )
    assert (test.difference, test.low, test.high, test.p_value) == (0.0, 0.0, 0.0, 1.0)


def test_paired_bootstrap_rejects_an_unknown_metric() -> None:
    with pytest.raises(
        ValueError,
        match=r"unknown metric 'ece' for a paired test; use one of \['accuracy', 'macro_f1'\]",
    ):
        paired_bootstrap(
            references=GOLD, predictions_a=GOLD, predictions_b=GOLD, groups=GROUPS, metric="ece"
        )


def test_mcnemar_computed_by_hand() -> None:
    # A alone is right on 6 quotes, B alone on 1: p = 2 * (C(7,0) + C(7,1)) / 2**7 = 0.125.
    gold = ["denial"] * 10
    a = ["denial"] * 6 + ["blame"] + ["denial"] * 3
    b = ["blame"] * 6 + ["denial"] + ["denial"] * 3
    test = mcnemar(references=gold, predictions_a=a, predictions_b=b)
    assert (test.only_a, test.only_b) == (6, 1)
    assert test.p_value == pytest.approx(0.125)


@pytest.mark.parametrize(("only_a", "only_b"), [(0, 0), (3, 3), (10, 2), (40, 25), (0, 9)])
def test_mcnemar_matches_scipys_exact_binomial_test(only_a: int, only_b: int) -> None:
    gold = ["denial"] * (only_a + only_b + 2)
    a = ["denial"] * only_a + ["blame"] * only_b + ["denial", "denial"]
    b = ["blame"] * only_a + ["denial"] * only_b + ["denial", "denial"]
    ours = mcnemar(references=gold, predictions_a=a, predictions_b=b).p_value
    expected = stats.binomtest(only_a, only_a + only_b).pvalue if only_a + only_b else 1.0
    assert ours == pytest.approx(expected)
